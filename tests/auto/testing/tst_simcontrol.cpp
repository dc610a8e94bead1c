// The simulator's control API, scripts and version modes (docs/simulator.md), checked the way an
// application's test sees them: effects through ARI REST and the events WebSocket.
#include "simtestutil.h"

#include <QtAri/Testing/Simulator>

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace simtest;
using QtAri::Testing::Simulator;

namespace {

const QByteArray kToken = "Bearer t0ken";

QByteArray toBody(const QJsonObject &o)
{
    return o.isEmpty() ? QByteArray() : QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The events of one type, in arrival order.
QList<QJsonObject> ofType(const EventSocket &ws, const QString &type)
{
    QList<QJsonObject> out;
    for (const QJsonObject &e : ws.events) {
        if (e.value(u"type"_s).toString() == type)
            out.append(e);
    }
    return out;
}

qsizetype indexOf(const EventSocket &ws, const QString &type, const QString &channelId)
{
    for (qsizetype i = 0; i < ws.events.size(); ++i) {
        const QJsonObject &e = ws.events.at(i);
        if (e.value(u"type"_s).toString() == type
            && e.value(u"channel"_s).toObject().value(u"id"_s).toString() == channelId)
            return i;
    }
    return -1;
}

QString ariSimPath()
{
    const QString env = qEnvironmentVariable("QTARI_ARI_SIM");
    if (!env.isEmpty())
        return env;
    return QCoreApplication::applicationDirPath() + u"/../../../lib/testing/ari-sim"_s;
}

// Reads ari-sim's stdout until \a pattern matches (its first capture is returned).
QString waitForLine(QProcess &p, QByteArray &seen, const QRegularExpression &pattern)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 10000) {
        const auto m = pattern.match(QString::fromUtf8(seen));
        if (m.hasMatch())
            return m.captured(1);
        if (p.state() == QProcess::NotRunning)
            break;
        p.waitForReadyRead(100);
        seen += p.readAllStandardOutput();
    }
    return {};
}

} // namespace

namespace {

bool hasChannelId(const QJsonArray &channels, const QString &id)
{
    for (const QJsonValue &c : channels) {
        if (c.toObject().value(u"id"_s).toString() == id)
            return true;
    }
    return false;
}

} // namespace

class tst_SimControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void tokenAndRouting();
    void noTokenMeansOpen();
    void callIntoApplication();
    void callIntoDialplan();
    void dtmfAnswerHangup();
    void answerDialledEndpoint();
    void broadcastsOfferAndClaim();
    void deviceStatesAndMailboxes();
    void dropAndStallSockets();
    void failAndDelayRest();
    void rawFramesAndEvents();
    void stateThenReset();
    void scriptPlaysInOrder();
    void scriptErrors();
    void versionModes_data();
    void versionModes();
    void versionThroughControl();
    void ariSimHelp();
    void ariSimControlPort();
    void ariSimScript_data();
    void ariSimScript();

private:
    HttpResult ctl(const QString &method, const QString &path, const QJsonObject &body = {},
        const QByteArray &auth = kToken)
    {
        return call(*nam, sim->controlUrl(), method, path, {}, toBody(body), auth);
    }
    HttpResult ari(const QString &method, const QString &path, const QUrlQuery &query = {})
    {
        return call(*nam, sim->url(), method, path, query);
    }

    std::unique_ptr<Simulator> sim;
    std::unique_ptr<QNetworkAccessManager> nam;
};

void tst_SimControl::init()
{
    sim = std::make_unique<Simulator>();
    sim->setTimeScale(0.05);
    QVERIFY(sim->start());
    QVERIFY(sim->startControl(QHostAddress::LocalHost, 0, QString::fromLatin1(kToken.mid(7))));
    QVERIFY(sim->controlUrl().port() > 0);
    QVERIFY(sim->controlUrl().port() != sim->url().port());
    nam = std::make_unique<QNetworkAccessManager>();
}

void tst_SimControl::cleanup()
{
    nam.reset();
    sim.reset();
}

void tst_SimControl::tokenAndRouting()
{
    HttpResult r = ctl(u"GET"_s, u"/control"_s, {}, QByteArray());
    QCOMPARE(r.status, 401);
    QVERIFY(r.object().value(u"message"_s).toString().contains(u"Bearer"_s));
    r = ctl(u"GET"_s, u"/control"_s, {}, "Bearer wrong");
    QCOMPARE(r.status, 401);
    r = ctl(u"GET"_s, u"/control/state"_s, {}, basic(u"asterisk"_s, u"asterisk"_s));
    QCOMPARE(r.status, 401);
    // The ARI port does not take the control token, nor serve the control API.
    QCOMPARE(call(*nam, sim->url(), u"GET"_s, u"/control/state"_s, {}, {}, kToken).status, 404);

    r = ctl(u"GET"_s, u"/control"_s);
    QCOMPARE(r.status, 200);
    QVERIFY(r.contentType.startsWith("application/json"));
    QStringList paths;
    for (const QJsonValue &e : r.object().value(u"endpoints"_s).toArray())
        paths.append(e.toObject().value(u"method"_s).toString() + u' '
            + e.toObject().value(u"path"_s).toString());
    for (const char *expected : { "POST /control/calls", "POST /control/channels/{id}/dtmf",
             "POST /control/channels/{id}/answer", "POST /control/channels/{id}/hangup",
             "POST /control/broadcasts", "PUT /control/device-states/{name}",
             "PUT /control/mailboxes/{name}", "POST /control/sockets/drop",
             "POST /control/sockets/stall", "POST /control/rest/fail", "POST /control/frames",
             "GET /control/state", "POST /control/reset", "PUT /control/version" })
        QVERIFY2(paths.contains(QString::fromLatin1(expected)), expected);

    QCOMPARE(ctl(u"GET"_s, u"/control/nosuch"_s).status, 404);
    QCOMPARE(ctl(u"GET"_s, u"/elsewhere"_s).status, 404);
    QCOMPARE(ctl(u"GET"_s, u"/control/calls"_s).status, 405);
    QCOMPARE(ctl(u"DELETE"_s, u"/control/state"_s).status, 405);
    r = call(*nam, sim->controlUrl(), u"POST"_s, u"/control/calls"_s, {}, "{not json", kToken);
    QCOMPARE(r.status, 400);
}

void tst_SimControl::noTokenMeansOpen()
{
    Simulator open;
    QVERIFY(open.start());
    QVERIFY(open.startControl());
    const HttpResult r =
        call(*nam, open.controlUrl(), u"GET"_s, u"/control/state"_s, {}, {}, QByteArray());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"channels"_s).toArray().size(), 0);
}

