// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Live objects and the identity map, driven through a real event socket by the simulator: one
// object per id, properties from the recorded traces, signals on every object an event names
// (nested fields included), lifetime after terminal events, repeated events, create-with-instance
// and reconcile after a dropped socket.

#include "tst_registry_helpers.h"

#include <QtAri/Application>
#include <QtAri/AsteriskSystem>
#include <QtAri/Bridge>
#include <QtAri/Channel>
#include <QtAri/DeviceState>
#include <QtAri/Endpoint>
#include <QtAri/LiveRecording>
#include <QtAri/Playback>
#include <QtAri/events.h>

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QPointer>
#include <QtCore/QSet>

using namespace Qt::StringLiterals;
using namespace ObjectsTest;
using QtAri::Bridge;
using QtAri::Channel;
using QtAri::Client;

template<class T>
QString describe(const QtAri::Result<T> &result)
{
    return result ? QString() : result.error().toString();
}

class tst_Registry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void identityMap();
    void traceProperties_data();
    void traceProperties();
    void channelSignals();
    void bridgeMembership();
    void nestedFieldsReachTheirObjects();
    void otherLiveTypes();
    void lifetimeAfterTerminalEvents();
    void repeatedEventsAreHarmless();
    void createWithInstance();
    void reconcileAfterSocketDrop();
    void clearOnDisconnect();
    void asteriskSystemInfo();

private:
    std::unique_ptr<Connected> m_env;
};

void tst_Registry::init()
{
    m_env = std::make_unique<Connected>();
    QVERIFY2(m_env->connect(), "could not connect to the simulator");
}

void tst_Registry::cleanup()
{
    m_env.reset();
}

void tst_Registry::identityMap()
{
    Client *client = m_env->client.get();
    QSignalSpy added(client, &Client::channelAdded);
    QSignalSpy created(client, &Client::channelCreated);
    QSignalSpy stateChanged(client, &Client::channelStateChanged);
    QVERIFY(m_env->push({ ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"c1"_s, u"Ring"_s) } }),
                          ariEvent(u"ChannelStateChange"_s, { { u"channel"_s, channelJson(u"c1"_s, u"Up"_s) } }) }));
    QCOMPARE(added.size(), 1);
    Channel *channel = client->channel(u"c1"_s);
    QVERIFY(channel);
    QCOMPARE(created.at(0).at(0).value<Channel *>(), channel);
    QCOMPARE(stateChanged.at(0).at(0).value<Channel *>(), channel);
    QCOMPARE(channel->state(), Channel::State::Up);
    QCOMPARE(client->liveChannels(), QList<Channel *> { channel });
    QVERIFY(channel->isKnown());
    QCOMPARE(channel->client(), client);
    QCOMPARE(client->asteriskSystem()->asteriskId(), u"02:fc:00:00:00:01"_s);
}

void tst_Registry::traceProperties_data()
{
    QTest::addColumn<QString>("file");
    const QDir traces(QStringLiteral(QTARI_SHARED_DIR "/ari/traces"));
    if (!traces.exists())
        QSKIP("../shared/ari/traces is absent");
    const QStringList files = traces.entryList({ u"*.jsonl"_s }, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        if (file.contains(u".meta."_s))
            continue;
        QTest::newRow(qPrintable(file)) << traces.filePath(file);
    }
}

