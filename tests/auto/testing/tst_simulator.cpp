// The simulator's test API and fault-injection hooks, as a plain HTTP/WebSocket client sees them.
#include "simtestutil.h"

#include <QtAri/Testing/Simulator>

#include <QtCore/QElapsedTimer>
#include <QtCore/QSet>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslKey>
#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpSocket>

using namespace Qt::StringLiterals;
using namespace simtest;
using QtAri::Testing::Simulator;

class tst_Simulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void startsOnAnyPort();
    void restAuthentication();
    void readOnlyUserCannotWrite();
    void upgradeRefusals_data();
    void upgradeRefusals();
    void apiKeyOpensWebSocket();
    void startCallEmitsStasisStart();
    void hangupAndDtmf();
    void channelsAndBridgesMatchRest();
    void pushEventFillsCommonFields();
    void applicationReplaced();
    void pingIsAnswered();
    void restOverWebSocket();
    void dropWebSocketsAborts();
    void dropWebSocketsWithCloseCode();
    void stalledSocketSendsNothingAndAnswersNoPing();
    void refuseConnections();
    void restDelay();
    void failRestRequests();
    void rawFramesArriveAsIs();
    void floodFollowsBenchProtocol();
    void realisticFloodHasLifecycles();
    void endpointBehaviourBusyAndAnswer();
    void localOriginateEntersStasis();
    void storedRecordingIsWav();
    void hostileIdsStayInTheirSegment();
    void scriptedTraffic();
    void tls();

private:
    std::unique_ptr<Simulator> sim;
    std::unique_ptr<QNetworkAccessManager> nam;
};

void tst_Simulator::init()
{
    sim = std::make_unique<Simulator>();
    sim->setTimeScale(0.05);
    QVERIFY(sim->start());
    nam = std::make_unique<QNetworkAccessManager>();
}

void tst_Simulator::cleanup()
{
    nam.reset();
    sim.reset();
}

void tst_Simulator::startsOnAnyPort()
{
    QVERIFY(sim->port() != 0);
    QCOMPARE(sim->url().toString(), u"http://127.0.0.1:%1"_s.arg(sim->port()));
    const HttpResult r = call(*nam, sim->url(), u"GET"_s, u"/ari/channels"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("[]"));
}

void tst_Simulator::restAuthentication()
{
    HttpResult r = call(*nam, sim->url(), u"GET"_s, u"/ari/channels"_s, {}, {}, QByteArray());
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object().value(u"message"_s).toString(), u"Authentication required"_s);
    r = call(*nam, sim->url(), u"GET"_s, u"/ari/channels"_s, {}, {}, basic(u"asterisk"_s, u"wrong"_s));
    QCOMPARE(r.status, 401);
    QUrlQuery key;
    key.addQueryItem(u"api_key"_s, u"asterisk:asterisk"_s);
    r = call(*nam, sim->url(), u"GET"_s, u"/ari/channels"_s, key, {}, QByteArray());
    QCOMPARE(r.status, 200);
    sim->addUser(u"alice"_s, u"s3cret"_s);
    r = call(*nam, sim->url(), u"GET"_s, u"/ari/channels"_s, {}, {}, basic(u"alice"_s, u"s3cret"_s));
    QCOMPARE(r.status, 200);
}

void tst_Simulator::readOnlyUserCannotWrite()
{
    sim->addUser(u"readonly"_s, u"readonly"_s, true);
    const QByteArray ro = basic(u"readonly"_s, u"readonly"_s);
    HttpResult r = call(*nam, sim->url(), u"GET"_s, u"/ari/bridges"_s, {}, {}, ro);
    QCOMPARE(r.status, 200);
    QUrlQuery q;
    q.addQueryItem(u"type"_s, u"mixing"_s);
    r = call(*nam, sim->url(), u"POST"_s, u"/ari/bridges"_s, q, {}, ro);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.object().value(u"message"_s).toString(), u"Write access denied"_s);
    QCOMPARE(sim->bridges().size(), 0);
}

void tst_Simulator::upgradeRefusals_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("auth");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("bodyPart");
    QTest::newRow("bad password") << QByteArray("/ari/events?app=test-app") << basic(u"asterisk"_s, u"x"_s) << 401
                                  << QByteArray(R"({"message":"Authentication required"})");
    QTest::newRow("no auth") << QByteArray("/ari/events?app=test-app") << QByteArray() << 401
                             << QByteArray(R"({"message":"Authentication required"})");
    QTest::newRow("no app") << QByteArray("/ari/events") << basic(u"asterisk"_s, u"asterisk"_s) << 400
                            << QByteArray("HTTP request is missing param: [app]");
}

