// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Private helpers for QtAri's futures (never installed).

#include <QtCore/QFuture>
#include <QtCore/QPromise>

#include <utility>

namespace QtAri::Private {

//! A future that has already finished with \a value. Written with QPromise so that it means the
//! same on Qt 6.4 (QtFuture::makeReadyFuture) and 6.6+ (makeReadyValueFuture) without a version check.
template<typename T>
QFuture<T> readyFuture(T value)
{
    QPromise<T> promise;
    QFuture<T> future = promise.future();
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return future;
}

} // namespace QtAri::Private
