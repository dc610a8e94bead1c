// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "channelsmodel.h"

#include "ariformat.h"
#include "roles.h"

#include <QtCore/QMimeData>
#include <QtGui/QIcon>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

ChannelsModel::ChannelsModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &ChannelsModel::tick);
    m_ticker.start();
}

ChannelsModel::~ChannelsModel() = default;

void ChannelsModel::fill(Row &row, const QJsonObject &channel)
{
    row.json = channel;
    row.name = channel.value("name"_L1).toString();
    row.state = channel.value("state"_L1).toString();
    row.caller = formatCallerId(channel.value("caller"_L1).toObject());
    row.connected = formatCallerId(channel.value("connected"_L1).toObject());
    const QString created = channel.value("creationtime"_L1).toString();
    if (!created.isEmpty())
        row.created = parseAriTime(created);
    if (!row.created.isValid())
        row.created = QDateTime::currentDateTimeUtc();
    const QString app = stasisAppOf(channel);
    if (!app.isEmpty())
        row.application = app;
}

void ChannelsModel::upsert(const QJsonObject &channel)
{
    const QString id = channel.value("id"_L1).toString();
    if (id.isEmpty())
        return;
    const int row = m_index.value(id, -1);
    if (row >= 0) {
        fill(m_rows[row], channel);
        Q_EMIT dataChanged(index(row, 0), index(row, int(ChannelColumn::Count) - 1));
        return;
    }
    Row r;
    r.id = id;
    fill(r, channel);
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(std::move(r));
    m_index.insert(id, at);
    endInsertRows();
}

void ChannelsModel::remove(const QString &idRef)
{
    const QString id = idRef; // idRef may point into the row being removed
    const int row = m_index.value(id, -1);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_index.remove(id);
    rebuildIndex(row);
    endRemoveRows();
}