void tst_Simulator::upgradeRefusals()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, auth);
    QFETCH(int, status);
    QFETCH(QByteArray, bodyPart);
    QTcpSocket tcp;
    tcp.connectToHost(QHostAddress::LocalHost, sim->port());
    QVERIFY(tcp.waitForConnected(5000));
    QByteArray req = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                     "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     "Sec-WebSocket-Version: 13\r\n";
    if (!auth.isEmpty())
        req += "Authorization: " + auth + "\r\n";
    tcp.write(req + "\r\n");
    QByteArray response;
    QTRY_VERIFY_WITH_TIMEOUT((response += tcp.readAll()).contains(bodyPart), 5000);
    QVERIFY2(response.startsWith("HTTP/1.1 " + QByteArray::number(status)), response.constData());
    QCOMPARE(sim->webSocketCount(), 0);
}

void tst_Simulator::apiKeyOpensWebSocket()
{
    QWebSocket ws;
    QUrl url = sim->url();
    url.setScheme(u"ws"_s);
    url.setPath(u"/ari/events"_s);
    url.setQuery(u"app=key-app&api_key=asterisk:asterisk"_s);
    QSignalSpy connected(&ws, &QWebSocket::connected);
    QSignalSpy simConnected(sim.get(), &Simulator::webSocketConnected);
    ws.open(url);
    QVERIFY(connected.wait(5000));
    QTRY_COMPARE(simConnected.size(), 1);
    QCOMPARE(simConnected.at(0).at(0).toStringList(), QStringList { u"key-app"_s });
    QCOMPARE(sim->webSocketCount(), 1);
    const HttpResult apps = call(*nam, sim->url(), u"GET"_s, u"/ari/applications"_s);
    QCOMPARE(apps.array().size(), 1);
    QCOMPARE(apps.array().at(0).toObject().value(u"name"_s).toString(), u"key-app"_s);
}

void tst_Simulator::startCallEmitsStasisStart()
{
    EventSocket ev;
    QVERIFY(ev.open(sim->url(), u"ivr"_s, false));
    QTRY_COMPARE(sim->webSocketCount(), 1);
    const QString id = sim->startCall(u"ivr"_s, { u"a"_s, u"b"_s }, u"call-1"_s);
    QCOMPARE(id, u"call-1"_s);
    QVERIFY(ev.waitFor(u"StasisStart"_s));
    const QJsonObject start = ev.events.at(ev.types().indexOf(u"StasisStart"_s));
    QCOMPARE(start.value(u"application"_s).toString(), u"ivr"_s);
    QCOMPARE(start.value(u"asterisk_id"_s).toString(), sim->asteriskId());
    QVERIFY(start.value(u"timestamp"_s).toString().endsWith(u"+0000"_s));
    QCOMPARE(start.value(u"args"_s).toArray(), QJsonArray({ u"a"_s, u"b"_s }));
    QCOMPARE(start.value(u"channel"_s).toObject().value(u"id"_s).toString(), u"call-1"_s);
    // another app's call is not delivered without subscribeAll
    sim->startCall(u"other"_s);
    const HttpResult r = call(*nam, sim->url(), u"GET"_s, u"/ari/channels/call-1"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"dialplan"_s).toObject().value(u"app_name"_s).toString(), u"Stasis"_s);
    QCOMPARE(ev.count(u"StasisStart"_s), 1);
}

