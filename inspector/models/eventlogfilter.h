// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QSet>
#include <QtCore/QSortFilterProxyModel>

namespace QtAri::Inspector {

//! \brief Filters the event log by event type, by object id and by free text (all must match).
//!
//! Empty filters match everything. The id filter matches any id an event names, as a
//! case-insensitive substring; the text filter searches the event's whole JSON.
class EventLogFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventLogFilter(QObject *parent = nullptr);

    QString typeFilter() const { return m_type; }
    //! Only events of exactly this type ("" = all).
    void setTypeFilter(const QString &type);
    QString idFilter() const { return m_id; }
    void setIdFilter(const QString &id);
    QString textFilter() const { return m_text; }
    void setTextFilter(const QString &text);
    //! Event types not shown (the display filter of the event types window).
    QSet<QString> hiddenTypes() const { return m_hidden; }
    void setTypeShown(const QString &type, bool shown);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_type;
    QString m_id;
    QString m_text;
    QSet<QString> m_hidden;
};

} // namespace QtAri::Inspector
