// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Request building by the generated operation classes: method, path, query and body for operations
// of every resource, hostile ids, lists, booleans, JSON bodies and the required-parameter check.

#include "fakes.h"

#include <QtAri/ApplicationsApi>
#include <QtAri/AsteriskApi>
#include <QtAri/BridgesApi>
#include <QtAri/ChannelsApi>
#include <QtAri/DeviceStatesApi>
#include <QtAri/EndpointsApi>
#include <QtAri/EventsApi>
#include <QtAri/MailboxesApi>
#include <QtAri/PlaybacksApi>
#include <QtAri/RecordingsApi>
#include <QtAri/SoundsApi>

#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

using namespace QtAri;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(QtAri::Result<QtAri::Request>)

class tst_Requests : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void build_data();
    void build();
    void hostileIdStaysInItsSegment_data();
    void hostileIdStaysInItsSegment();
    void hostileValuesInQuery();
    void missingRequiredIsRefusedBeforeSending_data();
    void missingRequiredIsRefusedBeforeSending();
    void moveWithoutAppIsRefused();
    void callSendsTheBuiltRequest();
};

static QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

void tst_Requests::build_data()
{
    QTest::addColumn<Result<Request>>("built");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("operation");

    auto row = [](const char *tag, const Result<Request> &built, const char *method,
                   const char *path, const char *query, const char *body, const char *operation) {
        QTest::newRow(tag) << built << QByteArray(method) << QByteArray(path) << QByteArray(query)
                           << QByteArray(body) << QString::fromLatin1(operation);
    };

    // channels
    row("channels.list", ChannelsApi::listRequest(), "GET", "/channels", "", "", "channels.list");
    row("channels.originate",
        ChannelsApi::originateRequest(u"PJSIP/1000"_s,
            { .app = u"ivr"_s,
                .appArgs = u"a,b"_s,
                .timeout = 15,
                .variables = object(R"J({"CALLERID(name)":"Alice"})J") }),
        "POST", "/channels", "endpoint=PJSIP%2F1000&app=ivr&appArgs=a%2Cb&timeout=15",
        R"J({"variables":{"CALLERID(name)":"Alice"}})J", "channels.originate");
    row("channels.originateWithId",
        ChannelsApi::originateWithIdRequest(
            u"my-id"_s, u"Local/100@ari-test"_s, { .priority = 1, .app = u"test-app"_s }),
        "POST", "/channels/my-id", "endpoint=Local%2F100%40ari-test&priority=1&app=test-app", "",
        "channels.originateWithId");
    row("channels.answer", ChannelsApi::answerRequest(u"c1"_s), "POST", "/channels/c1/answer", "",
        "", "channels.answer");
    row("channels.hangup", ChannelsApi::hangupRequest(u"c1"_s, { .reason = u"busy"_s }), "DELETE",
        "/channels/c1", "reason=busy", "", "channels.hangup");
    row("channels.ringStop", ChannelsApi::ringStopRequest(u"c1"_s), "DELETE", "/channels/c1/ring",
        "", "", "channels.ringStop");
    row("channels.sendDtmf",
        ChannelsApi::sendDtmfRequest(u"c1"_s, { .dtmf = u"123#"_s, .between = 100 }), "POST",
        "/channels/c1/dtmf", "dtmf=123%23&between=100", "", "channels.sendDTMF");
    row("channels.play (media list)",
        ChannelsApi::playRequest(u"c1"_s, { u"sound:hello-world"_s, u"sound:demo-congrats"_s },
            { .lang = u"en"_s, .skipms = 3000 }),
        "POST", "/channels/c1/play",
        "media=sound%3Ahello-world,sound%3Ademo-congrats&lang=en&skipms=3000", "", "channels.play");
    row("channels.playWithId", ChannelsApi::playWithIdRequest(u"c1"_s, u"pb-1"_s, { u"sound:x"_s }),
        "POST", "/channels/c1/play/pb-1", "media=sound%3Ax", "", "channels.playWithId");
    row("channels.record (boolean)",
        ChannelsApi::recordRequest(u"c1"_s, u"rec"_s, u"wav"_s,
            { .maxDurationSeconds = 0, .beep = true, .terminateOn = u"#"_s }),
        "POST", "/channels/c1/record",
        "name=rec&format=wav&maxDurationSeconds=0&beep=true&terminateOn=%23", "",
        "channels.record");
    row("channels.setChannelVar (false)",
        ChannelsApi::setChannelVarRequest(
            u"c1"_s, u"FOO"_s, { .value = u"bar"_s, .reportEvents = false }),
        "POST", "/channels/c1/variable", "variable=FOO&value=bar&report_events=false", "",
        "channels.setChannelVar");
    row("channels.getChannelVars (list)",
        ChannelsApi::getChannelVarsRequest(u"c1"_s, { u"A"_s, u"B"_s }), "GET",
        "/channels/c1/variables", "variables=A,B", "", "channels.getChannelVars");
    row("channels.setChannelVars (required body)",
        ChannelsApi::setChannelVarsRequest(u"c1"_s, object(R"({"A":"1","B":"2"})")), "POST",
        "/channels/c1/variables", "", R"({"variables":{"A":"1","B":"2"}})",
        "channels.setChannelVars");
    row("channels.snoopChannelWithId",
        ChannelsApi::snoopChannelWithIdRequest(
            u"c1"_s, u"snoop-1"_s, u"app"_s, { .spy = u"both"_s }),
        "POST", "/channels/c1/snoop/snoop-1", "spy=both&app=app", "",
        "channels.snoopChannelWithId");
    row("channels.externalMedia",
        ChannelsApi::externalMediaRequest(
            u"app"_s, u"ulaw"_s, { .externalHost = u"127.0.0.1:4000"_s, .transportData = u"x"_s }),
        "POST", "/channels/externalMedia",
        "app=app&external_host=127.0.0.1%3A4000&format=ulaw&transport_data=x", "",
        "channels.externalMedia");
    row("channels.transferProgress",
        ChannelsApi::transferProgressRequest(u"c1"_s, u"channel_answered"_s), "POST",
        "/channels/c1/transfer_progress", "states=channel_answered", "",
        "channels.transfer_progress");
    // bridges
    row("bridges.create",
        BridgesApi::createRequest({ .type = u"mixing,dtmf_events"_s, .name = u"conf"_s }), "POST",
        "/bridges", "type=mixing%2Cdtmf_events&name=conf", "", "bridges.create");
    row("bridges.addChannel (list, booleans)",
        BridgesApi::addChannelRequest(u"b1"_s, { u"c1"_s, u"c2"_s },
            { .role = u"participant"_s, .absorbDtmf = true, .mute = false }),
        "POST", "/bridges/b1/addChannel",
        "channel=c1,c2&role=participant&absorbDTMF=true&mute=false", "", "bridges.addChannel");
    row("bridges.setVideoSource", BridgesApi::setVideoSourceRequest(u"b1"_s, u"c1"_s), "POST",
        "/bridges/b1/videoSource/c1", "", "", "bridges.setVideoSource");
    row("bridges.destroy", BridgesApi::destroyRequest(u"b1"_s), "DELETE", "/bridges/b1", "", "",
        "bridges.destroy");
    // playbacks
    row("playbacks.control", PlaybacksApi::controlRequest(u"pb"_s, u"pause"_s), "POST",
        "/playbacks/pb/control", "operation=pause", "", "playbacks.control");
    row("playbacks.stop", PlaybacksApi::stopRequest(u"pb"_s), "DELETE", "/playbacks/pb", "", "",
        "playbacks.stop");
    // recordings
    row("recordings.getStoredFile", RecordingsApi::getStoredFileRequest(u"rec"_s), "GET",
        "/recordings/stored/rec/file", "", "", "recordings.getStoredFile");
    row("recordings.copyStored", RecordingsApi::copyStoredRequest(u"rec"_s, u"rec 2"_s), "POST",
        "/recordings/stored/rec/copy", "destinationRecordingName=rec%202", "",
        "recordings.copyStored");
    row("recordings.unpause", RecordingsApi::unpauseRequest(u"rec"_s), "DELETE",
        "/recordings/live/rec/pause", "", "", "recordings.unpause");
    // endpoints
    row("endpoints.get", EndpointsApi::getRequest(u"PJSIP"_s, u"alice"_s), "GET",
        "/endpoints/PJSIP/alice", "", "", "endpoints.get");
    row("endpoints.sendMessage",
        EndpointsApi::sendMessageRequest(u"pjsip:bob"_s, u"pjsip:alice"_s,
            { .body = u"hi there"_s, .variables = object(R"({"X-Key":"v"})") }),
        "PUT", "/endpoints/sendMessage", "to=pjsip%3Abob&from=pjsip%3Aalice&body=hi%20there",
        R"({"variables":{"X-Key":"v"}})", "endpoints.sendMessage");
    // deviceStates
    row("deviceStates.update", DeviceStatesApi::updateRequest(u"Stasis:desk"_s, u"INUSE"_s), "PUT",
        "/deviceStates/Stasis%3Adesk", "deviceState=INUSE", "", "deviceStates.update");
    row("deviceStates.deleteState", DeviceStatesApi::deleteStateRequest(u"Stasis:desk"_s), "DELETE",
        "/deviceStates/Stasis%3Adesk", "", "", "deviceStates.delete");
    // mailboxes
    row("mailboxes.update (ints)", MailboxesApi::updateRequest(u"1000@default"_s, 2, 0), "PUT",
        "/mailboxes/1000%40default", "oldMessages=2&newMessages=0", "", "mailboxes.update");
    // sounds
    row("sounds.list", SoundsApi::listRequest({ .lang = u"fr"_s, .format = u"gsm"_s }), "GET",
        "/sounds", "lang=fr&format=gsm", "", "sounds.list");
    row("sounds.get", SoundsApi::getRequest(u"hello-world"_s), "GET", "/sounds/hello-world", "", "",
        "sounds.get");
    // applications
    row("applications.subscribe (list)",
        ApplicationsApi::subscribeRequest(u"app"_s, { u"channel:c1"_s, u"bridge:b1"_s }), "POST",
        "/applications/app/subscription", "eventSource=channel%3Ac1,bridge%3Ab1", "",
        "applications.subscribe");
    row("applications.filter (object body)",
        ApplicationsApi::filterRequest(
            u"app"_s, { .filter = object(R"({"allowed":[{"type":"StasisStart"}]})") }),
        "PUT", "/applications/app/eventFilter", "", R"({"allowed":[{"type":"StasisStart"}]})",
        "applications.filter");
    // asterisk
    row("asterisk.getInfo",
        AsteriskApi::getInfoRequest({ .only = QStringList { u"build"_s, u"system"_s } }), "GET",
        "/asterisk/info", "only=build,system", "", "asterisk.getInfo");
    row("asterisk.updateObject",
        AsteriskApi::updateObjectRequest(u"res_pjsip"_s, u"endpoint"_s, u"alice"_s,
            { .fields = object(R"({"fields":[{"attribute":"allow","value":"ulaw"}]})") }),
        "PUT", "/asterisk/config/dynamic/res_pjsip/endpoint/alice", "",
        R"({"fields":{"fields":[{"attribute":"allow","value":"ulaw"}]}})", "asterisk.updateObject");
    row("asterisk.setGlobalVar", AsteriskApi::setGlobalVarRequest(u"G"_s, { .value = u""_s }),
        "POST", "/asterisk/variable", "variable=G&value=", "", "asterisk.setGlobalVar");
    // events
    row("events.eventWebsocket",
        EventsApi::eventWebsocketRequest({ u"app-1"_s, u"app 2"_s }, { .subscribeAll = true }),
        "GET", "/events", "app=app-1,app%202&subscribeAll=true", "", "events.eventWebsocket");
    row("events.userEvent",
        EventsApi::userEventRequest(u"my event"_s, u"app"_s,
            { .source = QStringList { u"channel:c1"_s }, .variables = object(R"({"k":"v"})") }),
        "POST", "/events/user/my%20event", "application=app&source=channel%3Ac1",
        R"({"variables":{"k":"v"}})", "events.userEvent");
}

