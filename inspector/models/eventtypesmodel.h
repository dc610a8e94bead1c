// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QAbstractTableModel>
#include <QtCore/QPointer>
#include <QtCore/QStringList>
#include <QtCore/QTimer>

namespace QtAri::Inspector {

class EventLogFilter;
class Session;

//! \brief Every ARI event type with how many a session received, and two switches per type:
//! captured (kept in the log, the ladder and recordings: Session::setCaptured()) and shown (the
//! event log's display filter).
//!
//! The types are those of the spec (every Event of lib/spec/ari.json) and any other type the
//! server sent. Counts refresh twice a second.
class EventTypesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TypeColumn, ReceivedColumn, CapturedColumn, ShownColumn, ColumnCount };

    //! \a filter is the event log's filter whose hidden types "shown" edits (may be null).
    EventTypesModel(Session *session, EventLogFilter *filter, QObject *parent = nullptr);

    //! The row of \a type, or -1.
    int rowOf(const QString &type) const { return int(m_types.indexOf(type)); }
    //! The event types the spec describes (from the QtAriTesting spec resource).
    static QStringList specEventTypes();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void addType(const QString &type);

    QPointer<Session> m_session;
    QPointer<EventLogFilter> m_filter;
    QStringList m_types;
    QTimer m_refresh;
};

} // namespace QtAri::Inspector
