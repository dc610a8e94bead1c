// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
//
// The mirror's contract, in both subscription modes, against the simulator's own objects:
//  - targeted cases for the paths where Asterisk sends no terminal event (a bridge destroyed
//    without subscription, a device state deleted), for what a resync adopts, and for a listing
//    the server refuses;
//  - a seeded random walk over what happens to an ARI application (originate with and without an
//    application, pre-created objects, calls started by the server, answer, bridges, playbacks,
//    recordings, hangups from either side, subscriptions, device states, socket drops, stalls).
//    At every quiescent point the live objects and both models must equal the server's listings
//    filtered by the mode's definition, and no ended object may still be listed.
//
// QTARI_MIRROR_WALKS / QTARI_MIRROR_STEPS / QTARI_MIRROR_SEED override the walk's size and seed
// (`./dev soak` runs a long one). A failing walk prints its seed and the steps that led there.
#include <QtAri/ApplicationsApi>
#include <QtAri/BridgeModel>
#include <QtAri/BridgesApi>
#include <QtAri/ChannelModel>
#include <QtAri/ChannelsApi>
#include <QtAri/Client>
#include <QtAri/DeviceStatesApi>
#include <QtAri/MailboxesApi>
#include <QtAri/Testing/Simulator>
#include <QtAri/bridge.h>
#include <QtAri/channel.h>
#include <QtAri/devicestate.h>
#include <QtAri/liverecording.h>
#include <QtAri/mailbox.h>
#include <QtAri/playback.h>

#include <QtCore/QEventLoop>
#include <QtCore/QFutureWatcher>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtCore/QPointer>
#include <QtCore/QRandomGenerator>
#include <QtCore/QScopeGuard>
#include <QtCore/QSet>
#include <QtCore/QTimer>
#include <QtNetwork/QHostAddress>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include "coretestutil.h"

#include <memory>

using namespace Qt::StringLiterals;
using QtAri::Client;
using QtAri::Testing::Simulator;

namespace {

const QString app = u"test-app"_s;

// Runs the event loop for \a ms, handling events as they come (QTest::qWait sleeps in 10 ms steps,
// which would dominate a walk of thousands of steps).
void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

std::unique_ptr<Client> makeClient(const Simulator &sim, bool subscribeAll, const QString &name = app,
                                   int pingMs = 150)
{
    auto client = std::make_unique<Client>();
    client->setUrl(sim.url());
    client->setCredentials(u"asterisk"_s, u"asterisk"_s);
    client->setApplicationNames({ name });
    client->setSubscribeAll(subscribeAll);
    QtAri::ReconnectPolicy policy;
    policy.setInitialDelay(20);
    policy.setMaxDelay(100);
    client->setReconnectPolicy(policy);
    client->setKeepalive(pingMs, 2 * pingMs);
    return client;
}

QSet<QString> idsOf(const QJsonArray &array)
{
    QSet<QString> ids;
    for (const QJsonValue &v : array)
        ids.insert(v.toObject().value(u"id"_s).toString());
    return ids;
}

template<class T>
QSet<QString> idsOf(const QList<T *> &objects)
{
    QSet<QString> ids;
    for (T *object : objects)
        ids.insert(object->id());
    return ids;
}

QSet<QString> modelIds(const QAbstractItemModel &model, int role)
{
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.insert(model.index(row, 0).data(role).toString());
    return ids;
}

QString describe(const QSet<QString> &ids)
{
    QStringList list(ids.begin(), ids.end());
    list.sort();
    return u"{"_s + list.join(u", "_s) + u"}"_s;
}

// Every channel and bridge named anywhere in an event (top-level and nested snapshots).
void collectIds(const QJsonValue &value, QSet<QString> &channels, QSet<QString> &bridges)
{
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collectIds(v, channels, bridges);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    if (object.contains(u"dialplan"_s) && object.contains(u"id"_s))
        channels.insert(object.value(u"id"_s).toString());
    if (object.contains(u"bridge_type"_s) && object.contains(u"id"_s))
        bridges.insert(object.value(u"id"_s).toString());
    for (auto it = object.begin(); it != object.end(); ++it)
        collectIds(it.value(), channels, bridges);
}

} // namespace

class tst_Mirror : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bridgeDestroyedWithoutEvent();
    void resyncAdoptsOnlyWhatTheApplicationHears_data();
    void resyncAdoptsOnlyWhatTheApplicationHears();
    void dialplanChannelIsFollowedToItsEnd();
    void stasisCallIsFollowedPastStasisEnd_data();
    void stasisCallIsFollowedPastStasisEnd();
    void callEndedBeforeItsSubscriptionKeepsItsCause();
    void hangupWaitsForTheEventsData();
    void hangupKeepsItsCauseWhenTheEventsAreLate();
    void deviceStateDeleted();
    void subscriptionsComeBackAfterARestart();
    void refusedListingDoesNotFailTheConnect();
    void subscribeAdoptsAndUnsubscribeLetsGo();
    void unsubscribeOfAForgottenSubscriptionLetsGo();
    void mailboxFollowsItsOwnOperations();
    void randomWalk_data();
    void randomWalk();
};

// Asterisk sends no BridgeDestroyed to an application that is not subscribed to the bridge (trace
// b2); the bridge the client created must still end when destroy() succeeds.
void tst_Mirror::bridgeDestroyedWithoutEvent()
{
    Simulator sim;
    QVERIFY(sim.start());
    auto client = makeClient(sim, false);
    QVERIFY(await(client->connectToServer()).has_value());
    QtAri::BridgeModel bridges(client.get());

    QtAri::Bridge *bridge = client->newBridge();
    const QString id = bridge->id();
    QSignalSpy ended(bridge, &QtAri::Bridge::ended);
    QVERIFY(await(bridge->create({ .type = u"mixing"_s })).has_value());
    QCOMPARE(bridges.rowCount(), 1);
    QVERIFY(await(bridge->destroy()).has_value());
    // When destroy() has finished, the bridge has ended, once.
    QCOMPARE(ended.size(), 1);
    QCOMPARE(client->bridge(id), nullptr);
    QCOMPARE(bridges.rowCount(), 0);
    QTest::qWait(50);
    QCOMPARE(ended.size(), 1);
}

