// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QSslConfiguration>

#include <memory>

namespace QtAri {

class Client;
class OutboundServerPrivate;

//! Lets Asterisk connect to the application: the target of an outbound WebSocket
//! (ari.conf `type=outbound_websocket`, Asterisk 20.15 / 22.5 and later).
//!
//! Asterisk dials the URI of a websocket_client.conf section with its username and password
//! (Basic) and the subprotocol `ari`. The server checks both, answers a wrong or missing
//! password with HTTP 401 before any upgrade, and then reads the application's name from the
//! first frame (every frame Asterisk sends carries it). Each application gets a Client that
//! works as one made with connectToServer(): live objects, models, signals, and REST, which
//! travels over the same socket (setUrl() on it adds HTTP for what a socket cannot carry).
//!
//! - **Persistent** connections (`connection_type = persistent`): the application's Client lives
//!   as long as the server. When the socket goes, the Client goes Reconnecting and waits for
//!   Asterisk, which connects again on its own (every `reconnect_interval`); Asterisk keeps the
//!   application registered meanwhile and sends the events it held on the new socket. The
//!   Client then lists the server again, so the mirror comes out right either way.
//!   Add the applications you expect with addApplication() before listen(), to connect their
//!   signals before anything arrives; one that connects unannounced gets a Client too
//!   (applicationAdded()).
//! - **Per-call** connections (`connection_type = per_call_config`): Asterisk opens one socket
//!   per call entering Stasis, for the application `<app>:<channel name>`. Each is a short-lived
//!   Client: sessionStarted() hands it over before its first event, sessionEnded() tells when
//!   Asterisk closed it, and the server deletes it afterwards.
//!
//! \code
//! QtAri::OutboundServer server;
//! server.setCredentials(u"asterisk-ws"_s, u"secret"_s);  // websocket_client.conf
//! QtAri::Client *ivr = server.addApplication(u"ivr"_s);   // ari.conf apps = ivr
//! QObject::connect(ivr, &QtAri::Client::stasisStarted, ...);
//! server.listen(QHostAddress::Any, 8765);                  // uri = ws://this-host:8765/
//! \endcode
class QTARI_EXPORT OutboundServer : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool listening READ isListening NOTIFY listeningChanged FINAL)
    Q_PROPERTY(quint16 port READ serverPort NOTIFY listeningChanged FINAL)
public:
    explicit OutboundServer(QObject *parent = nullptr); //!< A server that does not listen yet.
    //! Closes every connection; the Clients it made are deleted with it.
    ~OutboundServer() override;

    //! The username and password Asterisk must send (websocket_client.conf). With none set, any
    //! connection is accepted.
    void setCredentials(const QString &user, const QString &password);
    //! The WebSocket subprotocol offered to Asterisk (websocket_client.conf `protocols`). Default `ari`.
    void setSubprotocol(const QString &protocol);
    QString subprotocol() const; //!< See setSubprotocol().
    //! TLS (wss://) with this configuration's certificate and key; call before listen().
    void setSslConfiguration(const QSslConfiguration &configuration);
    //! Whether the applications' Clients hold everything on the server (ari.conf
    //! `subscribe_all`; see Client::setSubscribeAll()). Default false. For Clients made from now on.
    void setSubscribeAll(bool subscribeAll);
    //! Keepalive of each connection (see Client::setKeepalive()). For Clients made from now on.
    void setKeepalive(int pingIntervalMs, int pongTimeoutMs);
    //! How long a connection may take to name its application (its first frame). Default 10 000 ms.
    void setIdentifyTimeout(int ms);

    //! Listens on \a address and \a port (0: any free port). False with errorString() if not.
    bool listen(const QHostAddress &address = QHostAddress::Any, quint16 port = 0);
    //! Stops listening and closes every connection; persistent Clients wait (Reconnecting).
    void close();
    bool isListening() const; //!< Whether listen() succeeded and close() was not called since.
    quint16 serverPort() const; //!< The port listened on, 0 when not listening.
    QString errorString() const; //!< Why listen() failed.

    //! The Client of persistent application \a name, made now (connecting: it is ready once
    //! Asterisk has connected and the mirror is filled, see Client::connectToServer()).
    //! Returns the existing one when called again. The server owns it.
    Client *addApplication(const QString &name);
    //! The Client of persistent application \a name, or nullptr.
    Client *application(const QString &name) const;
    QStringList applicationNames() const; //!< The persistent applications, in the order added.
    QList<Client *> sessions() const; //!< The per-call sessions open now.

Q_SIGNALS:
    void listeningChanged(bool listening); //!< listen() succeeded or close() was called.
    //! A persistent application that addApplication() did not announce connected.
    void applicationAdded(QtAri::Client *client);
    //! A per-call connection came in. Connect to \a session now: its events follow.
    void sessionStarted(QtAri::Client *session);
    //! Asterisk closed \a session's socket; the object is deleted once control returns to the
    //! event loop.
    void sessionEnded(QtAri::Client *session);
    //! A connection from \a peer was refused: wrong credentials (answered with 401), no
    //! application named in time, a malformed upgrade, or a disconnected Client.
    void connectionRefused(const QString &peer, const QString &reason);

private:
    std::unique_ptr<OutboundServerPrivate> d;
};

} // namespace QtAri
