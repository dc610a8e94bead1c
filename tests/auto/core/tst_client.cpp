// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// QtAri::Client against the simulator: connect/ready, typed connection errors, pending futures,
// bad frames, credentials in logs, hostile ids.

#include <QtAri/Channel>
#include <QtAri/ChannelsApi>
#include <QtAri/Client>
#include <QtAri/Testing/Simulator>

#include <QtCore/QLoggingCategory>
#include <QtCore/QMutex>
#include <QtCore/QPointer>
#include <QtNetwork/QTcpServer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;
using QtAri::Client;
using QtAri::Error;

namespace {

// Captures every message while alive (all categories, debug included).
class MessageCapture
{
public:
    MessageCapture()
    {
        s_current = this;
        m_previous = qInstallMessageHandler(&MessageCapture::handler);
    }
    ~MessageCapture()
    {
        qInstallMessageHandler(m_previous);
        s_current = nullptr;
    }
    QStringList lines() const
    {
        QMutexLocker lock(&m_mutex);
        return m_lines;
    }
    int count(QtMsgType type, const char *category) const
    {
        QMutexLocker lock(&m_mutex);
        int n = 0;
        for (const auto &entry : m_entries)
            n += entry.first == type && entry.second == QByteArrayView(category);
        return n;
    }

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (MessageCapture *self = s_current) {
            QMutexLocker lock(&self->m_mutex);
            self->m_lines << message;
            self->m_entries.append({ type, QByteArray(context.category ? context.category : "") });
        }
    }
    static inline MessageCapture *s_current = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QStringList m_lines;
    QList<std::pair<QtMsgType, QByteArray>> m_entries;
};

template<class T>
QByteArray errorText(const QtAri::Result<T> &result)
{
    return result ? QByteArray() : result.error().toString().toUtf8();
}

quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class tst_Client : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void connectsToReady();
    void connectWhileConnectedFinishesAtOnce();
    void configurationErrorsAreImmediate();
    void wrongPasswordIsHttp401();
    void unreachablePortIsNetworkError();
    void silentServerIsTimeout();
    void restErrorsCarryStatusAndMessage();
    void failingResyncFailsConnect();
    void hundredPendingOnDeadServerAllFail();
    void disconnectFailsPendingFutures();
    void destroyingClientAbortsPendingFutures();
    void badFramesAreReportedAndStreamContinues_data();
    void badFramesAreReportedAndStreamContinues();
    void unknownEventIsDeliveredRaw();
    void framesLargerThanTheReadBufferArriveWhole();
    void credentialsNeverInUrlOrLogs();
    void hostileIdsStayInTheirSegment_data();
    void hostileIdsStayInTheirSegment();

private:
    std::unique_ptr<Client> makeClient(const QString &password = u"asterisk"_s);
    bool connectClient(Client *client);

    std::unique_ptr<QtAri::Testing::Simulator> m_sim;
};

void tst_Client::init()
{
    m_sim = std::make_unique<QtAri::Testing::Simulator>();
    QVERIFY(m_sim->start());
}

void tst_Client::cleanup() { m_sim.reset(); }

std::unique_ptr<Client> tst_Client::makeClient(const QString &password)
{
    auto client = std::make_unique<Client>();
    client->setUrl(m_sim->url());
    client->setCredentials(u"asterisk"_s, password);
    client->setApplicationNames({ u"test-app"_s });
    client->setRequestTimeout(5000);
    return client;
}

bool tst_Client::connectClient(Client *client)
{
    auto future = client->connectToServer();
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10000))
        return false;
    return future.result().has_value() && client->state() == Client::State::Connected;
}

