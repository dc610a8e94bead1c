// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
//
// REST over the event WebSocket (Client::RestTransport): which requests travel that way with each
// setting and server version, the frames as Asterisk accepts them (trace m), typed errors,
// timeouts, and what happens to requests in flight when the socket drops.
#include <QtAri/AsteriskApi>
#include <QtAri/Channel>
#include <QtAri/ChannelsApi>
#include <QtAri/Client>
#include <QtAri/RecordingsApi>
#include <QtAri/Testing/Simulator>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QLoggingCategory>
#include <QtCore/QPointer>
#include <QtCore/QUrl>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using QtAri::Client;
using QtAri::Error;
using QtAri::Testing::Simulator;

namespace {

template<class T>
T await(const QFuture<T> &future, int ms = 10000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, ms))
        qFatal("a future did not finish within %d ms", ms);
    return future.result();
}

std::unique_ptr<Client> makeClient(const Simulator &sim)
{
    auto client = std::make_unique<Client>();
    client->setUrl(sim.url());
    client->setCredentials(u"asterisk"_s, u"asterisk"_s);
    client->setApplicationNames({ u"rest-app"_s });
    return client;
}

// The frames the simulator received, and the HTTP requests (requestReceived minus the frames).
struct Traffic
{
    explicit Traffic(Simulator *sim)
    {
        QObject::connect(sim, &Simulator::restFrameReceived, sim,
                         [this](const QJsonObject &frame) { frames.append(frame); });
        QObject::connect(sim, &Simulator::requestReceived, sim,
                         [this](const QString &method, const QString &path) { all.append(method + u' ' + path); });
    }
    int overHttp(const QString &what) const
    {
        int socket = 0;
        for (const QJsonObject &f : frames)
            socket += (f.value(u"method"_s).toString() + u" /ari/"_s + f.value(u"uri"_s).toString().section(u'?', 0, 0)) == what;
        return int(all.count(what)) - socket;
    }
    int overSocket(const QString &method, const QString &uri) const
    {
        return int(std::count_if(frames.cbegin(), frames.cend(), [&](const QJsonObject &f) {
            return f.value(u"method"_s).toString() == method && f.value(u"uri"_s).toString() == uri;
        }));
    }
    QList<QJsonObject> frames;
    QStringList all;
};

} // namespace

class tst_RestTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QLoggingCategory::setFilterRules(u"qtari.*.warning=false"_s); }
    void cleanup() { QLoggingCategory::setFilterRules(QString()); }
    void autoFollowsTheServerVersion_data();
    void autoFollowsTheServerVersion();
    void httpSettingNeverUsesTheSocket();
    void framesAreBuiltAsAsteriskAcceptsThem();
    void errorsAreTypedOverTheSocket();
    void fileDownloadTakesHttp();
    void webSocketSettingFailsWhileTheSocketIsDown();
    void autoFallsBackToHttpWhileTheSocketIsDown();
    void timeoutOverTheSocket();
    void socketDropResendsGetsAndFailsTheRest();
    void clientDestroyedWithRequestsInFlight();
    void requestFinishedReportsEveryExchange();
    void sendGoesThroughTheClient_data();
    void sendGoesThroughTheClient();
};

void tst_RestTransport::autoFollowsTheServerVersion_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("socket");
    QTest::newRow("18") << 18 << false; // no RESTRequest at all
    QTest::newRow("20.15") << 20 << true;
    QTest::newRow("22.10") << 22 << true;
    QTest::newRow("23") << 23 << true;
}

// Auto, the default, sends over the socket when the Server header names a version that has it.
void tst_RestTransport::autoFollowsTheServerVersion()
{
    QFETCH(int, version);
    QFETCH(bool, socket);
    Simulator sim;
    QVERIFY(sim.setAsteriskVersion(version));
    QVERIFY(sim.start());
    Traffic traffic(&sim);
    auto client = makeClient(sim);
    QCOMPARE(client->restTransport(), Client::RestTransport::Auto);
    QVERIFY(await(client->connectToServer()).has_value());
    const auto listed = await(client->channels()->list());
    QVERIFY(listed.has_value());
    QCOMPARE(traffic.overSocket(u"GET"_s, u"channels"_s), socket ? 1 : 0);
    // the connect's own listing always takes HTTP; the list above only when the socket cannot
    QCOMPARE(traffic.overHttp(u"GET /ari/channels"_s), socket ? 1 : 2);
}