// Replays a recorded trace: before each terminal event every live channel equals the last
// snapshot the trace gave for it; after the whole trace the objects whose terminal event came are
// gone, and those without one are still there.
void tst_Registry::traceProperties()
{
    QFETCH(QString, file);
    QFile input(file);
    QVERIFY(input.open(QIODevice::ReadOnly));
    Client *client = m_env->client.get();
    QHash<QString, QJsonObject> lastChannel;
    QSet<QString> destroyed;
    QSet<QString> bridgesDestroyed;
    QHash<QString, QJsonObject> lastBridge;
    QList<QJsonObject> batch;
    const auto check = [&] {
        for (auto it = lastChannel.constBegin(); it != lastChannel.constEnd(); ++it) {
            if (destroyed.contains(it.key()))
                continue;
            Channel *channel = client->channel(it.key());
            QVERIFY2(channel, qPrintable(it.key()));
            const QJsonObject json = it.value();
            QCOMPARE(channel->name(), json.value(u"name"_s).toString());
            QCOMPARE(Channel::stateToString(channel->state()), json.value(u"state"_s).toString());
            QCOMPARE(channel->caller().number(),
                     json.value(u"caller"_s).toObject().value(u"number"_s).toString());
            QCOMPARE(channel->connected().name(),
                     json.value(u"connected"_s).toObject().value(u"name"_s).toString());
            QCOMPARE(channel->dialplan().appName(),
                     json.value(u"dialplan"_s).toObject().value(u"app_name"_s).toString());
            QCOMPARE(channel->dialplan().priority(),
                     json.value(u"dialplan"_s).toObject().value(u"priority"_s).toInteger());
            QCOMPARE(channel->language(), json.value(u"language"_s).toString());
            QCOMPARE(channel->accountCode(), json.value(u"accountcode"_s).toString());
            QVERIFY(channel->creationTime().isValid());
        }
        for (auto it = lastBridge.constBegin(); it != lastBridge.constEnd(); ++it) {
            if (bridgesDestroyed.contains(it.key()))
                continue;
            Bridge *bridge = client->bridge(it.key());
            QVERIFY2(bridge, qPrintable(it.key()));
            QCOMPARE(bridge->bridgeType(), it.value().value(u"bridge_type"_s).toString());
            QCOMPARE(bridge->technology(), it.value().value(u"technology"_s).toString());
        }
    };
    int events = 0;
    while (!input.atEnd()) {
        const QByteArray line = input.readLine().trimmed();
        if (line.isEmpty())
            continue;
        QJsonObject json = QJsonDocument::fromJson(line).object();
        const QString type = json.value(u"type"_s).toString();
        if (type.isEmpty())
            continue;
        json.insert(u"application"_s, app); // every trace was recorded for test-app
        const bool terminal = type == u"ChannelDestroyed" || type == u"BridgeDestroyed";
        if (terminal) {
            QVERIFY(m_env->push(batch));
            batch.clear();
            check();
            if (QTest::currentTestFailed())
                return;
        }
        batch.append(json);
        ++events;
        // The last snapshot of every channel and bridge named at top level.
        const QJsonObject channel = json.value(u"channel"_s).toObject();
        if (!channel.isEmpty() && !destroyed.contains(channel.value(u"id"_s).toString()))
            lastChannel.insert(channel.value(u"id"_s).toString(), channel);
        const QJsonObject bridge = json.value(u"bridge"_s).toObject();
        if (!bridge.isEmpty() && !bridgesDestroyed.contains(bridge.value(u"id"_s).toString()))
            lastBridge.insert(bridge.value(u"id"_s).toString(), bridge);
        if (type == u"ChannelDestroyed")
            destroyed.insert(channel.value(u"id"_s).toString());
        if (type == u"BridgeDestroyed")
            bridgesDestroyed.insert(bridge.value(u"id"_s).toString());
    }
    QVERIFY(m_env->push(batch));
    check();
    for (const QString &id : std::as_const(destroyed))
        QVERIFY2(!client->channel(id), qPrintable(id));
    for (const QString &id : std::as_const(bridgesDestroyed))
        QVERIFY2(!client->bridge(id), qPrintable(id));
    QVERIFY(events > 0);
}

