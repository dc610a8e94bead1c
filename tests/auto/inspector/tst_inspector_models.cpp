// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// The Inspector's models on their own, fed with ARI JSON as Asterisk sends it.

#include "models/ariformat.h"
#include "models/bridgesmodel.h"
#include "models/channelsmodel.h"
#include "models/eventlogfilter.h"
#include "models/eventlogmodel.h"
#include "models/roles.h"

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

QJsonObject channelJson(const QString &id, const QString &state = u"Up"_s, const QString &name = {})
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
        { u"creationtime"_s, u"2026-11-26T03:10:43.493+0000"_s },
        { u"language"_s, u"en"_s },
    };
}

QJsonObject bridgeJson(const QString &id, const QStringList &members)
{
    return QJsonObject { { u"id"_s, id }, { u"technology"_s, u"simple_bridge"_s },
        { u"bridge_type"_s, u"mixing"_s }, { u"bridge_class"_s, u"stasis"_s }, { u"name"_s, u""_s },
        { u"channels"_s, QJsonArray::fromStringList(members) } };
}

QJsonObject ariEvent(const QString &type, const QJsonObject &fields)
{
    QJsonObject e = fields;
    e.insert(u"type"_s, type);
    e.insert(u"application"_s, u"demo"_s);
    e.insert(u"timestamp"_s, u"2026-11-26T03:10:43.493+0000"_s);
    return e;
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
    ChannelsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.upsert(channelJson(u"c1"_s, u"Ring"_s));
    model.upsert(channelJson(u"c2"_s, u"Up"_s));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, int(ChannelColumn::State)).data().toString(), u"Ring"_s);
    QCOMPARE(model.index(0, int(ChannelColumn::Caller)).data().toString(), u"Alice <1000>"_s);
    QCOMPARE(model.index(0, int(ChannelColumn::Connected)).data().toString(), u"2000"_s);
    QCOMPARE(model.index(0, int(ChannelColumn::Application)).data().toString(), u"demo"_s);
    QVERIFY(!model.index(0, int(ChannelColumn::Duration)).data().toString().isEmpty());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.upsert(channelJson(u"c1"_s, u"Up"_s));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, int(ChannelColumn::State)).data().toString(), u"Up"_s);

    model.setBridge(u"c2"_s, u"b1"_s);
    QCOMPARE(model.index(1, int(ChannelColumn::Bridge)).data().toString(), u"b1"_s);
    model.remove(u"c1"_s);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(u"c2"_s), 0);
    QCOMPARE(model.index(0, int(ChannelColumn::Bridge)).data().toString(), u"b1"_s);

    // A resync keeps what still exists (with its bridge), drops the rest, adds the new.
    model.reset({ channelJson(u"c2"_s), channelJson(u"c3"_s) });
    QCOMPARE(model.ids(), (QStringList { u"c2"_s, u"c3"_s }));
    QCOMPARE(model.bridgeOf(u"c2"_s), u"b1"_s);
}

void tst_InspectorModels::channelsModelDragData()
{
    ChannelsModel model;
    model.setDragTag(u"session-1"_s);
    model.upsert(channelJson(u"c1"_s));
    model.upsert(channelJson(u"c/2?"_s));
    std::unique_ptr<QMimeData> mime(
        model.mimeData({ model.index(0, 0), model.index(0, 3), model.index(1, 0) }));
    QVERIFY(mime);
    QString tag;
    QCOMPARE(channelIdsFromMime(mime.get(), &tag), (QStringList { u"c1"_s, u"c/2?"_s }));
    QCOMPARE(tag, u"session-1"_s);
}

void tst_InspectorModels::bridgesModelTree()
{
    ChannelsModel channels;
    channels.upsert(channelJson(u"c1"_s, u"Up"_s, u"PJSIP/alice-01"_s));
    BridgesModel model;
    model.setChannelsModel(&channels);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.upsert(bridgeJson(u"b1"_s, {}));
    model.upsert(bridgeJson(u"b2"_s, { u"c1"_s, u"c2"_s }));
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex b2 = model.indexOf(u"b2"_s);
    QCOMPARE(model.rowCount(b2), 2);
    QCOMPARE(model.index(0, 0, b2).data().toString(), u"PJSIP/alice-01"_s);
    QCOMPARE(model.index(1, 0, b2).data().toString(), u"c2"_s); // unknown channel: its id
    QCOMPARE(model.channelIdAt(model.index(1, 0, b2)), u"c2"_s);
    QCOMPARE(model.bridgeIdAt(model.index(1, 0, b2)), u"b2"_s);
    QCOMPARE(model.parent(model.index(1, 0, b2)), b2);

    // A member row follows its channel's state.
    channels.setBridge(u"c1"_s, u"b2"_s);
    QSignalSpy memberChanged(&model, &QAbstractItemModel::dataChanged);
    channels.upsert(channelJson(u"c1"_s, u"Ring"_s, u"PJSIP/alice-01"_s));
    QCOMPARE(model.index(0, int(BridgeColumn::Members), b2).data().toString(), u"Ring"_s);
    QCOMPARE(memberChanged.size(), 1);
    QCOMPARE(memberChanged.at(0).at(0).toModelIndex(), model.index(0, 0, b2));

    model.upsert(bridgeJson(u"b2"_s, { u"c2"_s, u"c3"_s }));
    QCOMPARE(model.members(u"b2"_s), (QStringList { u"c2"_s, u"c3"_s }));
    model.remove(u"b1"_s);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.indexOf(u"b2"_s).row(), 0);
    QCOMPARE(model.rowCount(model.indexOf(u"b2"_s)), 2);
    model.reset({ bridgeJson(u"b3"_s, { u"c1"_s }) });
    QCOMPARE(model.ids(), QStringList { u"b3"_s });
}

void tst_InspectorModels::bridgesModelDropAsksToAdd()
{
    ChannelsModel channels;
    channels.setDragTag(u"s1"_s);
    channels.upsert(channelJson(u"c1"_s));
    channels.upsert(channelJson(u"c2"_s));
    BridgesModel model;
    model.setDragTag(u"s1"_s);
    model.upsert(bridgeJson(u"b1"_s, {}));
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
    ChannelsModel other;
    other.setDragTag(u"s2"_s);
    other.upsert(channelJson(u"x"_s));
    std::unique_ptr<QMimeData> foreign(other.mimeData({ other.index(0, 0) }));
    QVERIFY(!model.canDropMimeData(foreign.get(), Qt::CopyAction, -1, -1, model.indexOf(u"b1"_s)));
    QVERIFY(!model.dropMimeData(foreign.get(), Qt::CopyAction, -1, -1, model.indexOf(u"b1"_s)));
    QCOMPARE(requested.size(), 2);
}

QTEST_GUILESS_MAIN(tst_InspectorModels)
#include "tst_inspector_models.moc"
