// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "bridgesmodel.h"

#include "channelsmodel.h"
#include "roles.h"

#include <QtCore/QJsonArray>
#include <QtCore/QMimeData>
#include <QtCore/QSet>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

// Internal ids: top-level (bridge) indexes carry a null pointer; member indexes carry their
// bridge's Node, which stays at the same address while the bridge exists.

BridgesModel::BridgesModel(QObject *parent) : QAbstractItemModel(parent) { }

BridgesModel::~BridgesModel() = default;

void BridgesModel::setChannelsModel(ChannelsModel *channels)
{
    if (m_channels)
        disconnect(m_channels, nullptr, this, nullptr);
    m_channels = channels;
    if (channels) {
        connect(channels, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &tl, const QModelIndex &br) {
                if (tl.column() == int(ChannelColumn::Duration) && br.column() == tl.column())
                    return; // the once-a-second duration tick changes nothing shown here
                channelRowsChanged(tl.row(), br.row());
            });
    }
}

void BridgesModel::channelRowsChanged(int first, int last)
{
    // Member rows show the channel's name and state. For a few changed channels, refresh just
    // their member rows (found through the channel's bridge); for many, every member row.
    if (last - first > 64) {
        for (size_t i = 0; i < m_nodes.size(); ++i) {
            const int n = int(m_nodes[i]->members.size());
            if (n == 0)
                continue;
            const QModelIndex parent = index(int(i), 0);
            Q_EMIT dataChanged(index(0, 0, parent),
                index(n - 1, int(BridgeColumn::Count) - 1, parent), { Qt::DisplayRole });
        }
        return;
    }
    for (int row = first; row <= last; ++row) {
        const QString channelId = m_channels->idAt(row);
        const int bridgeRow = m_index.value(m_channels->bridgeOf(channelId), -1);
        if (bridgeRow < 0)
            continue;
        const int member = int(m_nodes[size_t(bridgeRow)]->members.indexOf(channelId));
        if (member < 0)
            continue;
        const QModelIndex parent = index(bridgeRow, 0);
        Q_EMIT dataChanged(index(member, 0, parent),
            index(member, int(BridgeColumn::Count) - 1, parent), { Qt::DisplayRole });
    }
}

static QStringList membersOf(const QJsonObject &bridge)
{
    QStringList out;
    for (const QJsonValue &v : bridge.value("channels"_L1).toArray())
        out.append(v.toString());
    return out;
}

void BridgesModel::upsert(const QJsonObject &bridge)
{
    const QString id = bridge.value("id"_L1).toString();
    if (id.isEmpty())
        return;
    const QStringList members = membersOf(bridge);
    const int row = m_index.value(id, -1);
    if (row < 0) {
        auto node = std::make_unique<Node>();
        node->id = id;
        node->json = bridge;
        const int at = int(m_nodes.size());
        beginInsertRows({}, at, at);
        m_nodes.push_back(std::move(node));
        m_index.insert(id, at);
        endInsertRows();
        if (!members.isEmpty()) {
            Node *n = m_nodes.back().get();
            beginInsertRows(index(at, 0), 0, int(members.size()) - 1);
            n->members = members;
            endInsertRows();
        }
        return;
    }
    Node *node = m_nodes[size_t(row)].get();
    node->json = bridge;
    const QModelIndex parentIndex = index(row, 0);
    Q_EMIT dataChanged(parentIndex, index(row, int(BridgeColumn::Count) - 1));
    // Members that left, from the bottom so rows stay valid; then the ones that joined.
    const QSet<QString> now(members.cbegin(), members.cend());
    for (int i = int(node->members.size()) - 1; i >= 0; --i) {
        if (!now.contains(node->members.at(i))) {
            beginRemoveRows(parentIndex, i, i);
            node->members.removeAt(i);
            endRemoveRows();
        }
    }
    for (const QString &m : members) {
        if (!node->members.contains(m)) {
            const int at = int(node->members.size());
            beginInsertRows(parentIndex, at, at);
            node->members.append(m);
            endInsertRows();
        }
    }
}

void BridgesModel::remove(const QString &idRef)
{
    const QString id = idRef; // idRef may point into the row being removed
    const int row = m_index.value(id, -1);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_nodes.erase(m_nodes.begin() + row);
    m_index.remove(id);
    rebuildIndex(row);
    endRemoveRows();
}

void BridgesModel::reset(const QList<QJsonObject> &bridges)
{
    QSet<QString> keep;
    for (const QJsonObject &b : bridges)
        keep.insert(b.value("id"_L1).toString());
    for (int row = int(m_nodes.size()) - 1; row >= 0; --row) {
        if (!keep.contains(m_nodes[size_t(row)]->id))
            remove(m_nodes[size_t(row)]->id);
    }
    for (const QJsonObject &b : bridges)
        upsert(b);
}

void BridgesModel::clear()
{
    beginResetModel();
    m_nodes.clear();
    m_index.clear();
    endResetModel();
}

QStringList BridgesModel::ids() const
{
    QStringList out;
    for (const auto &n : m_nodes)
        out.append(n->id);
    return out;
}

QStringList BridgesModel::members(const QString &bridgeId) const
{
    const int row = m_index.value(bridgeId, -1);
    return row >= 0 ? m_nodes[size_t(row)]->members : QStringList();
}

