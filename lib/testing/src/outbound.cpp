// Outbound WebSockets: the simulator dials the application, as Asterisk 22.5 does for an ari.conf
// `type=outbound_websocket` section (../shared/ari/traces/v2, scenario n).
#include "simulator_p.h"

#include <QtNetwork/QNetworkRequest>
#include <QtWebSockets/QWebSocketHandshakeOptions>

using namespace Qt::StringLiterals;

namespace QtAri::Testing {

namespace {

QByteArray basicAuth(const QString &user, const QString &password)
{
    return "Basic " + (user + u':' + password).toUtf8().toBase64();
}

} // namespace

void SimulatorPrivate::dialOutbound(OutboundLink *link)
{
    if (link->removed)
        return;
    if (link->socket) {
        link->socket->disconnect(q);
        link->socket->abort();
        link->socket->deleteLater();
    }
    auto *ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, q);
    link->socket = ws;
    link->open = false;
    QNetworkRequest request(link->config.uri);
    if (!link->config.user.isEmpty() || !link->config.password.isEmpty())
        request.setRawHeader("Authorization", basicAuth(link->config.user, link->config.password));
    QWebSocketHandshakeOptions options;
    if (!link->config.protocol.isEmpty())
        options.setSubprotocols({ link->config.protocol });
    if (link->config.uri.scheme() == u"wss"_s)
        ws->setSslConfiguration(link->config.ssl);
    QObject::connect(ws, &QWebSocket::connected, q, [this, link, ws] {
        if (link->socket == ws)
            outboundUp(link);
    });
    QObject::connect(ws, &QWebSocket::disconnected, q, [this, link, ws] {
        if (link->socket != ws)
            return;
        const QString reason = ws->closeCode() != QWebSocketProtocol::CloseCodeNormal || !link->open
                ? ws->errorString()
                : u"closed (%1)"_s.arg(int(ws->closeCode()));
        outboundDown(link, reason);
    });
    ws->open(request, options);
}

void SimulatorPrivate::outboundUp(OutboundLink *link)
{
    link->open = true;
    link->failures = 0;
    auto *es = new EventSocket;
    es->socket = link->socket;
    es->apps = link->config.perCall ? QStringList { link->appName } : link->config.apps;
    es->subscribeAll = link->config.subscribeAll;
    // REST over this socket runs with the rights of ari.conf's local_ari_user (trace n).
    es->authorization = basicAuth(link->config.localUser, users.value(link->config.localUser).password);
    link->es = es;
    sockets.append(es);
    QObject::connect(link->socket, &QWebSocket::textMessageReceived, q,
                     [this, es](const QString &text) {
                         if (sockets.contains(es))
                             handleWsText(es, text);
                     });
    qCInfo(lcSim) << "outbound websocket up to" << link->config.uri.toString() << "for" << es->apps;
    for (const QString &name : std::as_const(es->apps)) {
        SimApp &a = apps[name];
        a.name = name;
        a.socket = link->socket;
        a.outbound = link;
        a.subscribeAll = link->config.subscribeAll;
        // What came while the socket was down goes first, ApplicationRegistered after (trace n).
        const QList<QByteArray> held = std::exchange(a.heldFrames, {});
        for (const QByteArray &frame : held)
            sendFrame(es, frame);
        const QJsonObject ev { { u"type"_s, u"ApplicationRegistered"_s },
                               { u"timestamp"_s, now() },
                               { u"application"_s, name },
                               { u"asterisk_id"_s, asteriskId } };
        sendFrame(es, QJsonDocument(ev).toJson(QJsonDocument::Compact));
    }
    Q_EMIT q->webSocketConnected(es->apps);
    if (link->config.perCall) {
        // Asterisk starts the call in the new application once the session is up (trace n: half
        // a second after ApplicationRegistered, the websocket_client's connection_timeout).
        const QString id = link->channelId;
        const QString name = link->appName;
        const QStringList args = link->args;
        later(id, 500, [this, id, name, args] { enterStasis(id, name, args); });
    }
}