void tst_Simulator::hangupAndDtmf()
{
    EventSocket ev;
    QVERIFY(ev.open(sim->url(), u"ivr"_s, false));
    const QString id = sim->startCall(u"ivr"_s);
    QVERIFY(!id.isEmpty());
    sim->sendDtmf(id, u"12#"_s);
    QVERIFY(ev.waitFor(u"ChannelDtmfReceived"_s, 3));
    QStringList digits;
    for (const QJsonObject &e : std::as_const(ev.events)) {
        if (e.value(u"type"_s).toString() == u"ChannelDtmfReceived"_s)
            digits.append(e.value(u"digit"_s).toString());
    }
    QCOMPARE(digits, (QStringList { u"1"_s, u"2"_s, u"#"_s }));
    // A call from the dialplan is heard of through its Stasis only: after StasisEnd nothing more
    // (trace n). Subscribed to it, the application hears of it to the end.
    const QString quiet = sim->startCall(u"ivr"_s);
    QCOMPARE(call(*nam, sim->url(), u"POST"_s, u"/ari/applications/ivr/subscription"_s,
                  QUrlQuery { { u"eventSource"_s, u"channel:"_s + id } }).status, 200);
    const HttpResult listed = call(*nam, sim->url(), u"GET"_s, u"/ari/applications/ivr"_s);
    QCOMPARE(listed.object().value(u"channel_ids"_s).toArray(), QJsonArray({ id, quiet }));
    sim->hangupChannel(quiet, 16);
    sim->hangupChannel(id, 17);
    QVERIFY(ev.waitFor(u"ChannelDestroyed"_s));
    QTest::qWait(50);
    const auto about = [&ev](const QString &channel) {
        QStringList types;
        for (const QJsonObject &e : std::as_const(ev.events)) {
            if (e.value(u"channel"_s).toObject().value(u"id"_s).toString() == channel)
                types.append(e.value(u"type"_s).toString());
        }
        return types;
    };
    QCOMPARE(about(quiet).mid(1), (QStringList { u"ChannelHangupRequest"_s, u"StasisEnd"_s }));
    const QStringList types = about(id);
    QVERIFY(types.indexOf(u"ChannelHangupRequest"_s) < types.indexOf(u"StasisEnd"_s));
    QVERIFY(types.indexOf(u"StasisEnd"_s) < types.indexOf(u"ChannelDestroyed"_s));
    QCOMPARE(ev.count(u"ChannelDestroyed"_s), 1);
    const QJsonObject destroyed = ev.events.at(ev.types().indexOf(u"ChannelDestroyed"_s));
    QCOMPARE(destroyed.value(u"cause"_s).toInt(), 17);
    QCOMPARE(destroyed.value(u"cause_txt"_s).toString(), u"User busy"_s);
    QCOMPARE(sim->channels().size(), 0);
    QCOMPARE(call(*nam, sim->url(), u"GET"_s, u"/ari/applications/ivr"_s).object().value(u"channel_ids"_s).toArray(),
             QJsonArray());
    QCOMPARE(call(*nam, sim->url(), u"GET"_s, u"/ari/channels/"_s + id).status, 404);
}

void tst_Simulator::channelsAndBridgesMatchRest()
{
    const QString a = sim->startCall(u"ivr"_s);
    const QString b = sim->startCall(u"ivr"_s);
    QUrlQuery q;
    q.addQueryItem(u"bridgeId"_s, u"br-1"_s);
    QCOMPARE(call(*nam, sim->url(), u"POST"_s, u"/ari/bridges"_s, q).status, 200);
    QUrlQuery add;
    add.addQueryItem(u"channel"_s, a + u',' + b);
    QCOMPARE(call(*nam, sim->url(), u"POST"_s, u"/ari/bridges/br-1/addChannel"_s, add).status, 204);
    QCOMPARE(call(*nam, sim->url(), u"GET"_s, u"/ari/channels"_s).array(), sim->channels());
    const QJsonArray bridges = call(*nam, sim->url(), u"GET"_s, u"/ari/bridges"_s).array();
    QCOMPARE(bridges, sim->bridges());
    QCOMPARE(bridges.at(0).toObject().value(u"channels"_s).toArray(), QJsonArray({ a, b }));
}

void tst_Simulator::pushEventFillsCommonFields()
{
    EventSocket ev;
    QVERIFY(ev.open(sim->url(), u"app1,app2"_s));
    sim->pushEvent(QJsonObject { { u"type"_s, u"ChannelUserevent"_s }, { u"eventname"_s, u"x"_s } });
    QTRY_COMPARE(ev.events.size(), 2);
    QSet<QString> apps;
    for (const QJsonObject &e : std::as_const(ev.events)) {
        apps.insert(e.value(u"application"_s).toString());
        QCOMPARE(e.value(u"asterisk_id"_s).toString(), sim->asteriskId());
        QVERIFY(e.contains(u"timestamp"_s));
    }
    QCOMPARE(apps, (QSet<QString> { u"app1"_s, u"app2"_s }));
    sim->pushEvent(QJsonObject { { u"type"_s, u"Custom"_s }, { u"application"_s, u"app2"_s } });
    QTRY_COMPARE(ev.events.size(), 3);
    QCOMPARE(ev.events.last().value(u"application"_s).toString(), u"app2"_s);
}

void tst_Simulator::applicationReplaced()
{
    EventSocket first, second;
    QVERIFY(first.open(sim->url(), u"test-app"_s));
    QVERIFY(second.open(sim->url(), u"test-app"_s));
    QVERIFY(first.waitFor(u"ApplicationReplaced"_s));
    QCOMPARE(first.events.size(), 1);
    sim->startCall(u"test-app"_s);
    QVERIFY(second.waitFor(u"StasisStart"_s));
    QCOMPARE(first.events.size(), 1); // open but silent
    QVERIFY(!first.closed);
    QCOMPARE(first.socket.state(), QAbstractSocket::ConnectedState);
    second.socket.close();
    QTRY_COMPARE(sim->webSocketCount(), 1);
    // the app is gone with its current socket even though the old one is still open
    QCOMPARE(call(*nam, sim->url(), u"GET"_s, u"/ari/applications/test-app"_s).status, 404);
}

