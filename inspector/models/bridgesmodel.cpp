// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "bridgesmodel.h"

#include "channelsmodel.h"
#include "roles.h"

#include <QtAri/Bridge>
#include <QtAri/BridgeModel>
#include <QtAri/Channel>
#include <QtAri/Client>

#include <QtCore/QMimeData>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

BridgesModel::BridgesModel(QtAri::Client *client, QObject *parent)
    : QIdentityProxyModel(parent), m_client(client), m_source(new QtAri::BridgeModel(this))
{
    m_source->setClient(client);
    setSourceModel(m_source);
}

BridgesModel::~BridgesModel() = default;

QtAri::Bridge *BridgesModel::bridgeOf(const QString &id) const
{
    return m_client && !id.isEmpty() ? m_client->bridge(id) : nullptr;
}

QStringList BridgesModel::ids() const
{
    QStringList out;
    const int rows = m_source->rowCount();
    out.reserve(rows);
    for (int row = 0; row < rows; ++row)
        out.append(m_source->bridge(m_source->index(row, 0))->id());
    return out;
}

QStringList BridgesModel::members(const QString &bridgeId) const
{
    const QModelIndex row = indexOf(bridgeId);
    return row.isValid() ? row.data(QtAri::BridgeModel::ChannelIdsRole).toStringList()
                         : QStringList();
}

QJsonObject BridgesModel::json(const QString &id) const
{
    QtAri::Bridge *bridge = bridgeOf(id);
    return bridge && indexOf(id).isValid() ? bridge->info().toJson() : QJsonObject();
}

QModelIndex BridgesModel::indexOf(const QString &bridgeId) const
{
    QtAri::Bridge *bridge = bridgeOf(bridgeId);
    return bridge ? mapFromSource(m_source->indexOf(bridge)) : QModelIndex();
}

QString BridgesModel::bridgeIdAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    QtAri::Bridge *bridge = m_source->bridge(mapToSource(index));
    return bridge ? bridge->id() : QString();
}

QString BridgesModel::channelIdAt(const QModelIndex &index) const
{
    if (!index.isValid() || !index.data(QtAri::BridgeModel::IsChannelRole).toBool())
        return {};
    return index.data(QtAri::BridgeModel::IdRole).toString();
}

QVariant BridgesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool member = index.parent().isValid();
    const auto column = BridgeColumn(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case BridgeColumn::Name: {
            const QString name = index.data(QtAri::BridgeModel::NameRole).toString();
            return name.isEmpty() ? index.data(QtAri::BridgeModel::IdRole).toString() : name;
        }
        case BridgeColumn::Type:
            if (member)
                return tr("channel");
            break;
        case BridgeColumn::Members:
            if (member)
                return index.data(QtAri::BridgeModel::ChannelStateNameRole);
            return tr("%n channel(s)", nullptr,
                index.data(QtAri::BridgeModel::ChannelCountRole).toInt());
        default:
            break;
        }
        break;
    case IdRole:
        return index.data(QtAri::BridgeModel::IdRole);
    case TypeRole:
        return member ? u"channel"_s : u"bridge"_s;
    case KindRole:
        return int(member ? NodeKind::Member : NodeKind::Bridge);
    case JsonRole: {
        if (member) {
            auto *channel = qobject_cast<QtAri::Channel *>(
                index.data(QtAri::BridgeModel::ChannelRole).value<QObject *>());
            return channel ? channel->info().toJson() : QJsonObject();
        }
        QtAri::Bridge *bridge = m_source->bridge(mapToSource(index));
        return bridge ? bridge->info().toJson() : QJsonObject();
    }
    default:
        break;
    }
    return QIdentityProxyModel::data(index, role);
}

QVariant BridgesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QIdentityProxyModel::headerData(section, orientation, role);
    switch (BridgeColumn(section)) {
    case BridgeColumn::Name:
        return tr("Bridge / channel");
    case BridgeColumn::Type:
        return tr("Type");
    case BridgeColumn::Technology:
        return tr("Technology");
    case BridgeColumn::Members:
        return tr("Members / state");
    case BridgeColumn::Creator:
        return tr("Creator");
    case BridgeColumn::Id:
        return tr("Id");
    case BridgeColumn::VideoSource:
        return tr("Video source");
    case BridgeColumn::Created:
        return tr("Created");
    case BridgeColumn::Count:
        break;
    }
    return {};
}

Qt::ItemFlags BridgesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QIdentityProxyModel::flags(index);
    f |= Qt::ItemIsDropEnabled;
    if (index.isValid() && index.parent().isValid())
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QStringList BridgesModel::mimeTypes() const
{
    return { QString::fromLatin1(channelIdsMimeType) };
}

QMimeData *BridgesModel::mimeData(const QModelIndexList &) const
{
    return nullptr; // the tree is a drop target only
}

Qt::DropActions BridgesModel::supportedDropActions() const
{
    return Qt::CopyAction | Qt::MoveAction | Qt::LinkAction;
}

bool BridgesModel::canDropMimeData(
    const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &) const
{
    QString tag;
    const QStringList ids = channelIdsFromMime(data, &tag);
    return !ids.isEmpty() && tag == m_dragTag;
}

bool BridgesModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QStringList ids = channelIdsFromMime(data);
    // Dropped between rows at the top level means "no bridge"; on or inside a bridge, that one.
    Q_EMIT addChannelsRequested(bridgeIdAt(parent), ids);
    // The channels join through ARI; the tree changes when Asterisk reports it.
    return true;
}

} // namespace QtAri::Inspector
