// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "requestlogmodel.h"

#include "requestexport.h"

#include <QtAri/Error>

#include <QtCore/QMetaEnum>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

namespace {
    QString reasonPhrase(int status)
    {
        switch (status) {
        case 200: return u"OK"_s;
        case 201: return u"Created"_s;
        case 204: return u"No Content"_s;
        case 400: return u"Bad Request"_s;
        case 401: return u"Unauthorized"_s;
        case 403: return u"Forbidden"_s;
        case 404: return u"Not Found"_s;
        case 405: return u"Method Not Allowed"_s;
        case 409: return u"Conflict"_s;
        case 412: return u"Precondition Failed"_s;
        case 422: return u"Unprocessable Entity"_s;
        case 500: return u"Internal Server Error"_s;
        case 501: return u"Not Implemented"_s;
        case 503: return u"Service Unavailable"_s;
        default: return {};
        }
    }
} // namespace

RequestLogModel::RequestLogModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_timer.setInterval(100);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RequestLogModel::flush);
}

RequestLogModel::~RequestLogModel() = default;

void RequestLogModel::append(const QtAri::Exchange &exchange)
{
    m_pending.push_back(exchange);
    if (int(m_pending.size()) > m_maxRows)
        m_pending.pop_front();
    if (!m_timer.isActive())
        m_timer.start();
}

void RequestLogModel::flush()
{
    m_timer.stop();
    if (m_pending.empty())
        return;
    const int incoming = int(m_pending.size());
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
    for (QtAri::Exchange &e : m_pending)
        m_rows.push_back(std::move(e));
    m_pending.clear();
    endInsertRows();
}

void RequestLogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    endResetModel();
}

void RequestLogModel::setMaxRows(int rows)
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

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(RequestColumn::Count);
}

QString RequestLogModel::statusText(const QtAri::Exchange &exchange)
{
    if (!exchange.result) {
        return QString::fromLatin1(QMetaEnum::fromType<QtAri::Error::Kind>().valueToKey(
            int(exchange.result.error().kind())));
    }
    const int status = exchange.result->status;
    const QString reason = reasonPhrase(status);
    return reason.isEmpty() ? QString::number(status) : u"%1 %2"_s.arg(status).arg(reason);
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QtAri::Exchange &e = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (RequestColumn(index.column())) {
        case RequestColumn::Time:
            return e.sentAt.toLocalTime().toString(u"HH:mm:ss.zzz"_s);
        case RequestColumn::Method:
            return QString::fromLatin1(e.request.method);
        case RequestColumn::Path:
            return e.request.query.isEmpty()
                ? QString::fromLatin1(e.request.path)
                : QString::fromLatin1(e.request.path + '?' + RequestExport::maskedQuery(e.request.query));
        case RequestColumn::Operation:
            return e.request.operation;
        case RequestColumn::Status:
            return statusText(e);
        case RequestColumn::Latency:
            return QString::number(double(e.elapsedNs) / 1e6, 'f', 1);
        case RequestColumn::Transport:
            return e.overWebSocket ? tr("WebSocket") : tr("HTTP");
        case RequestColumn::Internal:
            return e.internal ? tr("client") : QString();
        case RequestColumn::Count:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (RequestColumn(index.column()) == RequestColumn::Time)
            return e.sentAt.toString(Qt::ISODateWithMs);
        if (RequestColumn(index.column()) == RequestColumn::Internal && e.internal)
            return tr("Sent by the client itself (connect check, listing, subscription)");
        if (RequestColumn(index.column()) == RequestColumn::Status && !e.result)
            return e.result.error().message();
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (RequestColumn(index.column()) == RequestColumn::Latency)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case InternalRole:
        return e.internal;
    case StatusRole:
        return e.result ? e.result->status : 0;
    case OperationRole:
        return e.request.operation;
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (RequestColumn(section)) {
    case RequestColumn::Time:
        return tr("Time");
    case RequestColumn::Method:
        return tr("Method");
    case RequestColumn::Path:
        return tr("Path");
    case RequestColumn::Operation:
        return tr("Operation");
    case RequestColumn::Status:
        return tr("Status");
    case RequestColumn::Latency:
        return tr("ms");
    case RequestColumn::Transport:
        return tr("Transport");
    case RequestColumn::Internal:
        return tr("Internal");
    case RequestColumn::Count:
        break;
    }
    return {};
}

} // namespace QtAri::Inspector
