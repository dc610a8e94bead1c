// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <QtAri/bridgemodel.h>

#include <QtAri/bridge.h>
#include <QtAri/channel.h>
#include <QtAri/client.h>

#include "liverows_p.h"
#include "listingbatch_p.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtCore/QSet>

namespace QtAri {

class BridgeModelPrivate
{
public:
    explicit BridgeModelPrivate(BridgeModel *q) : q_ptr(q) { }

    void insert(const QList<Bridge *> &bridges);
    void add(Bridge *bridge);
    void remove(Bridge *bridge);
    void changed(Bridge *bridge);
    void channelChanged(Channel *channel);
    void reset(const QList<Bridge *> &bridges);
    Channel *liveChannel(const QString &id) const
    {
        return client ? client->channel(id) : nullptr;
    }

    BridgeModel *q_ptr;
    QPointer<Client> client;
    QList<QMetaObject::Connection> connections;
    Private::LiveRows<Bridge> rows;
    QHash<Bridge *, QStringList> members; // the member ids shown as child rows
    // As in ChannelModel: the bridges a listing adds become rows in one insertion.
    Private::ListingBatch<Bridge> listing { [this](const QList<Bridge *> &bridges) {
        insert(bridges);
    } };
    Q_DECLARE_PUBLIC(BridgeModel)
};

void BridgeModelPrivate::insert(const QList<Bridge *> &bridges)
{
    Q_Q(BridgeModel);
    const int first = int(rows.size());
    q->beginInsertRows(QModelIndex(), first, first + int(bridges.size()) - 1);
    for (Bridge *bridge : bridges) {
        rows.append(bridge);
        members.insert(bridge, bridge->channelIds());
    }
    q->endInsertRows();
    Q_EMIT q->countChanged(int(rows.size()));
}

void BridgeModelPrivate::add(Bridge *bridge)
{
    if (!bridge || rows.contains(bridge) || listing.holdBack(client, bridge))
        return;
    insert({ bridge });
}

void BridgeModelPrivate::remove(Bridge *bridge)
{
    Q_Q(BridgeModel);
    if (listing.remove(bridge))
        return;
    const int row = rows.rowOf(bridge);
    if (row < 0)
        return;
    q->beginRemoveRows(QModelIndex(), row, row);
    rows.removeAt(row);
    members.remove(bridge);
    q->endRemoveRows();
    Q_EMIT q->countChanged(int(rows.size()));
}

void BridgeModelPrivate::changed(Bridge *bridge)
{
    Q_Q(BridgeModel);
    const int row = rows.rowOf(bridge);
    if (row < 0)
        return;
    const QModelIndex parent = q->index(row, 0);
    const QStringList next = bridge->channelIds();
    QStringList &shown = members[bridge];
    if (shown != next) {
        if (!shown.isEmpty()) {
            q->beginRemoveRows(parent, 0, int(shown.size()) - 1);
            shown.clear();
            q->endRemoveRows();
        }
        if (!next.isEmpty()) {
            q->beginInsertRows(parent, 0, int(next.size()) - 1);
            shown = next;
            q->endInsertRows();
        }
    }
    Q_EMIT q->dataChanged(parent, q->index(row, BridgeModel::ColumnCount - 1));
}

void BridgeModelPrivate::channelChanged(Channel *channel)
{
    Q_Q(BridgeModel);
    Bridge *bridge = channel->bridge();
    if (!bridge)
        return;
    const int row = rows.rowOf(bridge);
    if (row < 0)
        return;
    const qsizetype child = members.value(bridge).indexOf(channel->id());
    if (child < 0)
        return;
    const QModelIndex parent = q->index(row, 0);
    Q_EMIT q->dataChanged(q->index(int(child), 0, parent),
                          q->index(int(child), BridgeModel::ColumnCount - 1, parent));
}

void BridgeModelPrivate::reset(const QList<Bridge *> &bridges)
{
    Q_Q(BridgeModel);
    listing.clear();
    q->beginResetModel();
    rows.reset(bridges);
    members.clear();
    for (Bridge *bridge : rows.rows())
        members.insert(bridge, bridge->channelIds());
    q->endResetModel();
    Q_EMIT q->countChanged(int(rows.size()));
}

BridgeModel::BridgeModel(QObject *parent) : BridgeModel(nullptr, parent) { }

BridgeModel::BridgeModel(Client *client, QObject *parent)
    : QAbstractItemModel(parent), d(std::make_unique<BridgeModelPrivate>(this))
{
    setClient(client);
}

BridgeModel::~BridgeModel() = default;

Client *BridgeModel::client() const { return d->client.data(); }

void BridgeModel::setClient(Client *client)
{
    if (!Private::rebindClient(d->client, d->connections, client))
        return;
    if (client) {
        auto *priv = d.get();
        d->connections = {
            connect(client, &ClientEvents::bridgeAdded, this,
                    [priv](Bridge *bridge) { priv->add(bridge); }),
            connect(client, &ClientEvents::bridgeRemoved, this,
                    [priv](Bridge *bridge) { priv->remove(bridge); }),
            connect(client, &ClientEvents::bridgeChanged, this,
                    [priv](Bridge *bridge) { priv->changed(bridge); }),
            connect(client, &ClientEvents::channelChanged, this,
                    [priv](Channel *channel) { priv->channelChanged(channel); }),
            connect(client, &ClientEvents::liveObjectsCleared, this, [priv] { priv->reset({}); }),
            connect(client, &QObject::destroyed, this, [priv] { priv->reset({}); }),
        };
    }
    d->reset(client ? client->liveBridges() : QList<Bridge *>());
    Q_EMIT clientChanged(client);
}

int BridgeModel::count() const { return int(d->rows.size()); }

Bridge *BridgeModel::bridge(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return nullptr;
    if (auto *parentBridge = static_cast<Bridge *>(index.internalPointer()))
        return parentBridge;
    return d->rows.at(index.row());
}

Channel *BridgeModel::channel(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return nullptr;
    auto *parentBridge = static_cast<Bridge *>(index.internalPointer());
    if (!parentBridge)
        return nullptr;
    return d->liveChannel(d->members.value(parentBridge).value(index.row()));
}

QModelIndex BridgeModel::indexOf(Bridge *bridge, int column) const
{
    const int row = d->rows.rowOf(bridge);
    return row < 0 ? QModelIndex() : index(row, column);
}

QModelIndex BridgeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < d->rows.size() ? createIndex(row, column, nullptr) : QModelIndex();
    if (parent.internalPointer() || parent.column() != 0 || parent.row() >= d->rows.size())
        return {};
    Bridge *bridge = d->rows.at(parent.row());
    if (row >= d->members.value(bridge).size())
        return {};
    return createIndex(row, column, bridge);
}