void tst_Mirror::resyncAdoptsOnlyWhatTheApplicationHears_data()
{
    QTest::addColumn<bool>("subscribeAll");
    QTest::newRow("default") << false;
    QTest::newRow("subscribeAll") << true;
}

// At connect the server has calls of another application and a dialplan-only channel: in the
// default mode the client does not adopt them (it would hear nothing of them), with subscribeAll
// it does. Either way, when they hang up, the mirror follows.
void tst_Mirror::resyncAdoptsOnlyWhatTheApplicationHears()
{
    QFETCH(bool, subscribeAll);
    Simulator sim;
    QVERIFY(sim.start());
    const QString ours = sim.startCall(app);
    const QString theirs = sim.startCall(u"other-app"_s);
    auto other = makeClient(sim, false, u"other-app"_s);
    const auto dialplan = await(other->channels()->originate(
            u"Local/400@ari-test"_s,
            { .extension = u"400"_s, .context = u"ari-test"_s, .channelId = u"dp-1"_s }));
    QVERIFY(dialplan.has_value());

    auto client = makeClient(sim, subscribeAll);
    QVERIFY(await(client->connectToServer()).has_value());
    QtAri::ChannelModel model(client.get());
    const QSet<QString> server = idsOf(sim.channels());
    QSet<QString> expected = subscribeAll ? server : QSet<QString> { ours };
    QTRY_COMPARE(idsOf(client->liveChannels()), expected);
    QCOMPARE(modelIds(model, QtAri::ChannelModel::IdRole), expected);

    sim.hangupChannel(theirs);
    QVERIFY(await(other->channels()->hangup(u"dp-1"_s)).has_value());
    sim.hangupChannel(ours);
    QTRY_COMPARE(idsOf(client->liveChannels()), idsOf(sim.channels()) & expected);
    QTRY_COMPARE(model.rowCount(), 0);
    QCOMPARE(idsOf(sim.channels()), QSet<QString>());
}

// A channel the application originated into the dialplan (no Stasis) gets no events from
// Asterisk by itself: the client subscribes to it, so its end still reaches the mirror.
void tst_Mirror::dialplanChannelIsFollowedToItsEnd()
{
    Simulator sim;
    QVERIFY(sim.start());
    auto client = makeClient(sim, false);
    QVERIFY(await(client->connectToServer()).has_value());
    QtAri::Channel *channel = client->newChannel();
    const QString id = channel->id();
    QSignalSpy hungUp(channel, &QtAri::Channel::hungUp);
    QVERIFY(await(channel->originate(u"Local/400@ari-test"_s,
                                     { .extension = u"400"_s, .context = u"ari-test"_s }))
                    .has_value());
    QCOMPARE(client->channel(id), channel);
    // someone else hangs it up
    auto other = makeClient(sim, false, u"other-app"_s);
    QVERIFY(await(other->channels()->hangup(id)).has_value());
    QTRY_COMPARE(hungUp.size(), 1);
    QCOMPARE(client->channel(id), nullptr);
    QTest::qWait(50);
    QCOMPARE(hungUp.size(), 1);
}

// A call that entered the application's Stasis from the dialplan is heard of only until
// StasisEnd, unless the application is subscribed to it otherwise (trace n). The server lists such
// a call under channel_ids as if it were subscribed, so the client subscribes to it all the same,
// whether it heard of the call through StasisStart, found it at connect, or had it across a
// reconnect: a call sent back to the dialplan stays in the mirror, and its end is heard of.
void tst_Mirror::stasisCallIsFollowedPastStasisEnd_data()
{
    QTest::addColumn<QString>("when");
    QTest::newRow("heard of through StasisStart") << u"event"_s;
    QTest::newRow("in Stasis at connect") << u"connect"_s;
    QTest::newRow("held across a reconnect") << u"reconnect"_s;
}

void tst_Mirror::stasisCallIsFollowedPastStasisEnd()
{
    QFETCH(QString, when);
    Simulator sim;
    QVERIFY(sim.start());
    QString id;
    if (when == u"connect"_s)
        id = sim.startCall(app);
    auto client = makeClient(sim, false);
    QtAri::ChannelModel model(client.get());
    QVERIFY(await(client->connectToServer()).has_value());
    if (id.isEmpty())
        id = sim.startCall(app);
    QTRY_VERIFY(client->channel(id) && client->channel(id)->isInStasis());
    QTRY_VERIFY(await(client->applications()->get(app))->channelIds().contains(id));
    if (when == u"reconnect"_s) {
        QSignalSpy states(client.get(), &Client::stateChanged);
        sim.dropWebSockets();
        QTRY_VERIFY(states.size() >= 2 && client->state() == Client::State::Connected);
    }
    QtAri::Channel *channel = client->channel(id);
    QVERIFY(channel);
    QSignalSpy hungUp(channel, &QtAri::Channel::hungUp);
    QVERIFY(await(channel->continueInDialplan({ .context = u"ari-test"_s, .extension = u"400"_s,
                                                .priority = 1 }))
                    .has_value());
    QTRY_VERIFY(!channel->isInStasis());
    QTest::qWait(100);
    QCOMPARE(client->channel(id), channel);
    QCOMPARE(modelIds(model, QtAri::ChannelModel::IdRole), QSet<QString> { id });
    QTRY_COMPARE(channel->dialplan().appName(), u"Wait"_s);

    sim.hangupChannel(id);
    QTRY_COMPARE(hungUp.size(), 1);
    QCOMPARE(client->channel(id), nullptr);
    QTRY_COMPARE(model.rowCount(), 0);
}