void tst_Client::connectsToReady()
{
    const QString existing = m_sim->startCall(u"test-app"_s);
    auto client = makeClient();
    QSignalSpy states(client.get(), &Client::stateChanged);
    QSignalSpy connected(client.get(), &Client::connected);
    QSignalSpy errors(client.get(), &Client::errorOccurred);
    QCOMPARE(client->state(), Client::State::Disconnected);

    auto future = client->connectToServer();
    QCOMPARE(client->state(), Client::State::Connecting);
    QTRY_VERIFY(future.isFinished());
    QVERIFY2(future.result().has_value(), errorText(future.result()).constData());
    QCOMPARE(client->state(), Client::State::Connected);
    QCOMPARE(connected.size(), 1);
    QCOMPARE(errors.size(), 0);
    QCOMPARE(states.size(), 2);
    QCOMPARE(states.at(0).at(0).value<Client::State>(), Client::State::Connecting);
    QCOMPARE(states.at(1).at(0).value<Client::State>(), Client::State::Connected);
    QCOMPARE(m_sim->webSocketCount(), 1);

    // Ready means the resync ran: the call that existed before is a live object already.
    QVERIFY(client->channel(existing));
    QCOMPARE(client->liveChannels().size(), 1);

    // ... and events flow.
    QSignalSpy started(client.get(), &Client::stasisStarted);
    const QString id = m_sim->startCall(u"test-app"_s, { u"a1"_s, u"a2"_s });
    QTRY_COMPARE(started.size(), 1);
    auto *channel = started.at(0).at(0).value<QtAri::Channel *>();
    QVERIFY(channel);
    QCOMPARE(channel->id(), id);
    QCOMPARE(started.at(0).at(1).toStringList(), QStringList({ u"a1"_s, u"a2"_s }));
    QCOMPARE(client->channel(id), channel);

    // ... and so do operations.
    auto list = client->channels()->list();
    QTRY_VERIFY(list.isFinished());
    QVERIFY(list.result().has_value());
    QCOMPARE(list.result().value().size(), 2);
}

void tst_Client::connectWhileConnectedFinishesAtOnce()
{
    auto client = makeClient();
    QVERIFY(connectClient(client.get()));
    auto again = client->connectToServer();
    QVERIFY(again.isFinished());
    QVERIFY(again.result().has_value());
    QCOMPARE(m_sim->webSocketCount(), 1);
}

void tst_Client::configurationErrorsAreImmediate()
{
    Client client;
    auto noUrl = client.connectToServer();
    QVERIFY(noUrl.isFinished());
    QCOMPARE(noUrl.result().error().kind(), Error::Kind::InvalidArgument);

    client.setUrl(m_sim->url());
    auto noApp = client.connectToServer();
    QVERIFY(noApp.isFinished());
    QCOMPARE(noApp.result().error().kind(), Error::Kind::InvalidArgument);
    QCOMPARE(client.state(), Client::State::Disconnected);

    client.setUrl(QUrl(u"ftp://127.0.0.1/"_s));
    client.setApplicationNames({ u"x"_s });
    auto badScheme = client.connectToServer();
    QVERIFY(badScheme.isFinished());
    QCOMPARE(badScheme.result().error().kind(), Error::Kind::InvalidArgument);
}

void tst_Client::wrongPasswordIsHttp401()
{
    auto client = makeClient(u"wrong"_s);
    client->setRequestTimeout(60000); // the answer must come from the server, not a timeout
    QSignalSpy errors(client.get(), &Client::errorOccurred);
    auto future = client->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
    QVERIFY(!future.result().has_value());
    const Error error = future.result().error();
    QCOMPARE(error.kind(), Error::Kind::Http);
    QCOMPARE(error.httpStatus(), 401);
    QVERIFY(!error.operation().isEmpty());
    QCOMPARE(client->state(), Client::State::Disconnected);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).value<Error>().httpStatus(), 401);
    QCOMPARE(m_sim->webSocketCount(), 0);
}