void tst_Registry::channelSignals()
{
    Client *client = m_env->client.get();
    QVERIFY(m_env->push(ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"s1"_s, u"Ring"_s) } })));
    Channel *channel = client->channel(u"s1"_s);
    QVERIFY(channel);
    QSignalSpy state(channel, &Channel::stateChanged);
    QSignalSpy dtmf(channel, &Channel::dtmfReceived);
    QSignalSpy clientDtmf(client, &Client::channelDtmfReceived);
    QSignalSpy varSet(channel, &Channel::varSet);
    QSignalSpy variables(channel, &Channel::variablesChanged);
    QSignalSpy stasis(channel, &Channel::stasisStarted);
    QSignalSpy clientStasis(client, &Client::stasisStarted);
    QSignalSpy hangup(channel, &Channel::hangupRequested);
    QSignalSpy hold(channel, &Channel::holdStarted);
    QSignalSpy unhold(channel, &Channel::holdEnded);
    QSignalSpy talking(channel, &Channel::talkingFinished);
    QSignalSpy caller(channel, &Channel::callerChanged);
    QSignalSpy callerId(channel, &Channel::callerIdChanged);
    QSignalSpy dialplan(channel, &Channel::dialplanApplicationChanged);
    QSignalSpy userEvent(channel, &Channel::userEvent);
    QSignalSpy tone(channel, &Channel::toneDetected);
    QSignalSpy moveFailed(channel, &Channel::applicationMoveFailed);
    QSignalSpy changed(client, &Client::channelChanged);

    QJsonObject dialplanJson = channelJson(u"s1"_s, u"Up"_s);
    dialplanJson.insert(u"dialplan"_s, QJsonObject { { u"context"_s, u"default"_s }, { u"exten"_s, u"100"_s },
                                                     { u"priority"_s, 2 }, { u"app_name"_s, u"Stasis"_s },
                                                     { u"app_data"_s, u"test-app"_s } });
    QVERIFY(m_env->push({
            ariEvent(u"ChannelStateChange"_s, { { u"channel"_s, channelJson(u"s1"_s, u"Up"_s) } }),
            ariEvent(u"StasisStart"_s, { { u"channel"_s, channelJson(u"s1"_s) }, { u"args"_s, QJsonArray { u"a"_s, u"b"_s } } }),
            ariEvent(u"ChannelDtmfReceived"_s, { { u"channel"_s, channelJson(u"s1"_s) }, { u"digit"_s, u"5"_s }, { u"duration_ms"_s, 120 } }),
            ariEvent(u"ChannelVarset"_s, { { u"channel"_s, channelJson(u"s1"_s) }, { u"variable"_s, u"FOO"_s }, { u"value"_s, u"bar"_s } }),
            ariEvent(u"ChannelHold"_s, { { u"channel"_s, channelJson(u"s1"_s) }, { u"musicclass"_s, u"default"_s } }),
            ariEvent(u"ChannelUnhold"_s, { { u"channel"_s, channelJson(u"s1"_s) } }),
            ariEvent(u"ChannelTalkingFinished"_s, { { u"channel"_s, channelJson(u"s1"_s) }, { u"duration"_s, 1500 } }),
            ariEvent(u"ChannelCallerId"_s, { { u"channel"_s, channelJson(u"s1"_s, u"Up"_s, u"200"_s) },
                                          { u"caller_presentation"_s, 0 }, { u"caller_presentation_txt"_s, u"Allowed"_s } }),
            ariEvent(u"ChannelDialplan"_s, { { u"channel"_s, dialplanJson }, { u"dialplan_app"_s, u"Stasis"_s },
                                          { u"dialplan_app_data"_s, u"test-app"_s } }),
            ariEvent(u"ChannelUserevent"_s, { { u"channel"_s, channelJson(u"s1"_s) }, { u"eventname"_s, u"Ping"_s },
                                           { u"userevent"_s, QJsonObject { { u"k"_s, u"v"_s } } } }),
            ariEvent(u"ChannelToneDetected"_s, { { u"channel"_s, channelJson(u"s1"_s) } }),
            ariEvent(u"ApplicationMoveFailed"_s, { { u"channel"_s, channelJson(u"s1"_s) }, { u"destination"_s, u"gone"_s },
                                                { u"args"_s, QJsonArray { u"x"_s } } }),
            ariEvent(u"ChannelHangupRequest"_s, { { u"channel"_s, channelJson(u"s1"_s) }, { u"cause"_s, 16 } }),
    }));
    QCOMPARE(state.size(), 1);
    QCOMPARE(state.at(0).at(0).value<Channel::State>(), Channel::State::Up);
    QCOMPARE(stasis.size(), 1);
    QCOMPARE(stasis.at(0).at(0).toStringList(), (QStringList { u"a"_s, u"b"_s }));
    QCOMPARE(clientStasis.at(0).at(0).value<Channel *>(), channel);
    QVERIFY(channel->isInStasis());
    QCOMPARE(dtmf.size(), 1);
    QCOMPARE(dtmf.at(0).at(0).toString(), u"5"_s);
    QCOMPARE(dtmf.at(0).at(1).toInt(), 120);
    QCOMPARE(clientDtmf.size(), 1);
    QCOMPARE(varSet.size(), 1);
    QCOMPARE(variables.size(), 1);
    QCOMPARE(channel->variable(u"FOO"_s), u"bar"_s);
    QCOMPARE(hold.at(0).at(0).toString(), u"default"_s);
    QCOMPARE(unhold.size(), 1);
    QCOMPARE(talking.at(0).at(0).toInt(), 1500);
    // ChannelCallerId brought 200; the later snapshots carry 100 again.
    QCOMPARE(caller.size(), 2);
    QCOMPARE(caller.at(0).at(0).value<QtAri::CallerId>().number(), u"200"_s);
    QCOMPARE(channel->caller().number(), u"100"_s);
    QCOMPARE(callerId.size(), 1);
    QCOMPARE(dialplan.at(0).at(0).toString(), u"Stasis"_s);
    QCOMPARE(userEvent.at(0).at(0).toString(), u"Ping"_s);
    QCOMPARE(userEvent.at(0).at(1).toJsonObject().value(u"k"_s).toString(), u"v"_s);
    QCOMPARE(tone.size(), 1);
    QCOMPARE(moveFailed.at(0).at(0).toString(), u"gone"_s);
    QCOMPARE(hangup.at(0).at(0).toInt(), 16);
    QVERIFY(changed.size() >= 4);
    for (const auto &args : std::as_const(changed))
        QCOMPARE(args.at(0).value<Channel *>(), channel);
}

