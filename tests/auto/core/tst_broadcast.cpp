// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
//
// Broadcast and claim (issue 12): calls that StasisBroadcast offers to several applications,
// claimed with Channel::claim() or EventsApi::claimChannel(), against the simulator (which answers
// as trace o_broadcast_claim shows). Each client is one operator application without subscribeAll,
// so the mirror's contract of the default mode holds here: a won call is a live channel in the
// application's Stasis with a ChannelModel row; a lost one is not held at all.
#include <QtAri/ChannelModel>
#include <QtAri/ChannelsApi>
#include <QtAri/ClaimResult>
#include <QtAri/Client>
#include <QtAri/EventsApi>
#include <QtAri/Testing/Simulator>
#include <QtAri/channel.h>

#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFutureWatcher>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>
#include <QtCore/QSet>
#include <QtCore/QTimer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include "coretestutil.h"

#include <memory>

using namespace Qt::StringLiterals;
using QtAri::ClaimResult;
using QtAri::Client;
using QtAri::Testing::Simulator;

namespace {

std::unique_ptr<Client> makeClient(const Simulator &sim, const QString &app, bool subscribeAll = false)
{
    auto client = std::make_unique<Client>();
    client->setUrl(sim.url());
    client->setCredentials(u"asterisk"_s, u"asterisk"_s);
    client->setApplicationNames({ app });
    client->setSubscribeAll(subscribeAll);
    return client;
}

// The channel ids application \a app is subscribed to, as the simulator says.
QStringList subscriptionsOf(const Simulator &sim, const QString &app)
{
    for (const QJsonValue &a : sim.state().value(u"applications"_s).toArray()) {
        if (a.toObject().value(u"name"_s).toString() == app) {
            QStringList ids;
            for (const QJsonValue &id : a.toObject().value(u"channel_ids"_s).toArray())
                ids.append(id.toString());
            return ids;
        }
    }
    return {};
}

Simulator::Broadcast offer(const QString &id, int timeoutMs = 60000)
{
    Simulator::Broadcast b;
    b.appFilter = u"^operator-"_s;
    b.timeoutMs = timeoutMs;
    b.args = { u"queue"_s, u"sales"_s };
    b.notifyClaimed = true;
    b.channelId = id;
    b.callerNumber = u"5551000"_s;
    b.called = u"200"_s;
    return b;
}

} // namespace

class tst_Broadcast : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void claimWins();
    void claimLoses();
    void claimUnknown();
    void claimAfterTimeout();
    void resourceApiClaim();
    void raceOfTwoClients();
    void lostClaimUnderSubscribeAll();
    void randomWalk_data();
    void randomWalk();
    void bulkVariablesOnOriginateAndCreate();
    void reportEventsOnSetChannelVar();

private:
    bool connectBoth();
    std::unique_ptr<Simulator> sim;
    std::unique_ptr<Client> a, b;
};

void tst_Broadcast::init()
{
    sim = std::make_unique<Simulator>();
    QVERIFY(sim->start());
    a = makeClient(*sim, u"operator-a"_s);
    b = makeClient(*sim, u"operator-b"_s);
}

void tst_Broadcast::cleanup()
{
    a.reset();
    b.reset();
    sim.reset();
}

bool tst_Broadcast::connectBoth()
{
    return await(a->connectToServer()).has_value() && await(b->connectToServer()).has_value();
}

