// OutboundServer: Asterisk (here ari-sim's outbound mode, which follows trace n) connects to the
// application. Persistent connections with an outage and the held events, per-call sessions,
// refused credentials, REST over the socket, TLS, and connections that never name an application.
#include <QtAri/Client>
#include <QtAri/OutboundServer>
#include <QtAri/Testing/Simulator>
#include <QtAri/channel.h>

#include <QtCore/QFutureWatcher>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtNetwork/QSslKey>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include "coretestutil.h"
#include <QtWebSockets/QWebSocket>

using namespace Qt::StringLiterals;
using QtAri::Client;
using QtAri::OutboundServer;
using QtAri::Testing::Simulator;

namespace {

Simulator::OutboundConnection connectionTo(const OutboundServer &server, const QStringList &apps,
                                           bool perCall = false)
{
    Simulator::OutboundConnection c;
    c.uri = QUrl(u"ws://127.0.0.1:%1/%2"_s.arg(server.serverPort()).arg(perCall ? u"percall"_s : u"persistent"_s));
    c.apps = apps;
    c.perCall = perCall;
    c.user = u"ws-user"_s;
    c.password = u"ws-pass"_s;
    c.reconnectIntervalMs = 100;
    c.reconnectAttempts = 2;
    return c;
}

} // namespace

class tst_Outbound : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void persistentApplication();
    void outageAndHeldEvents();
    void wrongPasswordIsRefusedWith401();
    void perCallSessions();
    void perCallRefusedFailsTheCall();
    void requestsInFlightFinishWhenTheSocketDrops();
    void unnamedConnectionIsClosed();
    void overTls();

private:
    std::unique_ptr<Simulator> sim;
    std::unique_ptr<OutboundServer> server;
};

void tst_Outbound::init()
{
    sim = std::make_unique<Simulator>();
    sim->setTimeScale(0.1);
    QVERIFY(sim->start());
    server = std::make_unique<OutboundServer>();
    server->setCredentials(u"ws-user"_s, u"ws-pass"_s);
    server->setKeepalive(200, 400);
    server->setIdentifyTimeout(300);
}

void tst_Outbound::cleanup()
{
    server.reset(); // the application first, as a user's program ends before the PBX
    sim.reset();
}

void tst_Outbound::persistentApplication()
{
    Client *client = server->addApplication(u"out-app"_s);
    QCOMPARE(server->application(u"out-app"_s), client);
    QCOMPARE(client->state(), Client::State::Connecting);
    QSignalSpy started(client, &Client::stasisStarted);
    QVERIFY(server->listen(QHostAddress::LocalHost));
    QSignalSpy frames(sim.get(), &Simulator::restFrameReceived);
    sim->addOutboundConnection(connectionTo(*server, { u"out-app"_s }));
    QVERIFY(await(client->connectToServer()).has_value());
    QCOMPARE(client->state(), Client::State::Connected);
    QCOMPARE(sim->outboundSocketCount(), 1);

    const QString id = sim->startCall(u"out-app"_s);
    QTRY_COMPARE(started.size(), 1);
    QtAri::Channel *channel = client->channel(id);
    QVERIFY(channel);
    QVERIFY(channel->isInStasis());
    // REST travels over the socket Asterisk opened (the client knows no HTTP URL at all).
    const qsizetype before = frames.size();
    QVERIFY(await(channel->answer()).has_value());
    QTRY_COMPARE(channel->info().state(), u"Up"_s);
    // (the client's own subscription to the new channel may travel beside it)
    QVERIFY(std::any_of(frames.cbegin() + before, frames.cend(), [&id](const QList<QVariant> &f) {
        return f.at(0).toJsonObject().value(u"uri"_s).toString() == u"channels/%1/answer"_s.arg(id);
    }));
    QVERIFY(client->url().isEmpty());
    QVERIFY(await(channel->hangup()).has_value());
    QTRY_COMPARE(client->channel(id), nullptr);
}

