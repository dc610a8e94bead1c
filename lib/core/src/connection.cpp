// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "connection_p.h"

#include "futures_p.h"
#include "qtari_logging_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonParseError>
#include <QtCore/QPointer>
#include <QtCore/QRandomGenerator>
#include <QtCore/QUrlQuery>

namespace QtAri::Private {

namespace {

QString trAri(const char *text, int n = -1)
{
    return QCoreApplication::translate("QtAri", text, nullptr, n);
}

const QString socketOperation = QStringLiteral("events.eventWebsocket");

// Asterisk's error text from a JSON body ({"message": …} or {"error": …}).
QString bodyMessage(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QString message = object.value(QLatin1StringView("message")).toString();
    if (message.isEmpty())
        message = object.value(QLatin1StringView("error")).toString();
    return message;
}

} // namespace

Connection::Connection(QObject *parent)
    : QObject(parent),
      m_transport(new HttpTransport(this)),
      m_socket(new EventSocket(this)),
      m_rest(new SocketTransport(m_transport, m_socket, this))
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Connection::startAttempt);
    connect(m_socket, &EventSocket::opened, this, &Connection::socketOpened);
    connect(m_socket, &EventSocket::closed, this, &Connection::socketClosed);
    connect(m_socket, &EventSocket::textReceived, this, &Connection::handleFrame);
    m_socket->setKeepalive(m_pingInterval, m_pongTimeout);
}

Connection::~Connection() { shutdown(); }

void Connection::setUrl(const QUrl &url)
{
    QUrl clean = url;
    QString user = url.userName();
    QString password = url.password();
    QUrlQuery query(url);
    if (query.hasQueryItem(QStringLiteral("api_key"))) {
        const QString key = query.queryItemValue(QStringLiteral("api_key"), QUrl::FullyDecoded);
        const qsizetype colon = key.indexOf(u':');
        user = key.left(colon);
        password = colon < 0 ? QString() : key.mid(colon + 1);
        query.removeAllQueryItems(QStringLiteral("api_key"));
        clean.setQuery(query);
    }
    clean = clean.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
                           | QUrl::StripTrailingSlash);
    if (!user.isEmpty())
        setCredentials(user, password);
    m_url = clean;
    m_transport->setBaseUrl(clean);
}

void Connection::setCredentials(const QString &user, const QString &password)
{
    m_transport->setCredentials(user, password);
    if (user.isEmpty() && password.isEmpty())
        m_authorization.clear();
    else
        m_authorization = "Basic " + (user + u':' + password).toUtf8().toBase64();
}

void Connection::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_ssl = configuration;
    m_transport->setSslConfiguration(effectiveSsl());
}

void Connection::addCaCertificates(const QList<QSslCertificate> &certificates)
{
    m_extraCas += certificates;
    m_transport->setSslConfiguration(effectiveSsl());
}

void Connection::setVerifyPeer(bool verify)
{
    m_verifyPeer = verify;
    m_transport->setSslConfiguration(effectiveSsl());
}

QSslConfiguration Connection::effectiveSsl() const
{
    QSslConfiguration ssl = m_ssl;
    if (!m_extraCas.isEmpty())
        ssl.setCaCertificates(ssl.caCertificates() + m_extraCas);
    if (!m_verifyPeer)
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    return ssl;
}

void Connection::setRequestTimeout(int ms) { m_transport->setRequestTimeout(ms); }

void Connection::setKeepalive(int pingIntervalMs, int pongTimeoutMs)
{
    m_pingInterval = std::max(0, pingIntervalMs);
    m_pongTimeout = std::max(0, pongTimeoutMs);
    m_socket->setKeepalive(m_pingInterval, m_pongTimeout);
}