void tst_RestTransport::httpSettingNeverUsesTheSocket()
{
    Simulator sim;
    QVERIFY(sim.start());
    Traffic traffic(&sim);
    auto client = makeClient(sim);
    client->setRestTransport(Client::RestTransport::Http);
    QVERIFY(await(client->connectToServer()).has_value());
    QVERIFY(await(client->channels()->list()).has_value());
    QVERIFY(await(client->asterisk()->setGlobalVar(u"REST_T"_s, { .value = u"1"_s })).has_value());
    QCOMPARE(traffic.frames.size(), 0);
}

// Upper-case method, uri below /ari without a leading '/', the query as decoded query_strings,
// a JSON body as a string with its content type, and never a credential in a frame.
void tst_RestTransport::framesAreBuiltAsAsteriskAcceptsThem()
{
    Simulator sim;
    QVERIFY(sim.start());
    Traffic traffic(&sim);
    auto client = std::make_unique<Client>();
    QUrl url = sim.url();
    url.setQuery(u"api_key=asterisk:asterisk"_s); // credentials in the URL: header only
    client->setUrl(url);
    client->setApplicationNames({ u"rest-app"_s });
    QVERIFY(await(client->connectToServer()).has_value());

    const QString id = u"rest a/b?c#d%e+f"_s;
    const auto created = await(client->channels()->originateWithId(
            id, u"PJSIP/alice"_s, { .app = u"rest-app"_s, .callerId = u"Ops <100>"_s }));
    QVERIFY2(created.has_value(), qPrintable(created ? QString() : created.error().toString()));
    QCOMPARE(created->id(), id);
    const auto read = await(client->channels()->get(id));
    QVERIFY(read.has_value());
    QCOMPARE(read->id(), id);
    QVERIFY(await(client->channels()->setChannelVar(id, u"V"_s, { .value = u"x y&z"_s })).has_value());
    const auto value = await(client->channels()->getChannelVar(id, u"V"_s));
    QVERIFY(value.has_value());
    QCOMPARE(value->value(), u"x y&z"_s);
    QVERIFY(await(client->channels()->setChannelVars(id, QJsonObject { { u"A"_s, u"1"_s } })).has_value());

    QVERIFY(!traffic.frames.isEmpty());
    bool sawBody = false, sawQuery = false;
    for (const QJsonObject &frame : std::as_const(traffic.frames)) {
        const QString text = QString::fromUtf8(QJsonDocument(frame).toJson());
        QVERIFY2(!text.contains(u"api_key"_s) && !text.contains(u"asterisk:asterisk"_s), qPrintable(text));
        QCOMPARE(frame.value(u"type"_s).toString(), u"RESTRequest"_s);
        QCOMPARE(frame.value(u"method"_s).toString(), frame.value(u"method"_s).toString().toUpper());
        QVERIFY(!frame.value(u"uri"_s).toString().startsWith(u'/'));
        QVERIFY(frame.value(u"request_id"_s).isString());
        QVERIFY(!frame.value(u"request_id"_s).toString().isEmpty());
        for (const QJsonValue &q : frame.value(u"query_strings"_s).toArray()) {
            if (q.toObject().value(u"name"_s).toString() == u"value"_s) {
                QCOMPARE(q.toObject().value(u"value"_s).toString(), u"x y&z"_s); // decoded
                sawQuery = true;
            }
        }
        if (frame.contains(u"message_body"_s)) {
            QCOMPARE(frame.value(u"content_type"_s).toString(), u"application/json"_s);
            QVERIFY(frame.value(u"message_body"_s).isString());
            sawBody = true;
        }
    }
    QVERIFY(sawQuery);
    QVERIFY(sawBody);
}

