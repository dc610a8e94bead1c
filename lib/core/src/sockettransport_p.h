// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// REST over the event WebSocket (never installed). Asterisk 20.14, 22.4 and later accept
// RESTRequest frames on /ari/events and answer each with a RESTResponse frame on the same socket
// (trace m). This transport carries a Request that way when the client's setting and the server
// allow it, and over HTTP otherwise.

#include "eventsocket_p.h"

#include <QtAri/HttpTransport>
#include <QtAri/transport.h>

#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QPromise>
#include <QtCore/QTimer>

#include <functional>
#include <memory>

namespace QtAri::Private {

class SocketTransport : public Transport
{
    Q_OBJECT
public:
    //! Mirrors Client::RestTransport.
    enum class Mode { Http, WebSocket, Auto };

    SocketTransport(HttpTransport *http, EventSocket *socket, QObject *parent);
    ~SocketTransport() override;

    QFuture<Result<Response>> send(const Request &request) override;

    //! Hears every exchange that goes through this transport or internal(), while \a wanted
    //! says someone listens (so that nobody pays for the timing otherwise).
    using Tap = std::function<void(const Exchange &exchange)>;
    void setTap(Tap tap, std::function<bool()> wanted);
    //! The transport for the client's own requests: HTTP only when \a httpOnly, else as send()
    //! decides; exchanges through it are marked internal.
    Transport *internal(bool httpOnly) const { return httpOnly ? m_internalHttp : m_internalAny; }
    //! send() for internal(): \a httpOnly skips the event socket.
    QFuture<Result<Response>> sendInternal(const Request &request, bool httpOnly);

    void setMode(Mode mode) { m_mode = mode; }
    Mode mode() const { return m_mode; }

    //! Whether \a serverVersion ("22.5.0", from the Server header) accepts RESTRequest frames.
    static bool versionCarriesRest(const QString &serverVersion);
    //! Whether \a request can travel in a RESTRequest frame at all (a binary answer cannot).
    static bool socketCanCarry(const Request &request);
    //! The RESTRequest frame for \a request, correlated by \a requestId.
    static QJsonObject frameFor(const Request &request, const QString &transactionId,
                                const QString &requestId);

    //! True while requests wait for their RESTResponse: only then must frames be looked at.
    bool awaitingResponses() const { return !m_pending.isEmpty(); }
    //! Takes \a frame if it answers one of our requests; false leaves it to the event path.
    bool takeResponse(const QJsonObject &frame);
    //! Everything still waiting fails with \a reason (the owner is going away).
    void abortAll(const Error &reason);

private:
    QFuture<Result<Response>> dispatch(const Request &request, bool viaSocket);
    QFuture<Result<Response>> tapped(
            const Request &request, bool viaSocket, bool internal, QFuture<Result<Response>> future);
    struct Pending
    {
        Request request;
        std::shared_ptr<QPromise<Result<Response>>> promise;
        QTimer *timer = nullptr;
    };
    bool overSocket(const Request &request) const;
    void socketDown();
    void settleOrphans();
    void finish(const QString &requestId, const Result<Response> &result);

    QPointer<HttpTransport> m_http;
    QPointer<EventSocket> m_socket;
    Mode m_mode = Mode::Auto;
    QString m_transactionId;
    quint64 m_nextId = 1;
    QHash<QString, Pending> m_pending;
    QList<Pending> m_orphans; // their socket went down; settled on the next event-loop turn
    Tap m_tap;
    std::function<bool()> m_tapWanted;
    Transport *m_internalHttp = nullptr;
    Transport *m_internalAny = nullptr;
};

} // namespace QtAri::Private
