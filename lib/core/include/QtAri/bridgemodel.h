// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtCore/QAbstractItemModel>

#include <memory>

namespace QtAri {

class Bridge;
class Channel;
class Client;
class BridgeModelPrivate;

//! \brief The Client's live bridges as a tree: one top-level row per bridge, its member channels
//! as child rows.
//!
//! Fed by the Client's identity map like ChannelModel. Child rows carry the channel's id (and,
//! while the channel is live, its name and state) and the ChannelRole; top-level rows the bridge's
//! properties. Named columns and roles for widget views and QML. The model does not own the
//! client; if the client is destroyed the model empties.
//!
//! With subscribeAll it holds every bridge of the server; without (the default) the bridges the
//! applications created, were told of (one of their channels entered it) or subscribed to, and
//! at a (re)connect those holding a channel in their Stasis (see Client).
class QTARI_EXPORT BridgeModel : public QAbstractItemModel
{
    Q_OBJECT
    Q_MOC_INCLUDE(<QtAri/client.h>)
    Q_PROPERTY(QtAri::Client *client READ client WRITE setClient NOTIFY clientChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)
public:
    enum Column {
        IdColumn, //!< bridge id; channel id on child rows
        NameColumn, //!< bridge name; channel name on child rows
        TypeColumn, //!< bridge type; channel state on child rows
        TechnologyColumn,
        CreatorColumn,
        ChannelCountColumn,
        VideoSourceColumn,
        CreationTimeColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Roles {
        BridgeRole = Qt::UserRole + 1, //!< the Bridge * (QObject *); on child rows their bridge
        ChannelRole, //!< the Channel * (QObject *) on child rows, while it is live
        IsChannelRole, //!< true on child rows
        IdRole, //!< bridge id, or channel id on child rows
        NameRole,
        BridgeTypeRole,
        BridgeClassRole,
        TechnologyRole,
        CreatorRole,
        ChannelCountRole,
        ChannelIdsRole,
        VideoModeRole,
        VideoSourceIdRole,
        CreationTimeRole,
        ChannelStateNameRole, //!< child rows
    };
    Q_ENUM(Roles)

    explicit BridgeModel(QObject *parent = nullptr); //!< A model; setClient() gives it its bridges.
    explicit BridgeModel(Client *client, QObject *parent = nullptr); //!< A model; setClient() gives it its bridges.
    ~BridgeModel() override;

    Client *client() const; //!< The client whose bridges the model shows.
    void setClient(Client *client); //!< Shows the bridges of \a client (nullptr: none).
    int count() const; //!< Number of bridges (top-level rows).

    //! The bridge of a top-level row (or the parent bridge of a child row), or nullptr.
    Q_INVOKABLE QtAri::Bridge *bridge(const QModelIndex &index) const;
    //! The live channel of a child row, or nullptr.
    Q_INVOKABLE QtAri::Channel *channel(const QModelIndex &index) const;
    QModelIndex indexOf(Bridge *bridge, int column = 0) const; //!< The index of \a bridge's row, or an invalid index.

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override; //!< QAbstractItemModel API.
    QModelIndex parent(const QModelIndex &child) const override; //!< QAbstractItemModel API.
    int rowCount(const QModelIndex &parent = QModelIndex()) const override; //!< QAbstractItemModel API.
    int columnCount(const QModelIndex &parent = QModelIndex()) const override; //!< QAbstractItemModel API.
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override; //!< QAbstractItemModel API.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override; //!< QAbstractItemModel API.
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override; //!< QAbstractItemModel API.
    QHash<int, QByteArray> roleNames() const override; //!< QAbstractItemModel API.

Q_SIGNALS:
    void clientChanged(QtAri::Client *client); //!< Emitted when client changes (NOTIFY of the property).
    void countChanged(int count); //!< Emitted when count changes (NOTIFY of the property).

private:
    std::unique_ptr<BridgeModelPrivate> d;
    Q_DECLARE_PRIVATE_D(d, BridgeModel)
};

} // namespace QtAri
