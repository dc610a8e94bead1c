// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <QtAri/OutboundServer>

#include "client_p.h"
#include "qtari_logging_p.h"

#include <QtAri/Client>

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtNetwork/QSslServer>
#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

#include <memory>

namespace QtAri {

namespace {

constexpr qsizetype kMaxUpgradeBytes = 16 * 1024; // Asterisk's upgrade is about 300 bytes
constexpr int kUpgradeTimeoutMs = 5'000;
constexpr qsizetype kMaxEarlyFrames = 1'000;      // frames kept while the application is unknown

QString peerOf(const QAbstractSocket *socket)
{
    return socket->peerAddress().toString() + u':' + QString::number(socket->peerPort());
}

QString trAri(const char *text)
{
    return QCoreApplication::translate("QtAri", text);
}

} // namespace

class OutboundServerPrivate
{
public:
    explicit OutboundServerPrivate(OutboundServer *q) : q(q) { }

    void incoming();
    void readUpgrade(QTcpSocket *socket);
    void upgraded();
    void identify(QWebSocket *socket, const QString &frame);
    void refuse(QWebSocket *socket, const QString &reason);
    Client *makeClient(const QString &name, bool session);
    void hand(QWebSocket *socket, const QString &name);

    OutboundServer *q;
    std::unique_ptr<QTcpServer> tcp;
    QWebSocketServer ws { QStringLiteral("QtAri"), QWebSocketServer::NonSecureMode };
    QByteArray expectedAuthorization; // "Basic …", empty: no check
    QString subprotocol = QStringLiteral("ari");
    QSslConfiguration ssl;
    bool useTls = false;
    bool subscribeAll = false;
    int pingInterval = 15'000;
    int pongTimeout = 10'000;
    int identifyTimeout = 10'000;
    QString errorString;

    QList<QString> order;                   // persistent applications, as added
    QHash<QString, QPointer<Client>> apps;  // persistent applications
    QList<QPointer<Client>> sessionList;    // per-call sessions
    struct Unnamed
    {
        QList<QString> frames;
        QTimer *timer = nullptr;
    };
    QHash<QWebSocket *, Unnamed> unnamed; // upgraded, application not known yet
    QList<QPointer<QTcpSocket>> upgrading; // handed to the WebSocket server, no WebSocket yet
};

void OutboundServerPrivate::incoming()
{
    while (QTcpSocket *socket = tcp->nextPendingConnection()) {
        // The upgrade is read here first (peeked, left in the socket for QWebSocketServer), to
        // answer a wrong password with 401 as Asterisk expects, before any WebSocket exists.
        auto *timer = new QTimer(socket);
        timer->setSingleShot(true);
        QObject::connect(timer, &QTimer::timeout, socket, [this, socket] {
            Q_EMIT q->connectionRefused(peerOf(socket), trAri("no complete upgrade request in time"));
            socket->abort();
            socket->deleteLater();
        });
        timer->start(kUpgradeTimeoutMs);
        QObject::connect(socket, &QTcpSocket::readyRead, q, [this, socket] { readUpgrade(socket); });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        readUpgrade(socket);
    }
}

void OutboundServerPrivate::readUpgrade(QTcpSocket *socket)
{
    const QByteArray head = socket->peek(kMaxUpgradeBytes);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() >= kMaxUpgradeBytes) {
            Q_EMIT q->connectionRefused(peerOf(socket), trAri("the upgrade request is too long"));
            socket->write("HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\n"
                          "Connection: close\r\n\r\n");
            socket->disconnectFromHost();
        }
        return;
    }
    socket->disconnect(q); // no more readUpgrade()
    delete socket->findChild<QTimer *>(QString(), Qt::FindDirectChildrenOnly);
    QByteArray authorization;
    for (const QByteArray &line : head.left(end).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "authorization")
            authorization = line.mid(colon + 1).trimmed();
    }
    if (!expectedAuthorization.isEmpty() && authorization != expectedAuthorization) {
        qCWarning(lcAriSocket).noquote() << "refused a connection from" << peerOf(socket)
                                         << (authorization.isEmpty() ? "without credentials"
                                                                     : "with wrong credentials");
        Q_EMIT q->connectionRefused(peerOf(socket), trAri("wrong or missing credentials (401)"));
        socket->write("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"QtAri\"\r\n"
                      "Content-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
        return;
    }
    // The TCP server would delete it with itself: it goes with its WebSocket instead (upgraded()),
    // or with its connection if the handshake fails.
    socket->setParent(nullptr);
    upgrading.append(socket);
    ws.handleConnection(socket);
    Q_EMIT socket->readyRead(); // what arrived is in the buffer already
}