void tst_SimControl::callIntoApplication()
{
    EventSocket ws;
    QVERIFY(ws.open(sim->url(), u"ctl-app"_s, false));
    const QJsonObject body { { u"app"_s, u"ctl-app"_s },
        { u"args"_s, QJsonArray { u"a"_s, u"b c"_s } }, { u"channelId"_s, u"c-1"_s },
        { u"endpoint"_s, u"PJSIP/alice"_s }, { u"callerName"_s, u"Alice"_s },
        { u"callerNumber"_s, u"555"_s },
        { u"variables"_s, QJsonObject { { u"X_TENANT"_s, u"acme"_s } } } };
    HttpResult r = ctl(u"POST"_s, u"/control/calls"_s, body);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.object().value(u"id"_s).toString(), u"c-1"_s);
    QVERIFY(ws.waitFor(u"StasisStart"_s));
    const QJsonObject start = ofType(ws, u"StasisStart"_s).first();
    QCOMPARE(start.value(u"application"_s).toString(), u"ctl-app"_s);
    QCOMPARE(start.value(u"args"_s).toArray(), (QJsonArray { u"a"_s, u"b c"_s }));
    const QJsonObject ch = start.value(u"channel"_s).toObject();
    QCOMPARE(ch.value(u"id"_s).toString(), u"c-1"_s);
    QVERIFY(ch.value(u"name"_s).toString().startsWith(u"PJSIP/alice-"_s));
    QCOMPARE(ch.value(u"caller"_s).toObject().value(u"name"_s).toString(), u"Alice"_s);
    QCOMPARE(ch.value(u"caller"_s).toObject().value(u"number"_s).toString(), u"555"_s);

    r = ari(u"GET"_s, u"/ari/channels/c-1"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"state"_s).toString(), u"Ring"_s);
    QCOMPARE(
        r.object().value(u"dialplan"_s).toObject().value(u"app_name"_s).toString(), u"Stasis"_s);
    r = ari(
        u"GET"_s, u"/ari/channels/c-1/variable"_s, QUrlQuery { { u"variable"_s, u"X_TENANT"_s } });
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"value"_s).toString(), u"acme"_s);

    QCOMPARE(ctl(u"POST"_s, u"/control/calls"_s, body).status, 409);
    QCOMPARE(ctl(u"POST"_s, u"/control/calls"_s,
                 { { u"app"_s, u"ctl-app"_s }, { u"variables"_s, QJsonArray { u"X"_s } } })
                 .status,
        400);
    QCOMPARE(ctl(u"POST"_s, u"/control/calls"_s, { { u"channelId"_s, u"c-x"_s } }).status, 400);
    QCOMPARE(ctl(u"POST"_s, u"/control/calls"_s,
                 { { u"app"_s, u"ctl-app"_s }, { u"endpoint"_s, u"alice"_s } })
                 .status,
        400);
    // Defaults: a generated id, a PJSIP endpoint, comma-separated args.
    r = ctl(
        u"POST"_s, u"/control/calls"_s, { { u"app"_s, u"ctl-app"_s }, { u"args"_s, u"x,y"_s } });
    QCOMPARE(r.status, 201);
    const QString generated = r.object().value(u"id"_s).toString();
    QVERIFY(!generated.isEmpty());
    QVERIFY(ws.waitFor(u"StasisStart"_s, 2));
    const QJsonObject second = ofType(ws, u"StasisStart"_s).at(1);
    QCOMPARE(second.value(u"channel"_s).toObject().value(u"id"_s).toString(), generated);
    QCOMPARE(second.value(u"args"_s).toArray(), (QJsonArray { u"x"_s, u"y"_s }));
    QVERIFY(
        second.value(u"channel"_s).toObject().value(u"name"_s).toString().startsWith(u"PJSIP/"_s));
}