QModelIndex BridgeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    auto *bridge = static_cast<Bridge *>(child.internalPointer());
    if (!bridge)
        return {};
    const int row = d->rows.rowOf(bridge);
    return row < 0 ? QModelIndex() : createIndex(row, 0, nullptr);
}

int BridgeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(d->rows.size());
    if (parent.internalPointer() || parent.column() != 0 || parent.row() >= d->rows.size())
        return 0;
    return int(d->members.value(d->rows.at(parent.row())).size());
}

int BridgeModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent);
    return ColumnCount;
}

bool BridgeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant BridgeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (auto *parentBridge = static_cast<Bridge *>(index.internalPointer())) {
        const QString id = d->members.value(parentBridge).value(index.row());
        Channel *channel = d->liveChannel(id);
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
            switch (index.column()) {
            case IdColumn: return id;
            case NameColumn: return channel ? channel->name() : QString();
            case TypeColumn:
                return channel ? Channel::stateToString(channel->state()) : QString();
            default: return {};
            }
        }
        switch (role) {
        case BridgeRole: return QVariant::fromValue<QObject *>(parentBridge);
        case ChannelRole: return QVariant::fromValue<QObject *>(channel);
        case IsChannelRole: return true;
        case IdRole: return id;
        case NameRole: return channel ? channel->name() : QString();
        case ChannelStateNameRole:
            return channel ? Channel::stateToString(channel->state()) : QString();
        default: return {};
        }
    }
    Bridge *bridge = d->rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case IdColumn: return bridge->id();
        case NameColumn: return bridge->name();
        case TypeColumn: return bridge->bridgeType();
        case TechnologyColumn: return bridge->technology();
        case CreatorColumn: return bridge->creator();
        case ChannelCountColumn: return int(d->members.value(bridge).size());
        case VideoSourceColumn: return bridge->videoSourceId();
        case CreationTimeColumn: return bridge->creationTime();
        default: return {};
        }
    }
    switch (role) {
    case BridgeRole: return QVariant::fromValue<QObject *>(bridge);
    case IsChannelRole: return false;
    case IdRole: return bridge->id();
    case NameRole: return bridge->name();
    case BridgeTypeRole: return bridge->bridgeType();
    case BridgeClassRole: return bridge->bridgeClass();
    case TechnologyRole: return bridge->technology();
    case CreatorRole: return bridge->creator();
    case ChannelCountRole: return int(d->members.value(bridge).size());
    case ChannelIdsRole: return d->members.value(bridge);
    case VideoModeRole: return bridge->videoMode();
    case VideoSourceIdRole: return bridge->videoSourceId();
    case CreationTimeRole: return bridge->creationTime();
    default: return {};
    }
}

QVariant BridgeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Id");
    case NameColumn: return tr("Name");
    case TypeColumn: return tr("Type");
    case TechnologyColumn: return tr("Technology");
    case CreatorColumn: return tr("Creator");
    case ChannelCountColumn: return tr("Channels");
    case VideoSourceColumn: return tr("Video source");
    case CreationTimeColumn: return tr("Created");
    default: return {};
    }
}

QHash<int, QByteArray> BridgeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert({
            { BridgeRole, "bridge" },
            { ChannelRole, "channel" },
            { IsChannelRole, "isChannel" },
            { IdRole, "itemId" },
            { NameRole, "name" },
            { BridgeTypeRole, "bridgeType" },
            { BridgeClassRole, "bridgeClass" },
            { TechnologyRole, "technology" },
            { CreatorRole, "creator" },
            { ChannelCountRole, "channelCount" },
            { ChannelIdsRole, "channelIds" },
            { VideoModeRole, "videoMode" },
            { VideoSourceIdRole, "videoSourceId" },
            { CreationTimeRole, "creationTime" },
            { ChannelStateNameRole, "channelStateName" },
    });
    return names;
}

} // namespace QtAri
