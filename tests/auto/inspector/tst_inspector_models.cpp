// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// The Inspector's models on their own, fed with ARI JSON as Asterisk sends it: the event log
// directly, the channel and bridge views through a QtAri::Client (their rows are the library's
// ChannelModel / BridgeModel) connected to the simulator, which pushes the events.

#include "models/ariformat.h"
#include "models/bridgesmodel.h"
#include "models/channelsmodel.h"
#include "models/eventlogfilter.h"
#include "models/eventlogmodel.h"
#include "models/roles.h"

#include <QtAri/Client>
#include <QtAri/Testing/Simulator>

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QMimeData>
#include <QtCore/QTimeZone>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace QtAri::Inspector;

namespace {

QJsonObject channelJson(const QString &id, const QString &state = u"Up"_s, const QString &name = {},
    const QString &created = u"2026-11-26T03:10:43.493+0000"_s)
{
    return QJsonObject {
        { u"id"_s, id },
        { u"name"_s, name.isEmpty() ? u"PJSIP/"_s + id : name },
        { u"state"_s, state },
        { u"caller"_s, QJsonObject { { u"name"_s, u"Alice"_s }, { u"number"_s, u"1000"_s } } },
        { u"connected"_s, QJsonObject { { u"name"_s, u""_s }, { u"number"_s, u"2000"_s } } },
        { u"dialplan"_s,
            QJsonObject { { u"context"_s, u"default"_s }, { u"exten"_s, u"100"_s },
                { u"priority"_s, 1 }, { u"app_name"_s, u"Stasis"_s },
                { u"app_data"_s, u"demo,incoming"_s } } },
        { u"creationtime"_s, created },
        { u"language"_s, u"en"_s },
        { u"protocol_id"_s, u""_s },
        { u"accountcode"_s, u""_s },
    };
}

// A channel outside Stasis (in the dialplan, as subscribeAll shows other programs' calls).
QJsonObject dialplanChannelJson(const QString &id, const QString &state = u"Ring"_s)
{
    QJsonObject c = channelJson(id, state);
    c.insert(u"dialplan"_s,
        QJsonObject { { u"context"_s, u"default"_s }, { u"exten"_s, u"200"_s },
            { u"priority"_s, 2 }, { u"app_name"_s, u"Dial"_s },
            { u"app_data"_s, u"PJSIP/200"_s } });
    return c;
}

// Asterisk's form of a time \a seconds ago.
QString ariTimeAgo(int seconds)
{
    return QDateTime::currentDateTimeUtc().addSecs(-seconds).toString(
        u"yyyy-MM-ddTHH:mm:ss.zzz+0000"_s);
}

QJsonObject bridgeJson(const QString &id, const QStringList &members, const QString &name = {})
{
    return QJsonObject { { u"id"_s, id }, { u"technology"_s, u"simple_bridge"_s },
        { u"bridge_type"_s, u"mixing"_s }, { u"bridge_class"_s, u"stasis"_s }, { u"name"_s, name },
        { u"creator"_s, u"Stasis"_s }, { u"channels"_s, QJsonArray::fromStringList(members) },
        { u"video_mode"_s, u"talker"_s },
        { u"creationtime"_s, u"2026-11-26T03:10:43.493+0000"_s } };
}

QJsonObject ariEvent(const QString &type, const QJsonObject &fields)
{
    QJsonObject e = fields;
    e.insert(u"type"_s, type);
    e.insert(u"application"_s, u"demo"_s);
    e.insert(u"timestamp"_s, u"2026-11-26T03:10:43.493+0000"_s);
    return e;
}

//! The simulator pushing events to a connected client (subscribeAll: it takes every event as the
//! server's word, as a server-wide console does), with the Inspector's models over it.
class Feed
{
public:
    Feed()
    {
        if (!sim.start())
            return;
        client.setUrl(sim.url());
        client.setCredentials(u"asterisk"_s, u"asterisk"_s);
        client.setApplicationNames({ u"inspector-test"_s });
        client.setSubscribeAll(true);
    }