void tst_Outbound::outageAndHeldEvents()
{
    Client *client = server->addApplication(u"out-app"_s);
    QVERIFY(server->listen(QHostAddress::LocalHost));
    const quint16 port = server->serverPort();
    sim->addOutboundConnection(connectionTo(*server, { u"out-app"_s }));
    QVERIFY(await(client->connectToServer()).has_value());
    const QString first = sim->startCall(u"out-app"_s);
    QTRY_VERIFY(client->channel(first));
    QtAri::Channel *channel = client->channel(first);
    QSignalSpy hungUp(channel, &QtAri::Channel::hungUp);

    // The application goes away; Asterisk keeps its registration and holds its events.
    server->close();
    sim->dropWebSockets();
    QTRY_COMPARE(client->state(), Client::State::Reconnecting);
    sim->hangupChannel(first);
    const QString second = sim->startCall(u"out-app"_s);
    QTest::qWait(300); // a few refused attempts
    QCOMPARE(sim->outboundSocketCount(), 0);
    QVERIFY(client->channel(first)); // nothing told the client yet

    // Back: Asterisk connects again and sends what it held, then ApplicationRegistered.
    QVERIFY(server->listen(QHostAddress::LocalHost, port));
    QTRY_COMPARE(client->state(), Client::State::Connected);
    QTRY_COMPARE(client->channel(first), nullptr);
    QCOMPARE(hungUp.size(), 1);
    QTRY_VERIFY(client->channel(second));
    QVERIFY(client->channel(second)->isInStasis());
    QCOMPARE(client->liveChannels().size(), 1);
}

void tst_Outbound::wrongPasswordIsRefusedWith401()
{
    Client *client = server->addApplication(u"out-app"_s);
    QVERIFY(server->listen(QHostAddress::LocalHost));
    QSignalSpy refused(server.get(), &OutboundServer::connectionRefused);
    QSignalSpy failed(sim.get(), &Simulator::outboundAttemptFailed);
    Simulator::OutboundConnection c = connectionTo(*server, { u"out-app"_s });
    c.password = u"wrong"_s;
    sim->addOutboundConnection(c);
    QTRY_VERIFY(refused.size() >= 2); // refused, and Asterisk keeps trying
    QVERIFY(refused.first().at(1).toString().contains(u"401"_s));
    QVERIFY(failed.size() >= 2);
    QCOMPARE(client->state(), Client::State::Connecting);
    QCOMPARE(sim->outboundSocketCount(), 0);
}

void tst_Outbound::perCallSessions()
{
    QVERIFY(server->listen(QHostAddress::LocalHost));
    QList<QPointer<Client>> started;
    QSignalSpy ended(server.get(), &OutboundServer::sessionEnded);
    connect(server.get(), &OutboundServer::sessionStarted, this, [&started](Client *session) {
        started.append(session);
    });
    sim->addOutboundConnection(connectionTo(*server, { u"pc-app"_s }, true));
    QStringList ids;
    for (int i = 0; i < 3; ++i)
        ids << sim->startCall(u"pc-app"_s);
    QTRY_COMPARE(started.size(), 3);
    QCOMPARE(server->sessions().size(), 3);
    // each session holds its own call, in its application "<app>:<channel name>"
    for (const QString &id : std::as_const(ids)) {
        QTRY_VERIFY(std::any_of(started.cbegin(), started.cend(), [&id](const QPointer<Client> &s) {
            return s && s->channel(id) && s->channel(id)->isInStasis();
        }));
    }
    for (const QPointer<Client> &session : std::as_const(started)) {
        QCOMPARE(session->liveChannels().size(), 1);
        const QString name = session->applicationNames().value(0);
        QVERIFY2(name.startsWith(u"pc-app:PJSIP/"_s), qPrintable(name));
    }
    // a session ends with its call; the others go on
    QPointer<Client> first;
    for (const QPointer<Client> &s : std::as_const(started)) {
        if (s->channel(ids.first()))
            first = s;
    }
    QVERIFY(first);
    const auto firstAddress = quintptr(first.data());
    sim->hangupChannel(ids.first());
    QTRY_COMPARE(ended.size(), 1);
    QCOMPARE(quintptr(ended.first().at(0).value<Client *>()), firstAddress);
    QTRY_VERIFY(!first); // deleted
    QCOMPARE(server->sessions().size(), 2);
    // REST over a session's socket
    Client *other = server->sessions().first();
    QtAri::Channel *channel = other->liveChannels().first();
    QVERIFY(await(channel->hangup()).has_value());
    QTRY_COMPARE(ended.size(), 2);
    QCOMPARE(server->sessions().size(), 1);
}