void tst_Broadcast::claimWins()
{
    QVERIFY(connectBoth());
    QtAri::ChannelModel model(a.get());
    QSignalSpy offered(a.get(), &QtAri::ClientEvents::callBroadcast);
    QSignalSpy claimedA(a.get(), &QtAri::ClientEvents::callClaimed);
    QSignalSpy claimedB(b.get(), &QtAri::ClientEvents::callClaimed);
    QVERIFY(!sim->startBroadcast(offer(u"bc-win"_s)).isEmpty());
    QTRY_COMPARE(offered.size(), 1);
    QtAri::Channel *channel = a->channel(u"bc-win"_s);
    QVERIFY(channel);
    QCOMPARE(offered.at(0).at(1).toString(), u"5551000"_s);
    QCOMPARE(offered.at(0).at(2).toString(), u"200"_s);
    QCOMPARE(channel->offeredTo(), u"operator-a"_s);
    QVERIFY(!channel->isInStasis());

    const QtAri::Result<ClaimResult> r = await(channel->claim());
    QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().message()));
    QCOMPARE(*r, ClaimResult::Won);
    // By the time the future finishes the call is in the application's Stasis
    QVERIFY(channel->isInStasis());
    QCOMPARE(channel->stasisArgs(), (QStringList { u"queue"_s, u"sales"_s }));
    QCOMPARE(model.rowCount(), 1);
    QTRY_COMPARE(claimedA.size(), 1);
    QCOMPARE(claimedA.at(0).at(1).toString(), u"operator-a"_s);
    // The other operator heard of the claim and holds nothing of a call that is not his
    QTRY_COMPARE(claimedB.size(), 1);
    QCOMPARE(claimedB.at(0).at(1).toString(), u"operator-a"_s);
    QTRY_VERIFY(!b->channel(u"bc-win"_s));
    QTRY_VERIFY(!subscriptionsOf(*sim, u"operator-b"_s).contains(u"bc-win"_s));

    // The winner works the call like any other in its Stasis, and hears of its end
    QVERIFY(await(channel->answer()).has_value());
    QTRY_COMPARE(channel->state(), QtAri::Channel::State::Up);
    QPointer<QtAri::Channel> guard(channel);
    QSignalSpy hungUp(channel, &QtAri::Channel::hungUp);
    sim->hangupChannel(u"bc-win"_s);
    QTRY_COMPARE(hungUp.size(), 1);
    QTRY_VERIFY(!guard);
    QCOMPARE(model.rowCount(), 0);
}

void tst_Broadcast::claimLoses()
{
    QVERIFY(connectBoth());
    QtAri::ChannelModel modelB(b.get());
    QVERIFY(!sim->startBroadcast(offer(u"bc-lose"_s)).isEmpty());
    QTRY_VERIFY(a->channel(u"bc-lose"_s) && b->channel(u"bc-lose"_s));
    QCOMPARE(await(a->channel(u"bc-lose"_s)->claim()).value(), ClaimResult::Won);

    QtAri::Channel *mine = b->channel(u"bc-lose"_s);
    if (mine) { // CallClaimed may have let go of it already
        QPointer<QtAri::Channel> guard(mine);
        QSignalSpy hungUp(mine, &QtAri::Channel::hungUp);
        const QtAri::Result<ClaimResult> r = await(mine->claim());
        QVERIFY(r.has_value());
        QCOMPARE(*r, ClaimResult::Lost);
        QTRY_VERIFY(!guard); // it left the mirror without ending: the call goes on elsewhere
        QCOMPARE(hungUp.size(), 0);
    }
    // Claiming again, by id, through the resource API: still lost, still not held
    const QtAri::Result<ClaimResult> again = await(b->events()->claimChannel(u"bc-lose"_s, u"operator-b"_s));
    QVERIFY(again.has_value());
    QCOMPARE(*again, ClaimResult::Lost);
    QVERIFY(!b->channel(u"bc-lose"_s));
    QCOMPARE(modelB.rowCount(), 0);
    QTRY_VERIFY(!subscriptionsOf(*sim, u"operator-b"_s).contains(u"bc-lose"_s));
    // Events of the call (the winner answers) do not bring it back to the loser
    QVERIFY(await(a->channel(u"bc-lose"_s)->answer()).has_value());
    QTest::qWait(100);
    QVERIFY(!b->channel(u"bc-lose"_s));
}

void tst_Broadcast::claimUnknown()
{
    QVERIFY(connectBoth());
    const QtAri::Result<ClaimResult> r = await(a->events()->claimChannel(u"no-such-call"_s, u"operator-a"_s));
    QVERIFY(r.has_value());
    QCOMPARE(*r, ClaimResult::Unknown);
    QVERIFY(!a->channel(u"no-such-call"_s));

    // A call in the application's Stasis that no broadcast offers: 404 too, and it stays held
    const QString id = sim->startCall(u"operator-a"_s);
    QTRY_VERIFY(a->channel(id) && a->channel(id)->isInStasis());
    QCOMPARE(await(a->channel(id)->claim()).value(), ClaimResult::Unknown);
    QVERIFY(a->channel(id));
    QVERIFY(a->channel(id)->isInStasis());

    // Missing parameters are errors, not results
    const QtAri::Result<ClaimResult> bad = await(a->events()->claimChannel(QString(), u"operator-a"_s));
    QVERIFY(!bad.has_value());
    QCOMPARE(bad.error().kind(), QtAri::Error::Kind::InvalidArgument);
}