    bool connect()
    {
        auto future = client.connectToServer();
        return QTest::qWaitFor([&] { return future.isFinished(); }, 10000)
            && future.result().has_value();
    }

    //! Pushes \a events (as sent to our application) and waits until the client has handled them.
    bool push(const QList<QJsonObject> &events)
    {
        const qsizetype target = received.size() + events.size();
        for (QJsonObject e : events) {
            e.insert(u"application"_s, u"inspector-test"_s);
            e.insert(u"asterisk_id"_s, u"02:fc:00:00:00:01"_s);
            sim.pushEvent(e);
        }
        return QTest::qWaitFor([&] { return received.size() >= target; }, 20000);
    }
    bool push(const QJsonObject &e) { return push(QList<QJsonObject> { e }); }

    QtAri::Testing::Simulator sim;
    QtAri::Client client;
    QSignalSpy received { &client, &QtAri::Client::eventReceived };
};

QJsonObject destroyedEvent(const QString &id)
{
    return ariEvent(u"ChannelDestroyed"_s,
        { { u"channel"_s, channelJson(id) }, { u"cause"_s, 16 }, { u"cause_txt"_s, u"Normal"_s } });
}

} // namespace

class tst_InspectorModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formatting();
    void eventIdsAndSummary();
    void eventLogBatchesInserts();
    void eventLogIsCapped();
    void eventLogPauseHoldsEvents();
    void eventLogFilter();
    void eventLogReadsRealTraces();
    void channelsModelTracksChannels();
    void channelsModelDurationTicks();
    void channelFilterHidesAndSorts();
    void channelsModelDragData();
    void bridgesModelTree();
    void bridgesModelDropAsksToAdd();
};

void tst_InspectorModels::formatting()
{
    QCOMPARE(formatDuration(7), u"0:07"_s);
    QCOMPARE(formatDuration(754), u"12:34"_s);
    QCOMPARE(formatDuration(3723), u"1:02:03"_s);
    QCOMPARE(formatCallerId(QJsonObject { { u"name"_s, u"Bob"_s }, { u"number"_s, u"42"_s } }),
        u"Bob <42>"_s);
    QCOMPARE(
        formatCallerId(QJsonObject { { u"name"_s, u""_s }, { u"number"_s, u"42"_s } }), u"42"_s);
    QCOMPARE(parseAriTime(u"2026-11-26T03:10:43.493+0100"_s).toUTC(),
        QDateTime(QDate(2026, 11, 26), QTime(2, 10, 43, 493), QTimeZone::utc()));
    QCOMPARE(stasisAppOf(channelJson(u"c1"_s)), u"demo"_s);
}

void tst_InspectorModels::eventIdsAndSummary()
{
    const QJsonObject e = ariEvent(u"ChannelEnteredBridge"_s,
        { { u"channel"_s, channelJson(u"c1"_s) },
            { u"bridge"_s, bridgeJson(u"b1"_s, { u"c1"_s }) } });
    QCOMPARE(eventObjectIds(e), (QStringList { u"b1"_s, u"c1"_s }));
    QVERIFY(eventSummary(e).contains(u"PJSIP/c1"_s));
    const QJsonObject dtmf = ariEvent(u"ChannelDtmfReceived"_s,
        { { u"channel"_s, channelJson(u"c1"_s) }, { u"digit"_s, u"5"_s },
            { u"duration_ms"_s, 120 } });
    QVERIFY(eventSummary(dtmf).contains(u"5"_s));
    const QJsonObject rec = ariEvent(u"RecordingStarted"_s,
        { { u"recording"_s,
            QJsonObject { { u"name"_s, u"rec-1"_s }, { u"state"_s, u"recording"_s } } } });
    QCOMPARE(eventObjectIds(rec), QStringList { u"rec-1"_s });
    const QJsonObject pb = ariEvent(u"PlaybackStarted"_s,
        { { u"playback"_s,
            QJsonObject { { u"id"_s, u"pb-1"_s }, { u"target_uri"_s, u"bridge:b1"_s } } } });
    QCOMPARE(eventObjectIds(pb), (QStringList { u"pb-1"_s, u"b1"_s }));
}