void tst_Requests::build()
{
    QFETCH(Result<Request>, built);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, body);
    QFETCH(QString, operation);

    if (!built)
        QFAIL(qPrintable(built.error().toString()));
    QCOMPARE(built->method, method);
    QCOMPARE(built->path, path);
    QCOMPARE(built->query, query);
    QCOMPARE(built->operation, operation);
    if (body.isEmpty()) {
        QVERIFY(built->body.isEmpty());
    } else {
        QJsonParseError error;
        const QJsonDocument sent = QJsonDocument::fromJson(built->body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(sent, QJsonDocument::fromJson(body));
    }
}

void tst_Requests::hostileIdStaysInItsSegment_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QByteArray>("segment");
    QTest::newRow("slash question hash percent")
        << u"a/b?c#d%e"_s << QByteArray("a%2Fb%3Fc%23d%25e");
    QTest::newRow("unicode") << u"grüße-☎"_s << QByteArray("gr%C3%BC%C3%9Fe-%E2%98%8E");
    QTest::newRow("spaces and plus") << u"a b+c"_s << QByteArray("a%20b%2Bc");
    QTest::newRow("dot dot") << u".."_s << QByteArray("%2E%2E");
    QTest::newRow("dot") << u"."_s << QByteArray("%2E");
    QTest::newRow("ampersand equals semicolon") << u"x&y=z;2"_s << QByteArray("x%26y%3Dz%3B2");
    QTest::newRow("local channel id") << u"1699999999.42;2"_s << QByteArray("1699999999.42%3B2");
}

