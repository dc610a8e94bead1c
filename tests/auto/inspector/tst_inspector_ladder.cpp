// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// The call ladder: grouping a call's legs, and the ladder window against the simulator.

#include "inspectortest.h"
#include "mainwindow.h"
#include "models/bridgesmodel.h"
#include "models/channelsmodel.h"
#include "models/laddermodel.h"
#include "models/traffic.h"
#include "profiles.h"
#include "session.h"
#include "widgets/ladderview.h"
#include "widgets/ladderwindow.h"
#include "widgets/serverview.h"

#include <QtAri/Testing/Simulator>
#include <QtAri/Transport>

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QXmlStreamReader>
#include <QtGui/QAction>
#include <QtGui/QImage>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QPlainTextEdit>

#include <memory>

using namespace Qt::StringLiterals;
using namespace QtAri::Inspector;
using QtAri::Testing::Simulator;

namespace {

const QString testApp = u"ladder-test"_s;

QJsonObject channel(const QString &id, const QString &name, const QString &state = u"Up"_s)
{
    return { { u"id"_s, id }, { u"name"_s, name }, { u"state"_s, state },
        { u"dialplan"_s,
            QJsonObject { { u"context"_s, u"default"_s }, { u"exten"_s, u"100"_s },
                { u"priority"_s, 1 }, { u"app_name"_s, u"Stasis"_s },
                { u"app_data"_s, testApp } } } };
}

QJsonObject bridge(const QString &id, const QString &type, const QStringList &members = {})
{
    return { { u"id"_s, id }, { u"bridge_type"_s, type }, { u"bridge_class"_s, u"stasis"_s },
        { u"technology"_s, u"simple_bridge"_s },
        { u"channels"_s, QJsonArray::fromStringList(members) } };
}

QJsonObject ariEvent(const QString &type, const QJsonObject &fields)
{
    QJsonObject e = fields;
    e.insert(u"type"_s, type);
    e.insert(u"application"_s, testApp);
    e.insert(u"timestamp"_s, u"2026-12-02T10:00:00.000+0000"_s);
    return e;
}

QtAri::Exchange exchange(const QByteArray &method, const QByteArray &path, const QByteArray &query,
    int status, const QByteArray &body = {})
{
    QtAri::Exchange x;
    x.request.method = method;
    x.request.path = path;
    x.request.query = query;
    x.request.operation = u"test.op"_s;
    QtAri::Response r;
    r.status = status;
    r.body = body;
    r.contentType = "application/json";
    x.result = r;
    x.sentAt = QDateTime::currentDateTimeUtc();
    x.elapsedNs = 2'500'000;
    return x;
}

} // namespace

class tst_InspectorLadder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    // Traffic alone.
    void localHalvesAndDialLegsJoin();
    void bridgePartnersJoinButNotInAHoldingBridge();
    void snoopsTransfersPlaybacksAndRequestsJoin();
    void groupingFollowsWhatIsHeld();
    void ladderRowsAndLanes();

    // The window against the simulator.
    void ladderOfALocalCall();
    void failedRequestsShowOnTheLadder();

private:
    ServerView *connectWindow();

    InspectorTest::Env m_env;
};

void tst_InspectorLadder::init()
{
    QVERIFY(m_env.start());
}

void tst_InspectorLadder::cleanup()
{
    m_env.reset();
}

ServerView *tst_InspectorLadder::connectWindow()
{
    return m_env.connect(testApp);
}