// A dialplan call that hangs up before the client's subscription reaches the server: Asterisk
// says nothing after StasisEnd, the subscription finds the channel gone, and the channel ends with
// the cause its ChannelHangupRequest gave (there is no other).
void tst_Mirror::callEndedBeforeItsSubscriptionKeepsItsCause()
{
    Simulator sim;
    QVERIFY(sim.start());
    auto client = makeClient(sim, false);
    QtAri::ChannelModel model(client.get());
    QVERIFY(await(client->connectToServer()).has_value());
    QList<std::pair<QString, int>> destroyed; // (the channel itself is deleted a turn later)
    connect(client.get(), &Client::channelDestroyed, this,
            [&destroyed](QtAri::Channel *channel, int cause) { destroyed.append({ channel->id(), cause }); });
    const QString id = sim.startCall(app);
    sim.hangupChannel(id, 17); // in the same turn: before the client has heard of the call
    QTRY_COMPARE(destroyed.size(), 1);
    QCOMPARE(destroyed.at(0), std::pair(id, 17));
    QCOMPARE(client->channel(id), nullptr);
    QCOMPARE(model.rowCount(), 0);
}

// hangup() finishes once the channel has ended, and the cause is Asterisk's, from its event.
void tst_Mirror::hangupWaitsForTheEventsData()
{
    Simulator sim;
    QVERIFY(sim.start());
    auto client = makeClient(sim, false);
    QVERIFY(await(client->connectToServer()).has_value());
    const QString id = sim.startCall(app);
    QTRY_VERIFY(client->channel(id));
    QtAri::Channel *channel = client->channel(id);
    QSignalSpy hungUp(channel, &QtAri::Channel::hungUp);
    QVERIFY(await(channel->hangup({ .reason = u"busy"_s })).has_value());
    QCOMPARE(hungUp.size(), 1);
    QCOMPARE(hungUp.at(0).at(0).toInt(), 17);
    QCOMPARE(client->channel(id), nullptr);
}

// The events of a hangup are late (a stalled socket) and another request learnt first that the
// channel is gone: the channel still ends, after the grace period, with the cause the hangup's
// reason names, not with none.
void tst_Mirror::hangupKeepsItsCauseWhenTheEventsAreLate()
{
    Simulator sim;
    QVERIFY(sim.start());
    auto client = makeClient(sim, false, app, 20000); // no keepalive verdict during the stall
    client->setRestTransport(Client::RestTransport::Http);
    QVERIFY(await(client->connectToServer()).has_value());
    const QString id = sim.startCall(app);
    QTRY_VERIFY(client->channel(id));
    QtAri::Channel *channel = client->channel(id);
    QTRY_VERIFY(channel->isInStasis());
    QTest::qWait(50); // the mirror's own subscription answered
    QSignalSpy hungUp(channel, &QtAri::Channel::hungUp);
    sim.setWebSocketsStalled(true);
    // The hangup's answer is held back; a GET sent once the channel is gone is answered first
    // (both finish with the channel's end).
    QFuture<QtAri::Result<QtAri::ChannelInfo>> lookup;
    bool asked = false;
    connect(&sim, &Simulator::requestReceived, this,
            [&](const QString &method, const QString &path) {
                if (method == u"DELETE" && path.contains(id)) {
                    sim.setRestDelay(300);
                    lookup = client->channels()->get(id);
                    asked = true;
                } else if (method == u"GET" && path.endsWith(id)) {
                    sim.setRestDelay(0);
                }
            });
    const auto hangup = channel->hangup({ .reason = u"busy"_s });
    QVERIFY(await(hangup).has_value());
    QTRY_VERIFY(asked && lookup.isFinished());
    QVERIFY(!lookup.result().has_value());
    QCOMPARE(lookup.result().error().httpStatus(), 404);
    QCOMPARE(hungUp.size(), 1);
    QCOMPARE(hungUp.at(0).at(0).toInt(), 17);
    QCOMPARE(client->channel(id), nullptr);
    sim.setWebSocketsStalled(false); // the late events change nothing
    QTest::qWait(50);
    QCOMPARE(hungUp.size(), 1);
}

// Asterisk sends nothing when a device state is deleted; afterwards it reads UNKNOWN (trace g).
void tst_Mirror::deviceStateDeleted()
{
    Simulator sim;
    QVERIFY(sim.start());
    auto client = makeClient(sim, false);
    QVERIFY(await(client->connectToServer()).has_value());
    const QString name = u"Stasis:mirror-dev"_s;
    QVERIFY(await(client->applications()->subscribe(app, { u"deviceState:"_s + name })).has_value());
    QVERIFY(await(client->deviceStates()->update(name, u"BUSY"_s)).has_value());
    QTRY_VERIFY(client->deviceState(name));
    QtAri::DeviceState *state = client->deviceState(name);
    QTRY_COMPARE(state->state(), QtAri::DeviceState::State::Busy);
    QVERIFY(await(client->deviceStates()->deleteState(name)).has_value());
    QCOMPARE(state->state(), QtAri::DeviceState::State::Unknown);
    const auto server = await(client->deviceStates()->get(name));
    QVERIFY(server.has_value());
    QCOMPARE(server->state(), u"UNKNOWN"_s);
}