void tst_Registry::bridgeMembership()
{
    Client *client = m_env->client.get();
    QVERIFY(m_env->push({ ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"m1"_s) } }),
                          ariEvent(u"BridgeCreated"_s, { { u"bridge"_s, bridgeJson(u"b1"_s) } }) }));
    Channel *channel = client->channel(u"m1"_s);
    Bridge *bridge = client->bridge(u"b1"_s);
    QVERIFY(channel && bridge);
    QSignalSpy entered(channel, &Channel::enteredBridge);
    QSignalSpy memberEntered(bridge, &Bridge::channelEntered);
    QSignalSpy left(channel, &Channel::leftBridge);
    QSignalSpy memberLeft(bridge, &Bridge::channelLeft);
    QSignalSpy bridgeChanged(channel, &Channel::bridgeChanged);
    QVERIFY(m_env->push(ariEvent(u"ChannelEnteredBridge"_s, { { u"bridge"_s, bridgeJson(u"b1"_s, { u"m1"_s }) },
                                                          { u"channel"_s, channelJson(u"m1"_s) } })));
    QCOMPARE(entered.at(0).at(0).value<Bridge *>(), bridge);
    QCOMPARE(memberEntered.at(0).at(0).value<Channel *>(), channel);
    QCOMPARE(channel->bridge(), bridge);
    QCOMPARE(bridge->channels(), QList<Channel *> { channel });
    QVERIFY(m_env->push(ariEvent(u"ChannelLeftBridge"_s, { { u"bridge"_s, bridgeJson(u"b1"_s) },
                                                       { u"channel"_s, channelJson(u"m1"_s) } })));
    QCOMPARE(left.at(0).at(0).value<Bridge *>(), bridge);
    QCOMPARE(memberLeft.at(0).at(0).value<Channel *>(), channel);
    QCOMPARE(channel->bridge(), nullptr);
    QVERIFY(bridge->channels().isEmpty());
    QCOMPARE(bridgeChanged.size(), 2);
}