void tst_Client::unreachablePortIsNetworkError()
{
    Client client;
    client.setUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort())));
    client.setCredentials(u"asterisk"_s, u"asterisk"_s);
    client.setApplicationNames({ u"test-app"_s });
    client.setRequestTimeout(60000);
    QSignalSpy disconnected(&client, &Client::disconnected);
    auto future = client.connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
    QCOMPARE(future.result().error().kind(), Error::Kind::Network);
    QVERIFY(!future.result().error().message().isEmpty());
    QCOMPARE(client.state(), Client::State::Disconnected);
    QCOMPARE(disconnected.size(), 0); // it never was connected
}

void tst_Client::silentServerIsTimeout()
{
    // Accepts TCP connections and never answers: the handshake must give up after the timeout.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    Client client;
    client.setUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort())));
    client.setApplicationNames({ u"test-app"_s });
    client.setRequestTimeout(300);
    auto future = client.connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
    QCOMPARE(future.result().error().kind(), Error::Kind::Timeout);
    QCOMPARE(client.state(), Client::State::Disconnected);
}

void tst_Client::restErrorsCarryStatusAndMessage()
{
    auto client = makeClient();
    QVERIFY(connectClient(client.get()));
    auto future = client->channels()->get(u"no-such-channel"_s);
    QTRY_VERIFY(future.isFinished());
    const Error error = future.result().error();
    QCOMPARE(error.kind(), Error::Kind::Http);
    QCOMPARE(error.httpStatus(), 404);
    QVERIFY(!error.message().isEmpty());
    QCOMPARE(error.operation(), u"channels.get"_s);
}

void tst_Client::failingResyncFailsConnect()
{
    // The socket opens but listing channels/bridges fails: not ready, and the error says why.
    auto client = makeClient();
    m_sim->failRestRequests(2, 503);
    auto future = client->connectToServer();
    QTRY_VERIFY(future.isFinished());
    QVERIFY(!future.result().has_value());
    QCOMPARE(future.result().error().kind(), Error::Kind::Http);
    QCOMPARE(future.result().error().httpStatus(), 503);
    QCOMPARE(client->state(), Client::State::Disconnected);
    QTRY_COMPARE(m_sim->webSocketCount(), 0);
    // The next attempt works.
    QVERIFY(connectClient(client.get()));
}

void tst_Client::hundredPendingOnDeadServerAllFail()
{
    auto client = makeClient();
    QVERIFY(connectClient(client.get()));
    client->setRequestTimeout(400);
    m_sim->setRestDelay(60000);
    QList<QFuture<QtAri::Result<QtAri::ChannelInfo>>> futures;
    for (int i = 0; i < 100; ++i)
        futures << client->channels()->get(u"c%1"_s.arg(i));
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(futures.cbegin(), futures.cend(),
                                         [](const auto &f) { return f.isFinished(); }),
                             20000);
    for (const auto &future : std::as_const(futures)) {
        QVERIFY(!future.result().has_value());
        QCOMPARE(future.result().error().kind(), Error::Kind::Timeout);
        QCOMPARE(future.result().error().operation(), u"channels.get"_s);
    }
}

void tst_Client::disconnectFailsPendingFutures()
{
    auto client = makeClient();
    QVERIFY(connectClient(client.get()));
    const QString id = m_sim->startCall(u"test-app"_s);
    QTRY_VERIFY(client->channel(id));
    QPointer<QtAri::Channel> channel = client->channel(id);
    QSignalSpy removed(client.get(), &Client::channelRemoved);
    QSignalSpy disconnected(client.get(), &Client::disconnected);

    m_sim->setRestDelay(60000);
    QList<QFuture<QtAri::Result<QList<QtAri::ChannelInfo>>>> futures;
    for (int i = 0; i < 10; ++i)
        futures << client->channels()->list();
    client->disconnectFromServer();
    for (const auto &future : std::as_const(futures)) {
        QVERIFY(future.isFinished());
        QCOMPARE(future.result().error().kind(), Error::Kind::NotConnected);
    }
    QCOMPARE(client->state(), Client::State::Disconnected);
    QCOMPARE(disconnected.size(), 1);
    // The live objects went with the connection.
    QCOMPARE(removed.size(), 1);
    QVERIFY(!client->channel(id));
    QTRY_VERIFY(!channel);
    QTRY_COMPARE(m_sim->webSocketCount(), 0);

    // A stopped client can connect again.
    m_sim->setRestDelay(0);
    QVERIFY(connectClient(client.get()));
    QTRY_VERIFY(client->channel(id));
}