void ChannelsModel::upsertMany(const QList<QJsonObject> &channels)
{
    int firstChanged = -1;
    int lastChanged = -1;
    QList<Row> fresh;
    QHash<QString, int> freshIndex;
    for (const QJsonObject &c : channels) {
        const QString id = c.value("id"_L1).toString();
        if (id.isEmpty())
            continue;
        if (const int row = m_index.value(id, -1); row >= 0) {
            fill(m_rows[row], c);
            firstChanged = firstChanged < 0 ? row : std::min(firstChanged, row);
            lastChanged = std::max(lastChanged, row);
        } else if (const int at = freshIndex.value(id, -1); at >= 0) {
            fill(fresh[at], c);
        } else {
            Row r;
            r.id = id;
            fill(r, c);
            freshIndex.insert(id, int(fresh.size()));
            fresh.append(std::move(r));
        }
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(
            index(firstChanged, 0), index(lastChanged, int(ChannelColumn::Count) - 1));
    if (fresh.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_rows.append(std::move(fresh));
    rebuildIndex(first);
    endInsertRows();
}

void ChannelsModel::removeMany(const QSet<QString> &ids)
{
    QList<int> rows;
    for (const QString &id : ids) {
        if (const int row = m_index.value(id, -1); row >= 0)
            rows.append(row);
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    // Remove contiguous runs from the bottom up so earlier row numbers stay valid.
    int end = int(rows.size()) - 1;
    while (end >= 0) {
        int start = end;
        while (start > 0 && rows.at(start - 1) == rows.at(start) - 1)
            --start;
        const int from = rows.at(start);
        const int to = rows.at(end);
        beginRemoveRows({}, from, to);
        for (int row = from; row <= to; ++row)
            m_index.remove(m_rows.at(row).id);
        m_rows.remove(from, to - from + 1);
        endRemoveRows();
        end = start - 1;
    }
    rebuildIndex(rows.first());
}

void ChannelsModel::reset(const QList<QJsonObject> &channels)
{
    QSet<QString> keep;
    for (const QJsonObject &c : channels)
        keep.insert(c.value("id"_L1).toString());
    QSet<QString> gone;
    for (const Row &r : std::as_const(m_rows)) {
        if (!keep.contains(r.id))
            gone.insert(r.id);
    }
    removeMany(gone);
    upsertMany(channels);
}

void ChannelsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    endResetModel();
}

void ChannelsModel::setBridge(
    const QString &channelId, const QString &bridgeId, const QString &label)
{
    const int row = m_index.value(channelId, -1);
    if (row < 0 || (m_rows.at(row).bridge == bridgeId && m_rows.at(row).bridgeLabel == label))
        return;
    m_rows[row].bridge = bridgeId;
    m_rows[row].bridgeLabel = label;
    const QModelIndex i = index(row, int(ChannelColumn::Bridge));
    Q_EMIT dataChanged(i, i);
}

void ChannelsModel::setApplication(const QString &channelId, const QString &application)
{
    const int row = m_index.value(channelId, -1);
    if (row < 0 || m_rows.at(row).application == application)
        return;
    m_rows[row].application = application;
    const QModelIndex i = index(row, int(ChannelColumn::Application));
    Q_EMIT dataChanged(i, i);
}

QString ChannelsModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

QString ChannelsModel::nameOf(const QString &id) const
{
    const int row = m_index.value(id, -1);
    return row >= 0 ? m_rows.at(row).name : QString();
}

QJsonObject ChannelsModel::json(const QString &id) const
{
    const int row = m_index.value(id, -1);
    return row >= 0 ? m_rows.at(row).json : QJsonObject();
}

QString ChannelsModel::bridgeOf(const QString &id) const
{
    const int row = m_index.value(id, -1);
    return row >= 0 ? m_rows.at(row).bridge : QString();
}

QStringList ChannelsModel::ids() const
{
    QStringList out;
    out.reserve(m_rows.size());
    for (const Row &r : m_rows)
        out.append(r.id);
    return out;
}

void ChannelsModel::rebuildIndex(int from)
{
    for (int i = from; i < m_rows.size(); ++i)
        m_index[m_rows.at(i).id] = i;
}

void ChannelsModel::tick()
{
    if (m_rows.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, int(ChannelColumn::Duration)),
        index(int(m_rows.size()) - 1, int(ChannelColumn::Duration)), { Qt::DisplayRole });
}

int ChannelsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ChannelsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ChannelColumn::Count);
}

QVariant ChannelsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::ToolTipRole:
        if (ChannelColumn(index.column()) == ChannelColumn::Bridge)
            return r.bridge;
        Q_FALLTHROUGH();
    case Qt::DisplayRole:
        switch (ChannelColumn(index.column())) {
        case ChannelColumn::Name:
            return r.name;
        case ChannelColumn::State:
            return r.state;
        case ChannelColumn::Caller:
            return r.caller;
        case ChannelColumn::Connected:
            return r.connected;
        case ChannelColumn::Bridge:
            return r.bridgeLabel.isEmpty() ? r.bridge : r.bridgeLabel;
        case ChannelColumn::Duration:
            return formatDuration(r.created.secsTo(QDateTime::currentDateTimeUtc()));
        case ChannelColumn::Application:
            return r.application;
        case ChannelColumn::Id:
            return r.id;
        case ChannelColumn::Count:
            break;
        }
        return {};
    case Qt::DecorationRole:
        if (ChannelColumn(index.column()) == ChannelColumn::Name)
            return QIcon::fromTheme(r.state == "Up"_L1 ? u"call-start"_s : u"call-incoming"_s);
        return {};
    case JsonRole:
        return r.json;
    case IdRole:
        return r.id;
    case TypeRole:
        return u"channel"_s;
    default:
        return {};
    }
}

QVariant ChannelsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
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
    case ChannelColumn::Id:
        return tr("Id");
    case ChannelColumn::Count:
        break;
    }
    return {};
}

Qt::ItemFlags ChannelsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
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