// Every resource-typed field reaches its live object, nested ones included.
void tst_Registry::nestedFieldsReachTheirObjects()
{
    Client *client = m_env->client.get();
    // Dial: caller, peer, forwarded.
    QSignalSpy clientDial(client, &Client::dialed);
    QVERIFY(m_env->push(ariEvent(u"Dial"_s, { { u"caller"_s, channelJson(u"d-caller"_s) },
                                          { u"peer"_s, channelJson(u"d-peer"_s) },
                                          { u"forwarded"_s, channelJson(u"d-fwd"_s) },
                                          { u"dialstatus"_s, u""_s } })));
    for (const QString &id : { u"d-caller"_s, u"d-peer"_s, u"d-fwd"_s })
        QVERIFY2(client->channel(id), qPrintable(id));
    QCOMPARE(clientDial.size(), 1);
    QCOMPARE(clientDial.at(0).at(0).value<Channel *>(), client->channel(u"d-caller"_s));
    QCOMPARE(clientDial.at(0).at(1).value<Channel *>(), client->channel(u"d-peer"_s));
    QCOMPARE(clientDial.at(0).at(2).value<Channel *>(), client->channel(u"d-fwd"_s));
    int dialSeen = 0;
    for (const QString &id : { u"d-caller"_s, u"d-peer"_s, u"d-fwd"_s }) {
        connect(client->channel(id), &Channel::dialed, this,
                [&dialSeen](Channel *, Channel *, const QString &status) {
                    dialSeen += status == u"ANSWER";
                });
    }
    QVERIFY(m_env->push(ariEvent(u"Dial"_s, { { u"caller"_s, channelJson(u"d-caller"_s) },
                                          { u"peer"_s, channelJson(u"d-peer"_s) },
                                          { u"forwarded"_s, channelJson(u"d-fwd"_s) },
                                          { u"dialstatus"_s, u"ANSWER"_s } })));
    QCOMPARE(dialSeen, 3);

    // BridgeAttendedTransfer: eight channel fields and three bridge fields.
    const QStringList channelFields = { u"transferer_first_leg"_s, u"transferer_second_leg"_s,
                                        u"replace_channel"_s, u"transferee"_s, u"transfer_target"_s,
                                        u"destination_link_first_leg"_s,
                                        u"destination_link_second_leg"_s,
                                        u"destination_threeway_channel"_s };
    const QStringList bridgeFields = { u"transferer_first_leg_bridge"_s,
                                       u"transferer_second_leg_bridge"_s,
                                       u"destination_threeway_bridge"_s };
    QJsonObject attended { { u"result"_s, u"Success"_s }, { u"is_external"_s, false },
                           { u"destination_type"_s, u"threeway"_s } };
    for (const QString &field : channelFields)
        attended.insert(field, channelJson(u"at-"_s + field));
    for (const QString &field : bridgeFields)
        attended.insert(field, bridgeJson(u"at-"_s + field));
    // The objects exist before the transfer so that signals can be watched on each.
    QList<QJsonObject> setup;
    for (const QString &field : channelFields)
        setup.append(ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"at-"_s + field) } }));
    for (const QString &field : bridgeFields)
        setup.append(ariEvent(u"BridgeCreated"_s, { { u"bridge"_s, bridgeJson(u"at-"_s + field) } }));
    QVERIFY(m_env->push(setup));
    int transferSignals = 0;
    for (const QString &field : channelFields) {
        Channel *channel = client->channel(u"at-"_s + field);
        QVERIFY(channel);
        connect(channel, &Channel::attendedTransferred, this,
                [&transferSignals](const QtAri::BridgeAttendedTransferEvent &e) {
                    transferSignals += e.result == u"Success";
                });
    }
    for (const QString &field : bridgeFields) {
        Bridge *bridge = client->bridge(u"at-"_s + field);
        QVERIFY(bridge);
        connect(bridge, &Bridge::attendedTransferred, this,
                [&transferSignals](const QtAri::BridgeAttendedTransferEvent &) { ++transferSignals; });
    }
    int clientTransfers = 0;
    connect(client, &Client::bridgeAttendedTransfer, this,
            [&clientTransfers](const QtAri::BridgeAttendedTransferEvent &) { ++clientTransfers; });
    QVERIFY(m_env->push(ariEvent(u"BridgeAttendedTransfer"_s, attended)));
    QCOMPARE(transferSignals, 11);
    QCOMPARE(clientTransfers, 1);

    // ChannelTransfer: refer_to / referred_by.
    QJsonObject referTo { { u"requested_destination"_s, QJsonObject { { u"destination"_s, u"100"_s } } },
                          { u"destination_channel"_s, channelJson(u"rt-dest"_s) },
                          { u"connected_channel"_s, channelJson(u"rt-conn"_s) },
                          { u"bridge"_s, bridgeJson(u"rt-bridge"_s) } };
    QJsonObject referredBy { { u"source_channel"_s, channelJson(u"rb-source"_s) },
                             { u"connected_channel"_s, channelJson(u"rb-conn"_s) },
                             { u"bridge"_s, bridgeJson(u"rb-bridge"_s) } };
    QSignalSpy clientTransfer(client, &Client::channelAdded);
    QVERIFY(m_env->push(ariEvent(u"ChannelTransfer"_s, { { u"refer_to"_s, referTo }, { u"referred_by"_s, referredBy } })));
    for (const QString &id : { u"rt-dest"_s, u"rt-conn"_s, u"rb-source"_s, u"rb-conn"_s })
        QVERIFY2(client->channel(id), qPrintable(id));
    QVERIFY(client->bridge(u"rt-bridge"_s));
    QVERIFY(client->bridge(u"rb-bridge"_s));
    QCOMPARE(clientTransfer.size(), 4);

    // BridgeBlindTransfer, BridgeMerged, ChannelUserevent with all three resources.
    QVERIFY(m_env->push({
            ariEvent(u"BridgeBlindTransfer"_s, { { u"channel"_s, channelJson(u"bt-ch"_s) }, { u"transferee"_s, channelJson(u"bt-tee"_s) },
                                              { u"bridge"_s, bridgeJson(u"bt-br"_s) }, { u"exten"_s, u"1"_s },
                                              { u"context"_s, u"c"_s }, { u"result"_s, u"Success"_s }, { u"is_external"_s, false } }),
            ariEvent(u"BridgeMerged"_s, { { u"bridge"_s, bridgeJson(u"mg-to"_s) }, { u"bridge_from"_s, bridgeJson(u"mg-from"_s) } }),
    }));
    QVERIFY(client->channel(u"bt-ch"_s) && client->channel(u"bt-tee"_s) && client->bridge(u"bt-br"_s));
    Bridge *from = client->bridge(u"mg-from"_s);
    Bridge *into = client->bridge(u"mg-to"_s);
    QVERIFY(from && into);
    QSignalSpy mergedInto(from, &Bridge::mergedInto);
    QSignalSpy merged(into, &Bridge::merged);
    QJsonObject mergeAgain = ariEvent(u"BridgeMerged"_s, { { u"bridge"_s, bridgeJson(u"mg-to"_s) }, { u"bridge_from"_s, bridgeJson(u"mg-from"_s) } });
    mergeAgain.insert(u"timestamp"_s, u"2026-11-26T03:10:41.000+0000"_s); // not a verbatim repeat
    QVERIFY(m_env->push(mergeAgain));
    QCOMPARE(mergedInto.at(0).at(0).value<Bridge *>(), into);
    QCOMPARE(merged.at(0).at(0).value<Bridge *>(), from);

    QSignalSpy userEvents(client, &Client::channelUserEvent);
    QVERIFY(m_env->push(ariEvent(u"ChannelUserevent"_s, { { u"eventname"_s, u"Ev"_s }, { u"channel"_s, channelJson(u"ue-ch"_s) },
                                                      { u"bridge"_s, bridgeJson(u"ue-br"_s) },
                                                      { u"endpoint"_s, endpointJson(u"PJSIP"_s, u"alice"_s) },
                                                      { u"userevent"_s, QJsonObject() } })));
    QCOMPARE(userEvents.size(), 1);
    QCOMPARE(userEvents.at(0).at(1).value<Channel *>(), client->channel(u"ue-ch"_s));
    QCOMPARE(userEvents.at(0).at(2).value<Bridge *>(), client->bridge(u"ue-br"_s));
    QCOMPARE(userEvents.at(0).at(3).value<QtAri::Endpoint *>(), client->endpoint(u"PJSIP"_s, u"alice"_s));
    QVERIFY(client->endpoint(u"PJSIP"_s, u"alice"_s));
}

