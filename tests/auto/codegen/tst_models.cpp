// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Generated models and events with bad input: wrong types, missing required fields, unknown fields
// and event types; Asterisk's date format; and decoding of 2xx/4xx/5xx responses.

#include "fakes.h"

#include <QtAri/AsteriskApi>
#include <QtAri/ChannelInfo>
#include <QtAri/ChannelsApi>
#include <QtAri/Event>
#include <QtAri/RecordingsApi>

#include <QtCore/QDebug>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QMetaProperty>
#include <QtCore/QTimeZone>
#include <QtTest/QTest>

using namespace QtAri;
using namespace Qt::StringLiterals;

class tst_Models : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void channelRoundTrip();
    void wrongType_data();
    void wrongType();
    void missingRequired_data();
    void missingRequired();
    void unknownFieldsAreKept();
    void absentOptionalStaysAbsent();
    void settersAndGadget();
    void unknownEventType();
    void badEvents_data();
    void badEvents();
    void dateRoundTrip_data();
    void dateRoundTrip();
    void badDate();
    void response_data();
    void response();
    void listAndBinaryResponses();
    void transportErrorNamesTheOperation();
};

static QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

static const QByteArray channelJson = R"({"id":"1700000000.1","name":"PJSIP/alice-00000001",
    "state":"Up","protocol_id":"abc@host","caller":{"name":"Alice","number":"1000"},
    "connected":{"name":"","number":""},"accountcode":"",
    "dialplan":{"context":"ivr","exten":"s","priority":1,"app_name":"Stasis","app_data":"ivr"},
    "creationtime":"2026-11-26T03:10:39.603+0000","language":"en"})";

static QJsonObject channelWith(const QString &field, const QJsonValue &value)
{
    QJsonObject json = parse(channelJson);
    if (value.isUndefined())
        json.remove(field);
    else
        json.insert(field, value);
    return json;
}

void tst_Models::channelRoundTrip()
{
    const QJsonObject json = parse(channelJson);
    const auto channel = ChannelInfo::fromJson(json);
    QVERIFY(channel);
    QCOMPARE(channel->id(), u"1700000000.1"_s);
    QCOMPARE(channel->protocolId(), u"abc@host"_s);
    QCOMPARE(channel->caller().name(), u"Alice"_s);
    QCOMPARE(channel->dialplan().priority(), 1);
    QCOMPARE(channel->dialplan().appName(), u"Stasis"_s);
    QCOMPARE(channel->creationtime(),
        QDateTime(QDate(2026, 11, 26), QTime(3, 10, 39, 603), QTimeZone::utc()));
    QCOMPARE(channel->toJson(), json);
    QVERIFY(channel->unknownFields().isEmpty());
}

void tst_Models::wrongType_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("expected");
    QTest::newRow("string given a number")
        << u"state"_s << QJsonValue(5) << u"Channel.state"_s << u"string"_s;
    QTest::newRow("string given null")
        << u"id"_s << QJsonValue(QJsonValue::Null) << u"Channel.id"_s << u"null"_s;
    QTest::newRow("model given a string")
        << u"caller"_s << QJsonValue(u"Alice"_s) << u"Channel.caller"_s << u"object"_s;
    QTest::newRow("nested field wrong")
        << u"dialplan"_s
        << QJsonValue(
               parse(R"({"context":"c","exten":"s","priority":"one","app_name":"","app_data":""})"))
        << u"Channel.dialplan: DialplanCEP.priority"_s << u"integer"_s;
    QTest::newRow("int given a fraction")
        << u"dialplan"_s
        << QJsonValue(
               parse(R"({"context":"c","exten":"s","priority":1.5,"app_name":"","app_data":""})"))
        << u"DialplanCEP.priority"_s << u"integer"_s;
    QTest::newRow("date given a number")
        << u"creationtime"_s << QJsonValue(17) << u"Channel.creationtime"_s << u"date"_s;
    QTest::newRow("object given an array") << u"channelvars"_s << QJsonValue(QJsonArray { 1 })
                                           << u"Channel.channelvars"_s << u"object"_s;
}

void tst_Models::wrongType()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, where);
    QFETCH(QString, expected);
    const auto channel = ChannelInfo::fromJson(channelWith(field, value));
    QVERIFY(!channel);
    QCOMPARE(channel.error().kind(), Error::Kind::InvalidResponse);
    QVERIFY2(channel.error().message().contains(where), qPrintable(channel.error().message()));
    QVERIFY2(channel.error().message().contains(expected), qPrintable(channel.error().message()));
}

void tst_Models::missingRequired_data()
{
    QTest::addColumn<QString>("field");
    for (const char *field :
        { "id", "name", "state", "caller", "dialplan", "creationtime", "language" })
        QTest::newRow(field) << QString::fromLatin1(field);
}