void tst_Requests::hostileIdStaysInItsSegment()
{
    QFETCH(QString, id);
    QFETCH(QByteArray, segment);

    const auto answer = ChannelsApi::answerRequest(id);
    QVERIFY(answer);
    QCOMPARE(answer->path, "/channels/" + segment + "/answer");
    QVERIFY(answer->query.isEmpty());

    // Two hostile path parameters in one path, each in its own segment.
    const auto video = BridgesApi::setVideoSourceRequest(id, id);
    QVERIFY(video);
    QCOMPARE(video->path, "/bridges/" + segment + "/videoSource/" + segment);

    const auto endpoint = EndpointsApi::getRequest(id, id);
    QVERIFY(endpoint);
    QCOMPARE(endpoint->path, "/endpoints/" + segment + '/' + segment);
    QCOMPARE(endpoint->path.count('/'), 3);

    // What the server decodes from the segment is the id again.
    QCOMPARE(QString::fromUtf8(QByteArray::fromPercentEncoding(segment)), id);
}

void tst_Requests::hostileValuesInQuery()
{
    // A value with '&', '=' and '#' cannot add query parameters; list items keep their commas
    // encoded so only the joining commas separate items.
    const auto built = BridgesApi::addChannelRequest(u"b"_s, { u"a&role=x"_s, u"b,c"_s, u"d#e"_s });
    QVERIFY(built);
    QCOMPARE(built->query, QByteArray("channel=a%26role%3Dx,b%2Cc,d%23e"));
    const QList<QByteArray> pairs = built->query.split('&');
    QCOMPARE(pairs.size(), 1);
}

