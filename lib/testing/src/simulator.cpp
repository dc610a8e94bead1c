// QtAri::Testing::Simulator: networking (HTTP front, WebSocket), authentication, dispatch, events.
#include "simulator_p.h"

#include <QtCore/QJsonArray>
#include <QtCore/QLocale>
#include <QtCore/QUrlQuery>

Q_LOGGING_CATEGORY(lcSim, "qtari.sim", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace QtAri::Testing {

QString ariTimestamp(const QDateTime &t)
{
    return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u"+0000"_s;
}

static QByteArray httpDate()
{
    return QLocale::c().toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s).toLatin1();
}

// --- Reply / Request -----------------------------------------------------------------------------

Reply Reply::json(int status, const QJsonValue &v)
{
    Reply r;
    r.status = status;
    if (v.isArray())
        r.body = QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    else
        r.body = QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    return r;
}

Reply Reply::error(int status, const QString &message, const QByteArray &reason)
{
    Reply r = json(status, QJsonObject { { u"message"_s, message } });
    r.reason = reason;
    return r;
}

QByteArray Reply::standardReason(int status)
{
    switch (status) {
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 412: return "Precondition Failed";
    case 422: return "Unprocessable Entity";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Unknown";
    }
}

QByteArray HttpRequest::value(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QUrlQuery HttpRequest::query() const
{
    QByteArray q = queryString();
    q.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(q));
}

int Request::intValue(const QString &name, int fallback) const
{
    bool ok = false;
    const int v = query.value(name).toInt(&ok);
    return ok ? v : fallback;
}

bool Request::boolValue(const QString &name, bool fallback) const
{
    if (!query.contains(name))
        return fallback;
    const QString v = query.value(name).toLower();
    return v == u"true"_s || v == u"yes"_s || v == u"1"_s;
}

QJsonObject Request::variables() const
{
    return body.value(u"variables"_s).toObject();
}

void FrontServer::incomingConnection(qintptr descriptor)
{
    if (sim->tls) {
        auto *ssl = new QSslSocket(this);
        if (!ssl->setSocketDescriptor(descriptor)) {
            delete ssl;
            return;
        }
        ssl->setSslConfiguration(*sim->tls);
        QObject::connect(ssl, &QSslSocket::sslErrors, ssl, [ssl](const QList<QSslError> &errors) {
            qCDebug(lcSim) << "TLS handshake failed" << errors;
            ssl->abort();
        });
        sim->onIncoming(ssl); // reads only decrypted bytes, after the handshake
        ssl->startServerEncryption();
        return;
    }
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    sim->onIncoming(socket);
}

// --- SimulatorPrivate ----------------------------------------------------------------------------

SimulatorPrivate::SimulatorPrivate(Simulator *q) : q(q)
{
    users.insert(u"asterisk"_s, User { u"asterisk"_s, false });
    if (!spec.load())
        qCWarning(lcSim) << "ARI spec resource missing: routing limited";
    recordingDir = std::make_unique<QTemporaryDir>();
    logChannels.insert(u"console"_s, u"notice,warning,error"_s);
    logChannels.insert(u"messages"_s, u"notice,warning,error,verbose"_s);
    deviceStates.clear();
    QObject::connect(&trafficTimer, &QTimer::timeout, q, [this] { trafficTick(); });
}

SimulatorPrivate::~SimulatorPrivate()
{
    for (EventSocket *es : std::as_const(sockets)) {
        if (es->socket) {
            es->socket->disconnect(q);
            es->socket->abort();
            delete es->socket;
        }
        delete es;
    }
    sockets.clear();
    qDeleteAll(std::exchange(retiredSockets, {}));
}

bool SimulatorPrivate::startListening()
{
    if (!wsServer) {
        wsServer = std::make_unique<QWebSocketServer>(u"Asterisk"_s, QWebSocketServer::NonSecureMode);
        wsServer->setSupportedSubprotocols({ u"ari"_s });
        QObject::connect(wsServer.get(), &QWebSocketServer::newConnection, q,
                         [this] { onWebSocket(); });
    }
    if (!front) {
        auto *f = new FrontServer(this, q);
        if (!f->listen(address, port)) {
            qCWarning(lcSim) << "cannot listen on" << address << port << f->errorString();
            delete f;
            return false;
        }
        port = f->serverPort();
        front = f;
    } else if (!front->isListening()) {
        if (!front->listen(address, port)) {
            qCWarning(lcSim) << "cannot listen again on" << address << port << front->errorString();
            return false;
        }
    }
    listening = true;
    return true;
}

static QByteArray headerValue(const QList<QByteArray> &lines, const QByteArray &name)
{
    for (const QByteArray &line : lines) {
        const int colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

void SimulatorPrivate::onIncoming(QTcpSocket *socket)
{
    QObject::connect(socket, &QTcpSocket::readyRead, q, [this, socket] { onHead(socket); });
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    if (socket->bytesAvailable())
        onHead(socket);
}

void SimulatorPrivate::onHead(QTcpSocket *socket)
{
    const QByteArray head = socket->peek(qMin<qint64>(socket->bytesAvailable(), 65536));
    const int end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() >= 65536)
            socket->abort();
        return;
    }
    socket->disconnect(q);
    const QList<QByteArray> lines = head.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    const bool upgrade = headerValue(lines, "upgrade").compare("websocket", Qt::CaseInsensitive) == 0;
    if (!upgrade) {
        QObject::connect(socket, &QTcpSocket::readyRead, q, [this, socket] { readHttp(socket); });
        readHttp(socket);
        return;
    }
    const QUrl url = QUrl::fromEncoded(requestLine.value(1));
    const QUrlQuery query(url);
    const QByteArray server = "Asterisk/" + spec.versionString().toUtf8();
    auto refuse = [socket, &server](int status, const QByteArray &type, const QByteArray &body,
                                    const QByteArray &extra = {}) {
        socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + Reply::standardReason(status)
                      + "\r\nServer: " + server + "\r\nDate: " + httpDate()
                      + "\r\nCache-Control: no-cache, no-store\r\n" + extra
                      + (type.isEmpty() ? QByteArray() : "Content-type: " + type + "\r\n")
                      + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    };
    const QString path = url.path();
    if (path != u"/ari/events"_s && path != u"/ari/events/"_s) {
        refuse(404, "application/json", R"({"message":"Resource not found"})");
        return;
    }
    const AuthResult auth = authenticate(headerValue(lines, "authorization"), query);
    if (auth == AuthResult::Denied) {
        refuse(401, "application/json", R"({"message":"Authentication required"})",
               "WWW-Authenticate: Basic realm=\"Asterisk REST Interface\"\r\n");
        return;
    }
    // Asterisk speaks the subprotocol "ari" only; a client asking for others alone is refused.
    const QByteArray protocols = headerValue(lines, "sec-websocket-protocol");
    if (!protocols.isEmpty()) {
        bool ari = false;
        for (const QByteArray &p : protocols.split(','))
            ari = ari || p.trimmed() == "ari";
        if (!ari) {
            refuse(400, {}, {}, "Sec-WebSocket-Version: 7, 8, 13\r\n");
            return;
        }
    }
    if (query.queryItemValue(u"app"_s).isEmpty()) {
        refuse(400, "text/html",
               "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\r\n<html><head>\r\n"
               "<title>400 Bad Request</title>\r\n</head><body>\r\n<h1>Bad Request</h1>\r\n"
               "<p>HTTP request is missing param: [app]</p>\r\n<hr />\r\n<address>"
               + server + "</address>\r\n</body></html>\r\n");
        return;
    }
    auto *es = new EventSocket;
    es->tcp = socket;
    es->authorization = headerValue(lines, "authorization");
    es->apiKey = query.queryItemValue(u"api_key"_s, QUrl::FullyDecoded);
    sockets.append(es);
    wsServer->handleConnection(socket);
    Q_EMIT socket->readyRead();
}

void SimulatorPrivate::onWebSocket()
{
    while (QWebSocket *ws = wsServer->nextPendingConnection()) {
        const QUrlQuery query(ws->requestUrl());
        // Find the entry made when the upgrade came in (same TCP connection); drop entries whose
        // handshake never completed.
        EventSocket *es = nullptr;
        for (qsizetype i = sockets.size() - 1; i >= 0; --i) {
            EventSocket *candidate = sockets.at(i);
            if (candidate->socket)
                continue;
            if (!candidate->tcp) {
                sockets.removeAt(i);
                delete candidate;
                continue;
            }
            if (candidate->tcp->peerPort() == ws->peerPort() && !es)
                es = candidate;
        }
        if (!es) {
            es = new EventSocket;
            sockets.append(es);
        }
        es->socket = ws;
        ws->setParent(q);
        const QString subAll = query.queryItemValue(u"subscribeAll"_s).toLower();
        es->subscribeAll = subAll == u"true"_s || subAll == u"1"_s || subAll == u"yes"_s;
        const QStringList names = query.queryItemValue(u"app"_s, QUrl::FullyDecoded)
                                          .split(u',', Qt::SkipEmptyParts);
        es->apps = names;
        QStringList registered;
        for (const QString &name : names) {
            auto it = apps.find(name);
            // an app named twice in app= replaces itself: this socket is told (l_app_subscriptions)
            const bool again = registered.contains(name);
            registered.append(name);
            if (again) {
                QJsonObject ev { { u"type"_s, u"ApplicationReplaced"_s },
                                 { u"timestamp"_s, now() },
                                 { u"application"_s, name },
                                 { u"asterisk_id"_s, asteriskId } };
                QTimer::singleShot(0, ws, [this, es, ev] {
                    if (sockets.contains(es))
                        sendFrame(es, QJsonDocument(ev).toJson(QJsonDocument::Compact));
                });
                continue;
            }
            if (it != apps.end() && it->second.socket && it->second.socket != ws) {
                // Asterisk tells the old socket, which then stays open and silent.
                QJsonObject ev { { u"type"_s, u"ApplicationReplaced"_s },
                                 { u"timestamp"_s, now() },
                                 { u"application"_s, name },
                                 { u"asterisk_id"_s, asteriskId } };
                for (EventSocket *old : std::as_const(sockets)) {
                    if (old->socket == it->second.socket)
                        sendFrame(old, QJsonDocument(ev).toJson(QJsonDocument::Compact));
                }
            }
            SimApp &a = apps[name];
            a.name = name;
            a.socket = ws;
            a.subscribeAll = es->subscribeAll;
        }
        QObject::connect(ws, &QWebSocket::textMessageReceived, q,
                         [this, es](const QString &text) { handleWsText(es, text); });
        QObject::connect(ws, &QWebSocket::disconnected, q, [this, es] { removeSocket(es); });
        if (stalled && es->tcp)
            es->tcp->blockSignals(true); // a stalled server is silent to newcomers too
        qCInfo(lcSim) << "event socket connected for" << names << (es->subscribeAll ? "(subscribeAll)" : "");
        Q_EMIT q->webSocketConnected(names);
        if (floodEvents > 0)
            startFlood(es);
    }
}

void SimulatorPrivate::removeSocket(EventSocket *es)
{
    if (!sockets.contains(es))
        return;
    sockets.removeOne(es);
    QWebSocket *ws = es->socket;
    for (auto it = apps.begin(); it != apps.end();) {
        if (!it->second.socket || it->second.socket == ws)
            it = apps.erase(it);
        else
            ++it;
    }
    if (es->floodTimer)
        es->floodTimer->deleteLater();
    if (ws) {
        ws->disconnect(q);
        ws->deleteLater();
    }
    delete es;
    qCInfo(lcSim) << "event socket disconnected";
    Q_EMIT q->webSocketDisconnected();
}

SimulatorPrivate::AuthResult SimulatorPrivate::authenticate(const QByteArray &authorization,
                                                            const QUrlQuery &query)
{
    QString user, password;
    if (authorization.startsWith("Basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const int colon = decoded.indexOf(':');
        if (colon < 0)
            return AuthResult::Denied;
        user = QString::fromUtf8(decoded.left(colon));
        password = QString::fromUtf8(decoded.mid(colon + 1));
    } else if (query.hasQueryItem(u"api_key"_s)) {
        const QString key = query.queryItemValue(u"api_key"_s, QUrl::FullyDecoded);
        const qsizetype colon = key.indexOf(u':');
        if (colon < 0)
            return AuthResult::Denied;
        user = key.left(colon);
        password = key.mid(colon + 1);
    } else {
        return AuthResult::Denied;
    }
    const auto it = users.constFind(user);
    if (it == users.constEnd() || it->password != password)
        return AuthResult::Denied;
    return it->readOnly ? AuthResult::ReadOnly : AuthResult::Ok;
}

// Reads the requests of one keep-alive connection, one at a time (the next waits for the answer).
void SimulatorPrivate::readHttp(QTcpSocket *socket)
{
    static const char busy[] = "qtari_busy";
    while (socket->bytesAvailable() > 0 && !socket->property(busy).toBool()
           && socket->state() == QAbstractSocket::ConnectedState) {
        const QByteArray data = socket->peek(socket->bytesAvailable());
        const qsizetype end = data.indexOf("\r\n\r\n");
        if (end < 0) {
            if (data.size() >= 65536)
                socket->abort();
            return;
        }
        HttpRequest req;
        const QList<QByteArray> lines = data.left(end).split('\n');
        // "METHOD target HTTP/1.1": like Asterisk, the target ends at the first blank after it
        const QByteArray first = lines.value(0).trimmed();
        const qsizetype sp = first.indexOf(' ');
        req.method = first.left(sp);
        const QByteArray rest = first.mid(sp + 1).trimmed();
        req.target = rest.left(rest.indexOf(' ') < 0 ? rest.size() : rest.indexOf(' '));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray l = lines.at(i).trimmed();
            const qsizetype colon = l.indexOf(':');
            if (colon > 0)
                req.headers.append(QPair<QByteArray, QByteArray>(l.left(colon).trimmed(), l.mid(colon + 1).trimmed()));
        }
        const qsizetype length = req.value("content-length").toLongLong();
        if (length < 0 || length > 64 * 1024 * 1024) {
            socket->abort();
            return;
        }
        if (data.size() < end + 4 + length)
            return; // the rest of the body is still coming
        socket->read(end + 4);
        req.bodyBytes = socket->read(length);
        req.keepAlive = req.value("connection").compare("close", Qt::CaseInsensitive) != 0
                && !rest.endsWith("HTTP/1.0");
        socket->setProperty(busy, true);
        handleHttp(req, socket);
    }
}

static QByteArray contentTypeHeader(const QByteArray &type)
{
    // Asterisk spells it "Content-type" for what ARI itself answers (JSON, its HTML pages) and
    // "Content-Type" for a file it serves (a stored recording).
    if (type.startsWith("application/json") || type.startsWith("text/"))
        return "Content-type";
    return "Content-Type";
}

void SimulatorPrivate::writeReply(QTcpSocket *socket, const Reply &reply, bool keepAlive)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + ' '
            + (reply.reason.isEmpty() ? Reply::standardReason(reply.status) : reply.reason) + "\r\n";
    out += "Server: Asterisk/" + spec.versionString().toUtf8() + "\r\n";
    out += "Date: " + httpDate() + "\r\n";
    if (!keepAlive)
        out += "Connection: close\r\n";
    out += "Cache-Control: no-cache, no-store\r\n";
    for (const auto &h : reply.headers)
        out += h.first + ": " + h.second + "\r\n";
    if (!reply.body.isEmpty() && !reply.contentType.isEmpty())
        out += contentTypeHeader(reply.contentType) + ": " + reply.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n\r\n";
    socket->write(out + reply.body);
    socket->setProperty("qtari_busy", false);
    if (!keepAlive) {
        socket->disconnectFromHost();
        return;
    }
    if (socket->bytesAvailable() > 0) // a pipelined request waits behind this answer
        QTimer::singleShot(0, socket, [this, socket] { readHttp(socket); });
}