// A restarted Asterisk has forgotten what the application subscribed to. The client subscribes it
// again to the device states and endpoints it asked for, so their events keep coming.
void tst_Mirror::subscriptionsComeBackAfterARestart()
{
    auto sim = std::make_unique<Simulator>();
    QVERIFY(sim->start(QHostAddress::LocalHost, 0));
    const quint16 port = sim->port();
    auto client = makeClient(*sim, false);
    QVERIFY(await(client->connectToServer()).has_value());
    const QString device = u"Stasis:restart-dev"_s;
    const QStringList sources = { u"deviceState:"_s + device, u"endpoint:PJSIP/alice"_s };
    QVERIFY(await(client->applications()->subscribe(app, sources)).has_value());
    QVERIFY(await(client->deviceStates()->update(device, u"BUSY"_s)).has_value());
    QTRY_VERIFY(client->deviceState(device));
    QtAri::DeviceState *state = client->deviceState(device);
    QTRY_COMPARE(state->state(), QtAri::DeviceState::State::Busy);

    QSignalSpy reconnected(client.get(), &Client::connected);
    sim = std::make_unique<Simulator>(); // a new process: no device state, no subscription
    QVERIFY(sim->start(QHostAddress::LocalHost, port));
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, 10000);
    // The new server reads UNKNOWN; the client has read it again.
    QTRY_COMPARE(state->state(), QtAri::DeviceState::State::Unknown);
    QTRY_VERIFY([&] {
        const auto info = await(client->applications()->get(app));
        return info && info->deviceNames().contains(device)
                && info->endpointIds().contains(u"PJSIP/alice"_s);
    }());
    auto other = makeClient(*sim, false, u"other-app"_s);
    QVERIFY(await(other->connectToServer()).has_value());
    QVERIFY(await(other->deviceStates()->update(device, u"RINGING"_s)).has_value());
    QTRY_COMPARE(state->state(), QtAri::DeviceState::State::Ringing);
}

// A server without the channels listing (404) still connects: events and REST work, the problem
// is reported, and the bridges are mirrored.
void tst_Mirror::refusedListingDoesNotFailTheConnect()
{
    Simulator sim;
    QVERIFY(sim.start());
    auto client = makeClient(sim, true);
    auto creator = makeClient(sim, false, u"other-app"_s);
    QVERIFY(await(creator->bridges()->create({ .bridgeId = u"listed-bridge"_s })).has_value());
    // the first REST request after the socket opens is the channels listing
    connect(&sim, &Simulator::webSocketConnected, &sim, [&sim] { sim.failRestRequests(1, 404); },
            Qt::SingleShotConnection);
    QSignalSpy errors(client.get(), &Client::errorOccurred);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"resync: channels.list failed with HTTP 404"_s));
    const auto connected = await(client->connectToServer());
    QVERIFY2(connected.has_value(), qPrintable(connected ? QString() : connected.error().toString()));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).value<QtAri::Error>().httpStatus(), 404);
    QCOMPARE(idsOf(client->liveBridges()), QSet<QString> { u"listed-bridge"_s });
    const QString id = sim.startCall(app);
    QTRY_VERIFY(client->channel(id));
}

// applications.subscribe makes the client hear of a channel: it is in the mirror when subscribe()
// finishes; after unsubscribe() it leaves again (it still exists, so it does not end).
void tst_Mirror::subscribeAdoptsAndUnsubscribeLetsGo()
{
    Simulator sim;
    QVERIFY(sim.start());
    auto other = makeClient(sim, false, u"other-app"_s);
    QVERIFY(await(other->channels()->originate(
                          u"Local/400@ari-test"_s,
                          { .extension = u"400"_s, .context = u"ari-test"_s, .channelId = u"foreign"_s }))
                    .has_value());
    auto client = makeClient(sim, false);
    QVERIFY(await(client->connectToServer()).has_value());
    QCOMPARE(client->channel(u"foreign"_s), nullptr);
    QVERIFY(await(client->applications()->subscribe(app, { u"channel:foreign"_s })).has_value());
    QtAri::Channel *channel = client->channel(u"foreign"_s);
    QVERIFY(channel);
    QSignalSpy hungUp(channel, &QtAri::Channel::hungUp);
    QVERIFY(await(client->applications()->unsubscribe(app, { u"channel:foreign"_s })).has_value());
    QCOMPARE(client->channel(u"foreign"_s), nullptr);
    QCOMPARE(hungUp.size(), 0);
}

// The server no longer has the application's subscription (here another program took it away; in
// the walk of seed 400129 the unsubscribe overtook the client's own re-subscription after a
// reconnect). Asterisk answers 422 "Event source was not subscribed to" (trace l); the application
// wants the bridge gone all the same, and no event will come for it.
void tst_Mirror::unsubscribeOfAForgottenSubscriptionLetsGo()
{
    Simulator sim;
    QVERIFY(sim.start());
    auto other = makeClient(sim, false, u"other-app"_s);
    QVERIFY(await(other->bridges()->create({ .bridgeId = u"foreign-br"_s })).has_value());
    auto client = makeClient(sim, false);
    QVERIFY(await(client->connectToServer()).has_value());
    QVERIFY(await(client->applications()->subscribe(app, { u"bridge:foreign-br"_s })).has_value());
    QVERIFY(client->bridge(u"foreign-br"_s));
    QVERIFY(await(other->applications()->unsubscribe(app, { u"bridge:foreign-br"_s })).has_value());

    const auto result = await(client->applications()->unsubscribe(app, { u"bridge:foreign-br"_s }));
    QVERIFY(!result);
    QCOMPARE(result.error().httpStatus(), 422);
    QCOMPARE(client->bridge(u"foreign-br"_s), nullptr);
    // nor does the next reconnect subscribe to it again
    QSignalSpy states(client.get(), &Client::stateChanged);
    sim.dropWebSockets();
    QTRY_VERIFY(states.size() >= 2 && client->state() == Client::State::Connected);
    QTest::qWait(100);
    const auto info = await(other->applications()->get(app));
    QVERIFY(info.has_value());
    QVERIFY(!info->bridgeIds().contains(u"foreign-br"_s));
    QCOMPARE(client->bridge(u"foreign-br"_s), nullptr);
}