void tst_SimControl::callIntoDialplan()
{
    EventSocket all;
    QVERIFY(all.open(sim->url(), u"watcher"_s, true));
    EventSocket app;
    QVERIFY(app.open(sim->url(), u"ctl-app"_s, false));
    // ari-test,200 is Answer then Echo (the traces' dialplan).
    HttpResult r = ctl(u"POST"_s, u"/control/calls"_s,
        { { u"context"_s, u"ari-test"_s }, { u"extension"_s, u"200"_s },
            { u"channelId"_s, u"dp-1"_s }, { u"endpoint"_s, u"PJSIP/bob"_s } });
    QCOMPARE(r.status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(ari(u"GET"_s, u"/ari/channels/dp-1"_s)
                                 .object()
                                 .value(u"dialplan"_s)
                                 .toObject()
                                 .value(u"app_name"_s)
                                 .toString()
            == u"Echo"_s,
        5000);
    r = ari(u"GET"_s, u"/ari/channels/dp-1"_s);
    QCOMPARE(r.object().value(u"state"_s).toString(), u"Up"_s);
    QCOMPARE(
        r.object().value(u"dialplan"_s).toObject().value(u"context"_s).toString(), u"ari-test"_s);
    QCOMPARE(r.object().value(u"dialplan"_s).toObject().value(u"exten"_s).toString(), u"200"_s);
    QVERIFY(indexOf(all, u"ChannelCreated"_s, u"dp-1"_s) >= 0);
    QVERIFY(indexOf(all, u"ChannelStateChange"_s, u"dp-1"_s)
        > indexOf(all, u"ChannelCreated"_s, u"dp-1"_s));
    QCOMPARE(indexOf(all, u"StasisStart"_s, u"dp-1"_s), -1);
    QCOMPARE(app.events.size(), 0); // not in any application

    // An extension the recorded dialplan does not name: Stasis(app, EXTEN).
    r = ctl(u"POST"_s, u"/control/calls"_s,
        { { u"app"_s, u"ctl-app"_s }, { u"extension"_s, u"4711"_s },
            { u"channelId"_s, u"dp-2"_s } });
    QCOMPARE(r.status, 201);
    QVERIFY(app.waitFor(u"StasisStart"_s));
    const QJsonObject start = ofType(app, u"StasisStart"_s).first();
    QCOMPARE(start.value(u"channel"_s).toObject().value(u"id"_s).toString(), u"dp-2"_s);
    QCOMPARE(start.value(u"args"_s).toArray(), (QJsonArray { u"4711"_s }));
    QCOMPARE(start.value(u"channel"_s)
                 .toObject()
                 .value(u"dialplan"_s)
                 .toObject()
                 .value(u"context"_s)
                 .toString(),
        u"default"_s);
}

void tst_SimControl::dtmfAnswerHangup()
{
    EventSocket ws;
    QVERIFY(ws.open(sim->url(), u"ctl-app"_s, false));
    QCOMPARE(ctl(u"POST"_s, u"/control/calls"_s,
                 { { u"app"_s, u"ctl-app"_s }, { u"channelId"_s, u"c-2"_s } })
                 .status,
        201);
    QVERIFY(ws.waitFor(u"StasisStart"_s));

    HttpResult r = ctl(u"POST"_s, u"/control/channels/c-2/dtmf"_s, { { u"digits"_s, u"1#b"_s } });
    QCOMPARE(r.status, 200);
    QVERIFY(ws.waitFor(u"ChannelDtmfReceived"_s, 3));
    const auto dtmf = ofType(ws, u"ChannelDtmfReceived"_s);
    QCOMPARE(dtmf.at(0).value(u"digit"_s).toString(), u"1"_s);
    QCOMPARE(dtmf.at(1).value(u"digit"_s).toString(), u"#"_s);
    QCOMPARE(dtmf.at(2).value(u"digit"_s).toString(), u"B"_s);
    QCOMPARE(
        ctl(u"POST"_s, u"/control/channels/c-2/dtmf"_s, { { u"digits"_s, u"12x"_s } }).status, 400);
    QCOMPARE(ctl(u"POST"_s, u"/control/channels/c-2/dtmf"_s).status, 400);
    QCOMPARE(ctl(u"POST"_s, u"/control/channels/nobody/dtmf"_s, { { u"digits"_s, u"1"_s } }).status,
        404);
    QCOMPARE(ctl(u"POST"_s, u"/control/channels/c-2/wave"_s).status, 404);

    QCOMPARE(ctl(u"POST"_s, u"/control/channels/c-2/answer"_s).status, 200);
    QVERIFY(ws.waitFor(u"ChannelStateChange"_s));
    QCOMPARE(ofType(ws, u"ChannelStateChange"_s)
                 .last()
                 .value(u"channel"_s)
                 .toObject()
                 .value(u"state"_s)
                 .toString(),
        u"Up"_s);
    QCOMPARE(ari(u"GET"_s, u"/ari/channels/c-2"_s).object().value(u"state"_s).toString(), u"Up"_s);
    QCOMPARE(ctl(u"POST"_s, u"/control/channels/c-2/answer"_s).status, 409);

    QCOMPARE(
        ctl(u"POST"_s, u"/control/channels/c-2/hangup"_s, { { u"cause"_s, 300 } }).status, 400);
    // a call from the dialplan is heard of after StasisEnd only by a subscription (trace n)
    QCOMPARE(ari(u"POST"_s, u"/ari/applications/ctl-app/subscription"_s,
                 QUrlQuery { { u"eventSource"_s, u"channel:c-2"_s } })
                 .status,
        200);
    r = ctl(u"POST"_s, u"/control/channels/c-2/hangup"_s, { { u"cause"_s, 17 } });
    QCOMPARE(r.status, 200);
    QVERIFY(ws.waitFor(u"ChannelDestroyed"_s));
    QCOMPARE(ofType(ws, u"ChannelHangupRequest"_s).first().value(u"cause"_s).toInt(), 17);
    QCOMPARE(ofType(ws, u"ChannelDestroyed"_s).first().value(u"cause"_s).toInt(), 17);
    QVERIFY(indexOf(ws, u"StasisEnd"_s, u"c-2"_s) < indexOf(ws, u"ChannelDestroyed"_s, u"c-2"_s));
    QVERIFY(indexOf(ws, u"StasisEnd"_s, u"c-2"_s) > 0);
    QCOMPARE(ari(u"GET"_s, u"/ari/channels/c-2"_s).status, 404);
    QCOMPARE(ctl(u"POST"_s, u"/control/channels/c-2/hangup"_s).status, 404);
}

void tst_SimControl::answerDialledEndpoint()
{
    EventSocket ws;
    QVERIFY(ws.open(sim->url(), u"ctl-app"_s, true));
    HttpResult r = ctl(u"PUT"_s, u"/control/endpoints/PJSIP%2Fslow"_s, { { u"noAnswer"_s, true } });
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"prefix"_s).toString(), u"PJSIP/slow"_s);
    QUrlQuery q;
    q.addQueryItem(u"endpoint"_s, u"PJSIP/slow-1"_s);
    q.addQueryItem(u"app"_s, u"ctl-app"_s);
    q.addQueryItem(u"channelId"_s, u"o-1"_s);
    q.addQueryItem(u"timeout"_s, u"20"_s); // 1 s at the test's time scale
    QCOMPARE(ari(u"POST"_s, u"/ari/channels"_s, q).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(
        ari(u"GET"_s, u"/ari/channels/o-1"_s).object().value(u"state"_s).toString(), u"Ringing"_s,
        5000);
    QCOMPARE(ws.count(u"StasisStart"_s), 0);
    QCOMPARE(ctl(u"POST"_s, u"/control/channels/o-1/answer"_s).status, 200);
    QVERIFY(ws.waitFor(u"StasisStart"_s));
    QCOMPARE(ari(u"GET"_s, u"/ari/channels/o-1"_s).object().value(u"state"_s).toString(), u"Up"_s);
    const auto dials = ofType(ws, u"Dial"_s);
    QVERIFY(!dials.isEmpty());
    QCOMPARE(dials.last().value(u"dialstatus"_s).toString(), u"ANSWER"_s);
    // The endpoint's no-answer timeout no longer applies.
    QTest::qWait(1500);
    QCOMPARE(ari(u"GET"_s, u"/ari/channels/o-1"_s).status, 200);
    QCOMPARE(
        ctl(u"PUT"_s, u"/control/endpoints/PJSIP%2Fslow"_s, { { u"answerAfterMs"_s, -5 } }).status,
        400);
}