void tst_InspectorLadder::localHalvesAndDialLegsJoin()
{
    Traffic t;
    t.addEvent(ariEvent(u"ChannelCreated"_s,
        { { u"channel"_s, channel(u"one"_s, u"Local/100@ari-test-0000002a;1"_s) } }));
    t.addEvent(ariEvent(u"ChannelCreated"_s,
        { { u"channel"_s, channel(u"two"_s, u"Local/100@ari-test-0000002a;2"_s) } }));
    // Another Local channel with a different counter is another call.
    t.addEvent(ariEvent(u"ChannelCreated"_s,
        { { u"channel"_s, channel(u"other"_s, u"Local/100@ari-test-0000002b;1"_s) } }));
    QCOMPARE(t.callOf(u"channel:two"_s), t.callOf(u"channel:one"_s));
    QVERIFY(t.callOf(u"channel:other"_s) != t.callOf(u"channel:one"_s));

    // A Dial names the caller and the peer (and a forwarded channel).
    t.addEvent(ariEvent(u"Dial"_s,
        { { u"caller"_s, channel(u"other"_s, u"Local/100@ari-test-0000002b;1"_s) },
            { u"peer"_s, channel(u"pjsip"_s, u"PJSIP/1000-00000001"_s) },
            { u"forwarded"_s, channel(u"fwd"_s, u"PJSIP/2000-00000002"_s) },
            { u"dialstatus"_s, u"RINGING"_s } }));
    QCOMPARE(t.callOf(u"channel:pjsip"_s), t.callOf(u"channel:other"_s));
    QCOMPARE(t.callOf(u"channel:fwd"_s), t.callOf(u"channel:other"_s));
    QCOMPARE(t.callMembers(u"channel:fwd"_s),
        QStringList({ u"channel:other"_s, u"channel:pjsip"_s, u"channel:fwd"_s }));
    QCOMPARE(t.callMembers(u"channel:one"_s), QStringList({ u"channel:one"_s, u"channel:two"_s }));
    // The Dial's main object is its peer.
    QCOMPARE(t.at(t.size() - 1).keys.first(), u"channel:pjsip"_s);
}

void tst_InspectorLadder::bridgePartnersJoinButNotInAHoldingBridge()
{
    Traffic t;
    for (const QString &id : { u"a"_s, u"b"_s, u"c"_s, u"d"_s })
        t.addEvent(ariEvent(u"StasisStart"_s, { { u"channel"_s, channel(id, u"PJSIP/"_s + id) } }));
    t.addEvent(ariEvent(u"ChannelEnteredBridge"_s,
        { { u"bridge"_s, bridge(u"mix"_s, u"mixing"_s, { u"a"_s }) },
            { u"channel"_s, channel(u"a"_s, u"PJSIP/a"_s) } }));
    t.addEvent(ariEvent(u"ChannelEnteredBridge"_s,
        { { u"bridge"_s, bridge(u"mix"_s, u"mixing"_s, { u"a"_s, u"b"_s }) },
            { u"channel"_s, channel(u"b"_s, u"PJSIP/b"_s) } }));
    QCOMPARE(t.callOf(u"channel:b"_s), t.callOf(u"channel:a"_s));
    QCOMPARE(t.callOf(u"bridge:mix"_s), t.callOf(u"channel:a"_s));

    // Callers waiting in one holding bridge are not one call.
    t.addEvent(ariEvent(u"BridgeCreated"_s, { { u"bridge"_s, bridge(u"hold"_s, u"holding"_s) } }));
    t.addEvent(ariEvent(u"ChannelEnteredBridge"_s,
        { { u"bridge"_s, bridge(u"hold"_s, u"holding"_s, { u"c"_s }) },
            { u"channel"_s, channel(u"c"_s, u"PJSIP/c"_s) } }));
    t.addEvent(ariEvent(u"ChannelEnteredBridge"_s,
        { { u"bridge"_s, bridge(u"hold"_s, u"holding"_s, { u"c"_s, u"d"_s }) },
            { u"channel"_s, channel(u"d"_s, u"PJSIP/d"_s) } }));
    QVERIFY(t.callOf(u"channel:c"_s) != t.callOf(u"channel:d"_s));
    QVERIFY(t.callOf(u"channel:c"_s) != t.callOf(u"channel:a"_s));
    // The entry still names the holding bridge: the channel's own ladder shows it.
    QVERIFY(t.at(t.size() - 1).keys.contains(u"bridge:hold"_s));
}

