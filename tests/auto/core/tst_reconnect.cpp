// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Reconnect with backoff, resync after reconnect, keepalive, and the ReconnectPolicy arithmetic.

#include <QtAri/Channel>
#include <QtAri/Client>
#include <QtAri/ReconnectPolicy>
#include <QtAri/Testing/Simulator>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;
using QtAri::Client;
using QtAri::Error;
using QtAri::ReconnectPolicy;

class tst_Reconnect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void policyDelaysGrowAndCap();
    void policyJitterStaysInBounds();
    void policyAttempts();

    void reconnectsAfterRepeatedDrops();
    void resyncAfterReconnectMatchesServer();
    void growingDelaysWhileServerIsDown();
    void givesUpAfterMaxAttempts();
    void failingResyncIsRetried();
    void keepaliveDetectsStalledSocket();
    void disconnectWhileReconnectingStops();

private:
    std::unique_ptr<Client> makeClient();
    static QStringList sorted(QStringList list)
    {
        list.sort();
        return list;
    }
    QStringList serverChannelIds() const;
    static QStringList liveChannelIds(const Client &client);

    std::unique_ptr<QtAri::Testing::Simulator> m_sim;
};

void tst_Reconnect::init()
{
    m_sim = std::make_unique<QtAri::Testing::Simulator>();
    QVERIFY(m_sim->start());
}

void tst_Reconnect::cleanup() { m_sim.reset(); }

std::unique_ptr<Client> tst_Reconnect::makeClient()
{
    auto client = std::make_unique<Client>();
    client->setUrl(m_sim->url());
    client->setCredentials(u"asterisk"_s, u"asterisk"_s);
    client->setApplicationNames({ u"reconnect-app"_s });
    client->setRequestTimeout(3000);
    ReconnectPolicy policy;
    policy.setInitialDelay(20);
    policy.setMultiplier(2.0);
    policy.setMaxDelay(400);
    policy.setJitter(0.0);
    client->setReconnectPolicy(policy);
    return client;
}

QStringList tst_Reconnect::serverChannelIds() const
{
    QStringList ids;
    const QJsonArray channels = m_sim->channels();
    for (const QJsonValue &value : channels)
        ids << value.toObject().value(u"id"_s).toString();
    return sorted(ids);
}

QStringList tst_Reconnect::liveChannelIds(const Client &client)
{
    QStringList ids;
    const auto channels = client.liveChannels();
    for (const QtAri::Channel *channel : channels)
        ids << channel->id();
    return sorted(ids);
}

void tst_Reconnect::policyDelaysGrowAndCap()
{
    ReconnectPolicy policy;
    policy.setInitialDelay(100);
    policy.setMultiplier(3.0);
    policy.setMaxDelay(1000);
    policy.setJitter(0.0);
    QCOMPARE(policy.delay(1, 0.9), 100);
    QCOMPARE(policy.delay(2, 0.1), 300);
    QCOMPARE(policy.delay(3, 0.5), 900);
    QCOMPARE(policy.delay(4, 0.5), 1000);
    QCOMPARE(policy.delay(1000, 0.5), 1000); // no overflow far out
    policy.setMultiplier(0.5);               // never shrinks
    QCOMPARE(policy.multiplier(), 1.0);
}

void tst_Reconnect::policyJitterStaysInBounds()
{
    ReconnectPolicy policy;
    policy.setInitialDelay(1000);
    policy.setMultiplier(1.0);
    policy.setMaxDelay(5000);
    policy.setJitter(0.25);
    QCOMPARE(policy.delay(1, 0.0), 750);
    QCOMPARE(policy.delay(1, 0.5), 1000);
    QVERIFY(policy.delay(1, 0.999) <= 1250 && policy.delay(1, 0.999) > 1240);
    policy.setInitialDelay(5000); // jitter never pushes past the cap
    QVERIFY(policy.delay(1, 0.999) <= 5000);
    policy.setJitter(7.0);
    QCOMPARE(policy.jitter(), 1.0);
}

void tst_Reconnect::policyAttempts()
{
    ReconnectPolicy policy;
    QCOMPARE(policy.maxAttempts(), -1);
    QVERIFY(policy.allowsAttempt(1'000'000));
    policy.setMaxAttempts(3);
    QVERIFY(policy.allowsAttempt(3));
    QVERIFY(!policy.allowsAttempt(4));
    policy.setMaxAttempts(0);
    QVERIFY(!policy.allowsAttempt(1));
    ReconnectPolicy copy = policy;
    QCOMPARE(copy, policy);
    copy.setInitialDelay(1);
    QVERIFY(copy != policy);
}