void tst_Client::destroyingClientAbortsPendingFutures()
{
    auto client = makeClient();
    QVERIFY(connectClient(client.get()));
    m_sim->setRestDelay(60000);
    auto pending = client->channels()->list();
    client.reset();
    QVERIFY(pending.isFinished());
    QCOMPARE(pending.result().error().kind(), Error::Kind::Aborted);

    // Destroyed while connecting.
    auto connecting = makeClient();
    auto future = connecting->connectToServer();
    connecting.reset();
    QVERIFY(future.isFinished());
    QCOMPARE(future.result().error().kind(), Error::Kind::Aborted);
}

void tst_Client::badFramesAreReportedAndStreamContinues_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("not json") << QByteArray("this is not json");
    QTest::newRow("truncated") << QByteArray(R"({"type":"StasisStart","channel":{"id":"x","na)");
    QTest::newRow("array") << QByteArray(R"([1,2,3])");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("wrong field type")
            << QByteArray(R"({"type":"ChannelDtmfReceived","digit":5,"duration_ms":"x","channel":7})");
    QTest::newRow("oversized") << QByteArray(R"({"type":"Oversized","padding":")")
                                          + QByteArray(4 * 1024 * 1024, 'x') + QByteArray(R"(" )");
}

void tst_Client::badFramesAreReportedAndStreamContinues()
{
    QFETCH(QByteArray, frame);
    auto client = makeClient();
    QVERIFY(connectClient(client.get()));
    QSignalSpy errors(client.get(), &Client::errorOccurred);
    QSignalSpy started(client.get(), &Client::stasisStarted);
    MessageCapture capture;

    m_sim->sendRawFrame(frame);
    QTRY_COMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).value<Error>().kind(), Error::Kind::InvalidResponse);
    QVERIFY(capture.count(QtWarningMsg, "qtari.events") >= 1);

    // The stream goes on, on the same socket.
    m_sim->startCall(u"test-app"_s);
    QTRY_COMPARE(started.size(), 1);
    QCOMPARE(client->state(), Client::State::Connected);
    QCOMPARE(errors.size(), 1);
}

void tst_Client::unknownEventIsDeliveredRaw()
{
    auto client = makeClient();
    QVERIFY(connectClient(client.get()));
    QSignalSpy events(client.get(), &Client::eventReceived);
    QSignalSpy errors(client.get(), &Client::errorOccurred);
    MessageCapture capture;
    m_sim->sendRawFrame(R"({"type":"FromTheFuture","application":"test-app","answer":42})");
    QTRY_COMPARE(events.size(), 1);
    const auto event = events.at(0).at(0).value<QtAri::Event>();
    QCOMPARE(event.type(), QtAri::EventType::Unknown);
    QCOMPARE(event.json().value(u"answer"_s).toInt(), 42);
    QCOMPARE(errors.size(), 0);
    QVERIFY(capture.count(QtWarningMsg, "qtari.events") >= 1);
}

// The event socket reads ahead only a bounded amount (so a flood stays in the kernel, not in our
// heap); a frame several times that size must still arrive whole, and the stream go on after it.
void tst_Client::framesLargerThanTheReadBufferArriveWhole()
{
    auto client = makeClient();
    QVERIFY(connectClient(client.get()));
    QSignalSpy events(client.get(), &Client::eventReceived);
    QSignalSpy errors(client.get(), &Client::errorOccurred);
    QSignalSpy started(client.get(), &Client::stasisStarted);
    const QByteArray padding(3 * 1024 * 1024 + 17, 'p');
    m_sim->sendRawFrame(R"({"type":"FromTheFuture","application":"test-app","padding":")" + padding
                        + R"("})");
    QTRY_COMPARE(events.size(), 1);
    const auto event = events.at(0).at(0).value<QtAri::Event>();
    QCOMPARE(event.json().value(u"padding"_s).toString().size(), padding.size());
    m_sim->startCall(u"test-app"_s);
    QTRY_COMPARE(started.size(), 1);
    QCOMPARE(errors.size(), 0);
    QCOMPARE(client->state(), Client::State::Connected);
}