void tst_InspectorModels::eventLogBatchesInserts()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 50; ++i)
        model.append(
            ariEvent(u"ChannelStateChange"_s, { { u"channel"_s, channelJson(u"c%1"_s.arg(i)) } }));
    QCOMPARE(model.rowCount(), 0); // not yet: batched on a timer
    QTRY_COMPARE(model.rowCount(), 50);
    QCOMPARE(inserted.size(), 1); // one insertion for the whole batch
    QCOMPARE(model.index(49, int(EventColumn::Type)).data().toString(), u"ChannelStateChange"_s);
    QCOMPARE(model.index(49, int(EventColumn::Objects)).data().toString(), u"c49"_s);
    QCOMPARE(model.index(0, 0).data(JsonRole).toJsonObject().value(u"type"_s).toString(),
        u"ChannelStateChange"_s);
    QCOMPARE(model.knownTypes(), QStringList { u"ChannelStateChange"_s });
}

void tst_InspectorModels::eventLogIsCapped()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMaxRows(100);
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 70; ++i) {
            model.append(ariEvent(u"ChannelVarset"_s,
                { { u"channel"_s, channelJson(u"c1"_s) }, { u"variable"_s, u"n"_s },
                    { u"value"_s, QString::number(round * 70 + i) } }));
        }
        model.flush();
        QVERIFY(model.rowCount() <= 100);
    }
    QCOMPARE(model.rowCount(), 100);
    // The newest are kept, the oldest dropped.
    QCOMPARE(
        model.index(99, 0).data(JsonRole).toJsonObject().value(u"value"_s).toString(), u"209"_s);
    QCOMPARE(
        model.index(0, 0).data(JsonRole).toJsonObject().value(u"value"_s).toString(), u"110"_s);
    QCOMPARE(model.totalReceived(), quint64(210));
}

void tst_InspectorModels::eventLogPauseHoldsEvents()
{
    EventLogModel model;
    model.append(ariEvent(u"StasisStart"_s, { { u"channel"_s, channelJson(u"c1"_s) } }));
    model.flush();
    model.setPaused(true);
    model.append(ariEvent(u"StasisEnd"_s, { { u"channel"_s, channelJson(u"c1"_s) } }));
    model.flush(); // explicit flushes still happen; the timer does not run while paused
    QCOMPARE(model.rowCount(), 2);
    model.append(ariEvent(u"ChannelDestroyed"_s, { { u"channel"_s, channelJson(u"c1"_s) } }));
    QTest::qWait(250);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.pendingCount(), 1);
    model.setPaused(false);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.pendingCount(), 0);
}

void tst_InspectorModels::eventLogFilter()
{
    EventLogModel model;
    EventLogFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(
        &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(ariEvent(u"StasisStart"_s, { { u"channel"_s, channelJson(u"alpha"_s) } }));
    model.append(ariEvent(u"ChannelDtmfReceived"_s,
        { { u"channel"_s, channelJson(u"alpha"_s) }, { u"digit"_s, u"7"_s } }));
    model.append(ariEvent(u"StasisStart"_s, { { u"channel"_s, channelJson(u"beta"_s) } }));
    model.append(ariEvent(u"BridgeCreated"_s, { { u"bridge"_s, bridgeJson(u"br-9"_s, {}) } }));
    model.flush();
    QCOMPARE(filter.rowCount(), 4);

    filter.setTypeFilter(u"StasisStart"_s);
    QCOMPARE(filter.rowCount(), 2);
    filter.setIdFilter(u"BETA"_s); // ids match case-insensitively, as substrings
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, int(EventColumn::Objects)).data().toString(), u"beta"_s);
    filter.setTypeFilter({});
    filter.setIdFilter({});
    filter.setTextFilter(u"\"digit\":\"7\""_s);
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, int(EventColumn::Type)).data().toString(), u"ChannelDtmfReceived"_s);
    filter.setTextFilter({});
    filter.setIdFilter(u"br-"_s);
    QCOMPARE(filter.rowCount(), 1);
    filter.setIdFilter({});
    // New rows are filtered as they arrive.
    filter.setTypeFilter(u"BridgeDestroyed"_s);
    QCOMPARE(filter.rowCount(), 0);
    model.append(ariEvent(u"BridgeDestroyed"_s, { { u"bridge"_s, bridgeJson(u"br-9"_s, {}) } }));
    model.flush();
    QCOMPARE(filter.rowCount(), 1);
}

