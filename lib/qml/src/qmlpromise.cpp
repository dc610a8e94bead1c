// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "qmlpromise_p.h"

#include <QtCore/QMetaEnum>

using namespace Qt::StringLiterals;

namespace QtAri::Qml {

Promises::Promises(QObject *parent) : QObject(parent) { }

Promises::~Promises()
{
    // The futures have not finished yet (their client is going away, or they were abandoned):
    // settle what is left now, while the engine can still run the reactions.
    for (QFutureWatcherBase *watcher : std::as_const(m_watchers)) {
        watcher->disconnect(this);
        delete watcher;
    }
    m_watchers.clear();
    const Error aborted(Error::Kind::Aborted, tr("the client was destroyed"));
    const QList<quint64> ids = m_pending.keys();
    for (const quint64 id : ids)
        settle(id, false, errorObject(aborted));
}

void Promises::setEngine(QJSEngine *engine)
{
    if (m_engine == engine)
        return;
    m_engine = engine;
    m_factory = QJSValue();
    m_textFunction = QJSValue();
    if (engine) {
        m_factory = engine->evaluate(u"(function () {"
                                     "    let resolve, reject;"
                                     "    const promise = new Promise((a, b) => { resolve = a; reject = b; });"
                                     "    return { promise: promise, resolve: resolve, reject: reject };"
                                     "})"_s);
        m_textFunction = engine->evaluate(u"(function (t) { return function () { return t; }; })"_s);
    }
}

QJSValue Promises::makePromise(quint64 id)
{
    if (!m_engine || !m_factory.isCallable())
        return QJSValue();
    const QJSValue parts = m_factory.call();
    m_pending.insert(id, Pending { parts.property(u"resolve"_s), parts.property(u"reject"_s) });
    Q_EMIT pendingCountChanged();
    return parts.property(u"promise"_s);
}

void Promises::settle(quint64 id, bool ok, const QJSValue &value)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.constEnd())
        return;
    const Pending p = *it;
    m_pending.erase(it);
    Q_EMIT pendingCountChanged();
    if (!m_engine)
        return;
    QJSValue fn = ok ? p.resolve : p.reject;
    fn.call({ value });
}

QJSValue Promises::rejected(const Error &error)
{
    const quint64 id = ++m_lastId;
    QJSValue promise = makePromise(id);
    settle(id, false, errorObject(error));
    return promise;
}

QJSValue Promises::resolved(const QJSValue &value)
{
    const quint64 id = ++m_lastId;
    QJSValue promise = makePromise(id);
    settle(id, true, value);
    return promise;
}

QString Promises::kindName(Error::Kind kind)
{
    return QString::fromLatin1(QMetaEnum::fromType<Error::Kind>().valueToKey(int(kind)));
}

QJSValue Promises::errorObject(const Error &error) const
{
    if (!m_engine)
        return QJSValue();
    QJSValue e = m_engine->newObject();
    e.setProperty(u"kind"_s, kindName(error.kind()));
    e.setProperty(u"status"_s, error.httpStatus());
    e.setProperty(u"message"_s, error.message());
    e.setProperty(u"operation"_s, error.operation());
    const QString text = error.toString();
    e.setProperty(u"toString"_s, m_textFunction.call({ text }));
    return e;
}

} // namespace QtAri::Qml
