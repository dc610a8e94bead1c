// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// The one place in lib/qml that knows how a QFuture<Result<T>> becomes a JavaScript Promise.

#include <QtAri/error.h>
#include <QtAri/result.h>

#include <QtCore/QFuture>
#include <QtCore/QFutureWatcher>
#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtQml/QJSEngine>
#include <QtQml/QJSValue>

#include <functional>
#include <type_traits>

namespace QtAri::Qml {

//! \brief Promises made by the engine and settled from QtAri futures.
//!
//! Owned by an AriClient. A promise is resolved with the converted value or rejected with a
//! plain error object {kind, status, message, operation} (kind is the Error::Kind name, status
//! the HTTP status or 0). Every promise settles exactly once: when its future finishes, or, if
//! this object is destroyed first (the client went away), with an Aborted error at that moment.
//! Nothing here holds a JavaScript value after it settled, so no callback outlives its use.
class Promises : public QObject
{
    Q_OBJECT
public:
    explicit Promises(QObject *parent = nullptr);
    ~Promises() override;

    void setEngine(QJSEngine *engine);
    QJSEngine *engine() const { return m_engine; }

    //! A promise for \a future; \a convert turns the value into a JS value (ignored for void).
    template<typename T, typename Convert>
    QJSValue track(QFuture<Result<T>> future, Convert convert)
    {
        const quint64 id = ++m_lastId;
        QJSValue promise = makePromise(id);
        if (promise.isUndefined())
            return promise;
        auto *watcher = new QFutureWatcher<Result<T>>(this);
        m_watchers.insert(id, watcher);
        QObject::connect(watcher, &QFutureWatcherBase::finished, this,
                         [this, id, watcher, convert = std::move(convert)] {
                             m_watchers.remove(id);
                             watcher->deleteLater();
                             const Result<T> r = watcher->future().resultCount() > 0
                                     ? watcher->result()
                                     : Result<T>(Error(Error::Kind::Aborted,
                                                       tr("the operation was abandoned")));
                             if (!r) {
                                 settle(id, false, errorObject(r.error()));
                             } else if constexpr (std::is_void_v<T>) {
                                 settle(id, true, QJSValue());
                             } else {
                                 settle(id, true, convert(*r));
                             }
                         });
        watcher->setFuture(future);
        return promise;
    }
    QJSValue track(QFuture<Result<void>> future)
    {
        return track(std::move(future), [] { return QJSValue(); });
    }

    //! A promise already rejected with \a error (options refused, object ended …).
    QJSValue rejected(const Error &error);
    //! A promise already resolved with \a value.
    QJSValue resolved(const QJSValue &value);

    //! {kind, status, message, operation} for \a error, with a toString() of Error::toString().
    QJSValue errorObject(const Error &error) const;
    static QString kindName(Error::Kind kind);

    //! Promises not settled yet (for tests of the teardown).
    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    void pendingCountChanged();

private:
    struct Pending
    {
        QJSValue resolve;
        QJSValue reject;
    };
    QJSValue makePromise(quint64 id);
    void settle(quint64 id, bool ok, const QJSValue &value);

    QPointer<QJSEngine> m_engine;
    QJSValue m_factory;
    QJSValue m_textFunction;
    QHash<quint64, Pending> m_pending;
    QHash<quint64, QFutureWatcherBase *> m_watchers;
    quint64 m_lastId = 0;
};

} // namespace QtAri::Qml