void tst_Reconnect::reconnectsAfterRepeatedDrops()
{
    auto client = makeClient();
    QSignalSpy states(client.get(), &Client::stateChanged);
    QSignalSpy connected(client.get(), &Client::connected);
    QSignalSpy reconnecting(client.get(), &Client::reconnecting);
    QSignalSpy errors(client.get(), &Client::errorOccurred);
    QSignalSpy started(client.get(), &Client::stasisStarted);
    auto future = client->connectToServer();
    QTRY_VERIFY(future.isFinished());
    QVERIFY(future.result().has_value());

    const int drops = 4;
    for (int i = 0; i < drops; ++i) {
        const auto code = i % 2 ? QWebSocketProtocol::CloseCodeGoingAway
                                : QWebSocketProtocol::CloseCodeAbnormalDisconnection;
        m_sim->dropWebSockets(code);
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), i + 2, 10000);
        QCOMPARE(client->state(), Client::State::Connected);
        // Events flow again after every reconnect.
        m_sim->startCall(u"reconnect-app"_s);
        QTRY_COMPARE(started.size(), i + 1);
    }
    QCOMPARE(connected.size(), drops + 1);
    QCOMPARE(reconnecting.size(), drops); // each drop: one successful attempt, attempt 1
    for (const auto &args : std::as_const(reconnecting))
        QCOMPARE(args.at(0).toInt(), 1);
    QVERIFY(errors.size() >= drops); // each loss is reported
    // Connecting, Connected, then (Reconnecting, Connected) per drop.
    QList<Client::State> expected { Client::State::Connecting, Client::State::Connected };
    for (int i = 0; i < drops; ++i)
        expected << Client::State::Reconnecting << Client::State::Connected;
    QList<Client::State> seen;
    for (const auto &args : std::as_const(states))
        seen << args.at(0).value<Client::State>();
    QCOMPARE(seen, expected);
    QCOMPARE(m_sim->webSocketCount(), 1);
    QCOMPARE(liveChannelIds(*client), serverChannelIds());
}

void tst_Reconnect::resyncAfterReconnectMatchesServer()
{
    auto client = makeClient();
    const QString kept = m_sim->startCall(u"reconnect-app"_s);
    const QString vanishing = m_sim->startCall(u"reconnect-app"_s);
    auto future = client->connectToServer();
    QTRY_VERIFY(future.isFinished());
    QVERIFY(future.result().has_value());
    QCOMPARE(liveChannelIds(*client), serverChannelIds());
    QPointer<QtAri::Channel> gone = client->channel(vanishing);
    QVERIFY(gone);
    const auto goneAddress = reinterpret_cast<quintptr>(gone.data());
    QSignalSpy removed(client.get(), &Client::channelRemoved);
    QSignalSpy added(client.get(), &Client::channelAdded);

    // While the client is cut off, the server's state moves on and the events are lost.
    m_sim->setRefuseConnections(true);
    m_sim->dropWebSockets();
    QTRY_COMPARE(client->state(), Client::State::Reconnecting);
    m_sim->hangupChannel(vanishing);
    const QString appeared = m_sim->startCall(u"reconnect-app"_s);
    QCOMPARE(client->channel(appeared), nullptr);
    m_sim->setRefuseConnections(false);

    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Connected, 10000);
    QCOMPARE(liveChannelIds(*client), serverChannelIds());
    QVERIFY(client->channel(kept));
    QVERIFY(client->channel(appeared));
    QCOMPARE(client->channel(vanishing), nullptr);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(reinterpret_cast<quintptr>(removed.at(0).at(0).value<QtAri::Channel *>()),
             goneAddress);
    QCOMPARE(added.size(), 1);
    QTRY_VERIFY(!gone); // deleted later
}

void tst_Reconnect::growingDelaysWhileServerIsDown()
{
    auto client = makeClient();
    auto future = client->connectToServer();
    QTRY_VERIFY(future.isFinished());
    QVERIFY(future.result().has_value());
    QSignalSpy reconnecting(client.get(), &Client::reconnecting);

    m_sim->setRefuseConnections(true);
    m_sim->dropWebSockets();
    QTRY_VERIFY_WITH_TIMEOUT(reconnecting.size() >= 6, 20000);
    m_sim->setRefuseConnections(false);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Connected, 10000);

    // 20, 40, 80, 160, 320, then capped at 400; attempts count up from 1.
    const QList<int> expected { 20, 40, 80, 160, 320, 400 };
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(reconnecting.at(i).at(0).toInt(), i + 1);
        QCOMPARE(reconnecting.at(i).at(1).toInt(), expected.at(i));
    }
}