void tst_InspectorLadder::snoopsTransfersPlaybacksAndRequestsJoin()
{
    Traffic t;
    t.addEvent(ariEvent(u"StasisStart"_s, { { u"channel"_s, channel(u"agent"_s, u"PJSIP/agent"_s) } }));
    // Asterisk names a snoop "Snoop/<spied id>-<8 hex digits>".
    t.addEvent(ariEvent(u"StasisStart"_s,
        { { u"channel"_s, channel(u"spy"_s, u"Snoop/agent-00000001"_s) } }));
    QCOMPARE(t.callOf(u"channel:spy"_s), t.callOf(u"channel:agent"_s));

    // A blind transfer names every leg it moves.
    t.addEvent(ariEvent(u"StasisStart"_s, { { u"channel"_s, channel(u"x"_s, u"PJSIP/x"_s) } }));
    t.addEvent(ariEvent(u"StasisStart"_s, { { u"channel"_s, channel(u"y"_s, u"PJSIP/y"_s) } }));
    t.addEvent(ariEvent(u"BridgeBlindTransfer"_s,
        { { u"channel"_s, channel(u"x"_s, u"PJSIP/x"_s) },
            { u"transferee"_s, channel(u"y"_s, u"PJSIP/y"_s) }, { u"exten"_s, u"200"_s },
            { u"context"_s, u"default"_s }, { u"result"_s, u"Success"_s },
            { u"is_external"_s, false } }));
    QCOMPARE(t.callOf(u"channel:y"_s), t.callOf(u"channel:x"_s));
    QVERIFY(t.callOf(u"channel:x"_s) != t.callOf(u"channel:agent"_s));

    // A playback belongs to what it plays to.
    t.addEvent(ariEvent(u"PlaybackStarted"_s,
        { { u"playback"_s,
            QJsonObject { { u"id"_s, u"pb-1"_s }, { u"media_uri"_s, u"sound:hello"_s },
                { u"target_uri"_s, u"channel:agent"_s }, { u"state"_s, u"playing"_s },
                { u"language"_s, u"en"_s } } } }));
    QCOMPARE(t.callOf(u"playback:pb-1"_s), t.callOf(u"channel:agent"_s));
    QCOMPARE(t.at(t.size() - 1).keys.first(), u"playback:pb-1"_s);

    // One REST exchange ties together what it names: an id with /?#%+ is decoded from the path.
    t.addExchange(exchange("POST", "/bridges/b%2F1%3F%23%25%2B/addChannel",
        "channel=x%2Cagent", 204));
    QCOMPARE(t.at(t.size() - 1).keys,
        QStringList({ u"bridge:b/1?#%+"_s, u"channel:x"_s, u"channel:agent"_s }));
    QCOMPARE(t.callOf(u"channel:x"_s), t.callOf(u"channel:agent"_s));
    QCOMPARE(t.at(t.size() - 1).status, 204);

    // An originate's answer names the channel it made; its otherChannelId is the far half.
    t.addExchange(exchange("POST", "/channels", "endpoint=PJSIP%2F300&app=ladder-test&otherChannelId=far",
        200, QJsonDocument(channel(u"near"_s, u"PJSIP/300-1"_s, u"Down"_s)).toJson()));
    QCOMPARE(t.callOf(u"channel:near"_s), t.callOf(u"channel:far"_s));
    QCOMPARE(t.channelSnapshot(u"near"_s).value("name"_L1).toString(), u"PJSIP/300-1"_s);

    // A listing links nothing and is kept as text, cut short.
    QByteArray listing = "[";
    for (int i = 0; i < 200; ++i)
        listing += QJsonDocument(channel(u"l%1"_s.arg(i), u"PJSIP/l"_s)).toJson(QJsonDocument::Compact) + ',';
    listing.back() = ']';
    t.addExchange(exchange("GET", "/channels", {}, 200, listing));
    QVERIFY(t.at(t.size() - 1).keys.isEmpty());
    const QString kept = t.at(t.size() - 1).json.value("response"_L1).toString();
    QVERIFY(kept.startsWith(u"[{"_s));
    QVERIFY(kept.size() < 4200);
    QVERIFY(kept.endsWith(u"bytes)"_s));
}