void tst_Simulator::pingIsAnswered()
{
    EventSocket ev;
    QVERIFY(ev.open(sim->url(), u"test-app"_s));
    QSignalSpy pong(&ev.socket, &QWebSocket::pong);
    ev.socket.ping("client-ping-1");
    QVERIFY(pong.wait(5000));
    QCOMPARE(pong.at(0).at(1).toByteArray(), QByteArray("client-ping-1"));
}

void tst_Simulator::restOverWebSocket()
{
    EventSocket ev;
    QVERIFY(ev.open(sim->url(), u"test-app"_s));
    ev.socket.sendTextMessage(uR"({"type":"RESTRequest","transaction_id":"tx-1","request_id":"req-1","method":"GET","uri":"asterisk/ping"})"_s);
    QVERIFY(ev.waitFor(u"RESTResponse"_s));
    QJsonObject r = ev.events.last();
    QCOMPARE(r.value(u"status_code"_s).toInt(), 200);
    QCOMPARE(r.value(u"request_id"_s).toString(), u"req-1"_s);
    QCOMPARE(QJsonDocument::fromJson(r.value(u"message_body"_s).toString().toUtf8()).object().value(u"ping"_s).toString(), u"pong"_s);
    ev.socket.sendTextMessage(u"not json"_s);
    QVERIFY(ev.waitFor(u"RESTResponse"_s, 2));
    r = ev.events.last();
    QCOMPARE(r.value(u"status_code"_s).toInt(), 400);
    QCOMPARE(r.value(u"reason_phrase"_s).toString(), u"Failed to parse request message JSON"_s);
    QCOMPARE(ev.socket.state(), QAbstractSocket::ConnectedState);
}