void tst_RestTransport::errorsAreTypedOverTheSocket()
{
    Simulator sim;
    QVERIFY(sim.start());
    Traffic traffic(&sim);
    auto client = makeClient(sim);
    QVERIFY(await(client->connectToServer()).has_value());
    const auto missing = await(client->channels()->get(u"no-such"_s));
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().kind(), Error::Kind::Http);
    QCOMPARE(missing.error().httpStatus(), 404);
    QCOMPARE(missing.error().message(), u"Channel not found"_s);
    QCOMPARE(missing.error().operation(), u"channels.get"_s);
    QCOMPARE(traffic.overSocket(u"GET"_s, u"channels/no-such"_s), 1);
    sim.failRestRequests(1, 500);
    const auto failed = await(client->channels()->list());
    QVERIFY(!failed.has_value());
    QCOMPARE(failed.error().httpStatus(), 500);
}

// Asterisk refuses a binary answer over the socket (406, trace m): the file comes over HTTP.
void tst_RestTransport::fileDownloadTakesHttp()
{
    Simulator sim;
    QVERIFY(sim.start());
    Traffic traffic(&sim);
    auto client = makeClient(sim);
    client->setRestTransport(Client::RestTransport::WebSocket);
    QVERIFY(await(client->connectToServer()).has_value());
    const auto file = await(client->recordings()->getStoredFile(u"no-such-recording"_s));
    QVERIFY(!file.has_value());
    QCOMPARE(file.error().httpStatus(), 404);
    QCOMPARE(traffic.overSocket(u"GET"_s, u"recordings/stored/no-such-recording/file"_s), 0);
    QCOMPARE(traffic.overHttp(u"GET /ari/recordings/stored/no-such-recording/file"_s), 1);
}

void tst_RestTransport::webSocketSettingFailsWhileTheSocketIsDown()
{
    Simulator sim;
    QVERIFY(sim.start());
    auto client = makeClient(sim);
    client->setRestTransport(Client::RestTransport::WebSocket);
    const auto early = await(client->channels()->list());
    QVERIFY(!early.has_value());
    QCOMPARE(early.error().kind(), Error::Kind::NotConnected);
    QCOMPARE(early.error().operation(), u"channels.list"_s);
}

void tst_RestTransport::autoFallsBackToHttpWhileTheSocketIsDown()
{
    Simulator sim;
    QVERIFY(sim.start());
    Traffic traffic(&sim);
    auto client = makeClient(sim);
    QVERIFY(await(client->connectToServer()).has_value());
    client->disconnectFromServer();
    const auto listed = await(client->channels()->list());
    QVERIFY(listed.has_value());
    QCOMPARE(traffic.overSocket(u"GET"_s, u"channels"_s), 0);
}

void tst_RestTransport::timeoutOverTheSocket()
{
    Simulator sim;
    QVERIFY(sim.start());
    auto client = makeClient(sim);
    QVERIFY(await(client->connectToServer()).has_value());
    client->setRequestTimeout(300);
    sim.setRestDelay(5000);
    const auto slow = await(client->asterisk()->setGlobalVar(u"SLOW"_s, { .value = u"1"_s }));
    QVERIFY(!slow.has_value());
    QCOMPARE(slow.error().kind(), Error::Kind::Timeout);
    QCOMPARE(slow.error().operation(), u"asterisk.setGlobalVar"_s);
}

