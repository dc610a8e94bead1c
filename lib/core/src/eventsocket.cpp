// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "eventsocket_p.h"

#include "qtari_logging_p.h"

#include <QtCore/QCoreApplication>
#include <QtNetwork/QNetworkRequest>
#include <QtNetwork/QTcpSocket>
#include <QtWebSockets/QWebSocket>

#include <algorithm>

namespace QtAri::Private {

namespace {
// How much the socket reads ahead of the frames handled so far. Without a bound, QAbstractSocket
// moves everything the kernel holds into the process whenever the server sends faster than the
// events are handled (a flood, a slow slot), and memory grows with the backlog. With it, the
// backlog stays in the kernel and TCP flow control slows the server down.
constexpr qint64 kReadBufferSize = 256 * 1024;
constexpr qint64 kMaxFrameHeader = 14;
} // namespace

EventSocket::EventSocket(QObject *parent) : QObject(parent)
{
    m_handshakeTimer.setSingleShot(true);
    m_pongTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        fail(Error(Error::Kind::Timeout,
                   QCoreApplication::translate("QtAri",
                                               "the event WebSocket did not open within %1 ms")
                           .arg(m_handshakeTimer.interval())));
    });
    connect(&m_pingTimer, &QTimer::timeout, this, &EventSocket::sendPing);
    connect(&m_pongTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcAriSocket) << "no pong within" << m_pongTimeout << "ms: the event socket is dead";
        fail(Error(Error::Kind::Timeout,
                   QCoreApplication::translate("QtAri", "no pong from the server within %1 ms")
                           .arg(m_pongTimeout)));
    });
}

EventSocket::~EventSocket() { teardown(); }

void EventSocket::open(const QUrl &url, const QByteArray &authorization,
                       const QSslConfiguration &ssl, int handshakeTimeoutMs)
{
    teardown();
    m_url = url;
    m_lastError.clear();
    m_binaryMessages = 0;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    if (url.scheme() == u"wss")
        m_socket->setSslConfiguration(ssl);
    connect(m_socket, &QWebSocket::connected, this, &EventSocket::handleConnected);
    wire();

    QNetworkRequest request(url);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    if (handshakeTimeoutMs > 0) {
        m_handshakeTimer.setInterval(handshakeTimeoutMs);
        m_handshakeTimer.start();
    }
    qCDebug(lcAriSocket).noquote() << "opening" << maskedUrl(url);
    m_socket->open(request);
    boundReadBuffer();
}

void EventSocket::adopt(QWebSocket *socket)
{
    teardown();
    m_lastError.clear();
    m_binaryMessages = 0;
    m_socket = socket;
    socket->setParent(this);
    QUrl peer;
    peer.setScheme(QStringLiteral("ws"));
    peer.setHost(socket->peerAddress().toString());
    peer.setPort(socket->peerPort());
    m_url = peer;
    wire();
    handleConnected();
}

// The signals of m_socket that matter after the handshake, for sockets we open and adopt alike.
void EventSocket::wire()
{
    m_socket->setMaxAllowedIncomingMessageSize(quint64(m_maxMessageSize));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(m_maxMessageSize));
    connect(m_socket, &QWebSocket::disconnected, this, &EventSocket::handleDisconnected);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(m_socket, &QWebSocket::errorOccurred, this, &EventSocket::handleError);
#else
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &EventSocket::handleError);
#endif
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        m_lastError = QCoreApplication::translate("QtAri", "TLS error: %1")
                              .arg(texts.join(QStringLiteral("; ")));
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &EventSocket::textReceived);
    // ARI sends only text frames. A binary message is dropped with one warning per connection (a
    // flood of them must not flood the log too); the others are counted at debug level.
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &message) {
        ++m_binaryMessages;
        if (m_binaryMessages == 1)
            qCWarning(lcAriSocket).noquote()
                << "ignoring a binary WebSocket message of" << message.size() << "bytes from"
                << maskedUrl(m_url) << "(ARI events are text frames)";
        else
            qCDebug(lcAriSocket) << "ignoring binary message" << m_binaryMessages << "of"
                                 << message.size() << "bytes";
    });
    connect(m_socket, &QWebSocket::pong, this, [this] { m_pongTimer.stop(); });
}