void tst_Reconnect::givesUpAfterMaxAttempts()
{
    auto client = makeClient();
    ReconnectPolicy policy = client->reconnectPolicy();
    policy.setMaxAttempts(3);
    client->setReconnectPolicy(policy);
    auto future = client->connectToServer();
    QTRY_VERIFY(future.isFinished());
    QVERIFY(future.result().has_value());
    const QString id = m_sim->startCall(u"reconnect-app"_s);
    QTRY_VERIFY(client->channel(id));
    QSignalSpy reconnecting(client.get(), &Client::reconnecting);
    QSignalSpy disconnected(client.get(), &Client::disconnected);
    QSignalSpy errors(client.get(), &Client::errorOccurred);

    m_sim->setRefuseConnections(true);
    m_sim->dropWebSockets();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 10000);
    QCOMPARE(client->state(), Client::State::Disconnected);
    QCOMPARE(reconnecting.size(), 3);
    QCOMPARE(errors.constLast().at(0).value<Error>().kind(), Error::Kind::NotConnected);
    QCOMPARE(client->liveChannels().size(), 0); // the view is cleared, not left stale

    // connectToServer() after giving up starts afresh.
    m_sim->setRefuseConnections(false);
    auto again = client->connectToServer();
    QTRY_VERIFY(again.isFinished());
    QVERIFY(again.result().has_value());
    QTRY_VERIFY(client->channel(id));
}

void tst_Reconnect::failingResyncIsRetried()
{
    auto client = makeClient();
    auto future = client->connectToServer();
    QTRY_VERIFY(future.isFinished());
    QVERIFY(future.result().has_value());
    QSignalSpy reconnecting(client.get(), &Client::reconnecting);
    QSignalSpy errors(client.get(), &Client::errorOccurred);

    // The socket comes back at once, but the server fails the listings for a while.
    m_sim->failRestRequests(4, 500);
    m_sim->dropWebSockets();
    QTRY_VERIFY(!reconnecting.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Connected, 10000);
    QVERIFY(reconnecting.size() >= 2);
    bool sawHttp500 = false;
    for (const auto &args : std::as_const(errors))
        sawHttp500 |= args.at(0).value<Error>().httpStatus() == 500;
    QVERIFY(sawHttp500);
    QCOMPARE(liveChannelIds(*client), serverChannelIds());
}

void tst_Reconnect::keepaliveDetectsStalledSocket()
{
    auto client = makeClient();
    client->setKeepalive(100, 500);
    QSignalSpy errors(client.get(), &Client::errorOccurred);
    auto future = client->connectToServer();
    QTRY_VERIFY(future.isFinished());
    QVERIFY(future.result().has_value());

    QSignalSpy reconnecting(client.get(), &Client::reconnecting);
    m_sim->setWebSocketsStalled(true);
    QTRY_VERIFY_WITH_TIMEOUT(!reconnecting.isEmpty(), 10000);
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errors.at(0).at(0).value<Error>().kind(), Error::Kind::Timeout);
    m_sim->setWebSocketsStalled(false);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Connected, 10000);

    // A healthy socket stays up across many pings.
    QSignalSpy states(client.get(), &Client::stateChanged);
    QTest::qWait(800);
    QCOMPARE(states.size(), 0);
}

void tst_Reconnect::disconnectWhileReconnectingStops()
{
    auto client = makeClient();
    auto future = client->connectToServer();
    QTRY_VERIFY(future.isFinished());
    QSignalSpy reconnecting(client.get(), &Client::reconnecting);
    QSignalSpy disconnected(client.get(), &Client::disconnected);
    m_sim->setRefuseConnections(true);
    m_sim->dropWebSockets();
    QTRY_VERIFY(reconnecting.size() >= 1);
    auto waiting = client->connectToServer(); // joins the reconnect
    QVERIFY(!waiting.isFinished());
    client->disconnectFromServer();
    QVERIFY(waiting.isFinished());
    QCOMPARE(waiting.result().error().kind(), Error::Kind::NotConnected);
    QCOMPARE(client->state(), Client::State::Disconnected);
    QCOMPARE(disconnected.size(), 1);
    const auto attempts = reconnecting.size();
    m_sim->setRefuseConnections(false);
    QTest::qWait(200);
    QCOMPARE(reconnecting.size(), attempts);
    QCOMPARE(client->state(), Client::State::Disconnected);
    QCOMPARE(m_sim->webSocketCount(), 0);
}

QTEST_GUILESS_MAIN(tst_Reconnect)
#include "tst_reconnect.moc"
