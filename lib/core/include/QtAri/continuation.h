// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

//! \file continuation.h
//! \brief QtAri::onFinished(): run code when a future finishes, in a context object's thread, and
//! not at all once that object is gone.

#include <QtAri/result.h>

#include <QtCore/QFuture>
#include <QtCore/QFutureWatcher>
#include <QtCore/QMetaObject>
#include <QtCore/QObject>
#include <QtCore/QPromise>
#include <QtCore/QThread>

#include <memory>
#include <type_traits>
#include <utility>

namespace QtAri {

namespace Private {

template<typename T, typename Callback>
constexpr bool takesValue()
{
    if constexpr (std::is_void_v<T>)
        return false;
    else
        return std::is_invocable_v<Callback &, const T &>;
}

// The value first, so that a generic lambda ([](const auto &r) { … }) gets the value.
template<typename T, typename Callback>
void invokeContinuation(Callback &callback, const QFuture<T> &future)
{
    if constexpr (takesValue<T, Callback>()) {
        if (future.resultCount() > 0) {
            callback(future.result());
        } else if constexpr (std::is_constructible_v<T, Error>) {
            // A QtAri future always carries a value; any other QFuture<Result<…>> that was
            // cancelled (or threw) still reaches the callback, as an Aborted error.
            callback(T(Error(Error::Kind::Aborted, QStringLiteral("the operation was cancelled"))));
        }
        // Any other type of cancelled future has no value to pass: the callback is skipped.
    } else if constexpr (std::is_invocable_v<Callback &, const QFuture<T> &>) {
        callback(future);
    } else {
        static_assert(std::is_invocable_v<Callback &>,
                      "QtAri::onFinished: the callback must take the future's value, the future "
                      "itself or nothing");
        callback();
    }
}

} // namespace Private

//! \brief Calls \a callback when \a future finishes, in the thread of \a context, unless
//! \a context has been destroyed by then.
//!
//! Use it where you would write `future.then(context, callback)`. On Qt 6.4 that form asserts
//! (aborting a build without QT_NO_DEBUG) when the context is destroyed before the future
//! finishes, and it reads the context's QPointer from whichever thread finishes the future.
//! onFinished() is built on a QFutureWatcher that lives in the context's thread and is connected
//! with the context as receiver, so the callback either runs there while the context is alive or
//! never runs; it behaves the same on every Qt 6 release.
//!
//! The callback may take the future's value (`const QtAri::Result<T> &` for QtAri operations),
//! the future itself (`const QFuture<T> &`), or nothing. It always runs from the event loop, never
//! inside onFinished(), even when \a future has already finished. It may delete \a context.
//!
//! \code
//! QtAri::onFinished(channel->answer(), channel, [channel](const QtAri::Result<void> &r) {
//!     if (r)
//!         channel->play({ u"sound:hello-world"_s });
//!     else
//!         qWarning() << r.error();
//! });
//! \endcode
//!
//! onFinished() may be called from any thread; \a context's thread needs a running event loop.
//! A future that never finishes keeps a small watcher object alive until \a context is destroyed.
//!
//! \return a future that finishes after the callback has returned, or finishes cancelled (without
//! calling the callback) when \a context is destroyed first. It is only a signal for callers who
//! want to know which of the two happened; ignoring it is fine.
template<typename T, typename Callback>
QFuture<void> onFinished(const QFuture<T> &future, QObject *context, Callback &&callback)
{
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    QFuture<void> done = promise->future();
    if (!context) {
        promise->future().cancel();
        promise->finish();
        return done;
    }

    auto setUp = [future, context, promise,
                  callback = std::decay_t<Callback>(std::forward<Callback>(callback))]() mutable {
        // Created in the context's thread, so its signals are delivered there.
        auto *watcher = new QFutureWatcher<T>;
        QObject::connect(context, &QObject::destroyed, watcher, &QObject::deleteLater);
        QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                         [watcher, promise, callback = std::move(callback)]() mutable {
                             // Before the callback: it may delete the context (and so end
                             // this connection), the watcher must go either way.
                             watcher->deleteLater();
                             const QFuture<T> finished = watcher->future();
                             Private::invokeContinuation<T>(callback, finished);
                             promise->finish();
                         });
        watcher->setFuture(future);
    };

    if (context->thread() == QThread::currentThread())
        setUp();
    else
        QMetaObject::invokeMethod(context, std::move(setUp), Qt::QueuedConnection);
    return done;
}

} // namespace QtAri