void tst_Outbound::perCallRefusedFailsTheCall()
{
    QVERIFY(server->listen(QHostAddress::LocalHost));
    QSignalSpy refused(server.get(), &OutboundServer::connectionRefused);
    QSignalSpy started(server.get(), &OutboundServer::sessionStarted);
    Simulator::OutboundConnection c = connectionTo(*server, { u"pc-app"_s }, true);
    c.password = u"wrong"_s;
    sim->addOutboundConnection(c);
    const QString id = sim->startCall(u"pc-app"_s);
    QTRY_COMPARE(refused.size(), 2); // reconnectAttempts
    QTest::qWait(100);
    QCOMPARE(refused.size(), 2);
    QCOMPARE(started.size(), 0);
    // the call went back to the dialplan with STASISSTATUS FAILED (trace n)
    Client http;
    http.setUrl(sim->url());
    http.setCredentials(u"asterisk"_s, u"asterisk"_s);
    http.setApplicationNames({ u"observer"_s });
    QVERIFY(await(http.connectToServer()).has_value());
    const auto status = await(http.channels()->getChannelVar(id, u"STASISSTATUS"_s));
    QVERIFY(status.has_value());
    QCOMPARE(status->value(), u"FAILED"_s);
}

void tst_Outbound::requestsInFlightFinishWhenTheSocketDrops()
{
    Client *client = server->addApplication(u"out-app"_s);
    QVERIFY(server->listen(QHostAddress::LocalHost));
    sim->addOutboundConnection(connectionTo(*server, { u"out-app"_s }));
    QVERIFY(await(client->connectToServer()).has_value());
    const QString id = sim->startCall(u"out-app"_s);
    QTRY_VERIFY(client->channel(id));
    sim->setRestDelay(2000);
    auto get = client->channels()->get(id);
    auto post = client->channel(id)->answer();
    QTest::qWait(50);
    sim->dropWebSockets();
    const auto g = await(get);
    const auto p = await(post);
    QVERIFY(!p);
    QCOMPARE(p.error().kind(), QtAri::Error::Kind::Network); // may or may not have been carried out
    QVERIFY(!g); // no HTTP to repeat it on: it fails too, at once
    sim->setRestDelay(0);
    QTRY_COMPARE(client->state(), Client::State::Connected); // Asterisk came back by itself
}

void tst_Outbound::unnamedConnectionIsClosed()
{
    QVERIFY(server->listen(QHostAddress::LocalHost));
    QSignalSpy refused(server.get(), &OutboundServer::connectionRefused);
    QWebSocket socket;
    QNetworkRequest request(QUrl(u"ws://127.0.0.1:%1/"_s.arg(server->serverPort())));
    request.setRawHeader("Authorization", "Basic " + QByteArray("ws-user:ws-pass").toBase64());
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy closed(&socket, &QWebSocket::disconnected);
    socket.open(request);
    QVERIFY(connected.wait());
    socket.sendTextMessage(u"{\"type\":\"Nothing\"}"_s); // names no application
    QVERIFY(closed.wait(3000));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);

    // an upgrade that never ends is dropped too, and a hostile header flood is refused
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, server->serverPort());
    QVERIFY(raw.waitForConnected());
    raw.write("GET / HTTP/1.1\r\nHost: x\r\n" + QByteArray(20000, 'a'));
    QTRY_COMPARE(raw.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(refused.size(), 2);
}

void tst_Outbound::overTls()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QTemporaryDir dir;
    QSslCertificate certificate;
    QSslKey key;
    if (const QString why = makeTestCertificate(dir.path(), &certificate, &key); !why.isEmpty())
        QSKIP(qPrintable(why));
    const QList<QSslCertificate> certificates { certificate };
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificate(certificate);
    ssl.setPrivateKey(key);
    server->setSslConfiguration(ssl);
    Client *client = server->addApplication(u"out-app"_s);
    QVERIFY(server->listen(QHostAddress::LocalHost));
    Simulator::OutboundConnection c = connectionTo(*server, { u"out-app"_s });
    c.uri.setScheme(u"wss"_s);
    c.ssl.setCaCertificates(certificates);
    sim->addOutboundConnection(c);
    QVERIFY(await(client->connectToServer()).has_value());
    const QString id = sim->startCall(u"out-app"_s);
    QTRY_VERIFY(client->channel(id));
    QVERIFY(await(client->channel(id)->answer()).has_value());
}

QTEST_GUILESS_MAIN(tst_Outbound)
#include "tst_outbound.moc"