void tst_InspectorModels::eventLogReadsRealTraces()
{
    const QString path =
        QStringLiteral(QTARI_SHARED_DIR) + u"/ari/traces/b_bridge_playback.jsonl"_s;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        QSKIP("../shared/ari/traces is not available");
    EventLogModel model;
    int count = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        model.append(QJsonDocument::fromJson(line).object());
        ++count;
    }
    model.flush();
    QCOMPARE(model.rowCount(), count);
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(!model.index(row, int(EventColumn::Type)).data().toString().isEmpty());
        // Every event in this trace names at least one object.
        QVERIFY2(!model.index(row, 0).data(IdsRole).toStringList().isEmpty(),
            qPrintable(model.index(row, int(EventColumn::Type)).data().toString()));
    }
}

void tst_InspectorModels::channelsModelTracksChannels()
{
    Feed feed;
    QVERIFY(feed.connect());
    ChannelsModel model(&feed.client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(ChannelColumn::Count));
    QCOMPARE(model.headerData(int(ChannelColumn::Name), Qt::Horizontal).toString(), u"Channel"_s);

    QVERIFY(feed.push({ ariEvent(u"ChannelCreated"_s, { { u"channel"_s, dialplanChannelJson(u"c1"_s) } }),
        ariEvent(u"StasisStart"_s,
            { { u"channel"_s, channelJson(u"c2"_s, u"Ring"_s) }, { u"args"_s, QJsonArray() } }) }));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.ids(), (QStringList { u"c1"_s, u"c2"_s }));
    QCOMPARE(model.index(1, int(ChannelColumn::State)).data().toString(), u"Ring"_s);
    QCOMPARE(model.index(1, int(ChannelColumn::Caller)).data().toString(), u"Alice <1000>"_s);
    QCOMPARE(model.index(1, int(ChannelColumn::Connected)).data().toString(), u"2000"_s);
    QCOMPARE(model.index(1, int(ChannelColumn::Application)).data().toString(), u"demo"_s);
    QCOMPARE(model.index(0, int(ChannelColumn::Application)).data().toString(), QString());
    QCOMPARE(model.index(0, int(ChannelColumn::Dialplan)).data().toString(), u"default,200,2"_s);
    QCOMPARE(model.index(1, 0).data(IdRole).toString(), u"c2"_s);
    QCOMPARE(model.index(1, 0).data(TypeRole).toString(), u"channel"_s);
    QCOMPARE(model.index(1, 0).data(JsonRole).toJsonObject().value(u"state"_s).toString(), u"Ring"_s);
    QCOMPARE(model.json(u"c2"_s).value(u"name"_s).toString(), u"PJSIP/c2"_s);
    QCOMPARE(model.nameOf(u"c1"_s), u"PJSIP/c1"_s);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(feed.push(ariEvent(u"ChannelStateChange"_s, { { u"channel"_s, channelJson(u"c2"_s, u"Up"_s) } })));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, int(ChannelColumn::State)).data().toString(), u"Up"_s);

    // The bridge column names the bridge (its id in the tooltip) while the channel is in it.
    QVERIFY(feed.push(ariEvent(u"ChannelEnteredBridge"_s,
        { { u"bridge"_s, bridgeJson(u"b1"_s, { u"c2"_s }, u"room"_s) },
            { u"channel"_s, channelJson(u"c2"_s) } })));
    QCOMPARE(model.index(1, int(ChannelColumn::Bridge)).data().toString(), u"room"_s);
    QCOMPARE(model.index(1, int(ChannelColumn::Bridge)).data(Qt::ToolTipRole).toString(), u"b1"_s);
    QCOMPARE(model.bridgeOf(u"c2"_s), u"b1"_s);

    // ChannelDestroyed drops the row; the later row moves up and stays addressable.
    QVERIFY(feed.push(destroyedEvent(u"c1"_s)));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.contains(u"c1"_s));
    QCOMPARE(model.rowOf(u"c2"_s), 0);
    QCOMPARE(model.index(0, int(ChannelColumn::Bridge)).data().toString(), u"room"_s);
    QVERIFY(feed.push(ariEvent(u"ChannelLeftBridge"_s,
        { { u"bridge"_s, bridgeJson(u"b1"_s, {}, u"room"_s) }, { u"channel"_s, channelJson(u"c2"_s) } })));
    QCOMPARE(model.index(0, int(ChannelColumn::Bridge)).data().toString(), QString());
    QCOMPARE(model.bridgeOf(u"c2"_s), QString());
}