void tst_Models::missingRequired()
{
    QFETCH(QString, field);
    const auto channel =
        ChannelInfo::fromJson(channelWith(field, QJsonValue(QJsonValue::Undefined)));
    QVERIFY(!channel);
    QCOMPARE(channel.error().kind(), Error::Kind::InvalidResponse);
    QCOMPARE(channel.error().message(), u"Channel.%1: required field is missing"_s.arg(field));
}

void tst_Models::unknownFieldsAreKept()
{
    QJsonObject json = parse(channelJson);
    json.insert(u"future_field"_s, parse(R"({"a":[1,2,{"b":null}]})"));
    QJsonObject caller = json.value(u"caller"_s).toObject();
    caller.insert(u"presentation"_s, u"allowed"_s);
    json.insert(u"caller"_s, caller);

    const auto channel = ChannelInfo::fromJson(json);
    QVERIFY(channel);
    QCOMPARE(channel->unknownFields().keys(), QStringList { u"future_field"_s });
    QCOMPARE(channel->caller().unknownFields().value(u"presentation"_s).toString(), u"allowed"_s);
    QCOMPARE(channel->toJson(), json);

    // Events keep unknown top-level fields too.
    QJsonObject event = parse(R"({"type":"ChannelStateChange","application":"app",
        "timestamp":"2026-11-26T03:10:39.603+0000","new_thing":true})");
    event.insert(u"channel"_s, json);
    const auto decoded = Event::decode(event);
    QVERIFY(decoded);
    const auto *change = decoded->as<ChannelStateChangeEvent>();
    QVERIFY(change);
    QCOMPARE(change->unknownFields.value(u"new_thing"_s), QJsonValue(true));
    QCOMPARE(decoded->toJson(), event);
}

void tst_Models::absentOptionalStaysAbsent()
{
    const auto channel = ChannelInfo::fromJson(parse(channelJson));
    QVERIFY(channel);
    QVERIFY(!channel->hasChannelvars());
    QVERIFY(!channel->hasCallerRdnis());
    QVERIFY(channel->hasId());
    const QJsonObject out = channel->toJson();
    QVERIFY(!out.contains(u"channelvars"_s));
    QVERIFY(!out.contains(u"caller_rdnis"_s));

    // Present but empty is not absent.
    const auto withVars = ChannelInfo::fromJson(channelWith(u"channelvars"_s, QJsonObject()));
    QVERIFY(withVars);
    QVERIFY(withVars->hasChannelvars());
    QVERIFY(withVars->toJson().contains(u"channelvars"_s));

    // Optional event members.
    QJsonObject event = parse(R"({"type":"StasisStart","application":"a",
        "timestamp":"2026-11-26T03:10:39.603+0000","args":[]})");
    event.insert(u"channel"_s, parse(channelJson));
    const auto decoded = Event::decode(event);
    QVERIFY(decoded);
    QVERIFY(!decoded->as<StasisStartEvent>()->replaceChannel.has_value());
    QVERIFY(!decoded->as<StasisStartEvent>()->asteriskId.has_value());
    QVERIFY(!decoded->toJson().contains(u"replace_channel"_s));
    QVERIFY(!decoded->toJson().contains(u"asterisk_id"_s));
}

void tst_Models::settersAndGadget()
{
    ChannelInfo channel;
    QVERIFY(!channel.hasCallerRdnis());
    channel.setCallerRdnis(u"5551234"_s);
    QVERIFY(channel.hasCallerRdnis());
    QCOMPARE(channel.toJson().value(u"caller_rdnis"_s).toString(), u"5551234"_s);

    // Implicit sharing: a copy is independent after a change.
    ChannelInfo copy = channel;
    copy.setName(u"other"_s);
    QVERIFY(channel.name().isEmpty());
    QVERIFY(copy != channel);

    // Readable in logs.
    QString logged;
    QDebug(&logged) << copy;
    QVERIFY2(logged.startsWith(u"QtAri::ChannelInfo({"_s), qPrintable(logged));
    QVERIFY2(logged.contains(u"\"name\":\"other\""_s), qPrintable(logged));

    // One property per field, usable through the meta-object (QML, the Inspector's details view).
    const QMetaObject &mo = ChannelInfo::staticMetaObject;
    const int index = mo.indexOfProperty("protocolId");
    QVERIFY(index >= 0);
    QVERIFY(mo.property(index).writeOnGadget(&copy, u"pid"_s));
    QCOMPARE(copy.protocolId(), u"pid"_s);
    QCOMPARE(mo.property(index).readOnGadget(&copy).toString(), u"pid"_s);
}