void tst_Simulator::dropWebSocketsAborts()
{
    EventSocket ev;
    QVERIFY(ev.open(sim->url(), u"test-app"_s));
    QSignalSpy simDisc(sim.get(), &Simulator::webSocketDisconnected);
    QSignalSpy disc(&ev.socket, &QWebSocket::disconnected);
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    QSignalSpy err(&ev.socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
#else
    QSignalSpy err(&ev.socket, &QWebSocket::errorOccurred);
#endif
    sim->dropWebSockets();
    QVERIFY(disc.wait(5000));
    // no close handshake: the client sees the connection torn down
    QVERIFY(err.size() >= 1);
    QCOMPARE(err.at(0).at(0).value<QAbstractSocket::SocketError>(), QAbstractSocket::RemoteHostClosedError);
    QTRY_COMPARE(simDisc.size(), 1);
    QCOMPARE(sim->webSocketCount(), 0);
    // the client can come back
    EventSocket again;
    QVERIFY(again.open(sim->url(), u"test-app"_s));
}

void tst_Simulator::dropWebSocketsWithCloseCode()
{
    EventSocket ev;
    QVERIFY(ev.open(sim->url(), u"test-app"_s));
    QSignalSpy disc(&ev.socket, &QWebSocket::disconnected);
    sim->dropWebSockets(QWebSocketProtocol::CloseCodeGoingAway);
    QVERIFY(disc.wait(5000));
    QCOMPARE(ev.socket.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
}

void tst_Simulator::stalledSocketSendsNothingAndAnswersNoPing()
{
    EventSocket ev;
    QVERIFY(ev.open(sim->url(), u"test-app"_s));
    QSignalSpy pong(&ev.socket, &QWebSocket::pong);
    sim->setWebSocketsStalled(true);
    sim->startCall(u"test-app"_s);
    ev.socket.ping("p");
    QVERIFY(!pong.wait(300));
    QCOMPARE(ev.events.size(), 0);
    QCOMPARE(ev.socket.state(), QAbstractSocket::ConnectedState);
    sim->setWebSocketsStalled(false);
    QVERIFY(pong.wait(5000));
    sim->startCall(u"test-app"_s);
    QVERIFY(ev.waitFor(u"StasisStart"_s));

    // A client that gives up on a stalled server is forgotten once the stall ends; a newcomer
    // during the stall is just as unanswered.
    sim->setWebSocketsStalled(true);
    ev.socket.abort();
    EventSocket late;
    QVERIFY(late.open(sim->url(), u"late-app"_s));
    QSignalSpy latePong(&late.socket, &QWebSocket::pong);
    late.socket.ping("q");
    QVERIFY(!latePong.wait(300));
    sim->setWebSocketsStalled(false);
    QVERIFY(latePong.wait(5000));
    QTRY_COMPARE(sim->webSocketCount(), 1);
    QCOMPARE(call(*nam, sim->url(), u"GET"_s, u"/ari/applications/test-app"_s).status, 404);
}

void tst_Simulator::refuseConnections()
{
    const quint16 port = sim->port();
    sim->setRefuseConnections(true);
    {
        QTcpSocket tcp;
        QSignalSpy err(&tcp, &QTcpSocket::errorOccurred);
        tcp.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(err.wait(5000));
        QCOMPARE(tcp.error(), QAbstractSocket::ConnectionRefusedError);
    }
    sim->setRefuseConnections(false);
    QCOMPARE(sim->port(), port);
    QCOMPARE(call(*nam, sim->url(), u"GET"_s, u"/ari/asterisk/ping"_s).status, 200);
}

void tst_Simulator::restDelay()
{
    sim->setRestDelay(200);
    QElapsedTimer t;
    t.start();
    const HttpResult r = call(*nam, sim->url(), u"GET"_s, u"/ari/channels"_s);
    QCOMPARE(r.status, 200);
    QVERIFY(t.elapsed() >= 190);
    sim->setRestDelay(0);
}

void tst_Simulator::failRestRequests()
{
    sim->failRestRequests(2, 503);
    QCOMPARE(call(*nam, sim->url(), u"GET"_s, u"/ari/channels"_s).status, 503);
    QUrlQuery q;
    q.addQueryItem(u"bridgeId"_s, u"never"_s);
    QCOMPARE(call(*nam, sim->url(), u"POST"_s, u"/ari/bridges"_s, q).status, 503);
    QCOMPARE(sim->bridges().size(), 0); // a failed request changes nothing
    QCOMPARE(call(*nam, sim->url(), u"GET"_s, u"/ari/channels"_s).status, 200);
}

void tst_Simulator::rawFramesArriveAsIs()
{
    EventSocket ev;
    QVERIFY(ev.open(sim->url(), u"test-app"_s));
    const QByteArray truncated = R"({"type":"StasisStart","channel":{"id":)";
    const QByteArray unknown = R"({"type":"NoSuchEvent","application":"test-app"})";
    const QByteArray huge = "{\"type\":\"ChannelVarset\",\"value\":\"" + QByteArray(2 * 1024 * 1024, 'x') + "\"}";
    sim->sendRawFrame(truncated);
    sim->sendRawFrame(unknown);
    sim->sendRawFrame(huge);
    QTRY_COMPARE_WITH_TIMEOUT(ev.raw.size(), 3, 10000);
    QCOMPARE(ev.raw.at(0).toUtf8(), truncated);
    QCOMPARE(ev.raw.at(1).toUtf8(), unknown);
    QCOMPARE(ev.raw.at(2).size(), huge.size());
}

void tst_Simulator::floodFollowsBenchProtocol()
{
    sim->setFlood(3000, 10, 50, Simulator::FloodMix::Simple);
    const HttpResult info = call(*nam, sim->url(), u"GET"_s, u"/flood/info"_s, {}, {}, QByteArray());
    QCOMPARE(info.status, 200);
    const QJsonObject o = info.object();
    QCOMPARE(o.value(u"events"_s).toInt(), 3000);
    QCOMPARE(o.value(u"channels"_s).toInt(), 10);
    QCOMPARE(o.value(u"channel_ids"_s).toArray().size(), 10);
    EventSocket ev;
    QSignalSpy finished(sim.get(), &Simulator::floodFinished);
    QVERIFY(ev.open(sim->url(), u"bench"_s, false));
    QTRY_VERIFY_WITH_TIMEOUT(ev.count(u"ChannelUserevent"_s) == 1, 20000);
    QCOMPARE(ev.events.size(), 3001);
    const QJsonObject sentinel = ev.events.last();
    QCOMPARE(sentinel.value(u"eventname"_s).toString(), u"BenchDone"_s);
    QCOMPARE(sentinel.value(u"userevent"_s).toObject().value(u"events"_s).toInt(), 3000);
    const QJsonObject counts = o.value(u"counts"_s).toObject();
    int total = 0;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
        QCOMPARE(ev.count(it.key()), it.value().toInt());
        total += it.value().toInt();
    }
    QCOMPARE(total, 3000);
    const QJsonArray ids = o.value(u"channel_ids"_s).toArray();
    for (int i = 0; i < 3000; ++i) {
        const QJsonObject e = ev.events.at(i);
        QCOMPARE(e.value(u"application"_s).toString(), u"bench"_s);
        const QJsonObject ch = e.contains(u"peer"_s) ? e.value(u"peer"_s).toObject() : e.value(u"channel"_s).toObject();
        QVERIFY(ids.contains(ch.value(u"id"_s)));
    }
    QCOMPARE(finished.size(), 1);
    // the flood channels answer REST like any channel
    const QString id0 = ids.at(0).toString();
    QCOMPARE(call(*nam, sim->url(), u"GET"_s, u"/ari/channels/"_s + id0).object().value(u"id"_s).toString(), id0);
}

void tst_Simulator::realisticFloodHasLifecycles()
{
    // 7,001 events over 30 channels: ten calls in parallel, the last call of each slot padded.
    constexpr int events = 7001;
    sim->setFlood(events, 30, 50);
    const HttpResult info = call(*nam, sim->url(), u"GET"_s, u"/flood/info"_s, {}, {}, QByteArray());
    QCOMPARE(info.status, 200);
    const QJsonObject o = info.object();
    QCOMPARE(o.value(u"mix"_s).toString(), u"realistic"_s);
    QCOMPARE(o.value(u"events"_s).toInt(), events);
    const QJsonArray initial = o.value(u"channel_ids"_s).toArray();
    QCOMPARE(initial.size(), 10);
    EventSocket ev;
    QVERIFY(ev.open(sim->url(), u"bench"_s, false));
    QTRY_VERIFY_WITH_TIMEOUT(ev.count(u"ChannelUserevent"_s) == 1, 20000);
    QCOMPARE(ev.events.size(), events + 1);

    const QJsonObject perObject = o.value(u"per_object"_s).toObject();
    QStringList objectTypes;
    for (const QJsonValue &t : perObject.value(u"types"_s).toArray())
        objectTypes.append(t.toString());
    QCOMPARE(objectTypes.size(), 3);
    QHash<QString, int> seen;
    QHash<QString, QList<int>> perChannel; // channels in Stasis: what their per-object handlers see
    QSet<QString> live, ended, everSeen;
    qsizetype maxLive = 0;
    for (int i = 0; i < events; ++i) {
        const QJsonObject e = ev.events.at(i);
        const QString type = e.value(u"type"_s).toString();
        ++seen[type];
        QCOMPARE(e.value(u"application"_s).toString(), u"bench"_s);
        for (const QString &key : { u"channel"_s, u"peer"_s, u"caller"_s }) {
            if (!e.contains(key))
                continue;
            const QJsonObject ch = e.value(key).toObject();
            const QString id = ch.value(u"id"_s).toString();
            QVERIFY2(!ended.contains(id), qPrintable(u"%1 after %2 ended"_s.arg(type, id)));
            // every channel event carries a full snapshot
            for (const QString &field : { u"name"_s, u"state"_s, u"caller"_s, u"connected"_s, u"dialplan"_s,
                                          u"creationtime"_s, u"language"_s })
                QVERIFY2(ch.contains(field), qPrintable(type + u": "_s + field));
            live.insert(id);
            everSeen.insert(id);
        }
        if (type == u"Dial"_s)
            QVERIFY(e.contains(u"caller"_s) && e.contains(u"peer"_s));
        const QString id = e.value(u"channel"_s).toObject().value(u"id"_s).toString();
        if (type == u"StasisStart"_s)
            perChannel.insert(id, QList<int>(objectTypes.size(), 0));
        if (const qsizetype t = objectTypes.indexOf(type); t >= 0 && perChannel.contains(id))
            ++perChannel[id][t];
        if (type == u"ChannelDestroyed"_s) {
            live.remove(id);
            ended.insert(id);
        }
        maxLive = std::max(maxLive, live.size());
    }
    // every id ends, new ids appear, at most the flood's channels are live at once
    QVERIFY(live.isEmpty());
    QCOMPARE(ended.size(), everSeen.size());
    QVERIFY(everSeen.size() > 3 * initial.size());
    QVERIFY2(maxLive <= 30, qPrintable(QString::number(maxLive)));
    for (const QJsonValue &id : initial)
        QVERIFY(ended.contains(id.toString()));
    // /flood/info announced exactly what came, per type and per channel
    const QJsonObject counts = o.value(u"counts"_s).toObject();
    QCOMPARE(counts.size(), seen.size());
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        QCOMPARE(seen.value(it.key()), it.value().toInt());
    const QJsonObject announced = perObject.value(u"channels"_s).toObject();
    QCOMPARE(announced.size(), perChannel.size());
    for (auto it = perChannel.constBegin(); it != perChannel.constEnd(); ++it) {
        const QJsonArray a = announced.value(it.key()).toArray();
        QCOMPARE(a.size(), it.value().size());
        for (qsizetype t = 0; t < a.size(); ++t)
            QCOMPARE(a.at(t).toInt(), it.value().at(t));
    }
    // the commonest types, as in the traces
    QVERIFY(seen.value(u"ChannelVarset"_s) > seen.value(u"ChannelDtmfReceived"_s));
    QVERIFY(seen.value(u"ChannelDialplan"_s) > seen.value(u"ChannelDtmfReceived"_s));
    // the channels there at the start answer REST like any channel
    const QString id0 = initial.at(0).toString();
    QCOMPARE(call(*nam, sim->url(), u"GET"_s, u"/ari/channels/"_s + id0).object().value(u"id"_s).toString(), id0);
}

void tst_Simulator::endpointBehaviourBusyAndAnswer()
{
    EventSocket ev;
    QVERIFY(ev.open(sim->url(), u"out"_s, false));
    Simulator::EndpointBehaviour busy;
    busy.busy = true;
    sim->setEndpointBehaviour(u"PJSIP/busy"_s, busy);
    Simulator::EndpointBehaviour answer;
    answer.answerAfterMs = 100;
    answer.dtmf = u"42"_s;
    answer.hangupAfterMs = 2000;
    sim->setEndpointBehaviour(u"PJSIP/alice"_s, answer);
    QUrlQuery q;
    q.addQueryItem(u"endpoint"_s, u"PJSIP/busy"_s);
    q.addQueryItem(u"app"_s, u"out"_s);
    q.addQueryItem(u"channelId"_s, u"c-busy"_s);
    QCOMPARE(call(*nam, sim->url(), u"POST"_s, u"/ari/channels"_s, q).status, 200);
    QVERIFY(ev.waitFor(u"ChannelDestroyed"_s));
    QCOMPARE(ev.events.last().value(u"cause"_s).toInt(), 17);
    QCOMPARE(ev.count(u"StasisStart"_s), 0);
    QUrlQuery q2;
    q2.addQueryItem(u"endpoint"_s, u"PJSIP/alice"_s);
    q2.addQueryItem(u"app"_s, u"out"_s);
    q2.addQueryItem(u"channelId"_s, u"c-alice"_s);
    QCOMPARE(call(*nam, sim->url(), u"POST"_s, u"/ari/channels"_s, q2).status, 200);
    QVERIFY(ev.waitFor(u"StasisStart"_s));
    QVERIFY(ev.waitFor(u"ChannelDtmfReceived"_s, 2));
    QVERIFY(ev.waitFor(u"ChannelDestroyed"_s, 2));
}

void tst_Simulator::localOriginateEntersStasis()
{
    EventSocket ev;
    QVERIFY(ev.open(sim->url(), u"test-app"_s));
    QUrlQuery q;
    q.addQueryItem(u"endpoint"_s, u"Local/400@ari-test"_s);
    q.addQueryItem(u"app"_s, u"test-app"_s);
    q.addQueryItem(u"channelId"_s, u"loc-1"_s);
    const HttpResult r = call(*nam, sim->url(), u"POST"_s, u"/ari/channels"_s, q);
    QCOMPARE(r.status, 200);
    QVERIFY(r.object().value(u"name"_s).toString().endsWith(u";1"_s));
    QVERIFY(ev.waitFor(u"StasisStart"_s));
    const QJsonArray chans = sim->channels();
    QCOMPARE(chans.size(), 2);
    QStringList ids;
    for (const QJsonValue &c : chans)
        ids.append(c.toObject().value(u"id"_s).toString());
    QVERIFY(ids.contains(u"loc-1"_s));
    QVERIFY(ids.contains(u"loc-1;2"_s)); // Asterisk's id rule for the ;2 half
    QCOMPARE(call(*nam, sim->url(), u"DELETE"_s, u"/ari/channels/loc-1"_s).status, 204);
    QVERIFY(ev.waitFor(u"ChannelDestroyed"_s, 2));
    QCOMPARE(sim->channels().size(), 0);
}

void tst_Simulator::storedRecordingIsWav()
{
    const QString id = sim->startCall(u"rec"_s);
    QUrlQuery q;
    q.addQueryItem(u"name"_s, u"r1"_s);
    q.addQueryItem(u"format"_s, u"wav"_s);
    QCOMPARE(call(*nam, sim->url(), u"POST"_s, u"/ari/channels/"_s + id + u"/record"_s, q).status, 201);
    QTRY_COMPARE(call(*nam, sim->url(), u"GET"_s, u"/ari/recordings/live/r1"_s).object().value(u"state"_s).toString(), u"recording"_s);
    QCOMPARE(call(*nam, sim->url(), u"POST"_s, u"/ari/recordings/live/r1/stop"_s).status, 204);
    const HttpResult f = call(*nam, sim->url(), u"GET"_s, u"/ari/recordings/stored/r1/file"_s);
    QCOMPARE(f.status, 200);
    QCOMPARE(f.contentType, QByteArray("audio/wav"));
    QVERIFY(f.body.startsWith("RIFF"));
    QCOMPARE(f.body.mid(8, 8), QByteArray("WAVEfmt "));
    QVERIFY(f.body.size() > 44);
}

void tst_Simulator::hostileIdsStayInTheirSegment()
{
    const QString hostile = u"a/b?c#d%e ü"_s;
    sim->startCall(u"ivr"_s, {}, hostile);
    const QString path = u"/ari/channels/"_s + QString::fromUtf8(QUrl::toPercentEncoding(hostile));
    const HttpResult r = call(*nam, sim->url(), u"GET"_s, path);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"id"_s).toString(), hostile);
    QCOMPARE(call(*nam, sim->url(), u"POST"_s, path + u"/answer"_s).status, 204);
}

