// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Turning operation results into live objects (never installed). Used by the generated bound
// operations: `return Private::toLive<Playback>(client(), client()->channels()->play(id(), …));`

#include "registry_p.h"

#include <QtAri/clientevents.h>
#include <QtAri/result.h>

#include <QtCore/QFuture>
#include <QtCore/QList>
#include <QtCore/QPointer>

namespace QtAri::Private {

//! The result's info resolved to its live object in \a client's identity map (found or created,
//! then updated). Errors pass through unchanged; if the client is gone (or has no registry) the
//! result is an Aborted error. The continuation runs where the operation finishes (the client's
//! thread) and never cancels the returned future.
template<class Live, class Info>
QFuture<Result<Live *>> toLive(ClientEvents *client, QFuture<Result<Info>> future)
{
    QPointer<ClientEvents> guard(client);
    // The request has just been sent: events from now on are newer than its reply.
    const Registry *sentAt = registryOf(client);
    const quint64 asOf = sentAt ? sentAt->eventCount() : std::numeric_limits<quint64>::max();
    return future.then([guard, asOf](const Result<Info> &result) -> Result<Live *> {
        if (!result)
            return result.error();
        Registry *registry = guard ? registryOf(guard.data()) : nullptr;
        if (!registry)
            return Error(Error::Kind::Aborted, QStringLiteral("the client is gone"));
        return registry->resolve(result.value(), asOf);
    });
}

//! Like toLive() for operations that return lists.
template<class Live, class Info>
QFuture<Result<QList<Live *>>> toLiveList(ClientEvents *client,
                                          QFuture<Result<QList<Info>>> future)
{
    QPointer<ClientEvents> guard(client);
    const Registry *sentAt = registryOf(client);
    const quint64 asOf = sentAt ? sentAt->eventCount() : std::numeric_limits<quint64>::max();
    return future.then([guard, asOf](const Result<QList<Info>> &result) -> Result<QList<Live *>> {
        if (!result)
            return result.error();
        Registry *registry = guard ? registryOf(guard.data()) : nullptr;
        if (!registry)
            return Error(Error::Kind::Aborted, QStringLiteral("the client is gone"));
        QList<Live *> live;
        live.reserve(result.value().size());
        for (const Info &info : result.value())
            live.append(registry->resolve(info, asOf));
        return live;
    });
}

} // namespace QtAri::Private