QJsonObject BridgesModel::json(const QString &id) const
{
    const int row = m_index.value(id, -1);
    return row >= 0 ? m_nodes[size_t(row)]->json : QJsonObject();
}

QModelIndex BridgesModel::indexOf(const QString &bridgeId) const
{
    const int row = m_index.value(bridgeId, -1);
    return row >= 0 ? index(row, 0) : QModelIndex();
}

QString BridgesModel::bridgeIdAt(const QModelIndex &idx) const
{
    if (!idx.isValid())
        return {};
    if (auto *node = static_cast<const Node *>(idx.internalPointer()))
        return node->id;
    return m_nodes[size_t(idx.row())]->id;
}

QString BridgesModel::channelIdAt(const QModelIndex &idx) const
{
    if (!idx.isValid())
        return {};
    if (auto *node = static_cast<const Node *>(idx.internalPointer()))
        return node->members.value(idx.row());
    return {};
}

int BridgesModel::rowOfNode(const Node *node) const
{
    return m_index.value(node->id, -1);
}

void BridgesModel::rebuildIndex(int from)
{
    for (size_t i = size_t(from); i < m_nodes.size(); ++i)
        m_index[m_nodes[i]->id] = int(i);
}

QModelIndex BridgesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= int(BridgeColumn::Count))
        return {};
    if (!parent.isValid()) {
        if (row >= int(m_nodes.size()))
            return {};
        return createIndex(row, column, nullptr);
    }
    if (parent.internalPointer() || parent.row() >= int(m_nodes.size()))
        return {}; // members have no children
    Node *node = m_nodes[size_t(parent.row())].get();
    if (row >= int(node->members.size()))
        return {};
    return createIndex(row, column, node);
}

QModelIndex BridgesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    auto *node = static_cast<const Node *>(child.internalPointer());
    if (!node)
        return {};
    const int row = rowOfNode(node);
    return row >= 0 ? createIndex(row, 0, nullptr) : QModelIndex();
}

int BridgesModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_nodes.size());
    if (parent.column() != 0 || parent.internalPointer())
        return 0;
    return int(m_nodes[size_t(parent.row())]->members.size());
}

int BridgesModel::columnCount(const QModelIndex &) const
{
    return int(BridgeColumn::Count);
}

QVariant BridgesModel::data(const QModelIndex &idx, int role) const
{
    if (!checkIndex(idx, CheckIndexOption::IndexIsValid))
        return {};
    auto *owner = static_cast<const Node *>(idx.internalPointer());
    if (owner) {
        const QString channelId = owner->members.value(idx.row());
        switch (role) {
        case Qt::DisplayRole: {
            switch (BridgeColumn(idx.column())) {
            case BridgeColumn::Name: {
                const QString name = m_channels ? m_channels->nameOf(channelId) : QString();
                return name.isEmpty() ? channelId : name;
            }
            case BridgeColumn::Type:
                return tr("channel");
            case BridgeColumn::Members: {
                if (!m_channels)
                    return {};
                return m_channels->json(channelId).value("state"_L1).toString();
            }
            case BridgeColumn::Id:
                return channelId;
            default:
                return {};
            }
        }
        case IdRole:
            return channelId;
        case TypeRole:
            return u"channel"_s;
        case KindRole:
            return int(NodeKind::Member);
        case JsonRole:
            return m_channels ? m_channels->json(channelId) : QJsonObject();
        default:
            return {};
        }
    }
    const Node &b = *m_nodes[size_t(idx.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (BridgeColumn(idx.column())) {
        case BridgeColumn::Name: {
            const QString name = b.json.value("name"_L1).toString();
            return name.isEmpty() ? b.id : name;
        }
        case BridgeColumn::Type:
            return b.json.value("bridge_type"_L1).toString();
        case BridgeColumn::Technology:
            return b.json.value("technology"_L1).toString();
        case BridgeColumn::Members:
            return tr("%n channel(s)", nullptr, int(b.members.size()));
        case BridgeColumn::Id:
            return b.id;
        case BridgeColumn::Count:
            break;
        }
        return {};
    case IdRole:
        return b.id;
    case TypeRole:
        return u"bridge"_s;
    case KindRole:
        return int(NodeKind::Bridge);
    case JsonRole:
        return b.json;
    default:
        return {};
    }
}

QVariant BridgesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (BridgeColumn(section)) {
    case BridgeColumn::Name:
        return tr("Bridge / channel");
    case BridgeColumn::Type:
        return tr("Type");
    case BridgeColumn::Technology:
        return tr("Technology");
    case BridgeColumn::Members:
        return tr("Members / state");
    case BridgeColumn::Id:
        return tr("Id");
    case BridgeColumn::Count:
        break;
    }
    return {};
}

Qt::ItemFlags BridgesModel::flags(const QModelIndex &idx) const
{
    Qt::ItemFlags f = QAbstractItemModel::flags(idx);
    f |= Qt::ItemIsDropEnabled;
    if (idx.isValid() && idx.internalPointer())
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QStringList BridgesModel::mimeTypes() const
{
    return { QString::fromLatin1(channelIdsMimeType) };
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
