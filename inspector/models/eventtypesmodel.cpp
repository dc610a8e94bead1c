// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "eventtypesmodel.h"

#include "eventlogfilter.h"
#include "session.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

QStringList EventTypesModel::specEventTypes()
{
    static const QStringList types = [] {
        QFile file(u":/qtari/spec/ari.json"_s);
        if (!file.open(QIODevice::ReadOnly))
            return QStringList();
        const QJsonArray models =
            QJsonDocument::fromJson(file.readAll()).object().value("models"_L1).toArray();
        QHash<QString, QString> base;
        for (const QJsonValue &m : models)
            base.insert(m["name"_L1].toString(), m["base"_L1].toString());
        QStringList out;
        for (auto it = base.cbegin(); it != base.cend(); ++it) {
            // Events are the models that derive, directly or not, from Event.
            QString up = it.value();
            for (int depth = 0; depth < 8 && !up.isEmpty() && up != "Event"_L1; ++depth)
                up = base.value(up);
            if (up == "Event"_L1)
                out.append(it.key());
        }
        out.sort();
        return out;
    }();
    return types;
}

EventTypesModel::EventTypesModel(Session *session, EventLogFilter *filter, QObject *parent)
    : QAbstractTableModel(parent), m_session(session), m_filter(filter)
{
    m_types = specEventTypes();
    for (auto it = session->eventTypeCounts().cbegin(); it != session->eventTypeCounts().cend(); ++it) {
        if (!m_types.contains(it.key()))
            m_types.append(it.key());
    }
    std::sort(m_types.begin(), m_types.end());
    connect(session, &Session::eventTypeSeen, this, &EventTypesModel::addType);
    connect(session, &Session::captureChanged, this, [this](const QString &type) {
        const int row = rowOf(type);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, CapturedColumn), index(row, CapturedColumn));
    });
    m_refresh.setInterval(500);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        if (!m_types.isEmpty())
            Q_EMIT dataChanged(index(0, ReceivedColumn), index(int(m_types.size()) - 1, ReceivedColumn),
                { Qt::DisplayRole });
    });
    m_refresh.start();
}

void EventTypesModel::addType(const QString &type)
{
    if (m_types.contains(type))
        return;
    const auto at = std::lower_bound(m_types.begin(), m_types.end(), type);
    const int row = int(at - m_types.begin());
    beginInsertRows({}, row, row);
    m_types.insert(row, type);
    endInsertRows();
}

int EventTypesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_types.size());
}

int EventTypesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTypesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_session)
        return {};
    const QString &type = m_types.at(index.row());
    switch (index.column()) {
    case TypeColumn:
        if (role == Qt::DisplayRole)
            return type;
        if (role == Qt::ToolTipRole && !specEventTypes().contains(type))
            return tr("Not in the ARI description QtAri knows");
        break;
    case ReceivedColumn:
        if (role == Qt::DisplayRole)
            return m_session->eventTypeCounts().value(type);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case CapturedColumn:
        if (role == Qt::CheckStateRole)
            return m_session->isCaptured(type) ? Qt::Checked : Qt::Unchecked;
        break;
    case ShownColumn:
        if (role == Qt::CheckStateRole)
            return !m_filter || !m_filter->hiddenTypes().contains(type) ? Qt::Checked : Qt::Unchecked;
        break;
    }
    return {};
}

bool EventTypesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::CheckStateRole
        || !m_session)
        return false;
    const bool on = value.value<Qt::CheckState>() == Qt::Checked || value.toInt() == Qt::Checked;
    const QString &type = m_types.at(index.row());
    if (index.column() == CapturedColumn) {
        m_session->setCaptured(type, on);
    } else if (index.column() == ShownColumn && m_filter) {
        m_filter->setTypeShown(type, on);
    } else {
        return false;
    }
    Q_EMIT dataChanged(index, index, { Qt::CheckStateRole });
    return true;
}

Qt::ItemFlags EventTypesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == CapturedColumn || (index.column() == ShownColumn && m_filter))
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant EventTypesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        if (section == CapturedColumn)
            return tr("Kept in the event log, the call ladder and recordings");
        if (section == ShownColumn)
            return tr("Shown in the event log");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TypeColumn:
        return tr("Event type");
    case ReceivedColumn:
        return tr("Received");
    case CapturedColumn:
        return tr("Capture");
    case ShownColumn:
        return tr("Show");
    }
    return {};
}

} // namespace QtAri::Inspector
