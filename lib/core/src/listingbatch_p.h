// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// The live-object models' batching of a listing's rows (never installed).

#include "registry_p.h"

#include <QtAri/client.h>

#include <QtCore/QList>
#include <QtCore/QSet>

#include <functional>
#include <utility>

namespace QtAri::Private {

//! The objects a listing adds after a (re)connect, held back while Registry::reconcile() runs
//! and handed to \a insert in one go once it has been applied: row by row, thousands of them
//! would cost every proxy and view above a model a rebuild each.
template<class T>
class ListingBatch final : public ListingObserver
{
public:
    explicit ListingBatch(std::function<void(const QList<T *> &)> insert)
        : m_insert(std::move(insert))
    {
    }
    ~ListingBatch()
    {
        if (m_registry)
            m_registry->forgetListingObserver(this);
    }
    ListingBatch(const ListingBatch &) = delete;
    ListingBatch &operator=(const ListingBatch &) = delete;

    //! Holds \a object back if \a client is applying a listing (true), else leaves it (false).
    bool holdBack(Client *client, T *object)
    {
        Registry *registry = client ? registryOf(client) : nullptr;
        if (!registry || !registry->applyingListing())
            return false;
        registry->whenListingApplied(this);
        m_registry = registry;
        if (!m_held.contains(object)) {
            m_pending.append(object);
            m_held.insert(object);
        }
        return true;
    }
    bool contains(T *object) const { return m_held.contains(object); }
    //! Drops \a object if it is held back (true): it never becomes a row.
    bool remove(T *object)
    {
        if (!m_held.remove(object))
            return false;
        m_pending.removeOne(object);
        return true;
    }
    void clear()
    {
        m_pending.clear();
        m_held.clear();
    }

    void listingApplied() override
    {
        m_registry = nullptr;
        m_held.clear();
        const QList<T *> objects = std::exchange(m_pending, {});
        if (!objects.isEmpty())
            m_insert(objects);
    }
    void registryGone() override
    {
        m_registry = nullptr;
        clear();
    }

private:
    std::function<void(const QList<T *> &)> m_insert;
    QList<T *> m_pending;
    QSet<T *> m_held;
    Registry *m_registry = nullptr;
};

} // namespace QtAri::Private