QByteArray SimulatorPrivate::allowedMethods(const QStringList &segments) const
{
    // The methods of the path, in Asterisk's order; OPTIONS is always allowed.
    QByteArray out = "OPTIONS";
    for (const char *m : { "GET", "POST", "PUT", "DELETE" }) {
        bool known = false;
        QHash<QString, QString> params;
        if (spec.match(QString::fromLatin1(m), segments, &params, &known))
            out += QByteArray(",") + m;
    }
    return out;
}

void SimulatorPrivate::handleHttp(const HttpRequest &request, QTcpSocket *socket)
{
    Q_EMIT q->requestReceived(QString::fromLatin1(request.method),
                              QUrl::fromPercentEncoding(request.encodedPath()));
    Reply reply = httpReply(request);
    // CORS (ari.conf allowed_origins=* in the traces): the origin is echoed, credentials allowed.
    const QByteArray origin = request.value("origin");
    if (!origin.isEmpty()) {
        reply.headers.prepend(QPair<QByteArray, QByteArray>("Access-Control-Allow-Credentials", "true"));
        reply.headers.prepend(QPair<QByteArray, QByteArray>("Access-Control-Allow-Origin", origin));
    }
    qCDebug(lcSim) << request.method << request.target << "->" << reply.status;
    const bool keepAlive = request.keepAlive;
    if (restDelayMs <= 0) {
        writeReply(socket, reply, keepAlive);
        return;
    }
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(restDelayMs, q, [this, guard, reply, keepAlive] {
        if (guard && guard->state() == QAbstractSocket::ConnectedState)
            writeReply(guard, reply, keepAlive);
    });
}

