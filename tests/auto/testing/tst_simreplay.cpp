// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Simulator::replay(): recorded traces replayed to a QtAri::Client, the simulator's state following
// the replayed snapshots, the original spacing, malformed lines, and ari-sim --replay.

#include <QtAri/Bridge>
#include <QtAri/Channel>
#include <QtAri/Client>
#include <QtAri/Continuation>
#include <QtAri/Event>
#include <QtAri/Testing/Simulator>

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <algorithm>
#include <memory>

#undef QTRY_VERIFY
#define QTRY_VERIFY(expr) QTRY_VERIFY_WITH_TIMEOUT(expr, 20000)
#undef QTRY_COMPARE
#define QTRY_COMPARE(expr, expected) QTRY_COMPARE_WITH_TIMEOUT(expr, expected, 20000)

using namespace Qt::StringLiterals;
using QtAri::Testing::Simulator;

namespace {

QString tracePath(const QString &name)
{
    return QStringLiteral(QTARI_TRACES_DIR) + u'/' + name;
}

QList<QByteArray> traceLines(const QString &name)
{
    QFile f(tracePath(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            out.append(line.trimmed());
    }
    return out;
}

QJsonObject parsed(const QByteArray &line)
{
    return QJsonDocument::fromJson(line).object();
}

QStringList ids(const QJsonArray &objects)
{
    QStringList out;
    for (const QJsonValue &v : objects)
        out.append(v.toObject().value("id"_L1).toString());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

class tst_SimReplay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void traceReachesClientInOrder_data();
    void traceReachesClientInOrder();
    void stateFollowsSnapshots();
    void bridgesFollowSnapshots();
    void keepsSpacingDividedBySpeed();
    void skipsRestAndMalformedLines();
    void onlyNamedApplicationHearsIt();
    void replayFileMapsTheFile();
    void ariSimReplayOption();

private:
    bool connectClient(const QStringList &apps);

    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<QtAri::Client> m_client;
    QList<QJsonObject> m_events;
};

void tst_SimReplay::init()
{
    m_sim = std::make_unique<Simulator>();
    QVERIFY(m_sim->start());
    m_events.clear();
}

void tst_SimReplay::cleanup()
{
    m_client.reset();
    m_sim.reset();
}

bool tst_SimReplay::connectClient(const QStringList &apps)
{
    m_client = std::make_unique<QtAri::Client>();
    m_client->setUrl(m_sim->url());
    m_client->setCredentials(u"asterisk"_s, u"asterisk"_s);
    m_client->setApplicationNames(apps);
    m_client->setSubscribeAll(true);
    connect(m_client.get(), &QtAri::Client::eventReceived, this,
        [this](const QtAri::Event &e) { m_events.append(e.json()); });
    bool done = false;
    bool ok = false;
    QtAri::onFinished(m_client->connectToServer(), this, [&](const QtAri::Result<void> &r) {
        done = true;
        ok = bool(r);
    });
    return QTest::qWaitFor([&] { return done; }, 15000) && ok;
}

void tst_SimReplay::traceReachesClientInOrder_data()
{
    QTest::addColumn<QString>("trace");
    QTest::addColumn<QString>("app");
    QTest::newRow("a_originate_answer_hangup") << u"a_originate_answer_hangup.jsonl"_s << u"test-app"_s;
    QTest::newRow("b_bridge_playback") << u"b_bridge_playback.jsonl"_s << u"test-app"_s;
    QTest::newRow("d_dtmf") << u"d_dtmf.jsonl"_s << u"test-app"_s;
}

void tst_SimReplay::traceReachesClientInOrder()
{
    QFETCH(QString, trace);
    QFETCH(QString, app);
    const QList<QByteArray> lines = traceLines(trace);
    QVERIFY(!lines.isEmpty());
    QVERIFY(connectClient({ app }));
    QSignalSpy finished(m_sim.get(), &Simulator::replayFinished);
    m_sim->replay(lines, 0);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0).at(0).toLongLong(), qint64(lines.size()));
    QCOMPARE(finished.at(0).at(1).toLongLong(), qint64(0));
    QTRY_COMPARE(m_events.size(), lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i)
        QCOMPARE(m_events.at(i), parsed(lines.at(i)));
    // Every call of these traces ends: nothing is left, on either side.
    QCOMPARE(m_sim->channels().size(), 0);
    QTRY_COMPARE(m_client->liveChannels().size(), 0);
}