void tst_Simulator::scriptedTraffic()
{
    EventSocket ev;
    QVERIFY(ev.open(sim->url(), u"demo"_s, false));
    Simulator::Traffic traffic;
    traffic.callsPerSecond = 20;
    traffic.meanDurationMs = 4000; // simulated; the test runs at 1/20 speed
    traffic.app = u"demo"_s;
    sim->setTraffic(traffic);
    QVERIFY(ev.waitFor(u"StasisStart"_s, 4));
    QVERIFY(ev.waitFor(u"ChannelStateChange"_s));
    QVERIFY(ev.waitFor(u"ChannelDtmfReceived"_s));
    QVERIFY(ev.waitFor(u"PlaybackStarted"_s));
    QVERIFY(ev.waitFor(u"ChannelEnteredBridge"_s, 2));
    QVERIFY(ev.waitFor(u"StasisEnd"_s, 2));
    traffic.callsPerSecond = 0;
    sim->setTraffic(traffic);
    // every call that started ends, and the simulator's state empties
    QTRY_VERIFY_WITH_TIMEOUT(sim->channels().isEmpty(), 10000);
    QCOMPARE(ev.count(u"StasisEnd"_s), ev.count(u"StasisStart"_s));
    QTRY_VERIFY(sim->bridges().isEmpty());
}