// Asterisk sends no mailbox events (trace g): a live Mailbox follows what this client does to it,
// and a successful delete ends it although nothing else would tell.
void tst_Mirror::mailboxFollowsItsOwnOperations()
{
    Simulator sim;
    QVERIFY(sim.start());
    sim.setMailbox(u"1000@default"_s, 1, 2);
    auto client = makeClient(sim, false);
    QVERIFY(await(client->connectToServer()).has_value());
    QCOMPARE(client->mailbox(u"1000@default"_s), nullptr);
    const auto fetched = await(client->fetchMailbox(u"1000@default"_s));
    QVERIFY(fetched.has_value());
    QtAri::Mailbox *mailbox = *fetched;
    QCOMPARE(client->mailbox(u"1000@default"_s), mailbox);
    QCOMPARE(mailbox->oldMessages(), 1);
    QCOMPARE(mailbox->newMessages(), 2);
    QSignalSpy changed(mailbox, &QtAri::Mailbox::newMessagesChanged);
    QVERIFY(await(mailbox->update(3, 4)).has_value());
    QCOMPARE(mailbox->oldMessages(), 3);
    QCOMPARE(mailbox->newMessages(), 4);
    QCOMPARE(changed.size(), 1);
    // through the resource API, for the same name
    QVERIFY(await(client->mailboxes()->update(u"1000@default"_s, 5, 6)).has_value());
    QCOMPARE(mailbox->newMessages(), 6);
    QSignalSpy ended(mailbox, &QtAri::Mailbox::endedChanged);
    QPointer<QtAri::Mailbox> guard(mailbox);
    QVERIFY(await(mailbox->deleteMailbox()).has_value());
    QCOMPARE(ended.size(), 1);
    QCOMPARE(client->mailbox(u"1000@default"_s), nullptr);
    QTRY_VERIFY(!guard); // deleted later
    const auto gone = await(client->fetchMailbox(u"1000@default"_s));
    QVERIFY(!gone);
    QCOMPARE(gone.error().httpStatus(), 404);
    QCOMPARE(client->mailbox(u"1000@default"_s), nullptr);
}

// --- the random walk ---------------------------------------------------------------------------

namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? value : fallback;
}

class Walk
{
public:
    Walk(quint32 seed, bool subscribeAll) : rng(seed), subscribeAll(subscribeAll) { }

    bool start()
    {
        sim->setTimeScale(0.02); // media and ringing at 50x speed
        if (!sim->start())
            return fail(u"the simulator did not start"_s);
        client = makeClient(*sim, subscribeAll, app, 50);
        other = makeClient(*sim, false, u"other-app"_s);
        channelModel.setClient(client.get());
        bridgeModel.setClient(client.get());
        QObject::connect(client.get(), &Client::eventReceived, client.get(),
                         [this](const QtAri::Event &event) {
                             collectIds(event.json(), toldChannels, toldBridges);
                         });
        const auto connected = await(client->connectToServer());
        if (!connected)
            return fail(u"connect failed: "_s + connected.error().toString());
        return true;
    }

    bool step(int n)
    {
        const int action = int(rng.bounded(19));
        switch (action) {
        case 0: originate(true); break;
        case 1: originate(false); break;
        case 2: log(u"sim->startCall"_s), sim->startCall(app); break;
        case 3: answer(); break;
        case 4: createBridge(); break;
        case 5: addToBridge(); break;
        case 6: removeFromBridge(); break;
        case 7: destroyBridge(); break;
        case 8: play(); break;
        case 9: stopPlayback(); break;
        case 10: record(); break;
        case 11: hangup(); break;
        case 12: farHangup(); break;
        case 13: foreignSubscription(); break;
        case 14: deviceState(); break;
        case 15: dropSocket(); break;
        case 16: stall(); break;
        case 17: restart(); break;
        case 18: mailbox(); break;
        }
        if (n % 4 == 3 || (action >= 15 && action <= 17))
            return check();
        return true;
    }

    bool check()
    {
        // Quiescent point: the client is connected and has caught up with the server.
        QElapsedTimer clock;
        clock.start();
        while (client->state() != Client::State::Connected) {
            if (clock.elapsed() > 10000)
                return fail(u"the client did not reconnect"_s);
            spin(2);
        }
        QString why;
        while (!(why = difference()).isEmpty()) {
            if (clock.elapsed() > 5000)
                return fail(why);
            spin(2);
        }
        return true;
    }

    QString failure;
    QStringList steps;

private:
    bool fail(const QString &why)
    {
        failure = why;
        return false;
    }
    void log(const QString &what) { steps.append(what); }

    template<class T>
    T pick(const QList<T> &list)
    {
        return list.isEmpty() ? T() : list.at(int(rng.bounded(quint32(list.size()))));
    }
    QtAri::Channel *anyChannel(bool stasisOnly)
    {
        QList<QtAri::Channel *> list;
        for (QtAri::Channel *channel : client->liveChannels()) {
            if (!stasisOnly || channel->isInStasis())
                list.append(channel);
        }
        return pick(list);
    }