void SimulatorPrivate::outboundDown(OutboundLink *link, const QString &reason)
{
    const bool wasOpen = std::exchange(link->open, false);
    if (QWebSocket *ws = link->socket) {
        ws->disconnect(q);
        ws->deleteLater();
    }
    link->socket = nullptr;
    if (EventSocket *es = std::exchange(link->es, nullptr)) {
        sockets.removeOne(es);
        // its request may still be on the stack: deleted on the next turn, or with the simulator
        retiredSockets.append(es);
        QTimer::singleShot(0, q, [this] { qDeleteAll(std::exchange(retiredSockets, {})); });
    }
    for (auto &[name, a] : apps) {
        if (a.outbound == link)
            a.socket = nullptr; // still registered: events are held for the next socket
    }
    if (wasOpen) {
        qCInfo(lcSim) << "outbound websocket to" << link->config.uri.toString() << "closed:" << reason;
        Q_EMIT q->webSocketDisconnected();
    } else {
        qCInfo(lcSim) << "outbound websocket to" << link->config.uri.toString() << "failed:" << reason;
        Q_EMIT q->outboundAttemptFailed(link->config.uri, reason);
    }
    if (link->removed)
        return;
    if (link->config.perCall) {
        if (wasOpen || !channels.contains(link->channelId)) {
            // the session is over (its channel is gone, or the application closed it)
            apps.erase(link->appName);
            std::erase_if(outbound, [link](const auto &l) { return l.get() == link; });
            return;
        }
        if (++link->failures >= std::max(1, link->config.reconnectAttempts)) {
            // The call cannot reach the application: back to the dialplan (trace n).
            const QString id = link->channelId;
            apps.erase(link->appName);
            std::erase_if(outbound, [link](const auto &l) { return l.get() == link; });
            if (SimChannel *c = channel(id)) {
                qCInfo(lcSim) << "channel" << id << "could not reach its per-call application";
                if (c->context == u"trace"_s && c->exten == u"701"_s)
                    afterTraceStasis(id, u"FAILED"_s, 3); // trace n
                else
                    setVar(id, u"STASISSTATUS"_s, u"FAILED"_s);
            }
            return;
        }
    } else {
        ++link->failures;
    }
    // Persistent: again at once after a close, then every reconnect interval (trace n).
    const int delay = wasOpen ? 0 : int(link->config.reconnectIntervalMs * timeScale);
    auto *timer = new QTimer(q);
    timer->setSingleShot(true);
    link->retry = timer;
    QObject::connect(timer, &QTimer::timeout, q, [this, link, timer] {
        timer->deleteLater();
        dialOutbound(link);
    });
    timer->start(delay);
}

OutboundLink *SimulatorPrivate::perCallConfig(const QString &app) const
{
    for (const auto &link : outbound) {
        if (link->config.perCall && link->appName.isEmpty() && link->config.apps.contains(app))
            return link.get();
    }
    return nullptr;
}

bool SimulatorPrivate::startPerCall(const QString &channelId, const QString &app, const QStringList &args)
{
    const OutboundLink *config = perCallConfig(app);
    const SimChannel *c = channel(channelId);
    if (!config || !c)
        return false;
    auto link = std::make_unique<OutboundLink>();
    link->config = config->config;
    link->appName = app + u':' + c->name;
    link->channelId = channelId;
    link->args = args;
    OutboundLink *raw = link.get();
    outbound.push_back(std::move(link));
    qCInfo(lcSim) << "per-call session" << raw->appName << "for channel" << channelId;
    dialOutbound(raw);
    return true;
}

void SimulatorPrivate::perCallChannelGone(const QString &channelId)
{
    // (closing may end the link at once, which leaves the list: collect first)
    QList<std::pair<QPointer<QWebSocket>, bool>> ending;
    for (const auto &link : outbound) {
        if (link->config.perCall && link->channelId == channelId && link->socket)
            ending.append({ link->socket, link->open });
    }
    // After what is under way (the answer to the request that hung up, say) has gone out.
    for (const auto &[ws, open] : ending) {
        QTimer::singleShot(0, q, [ws = ws, open = open] {
            if (!ws)
                return;
            if (open)
                ws->close(QWebSocketProtocol::CloseCodeNormal); // trace n: 1000 at hangup
            else
                ws->abort();
        });
    }
}

void SimulatorPrivate::holdForOutbound(SimApp &app, const QByteArray &frame)
{
    constexpr qsizetype maxHeld = 10'000; // then the oldest go, as a bounded queue must
    if (app.heldFrames.size() >= maxHeld)
        app.heldFrames.removeFirst();
    app.heldFrames.append(frame);
}

void Simulator::addOutboundConnection(const OutboundConnection &connection)
{
    auto link = std::make_unique<OutboundLink>();
    link->config = connection;
    OutboundLink *raw = link.get();
    d->outbound.push_back(std::move(link));
    if (connection.perCall)
        return; // sessions start with calls
    for (const QString &name : connection.apps) {
        SimApp &a = d->apps[name];
        a.name = name;
        a.outbound = raw;
        a.subscribeAll = connection.subscribeAll;
    }
    d->dialOutbound(raw);
}

void Simulator::removeOutboundConnections()
{
    const auto links = std::exchange(d->outbound, {});
    for (const auto &link : links) {
        link->removed = true;
        if (link->retry)
            link->retry->deleteLater();
        const QStringList names = link->config.perCall ? QStringList { link->appName } : link->config.apps;
        for (const QString &name : names) {
            if (link->es && link->open) {
                const QJsonObject ev { { u"type"_s, u"ApplicationUnregistered"_s },
                                       { u"timestamp"_s, d->now() },
                                       { u"application"_s, name },
                                       { u"asterisk_id"_s, d->asteriskId } };
                d->sendFrame(link->es, QJsonDocument(ev).toJson(QJsonDocument::Compact));
            }
            d->apps.erase(name);
        }
        if (EventSocket *es = std::exchange(link->es, nullptr)) {
            d->sockets.removeOne(es);
            delete es;
        }
        if (QWebSocket *ws = link->socket) {
            ws->disconnect(this);
            ws->close(QWebSocketProtocol::CloseCodeNormal);
            connect(ws, &QWebSocket::disconnected, ws, &QObject::deleteLater);
        }
    }
}

int Simulator::outboundSocketCount() const
{
    int n = 0;
    for (const auto &link : d->outbound)
        n += link->open ? 1 : 0;
    return n;
}

} // namespace QtAri::Testing