void tst_SimReplay::stateFollowsSnapshots()
{
    const QList<QByteArray> lines = traceLines(u"a_originate_answer_hangup.jsonl"_s);
    // Up to the first ChannelStateChange to Up: both halves of the Local pair exist.
    qsizetype cut = -1;
    for (qsizetype i = 0; i < lines.size() && cut < 0; ++i) {
        const QJsonObject e = parsed(lines.at(i));
        if (e.value("type"_L1) == "ChannelStateChange"_L1
            && e.value("channel"_L1).toObject().value("state"_L1) == "Up"_L1)
            cut = i + 1;
    }
    QVERIFY(cut > 0);
    QVERIFY(connectClient({ u"test-app"_s }));
    QSignalSpy finished(m_sim.get(), &Simulator::replayFinished);
    m_sim->replay(lines.mid(0, cut), 0);
    QVERIFY(finished.wait(20000));
    QTRY_COMPARE(m_events.size(), cut);

    // The simulator holds the channels as their last snapshot says.
    const QJsonArray channels = m_sim->channels();
    QCOMPARE(ids(channels), QStringList({ u"1795662639.0"_s, u"1795662639.1"_s }));
    QJsonObject lastSnapshot;
    for (qsizetype i = 0; i < cut; ++i) {
        const QJsonObject c = parsed(lines.at(i)).value("channel"_L1).toObject();
        if (c.value("id"_L1) == "1795662639.1"_L1)
            lastSnapshot = c;
    }
    for (const QJsonValue &v : channels) {
        if (v.toObject().value("id"_L1) == "1795662639.1"_L1)
            QCOMPARE(v.toObject(), lastSnapshot);
    }
    // The client's mirror matches what the simulator lists.
    QStringList mirror;
    for (QtAri::Channel *c : m_client->liveChannels())
        mirror.append(c->id());
    std::sort(mirror.begin(), mirror.end());
    QCOMPARE(mirror, ids(channels));
    for (QtAri::Channel *c : m_client->liveChannels()) {
        for (const QJsonValue &v : channels) {
            if (v.toObject().value("id"_L1).toString() == c->id()) {
                QCOMPARE(c->name(), v.toObject().value("name"_L1).toString());
                QCOMPARE(c->info().toJson().value("state"_L1), v.toObject().value("state"_L1));
            }
        }
    }

    // The rest: ChannelDestroyed removes them.
    m_sim->replay(lines.mid(cut), 0);
    QVERIFY(finished.wait(20000));
    QTRY_COMPARE(m_events.size(), lines.size());
    QCOMPARE(m_sim->channels().size(), 0);
    QTRY_COMPARE(m_client->liveChannels().size(), 0);
}