void tst_Registry::otherLiveTypes()
{
    Client *client = m_env->client.get();
    QVERIFY(m_env->push({
            ariEvent(u"DeviceStateChanged"_s, { { u"device_state"_s, QJsonObject { { u"name"_s, u"Stasis:x"_s }, { u"state"_s, u"INUSE"_s } } } }),
            ariEvent(u"EndpointStateChange"_s, { { u"endpoint"_s, endpointJson(u"PJSIP"_s, u"bob"_s) } }),
            ariEvent(u"ApplicationReplaced"_s),
            ariEvent(u"ChannelVarset"_s, { { u"variable"_s, u"GLOBAL1"_s }, { u"value"_s, u"on"_s } }),
    }));
    QtAri::DeviceState *device = client->deviceState(u"Stasis:x"_s);
    QVERIFY(device);
    QCOMPARE(device->state(), QtAri::DeviceState::State::InUse);
    QtAri::Endpoint *endpoint = client->endpoint(u"PJSIP"_s, u"bob"_s);
    QVERIFY(endpoint);
    QCOMPARE(endpoint->state(), QtAri::Endpoint::State::Online);
    QtAri::Application *application = client->application(app);
    QVERIFY(application);
    QVERIFY(application->isReplaced());
    QCOMPARE(client->asteriskSystem()->globalVariables().value(u"GLOBAL1"_s).toString(), u"on"_s);

    QSignalSpy deviceSignal(device, &QtAri::DeviceState::stateChanged);
    QVERIFY(m_env->push(ariEvent(u"DeviceStateChanged"_s, { { u"device_state"_s, QJsonObject { { u"name"_s, u"Stasis:x"_s }, { u"state"_s, u"NOT_INUSE"_s } } } })));
    QCOMPARE(deviceSignal.size(), 1);
    QCOMPARE(client->deviceState(u"Stasis:x"_s), device);
}