void tst_InspectorLadder::groupingFollowsWhatIsHeld()
{
    Traffic t;
    t.setMaxItems(8);
    t.addEvent(ariEvent(u"ChannelEnteredBridge"_s,
        { { u"bridge"_s, bridge(u"old"_s, u"mixing"_s) },
            { u"channel"_s, channel(u"p"_s, u"PJSIP/p"_s) } }));
    t.addEvent(ariEvent(u"ChannelEnteredBridge"_s,
        { { u"bridge"_s, bridge(u"old"_s, u"mixing"_s) },
            { u"channel"_s, channel(u"q"_s, u"PJSIP/q"_s) } }));
    QCOMPARE(t.callOf(u"channel:q"_s), t.callOf(u"channel:p"_s));
    for (int i = 0; i < 20; ++i)
        t.addEvent(ariEvent(u"ChannelVarset"_s, { { u"channel"_s, channel(u"z"_s, u"PJSIP/z"_s) },
                                                 { u"variable"_s, u"N"_s },
                                                 { u"value"_s, QString::number(i) } }));
    QCOMPARE(t.size(), 8);
    QCOMPARE(t.firstSeq(), quint64(15));
    QCOMPARE(t.lastSeq(), quint64(22));
    QVERIFY(!t.bySeq(14));
    QCOMPARE(t.bySeq(15)->seq, quint64(15));
    // Nothing held names p or q any more: the grouping forgot them.
    QCOMPARE(t.callMembers(u"channel:p"_s), QStringList { u"channel:p"_s });
    QVERIFY(t.channelSnapshot(u"p"_s).isEmpty());
    QCOMPARE(t.callMembers(u"channel:z"_s), QStringList { u"channel:z"_s });

    // What is still held keeps its calls, snapshots and bridge types through further rebuilds.
    const auto enter = [&t](const QString &bridgeId, const QString &type, const QString &id) {
        t.addEvent(ariEvent(u"ChannelEnteredBridge"_s,
            { { u"bridge"_s, bridge(bridgeId, type) },
                { u"channel"_s, channel(id, u"PJSIP/"_s + id) } }));
    };
    enter(u"room"_s, u"mixing"_s, u"r"_s);
    enter(u"room"_s, u"mixing"_s, u"s"_s);
    enter(u"hold"_s, u"holding"_s, u"x"_s);
    enter(u"hold"_s, u"holding"_s, u"y"_s);
    const quint64 generation = t.groupingGeneration();
    for (int i = 0; i < 4; ++i) // drops 4 more z items: half of 8 since the last rebuild
        t.addEvent(ariEvent(u"ChannelVarset"_s, { { u"channel"_s, channel(u"z"_s, u"PJSIP/z"_s) },
                                                 { u"variable"_s, u"N"_s },
                                                 { u"value"_s, QString::number(i) } }));
    QVERIFY(t.groupingGeneration() > generation);
    QCOMPARE(t.size(), 8);
    QCOMPARE(t.callOf(u"channel:s"_s), t.callOf(u"channel:r"_s));
    const QStringList room = t.callMembers(u"channel:s"_s);
    QCOMPARE(QSet<QString>(room.cbegin(), room.cend()),
        (QSet<QString> { u"bridge:room"_s, u"channel:r"_s, u"channel:s"_s }));
    QCOMPARE(t.callSize(u"channel:r"_s), 3);
    QVERIFY(t.callOf(u"channel:x"_s) != t.callOf(u"channel:y"_s)); // a holding bridge joins none
    QCOMPARE(t.bridgeType(u"hold"_s), u"holding"_s);
    QCOMPARE(t.bridgeType(u"room"_s), u"mixing"_s);
    QCOMPARE(t.channelSnapshot(u"s"_s).value("name"_L1).toString(), u"PJSIP/s"_s);
    QVERIFY(t.bridgeType(u"old"_s).isEmpty());
}

void tst_InspectorLadder::ladderRowsAndLanes()
{
    Traffic t;
    LadderModel model(&t);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    t.addEvent(ariEvent(u"StasisStart"_s,
        { { u"channel"_s, channel(u"one"_s, u"Local/100@ari-test-00000001;1"_s) } }));
    t.addEvent(ariEvent(u"StasisStart"_s,
        { { u"channel"_s, channel(u"two"_s, u"Local/100@ari-test-00000001;2"_s) } }));
    t.addEvent(ariEvent(u"StasisStart"_s, { { u"channel"_s, channel(u"else"_s, u"PJSIP/else"_s) } }));
    QTest::qWait(5); // the request was sent 2.5 ms before it is reported: after the events
    t.addExchange(exchange("POST", "/channels/two/answer", {}, 204));
    model.setAnchor(u"channel:one"_s);
    QCOMPARE(model.lanes().size(), 3); // application, ;1, ;2
    QCOMPARE(model.lanes().at(1).title, u"Local/100@ari-test-00000001;1"_s);
    QCOMPARE(model.rowCount(), 3);
    // Events go to the application's lane, requests from it.
    QCOMPARE(model.row(1).from, 2);
    QCOMPARE(model.row(1).to, 0);
    QCOMPARE(model.row(2).from, 0);
    QCOMPARE(model.row(2).to, 2);
    QVERIFY(model.row(2).request);
    QVERIFY(model.row(2).label.startsWith(u"POST /channels/two/answer → 204"_s));
    model.setFollowLegs(false);
    QCOMPARE(model.lanes().size(), 2);
    QCOMPARE(model.rowCount(), 1);
    model.setFollowLegs(true);

    // New traffic of the call appears; other calls' traffic does not.
    t.addEvent(ariEvent(u"ChannelVarset"_s, { { u"channel"_s, channel(u"else"_s, u"PJSIP/else"_s) },
                                             { u"variable"_s, u"A"_s }, { u"value"_s, u"1"_s } }));
    t.addEvent(ariEvent(u"ChannelHangupRequest"_s,
        { { u"channel"_s, channel(u"two"_s, u"Local/100@ari-test-00000001;2"_s) },
            { u"cause"_s, 16 } }));
    QTRY_COMPARE(model.rowCount(), 4);
    QVERIFY(model.row(3).label.startsWith(u"ChannelHangupRequest"_s));
    model.setReferenceRow(0);
    QVERIFY(model.deltaText(3).startsWith(u'+'));
    QVERIFY(model.deltaText(3).endsWith(u" ms"_s));
    QCOMPARE(model.deltaText(0), u"0"_s);
    const QString text = model.toText();
    QVERIFY(text.contains(u"lane 2: Local/100@ari-test-00000001;2"_s));
    QVERIFY(text.contains(u"App"_s) || text.contains(u"Application"_s));
    QCOMPARE(text.count(u'\n'), 3 + 4);

    // Items the traffic no longer holds leave the ladder; the reference row moves with its row.
    model.setReferenceRow(3);
    t.setMaxItems(3); // keeps the request, the Varset of another call, the HangupRequest
    QCOMPARE(model.rowCount(), 2);
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY(model.row(r).seq >= t.firstSeq());
    QCOMPARE(model.referenceRow(), 1);
    QVERIFY(model.row(1).label.startsWith(u"ChannelHangupRequest"_s));
}