// A GET is safe to repeat: it goes again over HTTP. Anything else may have been carried out: it
// fails with Network, never silently repeated.
void tst_RestTransport::socketDropResendsGetsAndFailsTheRest()
{
    Simulator sim;
    QVERIFY(sim.start());
    Traffic traffic(&sim);
    auto client = makeClient(sim);
    QVERIFY(await(client->connectToServer()).has_value());
    sim.setRestDelay(400);
    const auto get = client->asterisk()->getGlobalVar(u"DROP"_s);
    const auto post = client->asterisk()->setGlobalVar(u"DROP"_s, { .value = u"1"_s });
    QTRY_COMPARE(traffic.frames.size(), 2);
    sim.dropWebSockets();
    const auto posted = await(post);
    QVERIFY(!posted.has_value());
    QCOMPARE(posted.error().kind(), Error::Kind::Network);
    QCOMPARE(posted.error().operation(), u"asterisk.setGlobalVar"_s);
    const auto got = await(get);
    QVERIFY2(got.has_value(), qPrintable(got ? QString() : got.error().toString()));
    QCOMPARE(traffic.overHttp(u"GET /ari/asterisk/variable"_s), 1);
    QCOMPARE(traffic.overHttp(u"POST /ari/asterisk/variable"_s), 0);
}

void tst_RestTransport::clientDestroyedWithRequestsInFlight()
{
    Simulator sim;
    QVERIFY(sim.start());
    auto client = makeClient(sim);
    QVERIFY(await(client->connectToServer()).has_value());
    sim.setRestDelay(2000);
    QList<QFuture<QtAri::Result<QList<QtAri::ChannelInfo>>>> pending;
    for (int i = 0; i < 20; ++i)
        pending.append(client->channels()->list());
    client.reset();
    for (const auto &future : std::as_const(pending)) {
        QVERIFY(future.isFinished());
        QCOMPARE(future.result().error().kind(), Error::Kind::Aborted);
    }
}

// Client::requestFinished: the client's own requests (marked internal) and the API objects', over
// HTTP and over the socket, each with its answer, before the caller's future finishes; a transport
// error is reported too.
void tst_RestTransport::requestFinishedReportsEveryExchange()
{
    Simulator sim;
    QVERIFY(sim.start());
    auto client = makeClient(sim);
    QList<QtAri::Exchange> seen;
    connect(client.get(), &Client::requestFinished, this,
            [&seen](const QtAri::Exchange &exchange) { seen.append(exchange); });
    QVERIFY(await(client->connectToServer()).has_value());
    QVERIFY(!seen.isEmpty());
    bool listingSeen = false;
    for (const QtAri::Exchange &e : std::as_const(seen)) {
        QVERIFY2(e.internal, e.request.operation.toUtf8().constData());
        QVERIFY(!e.overWebSocket);
        listingSeen |= e.request.method == "GET" && e.request.path == "/channels";
    }
    QVERIFY(listingSeen);
    seen.clear();

    const QDateTime before = QDateTime::currentDateTimeUtc();
    bool seenBeforeFuture = false;
    auto future = client->channels()->get(u"no/such?id#%+"_s);
    future.then([&](const auto &) { seenBeforeFuture = seen.size() == 1; });
    const auto got = await(future);
    QCOMPARE(got.error().httpStatus(), 404);
    QVERIFY(seenBeforeFuture);
    QCOMPARE(seen.size(), 1);
    const QtAri::Exchange &e = seen.constFirst();
    QCOMPARE(e.request.operation, u"channels.get"_s);
    QCOMPARE(e.request.path, QByteArray("/channels/no%2Fsuch%3Fid%23%25%2B"));
    QVERIFY(e.result.has_value());
    QCOMPARE(e.result->status, 404);
    QVERIFY(!e.result->body.isEmpty());
    QVERIFY(!e.internal);
    QVERIFY(e.overWebSocket); // Auto on the simulator's version
    QVERIFY(e.sentAt >= before.addSecs(-1) && e.sentAt <= QDateTime::currentDateTimeUtc());
    QVERIFY(e.elapsedNs > 0);
    seen.clear();

    client->setRestTransport(Client::RestTransport::Http);
    QVERIFY(await(client->channels()->list()).has_value());
    QCOMPARE(seen.size(), 1);
    QVERIFY(!seen.constFirst().overWebSocket);
    QCOMPARE(seen.constFirst().result->status, 200);
    seen.clear();

    client->setRequestTimeout(300);
    sim.setRestDelay(2000);
    const auto late = await(client->channels()->list());
    QCOMPARE(late.error().kind(), Error::Kind::Timeout);
    QCOMPARE(seen.size(), 1);
    QVERIFY(!seen.constFirst().result.has_value());
    QCOMPARE(seen.constFirst().result.error().kind(), Error::Kind::Timeout);
}

