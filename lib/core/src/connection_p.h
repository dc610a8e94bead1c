// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// The connection half of a Client (never installed): the REST transport, the event socket, the
// state machine with reconnect/backoff and keepalive, and frame parsing. It knows nothing of the
// generated types or the registry; the Client plugs those in through the hooks below.

#include "eventsocket_p.h"
#include "framedecoder_p.h"
#include "sockettransport_p.h"

#include <QtAri/Error>
#include <QtAri/HttpTransport>
#include <QtAri/ReconnectPolicy>
#include <QtAri/result.h>

#include <QtCore/QFuture>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPromise>
#include <QtCore/QStringList>
#include <QtCore/QTimer>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslConfiguration>

QT_BEGIN_NAMESPACE
class QWebSocket;
QT_END_NAMESPACE

#include <functional>
#include <memory>

namespace QtAri::Private {

class Connection : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting };

    explicit Connection(QObject *parent = nullptr);
    ~Connection() override;

    // --- settings (take effect on the next connection attempt) ---------------------------------
    void setUrl(const QUrl &url);
    QUrl url() const { return m_url; }
    void setCredentials(const QString &user, const QString &password);
    QString user() const { return m_transport->user(); }
    void setApplications(const QStringList &apps) { m_apps = apps; }
    QStringList applications() const { return m_apps; }
    void setSubscribeAll(bool on) { m_subscribeAll = on; }
    bool subscribeAll() const { return m_subscribeAll; }
    void setSslConfiguration(const QSslConfiguration &configuration);
    QSslConfiguration sslConfiguration() const { return m_ssl; }
    void addCaCertificates(const QList<QSslCertificate> &certificates);
    void setVerifyPeer(bool verify);
    bool verifyPeer() const { return m_verifyPeer; }
    void setRequestTimeout(int ms);
    int requestTimeout() const { return m_transport->requestTimeout(); }
    void setReconnectPolicy(const ReconnectPolicy &policy) { m_policy = policy; }
    ReconnectPolicy reconnectPolicy() const { return m_policy; }
    void setKeepalive(int pingIntervalMs, int pongTimeoutMs);
    int pingInterval() const { return m_pingInterval; }
    int pongTimeout() const { return m_pongTimeout; }

    //! Outbound mode (OutboundServer): Asterisk connects to us. connectToServer() then waits for
    //! acceptSocket() instead of dialling, a lost socket waits for Asterisk to connect again, and
    //! the client's own requests (listings, subscriptions) travel over the socket. With
    //! \a endsWithSocket (a per-call session) the first socket's end stops the connection.
    void setOutbound(bool endsWithSocket);
    bool isOutbound() const { return m_outbound; }
    //! Outbound mode: \a socket (open) now carries the application; \a early are frames read
    //! from it already, delivered first. A socket it had before is dropped. False (and the socket
    //! left to the caller) while disconnected.
    bool acceptSocket(QWebSocket *socket, const QList<QString> &early);

    HttpTransport *transport() const { return m_transport; }
    //! What the client's own requests use: HTTP, or in outbound mode the socket.
    Transport *internalTransport() const;
    //! What the API objects send through: the socket or HTTP, as setRestMode() says.
    SocketTransport *restTransport() const { return m_rest; }
    void setRestMode(SocketTransport::Mode mode) { m_rest->setMode(mode); }
    State state() const { return m_state; }
    //! The ws:// or wss:// URL of the event socket (no credentials).
    QUrl eventsUrl() const;

    QFuture<Result<void>> connectToServer();
    void disconnectFromServer();
    //! Ends everything for good (owner destroyed): pending futures fail with Aborted.
    void shutdown();

    // --- hooks, set once by the owner -------------------------------------------------------------
    //! Called after the event socket opened (events are held back meanwhile); the connection is
    //! ready when the returned future succeeds. Used for the resync (list channels + bridges).
    std::function<QFuture<Result<void>>()> resync;
    //! Called for each event frame that parsed as a JSON object, in order, with its event (or why
    //! it could not be decoded).
    std::function<void(const DecodedFrame &)> frameReceived;
    //! Called whenever the connection ended on purpose (disconnectFromServer/shutdown or giving up).
    std::function<void(const Error &)> stopped;

Q_SIGNALS:
    void stateChanged(QtAri::Private::Connection::State state);
    void connected();
    void disconnected();
    void reconnecting(int attempt, int delayMs);
    void errorOccurred(const QtAri::Error &error);

private:
    void startAttempt();
    void socketOpened();
    void socketClosed(const Error &reason);
    void attemptFailed(const Error &error);
    void attemptSucceeded();
    void scheduleReconnect();
    void handleFrame(const QString &frame);
    void deliver(const QString &frame);
    void setState(State state);
    void finishPromises(const Result<void> &result);
    void stop(const Error &reason, bool emitDisconnected);
    QSslConfiguration effectiveSsl() const;
    void probeRest(quint64 generation, const Error &socketError);

    HttpTransport *m_transport;
    EventSocket *m_socket;
    SocketTransport *m_rest;
    QUrl m_url;
    QByteArray m_authorization;
    QStringList m_apps;
    bool m_subscribeAll = false;
    QSslConfiguration m_ssl = QSslConfiguration::defaultConfiguration();
    QList<QSslCertificate> m_extraCas;
    bool m_verifyPeer = true;
    ReconnectPolicy m_policy;
    int m_pingInterval = 15'000;
    int m_pongTimeout = 10'000;

    State m_state = State::Disconnected;
    quint64 m_generation = 0;      // bumped by every attempt and stop; stale callbacks compare it
    int m_attempt = 0;             // reconnect attempt, 0 while connected or on the first connect
    bool m_everConnected = false;  // this session reached Connected at least once
    bool m_resyncing = false;
    QList<QString> m_heldFrames;
    FrameDecoder m_decoder;
    QTimer m_reconnectTimer;
    QList<std::shared_ptr<QPromise<Result<void>>>> m_promises;
    bool m_outbound = false;
    bool m_endsWithSocket = false;
};

} // namespace QtAri::Private