    void originate(bool withApp)
    {
        const bool precreated = rng.bounded(2);
        if (withApp) {
            // a PJSIP endpoint that answers after a while, into our application
            const QString endpoint = u"PJSIP/walk-%1"_s.arg(++counter);
            log(u"originate %1 app (%2)"_s.arg(endpoint, precreated ? u"newChannel"_s : u"api"_s));
            if (precreated) {
                await(client->newChannel()->originate(endpoint, { .app = app }));
            } else {
                const auto r = await(client->channels()->originate(endpoint, { .app = app }));
                if (r)
                    ourChannels.insert(r->id());
            }
        } else {
            log(u"originate Local/400 into the dialplan (%1)"_s.arg(precreated ? u"newChannel"_s : u"api"_s));
            if (precreated) {
                await(client->newChannel()->originate(
                        u"Local/400@ari-test"_s, { .extension = u"400"_s, .context = u"ari-test"_s }));
            } else {
                // through the resource API: no live object, and Asterisk sends nothing
                await(other->channels()->originate(
                        u"Local/400@ari-test"_s, { .extension = u"400"_s, .context = u"ari-test"_s }));
            }
        }
    }
    void answer()
    {
        if (QtAri::Channel *channel = anyChannel(true)) {
            log(u"answer "_s + channel->id());
            await(channel->answer());
        }
    }
    void createBridge()
    {
        if (rng.bounded(3) == 0) {
            const QString id = u"foreign-br-%1"_s.arg(++counter);
            log(u"foreign bridge "_s + id);
            await(other->bridges()->create({ .bridgeId = id }));
            foreignBridges.append(id);
            return;
        }
        log(u"bridge create"_s);
        await(client->newBridge()->create({ .type = u"mixing"_s }));
    }
    void addToBridge()
    {
        QtAri::Channel *channel = anyChannel(true);
        QtAri::Bridge *bridge = pick(client->liveBridges());
        if (!channel || !bridge || foreignBridges.contains(bridge->id()))
            return;
        log(u"addChannel %1 -> %2"_s.arg(channel->id(), bridge->id()));
        await(bridge->addChannel({ channel->id() }));
    }
    void removeFromBridge()
    {
        QtAri::Bridge *bridge = pick(client->liveBridges());
        if (!bridge || bridge->channelIds().isEmpty())
            return;
        const QString id = pick(bridge->channelIds());
        log(u"removeChannel %1 from %2"_s.arg(id, bridge->id()));
        await(bridge->removeChannel({ id }));
    }
    void destroyBridge()
    {
        QtAri::Bridge *bridge = pick(client->liveBridges());
        if (!bridge || foreignBridges.contains(bridge->id()))
            return;
        log(u"destroy "_s + bridge->id());
        await(bridge->destroy());
    }
    void play()
    {
        const bool onBridge = rng.bounded(3) == 0 && !client->liveBridges().isEmpty();
        if (onBridge) {
            QtAri::Bridge *bridge = pick(client->liveBridges());
            log(u"play on bridge "_s + bridge->id());
            await(bridge->play({ u"sound:hello-world"_s }));
        } else if (QtAri::Channel *channel = anyChannel(true)) {
            log(u"play on "_s + channel->id());
            await(channel->play({ u"sound:demo-congrats"_s }));
        }
    }
    void stopPlayback()
    {
        if (QtAri::Playback *playback = pick(client->livePlaybacks())) {
            log(u"stop playback "_s + playback->id());
            await(playback->stop());
        }
    }
    void record()
    {
        if (!client->liveRecordings().isEmpty() && rng.bounded(2)) {
            QtAri::LiveRecording *recording = pick(client->liveRecordings());
            log(u"stop recording "_s + recording->id());
            await(recording->stop());
        } else if (QtAri::Channel *channel = anyChannel(true)) {
            const QString name = u"walk-rec-%1"_s.arg(++counter);
            log(u"record %1 on %2"_s.arg(name, channel->id()));
            await(channel->record(name, u"wav"_s, { .maxDurationSeconds = 1 }));
        }
    }
    void hangup()
    {
        if (QtAri::Channel *channel = anyChannel(false)) {
            log(u"hangup "_s + channel->id());
            await(channel->hangup());
        }
    }
    void farHangup()
    {
        const QSet<QString> ids = idsOf(sim->channels());
        const QString id = pick(QList<QString>(ids.begin(), ids.end()));
        if (!id.isEmpty()) {
            log(u"far end hangs up "_s + id);
            sim->hangupChannel(id);
        }
    }
    void foreignSubscription()
    {
        // Subscribe to a dialplan channel or a foreign bridge, or let go of one.
        if (!watched.isEmpty() && rng.bounded(2)) {
            const QString source = pick(QList<QString>(watched.begin(), watched.end()));
            log(u"unsubscribe "_s + source);
            watched.remove(source);
            // it was heard of only through this subscription
            toldChannels.remove(source.section(u':', 1));
            toldBridges.remove(source.section(u':', 1));
            const auto r = await(client->applications()->unsubscribe(app, { source }));
            // (events that came while the unsubscribe was on its way came through it too)
            toldChannels.remove(source.section(u':', 1));
            toldBridges.remove(source.section(u':', 1));
            // A request that got no answer (it was on the event socket when that dropped) leaves
            // the subscription in place: whether the server took it or forgot it with the socket,
            // the client subscribes again at the reconnect while the mirror holds the object.
            // (a 422 "not subscribed" comes when it overtook the client's own re-subscription
            // after a reconnect: the client lets go all the same)
            if (!r)
                log(u"  (%1)"_s.arg(r.error().toString()));
            if (!r && r.error().kind() != QtAri::Error::Kind::Http)
                watched.insert(source);
            return;
        }
        QStringList candidates;
        for (const QString &id : std::as_const(foreignBridges))
            candidates.append(u"bridge:"_s + id);
        for (const QJsonValue &v : sim->channels()) {
            const QJsonObject channel = v.toObject();
            const QString id = channel.value(u"id"_s).toString();
            if (channel.value(u"dialplan"_s).toObject().value(u"app_name"_s).toString() != u"Stasis"
                && !client->channel(id) && !ourChannels.contains(id) && !toldChannels.contains(id))
                candidates.append(u"channel:"_s + id);
        }
        const QString source = pick(candidates);
        if (source.isEmpty() || watched.contains(source))
            return;
        log(u"subscribe "_s + source);
        if (await(client->applications()->subscribe(app, { source })))
            watched.insert(source);
    }
    void deviceState()
    {
        const QString name = u"Stasis:walk-dev-%1"_s.arg(rng.bounded(3));
        devices.insert(name);
        if (!subscribedDevices.contains(name)) {
            subscribedDevices.insert(name);
            await(client->applications()->subscribe(app, { u"deviceState:"_s + name }));
        }
        if (rng.bounded(3) == 0) {
            log(u"delete device state "_s + name);
            await(client->deviceStates()->deleteState(name));
        } else {
            static const QStringList states = { u"BUSY"_s, u"INUSE"_s, u"NOT_INUSE"_s, u"RINGING"_s };
            const QString state = pick(states);
            log(u"device state %1 = %2"_s.arg(name, state));
            await(client->deviceStates()->update(name, state));
        }
    }
    void mailbox()
    {
        // Asterisk sends no mailbox events: the live Mailbox follows the client's own calls.
        const QString name = u"walk-mb-%1@default"_s.arg(rng.bounded(3));
        mailboxes.insert(name);
        QtAri::Mailbox *live = client->mailbox(name);
        switch (rng.bounded(4)) {
        case 0:
            log(u"fetch mailbox "_s + name);
            await(client->fetchMailbox(name));
            break;
        case 1:
            log(u"delete mailbox "_s + name);
            await(live ? live->deleteMailbox() : client->mailboxes()->deleteMailbox(name));
            break;
        default: {
            const int oldMessages = int(rng.bounded(5));
            const int newMessages = int(rng.bounded(5));
            log(u"mailbox %1 = %2/%3%4"_s.arg(name).arg(oldMessages).arg(newMessages).arg(live ? u" (live)"_s : QString()));
            await(live ? live->update(oldMessages, newMessages)
                       : client->mailboxes()->update(name, oldMessages, newMessages));
        }
        }
    }
    void dropSocket()
    {
        log(u"drop the event socket"_s);
        sim->dropWebSockets();
        spin(2);
    }
    void restart()
    {
        // The server goes away and comes back with nothing: no call, no bridge, no subscription.
        log(u"restart the server"_s);
        const quint16 port = sim->port();
        sim = std::make_unique<Simulator>(); // a new process, as after a real restart
        sim->setTimeScale(0.02);
        spin(20);
        if (!sim->start(QHostAddress::LocalHost, port))
            qFatal("the simulator could not listen on port %d again", int(port));
        // The new server forgot the application's subscriptions: the client subscribes again to
        // the device states (subscribedDevices stays), not to channels and bridges that are gone.
        watched.clear();
        // A new server may use the same ids again (they are counters): what was heard of before
        // says nothing about it.
        toldChannels.clear();
        toldBridges.clear();
        ourChannels.clear();
        ourBridges.clear();
        foreignBridges.clear();
    }
    void stall()
    {
        // Longer than the keepalive: the client must notice the dead socket and resync.
        log(u"stall the event socket for 160 ms"_s);
        sim->setWebSocketsStalled(true);
        spin(160);
        sim->setWebSocketsStalled(false);
    }