QUrl Connection::eventsUrl() const
{
    if (m_url.isEmpty() || m_url.host().isEmpty())
        return QUrl();
    QUrl base = m_url;
    base.setScheme(m_url.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    QByteArray encoded = base.toEncoded();
    if (!m_url.path(QUrl::FullyEncoded).endsWith(QLatin1StringView("/ari")))
        encoded += "/ari";
    encoded += "/events";
    QByteArrayList apps;
    for (const QString &app : m_apps)
        apps << QUrl::toPercentEncoding(app);
    encoded += "?app=" + apps.join(',');
    if (m_subscribeAll)
        encoded += "&subscribeAll=true";
    return QUrl::fromEncoded(encoded, QUrl::StrictMode);
}

void Connection::setOutbound(bool endsWithSocket)
{
    m_outbound = true;
    m_endsWithSocket = endsWithSocket;
    // No HTTP URL needs to be known: REST goes over the socket Asterisk opened.
    m_rest->setMode(SocketTransport::Mode::WebSocket);
}

Transport *Connection::internalTransport() const
{
    // Outbound: the only way back to Asterisk may be the socket it opened (HTTP is tried only
    // if the mode says so); otherwise HTTP, which works before the socket is open.
    return m_rest->internal(!m_outbound);
}

bool Connection::acceptSocket(QWebSocket *socket, const QList<QString> &early)
{
    if (!m_outbound || m_state == State::Disconnected)
        return false;
    if (m_state == State::Connected)
        setState(State::Reconnecting); // Asterisk came again while we thought it was there
    ++m_generation;
    m_resyncing = false;
    m_heldFrames.clear();
    m_socket->setKeepalive(m_pingInterval, m_pongTimeout);
    const quint64 generation = m_generation;
    m_socket->adopt(socket); // opened() -> socketOpened(): the resync starts and holds frames
    if (generation != m_generation)
        return true;
    if (m_resyncing)
        m_heldFrames = early + m_heldFrames;
    else if (m_state == State::Connected)
        for (const QString &frame : early)
            deliver(frame);
    return true;
}

QFuture<Result<void>> Connection::connectToServer()
{
    if (m_state == State::Connected)
        return readyFuture(Result<void>());
    if (m_outbound) {
        auto promise = std::make_shared<QPromise<Result<void>>>();
        promise->start();
        m_promises.append(promise);
        if (m_state == State::Disconnected) {
            m_everConnected = false;
            setState(State::Connecting); // until Asterisk connects (acceptSocket())
        }
        return promise->future();
    }
    if (m_url.isEmpty() || !m_url.isValid() || m_url.host().isEmpty()
        || (m_url.scheme() != u"http" && m_url.scheme() != u"https")) {
        return readyFuture(Result<void>(Error(Error::Kind::InvalidArgument,
                                              trAri("the server URL must be an http:// or https:// URL"),
                                              socketOperation)));
    }
    if (m_apps.isEmpty()) {
        return readyFuture(Result<void>(Error(Error::Kind::InvalidArgument,
                                              trAri("no application name is set"), socketOperation)));
    }
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    QFuture<Result<void>> future = promise->future();
    m_promises.append(promise);
    if (m_state == State::Disconnected) {
        m_attempt = 0;
        m_everConnected = false;
        setState(State::Connecting);
        startAttempt();
    }
    return future;
}

void Connection::startAttempt()
{
    ++m_generation;
    m_resyncing = false;
    m_heldFrames.clear();
    m_socket->setKeepalive(m_pingInterval, m_pongTimeout);
    // The same Basic header the transport sends; credentials never go into the URL.
    m_socket->open(eventsUrl(), m_authorization, effectiveSsl(), m_transport->requestTimeout());
}

void Connection::socketOpened()
{
    if (m_state != State::Connecting && m_state != State::Reconnecting)
        return;
    if (!resync) {
        attemptSucceeded();
        return;
    }
    m_resyncing = true;
    const quint64 generation = m_generation;
    resync().then(this, [this, generation](const Result<void> &result) {
        if (generation != m_generation || !m_resyncing)
            return;
        if (result)
            attemptSucceeded();
        else
            attemptFailed(result.error());
    });
}

void Connection::socketClosed(const Error &reason)
{
    switch (m_state) {
    case State::Disconnected:
        return;
    case State::Connected:
        if (m_endsWithSocket) {
            qCDebug(lcAriSocket) << "the session's socket closed:" << reason;
            stop(reason.withOperation(socketOperation), true);
            return;
        }
        qCWarning(lcAriSocket) << "event socket lost:" << reason;
        m_attempt = 0;
        setState(State::Reconnecting);
        Q_EMIT errorOccurred(reason.withOperation(socketOperation));
        if (m_state == State::Reconnecting && !m_outbound)
            scheduleReconnect(); // (outbound: Asterisk connects again by itself)
        return;
    case State::Connecting:
    case State::Reconnecting:
        if (m_resyncing || reason.kind() == Error::Kind::Timeout)
            attemptFailed(reason.withOperation(socketOperation));
        else
            probeRest(m_generation, reason.withOperation(socketOperation));
        return;
    }
}

// The socket handshake failed: ask the REST side why, so that a wrong password reads as HTTP 401
// with Asterisk's message rather than as a socket error.
void Connection::probeRest(quint64 generation, const Error &socketError)
{
    Request request { "GET", "/asterisk/ping", {}, {}, socketOperation };
    m_rest->sendInternal(request, true).then(this, [this, generation,
                                           socketError](const Result<Response> &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            attemptFailed(result.error().withOperation(socketOperation));
        } else if (result->status >= 400) {
            QString message = bodyMessage(result->body);
            if (message.isEmpty())
                message = socketError.message();
            attemptFailed(Error::http(result->status, message, socketOperation));
        } else {
            attemptFailed(socketError);
        }
    });
}

