// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Row bookkeeping shared by the live-object models (never installed).

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <algorithm>

namespace QtAri::Private {

//! The top-level rows of a live-object model: objects of type T in row order. Rows are only
//! ever appended, so the sequence numbers given on insertion are ascending along the rows: an
//! object's row is a binary search for its number (O(log n)), and no index needs rewriting when
//! a row in the middle goes. The caller wraps the changes in the model's begin/end calls.
template<class T>
class LiveRows
{
public:
    qsizetype size() const { return m_rows.size(); }
    T *at(qsizetype row) const { return m_rows.at(row); }
    bool contains(T *object) const { return m_sequenceOf.contains(object); }

    //! The row of \a object, or -1 if it has none.
    int rowOf(T *object) const
    {
        const auto it = m_sequenceOf.constFind(object);
        if (it == m_sequenceOf.constEnd())
            return -1;
        const auto pos = std::lower_bound(m_sequence.cbegin(), m_sequence.cend(), it.value());
        if (pos == m_sequence.cend() || *pos != it.value())
            return -1;
        return int(pos - m_sequence.cbegin());
    }

    //! Adds \a object as the last row (it must not be in the rows yet).
    void append(T *object)
    {
        m_rows.append(object);
        m_sequence.append(m_nextSequence);
        m_sequenceOf.insert(object, m_nextSequence++);
    }

    void removeAt(int row)
    {
        m_sequenceOf.remove(m_rows.at(row));
        m_rows.removeAt(row);
        m_sequence.removeAt(row);
    }

    //! Replaces the rows with \a objects ordered by creation time, then id.
    void reset(const QList<T *> &objects)
    {
        m_rows = objects;
        std::stable_sort(m_rows.begin(), m_rows.end(), [](T *a, T *b) {
            if (a->creationTime() != b->creationTime())
                return a->creationTime() < b->creationTime();
            return a->id() < b->id();
        });
        m_sequence.clear();
        m_sequenceOf.clear();
        m_sequenceOf.reserve(m_rows.size());
        for (T *object : std::as_const(m_rows)) {
            m_sequence.append(m_nextSequence);
            m_sequenceOf.insert(object, m_nextSequence++);
        }
    }

    const QList<T *> &rows() const { return m_rows; }

private:
    QList<T *> m_rows;
    QList<quint64> m_sequence; // parallel to m_rows, ascending
    QHash<T *, quint64> m_sequenceOf;
    quint64 m_nextSequence = 0;
};

//! The first half of a model's setClient(): false if \a client is already set and connected
//! (nothing to do); otherwise drops the old \a connections, stores \a client and returns true,
//! so the caller connects to it and resets its rows.
template<class C>
bool rebindClient(QPointer<C> &current, QList<QMetaObject::Connection> &connections, C *client)
{
    if (current == client && (client || connections.isEmpty()))
        return false;
    for (const QMetaObject::Connection &connection : std::as_const(connections))
        QObject::disconnect(connection);
    connections.clear();
    current = client;
    return true;
}

} // namespace QtAri::Private