void tst_Broadcast::claimAfterTimeout()
{
    QVERIFY(connectBoth());
    QtAri::ChannelModel model(a.get());
    QVERIFY(!sim->startBroadcast(offer(u"bc-late"_s, 200)).isEmpty());
    QTRY_VERIFY(a->channel(u"bc-late"_s));
    QPointer<QtAri::Channel> channel = a->channel(u"bc-late"_s);
    QTest::qWait(400); // the offer times out (the simulator's call then hangs up)
    if (channel) {
        const QtAri::Result<ClaimResult> r = await(channel->claim());
        QVERIFY(r.has_value());
        QCOMPARE(*r, ClaimResult::Unknown);
    }
    QTRY_VERIFY(!a->channel(u"bc-late"_s));
    QCOMPARE(model.rowCount(), 0);
}

void tst_Broadcast::resourceApiClaim()
{
    QVERIFY(connectBoth());
    QtAri::ChannelModel model(b.get());
    QVERIFY(!sim->startBroadcast(offer(u"bc-api"_s)).isEmpty());
    QTRY_VERIFY(b->channel(u"bc-api"_s));
    const QtAri::Result<ClaimResult> r = await(b->events()->claimChannel(u"bc-api"_s, u"operator-b"_s));
    QVERIFY(r.has_value());
    QCOMPARE(*r, ClaimResult::Won);
    QVERIFY(b->channel(u"bc-api"_s));
    QVERIFY(b->channel(u"bc-api"_s)->isInStasis());
    QCOMPARE(model.rowCount(), 1);
    QTRY_VERIFY(!a->channel(u"bc-api"_s));
}

// Two clients claim the same call at once: exactly one wins, the other gets the typed loss, and
// both hear CallClaimed naming the winner.
void tst_Broadcast::raceOfTwoClients()
{
    QVERIFY(connectBoth());
    QSignalSpy claimedA(a.get(), &QtAri::ClientEvents::callClaimed);
    QSignalSpy claimedB(b.get(), &QtAri::ClientEvents::callClaimed);
    for (int round = 0; round < 5; ++round) {
        const QString id = u"bc-race-%1"_s.arg(round);
        QVERIFY(!sim->startBroadcast(offer(id)).isEmpty());
        QTRY_VERIFY(a->channel(id) && b->channel(id));
        // both requests are on the wire before either answer is read
        QFuture<QtAri::Result<ClaimResult>> fa = a->channel(id)->claim();
        QFuture<QtAri::Result<ClaimResult>> fb = b->channel(id)->claim();
        const QtAri::Result<ClaimResult> ra = await(fa), rb = await(fb);
        QVERIFY(ra.has_value() && rb.has_value());
        QVERIFY2((*ra == ClaimResult::Won) != (*rb == ClaimResult::Won), "exactly one wins");
        QVERIFY(*ra == ClaimResult::Lost || *rb == ClaimResult::Lost);
        Client *winner = *ra == ClaimResult::Won ? a.get() : b.get();
        Client *loser = winner == a.get() ? b.get() : a.get();
        const QString winnerApp = winner->applicationNames().value(0);
        QTRY_COMPARE(claimedA.size(), round + 1);
        QTRY_COMPARE(claimedB.size(), round + 1);
        QCOMPARE(claimedA.constLast().at(1).toString(), winnerApp);
        QCOMPARE(claimedB.constLast().at(1).toString(), winnerApp);
        QVERIFY(winner->channel(id) && winner->channel(id)->isInStasis());
        QTRY_VERIFY(!loser->channel(id));
        sim->hangupChannel(id);
        QTRY_VERIFY(!winner->channel(id));
    }
}

// With subscribeAll the mirror holds everything on the server: a lost call stays, not in Stasis.
void tst_Broadcast::lostClaimUnderSubscribeAll()
{
    b = makeClient(*sim, u"operator-b"_s, true);
    QVERIFY(connectBoth());
    QVERIFY(!sim->startBroadcast(offer(u"bc-all"_s)).isEmpty());
    QTRY_VERIFY(a->channel(u"bc-all"_s) && b->channel(u"bc-all"_s));
    QCOMPARE(await(a->channel(u"bc-all"_s)->claim()).value(), ClaimResult::Won);
    QCOMPARE(await(b->channel(u"bc-all"_s)->claim()).value(), ClaimResult::Lost);
    QVERIFY(b->channel(u"bc-all"_s));
    QVERIFY(!b->channel(u"bc-all"_s)->isInStasis());
}