Reply SimulatorPrivate::httpReply(const HttpRequest &request)
{
    const QString method = QString::fromLatin1(request.method);
    // '+' is a space in Asterisk's paths too (k_conflicts_ids)
    // and raw UTF-8 bytes in a path mean themselves.
    QByteArray rawPath;
    for (const char c : request.encodedPath()) {
        if (c == '+')
            rawPath += "%20";
        else if (uchar(c) >= 0x80 || uchar(c) < 0x20)
            rawPath += '%' + QByteArray::number(uchar(c), 16).rightJustified(2, '0').toUpper();
        else
            rawPath += c;
    }
    const QString encodedPath = QString::fromLatin1(rawPath);
    const QUrlQuery query = request.query();
    if (encodedPath == u"/flood/info"_s)
        return Reply::json(200, floodInfo.isEmpty() ? QJsonObject { { u"events"_s, 0 } } : floodInfo);
    if (!encodedPath.startsWith(u"/ari/"_s) && encodedPath != u"/ari"_s) {
        const QByteArray server = "Asterisk/" + spec.versionString().toUtf8();
        Reply r;
        r.status = 404;
        r.contentType = "text/html";
        r.body = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\r\n<html><head>\r\n"
                 "<title>404 Not Found</title>\r\n</head><body>\r\n<h1>Not Found</h1>\r\n"
                 "<p>The requested URL was not found on this server.</p>\r\n<hr />\r\n<address>"
                + server + "</address>\r\n</body></html>\r\n";
        return r;
    }
    const AuthResult auth = authenticate(request.value("authorization"), query);
    if (auth == AuthResult::Denied) {
        Reply r = Reply::error(401, u"Authentication required"_s);
        r.headers.append(QPair<QByteArray, QByteArray>("WWW-Authenticate", "Basic realm=\"Asterisk REST Interface\""));
        return r;
    }
    // A read-only user may read and ask for options; anything else is refused before routing.
    if (auth == AuthResult::ReadOnly && method != u"GET"_s && method != u"OPTIONS"_s)
        return Reply::error(403, u"Write access denied"_s);
    if (failCount > 0) {
        --failCount;
        return Reply::error(failStatus, u"Simulated failure"_s);
    }
    if (encodedPath.startsWith(u"/ari/api-docs/"_s)) {
        const QString host = QString::fromUtf8(request.value("host"));
        const QString basePath = (tls ? u"https://"_s : u"http://"_s)
                + (host.isEmpty() ? u"%1:%2"_s.arg(address.toString()).arg(port) : host) + u"/ari"_s;
        const QString file = encodedPath.mid(14);
        if (file == u"resources.json"_s)
            return Reply::json(200, spec.resourcesJson(basePath));
        if (file.endsWith(u".json"_s)) {
            const QJsonObject res = spec.resourceJson(file.chopped(5), basePath);
            if (!res.isEmpty())
                return Reply::json(200, res);
        }
        return Reply::error(404, u"Resource not found"_s);
    }
    if (encodedPath.size() > 5 && encodedPath.endsWith(u'/'))
        return Reply::error(404, u"ARI URLs do not end with a slash. Try %1"_s.arg(QUrl::fromPercentEncoding(encodedPath.chopped(1).toUtf8())));
    QStringList segments;
    for (const QString &seg : encodedPath.mid(4).split(u'/', Qt::SkipEmptyParts))
        segments.append(QUrl::fromPercentEncoding(seg.toUtf8()));
    if (segments.isEmpty()) { // /ari itself: only OPTIONS
        if (method == u"OPTIONS"_s) {
            Reply r = Reply::empty();
            r.headers.append(QPair<QByteArray, QByteArray>("Allow", "OPTIONS"));
            return r;
        }
        Reply r = Reply::error(405, u"Invalid method"_s);
        r.headers.append(QPair<QByteArray, QByteArray>("Allow", "OPTIONS"));
        return r;
    }
    bool pathKnown = false;
    QHash<QString, QString> params;
    const bool routed = spec.match(method, segments, &params, &pathKnown) != nullptr;
    if (!routed && pathKnown) {
        const QByteArray allow = allowedMethods(segments);
        if (method == u"OPTIONS"_s) {
            Reply r = Reply::empty();
            r.headers.append(QPair<QByteArray, QByteArray>("Allow", allow));
            if (!request.value("origin").isEmpty() && !request.value("access-control-request-method").isEmpty()) {
                r.headers.append(QPair<QByteArray, QByteArray>("Access-Control-Allow-Methods", allow));
                const QByteArray asked = request.value("access-control-request-headers");
                if (!asked.isEmpty())
                    r.headers.append(QPair<QByteArray, QByteArray>("Access-Control-Allow-Headers", asked));
            }
            return r;
        }
        Reply r = Reply::error(405, u"Invalid method"_s);
        r.headers.append(QPair<QByteArray, QByteArray>("Allow", allow));
        return r;
    }
    Reply r = handleRestRequest(method, encodedPath.mid(4), query, request.body(),
                                request.value("content-type"), auth == AuthResult::ReadOnly);
    if (r.status == 201 && r.body.startsWith('{')) {
        // Asterisk names what was made: /ari/playbacks/<id>, /ari/recordings/live/<name>
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        // (a recording's name percent-encoded, a playback's id as it is: k_conflicts_ids)
        QByteArray location;
        if (o.contains(u"format"_s) && o.contains(u"name"_s))
            location = "/ari/recordings/live/" + QUrl::toPercentEncoding(o.value(u"name"_s).toString());
        else if (o.contains(u"id"_s))
            location = "/ari/playbacks/" + o.value(u"id"_s).toString().toUtf8();
        if (!location.isEmpty())
            r.headers.append(QPair<QByteArray, QByteArray>("Location", location));
    }
    return r;
}

