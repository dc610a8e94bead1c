// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "eventlogfilter.h"

#include "roles.h"

namespace QtAri::Inspector {

EventLogFilter::EventLogFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void EventLogFilter::setTypeFilter(const QString &type)
{
    if (m_type == type)
        return;
    m_type = type;
    invalidateFilter();
}

void EventLogFilter::setIdFilter(const QString &id)
{
    const QString trimmed = id.trimmed();
    if (m_id == trimmed)
        return;
    m_id = trimmed;
    invalidateFilter();
}

void EventLogFilter::setTextFilter(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    invalidateFilter();
}

void EventLogFilter::setTypeShown(const QString &type, bool shown)
{
    if (shown == !m_hidden.contains(type))
        return;
    if (shown)
        m_hidden.remove(type);
    else
        m_hidden.insert(type);
    invalidateFilter();
}

bool EventLogFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_hidden.isEmpty() && m_hidden.contains(index.data(TypeRole).toString()))
        return false;
    if (!m_type.isEmpty() && index.data(TypeRole).toString() != m_type)
        return false;
    if (!m_id.isEmpty()) {
        const QStringList ids = index.data(IdsRole).toStringList();
        const bool any = std::any_of(ids.cbegin(), ids.cend(),
            [this](const QString &id) { return id.contains(m_id, Qt::CaseInsensitive); });
        if (!any)
            return false;
    }
    if (!m_text.isEmpty()
        && !index.data(SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace QtAri::Inspector