void tst_Requests::missingRequiredIsRefusedBeforeSending_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("parameter");
    QTest::newRow("answer without id") << 0 << u"channels.answer"_s << u"channelId"_s;
    QTest::newRow("originate without endpoint") << 1 << u"channels.originate"_s << u"endpoint"_s;
    QTest::newRow("addChannel without channels") << 2 << u"bridges.addChannel"_s << u"channel"_s;
    QTest::newRow("setChannelVars without variables")
        << 3 << u"channels.setChannelVars"_s << u"variables"_s;
    QTest::newRow("endpoint get without resource") << 4 << u"endpoints.get"_s << u"resource"_s;
    QTest::newRow("record without format") << 5 << u"channels.record"_s << u"format"_s;
}

void tst_Requests::missingRequiredIsRefusedBeforeSending()
{
    QFETCH(int, which);
    QFETCH(QString, operation);
    QFETCH(QString, parameter);

    RecordingTransport transport;
    transport.answer(204, {});
    ChannelsApi channels(&transport);
    BridgesApi bridges(&transport);
    EndpointsApi endpoints(&transport);

    Error error;
    auto take = [&error](auto future) {
        future.waitForFinished();
        const auto result = future.result();
        QVERIFY(!result.has_value());
        error = result.error();
    };
    switch (which) {
    case 0:
        take(channels.answer(QString()));
        break;
    case 1:
        take(channels.originate(QString(), { .app = u"x"_s }));
        break;
    case 2:
        take(bridges.addChannel(u"b"_s, {}));
        break;
    case 3:
        take(channels.setChannelVars(u"c"_s, QJsonObject()));
        break;
    case 4:
        take(endpoints.get(u"PJSIP"_s, QString()));
        break;
    case 5:
        take(channels.record(u"c"_s, u"name"_s, QString()));
        break;
    }
    QCOMPARE(error.kind(), Error::Kind::InvalidArgument);
    QCOMPARE(error.operation(), operation);
    QVERIFY2(error.message().contains(parameter), qPrintable(error.message()));
    QVERIFY(transport.sent.isEmpty());
}

