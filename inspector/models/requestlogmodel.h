// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/Transport>

#include <QtCore/QAbstractTableModel>
#include <QtCore/QTimer>

#include <deque>

namespace QtAri::Inspector {

//! Columns of RequestLogModel.
enum class RequestColumn { Time, Method, Path, Operation, Status, Latency, Transport, Internal, Count };

//! \brief Every REST exchange of a session (QtAri::Client::requestFinished()), newest last.
//!
//! Like the event log: append() queues, a short timer inserts in one batch, at most maxRows()
//! rows are kept (the oldest go first). Credentials never show: secret-looking query values are
//! masked in the path column (the client never puts its password in a request anyway).
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles {
        InternalRole = Qt::UserRole + 1100, //!< bool: sent by the client itself
        StatusRole, //!< int: the HTTP status, 0 for a transport error
        OperationRole, //!< QString: "channels.hangup"
    };

    explicit RequestLogModel(QObject *parent = nullptr);
    ~RequestLogModel() override;

    void append(const QtAri::Exchange &exchange);
    //! Inserts everything queued now (also done by the batch timer).
    void flush();
    void clear();

    int maxRows() const { return m_maxRows; }
    void setMaxRows(int rows);
    int batchInterval() const { return m_timer.interval(); }
    void setBatchInterval(int ms) { m_timer.setInterval(ms); }

    //! The exchange shown in \a row.
    const QtAri::Exchange &exchange(int row) const { return m_rows[size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    //! "404 Not Found", or the error kind for a transport error ("Timeout").
    static QString statusText(const QtAri::Exchange &exchange);

private:
    std::deque<QtAri::Exchange> m_rows;
    std::deque<QtAri::Exchange> m_pending;
    QTimer m_timer;
    int m_maxRows = 5000;
};

} // namespace QtAri::Inspector