Reply SimulatorPrivate::handleRestRequest(const QString &method, const QString &pathBelowAri,
                                          const QUrlQuery &query, const QByteArray &body,
                                          const QByteArray &contentType, bool readOnly)
{
    Request r;
    r.method = method;
    r.path = pathBelowAri;
    const QStringList raw = pathBelowAri.split(u'/', Qt::SkipEmptyParts);
    for (const QString &seg : raw)
        r.segments.append(QUrl::fromPercentEncoding(seg.toUtf8()));
    r.readOnlyUser = readOnly;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    auto addItem = [&r](const QString &name, const QString &value) {
        if (name == u"api_key"_s)
            return;
        if (r.query.contains(name))
            r.query[name] += u',' + value;
        else
            r.query.insert(name, value);
    };
    for (const auto &item : items)
        addItem(item.first, item.second);
    // Asterisk reads a form body as parameters, a JSON body as JSON and ignores any other.
    const QByteArray type = contentType.toLower();
    if (type.startsWith("application/x-www-form-urlencoded")) {
        QByteArray form = body;
        form.replace('+', "%20");
        for (const auto &item : QUrlQuery(QString::fromUtf8(form)).queryItems(QUrl::FullyDecoded))
            addItem(item.first, item.second);
    } else if (!body.trimmed().isEmpty() && (type.isEmpty() || type.startsWith("application/json"))) {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
        if (err.error != QJsonParseError::NoError) {
            r.bodyInvalid = true;
        } else {
            r.bodyValue = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
            r.body = doc.object();
            for (auto it = r.body.constBegin(); it != r.body.constEnd(); ++it) {
                const QJsonValue v = it.value();
                if (r.query.contains(it.key()))
                    continue;
                if (v.isString())
                    r.query.insert(it.key(), v.toString());
                else if (v.isBool())
                    r.query.insert(it.key(), v.toBool() ? u"true"_s : u"false"_s);
                else if (v.isDouble())
                    r.query.insert(it.key(), QString::number(v.toDouble()));
                else if (v.isArray()) {
                    QStringList parts;
                    const QJsonArray arr = v.toArray();
                    for (const QJsonValue &e : arr)
                        parts.append(e.isString() ? e.toString() : QString::number(e.toDouble()));
                    if (it.key() != u"variables"_s && it.key() != u"fields"_s)
                        r.query.insert(it.key(), parts.join(u','));
                }
            }
        }
    }
    return dispatch(r);
}

