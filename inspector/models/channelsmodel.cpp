// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "channelsmodel.h"

#include "roles.h"

#include <QtAri/Bridge>
#include <QtAri/Channel>
#include <QtAri/ChannelModel>
#include <QtAri/Client>

#include <QtCore/QMimeData>
#include <QtGui/QIcon>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

ChannelsModel::ChannelsModel(QtAri::Client *client, QObject *parent)
    : QIdentityProxyModel(parent), m_client(client), m_source(new QtAri::ChannelModel(this))
{
    m_source->setDurationInterval(1000);
    m_source->setClient(client);
    setSourceModel(m_source);
}

ChannelsModel::~ChannelsModel() = default;

QtAri::Channel *ChannelsModel::channelOf(const QString &id) const
{
    return m_client && !id.isEmpty() ? m_client->channel(id) : nullptr;
}

int ChannelsModel::rowOf(const QString &id) const
{
    QtAri::Channel *channel = channelOf(id);
    return channel ? m_source->indexOf(channel).row() : -1;
}

QString ChannelsModel::idAt(int row) const
{
    QtAri::Channel *channel = m_source->channelAt(row);
    return channel ? channel->id() : QString();
}

QtAri::Channel *ChannelsModel::channelAt(int row) const
{
    return m_source->channelAt(row);
}

QString ChannelsModel::nameOf(const QString &id) const
{
    QtAri::Channel *channel = channelOf(id);
    return channel && rowOf(id) >= 0 ? channel->name() : QString();
}

QJsonObject ChannelsModel::json(const QString &id) const
{
    QtAri::Channel *channel = channelOf(id);
    return channel && rowOf(id) >= 0 ? channel->info().toJson() : QJsonObject();
}

QString ChannelsModel::bridgeOf(const QString &id) const
{
    QtAri::Channel *channel = channelOf(id);
    return channel && channel->bridge() ? channel->bridge()->id() : QString();
}

QStringList ChannelsModel::ids() const
{
    QStringList out;
    const int rows = m_source->rowCount();
    out.reserve(rows);
    for (int row = 0; row < rows; ++row)
        out.append(m_source->channelAt(row)->id());
    return out;
}

QVariant ChannelsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto column = ChannelColumn(index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (column == ChannelColumn::Bridge) {
            const QString name = index.data(QtAri::ChannelModel::BridgeNameRole).toString();
            if (!name.isEmpty())
                return name;
        }
        break;
    case Qt::DecorationRole:
        if (column == ChannelColumn::Name) {
            const bool up = index.data(QtAri::ChannelModel::StateRole).value<Channel::State>()
                == Channel::State::Up;
            return QIcon::fromTheme(up ? u"call-start"_s : u"call-incoming"_s);
        }
        return {};
    case SortRole:
        if (column == ChannelColumn::Duration)
            return index.data(QtAri::ChannelModel::DurationRole);
        if (column == ChannelColumn::Created)
            return index.data(QtAri::ChannelModel::CreationTimeRole);
        return data(index, Qt::DisplayRole);
    case JsonRole: {
        QtAri::Channel *channel = m_source->channel(mapToSource(index));
        return channel ? channel->info().toJson() : QJsonObject();
    }
    case IdRole:
        return index.data(QtAri::ChannelModel::IdRole);
    case TypeRole:
        return u"channel"_s;
    default:
        break;
    }
    return QIdentityProxyModel::data(index, role);
}

QVariant ChannelsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QIdentityProxyModel::headerData(section, orientation, role);
    switch (ChannelColumn(section)) {
    case ChannelColumn::Name:
        return tr("Channel");
    case ChannelColumn::State:
        return tr("State");
    case ChannelColumn::Caller:
        return tr("Caller");
    case ChannelColumn::Connected:
        return tr("Connected line");
    case ChannelColumn::Bridge:
        return tr("Bridge");
    case ChannelColumn::Duration:
        return tr("Duration");
    case ChannelColumn::Application:
        return tr("Application");
    case ChannelColumn::Dialplan:
        return tr("Dialplan");
    case ChannelColumn::Id:
        return tr("Id");
    case ChannelColumn::Created:
        return tr("Created");
    case ChannelColumn::Count:
        break;
    }
    return {};
}

Qt::ItemFlags ChannelsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QIdentityProxyModel::flags(index);
    if (index.isValid())
        f |= Qt::ItemIsDragEnabled;
    return f;
}

QStringList ChannelsModel::mimeTypes() const
{
    return { QString::fromLatin1(channelIdsMimeType) };
}

QMimeData *ChannelsModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &i : indexes) {
        const QString id = idAt(i.row());
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    if (ids.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    QStringList lines { m_dragTag };
    lines.append(ids);
    mime->setData(QString::fromLatin1(channelIdsMimeType), lines.join(u'\n').toUtf8());
    mime->setText(ids.join(u'\n'));
    return mime;
}

Qt::DropActions ChannelsModel::supportedDragActions() const
{
    return Qt::CopyAction | Qt::LinkAction; // never Move: a drop must not remove our rows
}

ChannelFilterModel::ChannelFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortRole(SortRole);
}

void ChannelFilterModel::setStasisOnly(bool only)
{
    if (only == m_stasisOnly)
        return;
    m_stasisOnly = only;
    invalidateFilter();
}

bool ChannelFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_stasisOnly) {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        if (index.data(QtAri::ChannelModel::ApplicationRole).toString().isEmpty())
            return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

QStringList channelIdsFromMime(const QMimeData *data, QString *tag)
{
    if (!data || !data->hasFormat(QString::fromLatin1(channelIdsMimeType)))
        return {};
    QStringList lines =
        QString::fromUtf8(data->data(QString::fromLatin1(channelIdsMimeType))).split(u'\n');
    if (lines.isEmpty())
        return {};
    const QString first = lines.takeFirst();
    if (tag)
        *tag = first;
    lines.removeAll(QString());
    return lines;
}

} // namespace QtAri::Inspector