void tst_Registry::lifetimeAfterTerminalEvents()
{
    Client *client = m_env->client.get();
    QVERIFY(m_env->push({
            ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"l1"_s) } }),
            ariEvent(u"BridgeCreated"_s, { { u"bridge"_s, bridgeJson(u"lb"_s) } }),
            ariEvent(u"PlaybackStarted"_s, { { u"playback"_s, playbackJson(u"lp"_s, u"channel:l1"_s) } }),
            ariEvent(u"RecordingStarted"_s, { { u"recording"_s, recordingJson(u"lr"_s, u"channel:l1"_s) } }),
            ariEvent(u"RecordingStarted"_s, { { u"recording"_s, recordingJson(u"lr2"_s, u"channel:l1"_s) } }),
    }));
    QPointer<Channel> channel = client->channel(u"l1"_s);
    QPointer<Bridge> bridge = client->bridge(u"lb"_s);
    QPointer<QtAri::Playback> playback = client->playback(u"lp"_s);
    QPointer<QtAri::LiveRecording> recording = client->liveRecording(u"lr"_s);
    QPointer<QtAri::LiveRecording> failing = client->liveRecording(u"lr2"_s);
    QVERIFY(channel && bridge && playback && recording && failing);
    QCOMPARE(playback->targetChannel(), channel.data());

    QSignalSpy hungUp(channel.data(), &Channel::hungUp);
    QSignalSpy removed(client, &Client::channelRemoved);
    QSignalSpy ended(bridge.data(), &Bridge::ended);
    QSignalSpy finished(playback.data(), &QtAri::Playback::finished);
    QSignalSpy recordingFinished(recording.data(), &QtAri::LiveRecording::finished);
    QSignalSpy recordingFailed(failing.data(), &QtAri::LiveRecording::failed);
    int dtmfAfterEnd = 0;
    QObject receiver;
    connect(channel.data(), &Channel::dtmfReceived, &receiver, [&dtmfAfterEnd] { ++dtmfAfterEnd; });

    QVERIFY(m_env->push({
            ariEvent(u"PlaybackFinished"_s, { { u"playback"_s, playbackJson(u"lp"_s, u"channel:l1"_s, u"done"_s) } }),
            ariEvent(u"RecordingFinished"_s, { { u"recording"_s, recordingJson(u"lr"_s, u"channel:l1"_s, u"done"_s) } }),
            ariEvent(u"RecordingFailed"_s, { { u"recording"_s, recordingJson(u"lr2"_s, u"channel:l1"_s, u"failed"_s) } }),
            ariEvent(u"BridgeDestroyed"_s, { { u"bridge"_s, bridgeJson(u"lb"_s) } }),
            ariEvent(u"ChannelDestroyed"_s, { { u"channel"_s, channelJson(u"l1"_s) }, { u"cause"_s, 16 }, { u"cause_txt"_s, u"Normal Clearing"_s } }),
    }));
    // The last signals came, the map forgot them, and they are deleted on the next turn.
    QCOMPARE(hungUp.size(), 1);
    QCOMPARE(hungUp.at(0).at(0).toInt(), 16);
    QCOMPARE(hungUp.at(0).at(1).toString(), u"Normal Clearing"_s);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(recordingFinished.size(), 1);
    QCOMPARE(recordingFailed.size(), 1);
    QCOMPARE(removed.size(), 1);
    QVERIFY(!client->channel(u"l1"_s));
    QVERIFY(!client->bridge(u"lb"_s));
    QVERIFY(!client->playback(u"lp"_s));
    QVERIFY(!client->liveRecording(u"lr"_s));
    QVERIFY(client->liveChannels().isEmpty());
    QTRY_VERIFY(!channel && !bridge && !playback && !recording && !failing);

    // A late event for the ended channel neither resurrects it nor reaches old connections.
    QVERIFY(m_env->push(ariEvent(u"ChannelDtmfReceived"_s, { { u"channel"_s, channelJson(u"l1"_s) }, { u"digit"_s, u"1"_s }, { u"duration_ms"_s, 100 } })));
    QVERIFY(!client->channel(u"l1"_s));
    QCOMPARE(dtmfAfterEnd, 0);
}

void tst_Registry::repeatedEventsAreHarmless()
{
    Client *client = m_env->client.get();
    QSignalSpy destroyed(client, &Client::channelDestroyed);
    QSignalSpy playbackFinished(client, &Client::playbackFinished);
    QSignalSpy playbackStarted(client, &Client::playbackStarted);
    QSignalSpy created(client, &Client::channelCreated);
    QSignalSpy added(client, &Client::channelAdded);
    const QJsonObject create = ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"r1"_s) } });
    const QJsonObject start = ariEvent(u"PlaybackStarted"_s, { { u"playback"_s, playbackJson(u"rp"_s, u"bridge:x"_s) } });
    const QJsonObject finish = ariEvent(u"PlaybackFinished"_s, { { u"playback"_s, playbackJson(u"rp"_s, u"bridge:x"_s, u"done"_s) } });
    const QJsonObject destroy = ariEvent(u"ChannelDestroyed"_s, { { u"channel"_s, channelJson(u"r1"_s) }, { u"cause"_s, 16 }, { u"cause_txt"_s, u"x"_s } });
    QVERIFY(m_env->push({ create, create, start, start, finish, finish, destroy, destroy }));
    QCOMPARE(added.size(), 1);
    QCOMPARE(destroyed.size(), 1);
    QCOMPARE(playbackFinished.size(), 1);
    QCOMPARE(playbackStarted.size(), 1);
    QCOMPARE(created.size(), 1);
    QVERIFY(client->liveChannels().isEmpty());
    QVERIFY(client->livePlaybacks().isEmpty());

    // A repeat that is not verbatim (a new timestamp) is a new event: DTMF pressed twice.
    QVERIFY(m_env->push(ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"r2"_s) } })));
    QSignalSpy dtmf(client->channel(u"r2"_s), &Channel::dtmfReceived);
    QJsonObject press = ariEvent(u"ChannelDtmfReceived"_s, { { u"channel"_s, channelJson(u"r2"_s) }, { u"digit"_s, u"1"_s }, { u"duration_ms"_s, 100 } });
    QJsonObject again = press;
    again.insert(u"timestamp"_s, u"2026-11-26T03:10:40.100+0000"_s);
    QVERIFY(m_env->push({ press, again }));
    QCOMPARE(dtmf.size(), 2);
}

