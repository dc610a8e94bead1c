// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QIdentityProxyModel>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QStringList>

namespace QtAri {
class Bridge;
class BridgeModel;
class Client;
} // namespace QtAri

namespace QtAri::Inspector {

//! \brief The bridges of one server as a tree: QtAri::BridgeModel (each bridge, with its member
//! channels below it) as the Inspector shows it.
//!
//! The library model keeps the bridges and their members from the client's mirror; this proxy
//! adds the Inspector's column titles and texts (a bridge's name or else its id, "channel" and the
//! member's state on member rows, "2 channels"), the JSON for the details pane, and drops: channel
//! rows dragged from the channel view (channelIdsMimeType) can be dropped on a bridge or one of its
//! members; the model then asks for the channels to be added by emitting addChannelsRequested().
//! Dropping outside every bridge asks for a new bridge holding them (bridgeId empty).
class BridgesModel : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit BridgesModel(QtAri::Client *client, QObject *parent = nullptr);
    ~BridgesModel() override;

    //! The library model behind the rows.
    QtAri::BridgeModel *bridgeModel() const { return m_source; }
    //! Only drags carrying this tag are accepted (see ChannelsModel::setDragTag()).
    void setDragTag(const QString &tag) { m_dragTag = tag; }

    //! Whether \a id is a (top-level) row.
    bool contains(const QString &id) const { return indexOf(id).isValid(); }
    //! Every bridge's id, in row order.
    QStringList ids() const;
    //! The channel ids shown below bridge \a bridgeId.
    QStringList members(const QString &bridgeId) const;
    //! The bridge's last snapshot as ARI JSON (empty if it is not a row).
    QJsonObject json(const QString &id) const;
    QModelIndex indexOf(const QString &bridgeId) const;
    //! The bridge id of a bridge row or of a member row's bridge.
    QString bridgeIdAt(const QModelIndex &index) const;
    //! The channel id of a member row, else "".
    QString channelIdAt(const QModelIndex &index) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) override;

Q_SIGNALS:
    //! The user dropped \a channelIds on \a bridgeId (empty: on no bridge, make a new one).
    void addChannelsRequested(const QString &bridgeId, const QStringList &channelIds);

private:
    QtAri::Bridge *bridgeOf(const QString &id) const;

    QPointer<QtAri::Client> m_client;
    QtAri::BridgeModel *m_source;
    QString m_dragTag;
};

} // namespace QtAri::Inspector