void tst_Client::credentialsNeverInUrlOrLogs()
{
    const QString password = u"Sup3rS3cretPw"_s;
    m_sim->addUser(u"bob"_s, password);
    QLoggingCategory::setFilterRules(u"qtari.*.debug=true"_s);
    MessageCapture capture;
    {
        Client client;
        QUrl url = m_sim->url();
        url.setUserName(u"bob"_s);
        url.setPassword(password);
        url.setQuery(u"api_key=bob:%1"_s.arg(password));
        client.setUrl(url);
        client.setApplicationNames({ u"test-app"_s });
        QVERIFY(!client.url().toString().contains(password));
        QVERIFY(client.url().userInfo().isEmpty());
        QCOMPARE(client.user(), u"bob"_s);
        QVERIFY(connectClient(&client));
        auto list = client.channels()->list();
        QTRY_VERIFY(list.isFinished());
        QVERIFY(list.result().has_value());
        QSignalSpy connected(&client, &Client::connected);
        m_sim->dropWebSockets();
        QTRY_COMPARE(connected.size(), 1); // reconnected, and logged doing so

        // A failing login logs too, and must not show what was tried.
        Client wrong;
        QUrl wrongUrl = m_sim->url();
        wrongUrl.setUserName(u"bob"_s);
        wrongUrl.setPassword(password + u"X"_s);
        wrong.setUrl(wrongUrl);
        wrong.setApplicationNames({ u"test-app"_s });
        auto failed = wrong.connectToServer();
        QTRY_VERIFY(failed.isFinished());
        QCOMPARE(failed.result().error().httpStatus(), 401);
        QVERIFY(!failed.result().error().toString().contains(password));
    }
    QLoggingCategory::setFilterRules(QString());
    const QStringList lines = capture.lines();
    QVERIFY(lines.size() > 3); // debug logging was on
    const QString encoded = QString::fromLatin1((u"bob:"_s + password).toUtf8().toBase64());
    for (const QString &line : lines) {
        QVERIFY2(!line.contains(password), qPrintable(line));
        QVERIFY2(!line.contains(encoded), qPrintable(line));
    }
}

void tst_Client::hostileIdsStayInTheirSegment_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("slash") << u"a/b"_s;
    QTest::newRow("question") << u"a?b=c"_s;
    QTest::newRow("hash") << u"a#b"_s;
    QTest::newRow("percent") << u"100%25x"_s;
    QTest::newRow("dots") << u"../bridges"_s;
    QTest::newRow("unicode") << u"kanal-été-通话"_s;
}

void tst_Client::hostileIdsStayInTheirSegment()
{
    QFETCH(QString, id);
    auto client = makeClient();
    QVERIFY(connectClient(client.get()));
    // Unknown: the server must see the whole id as one channel id and answer 404.
    auto missing = client->channels()->get(id);
    QTRY_VERIFY(missing.isFinished());
    QCOMPARE(missing.result().error().httpStatus(), 404);

    // Known: a channel with that very id round-trips.
    const QString created = m_sim->startCall(u"test-app"_s, {}, id);
    QCOMPARE(created, id);
    auto found = client->channels()->get(id);
    QTRY_VERIFY(found.isFinished());
    QVERIFY2(found.result().has_value(), errorText(found.result()).constData());
    QCOMPARE(found.result()->id(), id);
    QTRY_VERIFY(client->channel(id));
}

QTEST_GUILESS_MAIN(tst_Client)
#include "tst_client.moc"