void tst_InspectorModels::channelsModelDurationTicks()
{
    Feed feed;
    QVERIFY(feed.connect());
    ChannelsModel model(&feed.client);
    QVERIFY(feed.push(ariEvent(u"StasisStart"_s,
        { { u"channel"_s, channelJson(u"c1"_s, u"Up"_s, {}, ariTimeAgo(65)) },
            { u"args"_s, QJsonArray() } })));
    const QModelIndex duration = model.index(0, int(ChannelColumn::Duration));
    const QString first = duration.data().toString();
    QVERIFY2(first == u"1:05"_s || first == u"1:06"_s, qPrintable(first));
    // Once a second the column is announced changed (no event needed) and reads a later time.
    QSignalSpy ticks(&model, &QAbstractItemModel::dataChanged);
    QTRY_VERIFY_WITH_TIMEOUT(duration.data().toString() != first, 3000);
    // (the text is computed when read: it can change before the tick announcing it)
    QTRY_VERIFY_WITH_TIMEOUT(!ticks.isEmpty(), 3000);
    bool durationColumnTicked = false;
    for (const QList<QVariant> &tick : std::as_const(ticks)) {
        if (tick.at(0).toModelIndex().column() == int(ChannelColumn::Duration))
            durationColumnTicked = true;
    }
    QVERIFY(durationColumnTicked);
}

void tst_InspectorModels::channelFilterHidesAndSorts()
{
    Feed feed;
    QVERIFY(feed.connect());
    ChannelsModel model(&feed.client);
    ChannelFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(feed.push({ ariEvent(u"StasisStart"_s,
                            { { u"channel"_s, channelJson(u"alice"_s, u"Up"_s, {}, ariTimeAgo(600)) },
                                { u"args"_s, QJsonArray() } }),
        ariEvent(u"StasisStart"_s,
            { { u"channel"_s, channelJson(u"bob"_s, u"Up"_s, {}, ariTimeAgo(540)) },
                { u"args"_s, QJsonArray() } }),
        ariEvent(u"ChannelCreated"_s, { { u"channel"_s, dialplanChannelJson(u"carol"_s) } }) }));
    QCOMPARE(filter.rowCount(), 3);

    const auto shownIds = [&filter] {
        QStringList ids;
        for (int row = 0; row < filter.rowCount(); ++row)
            ids.append(filter.index(row, 0).data(IdRole).toString());
        return ids;
    };
    filter.setFilterFixedString(u"BOB"_s); // any column, any case
    QCOMPARE(shownIds(), QStringList { u"bob"_s });
    filter.setFilterFixedString(QString());
    QCOMPARE(filter.rowCount(), 3);

    filter.setStasisOnly(true);
    QCOMPARE(shownIds(), (QStringList { u"alice"_s, u"bob"_s }));
    // A channel that enters Stasis appears; one that ends goes.
    QVERIFY(feed.push(ariEvent(u"StasisStart"_s,
        { { u"channel"_s, channelJson(u"carol"_s, u"Up"_s) }, { u"args"_s, QJsonArray() } })));
    QCOMPARE(shownIds(), (QStringList { u"alice"_s, u"bob"_s, u"carol"_s }));
    QVERIFY(feed.push(destroyedEvent(u"alice"_s)));
    QCOMPARE(shownIds(), (QStringList { u"bob"_s, u"carol"_s }));
    filter.setStasisOnly(false);

    // The duration sorts by time, not by its text ("9:00" is shorter than "10:00").
    QVERIFY(feed.push(ariEvent(u"StasisStart"_s,
        { { u"channel"_s, channelJson(u"dave"_s, u"Up"_s, {}, ariTimeAgo(600)) },
            { u"args"_s, QJsonArray() } })));
    filter.sort(int(ChannelColumn::Duration), Qt::DescendingOrder);
    QCOMPARE(shownIds(), (QStringList { u"carol"_s, u"dave"_s, u"bob"_s })); // carol: days ago
}