// The seed's pattern: make the object first, wire its signals, then let originate() use its id.
void tst_Registry::createWithInstance()
{
    Client *client = m_env->client.get();
    Channel *channel = client->newChannel();
    QVERIFY(channel);
    QVERIFY(!channel->id().isEmpty());
    QVERIFY(!channel->isKnown());
    QCOMPARE(client->channel(channel->id()), channel);
    QVERIFY(client->liveChannels().isEmpty()); // not on the server yet
    QSignalSpy stasis(channel, &Channel::stasisStarted);
    QSignalSpy known(channel, &Channel::knownChanged);
    const QString id = channel->id();
    auto originate = channel->originate(u"PJSIP/1000"_s, { .app = app });
    QTRY_VERIFY(originate.isFinished());
    QVERIFY2(originate.result().has_value(), qPrintable(describe(originate.result())));
    QCOMPARE(originate.result().value(), channel);
    QTRY_VERIFY(!stasis.isEmpty());
    QCOMPARE(known.size(), 1);
    QVERIFY(channel->isKnown());
    QCOMPARE(client->channel(id), channel);
    QVERIFY(client->liveChannels().contains(channel));

    QtAri::Playback *playback = client->newPlayback();
    QSignalSpy started(playback, &QtAri::Playback::started);
    auto play = channel->playWithId(playback->id(), { u"sound:hello-world"_s });
    QTRY_VERIFY(play.isFinished());
    QVERIFY2(play.result().has_value(), qPrintable(describe(play.result())));
    QCOMPARE(play.result().value(), playback);
    QTRY_VERIFY(!started.isEmpty());
}

// After the socket drops and the server's state moves on meanwhile, the reconnect's reconcile
// makes the live objects equal the server's again.
void tst_Registry::reconcileAfterSocketDrop()
{
    Client *client = m_env->client.get();
    QtAri::Testing::Simulator &sim = m_env->sim;
    const QString stays = sim.startCall(app, {}, u"keep-1"_s);
    const QString goes = sim.startCall(app, {}, u"gone-1"_s);
    QTRY_VERIFY(client->channel(stays) && client->channel(goes));
    QPointer<Channel> vanishing = client->channel(goes);
    QSignalSpy hungUp(vanishing.data(), &Channel::hungUp);
    QSignalSpy connected(client, &Client::connected);

    sim.setRefuseConnections(true);
    sim.dropWebSockets();
    QTRY_VERIFY(client->state() != Client::State::Connected);
    sim.hangupChannel(goes);                                // its events are lost
    const QString arrived = sim.startCall(app, {}, u"new-1"_s); // so are these
    sim.setRefuseConnections(false);
    QTRY_VERIFY_WITH_TIMEOUT(client->state() == Client::State::Connected, 15000);
    QTRY_VERIFY(client->channel(arrived));
    QTRY_COMPARE(hungUp.size(), 1);
    QVERIFY(!client->channel(goes));
    QVERIFY(client->channel(stays));
    QTRY_VERIFY(!vanishing);
    QSet<QString> live;
    for (Channel *channel : client->liveChannels())
        live.insert(channel->id());
    QSet<QString> server;
    for (const QJsonValue &value : sim.channels())
        server.insert(value.toObject().value(u"id"_s).toString());
    QCOMPARE(live, server);
}

void tst_Registry::clearOnDisconnect()
{
    Client *client = m_env->client.get();
    QVERIFY(m_env->push(ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"x1"_s) } })));
    QPointer<Channel> channel = client->channel(u"x1"_s);
    QVERIFY(channel);
    QSignalSpy cleared(client, &Client::liveObjectsCleared);
    client->disconnectFromServer();
    QTRY_COMPARE(cleared.size(), 1);
    QVERIFY(client->liveChannels().isEmpty());
    QTRY_VERIFY(!channel);
}

void tst_Registry::asteriskSystemInfo()
{
    QtAri::AsteriskSystem *system = m_env->client->asteriskSystem();
    QVERIFY(system);
    QVERIFY(system->version().isEmpty());
    QSignalSpy changed(system, &QtAri::AsteriskSystem::infoChanged);
    auto info = system->fetchInfo();
    QTRY_VERIFY(info.isFinished());
    QVERIFY2(info.result().has_value(), qPrintable(describe(info.result())));
    QCOMPARE(changed.size(), 1);
    QVERIFY(!system->version().isEmpty());
    QCOMPARE(system->version(), info.result().value().system().version());
}

QTEST_GUILESS_MAIN(tst_Registry)
#include "tst_registry.moc"