void Connection::attemptFailed(const Error &error)
{
    ++m_generation;
    m_socket->abort();
    m_resyncing = false;
    m_heldFrames.clear();
    if (m_outbound) {
        // Asterisk's next connection is the next attempt; a session has no next one.
        qCWarning(lcAriSocket) << "the connection from Asterisk failed:" << error;
        Q_EMIT errorOccurred(error);
        if (m_endsWithSocket)
            stop(error, true);
        return;
    }
    if (m_state == State::Connecting) {
        qCWarning(lcAriSocket) << "connecting failed:" << error;
        setState(State::Disconnected);
        finishPromises(error);
        Q_EMIT errorOccurred(error);
    } else if (m_state == State::Reconnecting) {
        qCInfo(lcAriSocket) << "reconnect attempt" << m_attempt << "failed:" << error;
        Q_EMIT errorOccurred(error);
        if (m_state == State::Reconnecting)
            scheduleReconnect();
    }
}

void Connection::attemptSucceeded()
{
    const quint64 generation = m_generation;
    m_resyncing = false;
    m_attempt = 0;
    m_everConnected = true;
    setState(State::Connected);
    qCDebug(lcAriSocket) << "connected";
    // Events that arrived during the resync, in order, after the listed state.
    const QList<QString> held = std::exchange(m_heldFrames, {});
    for (const QString &frame : held) {
        if (generation != m_generation)
            return;
        deliver(frame);
    }
    if (generation != m_generation)
        return;
    Q_EMIT connected();
    finishPromises(Result<void>());
}

void Connection::scheduleReconnect()
{
    ++m_attempt;
    if (!m_policy.allowsAttempt(m_attempt)) {
        const Error error(Error::Kind::NotConnected,
                          trAri("gave up reconnecting after %n attempt(s)", m_attempt - 1),
                          socketOperation);
        qCWarning(lcAriSocket) << error;
        stop(error, true);
        Q_EMIT errorOccurred(error);
        return;
    }
    const int delay = m_policy.delay(m_attempt, QRandomGenerator::global()->generateDouble());
    qCInfo(lcAriSocket) << "reconnecting, attempt" << m_attempt << "in" << delay << "ms";
    m_reconnectTimer.start(delay);
    Q_EMIT reconnecting(m_attempt, delay);
}

void Connection::handleFrame(const QString &frame)
{
    // An answer to a request sent over the socket is never held back or taken for an event. Only
    // while answers are awaited is a frame looked at for one.
    if (m_rest->awaitingResponses() && frame.contains(QLatin1StringView("\"RESTResponse\""))) {
        const QJsonObject object = QJsonDocument::fromJson(frame.toUtf8()).object();
        if (object.value(QLatin1StringView("type")).toString() == QLatin1StringView("RESTResponse")
            && m_rest->takeResponse(object)) {
            return;
        }
    }
    if (m_resyncing)
        m_heldFrames.append(frame);
    else if (m_state == State::Connected)
        deliver(frame);
}

void Connection::deliver(const QString &frame)
{
    // Parsed once, from bytes, straight into the event (framedecoder_p.h).
    const DecodedFrame decoded = m_decoder.decode(FrameDecoder::utf8(frame));
    if (decoded.status != DecodedFrame::Status::Object) {
        const QString why = decoded.status == DecodedFrame::Status::NotJson
                ? decoded.parseError
                : trAri("not a JSON object");
        qCWarning(lcAriEvents).noquote()
                << "undecodable event frame of" << frame.size() << "characters:" << why
                << maskSecrets(frame.left(80));
        Q_EMIT errorOccurred(Error(Error::Kind::InvalidResponse,
                                   trAri("undecodable event frame: %1").arg(why), socketOperation));
        return;
    }
    if (frameReceived)
        frameReceived(decoded);
}

void Connection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Connection::finishPromises(const Result<void> &result)
{
    const auto promises = std::exchange(m_promises, {});
    for (const auto &promise : promises) {
        promise->addResult(result);
        promise->finish();
    }
}

void Connection::disconnectFromServer()
{
    stop(Error(Error::Kind::NotConnected, trAri("the client disconnected")), true);
}

void Connection::stop(const Error &reason, bool emitDisconnected)
{
    ++m_generation;
    m_reconnectTimer.stop();
    m_socket->close();
    m_resyncing = false;
    m_heldFrames.clear();
    const bool wasUp = m_state == State::Connected || m_state == State::Reconnecting;
    m_attempt = 0;
    setState(State::Disconnected);
    m_transport->abortAll(reason);
    m_rest->abortAll(reason);
    finishPromises(reason);
    if (stopped)
        stopped(reason);
    if (wasUp && emitDisconnected)
        Q_EMIT disconnected();
}

void Connection::shutdown()
{
    // The owner is going away: no more signals to it, every future ends with Aborted.
    disconnect(this, nullptr, nullptr, nullptr);
    frameReceived = nullptr;
    resync = nullptr;
    stop(Error(Error::Kind::Aborted, trAri("the client was destroyed")), false);
    stopped = nullptr;
}

} // namespace QtAri::Private