void tst_Simulator::tls()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        QSKIP("openssl (to make a test certificate) is not installed");
    QTemporaryDir dir;
    QProcess gen;
    gen.setWorkingDirectory(dir.path());
    gen.start(openssl, { u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, u"key.pem"_s,
                         u"-out"_s, u"cert.pem"_s, u"-days"_s, u"1"_s, u"-subj"_s, u"/CN=127.0.0.1"_s,
                         u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s });
    QVERIFY(gen.waitForFinished(30000));
    QCOMPARE(gen.exitCode(), 0);
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(dir.filePath(u"cert.pem"_s));
    QCOMPARE(certs.size(), 1);
    QFile keyFile(dir.filePath(u"key.pem"_s));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QSslKey key(&keyFile, QSsl::Rsa);
    QVERIFY(!key.isNull());

    sim.reset();
    sim = std::make_unique<Simulator>();
    QSslConfiguration server = QSslConfiguration::defaultConfiguration();
    server.setLocalCertificate(certs.first());
    server.setPrivateKey(key);
    sim->setTlsConfiguration(server);
    QVERIFY(sim->start());
    QCOMPARE(sim->url().scheme(), u"https"_s);

    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    trusting.addCaCertificates(certs);
    QUrl url = sim->url();
    url.setPath(u"/ari/channels"_s);
    QNetworkRequest req(url);
    req.setSslConfiguration(trusting);
    req.setRawHeader("Authorization", basic(u"asterisk"_s, u"asterisk"_s));
    QNetworkReply *reply = nam->get(req);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();

    // an untrusted certificate fails the handshake on the client side
    QNetworkAccessManager other;
    QNetworkRequest plain(url);
    plain.setRawHeader("Authorization", basic(u"asterisk"_s, u"asterisk"_s));
    QNetworkReply *bad = other.get(plain);
    QSignalSpy badFinished(bad, &QNetworkReply::finished);
    QVERIFY(badFinished.wait(10000));
    QCOMPARE(bad->error(), QNetworkReply::SslHandshakeFailedError);
    bad->deleteLater();

    // WSS events
    QWebSocket ws;
    QUrl wsUrl = sim->url();
    wsUrl.setScheme(u"wss"_s);
    wsUrl.setPath(u"/ari/events"_s);
    wsUrl.setQuery(u"app=secure"_s);
    QNetworkRequest wsReq(wsUrl);
    wsReq.setRawHeader("Authorization", basic(u"asterisk"_s, u"asterisk"_s));
    ws.setSslConfiguration(trusting);
    QSignalSpy connected(&ws, &QWebSocket::connected);
    QSignalSpy messages(&ws, &QWebSocket::textMessageReceived);
    ws.open(wsReq);
    QVERIFY(connected.wait(10000));
    sim->startCall(u"secure"_s);
    QTRY_VERIFY(!messages.isEmpty());
    QVERIFY(messages.last().at(0).toString().contains(u"StasisStart"_s));
}

QTEST_GUILESS_MAIN(tst_Simulator)
#include "tst_simulator.moc"