// The mirror's contract of the default mode under offers, claims from both sides, timeouts, hangups
// and dropped sockets: at every quiescent point operator-a holds exactly the server's channels it
// can get events for (claimed by operator-a and still in its session, or subscribed by it), and
// its ChannelModel shows the same.
void tst_Broadcast::randomWalk_data()
{
    QTest::addColumn<quint32>("seed");
    QList<quint32> seeds { 1201u, 1202u, 1203u };
    // QTARI_BROADCAST_WALKS=n walks seeds 1 to n instead (a longer soak)
    if (const int n = qEnvironmentVariableIntValue("QTARI_BROADCAST_WALKS"); n > 0) {
        seeds.clear();
        for (int i = 1; i <= n; ++i)
            seeds.append(quint32(i));
    }
    for (quint32 seed : std::as_const(seeds))
        QTest::newRow(qPrintable(u"seed %1"_s.arg(seed))) << seed;
}

void tst_Broadcast::randomWalk()
{
    QFETCH(quint32, seed);
    QRandomGenerator rng(seed);
    QVERIFY(connectBoth());
    QtAri::ChannelModel model(a.get());
    QStringList steps;
    int counter = 0;
    const auto expected = [this] {
        const QJsonObject state = sim->state();
        QSet<QString> onServer, covered;
        for (const QJsonValue &c : state.value(u"channels"_s).toArray())
            onServer.insert(c.toObject().value(u"id"_s).toString());
        for (const QJsonValue &b : state.value(u"broadcasts"_s).toArray()) {
            if (b.toObject().value(u"claimedBy"_s).toString() == u"operator-a"_s)
                covered.insert(b.toObject().value(u"channelId"_s).toString());
        }
        for (const QString &id : subscriptionsOf(*sim, u"operator-a"_s))
            covered.insert(id);
        return onServer & covered;
    };
    const auto held = [this, &model] {
        QSet<QString> ids, rows;
        for (QtAri::Channel *c : a->liveChannels())
            ids.insert(c->id());
        for (int row = 0; row < model.rowCount(); ++row)
            rows.insert(model.index(row, 0).data(QtAri::ChannelModel::IdRole).toString());
        return ids == rows ? ids : QSet<QString> { u"(model differs)"_s };
    };
    for (int step = 0; step < 80; ++step) {
        const QJsonArray offers = sim->state().value(u"broadcasts"_s).toArray();
        const QString anyOffer = offers.isEmpty() ? QString()
                : offers.at(int(rng.bounded(quint32(offers.size())))).toObject().value(u"channelId"_s).toString();
        switch (rng.bounded(8)) {
        case 0:
        case 1: {
            Simulator::Broadcast b = offer(u"walk-%1"_s.arg(++counter), 50 + int(rng.bounded(1500u)));
            b.notifyClaimed = rng.bounded(2);
            steps.append(u"offer %1 (%2 ms, notify %3)"_s.arg(b.channelId).arg(b.timeoutMs).arg(b.notifyClaimed));
            sim->startBroadcast(b);
            break;
        }
        case 2:
        case 3:
        case 4:
            if (QtAri::Channel *c = a->channel(anyOffer)) {
                steps.append(u"operator-a claims "_s + anyOffer);
                await(c->claim());
            }
            break;
        case 5:
            if (!anyOffer.isEmpty()) {
                steps.append(u"operator-b claims "_s + anyOffer);
                await(b->events()->claimChannel(anyOffer, u"operator-b"_s));
            }
            break;
        case 6: {
            const QJsonArray channels = sim->channels();
            if (!channels.isEmpty()) {
                const QString id = channels.at(int(rng.bounded(quint32(channels.size())))).toObject().value(u"id"_s).toString();
                steps.append(u"far end hangs up "_s + id);
                sim->hangupChannel(id);
            }
            break;
        }
        case 7:
            if (rng.bounded(3) == 0) {
                steps.append(u"drop the event sockets"_s);
                sim->dropWebSockets();
            } else {
                QTest::qWait(int(rng.bounded(300u))); // let offers time out
                steps.append(u"wait"_s);
            }
            break;
        }
        // quiescent point
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 5000
               && (a->state() != Client::State::Connected || held() != expected()))
            QTest::qWait(5);
        QVERIFY2(held() == expected(),
                 qPrintable(u"seed %1, after:\n  %2\nmirror %3\nexpected %4"_s.arg(seed).arg(
                         steps.join(u"\n  "_s), QStringList(held().values()).join(u' '),
                         QStringList(expected().values()).join(u' '))));
        for (QtAri::Channel *c : a->liveChannels())
            QVERIFY2(!c->isEnded(), qPrintable(c->id()));
    }
}