// REST over the event socket, answered as trace m shows Asterisk 22 doing it: the checks come in
// Asterisk's order with its messages and reason phrases, a string id is echoed and any other is
// answered as "", no header is carried, and a binary answer is refused.
void SimulatorPrivate::handleWsText(EventSocket *es, const QString &text)
{
    if (floodEvents > 0 && !es->floodStarted) {
        startFlood(es); // any text message starts the flood at once
        return;
    }
    if (!spec.hasModel(u"RESTRequest"_s))
        return; // version modes: an Asterisk without REST over WebSocket ignores text frames
    QJsonObject resp { { u"type"_s, u"RESTResponse"_s },
                       { u"transaction_id"_s, QString() },
                       { u"request_id"_s, QString() } };
    const auto send = [&] {
        resp.insert(u"application"_s, es->apps.value(0));
        resp.insert(u"timestamp"_s, now());
        resp.insert(u"asterisk_id"_s, asteriskId);
        const QByteArray frame = QJsonDocument(resp).toJson(QJsonDocument::Compact);
        if (restDelayMs <= 0)
            return sendFrame(es, frame);
        QTimer::singleShot(restDelayMs, q, [this, es, frame] { // setRestDelay() holds these too
            if (sockets.contains(es))
                sendFrame(es, frame);
        });
    };
    auto refuse = [&resp, &send](const QString &uri, const QString &message) {
        resp.insert(u"status_code"_s, 400);
        resp.insert(u"reason_phrase"_s, u"Bad request"_s);
        resp.insert(u"uri"_s, uri);
        resp.insert(u"content_type"_s, u"application/json"_s);
        resp.insert(u"message_body"_s,
                    QString::fromUtf8(QJsonDocument(QJsonObject { { u"message"_s, message } })
                                              .toJson(QJsonDocument::Compact)));
        send();
    };
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError) {
        resp.insert(u"status_code"_s, 400);
        resp.insert(u"reason_phrase"_s, u"Failed to parse request message JSON"_s);
        resp.insert(u"uri"_s, QString());
        return send();
    }
    const QJsonObject req = doc.object(); // an array reads as an object without 'type'
    Q_EMIT q->restFrameReceived(req);
    for (const QString &key : { u"transaction_id"_s, u"request_id"_s }) {
        if (req.value(key).isString())
            resp.insert(key, req.value(key));
    }
    if (!req.contains(u"type"_s))
        return refuse(QString(), u"No 'type' property."_s);
    if (req.value(u"type"_s).toString() != u"RESTRequest"_s)
        return refuse(QString(), u"Unknown request type."_s);
    const QString uri = req.value(u"uri"_s).toString();
    static const QStringList methods = { u"GET"_s, u"POST"_s, u"PUT"_s, u"DELETE"_s, u"OPTIONS"_s };
    const QString method = req.value(u"method"_s).toString();
    if (!methods.contains(method))
        return refuse(uri, u"Unknown or missing 'method' property."_s);
    if (uri.isEmpty())
        return refuse(QString(), u"Empty or missing 'uri' property."_s);

    // Parameters: those in the uri, then query_strings (which win over a same-named one; an
    // entry without a string name and value is refused; query_strings that is not an array is
    // ignored), then the body.
    QList<std::pair<QString, QString>> params;
    const QString path = uri.section(u'?', 0, 0);
    if (uri.contains(u'?')) {
        for (const auto &item : QUrlQuery(uri.section(u'?', 1)).queryItems(QUrl::FullyDecoded))
            params.append(item);
    }
    if (const QJsonValue qs = req.value(u"query_strings"_s); qs.isArray()) {
        for (const QJsonValue &v : qs.toArray()) {
            const QJsonObject o = v.toObject();
            if (!o.value(u"name"_s).isString() || !o.value(u"value"_s).isString())
                return refuse(uri, u"Unable to parse 'query_strings' array."_s);
            params.removeIf([&o](const auto &p) { return p.first == o.value(u"name"_s).toString(); });
            params.append({ o.value(u"name"_s).toString(), o.value(u"value"_s).toString() });
        }
    }
    QByteArray body, contentType;
    if (const QJsonValue mb = req.value(u"message_body"_s); mb.isString()) {
        body = mb.toString().toUtf8();
        contentType = req.value(u"content_type"_s).toString().toUtf8();
        if (contentType.isEmpty())
            return refuse(uri, u"No 'content_type' for 'message_body'."_s);
        if (contentType != "application/json" && contentType != "application/x-www-form-urlencoded")
            return refuse(uri, u"Unknown content type."_s);
        if (contentType == "application/json") {
            QJsonParseError bodyErr;
            QJsonDocument::fromJson(body, &bodyErr);
            if (bodyErr.error != QJsonParseError::NoError)
                return refuse(uri, u"Unable to parse 'message_body' as 'application/json'."_s);
        }
    }
    resp.insert(u"uri"_s, path); // without its query, as Asterisk echoes it
    if (path == u"events"_s) {
        return refuse(uri, u"Can't upgrade to websocket from a websocket"_s);
    }
    // Answered by the HTTP side as if the socket's handshake came again with the request: the
    // rights are the socket's user's. A socket opened with ?api_key= lets an api_key among the
    // parameters speak for the request (trace m, ak-3); one opened with a header does not (ro-4),
    // since the header wins over an api_key as in HTTP.
    HttpRequest http;
    http.method = method.toLatin1();
    QUrlQuery query;
    bool keyGiven = false;
    for (const auto &[name, value] : std::as_const(params)) {
        keyGiven = keyGiven || name == u"api_key"_s;
        query.addQueryItem(QString::fromUtf8(QUrl::toPercentEncoding(name)),
                           QString::fromUtf8(QUrl::toPercentEncoding(value)));
    }
    if (!keyGiven && !es->apiKey.isEmpty())
        query.addQueryItem(u"api_key"_s, QString::fromUtf8(QUrl::toPercentEncoding(es->apiKey)));
    http.target = "/ari/" + path.toUtf8();
    if (!query.isEmpty())
        http.target += '?' + query.query(QUrl::FullyEncoded).toUtf8();
    if (!es->authorization.isEmpty())
        http.headers.append({ "Authorization", es->authorization });
    if (!contentType.isEmpty())
        http.headers.append({ "Content-Type", contentType });
    http.bodyBytes = body;
    Q_EMIT q->requestReceived(method, u"/ari/"_s + path);
    Reply reply;
    if (path.startsWith(u'/'))
        reply = Reply::error(405, u"Invalid method"_s); // the uri is relative to /ari
    else
        reply = httpReply(http);
    const bool json = reply.contentType.isEmpty() || reply.contentType.startsWith("application/json");
    if (!reply.body.isEmpty() && !json) {
        resp.insert(u"status_code"_s, 406);
        resp.insert(u"reason_phrase"_s, u"Not Acceptable.  Use HTTP GET"_s);
        return send();
    }
    resp.insert(u"status_code"_s, reply.status);
    resp.insert(u"reason_phrase"_s, QString::fromLatin1(reply.reason.isEmpty()
                                                                ? Reply::standardReason(reply.status)
                                                                : reply.reason));
    if (!reply.body.isEmpty()) {
        resp.insert(u"content_type"_s, u"application/json"_s);
        resp.insert(u"message_body"_s, QString::fromUtf8(reply.body));
    }
    send();
}

