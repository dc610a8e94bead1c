// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// The ARI events WebSocket: handshake with a Basic header, keepalive and dead-socket detection
// (never installed).

#include <QtAri/Error>

#include <QtCore/QObject>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtNetwork/QSslConfiguration>

QT_BEGIN_NAMESPACE
class QWebSocket;
QT_END_NAMESPACE

namespace QtAri::Private {

//! One connection attempt at a time. After open(), exactly one of opened() or closed() follows; after
//! opened(), closed() follows once the socket is gone for any reason except close()/abort() called by
//! the owner, which end the connection silently.
class EventSocket : public QObject
{
    Q_OBJECT
public:
    explicit EventSocket(QObject *parent = nullptr);
    ~EventSocket() override;

    //! Connects to \a url (ws:// or wss://) sending \a authorization as the Authorization header.
    //! \a handshakeTimeoutMs bounds the time to opened() (0: unbounded).
    void open(const QUrl &url, const QByteArray &authorization, const QSslConfiguration &ssl,
              int handshakeTimeoutMs);
    //! Takes over \a socket, already open (a connection Asterisk made to us, see
    //! OutboundServer): opened() follows at once. The socket becomes a child of this object.
    void adopt(QWebSocket *socket);
    //! Sends a close frame and forgets the connection (no closed() signal).
    void close();
    //! Drops the connection at once (no closed() signal).
    void abort();

    //! Ping every \a pingIntervalMs; without a pong within \a pongTimeoutMs the socket counts as
    //! dead: it is aborted and closed() reports a Timeout. 0 disables either.
    void setKeepalive(int pingIntervalMs, int pongTimeoutMs);

    //! Largest accepted message; a bigger one closes the connection (the server sees 1009).
    void setMaxMessageSize(qint64 bytes);

    bool isOpen() const { return m_open; }
    //! Sends \a text as one text message; false (nothing sent) when the socket is not open.
    bool sendText(const QString &text);
    bool isConnecting() const { return m_socket && !m_open; }
    QUrl url() const { return m_url; }

Q_SIGNALS:
    void opened();
    void textReceived(const QString &frame);
    void closed(const QtAri::Error &reason);
    //! The open socket is gone for whatever reason, close() and abort() included.
    void down();

private:
    void wire();
    void handleConnected();
    void handleDisconnected();
    void handleError();
    void sendPing();
    void boundReadBuffer();
    void fail(const QtAri::Error &reason);
    void teardown();

    QWebSocket *m_socket = nullptr;
    QUrl m_url;
    QTimer m_handshakeTimer;
    QTimer m_pingTimer;
    QTimer m_pongTimer;
    int m_pingInterval = 0;
    int m_pongTimeout = 0;
    qint64 m_maxMessageSize = 64 * 1024 * 1024;
    bool m_open = false;
    QString m_lastError;
    qint64 m_binaryMessages = 0;
    QMetaObject::Connection m_shrinkConnection; // set while the read buffer is above its bound
};

} // namespace QtAri::Private