// POST /control/broadcasts: StasisBroadcast as trace o_broadcast_claim shows it.
void tst_SimControl::broadcastsOfferAndClaim()
{
    EventSocket a, b, other;
    QVERIFY(a.open(sim->url(), u"ctl-a"_s, false));
    QVERIFY(b.open(sim->url(), u"ctl-b"_s, false));
    QVERIFY(other.open(sim->url(), u"ctl-other"_s, false));
    QTRY_COMPARE(sim->webSocketCount(), 3);
    HttpResult r = ctl(u"POST"_s, u"/control/broadcasts"_s,
        { { u"appFilter"_s, u"^ctl-[ab]$"_s }, { u"timeoutMs"_s, 60000 }, { u"args"_s, u"x:y"_s },
            { u"notifyClaimed"_s, true }, { u"channelId"_s, u"bc-1"_s },
            { u"callerNumber"_s, u"5551"_s }, { u"called"_s, u"600"_s } });
    QCOMPARE(r.status, 201);
    QCOMPARE(r.object().value(u"id"_s).toString(), u"bc-1"_s);
    QVERIFY(a.waitFor(u"CallBroadcast"_s));
    QVERIFY(b.waitFor(u"CallBroadcast"_s));
    const QJsonObject offer = b.events.constLast();
    QCOMPARE(offer.value(u"caller"_s).toString(), u"5551"_s);
    QCOMPARE(offer.value(u"called"_s).toString(), u"600"_s);
    QCOMPARE(offer.value(u"channel"_s).toObject().value(u"dialplan"_s).toObject().value(u"app_name"_s).toString(),
        u"StasisBroadcast"_s);
    QCOMPARE(ctl(u"GET"_s, u"/control/state"_s).object().value(u"broadcasts"_s).toArray().size(), 1);

    QUrlQuery claim { { u"channelId"_s, u"bc-1"_s }, { u"application"_s, u"ctl-b"_s } };
    QCOMPARE(ari(u"POST"_s, u"/ari/events/claim"_s, claim).status, 204);
    QVERIFY(b.waitFor(u"StasisStart"_s));
    QCOMPARE(b.types(), (QStringList { u"CallBroadcast"_s, u"CallClaimed"_s, u"StasisStart"_s }));
    QCOMPARE(b.events.constLast().value(u"args"_s).toArray(), (QJsonArray { u"x"_s, u"y"_s }));
    QVERIFY(a.waitFor(u"CallClaimed"_s));
    QCOMPARE(a.events.constLast().value(u"winner_app"_s).toString(), u"ctl-b"_s);
    claim = { { u"channelId"_s, u"bc-1"_s }, { u"application"_s, u"ctl-a"_s } };
    r = ari(u"POST"_s, u"/ari/events/claim"_s, claim);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.object().value(u"message"_s).toString(),
        u"Channel has already been claimed by another application"_s);
    QCOMPARE(sim->state().value(u"broadcasts"_s).toArray().at(0).toObject().value(u"claimedBy"_s).toString(),
        u"ctl-b"_s);
    // The winner hangs up: its session ends, the offer with it (a claim now is a 404)
    QCOMPARE(ari(u"DELETE"_s, u"/ari/channels/bc-1"_s).status, 204);
    QVERIFY(b.waitFor(u"StasisEnd"_s));
    QCOMPARE(ari(u"POST"_s, u"/ari/events/claim"_s, claim).status, 404);
    QVERIFY(other.events.isEmpty());

    // Nobody claims: after the timeout the offer is gone and the call hangs up
    r = ctl(u"POST"_s, u"/control/broadcasts"_s, { { u"timeoutMs"_s, 100 }, { u"channelId"_s, u"bc-2"_s } });
    QCOMPARE(r.status, 201);
    QVERIFY(other.waitFor(u"CallBroadcast"_s)); // no filter: every connected application
    QTRY_VERIFY(!hasChannelId(sim->channels(), u"bc-2"_s));
    claim = { { u"channelId"_s, u"bc-2"_s }, { u"application"_s, u"ctl-a"_s } };
    r = ari(u"POST"_s, u"/ari/events/claim"_s, claim);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.object().value(u"message"_s).toString(), u"Channel not found or not in broadcast state"_s);

    QCOMPARE(ctl(u"POST"_s, u"/control/broadcasts"_s, { { u"timeoutMs"_s, -1 } }).status, 400);
    QCOMPARE(ctl(u"POST"_s, u"/control/broadcasts"_s, { { u"appFilter"_s, u"(unclosed"_s } }).status, 400);
    QCOMPARE(ctl(u"GET"_s, u"/control/broadcasts"_s).status, 405);
}

void tst_SimControl::deviceStatesAndMailboxes()
{
    EventSocket ws;
    QVERIFY(ws.open(sim->url(), u"ctl-app"_s, true));
    HttpResult r =
        ctl(u"PUT"_s, u"/control/device-states/Stasis%3Aroom-1"_s, { { u"state"_s, u"INUSE"_s } });
    QCOMPARE(r.status, 200);
    QVERIFY(ws.waitFor(u"DeviceStateChanged"_s));
    QCOMPARE(ofType(ws, u"DeviceStateChanged"_s).last().value(u"device_state"_s).toObject(),
        (QJsonObject { { u"name"_s, u"Stasis:room-1"_s }, { u"state"_s, u"INUSE"_s } }));
    QCOMPARE(
        ari(u"GET"_s, u"/ari/deviceStates/Stasis:room-1"_s).object().value(u"state"_s).toString(),
        u"INUSE"_s);
    // Any device, not only Stasis: ones (the far side's phone, say).
    QCOMPARE(
        ctl(u"PUT"_s, u"/control/device-states/PJSIP%2Falice"_s, { { u"state"_s, u"RINGING"_s } })
            .status,
        200);
    QCOMPARE(
        ari(u"GET"_s, u"/ari/deviceStates/PJSIP%2Falice"_s).object().value(u"state"_s).toString(),
        u"RINGING"_s);
    QVERIFY(ws.waitFor(u"DeviceStateChanged"_s, 2));
    QCOMPARE(
        ctl(u"PUT"_s, u"/control/device-states/Stasis%3Aroom-1"_s, { { u"state"_s, u"SLEEPY"_s } })
            .status,
        400);
    QCOMPARE(
        ctl(u"POST"_s, u"/control/device-states/Stasis%3Aroom-1"_s, { { u"state"_s, u"BUSY"_s } })
            .status,
        405);

    r = ctl(u"PUT"_s, u"/control/mailboxes/box-1"_s,
        { { u"oldMessages"_s, 2 }, { u"newMessages"_s, 3 } });
    QCOMPARE(r.status, 200);
    r = ari(u"GET"_s, u"/ari/mailboxes/box-1"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"old_messages"_s).toInt(), 2);
    QCOMPARE(r.object().value(u"new_messages"_s).toInt(), 3);
    QVERIFY(ws.waitFor(u"DeviceStateChanged"_s, 3));
    QCOMPARE(ofType(ws, u"DeviceStateChanged"_s).last().value(u"device_state"_s).toObject(),
        (QJsonObject { { u"name"_s, u"MWI:box-1"_s }, { u"state"_s, u"INUSE"_s } }));
    QCOMPARE(
        ctl(u"PUT"_s, u"/control/mailboxes/box-1"_s, { { u"newMessages"_s, -1 } }).status, 400);
}