void tst_SimReplay::bridgesFollowSnapshots()
{
    const QList<QByteArray> lines = traceLines(u"b_bridge_playback.jsonl"_s);
    // Up to the second ChannelEnteredBridge: one bridge with two channels.
    qsizetype cut = -1;
    int entered = 0;
    QString bridgeId;
    for (qsizetype i = 0; i < lines.size() && cut < 0; ++i) {
        const QJsonObject e = parsed(lines.at(i));
        if (e.value("type"_L1) == "ChannelEnteredBridge"_L1 && ++entered == 2) {
            cut = i + 1;
            bridgeId = e.value("bridge"_L1).toObject().value("id"_L1).toString();
        }
    }
    QVERIFY(cut > 0);
    QVERIFY(connectClient({ u"test-app"_s }));
    QSignalSpy finished(m_sim.get(), &Simulator::replayFinished);
    m_sim->replay(lines.mid(0, cut), 0);
    QVERIFY(finished.wait(20000));
    const QJsonArray bridges = m_sim->bridges();
    QCOMPARE(bridges.size(), 1);
    QCOMPARE(bridges.at(0).toObject().value("id"_L1).toString(), bridgeId);
    QCOMPARE(bridges.at(0).toObject().value("channels"_L1).toArray().size(), 2);
    QTRY_COMPARE(m_client->liveBridges().size(), 1);
    QtAri::Bridge *b = m_client->liveBridges().at(0);
    QCOMPARE(b->id(), bridgeId);
    QStringList members = b->channelIds();
    std::sort(members.begin(), members.end());
    QStringList simMembers;
    for (const QJsonValue &v : bridges.at(0).toObject().value("channels"_L1).toArray())
        simMembers.append(v.toString());
    std::sort(simMembers.begin(), simMembers.end());
    QTRY_COMPARE(members, simMembers);

    m_sim->replay(lines.mid(cut), 0);
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_sim->bridges().size(), 0);
    QTRY_COMPARE(m_client->liveBridges().size(), 0);
}

void tst_SimReplay::keepsSpacingDividedBySpeed()
{
    QVERIFY(connectClient({ u"spacing"_s }));
    const auto line = [](const char *time, const char *id) {
        return QByteArray(R"({"type":"ChannelUserevent","eventname":")") + id
            + R"(","userevent":{},"timestamp":")" + time
            + R"(","application":"spacing","asterisk_id":"02:fc:00:00:00:01"})";
    };
    const QList<QByteArray> lines = { line("2026-11-26T03:10:39.000+0000", "a"),
        line("2026-11-26T03:10:39.600+0000", "b"), line("2026-11-26T03:10:40.200+0000", "c") };
    QSignalSpy finished(m_sim.get(), &Simulator::replayFinished);
    QElapsedTimer clock;
    clock.start();
    m_sim->replay(lines, 2.0); // 1.2 s recorded: 0.6 s at speed 2
    QVERIFY(finished.wait(20000));
    const qint64 took = clock.elapsed();
    QVERIFY2(took >= 550, qPrintable(u"took %1 ms"_s.arg(took)));
    QTRY_COMPARE(m_events.size(), 3);
    QCOMPARE(m_events.at(2).value("eventname"_L1).toString(), u"c"_s);

    // Speed 0: no waiting for the timestamps.
    m_events.clear();
    clock.restart();
    m_sim->replay(lines, 0);
    QVERIFY(finished.wait(20000));
    QVERIFY2(clock.elapsed() < 550, qPrintable(u"took %1 ms"_s.arg(clock.elapsed())));
    QTRY_COMPARE(m_events.size(), 3);
}

void tst_SimReplay::skipsRestAndMalformedLines()
{
    QVERIFY(connectClient({ u"test-app"_s }));
    const QList<QByteArray> trace = traceLines(u"a_originate_answer_hangup.jsonl"_s);
    QList<QByteArray> lines = {
        R"({"type":"QtAriRecording","version":1,"applications":["test-app"]})",
        trace.at(0),
        "this is not json",
        R"({"type":"RESTRequest","request_id":"qtari-1","method":"GET","uri":"channels"})",
        R"({"type":"ChannelCreated","timestamp":"2026-11-26T03:10:39.6)", // cut off mid-line
        R"({"type":"RESTResponse","request_id":"qtari-1","status_code":200,"uri":"channels"})",
        "",
        trace.at(1),
    };
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"replay: line 3 is not a JSON object"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"replay: line 5 is not a JSON object"_s));
    QSignalSpy finished(m_sim.get(), &Simulator::replayFinished);
    m_sim->replay(lines, 0);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0).at(0).toLongLong(), qint64(2));
    QCOMPARE(finished.at(0).at(1).toLongLong(), qint64(2));
    QTRY_COMPARE(m_events.size(), 2);
    QCOMPARE(m_events.at(0), parsed(trace.at(0)));
    QCOMPARE(m_events.at(1), parsed(trace.at(1)));
    QCOMPARE(m_sim->channels().size(), 2);
}