// --- events --------------------------------------------------------------------------------------

QString SimulatorPrivate::now() const
{
    return ariTimestamp();
}

SimApp *SimulatorPrivate::app(const QString &name)
{
    auto it = apps.find(name);
    return it == apps.end() ? nullptr : &it->second;
}

bool SimApp::filterAllows(const QString &type) const
{
    auto listed = [&type](const QJsonArray &list) {
        for (const QJsonValue &v : list) {
            if (v.toObject().value(QStringLiteral("type")).toString() == type)
                return true;
        }
        return false;
    };
    if (!eventsAllowed.isEmpty() && !listed(eventsAllowed))
        return false;
    if (!eventsDisallowed.isEmpty() && listed(eventsDisallowed))
        return false;
    return true;
}

QJsonObject SimApp::toJson(const QStringList &implicit) const
{
    auto arr = [](const QStringList &l) { return QJsonArray::fromStringList(l); };
    QStringList ch = channelIds, br = bridgeIds, ep = endpointIds, dev = deviceNames;
    for (const QString &id : implicit) {
        if (!ch.contains(id))
            ch.append(id);
    }
    if (ch.contains(QLatin1String(kAllChannels))) // all channels: Asterisk lists only that
        ch = QStringList { QString::fromLatin1(kAllChannels) };
    if (subscribeAll) {
        if (!ch.contains(QLatin1String(kAllChannels)))
            ch.prepend(QString::fromLatin1(kAllChannels));
        br.prepend(QStringLiteral("__AST_BRIDGE_ALL_TOPIC"));
        ep.prepend(QStringLiteral("__AST_ENDPOINT_ALL_TOPIC"));
        dev.prepend(QStringLiteral("__AST_DEVICE_STATE_ALL_TOPIC"));
    }
    return QJsonObject { { QStringLiteral("name"), name },
                         { QStringLiteral("channel_ids"), arr(ch) },
                         { QStringLiteral("bridge_ids"), arr(br) },
                         { QStringLiteral("endpoint_ids"), arr(ep) },
                         { QStringLiteral("device_names"), arr(dev) },
                         { QStringLiteral("events_allowed"), eventsAllowed },
                         { QStringLiteral("events_disallowed"), eventsDisallowed } };
}