// The same section of issue 12: `variables` on originate and create, and `report_events`, from the
// typed API. The simulator takes what Asterisk documents: plain values, and {"value",
// "report_events"} objects whose variables then ride along in the channel's snapshots.
namespace {

QJsonObject snapshotOf(const Simulator &sim, const QString &id)
{
    for (const QJsonValue &c : sim.channels()) {
        if (c.toObject().value(u"id"_s).toString() == id)
            return c.toObject();
    }
    return {};
}

} // namespace

void tst_Broadcast::bulkVariablesOnOriginateAndCreate()
{
    QVERIFY(await(a->connectToServer()).has_value());
    const QJsonObject vars {
        { u"PLAIN"_s, u"a"_s },
        { u"EMPTY"_s, QString() },
        { u"CALLERID(num)"_s, u"5551000"_s },
        { u"TRACKED"_s, QJsonObject { { u"value"_s, u"waiting"_s }, { u"report_events"_s, true } } },
    };
    QtAri::Result<QtAri::ChannelInfo> made = await(a->channels()->originate(
            u"Local/400@ari-test"_s, { .app = u"operator-a"_s, .variables = vars, .channelId = u"var-1"_s }));
    QVERIFY(made.has_value());
    QCOMPARE(made->caller().number(), u"5551000"_s);
    const QtAri::Result<QtAri::Variables> read
            = await(a->channels()->getChannelVars(u"var-1"_s, { u"PLAIN"_s, u"EMPTY"_s, u"TRACKED"_s }));
    QVERIFY(read.has_value());
    QCOMPARE(read->variables().value(u"PLAIN"_s).toString(), u"a"_s);
    QCOMPARE(read->variables().value(u"EMPTY"_s).toString(), QString());
    QCOMPARE(read->variables().value(u"TRACKED"_s).toString(), u"waiting"_s);
    // report_events: the variable is in the channel's snapshots, so the live object has it
    QCOMPARE(snapshotOf(*sim, u"var-1"_s).value(u"channelvars"_s).toObject().value(u"TRACKED"_s).toString(),
             u"waiting"_s);
    QTRY_VERIFY(a->channel(u"var-1"_s));
    QTRY_COMPARE(a->channel(u"var-1"_s)->variable(u"TRACKED"_s), u"waiting"_s);

    made = await(a->channels()->create(u"Local/400@ari-test"_s, u"operator-a"_s,
                                       { .channelId = u"var-2"_s,
                                         .variables = QJsonObject { { u"CREATED"_s, u"yes"_s } } }));
    QVERIFY(made.has_value());
    const QtAri::Result<QtAri::Variables> created
            = await(a->channels()->getChannelVars(u"var-2"_s, { u"CREATED"_s }));
    QVERIFY(created.has_value());
    QCOMPARE(created->variables().value(u"CREATED"_s).toString(), u"yes"_s);
    QVERIFY(!snapshotOf(*sim, u"var-2"_s).contains(u"channelvars"_s)); // nothing asked to report
}

void tst_Broadcast::reportEventsOnSetChannelVar()
{
    QVERIFY(await(a->connectToServer()).has_value());
    const QString id = sim->startCall(u"operator-a"_s);
    QTRY_VERIFY(a->channel(id));
    QtAri::Channel *channel = a->channel(id);
    QVERIFY(await(channel->setChannelVar(u"QUIET"_s, { .value = u"1"_s })).has_value());
    QVERIFY(await(channel->setChannelVar(u"STATE"_s, { .value = u"busy"_s, .reportEvents = true }))
                    .has_value());
    const QJsonObject channelvars = snapshotOf(*sim, id).value(u"channelvars"_s).toObject();
    QCOMPARE(channelvars.value(u"STATE"_s).toString(), u"busy"_s);
    QVERIFY(!channelvars.contains(u"QUIET"_s));
    // the next event's snapshot carries it
    QSignalSpy dtmf(channel, &QtAri::Channel::dtmfReceived);
    sim->sendDtmf(id, u"1"_s);
    QTRY_COMPARE(dtmf.size(), 1);
    QCOMPARE(channel->info().channelvars().value(u"STATE"_s).toString(), u"busy"_s);
}

QTEST_GUILESS_MAIN(tst_Broadcast)
#include "tst_broadcast.moc"