void OutboundServerPrivate::upgraded()
{
    while (QWebSocket *socket = ws.nextPendingConnection()) {
        socket->setParent(q);
        for (qsizetype i = upgrading.size() - 1; i >= 0; --i) {
            QTcpSocket *tcpSocket = upgrading.at(i);
            if (!tcpSocket) {
                upgrading.removeAt(i);
            } else if (tcpSocket->peerPort() == socket->peerPort()
                       && tcpSocket->peerAddress() == socket->peerAddress()) {
                upgrading.removeAt(i);
                tcpSocket->setParent(socket);
                QObject::disconnect(tcpSocket, &QTcpSocket::disconnected, tcpSocket, &QObject::deleteLater);
            }
        }
        Unnamed &entry = unnamed[socket];
        entry.timer = new QTimer(socket);
        entry.timer->setSingleShot(true);
        QObject::connect(entry.timer, &QTimer::timeout, q, [this, socket] {
            refuse(socket, trAri("no frame named an application in time"));
        });
        entry.timer->start(identifyTimeout);
        QObject::connect(socket, &QWebSocket::textMessageReceived, q,
                         [this, socket](const QString &frame) { identify(socket, frame); });
        QObject::connect(socket, &QWebSocket::disconnected, q, [this, socket] {
            if (unnamed.remove(socket))
                socket->deleteLater();
        });
    }
}

void OutboundServerPrivate::refuse(QWebSocket *socket, const QString &reason)
{
    const QString peer = socket->peerAddress().toString() + u':' + QString::number(socket->peerPort());
    qCWarning(lcAriSocket).noquote() << "closing the connection from" << peer << "-" << reason;
    unnamed.remove(socket);
    socket->disconnect(q);
    socket->close(QWebSocketProtocol::CloseCodePolicyViolated, reason);
    socket->deleteLater();
    Q_EMIT q->connectionRefused(peer, reason);
}

void OutboundServerPrivate::identify(QWebSocket *socket, const QString &frame)
{
    auto it = unnamed.find(socket);
    if (it == unnamed.end())
        return;
    it->frames.append(frame);
    // Every frame Asterisk sends names the application (trace n), the events it held during an
    // outage included, which come before ApplicationRegistered.
    const QString name = QJsonDocument::fromJson(frame.toUtf8())
                                 .object()
                                 .value(QLatin1StringView("application"))
                                 .toString();
    if (name.isEmpty()) {
        if (it->frames.size() > kMaxEarlyFrames)
            refuse(socket, trAri("no frame named an application"));
        return;
    }
    hand(socket, name);
}

Client *OutboundServerPrivate::makeClient(const QString &name, bool session)
{
    auto *client = new Client(q);
    client->setApplicationNames({ name });
    client->setSubscribeAll(subscribeAll);
    client->setKeepalive(pingInterval, pongTimeout);
    client->d_func()->connection->setOutbound(session);
    client->connectToServer(); // waits for Asterisk
    return client;
}

void OutboundServerPrivate::hand(QWebSocket *socket, const QString &name)
{
    Unnamed entry = unnamed.take(socket);
    delete entry.timer;
    socket->disconnect(q);
    Client *client = apps.value(name);
    if (!client && !name.contains(u':')) {
        client = makeClient(name, false);
        apps.insert(name, client);
        order.append(name);
        Q_EMIT q->applicationAdded(client);
    }
    if (!client) {
        // Asterisk names a per-call application "<app>:<channel name>".
        client = makeClient(name, true);
        sessionList.append(client);
        QObject::connect(client, &Client::disconnected, q, [this, client] {
            sessionList.removeAll(client);
            Q_EMIT q->sessionEnded(client);
            client->deleteLater();
        });
        qCDebug(lcAriSocket).noquote() << "per-call session" << name;
        Q_EMIT q->sessionStarted(client);
    }
    if (!client->d_func()->connection->acceptSocket(socket, entry.frames)) {
        // (a session whose slot disconnected it at once lands here too)
        socket->setParent(q);
        refuse(socket, trAri("the application's client is disconnected"));
        return;
    }
    qCDebug(lcAriSocket).noquote() << "Asterisk connected for application" << name;
}