void tst_Models::unknownEventType()
{
    const QJsonObject json = parse(R"({"type":"ChannelTeleported","application":"app",
        "timestamp":"2026-11-26T03:10:39.603+0000","where":"moon"})");
    const auto event = Event::decode(json);
    QVERIFY(event);
    QVERIFY(event->isUnknown());
    QCOMPARE(event->type(), EventType::Unknown);
    QCOMPARE(event->typeName(), u"ChannelTeleported"_s);
    QCOMPARE(event->json(), json);
    QCOMPARE(event->toJson(), json);
    QVERIFY(!event->as<StasisStartEvent>());
    QVERIFY(!event->as<ChannelStateChangeEvent>());
    QString logged;
    QDebug(&logged) << *event;
    QVERIFY2(logged.contains(u"ChannelTeleported"_s), qPrintable(logged));

    // From raw bytes, as the WebSocket delivers it.
    const auto raw = Event::decode(QByteArray(R"({"type":"SomethingNew"})"));
    QVERIFY(raw);
    QVERIFY(raw->isUnknown());
    QCOMPARE(raw->typeName(), u"SomethingNew"_s);
}

void tst_Models::badEvents_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("{\"type\":") << u"not JSON"_s;
    QTest::newRow("array") << QByteArray("[1,2]") << u"not an object"_s;
    QTest::newRow("no type") << QByteArray(R"({"application":"a"})") << u"type"_s;
    QTest::newRow("type not a string") << QByteArray(R"({"type":7})") << u"type"_s;
    QTest::newRow("known type, missing field")
        << QByteArray(R"({"type":"ChannelDtmfReceived","application":"a",
                "timestamp":"2026-11-26T03:10:39.603+0000","digit":"1","duration_ms":80})")
        << u"ChannelDtmfReceived.channel: required field is missing"_s;
    QTest::newRow("known type, wrong field type")
        << QByteArray(R"({"type":"MissingParams","params":"app"})")
        << u"MissingParams.params: expected an array"_s;
    QTest::newRow("known type, bad timestamp")
        << QByteArray(R"({"type":"ApplicationReplaced","application":"a","timestamp":"yesterday"})")
        << u"ApplicationReplaced.timestamp"_s;
}

void tst_Models::badEvents()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, message);
    const auto event = Event::decode(frame);
    QVERIFY(!event);
    QCOMPARE(event.error().kind(), Error::Kind::InvalidResponse);
    QVERIFY2(event.error().message().contains(message), qPrintable(event.error().message()));
}

void tst_Models::dateRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("utc");
    QTest::newRow("utc") << u"2026-11-26T03:10:39.603+0000"_s
                         << QDateTime(QDate(2026, 11, 26), QTime(3, 10, 39, 603), QTimeZone::utc());
    QTest::newRow("east") << u"2026-11-26T04:40:39.000+0130"_s
                          << QDateTime(QDate(2026, 11, 26), QTime(3, 10, 39, 0), QTimeZone::utc());
    QTest::newRow("west") << u"2026-11-25T22:10:39.999-0500"_s
                          << QDateTime(
                                 QDate(2026, 11, 26), QTime(3, 10, 39, 999), QTimeZone::utc());
    QTest::newRow("leap day") << u"2028-02-29T23:59:59.001+0000"_s
                              << QDateTime(
                                     QDate(2028, 2, 29), QTime(23, 59, 59, 1), QTimeZone::utc());
}

void tst_Models::dateRoundTrip()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, utc);
    QJsonObject json = parse(R"({"type":"ApplicationRegistered","application":"a"})");
    json.insert(u"timestamp"_s, text);
    const auto event = Event::decode(json);
    QVERIFY(event);
    const auto *registered = event->as<ApplicationRegisteredEvent>();
    QVERIFY(registered);
    QCOMPARE(registered->timestamp.toUTC(), utc);
    QCOMPARE(registered->toJson().value(u"timestamp"_s).toString(), text);
}

void tst_Models::badDate()
{
    for (const QString &text : { u"2026-13-26T03:10:39.603+0000"_s, u"not a date"_s, u""_s }) {
        const auto channel = ChannelInfo::fromJson(channelWith(u"creationtime"_s, text));
        QVERIFY2(!channel, qPrintable(text));
        QVERIFY(channel.error().message().contains(u"Channel.creationtime"_s));
    }
}

