// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// The transport a Client's API objects use (never installed): it forwards every request to the
// real transport and lets the client look at each answer before the caller's future finishes, so
// that an operation which ends an object has ended the live object by the time the caller sees
// its result.

#include <QtAri/transport.h>

#include <QtCore/QPointer>

#include <functional>

namespace QtAri::Private {

class ObservedTransport : public Transport
{
    Q_OBJECT
public:
    //! Called with every answer; the caller's future finishes when \a release is called (at once,
    //! or later, but always: the observer owns that promise until then). \a sentAt is what the
    //! clock said when the request was sent.
    using Observer = std::function<void(const Request &request, quint64 sentAt,
                                        const Result<Response> &result,
                                        std::function<void()> release)>;

    ObservedTransport(Transport *inner, QObject *parent);
    ~ObservedTransport() override;

    QFuture<Result<Response>> send(const Request &request) override;
    void setObserver(Observer observer) { m_observer = std::move(observer); }
    //! The server's Asterisk major version (0 while unknown): a request that needs a newer one
    //! fails with Unsupported without being sent.
    void setServerMajor(std::function<int()> major) { m_serverMajor = std::move(major); }
    //! Stamps each request when it is sent (the registry's event count).
    void setClock(std::function<quint64()> clock) { m_clock = std::move(clock); }
    Transport *inner() const { return m_inner; }

private:
    QPointer<Transport> m_inner;
    Observer m_observer;
    std::function<quint64()> m_clock;
    std::function<int()> m_serverMajor;
};

} // namespace QtAri::Private
