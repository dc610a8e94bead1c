// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtCore/QAbstractTableModel>
#include <QtCore/QDateTime>

#include <memory>

namespace QtAri {

class Channel;
class Client;
class ChannelModelPrivate;

//! \brief The Client's live channels as a table: one row per channel, named columns and roles.
//!
//! Fed by the Client's identity map: a row appears when a channel becomes known, updates when
//! any of its properties change, and goes when the channel ends; after a reconnect it follows the
//! reconciled state. Rows are in the order the channels appeared. Works in widget views (columns,
//! DisplayRole) and QML (roleNames()). Updates cost O(1) per event, so 10,000 channels are fine.
//! The model does not own the client; if the client is destroyed the model empties.
//!
//! Which channels it holds depends on the client's mode: with subscribeAll every channel of the
//! server; without (the default) the channels the applications' subscriptions cover — those in
//! their Stasis, those they created or were told of, those they subscribed to (see Client). A
//! row never shows a channel the server no longer has.
//!
//! The DurationColumn and DurationRole give the seconds since the channel was created. They are
//! computed when read; set durationInterval to have the model announce them with dataChanged()
//! every so many milliseconds, so views showing them tick (off by default).
class QTARI_EXPORT ChannelModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_MOC_INCLUDE(<QtAri/client.h>)
    Q_PROPERTY(QtAri::Client *client READ client WRITE setClient NOTIFY clientChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)
    Q_PROPERTY(int durationInterval READ durationInterval WRITE setDurationInterval NOTIFY durationIntervalChanged FINAL)
public:
    enum Column {
        IdColumn,
        NameColumn,
        StateColumn,
        CallerColumn,
        ConnectedColumn,
        BridgeColumn,
        DialplanColumn,
        CreationTimeColumn,
        DurationColumn, //!< time since creation as "m:ss" or "h:mm:ss"
        ApplicationColumn, //!< the Stasis application the channel is in, else empty
        ColumnCount
    };
    Q_ENUM(Column)

    enum Roles {
        ChannelRole = Qt::UserRole + 1, //!< the Channel * (QObject *)
        IdRole,
        NameRole,
        StateRole, //!< Channel::State
        StateNameRole, //!< "Up", "Ringing" …
        CallerNameRole,
        CallerNumberRole,
        ConnectedNameRole,
        ConnectedNumberRole,
        BridgeIdRole, //!< empty when not bridged
        DialplanContextRole,
        DialplanExtenRole,
        DialplanPriorityRole,
        DialplanAppRole,
        CreationTimeRole,
        LanguageRole,
        AccountCodeRole,
        InStasisRole,
        DurationRole, //!< whole seconds since the channel was created (qint64, never negative)
        ApplicationRole, //!< the Stasis application the channel is in (from its dialplan), else empty
        BridgeNameRole, //!< the name of the channel's bridge; empty when not bridged or unnamed
    };
    Q_ENUM(Roles)

    explicit ChannelModel(QObject *parent = nullptr); //!< A model; setClient() gives it its channels.
    explicit ChannelModel(Client *client, QObject *parent = nullptr); //!< A model; setClient() gives it its channels.
    ~ChannelModel() override;

    Client *client() const; //!< The client whose channels the model shows.
    void setClient(Client *client); //!< Shows the channels of \a client (nullptr: none).
    int count() const; //!< Number of channels (rows).
    //! Milliseconds between the dataChanged() signals that make the duration tick; 0 (the
    //! default) sends none. Each tick is one signal for DurationColumn and one for column 0 with
    //! DurationRole (what QML delegates read), over every row.
    int durationInterval() const;
    void setDurationInterval(int milliseconds); //!< See durationInterval(); negative counts as 0.

    //! The time durations are counted up to: invalid (the default) counts up to now. A viewer of
    //! a recording or a replay sets the moment it shows, so durations are those of that moment.
    QDateTime durationsUntil() const;
    //! See durationsUntil(); a change announces the durations as a tick does.
    void setDurationsUntil(const QDateTime &until);

    //! The channel of \a index's row, or nullptr.
    Q_INVOKABLE QtAri::Channel *channel(const QModelIndex &index) const;
    Q_INVOKABLE QtAri::Channel *channelAt(int row) const; //!< The channel of \a row, or nullptr.
    //! The index of \a channel's row, or an invalid index if it has none.
    QModelIndex indexOf(Channel *channel, int column = 0) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override; //!< QAbstractItemModel API.
    int columnCount(const QModelIndex &parent = QModelIndex()) const override; //!< QAbstractItemModel API.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override; //!< QAbstractItemModel API.
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override; //!< QAbstractItemModel API.
    QHash<int, QByteArray> roleNames() const override; //!< QAbstractItemModel API.

Q_SIGNALS:
    void clientChanged(QtAri::Client *client); //!< Emitted when client changes (NOTIFY of the property).
    void countChanged(int count); //!< Emitted when count changes (NOTIFY of the property).
    //! Emitted when durationInterval changes (NOTIFY of the property).
    void durationIntervalChanged(int milliseconds);

private:
    std::unique_ptr<ChannelModelPrivate> d;
    Q_DECLARE_PRIVATE_D(d, ChannelModel)
};

} // namespace QtAri