void tst_InspectorLadder::ladderOfALocalCall()
{
    ServerView *view = connectWindow();
    QVERIFY(view);
    Session *s = view->session();
    s->originate(u"Local/100@ari-test"_s, testApp, u"ladder"_s, {}, 30);
    QTRY_COMPARE(s->channels()->rowCount(), 2);
    QString one;
    QString two;
    for (const QJsonValue &c : m_env.sim->channels()) {
        const QString name = c.toObject().value("name"_L1).toString();
        (name.endsWith(";1"_L1) ? one : two) = c.toObject().value("id"_L1).toString();
    }
    QVERIFY(!one.isEmpty() && !two.isEmpty());
    // The ;2 half is in Stasis unanswered (extension 100); answering it brings ;1 in too.
    s->answer({ two });
    const auto inStasis = [this](const QString &id) {
        for (const QJsonValue &c : m_env.sim->channels()) {
            const QJsonObject o = c.toObject();
            if (o.value("id"_L1).toString() == id)
                return o.value("dialplan"_L1).toObject().value("app_name"_L1).toString() == "Stasis"_L1;
        }
        return false;
    };
    QTRY_VERIFY(inStasis(one) && inStasis(two));
    s->createBridge(u"mixing"_s, u"room"_s, { one, two });
    QTRY_COMPARE(s->bridges()->rowCount(), 1);
    const QString bridgeId = s->bridges()->ids().first();
    QTRY_COMPARE(s->bridges()->members(bridgeId).size(), 2);
    s->play(bridgeId, u"sound:hello-world"_s);

    QVERIFY(view->selectChannel(one));
    m_env.window->action(u"actionCallLadder"_s)->trigger();
    LadderWindow *ladder = m_env.window->lastLadder();
    QVERIFY(ladder);
    QVERIFY(ladder->isVisible());
    LadderModel *model = ladder->model();
    // Lanes: the application, both halves, the bridge, the playback.
    QTRY_VERIFY(model->laneCount(u"playback"_s) == 1);
    QCOMPARE(model->laneCount(u"channel"_s), 2);
    QCOMPARE(model->laneCount(u"bridge"_s), 1);
    QVERIFY(model->lanes().at(0).title.contains(testApp));

    const auto rowsMatching = [model](const QString &prefix) {
        int n = 0;
        for (int r = 0; r < model->rowCount(); ++r)
            n += model->row(r).label.startsWith(prefix) ? 1 : 0;
        return n;
    };
    QCOMPARE(rowsMatching(u"POST /channels?"_s), 1); // the originate
    QCOMPARE(rowsMatching(u"POST /bridges/"_s + bridgeId + u"/addChannel"_s), 1);
    QCOMPARE(rowsMatching(u"ChannelEnteredBridge"_s), 2);
    QTRY_VERIFY(rowsMatching(u"PlaybackStarted"_s) >= 1);
    QVERIFY(rowsMatching(u"StasisStart"_s) >= 1);
    // In time order.
    for (int r = 1; r < model->rowCount(); ++r)
        QVERIFY(model->row(r).ns >= model->row(r - 1).ns);

    // A click shows the row's JSON and measures deltas from it.
    LadderView *lv = ladder->view();
    lv->resize(1000, 600);
    lv->selectRow(0);
    QCOMPARE(model->referenceRow(), 0);
    const QJsonObject first = QJsonDocument::fromJson(ladder->jsonView()->toPlainText().toUtf8()).object();
    QCOMPARE(first, model->data(model->index(0, 0), LadderModel::JsonRole).toJsonObject());
    QVERIFY(!first.isEmpty());
    QVERIFY(model->deltaText(model->rowCount() - 1).startsWith(u'+'));

    // Hang up; the call ends on the ladder while the window stays open.
    const int before = model->rowCount();
    s->hangup({ one });
    QTRY_VERIFY(rowsMatching(u"ChannelDestroyed"_s) == 2);
    QVERIFY(model->rowCount() > before);
    QCOMPARE(model->referenceRow(), 0); // the selected row stays selected

    // Exports: text, SVG (well-formed, one title per lane, one group per row), PNG.
    QVERIFY(ladder->exportTo(m_env.dir->filePath(u"l.txt"_s), LadderWindow::Format::Text, true));
    QFile txt(m_env.dir->filePath(u"l.txt"_s));
    QVERIFY(txt.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(txt.readAll());
    QCOMPARE(text, model->toText());
    QVERIFY(text.contains(u"ChannelEnteredBridge"_s));

    QVERIFY(ladder->exportTo(m_env.dir->filePath(u"l.svg"_s), LadderWindow::Format::Svg, true));
    QFile svg(m_env.dir->filePath(u"l.svg"_s));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&svg);
    int titles = 0;
    int rows = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            const QString cls = xml.attributes().value("class"_L1).toString();
            titles += cls == "lane-title"_L1 ? 1 : 0;
            rows += cls == "row"_L1 ? 1 : 0;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(titles, int(model->lanes().size()));
    QCOMPARE(rows, model->rowCount());

    QVERIFY(ladder->exportTo(m_env.dir->filePath(u"l.png"_s), LadderWindow::Format::Png, true));
    const QImage image(m_env.dir->filePath(u"l.png"_s));
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), lv->geometry().width(int(model->lanes().size())));
    QCOMPARE(image.height(), lv->geometry().headerHeight + model->rowCount() * lv->geometry().rowHeight + 4);
    // A path that cannot be written is a failure, not a crash.
    QVERIFY(!ladder->exportTo(m_env.dir->filePath(u"no/such/dir/l.svg"_s), LadderWindow::Format::Svg, true));

    // Following off: only what names the ;1 half itself (addChannel names both halves, so the
    // ;2 lane stays for it).
    const int following = model->rowCount();
    ladder->followAction()->trigger();
    QVERIFY(!model->followLegs());
    QCOMPARE(rowsMatching(u"ChannelEnteredBridge"_s), 1);
    QCOMPARE(rowsMatching(u"ChannelDestroyed"_s), 1);
    QVERIFY(model->rowCount() < following);
    QCOMPARE(model->lanes().at(1).key, u"channel:"_s + one);
}

void tst_InspectorLadder::failedRequestsShowOnTheLadder()
{
    ServerView *view = connectWindow();
    QVERIFY(view);
    Session *s = view->session();
    const QString id = m_env.sim->startCall(testApp, {});
    QTRY_VERIFY(s->channels()->contains(id));
    QVERIFY(view->selectChannel(id));
    m_env.window->action(u"actionCallLadder"_s)->trigger();
    LadderModel *model = m_env.window->lastLadder()->model();
    s->hangup({ id });
    QTRY_VERIFY(!s->channels()->contains(id));
    // The channel is gone: hanging it up again gets Asterisk's 404, shown red on its ladder.
    s->hangup({ id });
    QTRY_VERIFY([model] {
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->row(r).failed && model->row(r).label.contains(u"→ 404"_s))
                return true;
        }
        return false;
    }());
    // Closing the tab (the session goes) closes its ladder.
    QPointer<LadderWindow> ladder = m_env.window->lastLadder();
    m_env.window->action(u"actionCloseTab"_s)->trigger();
    QTRY_VERIFY(!ladder);
}

QTEST_MAIN(tst_InspectorLadder)
#include "tst_inspector_ladder.moc"