void tst_InspectorModels::channelsModelDragData()
{
    Feed feed;
    QVERIFY(feed.connect());
    ChannelsModel model(&feed.client);
    model.setDragTag(u"session-1"_s);
    QVERIFY(feed.push({ ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"c1"_s) } }),
        ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"c/2?"_s) } }) }));
    QVERIFY(model.flags(model.index(0, 0)).testFlag(Qt::ItemIsDragEnabled));
    std::unique_ptr<QMimeData> mime(
        model.mimeData({ model.index(0, 0), model.index(0, 3), model.index(1, 0) }));
    QVERIFY(mime);
    QString tag;
    QCOMPARE(channelIdsFromMime(mime.get(), &tag), (QStringList { u"c1"_s, u"c/2?"_s }));
    QCOMPARE(tag, u"session-1"_s);
}

void tst_InspectorModels::bridgesModelTree()
{
    Feed feed;
    QVERIFY(feed.connect());
    BridgesModel model(&feed.client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(feed.push({ ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"c1"_s, u"Up"_s, u"PJSIP/alice-01"_s) } }),
        ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"c2"_s, u"Up"_s) } }),
        ariEvent(u"BridgeCreated"_s, { { u"bridge"_s, bridgeJson(u"b1"_s, {}) } }),
        ariEvent(u"BridgeCreated"_s, { { u"bridge"_s, bridgeJson(u"b2"_s, {}, u"room"_s) } }) }));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.ids(), (QStringList { u"b1"_s, u"b2"_s }));
    const int name = int(BridgeColumn::Name);
    QCOMPARE(model.index(0, name).data().toString(), u"b1"_s); // no name: its id
    QCOMPARE(model.index(1, name).data().toString(), u"room"_s);
    QCOMPARE(model.index(1, int(BridgeColumn::Type)).data().toString(), u"mixing"_s);
    QCOMPARE(model.indexOf(u"b2"_s).data(TypeRole).toString(), u"bridge"_s);
    QCOMPARE(model.json(u"b2"_s).value(u"name"_s).toString(), u"room"_s);

    QVERIFY(feed.push({ ariEvent(u"ChannelEnteredBridge"_s,
                            { { u"bridge"_s, bridgeJson(u"b2"_s, { u"c1"_s }, u"room"_s) },
                                { u"channel"_s, channelJson(u"c1"_s, u"Up"_s, u"PJSIP/alice-01"_s) } }),
        ariEvent(u"ChannelEnteredBridge"_s,
            { { u"bridge"_s, bridgeJson(u"b2"_s, { u"c1"_s, u"c2"_s }, u"room"_s) },
                { u"channel"_s, channelJson(u"c2"_s) } }) }));
    const QModelIndex b2 = model.indexOf(u"b2"_s);
    QCOMPARE(model.rowCount(b2), 2);
    QCOMPARE(model.members(u"b2"_s), (QStringList { u"c1"_s, u"c2"_s }));
    QCOMPARE(model.index(b2.row(), int(BridgeColumn::Members)).data().toString(), u"2 channel(s)"_s);
    QCOMPARE(model.index(0, name, b2).data().toString(), u"PJSIP/alice-01"_s);
    QCOMPARE(model.index(0, int(BridgeColumn::Type), b2).data().toString(), u"channel"_s);
    QCOMPARE(model.index(0, 0, b2).data(KindRole).toInt(), int(NodeKind::Member));
    QCOMPARE(model.channelIdAt(model.index(1, 0, b2)), u"c2"_s);
    QCOMPARE(model.channelIdAt(b2), QString());
    QCOMPARE(model.bridgeIdAt(model.index(1, 0, b2)), u"b2"_s);
    QCOMPARE(model.parent(model.index(1, 0, b2)), b2);
    QCOMPARE(model.index(1, 0, b2).data(JsonRole).toJsonObject().value(u"id"_s).toString(), u"c2"_s);

    // A member row follows its channel's state.
    QVERIFY(feed.push(ariEvent(u"ChannelStateChange"_s,
        { { u"channel"_s, channelJson(u"c1"_s, u"Ring"_s, u"PJSIP/alice-01"_s) } })));
    QCOMPARE(model.index(0, int(BridgeColumn::Members), b2).data().toString(), u"Ring"_s);

    // Leaving the bridge and its end change the tree.
    QVERIFY(feed.push(ariEvent(u"ChannelLeftBridge"_s,
        { { u"bridge"_s, bridgeJson(u"b2"_s, { u"c2"_s }, u"room"_s) },
            { u"channel"_s, channelJson(u"c1"_s) } })));
    QCOMPARE(model.members(u"b2"_s), QStringList { u"c2"_s });
    QCOMPARE(model.rowCount(model.indexOf(u"b2"_s)), 1);
    QVERIFY(feed.push(ariEvent(u"BridgeDestroyed"_s, { { u"bridge"_s, bridgeJson(u"b1"_s, {}) } })));
    QCOMPARE(model.ids(), QStringList { u"b2"_s });
    QVERIFY(!model.contains(u"b1"_s));
    QCOMPARE(model.indexOf(u"b2"_s).row(), 0);
}