void tst_SimControl::dropAndStallSockets()
{
    auto ws = std::make_unique<EventSocket>();
    QVERIFY(ws->open(sim->url(), u"ctl-app"_s, false));
    QTRY_COMPARE(sim->webSocketCount(), 1);
    HttpResult r = ctl(u"POST"_s, u"/control/sockets/drop"_s, { { u"code"_s, 1001 } });
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"dropped"_s).toInt(), 1);
    QTRY_VERIFY(ws->closed);
    QCOMPARE(ws->socket.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QCOMPARE(ctl(u"POST"_s, u"/control/sockets/drop"_s, { { u"code"_s, 7 } }).status, 400);

    ws = std::make_unique<EventSocket>();
    QVERIFY(ws->open(sim->url(), u"ctl-app"_s, false));
    QCOMPARE(ctl(u"POST"_s, u"/control/sockets/stall"_s, { { u"stalled"_s, true } }).status, 200);
    QCOMPARE(ctl(u"GET"_s, u"/control/state"_s)
                 .object()
                 .value(u"faults"_s)
                 .toObject()
                 .value(u"stalled"_s)
                 .toBool(),
        true);
    QCOMPARE(ctl(u"POST"_s, u"/control/calls"_s,
                 { { u"app"_s, u"ctl-app"_s }, { u"channelId"_s, u"s-1"_s } })
                 .status,
        201);
    QTest::qWait(300);
    QCOMPARE(ws->events.size(), 0);
    QCOMPARE(ctl(u"POST"_s, u"/control/sockets/stall"_s, { { u"stalled"_s, false } }).status, 200);
    QCOMPARE(ctl(u"POST"_s, u"/control/calls"_s,
                 { { u"app"_s, u"ctl-app"_s }, { u"channelId"_s, u"s-2"_s } })
                 .status,
        201);
    // What the stall held back comes first, in order: a paused server loses nothing.
    QTRY_COMPARE(ofType(*ws, u"StasisStart"_s).size(), 2);
    QCOMPARE(ofType(*ws, u"StasisStart"_s).at(0).value(u"channel"_s).toObject().value(u"id"_s).toString(),
             u"s-1"_s);
    QCOMPARE(ofType(*ws, u"StasisStart"_s).at(1).value(u"channel"_s).toObject().value(u"id"_s).toString(),
             u"s-2"_s);

    // Refusing connections: a new event socket cannot open, then can again.
    QCOMPARE(
        ctl(u"POST"_s, u"/control/connections/refuse"_s, { { u"refuse"_s, true } }).status, 200);
    EventSocket refused;
    QVERIFY(!refused.open(sim->url(), u"other"_s, false));
    QCOMPARE(
        ctl(u"POST"_s, u"/control/connections/refuse"_s, { { u"refuse"_s, false } }).status, 200);
    EventSocket accepted;
    QVERIFY(accepted.open(sim->url(), u"other"_s, false));
}