void tst_Requests::moveWithoutAppIsRefused()
{
    // Asterisk 22.10.1 crashes on POST /channels/{id}/move without app: never send it.
    RecordingTransport transport;
    transport.answer(204, {});
    ChannelsApi channels(&transport);

    auto refused = channels.move(u"c1"_s, QString(), { .appArgs = u"x"_s });
    refused.waitForFinished();
    QVERIFY(!refused.result().has_value());
    QCOMPARE(refused.result().error().kind(), Error::Kind::InvalidArgument);
    QCOMPARE(refused.result().error().operation(), u"channels.move"_s);
    QVERIFY(transport.sent.isEmpty());

    auto sent = channels.move(u"c1"_s, u"other-app"_s);
    sent.waitForFinished();
    QVERIFY(sent.result().has_value());
    QCOMPARE(transport.sent.size(), 1);
    QCOMPARE(transport.sent.at(0).path, QByteArray("/channels/c1/move"));
    QCOMPARE(transport.sent.at(0).query, QByteArray("app=other-app"));
}

void tst_Requests::callSendsTheBuiltRequest()
{
    RecordingTransport transport;
    transport.answer(
        200, R"({"ping":"pong","timestamp":"2026-11-26T03:12:17.900+0000","asterisk_id":"02:fc"})");
    AsteriskApi asterisk(&transport);
    auto future = asterisk.ping();
    future.waitForFinished();
    QVERIFY(future.result().has_value());
    QCOMPARE(future.result()->ping(), u"pong"_s);
    QCOMPARE(transport.sent.size(), 1);
    const auto expected = AsteriskApi::pingRequest();
    QCOMPARE(transport.sent.at(0).method, expected->method);
    QCOMPARE(transport.sent.at(0).path, expected->path);
    QCOMPARE(transport.sent.at(0).operation, u"asterisk.ping"_s);
}

QTEST_GUILESS_MAIN(tst_Requests)
#include "tst_requests.moc"