QJsonObject SimulatorPrivate::appJson(const SimApp &app) const
{
    // Asterisk lists what it forwards to the application: the channels in its Stasis (recorded,
    // n_outbound_websocket) and, by the same token, those originated or created for it, which it
    // hears of until their end (h_applications; their listing itself is not recorded).
    QStringList implicit;
    for (const QString &id : channelOrder) {
        const SimChannel &c = channels[id];
        if (c.stasisApp == app.name || c.watchers.contains(app.name))
            implicit.append(id);
    }
    return app.toJson(implicit);
}

// Who hears of a channel: an application subscribed to it, one it is in the Stasis of (only until
// StasisEnd: n_outbound_websocket records nothing after it for a channel that came from the
// dialplan), and one it was originated or created for (until it is destroyed: h_applications).
bool SimulatorPrivate::appWants(const SimApp &a, const EventTargets &t) const
{
    if (!t.onlyApp.isEmpty())
        return t.onlyApp == a.name;
    if (a.subscribeAll)
        return true;
    if (!t.channels.isEmpty() && a.channelIds.contains(QLatin1String(kAllChannels)))
        return true; // subscribed with "channel:" (l_app_subscriptions)
    for (const QString &id : t.channels) {
        if (a.channelIds.contains(id))
            return true;
        const auto it = channels.constFind(id);
        if (it != channels.constEnd() && (it->stasisApp == a.name || it->watchers.contains(a.name)))
            return true;
    }
    for (const QString &id : t.bridges) {
        if (a.bridgeIds.contains(id))
            return true;
        const auto it = bridges.constFind(id);
        if (it != bridges.constEnd()) {
            for (const QString &c : it->channels) {
                const auto ch = channels.constFind(c);
                if (ch != channels.constEnd() && ch->stasisApp == a.name)
                    return true;
            }
        }
    }
    for (const QString &e : t.endpoints) {
        if (a.endpointIds.contains(e) || a.endpointIds.contains(e.section(u'/', 0, 0)))
            return true;
    }
    for (const QString &dev : t.devices) {
        if (a.deviceNames.contains(dev))
            return true;
    }
    return false;
}

void SimulatorPrivate::emitEvent(const QString &type, QJsonObject fields, const EventTargets &targets)
{
    if (!spec.hasModel(type))
        return; // version modes: an older Asterisk never sends this event type
    spec.stripNewerFields(type, fields);
    fields.insert(u"type"_s, type);
    if (!fields.contains(u"timestamp"_s))
        fields.insert(u"timestamp"_s, now());
    fields.insert(u"asterisk_id"_s, asteriskId);
    for (auto &[name, a] : apps) {
        const bool heldForOutbound = !a.socket && a.outbound && !a.outbound->config.perCall;
        if ((!a.socket && !heldForOutbound) || !appWants(a, targets) || !a.filterAllows(type))
            continue;
        fields.insert(u"application"_s, name);
        const QByteArray frame = QJsonDocument(fields).toJson(QJsonDocument::Compact);
        if (heldForOutbound) {
            holdForOutbound(a, frame); // a persistent outbound application stays registered
            continue;
        }
        for (EventSocket *es : std::as_const(sockets)) {
            if (es->socket == a.socket) {
                sendFrame(es, frame);
                if (targets.duplicateForAll && a.subscribeAll)
                    sendFrame(es, frame);
            }
        }
    }
}