void tst_SimControl::failAndDelayRest()
{
    HttpResult r =
        ctl(u"POST"_s, u"/control/rest/fail"_s, { { u"count"_s, 2 }, { u"status"_s, 503 } });
    QCOMPARE(r.status, 200);
    QCOMPARE(ari(u"GET"_s, u"/ari/channels"_s).status, 503);
    QCOMPARE(ari(u"GET"_s, u"/ari/asterisk/ping"_s).status, 503);
    QCOMPARE(ari(u"GET"_s, u"/ari/channels"_s).status, 200);
    QCOMPARE(
        ctl(u"POST"_s, u"/control/rest/fail"_s, { { u"count"_s, 1 }, { u"status"_s, 42 } }).status,
        400);
    QCOMPARE(ctl(u"POST"_s, u"/control/rest/fail"_s, { { u"count"_s, -1 } }).status, 400);

    QCOMPARE(ctl(u"POST"_s, u"/control/rest/delay"_s, { { u"ms"_s, 1500 } }).status, 200);
    QElapsedTimer t;
    t.start();
    QCOMPARE(ari(u"GET"_s, u"/ari/channels"_s).status, 200);
    QVERIFY2(t.elapsed() >= 1450, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(ctl(u"POST"_s, u"/control/rest/delay"_s, { { u"ms"_s, 0 } }).status, 200);
    t.restart();
    QCOMPARE(ari(u"GET"_s, u"/ari/channels"_s).status, 200);
    QVERIFY2(t.elapsed() < 1450, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(ctl(u"POST"_s, u"/control/rest/delay"_s, { { u"ms"_s, -3 } }).status, 400);
}

void tst_SimControl::rawFramesAndEvents()
{
    EventSocket ws;
    QVERIFY(ws.open(sim->url(), u"ctl-app"_s, false));
    const QString unknown = uR"({"type":"NoSuchEventType","application":"ctl-app","x":1})"_s;
    QCOMPARE(ctl(u"POST"_s, u"/control/frames"_s, { { u"text"_s, unknown } }).status, 200);
    QTRY_COMPARE(ws.raw.size(), 1);
    QCOMPARE(ws.raw.first(), unknown); // as is, byte for byte
    QCOMPARE(ctl(u"POST"_s, u"/control/frames"_s, { { u"text"_s, u"not json {"_s } }).status, 200);
    QTRY_COMPARE(ws.raw.size(), 2);
    QCOMPARE(ws.raw.at(1), u"not json {"_s);
    // An event object: the simulator fills application, timestamp and asterisk_id.
    const QJsonObject talking { { u"type"_s, u"ChannelTalkingStarted"_s },
        { u"channel"_s, QJsonObject { { u"id"_s, u"t-1"_s } } } };
    QCOMPARE(ctl(u"POST"_s, u"/control/frames"_s, { { u"event"_s, talking } }).status, 200);
    QVERIFY(ws.waitFor(u"ChannelTalkingStarted"_s));
    const QJsonObject e = ofType(ws, u"ChannelTalkingStarted"_s).first();
    QCOMPARE(e.value(u"application"_s).toString(), u"ctl-app"_s);
    QVERIFY(!e.value(u"timestamp"_s).toString().isEmpty());
    QCOMPARE(e.value(u"asterisk_id"_s).toString(), sim->asteriskId());
    QCOMPARE(ctl(u"POST"_s, u"/control/frames"_s, { { u"event"_s, QJsonObject { { u"x"_s, 1 } } } })
                 .status,
        400);
    QCOMPARE(ctl(u"POST"_s, u"/control/frames"_s).status, 400);
}

void tst_SimControl::stateThenReset()
{
    EventSocket ws;
    QVERIFY(ws.open(sim->url(), u"ctl-app"_s, true));
    QCOMPARE(ctl(u"POST"_s, u"/control/calls"_s,
                 { { u"app"_s, u"ctl-app"_s }, { u"channelId"_s, u"st-1"_s } })
                 .status,
        201);
    QCOMPARE(ctl(u"POST"_s, u"/control/channels/st-1/answer"_s).status, 200);
    QUrlQuery q;
    q.addQueryItem(u"type"_s, u"mixing"_s);
    q.addQueryItem(u"bridgeId"_s, u"br-1"_s);
    QCOMPARE(ari(u"POST"_s, u"/ari/bridges"_s, q).status, 200);
    QCOMPARE(ari(u"POST"_s, u"/ari/applications/ctl-app/subscription"_s,
                 QUrlQuery { { u"eventSource"_s, u"bridge:br-1"_s } })
                 .status,
        200);
    // bogus: media is accepted and never finishes (trace c), so the playback stays.
    QCOMPARE(ari(u"POST"_s, u"/ari/channels/st-1/play"_s,
                 QUrlQuery { { u"media"_s, u"bogus:thing"_s }, { u"playbackId"_s, u"pb-1"_s } })
                 .status,
        201);
    QCOMPARE(ari(u"POST"_s, u"/ari/channels/st-1/record"_s,
                 QUrlQuery { { u"name"_s, u"rec-1"_s }, { u"format"_s, u"wav"_s } })
                 .status,
        201);
    QCOMPARE(
        ctl(u"PUT"_s, u"/control/device-states/Stasis%3Ax"_s, { { u"state"_s, u"BUSY"_s } }).status,
        200);
    QCOMPARE(ctl(u"PUT"_s, u"/control/mailboxes/m-1"_s, { { u"newMessages"_s, 1 } }).status, 200);
    QCOMPARE(ctl(u"POST"_s, u"/control/rest/fail"_s, { { u"count"_s, 5 } }).status, 200);

    HttpResult r = ctl(u"GET"_s, u"/control/state"_s);
    QCOMPARE(r.status, 200);
    QJsonObject s = r.object();
    auto ids = [](const QJsonArray &list, const QString &key) {
        QStringList out;
        for (const QJsonValue &v : list)
            out.append(v.toObject().value(key).toString());
        return out;
    };
    QCOMPARE(ids(s.value(u"channels"_s).toArray(), u"id"_s), QStringList { u"st-1"_s });
    QCOMPARE(ids(s.value(u"bridges"_s).toArray(), u"id"_s), QStringList { u"br-1"_s });
    QCOMPARE(ids(s.value(u"playbacks"_s).toArray(), u"id"_s), QStringList { u"pb-1"_s });
    QCOMPARE(ids(s.value(u"liveRecordings"_s).toArray(), u"name"_s), QStringList { u"rec-1"_s });
    QCOMPARE(ids(s.value(u"deviceStates"_s).toArray(), u"name"_s), QStringList { u"Stasis:x"_s });
    QCOMPARE(ids(s.value(u"mailboxes"_s).toArray(), u"name"_s), QStringList { u"m-1"_s });
    const QJsonArray apps = s.value(u"applications"_s).toArray();
    QCOMPARE(apps.size(), 1);
    QCOMPARE(apps.first().toObject().value(u"name"_s).toString(), u"ctl-app"_s);
    QVERIFY(apps.first().toObject().value(u"bridge_ids"_s).toArray().contains(u"br-1"_s));
    QCOMPARE(s.value(u"eventSockets"_s).toInt(), 1);
    QCOMPARE(s.value(u"faults"_s).toObject().value(u"failNext"_s).toInt(), 5);
    QCOMPARE(s.value(u"asterisk"_s).toObject().value(u"major"_s).toInt(), 22);

    r = ctl(u"POST"_s, u"/control/reset"_s);
    QCOMPARE(r.status, 200);
    s = r.object();
    for (const char *key : { "channels", "bridges", "playbacks", "liveRecordings",
             "storedRecordings", "deviceStates", "mailboxes" })
        QVERIFY2(s.value(QLatin1String(key)).toArray().isEmpty(), key);
    QCOMPARE(s.value(u"faults"_s).toObject().value(u"failNext"_s).toInt(), 0);
    QCOMPARE(s.value(u"eventSockets"_s).toInt(), 1); // sockets stay
    // The client saw everything end.
    QVERIFY(ws.waitFor(u"ChannelDestroyed"_s));
    QVERIFY(ws.waitFor(u"BridgeDestroyed"_s));
    QVERIFY(ws.waitFor(u"RecordingFinished"_s));
    QCOMPARE(ari(u"GET"_s, u"/ari/channels"_s).array().size(), 0);
    QCOMPARE(ari(u"GET"_s, u"/ari/bridges"_s).array().size(), 0);
    QCOMPARE(ari(u"GET"_s, u"/ari/deviceStates"_s).array().size(), 0);
    QCOMPARE(ari(u"GET"_s, u"/ari/mailboxes"_s).array().size(), 0);
    QCOMPARE(ari(u"GET"_s, u"/ari/recordings/stored"_s).array().size(), 0);
    QCOMPARE(ari(u"GET"_s, u"/ari/playbacks/pb-1"_s).status, 404);
    const QJsonObject app = ari(u"GET"_s, u"/ari/applications/ctl-app"_s).object();
    QCOMPARE(app.value(u"name"_s).toString(), u"ctl-app"_s);
    QVERIFY(!app.value(u"bridge_ids"_s).toArray().contains(u"br-1"_s));
    // And it works as before afterwards.
    QCOMPARE(ctl(u"POST"_s, u"/control/calls"_s,
                 { { u"app"_s, u"ctl-app"_s }, { u"channelId"_s, u"st-1"_s } })
                 .status,
        201);
}

void tst_SimControl::scriptPlaysInOrder()
{
    EventSocket ws;
    QVERIFY(ws.open(sim->url(), u"ctl-app"_s, false));
    const QByteArray script = R"(# a call that presses 9 and hangs up with cause 21
{"request": "POST /control/calls", "body": {"app": "ctl-app", "channelId": "sc-1"}, "expect": 201}

{"after_ms": 150, "request": "POST /control/channels/sc-1/dtmf", "body": {"digits": "9"}}
{"after_ms": 150, "request": "POST /control/channels/sc-1/hangup", "body": {"cause": 21}, "expect": 200}
{"after_ms": 10, "exit": 3}
{"request": "POST /control/calls", "body": {"app": "ctl-app", "channelId": "never"}}
)";
    QSignalSpy finished(sim.get(), &Simulator::scriptFinished);
    QElapsedTimer t;
    t.start();
    QString error;
    QVERIFY2(sim->playScript(script, &error), qPrintable(error));
    QVERIFY(finished.wait(5000));
    QVERIFY(t.elapsed() >= 280);
    QCOMPARE(finished.first().first().toInt(), 3);
    QVERIFY(ws.waitFor(u"StasisEnd"_s));
    const qsizetype start = indexOf(ws, u"StasisStart"_s, u"sc-1"_s);
    const qsizetype digit = indexOf(ws, u"ChannelDtmfReceived"_s, u"sc-1"_s);
    const qsizetype end = indexOf(ws, u"ChannelHangupRequest"_s, u"sc-1"_s);
    QVERIFY(start >= 0 && start < digit && digit < end);
    QCOMPARE(ws.events.at(digit).value(u"digit"_s).toString(), u"9"_s);
    QCOMPARE(ws.events.at(end).value(u"cause"_s).toInt(), 21);
    QTest::qWait(100);
    QCOMPARE(indexOf(ws, u"StasisStart"_s, u"never"_s), -1); // after exit nothing runs

    // Without an exit line the end is reported as -1.
    finished.clear();
    QVERIFY(sim->playScript(R"({"request": "GET /control/state"})"));
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().toInt(), -1);
}