void tst_RestTransport::sendGoesThroughTheClient_data()
{
    QTest::addColumn<Client::RestTransport>("transport");
    QTest::newRow("http") << Client::RestTransport::Http;
    QTest::newRow("websocket") << Client::RestTransport::WebSocket;
}

// Client::send(): a Request built elsewhere takes the chosen REST transport, is reported by
// requestFinished (not internal), any HTTP status is a Response, and the mirror sees the answer
// (a hangup sent this way has ended the live channel by the time the future finishes).
void tst_RestTransport::sendGoesThroughTheClient()
{
    QFETCH(Client::RestTransport, transport);
    Simulator sim;
    QVERIFY(sim.start());
    Traffic traffic(&sim);
    auto client = makeClient(sim);
    client->setRestTransport(transport);
    QVERIFY(await(client->connectToServer()).has_value());
    const QString id = sim.startCall(u"rest-app"_s);
    QVERIFY(QTest::qWaitFor([&] { return client->channel(id) != nullptr; }, 10000));
    QList<QtAri::Exchange> seen;
    connect(client.get(), &Client::requestFinished, this,
            [&seen](const QtAri::Exchange &exchange) { seen.append(exchange); });
    const int framesBefore = int(traffic.frames.size());

    QtAri::Request missing;
    missing.method = "DELETE";
    missing.path = "/channels/no%2Fsuch%3Fid%23%25%2B";
    missing.operation = u"channels.hangup"_s;
    const auto notFound = await(client->send(missing));
    QVERIFY(notFound.has_value()); // a 404 is an answer, not a transport error
    QCOMPARE(notFound->status, 404);
    QVERIFY(notFound->body.contains("Channel not found"));
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.constFirst().request.path, missing.path);
    QVERIFY(!seen.constFirst().internal);
    QCOMPARE(seen.constFirst().overWebSocket, transport == Client::RestTransport::WebSocket);
    QCOMPARE(int(traffic.frames.size()) - framesBefore,
             transport == Client::RestTransport::WebSocket ? 1 : 0);

    QtAri::Request hangup;
    hangup.method = "DELETE";
    hangup.path = "/channels/" + QUrl::toPercentEncoding(id);
    hangup.query = "reason=busy";
    hangup.operation = u"channels.hangup"_s;
    QPointer<QtAri::Channel> live = client->channel(id);
    QVERIFY(live);
    bool endedFirst = false;
    auto future = client->send(hangup);
    future.then([&](const auto &) { endedFirst = !live || live->isEnded(); });
    const auto done = await(future);
    QVERIFY(done.has_value());
    QCOMPARE(done->status, 204);
    QVERIFY(endedFirst);
    // Ours, not internal (the client may send its own requests in between).
    const auto ours = std::count_if(seen.cbegin(), seen.cend(),
                                    [](const QtAri::Exchange &e) { return !e.internal; });
    QCOMPARE(int(ours), 2);
    QVERIFY(std::any_of(seen.cbegin(), seen.cend(), [&](const QtAri::Exchange &e) {
        return !e.internal && e.request.query == "reason=busy" && e.result && e.result->status == 204;
    }));

    // A request that needs a newer Asterisk fails without being sent; the future still finishes.
    QtAri::Request future99;
    future99.method = "GET";
    future99.path = "/asterisk/info";
    future99.operation = u"asterisk.getInfo"_s;
    future99.since = 99;
    const auto refused = await(client->send(future99));
    QCOMPARE(refused.error().kind(), Error::Kind::Unsupported);

    client->disconnectFromServer();
    if (transport == Client::RestTransport::WebSocket)
        QCOMPARE(await(client->send(missing)).error().kind(), Error::Kind::NotConnected);
}

QTEST_GUILESS_MAIN(tst_RestTransport)
#include "tst_resttransport.moc"
