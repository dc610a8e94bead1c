// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "eventlogmodel.h"

#include "ariformat.h"
#include "roles.h"

#include <QtCore/QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

EventLogModel::EventLogModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_timer.setInterval(100);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &EventLogModel::flush);
}

EventLogModel::~EventLogModel() = default;

void EventLogModel::append(const QJsonObject &event)
{
    ++m_total;
    const QString type = event.value("type"_L1).toString();
    if (!m_types.contains(type)) {
        m_types.insert(type);
        Q_EMIT typeSeen(type);
    }
    m_pending.push_back(event);
    if (int(m_pending.size()) > m_maxRows)
        m_pending.pop_front();
    if (m_paused)
        Q_EMIT pendingCountChanged(int(m_pending.size()));
    else if (!m_timer.isActive())
        m_timer.start();
}

EventLogModel::Entry EventLogModel::makeEntry(const QJsonObject &event)
{
    Entry e;
    e.time = parseAriTime(event.value("timestamp"_L1).toString());
    if (!e.time.isValid())
        e.time = QDateTime::currentDateTimeUtc();
    e.type = event.value("type"_L1).toString();
    e.application = event.value("application"_L1).toString();
    e.ids = eventObjectIds(event);
    e.summary = eventSummary(event);
    e.json = event;
    return e;
}

void EventLogModel::flush()
{
    m_timer.stop();
    if (m_pending.empty())
        return;
    const int incoming = int(m_pending.size());
    // Drop the oldest rows first so that the log never holds more than m_maxRows.
    const int overflow = int(m_rows.size()) + incoming - m_maxRows;
    if (overflow > 0) {
        const int remove = std::min(overflow, int(m_rows.size()));
        if (remove > 0) {
            beginRemoveRows({}, 0, remove - 1);
            m_rows.erase(m_rows.begin(), m_rows.begin() + remove);
            endRemoveRows();
        }
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + incoming - 1);
    for (const QJsonObject &event : m_pending)
        m_rows.push_back(makeEntry(event));
    m_pending.clear();
    endInsertRows();
    if (m_paused)
        Q_EMIT pendingCountChanged(0);
}

void EventLogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    endResetModel();
}

void EventLogModel::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!paused)
        flush();
    else
        m_timer.stop();
    Q_EMIT pausedChanged(paused);
}

void EventLogModel::setMaxRows(int rows)
{
    m_maxRows = std::max(1, rows);
    if (int(m_rows.size()) > m_maxRows) {
        const int remove = int(m_rows.size()) - m_maxRows;
        beginRemoveRows({}, 0, remove - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + remove);
        endRemoveRows();
    }
    while (int(m_pending.size()) > m_maxRows)
        m_pending.pop_front();
}

QStringList EventLogModel::knownTypes() const
{
    QStringList types(m_types.cbegin(), m_types.cend());
    types.sort();
    return types;
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(EventColumn::Count);
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (EventColumn(index.column())) {
        case EventColumn::Time:
            return e.time.toLocalTime().toString(u"HH:mm:ss.zzz"_s);
        case EventColumn::Type:
            return e.type;
        case EventColumn::Application:
            return e.application;
        case EventColumn::Objects:
            return e.ids.join(u", "_s);
        case EventColumn::Summary:
            return e.summary;
        case EventColumn::Count:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (EventColumn(index.column()) == EventColumn::Time)
            return e.time.toString(Qt::ISODateWithMs);
        return data(index, Qt::DisplayRole);
    case JsonRole:
        return e.json;
    case TypeRole:
        return e.type;
    case IdsRole:
        return e.ids;
    case SearchTextRole:
        return QString::fromUtf8(QJsonDocument(e.json).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

QString EventLogModel::columnTitle(int section)
{
    switch (EventColumn(section)) {
    case EventColumn::Time:
        return tr("Time");
    case EventColumn::Type:
        return tr("Event");
    case EventColumn::Application:
        return tr("Application");
    case EventColumn::Objects:
        return tr("Objects");
    case EventColumn::Summary:
        return tr("Summary");
    case EventColumn::Count:
        break;
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString title = columnTitle(section);
    return title.isEmpty() ? QVariant() : QVariant(title);
}

} // namespace QtAri::Inspector