    // What the mirror must hold now, compared with what it holds; empty when they agree.
    QString difference()
    {
        const QJsonArray serverChannels = sim->channels();
        const QJsonArray serverBridges = sim->bridges();
        QSet<QString> expectChannels;
        QSet<QString> stasisChannels;
        QHash<QString, QString> state;
        for (const QJsonValue &v : serverChannels) {
            const QJsonObject channel = v.toObject();
            const QString id = channel.value(u"id"_s).toString();
            state.insert(id, channel.value(u"state"_s).toString());
            const QJsonObject dialplan = channel.value(u"dialplan"_s).toObject();
            const bool stasis = dialplan.value(u"app_name"_s).toString() == u"Stasis"
                    && dialplan.value(u"app_data"_s).toString().section(u',', 0, 0) == app;
            if (stasis)
                stasisChannels.insert(id);
            // Without subscribeAll: what the application hears of, by an event, by a reply to
            // its own request, by its Stasis, or by a subscription of its own.
            if (subscribeAll || stasis || toldChannels.contains(id) || ourChannels.contains(id)
                || watched.contains(u"channel:"_s + id))
                expectChannels.insert(id);
        }
        // Channels the client created itself (newChannel()) are named in the replies it got.
        for (QtAri::Channel *channel : client->liveChannels()) {
            if (state.contains(channel->id()) && !toldChannels.contains(channel->id())
                && !watched.contains(u"channel:"_s + channel->id()))
                ourChannels.insert(channel->id());
        }
        for (const QString &id : std::as_const(ourChannels)) {
            if (state.contains(id))
                expectChannels.insert(id);
        }
        QSet<QString> expectBridges;
        QHash<QString, QSet<QString>> members;
        for (const QJsonValue &v : serverBridges) {
            const QJsonObject bridge = v.toObject();
            const QString id = bridge.value(u"id"_s).toString();
            QSet<QString> in;
            for (const QJsonValue &c : bridge.value(u"channels"_s).toArray())
                in.insert(c.toString());
            members.insert(id, in);
            const bool foreign = foreignBridges.contains(id);
            if (subscribeAll || (!foreign && (toldBridges.contains(id) || ourBridges.contains(id)))
                || watched.contains(u"bridge:"_s + id) || in.intersects(stasisChannels))
                expectBridges.insert(id);
        }
        for (QtAri::Bridge *bridge : client->liveBridges()) {
            if (members.contains(bridge->id()) && !foreignBridges.contains(bridge->id()))
                ourBridges.insert(bridge->id());
        }
        for (const QString &id : std::as_const(ourBridges)) {
            if (members.contains(id))
                expectBridges.insert(id);
        }

        const QSet<QString> liveChannels = idsOf(client->liveChannels());
        const QSet<QString> liveBridges = idsOf(client->liveBridges());
        if (liveChannels != expectChannels)
            return u"channels: mirror %1, expected %2"_s.arg(describe(liveChannels), describe(expectChannels));
        if (modelIds(channelModel, QtAri::ChannelModel::IdRole) != expectChannels)
            return u"ChannelModel: %1, expected %2"_s.arg(
                    describe(modelIds(channelModel, QtAri::ChannelModel::IdRole)), describe(expectChannels));
        if (liveBridges != expectBridges)
            return u"bridges: mirror %1, expected %2"_s.arg(describe(liveBridges), describe(expectBridges));
        if (modelIds(bridgeModel, QtAri::BridgeModel::IdRole) != expectBridges)
            return u"BridgeModel: %1, expected %2"_s.arg(
                    describe(modelIds(bridgeModel, QtAri::BridgeModel::IdRole)), describe(expectBridges));
        for (QtAri::Channel *channel : client->liveChannels()) {
            if (channel->isEnded())
                return u"channel %1 is ended but listed"_s.arg(channel->id());
            if (channel->info().state() != state.value(channel->id()))
                return u"channel %1: state %2, server %3"_s.arg(channel->id(), channel->info().state(),
                                                                 state.value(channel->id()));
            if (channel->isInStasis() != stasisChannels.contains(channel->id()))
                return u"channel %1: inStasis %2, server %3"_s.arg(channel->id())
                        .arg(channel->isInStasis()).arg(stasisChannels.contains(channel->id()));
        }
        for (QtAri::Bridge *bridge : client->liveBridges()) {
            if (bridge->isEnded())
                return u"bridge %1 is ended but listed"_s.arg(bridge->id());
            const QStringList ids = bridge->channelIds();
            if (QSet<QString>(ids.begin(), ids.end()) != members.value(bridge->id()))
                return u"bridge %1: members %2, server %3"_s.arg(
                        bridge->id(), describe(QSet<QString>(ids.begin(), ids.end())),
                        describe(members.value(bridge->id())));
        }
        for (const QString &name : std::as_const(devices)) {
            QtAri::DeviceState *live = client->deviceState(name);
            if (!live)
                continue;
            const auto server = await(other->deviceStates()->get(name));
            if (server && QtAri::DeviceState::stateFromString(server->state()) != live->state())
                return u"device state %1: %2 in the mirror, %3 on the server"_s.arg(
                        name, QVariant::fromValue(live->state()).toString(), server->state());
        }
        for (const QString &name : std::as_const(mailboxes)) {
            QtAri::Mailbox *live = client->mailbox(name);
            if (!live)
                continue;
            const auto server = await(other->mailboxes()->get(name));
            if (!server)
                return u"mailbox %1 is held, the server has none (%2)"_s.arg(name, server.error().toString());
            if (server->oldMessages() != live->oldMessages() || server->newMessages() != live->newMessages())
                return u"mailbox %1: %2/%3 in the mirror, %4/%5 on the server"_s.arg(name)
                        .arg(live->oldMessages()).arg(live->newMessages())
                        .arg(server->oldMessages()).arg(server->newMessages());
        }
        return QString();
    }