void tst_SimControl::scriptErrors()
{
    QString error;
    QVERIFY(!sim->playScript(
        "{\"request\": \"GET /control/state\"}\n{\"requets\": \"GET /control\"}\n", &error));
    QVERIFY2(error.startsWith(u"line 2:"_s) && error.contains(u"requets"_s), qPrintable(error));
    QVERIFY(!sim->playScript("not json\n", &error));
    QVERIFY(error.startsWith(u"line 1:"_s));
    QVERIFY(!sim->playScript(R"({"request": "GET /elsewhere"})", &error));
    QVERIFY(!sim->playScript(R"({"after_ms": -1, "request": "GET /control"})", &error));
    QVERIFY(!sim->playScript(R"({"exit": 0, "request": "GET /control"})", &error));

    // A step that misses its expect ends the script with 1 and runs nothing after it.
    QSignalSpy finished(sim.get(), &Simulator::scriptFinished);
    QVERIFY(sim->playScript(R"({"request": "POST /control/channels/none/hangup", "expect": 200}
{"request": "POST /control/calls", "body": {"app": "a", "channelId": "late"}})"));
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().toInt(), 1);
    QTest::qWait(50);
    QCOMPARE(sim->channels().size(), 0);
}

void tst_SimControl::versionModes_data()
{
    QTest::addColumn<int>("major");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("apiVersion");
    QTest::newRow("18") << 18 << u"18.26.0"_s << u"6.0.1"_s;
    QTest::newRow("20") << 20 << u"20.15.0"_s << u"8.0.0"_s;
    QTest::newRow("22") << 22 << u"22.10.1"_s << u"10.0.0"_s;
    QTest::newRow("23") << 23 << u"23.4.1"_s << u"11.0.0"_s;
}

void tst_SimControl::versionModes()
{
    QFETCH(int, major);
    QFETCH(QString, version);
    QFETCH(QString, apiVersion);
    QCOMPARE(sim->asteriskVersion(), 22); // the default
    QVERIFY(sim->setAsteriskVersion(major));
    QCOMPARE(sim->asteriskVersion(), major);
    QCOMPARE(sim->asteriskVersionString(), version);

    // What the server says it is.
    HttpResult r = ari(u"GET"_s, u"/ari/asterisk/info"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"system"_s).toObject().value(u"version"_s).toString(), version);
    r = ari(u"GET"_s, u"/ari/api-docs/resources.json"_s);
    QCOMPARE(r.object().value(u"apiVersion"_s).toString(), apiVersion);
    r = ari(u"GET"_s, u"/ari/api-docs/channels.json"_s);
    QCOMPARE(r.object().value(u"apiVersion"_s).toString(), apiVersion);
    QStringList paths;
    for (const QJsonValue &api : r.object().value(u"apis"_s).toArray())
        paths.append(api.toObject().value(u"path"_s).toString());
    QCOMPARE(paths.contains(u"/channels/{channelId}/progress"_s), major >= 20);
    QVERIFY(paths.contains(u"/channels/{channelId}/answer"_s));
    {
        QNetworkRequest req(QUrl(sim->url().toString() + u"/ari/asterisk/ping"_s));
        req.setRawHeader("Authorization", basic(u"asterisk"_s, u"asterisk"_s));
        QNetworkReply *reply = nam->get(req);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(reply->rawHeader("Server"), "Asterisk/" + version.toUtf8());
        reply->deleteLater();
    }

    EventSocket ws;
    QVERIFY(ws.open(sim->url(), u"ver-app"_s, false));
    QCOMPARE(ctl(u"POST"_s, u"/control/calls"_s,
                 { { u"app"_s, u"ver-app"_s }, { u"channelId"_s, u"v-1"_s } })
                 .status,
        201);
    QVERIFY(ws.waitFor(u"StasisStart"_s));

    // Routes of later versions are unknown routes, answered as Asterisk answers those (trace j).
    r = ari(u"POST"_s, u"/ari/channels/v-1/progress"_s);
    if (major >= 20) {
        QVERIFY2(r.status != 404, r.body.constData());
    } else {
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body, QByteArray(R"({"message":"Resource not found"})"));
    }
    r = ari(u"GET"_s, u"/ari/channels/v-1/variables"_s, QUrlQuery { { u"variables"_s, u"X"_s } });
    QCOMPARE(r.object().value(u"message"_s).toString() == u"Resource not found"_s, major < 20);
    // Parameters of later versions are ignored, not refused.
    QUrlQuery setVar { { u"variable"_s, u"FOO"_s }, { u"value"_s, u"1"_s },
        { u"report_events"_s, u"bogus"_s } };
    QCOMPARE(ari(u"POST"_s, u"/ari/channels/v-1/variable"_s, setVar).status, 204);
    QCOMPARE(
        ari(u"GET"_s, u"/ari/channels/v-1/variable"_s, QUrlQuery { { u"variable"_s, u"FOO"_s } })
            .object()
            .value(u"value"_s)
            .toString(),
        u"1"_s);

    // Events of later versions are never sent; fields of later versions are left out.
    const qsizetype before = ws.events.size();
    sim->pushEvent({ { u"type"_s, u"ChannelToneDetected"_s },
        { u"channel"_s, QJsonObject { { u"id"_s, u"v-1"_s } } } });
    sim->pushEvent({ { u"type"_s, u"CallBroadcast"_s }, { u"caller"_s, u"100"_s },
        { u"called"_s, u"200"_s } });
    sim->pushEvent({ { u"type"_s, u"ChannelUnhold"_s },
        { u"channel"_s, QJsonObject { { u"id"_s, u"v-1"_s } } } });
    QCOMPARE(ctl(u"POST"_s, u"/control/channels/v-1/hangup"_s, { { u"cause"_s, 16 } }).status, 200);
    QVERIFY(ws.waitFor(u"StasisEnd"_s));
    QVERIFY(ws.waitFor(u"ChannelUnhold"_s)); // an event every version has arrives
    QCOMPARE(ws.count(u"ChannelToneDetected"_s), major >= 22 ? 1 : 0);
    QCOMPARE(ws.count(u"CallBroadcast"_s), major >= 20 ? 1 : 0);
    QVERIFY(ws.events.size() > before);
    sim->pushEvent({ { u"type"_s, u"ChannelDestroyed"_s }, { u"cause"_s, 16 },
        { u"cause_txt"_s, u"Normal Clearing"_s }, { u"tech_cause"_s, 200 },
        { u"channel"_s, QJsonObject { { u"id"_s, u"v-x"_s } } } });
    QVERIFY(ws.waitFor(u"ChannelDestroyed"_s)); // (v-1's own went with its Stasis: trace n)
    QCOMPARE(ofType(ws, u"ChannelDestroyed"_s).last().contains(u"tech_cause"_s), major >= 20);
    // The raw frame is the way to send anything at all.
    sim->sendRawFrame(R"({"type":"ChannelToneDetected","application":"ver-app"})");
    QVERIFY(ws.waitFor(u"ChannelToneDetected"_s, major >= 22 ? 2 : 1));

    // REST over the WebSocket came with 20 (RESTRequest): 18 ignores such frames.
    ws.socket.sendTextMessage(
        uR"({"type":"RESTRequest","transaction_id":"t1","request_id":"r1","method":"GET","uri":"asterisk/ping"})"_s);
    if (major >= 20) {
        QVERIFY(ws.waitFor(u"RESTResponse"_s));
        QCOMPARE(ofType(ws, u"RESTResponse"_s).first().value(u"status_code"_s).toInt(), 200);
    } else {
        QTest::qWait(400);
        QCOMPARE(ws.count(u"RESTResponse"_s), 0);
    }
}

