// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "observedtransport_p.h"

#include "futures_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QPromise>

#include <memory>

namespace QtAri::Private {

ObservedTransport::ObservedTransport(Transport *inner, QObject *parent)
    : Transport(parent), m_inner(inner)
{
}

ObservedTransport::~ObservedTransport() = default;

QFuture<Result<Response>> ObservedTransport::send(const Request &request)
{
    if (!m_inner) {
        return readyFuture(Result<Response>(Error(
                Error::Kind::Aborted,
                QCoreApplication::translate("QtAri", "the transport was destroyed"),
                request.operation)));
    }
    if (const int major = m_serverMajor ? m_serverMajor() : 0; major > 0 && request.since > major) {
        return readyFuture(Result<Response>(Error(
                Error::Kind::Unsupported,
                QCoreApplication::translate("QtAri", "%1 needs Asterisk %2 or later; the server runs %3")
                        .arg(request.sinceWhat.isEmpty() ? request.operation : request.sinceWhat)
                        .arg(request.since)
                        .arg(major),
                request.operation)));
    }
    auto promise = std::make_shared<QPromise<Result<Response>>>();
    promise->start();
    QFuture<Result<Response>> future = promise->future();
    QPointer<ObservedTransport> guard(this);
    const quint64 sentAt = m_clock ? m_clock() : 0;
    // No context object: the continuation runs where the inner transport finishes its future (the
    // client's thread), before anyone waiting on the outer future hears of it.
    m_inner->send(request).then([guard, request, sentAt, promise](const Result<Response> &result) {
        auto release = [promise, result] {
            promise->addResult(result);
            promise->finish();
        };
        if (guard && guard->m_observer)
            guard->m_observer(request, sentAt, result, std::move(release));
        else
            release();
    });
    return future;
}

} // namespace QtAri::Private