void tst_Models::response_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("message");

    QTest::newRow("200 channel") << 200 << channelJson << true << 0 << 0 << QString();
    QTest::newRow("404 message") << 404 << QByteArray(R"({"message":"Channel not found"})") << false
                                 << int(Error::Kind::Http) << 404 << u"Channel not found"_s;
    QTest::newRow("500 error") << 500 << QByteArray(R"({"error":"Allocation failed"})") << false
                               << int(Error::Kind::Http) << 500 << u"Allocation failed"_s;
    QTest::newRow("409 message") << 409
                                 << QByteArray(R"({"message":"Channel not in Stasis application"})")
                                 << false << int(Error::Kind::Http) << 409
                                 << u"Channel not in Stasis application"_s;
    QTest::newRow("404 empty body")
        << 404 << QByteArray() << false << int(Error::Kind::Http) << 404 << QString();
    QTest::newRow("401 plain text")
        << 401 << QByteArray("Authentication required\n") << false << int(Error::Kind::Http) << 401
        << u"Authentication required"_s;
    QTest::newRow("200 empty body")
        << 200 << QByteArray() << false << int(Error::Kind::InvalidResponse) << 0 << u"empty"_s;
    QTest::newRow("200 not JSON") << 200 << QByteArray("<html>") << false
                                  << int(Error::Kind::InvalidResponse) << 0 << u"not JSON"_s;
    QTest::newRow("200 array") << 200 << QByteArray("[]") << false
                               << int(Error::Kind::InvalidResponse) << 0 << u"object"_s;
    QTest::newRow("200 missing field")
        << 200 << QByteArray(R"({"id":"x","protocol_id":"p"})") << false
        << int(Error::Kind::InvalidResponse) << 0 << u"Channel.name: required field is missing"_s;
}

void tst_Models::response()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(int, kind);
    QFETCH(int, httpStatus);
    QFETCH(QString, message);

    RecordingTransport transport;
    transport.answer(status, body);
    ChannelsApi channels(&transport);
    auto future = channels.get(u"1700000000.1"_s);
    future.waitForFinished();
    const Result<ChannelInfo> result = future.result();
    QCOMPARE(result.has_value(), ok);
    if (ok) {
        QCOMPARE(result->toJson(), parse(body));
        return;
    }
    QCOMPARE(int(result.error().kind()), kind);
    QCOMPARE(result.error().httpStatus(), httpStatus);
    QCOMPARE(result.error().operation(), u"channels.get"_s);
    if (kind == int(Error::Kind::Http))
        QCOMPARE(result.error().message(), message);
    else
        QVERIFY2(result.error().message().contains(message), qPrintable(result.error().message()));
}

void tst_Models::listAndBinaryResponses()
{
    RecordingTransport transport;
    ChannelsApi channels(&transport);
    transport.answer(200, "[" + channelJson + "," + channelJson + "]");
    auto list = channels.list();
    list.waitForFinished();
    QVERIFY(list.result());
    QCOMPARE(list.result()->size(), 2);
    QCOMPARE(list.result()->at(1).caller().number(), u"1000"_s);

    transport.answer(200, "[" + channelJson + ",{\"id\":1}]");
    auto bad = channels.list();
    bad.waitForFinished();
    QVERIFY(!bad.result());
    QVERIFY2(bad.result().error().message().contains(u"[1]"_s),
        qPrintable(bad.result().error().message()));

    transport.answer(204, {});
    auto answered = channels.answer(u"c"_s);
    answered.waitForFinished();
    QVERIFY(answered.result());

    const QByteArray wav("RIFF\x24\x00\x00\x00WAVEfmt ", 16);
    transport.answer(200, wav);
    RecordingsApi recordings(&transport);
    auto file = recordings.getStoredFile(u"rec"_s);
    file.waitForFinished();
    QVERIFY(file.result());
    QCOMPARE(*file.result(), wav);

    transport.answer(422, R"({"message":"Recording not found"})");
    auto missing = recordings.getStoredFile(u"rec"_s);
    missing.waitForFinished();
    QVERIFY(!missing.result());
    QCOMPARE(missing.result().error().httpStatus(), 422);
    QCOMPARE(missing.result().error().operation(), u"recordings.getStoredFile"_s);
}

void tst_Models::transportErrorNamesTheOperation()
{
    RecordingTransport transport;
    transport.failure = Error(Error::Kind::Timeout, u"no answer in 5 s"_s);
    AsteriskApi asterisk(&transport);
    auto future = asterisk.getInfo();
    future.waitForFinished();
    QVERIFY(!future.result());
    QCOMPARE(future.result().error().kind(), Error::Kind::Timeout);
    QCOMPARE(future.result().error().operation(), u"asterisk.getInfo"_s);
    QCOMPARE(future.result().error().message(), u"no answer in 5 s"_s);

    AsteriskApi detached(nullptr);
    auto none = detached.ping();
    none.waitForFinished();
    QCOMPARE(none.result().error().kind(), Error::Kind::NotConnected);
}

QTEST_GUILESS_MAIN(tst_Models)
#include "tst_models.moc"