void tst_InspectorModels::bridgesModelDropAsksToAdd()
{
    Feed feed;
    QVERIFY(feed.connect());
    ChannelsModel channels(&feed.client);
    channels.setDragTag(u"s1"_s);
    BridgesModel model(&feed.client);
    model.setDragTag(u"s1"_s);
    QVERIFY(feed.push({ ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"c1"_s) } }),
        ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"c2"_s) } }),
        ariEvent(u"BridgeCreated"_s, { { u"bridge"_s, bridgeJson(u"b1"_s, {}) } }) }));
    QSignalSpy requested(&model, &BridgesModel::addChannelsRequested);

    std::unique_ptr<QMimeData> mime(
        channels.mimeData({ channels.index(0, 0), channels.index(1, 0) }));
    QVERIFY(model.canDropMimeData(mime.get(), Qt::CopyAction, -1, -1, model.indexOf(u"b1"_s)));
    QVERIFY(model.dropMimeData(mime.get(), Qt::CopyAction, -1, -1, model.indexOf(u"b1"_s)));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), u"b1"_s);
    QCOMPARE(requested.at(0).at(1).toStringList(), (QStringList { u"c1"_s, u"c2"_s }));

    // Outside every bridge: a new bridge is asked for.
    QVERIFY(model.dropMimeData(mime.get(), Qt::CopyAction, 1, 0, {}));
    QCOMPARE(requested.at(1).at(0).toString(), QString());

    // Another server's channels are refused.
    ChannelsModel other(&feed.client);
    other.setDragTag(u"s2"_s);
    std::unique_ptr<QMimeData> foreign(other.mimeData({ other.index(0, 0) }));
    QVERIFY(!model.canDropMimeData(foreign.get(), Qt::CopyAction, -1, -1, model.indexOf(u"b1"_s)));
    QVERIFY(!model.dropMimeData(foreign.get(), Qt::CopyAction, -1, -1, model.indexOf(u"b1"_s)));
    QCOMPARE(requested.size(), 2);
}

QTEST_MAIN(tst_InspectorModels)
#include "tst_inspector_models.moc"