OutboundServer::OutboundServer(QObject *parent)
    : QObject(parent), d(std::make_unique<OutboundServerPrivate>(this))
{
    d->ws.setSupportedSubprotocols({ d->subprotocol });
    connect(&d->ws, &QWebSocketServer::newConnection, this, [this] { d->upgraded(); });
}

OutboundServer::~OutboundServer()
{
    close();
    for (const QPointer<QTcpSocket> &socket : std::as_const(d->upgrading))
        delete socket.data();
    // The Clients go before the WebSocket server, which closes what it made when it goes: they
    // end quietly (their futures fail with Aborted), as a Client destroyed by its owner does.
    for (const QPointer<Client> &client : std::as_const(d->sessionList)) {
        if (client) {
            client->disconnect(this);
            delete client.data();
        }
    }
    for (const QPointer<Client> &client : std::as_const(d->apps))
        delete client.data();
}

void OutboundServer::setCredentials(const QString &user, const QString &password)
{
    if (user.isEmpty() && password.isEmpty())
        d->expectedAuthorization.clear();
    else
        d->expectedAuthorization = "Basic " + (user + u':' + password).toUtf8().toBase64();
}

void OutboundServer::setSubprotocol(const QString &protocol)
{
    d->subprotocol = protocol;
    d->ws.setSupportedSubprotocols(protocol.isEmpty() ? QStringList() : QStringList { protocol });
}

QString OutboundServer::subprotocol() const { return d->subprotocol; }

void OutboundServer::setSslConfiguration(const QSslConfiguration &configuration)
{
    d->ssl = configuration;
    d->useTls = true;
}

void OutboundServer::setSubscribeAll(bool subscribeAll) { d->subscribeAll = subscribeAll; }

void OutboundServer::setKeepalive(int pingIntervalMs, int pongTimeoutMs)
{
    d->pingInterval = pingIntervalMs;
    d->pongTimeout = pongTimeoutMs;
}

void OutboundServer::setIdentifyTimeout(int ms) { d->identifyTimeout = std::max(1, ms); }

bool OutboundServer::listen(const QHostAddress &address, quint16 port)
{
    if (isListening())
        return true;
    if (d->useTls) {
        auto *server = new QSslServer;
        server->setSslConfiguration(d->ssl);
        d->tcp.reset(server);
    } else {
        d->tcp = std::make_unique<QTcpServer>();
    }
    connect(d->tcp.get(), &QTcpServer::pendingConnectionAvailable, this, [this] { d->incoming(); });
    if (!d->tcp->listen(address, port)) {
        d->errorString = d->tcp->errorString();
        d->tcp.reset();
        return false;
    }
    qCInfo(lcAriSocket).noquote() << "listening for Asterisk on"
                                  << QLatin1StringView(d->useTls ? "wss://" : "ws://") + address.toString()
                    + u':' + QString::number(d->tcp->serverPort());
    Q_EMIT listeningChanged(true);
    return true;
}

void OutboundServer::close()
{
    if (!d->tcp)
        return;
    d->tcp->close();
    d->tcp.reset();
    const QList<QWebSocket *> pending = d->unnamed.keys();
    for (QWebSocket *socket : pending) {
        d->unnamed.remove(socket);
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    Q_EMIT listeningChanged(false);
}

bool OutboundServer::isListening() const { return d->tcp && d->tcp->isListening(); }
quint16 OutboundServer::serverPort() const { return d->tcp ? d->tcp->serverPort() : 0; }
QString OutboundServer::errorString() const { return d->errorString; }

Client *OutboundServer::addApplication(const QString &name)
{
    if (Client *existing = d->apps.value(name))
        return existing;
    Client *client = d->makeClient(name, false);
    d->apps.insert(name, client);
    d->order.append(name);
    return client;
}

Client *OutboundServer::application(const QString &name) const { return d->apps.value(name); }
QStringList OutboundServer::applicationNames() const { return d->order; }

QList<Client *> OutboundServer::sessions() const
{
    QList<Client *> list;
    for (const QPointer<Client> &client : d->sessionList) {
        if (client)
            list.append(client);
    }
    return list;
}

} // namespace QtAri