// Qt 6.4's frame reader only takes a frame's payload once all of it sits in the socket's buffer,
// so a bound smaller than a frame would stall that frame for good. The socket (a child of the
// QWebSocket) is watched after each read: when its buffer is full and the WebSocket took nothing,
// a bigger frame is pending and the bound doubles (up to the largest accepted message); after the
// next whole message it goes back to the small bound. Without access to the socket the buffer
// stays unbounded, as Qt's default.
void EventSocket::boundReadBuffer()
{
    QTcpSocket *tcp = m_socket ? m_socket->findChild<QTcpSocket *>() : nullptr;
    if (!tcp)
        return;
    m_socket->setReadBufferSize(kReadBufferSize);
    connect(tcp, &QIODevice::readyRead, this, [this, tcp] {
        if (!m_socket)
            return;
        const qint64 bound = tcp->readBufferSize();
        if (bound <= 0 || tcp->bytesAvailable() < bound)
            return;
        m_socket->setReadBufferSize(std::min(bound * 2, m_maxMessageSize + kMaxFrameHeader));
        if (!m_shrinkConnection) {
            // Watched only while grown: the common path pays nothing per message.
            m_shrinkConnection = connect(m_socket, &QWebSocket::textMessageReceived, this, [this] {
                disconnect(std::exchange(m_shrinkConnection, {}));
                if (m_socket)
                    m_socket->setReadBufferSize(kReadBufferSize);
            });
        }
    });
}

void EventSocket::setKeepalive(int pingIntervalMs, int pongTimeoutMs)
{
    m_pingInterval = std::max(0, pingIntervalMs);
    m_pongTimeout = std::max(0, pongTimeoutMs);
    if (m_open) {
        m_pongTimer.stop();
        if (m_pingInterval > 0)
            m_pingTimer.start(m_pingInterval);
        else
            m_pingTimer.stop();
    }
}

void EventSocket::setMaxMessageSize(qint64 bytes)
{
    m_maxMessageSize = bytes > 0 ? bytes : 64 * 1024 * 1024;
    if (m_socket) {
        m_socket->setMaxAllowedIncomingMessageSize(quint64(m_maxMessageSize));
        m_socket->setMaxAllowedIncomingFrameSize(quint64(m_maxMessageSize));
    }
}

void EventSocket::handleConnected()
{
    m_handshakeTimer.stop();
    m_open = true;
    qCDebug(lcAriSocket).noquote() << "event socket open" << maskedUrl(m_url);
    if (m_pingInterval > 0)
        m_pingTimer.start(m_pingInterval);
    Q_EMIT opened();
}

void EventSocket::handleError()
{
    if (!m_socket)
        return;
    if (m_lastError.isEmpty())
        m_lastError = maskSecrets(m_socket->errorString());
    // QWebSocket reports a failed handshake as an error without always following with
    // disconnected(); end the attempt here.
    if (!m_open)
        fail(Error(Error::Kind::Network, m_lastError));
}

void EventSocket::handleDisconnected()
{
    if (!m_socket)
        return;
    QString reason = m_lastError;
    if (reason.isEmpty()) {
        const auto code = m_socket->closeCode();
        reason = QCoreApplication::translate("QtAri", "the event WebSocket closed (code %1%2)")
                         .arg(int(code))
                         .arg(m_socket->closeReason().isEmpty()
                                      ? QString()
                                      : QStringLiteral(", ") + maskSecrets(m_socket->closeReason()));
    }
    fail(Error(Error::Kind::Network, reason));
}

void EventSocket::sendPing()
{
    if (!m_socket || !m_open)
        return;
    m_socket->ping();
    if (m_pongTimeout > 0 && !m_pongTimer.isActive())
        m_pongTimer.start(m_pongTimeout);
}

void EventSocket::fail(const Error &reason)
{
    if (!m_socket)
        return;
    qCDebug(lcAriSocket) << "event socket ended:" << reason;
    teardown();
    Q_EMIT closed(reason);
}

void EventSocket::close()
{
    const bool wasOpen = m_open;
    QWebSocket *socket = m_socket;
    if (socket && wasOpen) {
        // Let the close frame go out; the socket deletes itself once the server answers or the
        // connection drops, or with this object.
        socket->disconnect(this);
        m_socket = nullptr;
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        socket->close(QWebSocketProtocol::CloseCodeNormal);
    }
    teardown();
}

void EventSocket::abort() { teardown(); }

bool EventSocket::sendText(const QString &text)
{
    if (!m_socket || !m_open)
        return false;
    m_socket->sendTextMessage(text);
    return true;
}

void EventSocket::teardown()
{
    m_handshakeTimer.stop();
    m_pingTimer.stop();
    m_pongTimer.stop();
    const bool wasOpen = std::exchange(m_open, false);
    if (wasOpen)
        Q_EMIT down();
    disconnect(std::exchange(m_shrinkConnection, {}));
    if (QWebSocket *socket = std::exchange(m_socket, nullptr)) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

} // namespace QtAri::Private