void tst_SimReplay::onlyNamedApplicationHearsIt()
{
    QVERIFY(connectClient({ u"other-app"_s }));
    QSignalSpy finished(m_sim.get(), &Simulator::replayFinished);
    m_sim->replay(traceLines(u"a_originate_answer_hangup.jsonl"_s).mid(0, 5), 0);
    QVERIFY(finished.wait(20000));
    QTest::qWait(200);
    QCOMPARE(m_events.size(), 0);
    // The state follows the replay all the same (what GET /channels answers).
    QCOMPARE(m_sim->channels().size(), 2);
}

void tst_SimReplay::replayFileMapsTheFile()
{
    QVERIFY(connectClient({ u"test-app"_s }));
    QString error;
    QVERIFY(!m_sim->replayFile(tracePath(u"no_such_trace.jsonl"_s), 0, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!m_sim->isReplaying());
    QSignalSpy finished(m_sim.get(), &Simulator::replayFinished);
    QVERIFY(m_sim->replayFile(tracePath(u"c_playback_control.jsonl"_s), 0, &error));
    QVERIFY(m_sim->isReplaying());
    QVERIFY(finished.wait(20000));
    const QList<QByteArray> lines = traceLines(u"c_playback_control.jsonl"_s);
    QCOMPARE(m_sim->replayedEvents(), qint64(lines.size()));
    QTRY_COMPARE(m_events.size(), lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i)
        QCOMPARE(m_events.at(i), parsed(lines.at(i)));
}

void tst_SimReplay::ariSimReplayOption()
{
#ifndef QTARI_SIM_EXECUTABLE
    QSKIP("ari-sim is not built");
#else
    QProcess sim;
    sim.setProcessChannelMode(QProcess::SeparateChannels);
    sim.start(QStringLiteral(QTARI_SIM_EXECUTABLE),
        { u"--port"_s, u"0"_s, u"--quiet"_s, u"--replay"_s,
            tracePath(u"a_originate_answer_hangup.jsonl"_s), u"--speed"_s, u"0"_s,
            u"--replay-delay"_s, u"300"_s, u"--replay-exit"_s });
    QVERIFY(sim.waitForStarted());
    QUrl url;
    QTRY_VERIFY([&] {
        sim.waitForReadyRead(50);
        const QByteArray out = sim.peek(4096);
        const qsizetype at = out.indexOf("listening on ");
        const qsizetype end = out.indexOf('\n', at);
        if (at < 0 || end < 0)
            return false;
        url = QUrl(QString::fromUtf8(out.mid(at + 13, end - at - 13)));
        return true;
    }());
    m_sim.reset();
    m_client = std::make_unique<QtAri::Client>();
    m_client->setUrl(url);
    m_client->setCredentials(u"asterisk"_s, u"asterisk"_s);
    m_client->setApplicationNames({ u"test-app"_s });
    m_client->setSubscribeAll(true);
    connect(m_client.get(), &QtAri::Client::eventReceived, this,
        [this](const QtAri::Event &e) { m_events.append(e.json()); });
    m_client->connectToServer();
    const QList<QByteArray> lines = traceLines(u"a_originate_answer_hangup.jsonl"_s);
    QTRY_COMPARE(m_events.size(), lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i)
        QCOMPARE(m_events.at(i), parsed(lines.at(i)));
    QVERIFY(sim.waitForFinished(20000));
    QCOMPARE(sim.exitCode(), 0);
    QVERIFY(sim.readAllStandardOutput().contains("replay finished: 33 events, 0 lines skipped"));
#endif
}

QTEST_GUILESS_MAIN(tst_SimReplay)
#include "tst_simreplay.moc"