    QRandomGenerator rng;
    bool subscribeAll;
    std::unique_ptr<Simulator> sim = std::make_unique<Simulator>();
    std::unique_ptr<Client> client;
    std::unique_ptr<Client> other; // another program using the same server
    QtAri::ChannelModel channelModel;
    QtAri::BridgeModel bridgeModel;
    QSet<QString> toldChannels, toldBridges; // named by an event the client received
    QSet<QString> ourChannels, ourBridges;    // created by the application's own requests
    QStringList foreignBridges;
    QSet<QString> watched; // event sources the application subscribed to itself
    QSet<QString> devices;
    QSet<QString> subscribedDevices;
    QSet<QString> mailboxes;
    int counter = 0;
};

} // namespace

void tst_Mirror::randomWalk_data()
{
    QTest::addColumn<bool>("subscribeAll");
    QTest::newRow("default") << false;
    QTest::newRow("subscribeAll") << true;
}

void tst_Mirror::randomWalk()
{
    QFETCH(bool, subscribeAll);
    if (qEnvironmentVariableIsSet("QTARI_MIRROR_WALKS_ELSEWHERE"))
        QSKIP("CTest runs the walks as tst_mirror_walk_default and tst_mirror_walk_subscribeAll");
    // Drops and stalls are the point here: their warnings would drown the report.
    QLoggingCategory::setFilterRules(u"qtari.*.info=false\nqtari.*.warning=false"_s);
    const auto restore = qScopeGuard([] { QLoggingCategory::setFilterRules(QString()); });
    const int walks = envInt("QTARI_MIRROR_WALKS", 500);
    const int steps = envInt("QTARI_MIRROR_STEPS", 8);
    const quint32 firstSeed = quint32(envInt("QTARI_MIRROR_SEED", 1));
    QElapsedTimer clock;
    clock.start();
    int total = 0;
    for (int w = 0; w < walks; ++w) {
        const quint32 seed = firstSeed + quint32(w);
        Walk walk(seed, subscribeAll);
        bool ok = walk.start();
        int taken = 0;
        for (; ok && taken < steps; ++taken, ++total)
            ok = walk.step(taken);
        ok = ok && walk.check();
        if (!ok) {
            const QStringList last = walk.steps.mid(qMax(0, int(walk.steps.size()) - 15));
            QFAIL(qPrintable(u"walk with seed %1 (%2): %3\n  reproduce: QTARI_MIRROR_SEED=%1 "
                              "QTARI_MIRROR_WALKS=1 QTARI_MIRROR_STEPS=%4 tst_mirror randomWalk:%2\n"
                              "  last steps:\n    %5"_s
                                     .arg(seed)
                                     .arg(subscribeAll ? u"subscribeAll"_s : u"default"_s, walk.failure)
                                     .arg(taken)
                                     .arg(last.join(u"\n    "_s))));
        }
    }
    qInfo("%d walks, %d steps, %lld ms", walks, total, qint64(clock.elapsed()));
}

QTEST_GUILESS_MAIN(tst_Mirror)
#include "tst_mirror.moc"