void tst_SimControl::versionThroughControl()
{
    HttpResult r = ctl(u"GET"_s, u"/control/version"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"major"_s).toInt(), 22);
    r = ctl(u"PUT"_s, u"/control/version"_s, { { u"asterisk"_s, 20 } });
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"version"_s).toString(), u"20.15.0"_s);
    QCOMPARE(ari(u"GET"_s, u"/ari/asterisk/info"_s)
                 .object()
                 .value(u"system"_s)
                 .toObject()
                 .value(u"version"_s)
                 .toString(),
        u"20.15.0"_s);
    QCOMPARE(ctl(u"PUT"_s, u"/control/version"_s, { { u"asterisk"_s, 19 } }).status, 400);
    QCOMPARE(sim->asteriskVersion(), 20);
    QVERIFY(!sim->setAsteriskVersion(21));
}

void tst_SimControl::ariSimHelp()
{
    QProcess p;
    p.start(ariSimPath(), { u"--help"_s });
    QVERIFY2(p.waitForFinished(10000), qPrintable(ariSimPath() + u": "_s + p.errorString()));
    QCOMPARE(p.exitCode(), 0);
    const QString help = QString::fromUtf8(p.readAllStandardOutput());
    for (const char *option : { "--asterisk-version <major>", "--control-port <port>",
             "--control-token <token>", "--script <file>", "--port <port>", "--bind <address>",
             "--traffic <spec>", "--flood <N>", "--quiet" })
        QVERIFY2(help.contains(QLatin1String(option)), option);
    // Every option comes with a description on its line.
    static const QRegularExpression optionLine(u"^\\s+(-\\S+, )?--[\\w-]+( <[^>]+>)?(\\s*)(.*)$"_s);
    int options = 0;
    for (const QString &line : help.split(u'\n')) {
        if (!line.trimmed().startsWith(u'-'))
            continue;
        const auto m = optionLine.match(line);
        QVERIFY2(m.hasMatch(), qPrintable(line));
        QVERIFY2(m.captured(3).size() >= 2 && !m.captured(4).trimmed().isEmpty(), qPrintable(line));
        ++options;
    }
    QVERIFY(options >= 14);
}

void tst_SimControl::ariSimControlPort()
{
    QProcess p;
    p.start(ariSimPath(),
        { u"--port"_s, u"0"_s, u"--control-port"_s, u"0"_s, u"--control-token"_s, u"tk"_s,
            u"--asterisk-version"_s, u"20"_s, u"--quiet"_s });
    QVERIFY2(p.waitForStarted(10000), qPrintable(p.errorString()));
    QByteArray out;
    const QUrl ariUrl(waitForLine(p, out, QRegularExpression(u"ari-sim listening on (\\S+)"_s)));
    const QString control =
        waitForLine(p, out, QRegularExpression(u"ari-sim control API on (\\S+)/control"_s));
    QVERIFY2(!control.isEmpty(), out.constData());
    const QUrl controlUrl(control);
    QVERIFY(controlUrl.port() > 0 && controlUrl.port() != ariUrl.port());
    QCOMPARE(
        call(*nam, controlUrl, u"GET"_s, u"/control/state"_s, {}, {}, QByteArray()).status, 401);
    HttpResult r = call(*nam, controlUrl, u"GET"_s, u"/control/state"_s, {}, {}, "Bearer tk");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"asterisk"_s).toObject().value(u"major"_s).toInt(), 20);
    r = call(*nam, controlUrl, u"POST"_s, u"/control/calls"_s, {},
        toBody({ { u"app"_s, u"p-app"_s }, { u"channelId"_s, u"p-1"_s } }), "Bearer tk");
    QCOMPARE(r.status, 201);
    r = call(*nam, ariUrl, u"GET"_s, u"/ari/channels/p-1"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"id"_s).toString(), u"p-1"_s);
    QCOMPARE(call(*nam, ariUrl, u"GET"_s, u"/ari/asterisk/info"_s)
                 .object()
                 .value(u"system"_s)
                 .toObject()
                 .value(u"version"_s)
                 .toString(),
        u"20.15.0"_s);
    p.terminate();
    QVERIFY(p.waitForFinished(5000));

    QProcess bad;
    bad.start(ariSimPath(), { u"--port"_s, u"0"_s, u"--asterisk-version"_s, u"21"_s });
    QVERIFY(bad.waitForFinished(10000));
    QCOMPARE(bad.exitCode(), 2);
    QVERIFY(bad.readAllStandardError().contains("--asterisk-version"));
}

void tst_SimControl::ariSimScript_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("stderrPart");
    QTest::newRow("runs to its exit")
        << QByteArray(R"(# start a call, look at it, hang it up twice (the second time it is gone)
{"request": "POST /control/calls", "body": {"app": "s-app", "channelId": "sx-1"}, "expect": 201}
{"after_ms": 50, "request": "GET /control/state", "expect": 200}
{"after_ms": 50, "request": "POST /control/channels/sx-1/hangup", "body": {"cause": 16}, "expect": 200}
{"after_ms": 50, "request": "POST /control/channels/sx-1/hangup", "expect": 404}
{"after_ms": 50, "exit": 7}
)") << 7 << QByteArray();
    QTest::newRow("missed expect")
        << QByteArray(R"({"request": "POST /control/channels/none/answer", "expect": 200})") << 1
        << QByteArray();
    QTest::newRow("bad line") << QByteArray("{\"after_ms\": 5, \"exit\": 0}\n{\"wait\": 5}\n") << 2
                              << QByteArray("line 2");
}

void tst_SimControl::ariSimScript()
{
    QFETCH(QByteArray, script);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, stderrPart);
    QTemporaryDir dir;
    QFile file(dir.filePath(u"scenario.jsonl"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(script);
    file.close();
    QProcess p;
    p.start(ariSimPath(), { u"--port"_s, u"0"_s, u"--quiet"_s, u"--script"_s, file.fileName() });
    QVERIFY2(p.waitForFinished(15000), "ari-sim did not end with its script");
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), exitCode);
    if (!stderrPart.isEmpty())
        QVERIFY(p.readAllStandardError().contains(stderrPart));
}

QTEST_GUILESS_MAIN(tst_SimControl)
#include "tst_simcontrol.moc"