void SimulatorPrivate::sendFrame(EventSocket *es, const QByteArray &frame)
{
    if (!es->socket || es->socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (stalled) {
        // A stalled server sends nothing, but loses nothing either: a live socket gets it later.
        constexpr qsizetype heldFrames = 200'000;
        if (es->held.size() < heldFrames)
            es->held.append(frame);
        return;
    }
    es->socket->sendTextMessage(QString::fromUtf8(frame));
}

// --- Simulator -----------------------------------------------------------------------------------

Simulator::Simulator(QObject *parent) : QObject(parent), d(std::make_unique<SimulatorPrivate>(this))
{
}

Simulator::~Simulator()
{
    stop();
}

bool Simulator::start(const QHostAddress &address, quint16 port)
{
    if (d->listening)
        return true;
    d->address = address;
    d->port = port;
    if (!d->startListening())
        return false;
    qCInfo(lcSim) << "ARI simulator listening on" << url().toString();
    return true;
}

void Simulator::stop()
{
    d->trafficTimer.stop();
    for (const auto &link : std::exchange(d->outbound, {})) {
        link->removed = true;
        if (link->retry)
            link->retry->deleteLater();
        link->es = nullptr; // deleted with the other sockets below
        if (QWebSocket *ws = link->socket; ws && !link->open) {
            ws->disconnect(this); // (an open one goes with the other sockets below)
            ws->abort();
            ws->deleteLater();
        }
    }
    for (EventSocket *es : std::as_const(d->sockets)) {
        if (es->socket) {
            es->socket->disconnect(this);
            es->socket->abort();
            es->socket->deleteLater();
        }
        if (es->floodTimer)
            es->floodTimer->deleteLater();
        delete es;
    }
    d->sockets.clear();
    d->apps.clear();
    if (d->front) {
        d->front->close();
        delete d->front.data();
    }
    d->wsServer.reset();
    d->listening = false;
}

bool Simulator::isListening() const
{
    return d->listening && d->front && d->front->isListening();
}

void Simulator::setTlsConfiguration(const QSslConfiguration &config)
{
    d->tls = config;
}

QUrl Simulator::url() const
{
    QUrl u;
    u.setScheme(d->tls ? u"https"_s : u"http"_s);
    u.setHost(d->address.isNull() || d->address == QHostAddress::Any ? u"127.0.0.1"_s
                                                                      : d->address.toString());
    u.setPort(d->port);
    return u;
}

quint16 Simulator::port() const
{
    return d->port;
}

void Simulator::addUser(const QString &user, const QString &password, bool readOnly)
{
    d->users.insert(user, SimulatorPrivate::User { password, readOnly });
}

void Simulator::setAsteriskId(const QString &id)
{
    d->asteriskId = id;
}

QString Simulator::asteriskId() const
{
    return d->asteriskId;
}

QJsonArray Simulator::channels() const
{
    QJsonArray out;
    for (const QString &id : std::as_const(d->channelOrder))
        out.append(d->channels.value(id).toJson());
    return out;
}

QJsonArray Simulator::bridges() const
{
    QJsonArray out;
    for (const QString &id : std::as_const(d->bridgeOrder))
        out.append(d->bridges.value(id).toJson());
    return out;
}

void Simulator::pushEvent(const QJsonObject &event)
{
    QJsonObject e = event;
    if (!e.contains(u"timestamp"_s))
        e.insert(u"timestamp"_s, d->now());
    if (!e.contains(u"asterisk_id"_s))
        e.insert(u"asterisk_id"_s, d->asteriskId);
    const QString type = e.value(u"type"_s).toString();
    if (!d->spec.hasModel(type))
        return; // version modes: not an event of this Asterisk version (sendRawFrame() sends anything)
    d->spec.stripNewerFields(type, e);
    const QString only = e.value(u"application"_s).toString();
    for (auto &[name, a] : d->apps) {
        if (!a.socket || (!only.isEmpty() && only != name))
            continue;
        QJsonObject copy = e;
        if (!copy.contains(u"application"_s))
            copy.insert(u"application"_s, name);
        const QByteArray frame = QJsonDocument(copy).toJson(QJsonDocument::Compact);
        for (EventSocket *es : std::as_const(d->sockets)) {
            if (es->socket == a.socket)
                d->sendFrame(es, frame);
        }
    }
}

void Simulator::sendRawFrame(const QByteArray &frame)
{
    for (EventSocket *es : std::as_const(d->sockets)) {
        if (es->socket && es->socket->state() == QAbstractSocket::ConnectedState)
            es->socket->sendTextMessage(QString::fromUtf8(frame));
    }
}

void Simulator::dropWebSockets(QWebSocketProtocol::CloseCode code)
{
    const auto list = d->sockets;
    qCInfo(lcSim) << "dropping" << list.size() << "event sockets, code" << code;
    for (EventSocket *es : list) {
        if (!es->socket)
            continue;
        if (es->tcp)
            es->tcp->blockSignals(false);
        if (code == QWebSocketProtocol::CloseCodeAbnormalDisconnection)
            es->socket->abort();
        else
            es->socket->close(code);
    }
}

void Simulator::setWebSocketsStalled(bool stalled)
{
    d->stalled = stalled;
    qCInfo(lcSim) << (stalled ? "stalling" : "resuming") << "event sockets";
    const auto list = d->sockets;
    for (EventSocket *es : list) {
        if (!es->tcp)
            continue;
        es->tcp->blockSignals(stalled);
        if (stalled)
            continue;
        // A client that gave up while we were silent: its close went unheard, forget it now.
        if (es->tcp->state() != QAbstractSocket::ConnectedState) {
            d->removeSocket(es);
            continue;
        }
        if (es->tcp->bytesAvailable())
            Q_EMIT es->tcp->readyRead();
        for (const QByteArray &frame : std::exchange(es->held, {}))
            d->sendFrame(es, frame);
    }
}

void Simulator::setRefuseConnections(bool refuse)
{
    d->refusing = refuse;
    qCInfo(lcSim) << (refuse ? "refusing" : "accepting") << "connections";
    if (!d->front)
        return;
    if (refuse)
        d->front->close();
    else
        d->startListening();
}

void Simulator::setRestDelay(int ms)
{
    d->restDelayMs = ms;
}

void Simulator::failRestRequests(int count, int status)
{
    d->failCount = count;
    d->failStatus = status;
}

int Simulator::webSocketCount() const
{
    int n = 0;
    for (EventSocket *es : std::as_const(d->sockets)) {
        if (es->socket && es->socket->state() == QAbstractSocket::ConnectedState)
            ++n;
    }
    return n;
}

} // namespace QtAri::Testing
