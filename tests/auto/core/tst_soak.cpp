// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Soak: 100,000 events through a real event socket (the simulator's realistic flood, 1,000 channels)
// with the number of live objects sampled throughout: it never exceeds the channels in play and
// drops to nothing once they have ended. A churn of short calls leaves no object behind either.

#include "tst_registry_helpers.h"

#include <QtAri/Channel>
#include <QtAri/ChannelModel>

using namespace Qt::StringLiterals;
using namespace ObjectsTest;
using QtAri::Channel;
using QtAri::Client;

class tst_Soak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hundredThousandEvents();
    void churnLeavesNothingBehind();
};

void tst_Soak::hundredThousandEvents()
{
    constexpr int events = 100000;
    constexpr int channels = 1000;
    QtAri::Testing::Simulator sim;
    sim.setFlood(events, channels, 0);
    QVERIFY(sim.start());
    Client client;
    client.setUrl(sim.url());
    client.setCredentials(u"asterisk"_s, u"asterisk"_s);
    client.setApplicationNames({ app });
    QtAri::ChannelModel model(&client); // the model rides along through the whole soak
    const qsizetype childrenBefore = client.children().size();

    int received = 0;
    qsizetype maxLive = 0;
    qsizetype maxChildren = 0;
    bool done = false;
    connect(&client, &Client::eventReceived, this, [&](const QtAri::Event &) {
        if (++received % 5000 == 0) {
            maxLive = std::max(maxLive, client.liveChannels().size());
            maxChildren = std::max(maxChildren, client.children().size());
        }
    });
    connect(&client, &Client::channelUserEvent, this, [&](const QString &name) {
        done = done || name == u"BenchDone";
    });
    auto future = client.connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
    QVERIFY(future.result().has_value());
    QTRY_VERIFY_WITH_TIMEOUT(done, 180000);

    QCOMPARE(received, events + 1); // and the closing sentinel
    QVERIFY2(maxLive <= channels, qPrintable(QString::number(maxLive)));
    QVERIFY(maxChildren > 0);
    // The flood (the realistic mix) runs channels / 3 calls at once, each with up to three
    // channels, a bridge and a playback live.
    QVERIFY2(maxChildren <= childrenBefore + channels + 2 * (channels / 3) + 64,
             qPrintable(QString::number(maxChildren)));
    QVERIFY(client.liveChannels().isEmpty());
    QCOMPARE(model.rowCount(), 0);
    // Ended objects are gone after the deferred deletions ran.
    QTRY_VERIFY(client.findChildren<Channel *>().isEmpty());
}

void tst_Soak::churnLeavesNothingBehind()
{
    Connected env;
    QVERIFY(env.connect());
    Client *client = env.client.get();
    const qsizetype childrenBefore = client->children().size();
    for (int round = 0; round < 20; ++round) {
        QList<QJsonObject> batch;
        for (int call = 0; call < 10; ++call) {
            const QString id = u"churn-%1-%2"_s.arg(round).arg(call);
            const QString bridge = u"churn-bridge-%1-%2"_s.arg(round).arg(call);
            const QString playback = u"churn-pb-%1-%2"_s.arg(round).arg(call);
            batch << ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(id, u"Ring"_s) } })
                  << ariEvent(u"StasisStart"_s, { { u"channel"_s, channelJson(id) }, { u"args"_s, QJsonArray() } })
                  << ariEvent(u"BridgeCreated"_s, { { u"bridge"_s, bridgeJson(bridge) } })
                  << ariEvent(u"ChannelEnteredBridge"_s, { { u"bridge"_s, bridgeJson(bridge, { id }) }, { u"channel"_s, channelJson(id) } })
                  << ariEvent(u"PlaybackStarted"_s, { { u"playback"_s, playbackJson(playback, u"bridge:"_s + bridge) } })
                  << ariEvent(u"PlaybackFinished"_s, { { u"playback"_s, playbackJson(playback, u"bridge:"_s + bridge, u"done"_s) } })
                  << ariEvent(u"ChannelLeftBridge"_s, { { u"bridge"_s, bridgeJson(bridge) }, { u"channel"_s, channelJson(id) } })
                  << ariEvent(u"BridgeDestroyed"_s, { { u"bridge"_s, bridgeJson(bridge) } })
                  << ariEvent(u"StasisEnd"_s, { { u"channel"_s, channelJson(id) } })
                  << ariEvent(u"ChannelDestroyed"_s, { { u"channel"_s, channelJson(id) }, { u"cause"_s, 16 }, { u"cause_txt"_s, u"x"_s } });
        }
        QVERIFY(env.push(batch));
        QVERIFY(client->liveChannels().isEmpty());
        QVERIFY(client->liveBridges().isEmpty());
        QVERIFY(client->livePlaybacks().isEmpty());
    }
    QTRY_COMPARE(client->children().size(), childrenBefore);
}

QTEST_GUILESS_MAIN(tst_Soak)
#include "tst_soak.moc"
