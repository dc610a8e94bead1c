// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Every ARI message recorded from a real Asterisk (../shared/ari/traces/*.jsonl) decodes into its
// typed event and encodes back to exactly the object that was received.

#include <QtAri/Event>

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QMetaEnum>
#include <QtTest/QTest>

using namespace QtAri;
using namespace Qt::StringLiterals;

class tst_Events : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void traceLine_data();
    void traceLine();
    void typedAccessMatchesJson();
    void everyTypeHasAName();
    void bytesDecodeAsObjects_data();
    void bytesDecodeAsObjects();

private:
    // Every event line of the recorded traces' *.jsonl files, named "<file>:<line>".
    // (*.meta.jsonl records WebSocket-level happenings, not ARI messages.)
    QList<std::pair<QByteArray, QByteArray>> traceLines() const;

    QDir m_traces;
};

QList<std::pair<QByteArray, QByteArray>> tst_Events::traceLines() const
{
    QList<std::pair<QByteArray, QByteArray>> out;
    const QStringList files = m_traces.entryList({ u"*.jsonl"_s }, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        if (name.endsWith(u".meta.jsonl"_s))
            continue;
        QFile file(m_traces.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("cannot read %s", qPrintable(file.fileName()));
            continue;
        }
        int number = 0;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            ++number;
            if (!line.isEmpty())
                out.append({ name.toUtf8() + ':' + QByteArray::number(number), line });
        }
    }
    return out;
}

void tst_Events::initTestCase()
{
    m_traces = QDir(QStringLiteral(QTARI_SHARED_DIR "/ari/traces"));
    if (!m_traces.exists())
        QSKIP("../shared/ari/traces is absent");
}

void tst_Events::traceLine_data()
{
    QTest::addColumn<QByteArray>("line");
    const auto lines = traceLines();
    for (const auto &[name, line] : lines)
        QTest::newRow(name.constData()) << line;
    QVERIFY2(lines.size() > 100, "expected the recorded traces to hold many events");
}

void tst_Events::traceLine()
{
    QFETCH(QByteArray, line);
    const QJsonObject input = QJsonDocument::fromJson(line).object();
    QVERIFY(!input.isEmpty());

    const Result<Event> decoded = Event::decode(line);
    if (!decoded)
        QFAIL(qPrintable(decoded.error().toString()));
    const Event &event = *decoded;
    QVERIFY2(!event.isUnknown(), qPrintable(event.typeName()));
    QCOMPARE(event.typeName(), input.value(u"type"_s).toString());
    QCOMPARE(eventTypeName(event.type()), input.value(u"type"_s).toString());
    QCOMPARE(event.json(), input);

    // Re-encoding from the typed struct loses nothing and adds nothing.
    const QJsonObject output = event.toJson();
    if (output != input) {
        const QByteArray got = QJsonDocument(output).toJson(QJsonDocument::Compact);
        QFAIL(qPrintable(u"re-encoded differs:\n in: %1\nout: %2"_s.arg(
            QString::fromUtf8(line), QString::fromUtf8(got))));
    }
}

void tst_Events::typedAccessMatchesJson()
{
    QFile file(m_traces.filePath(u"d_dtmf.jsonl"_s));
    if (!file.open(QIODevice::ReadOnly))
        QSKIP("d_dtmf.jsonl is absent");
    int dtmf = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const auto event = Event::decode(line);
        QVERIFY(event);
        const QJsonObject json = event->json();
        if (const auto *e = event->as<ChannelDtmfReceivedEvent>()) {
            ++dtmf;
            QCOMPARE(e->digit, json.value(u"digit"_s).toString());
            QCOMPARE(e->durationMs, json.value(u"duration_ms"_s).toInt());
            QCOMPARE(
                e->channel.id(), json.value(u"channel"_s).toObject().value(u"id"_s).toString());
            QCOMPARE(e->application, json.value(u"application"_s).toString());
            QVERIFY(e->timestamp.isValid());
            QVERIFY(!event->as<StasisStartEvent>());
        } else if (const auto *s = event->as<StasisStartEvent>()) {
            QCOMPARE(s->args.size(), json.value(u"args"_s).toArray().size());
            QCOMPARE(s->channel.state(),
                json.value(u"channel"_s).toObject().value(u"state"_s).toString());
            QCOMPARE(s->replaceChannel.has_value(), json.contains(u"replace_channel"_s));
        }
    }
    QVERIFY(dtmf > 0);
}

void tst_Events::everyTypeHasAName()
{
    // Each message type of the spec round-trips through its name; 45 events + MissingParams.
    const QMetaEnum types = QMetaEnum::fromType<EventType>();
    QCOMPARE(types.keyCount(), 47);
    for (int i = 0; i < types.keyCount(); ++i) {
        const auto type = EventType(types.value(i));
        if (type == EventType::Unknown) {
            QVERIFY(eventTypeName(type).isEmpty());
            continue;
        }
        QVERIFY(!eventTypeName(type).isEmpty());
        QCOMPARE(eventTypeFromName(QString(eventTypeName(type))), type);
    }
    QCOMPARE(eventTypeFromName(u"NoSuchEvent"_s), EventType::Unknown);
    QCOMPARE(eventTypeFromName(u""_s), EventType::Unknown);
}

// Event::decode(QByteArray) reads frames with simdjson straight into the structs; it must give
// exactly what parsing with QJsonDocument and Event::decode(QJsonObject) gives, for every frame:
// the same type, struct, JSON and unknown fields, or the same error.
void tst_Events::bytesDecodeAsObjects_data()
{
    QTest::addColumn<QByteArray>("frame");
    const QByteArray base = R"({"type":"ChannelDialplan","timestamp":"2026-11-26T03:10:39.603+0000",)"
                            R"("dialplan_app":"AppDial2","dialplan_app_data":"Outgoing Line",)"
                            R"("channel":{"id":"1795662639.0","name":"Local/100@ari-test-00000000;1",)"
                            R"("state":"Down","protocol_id":"","caller":{"name":"","number":""},)"
                            R"("connected":{"name":"","number":""},"accountcode":"","dialplan":)"
                            R"({"context":"ari-test","exten":"100","priority":1,"app_name":"AppDial2",)"
                            R"("app_data":"Outgoing Line"},"creationtime":"2026-11-26T03:10:39.603+0000",)"
                            R"("language":"en"},"asterisk_id":"02:fc:00:00:00:01","application":"test-app"})";
    const auto with = [&base](const QByteArray &from, const QByteArray &to) {
        QByteArray frame = base;
        frame.replace(from, to);
        return frame;
    };
    QTest::newRow("as sent") << base;
    QTest::newRow("spaces around") << " \r\n\t" + base + " \n";
    QTest::newRow("trailing garbage") << base + " {}";
    QTest::newRow("leading garbage") << "x" + base;
    QTest::newRow("truncated") << base.left(base.size() - 2);
    QTest::newRow("not an object") << QByteArray("[1,2]");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no type") << with(R"("type":"ChannelDialplan",)", "");
    QTest::newRow("type not a string") << with(R"("type":"ChannelDialplan")", R"("type":7)");
    QTest::newRow("unknown type") << with("ChannelDialplan", "ChannelDreamt");
    QTest::newRow("type twice")
            << with(R"("type":"ChannelDialplan",)", R"("type":"StasisEnd","type":"ChannelDialplan",)");
    QTest::newRow("member twice")
            << with(R"("dialplan_app":"AppDial2",)", R"("dialplan_app":7,"dialplan_app":"AppDial2",)");
    QTest::newRow("nested member twice") << with(R"("state":"Down")", R"("state":"Up","state":"Down")");
    QTest::newRow("required missing")
            << with(R"("application":"test-app")", R"("applicationx":"test-app")");
    QTest::newRow("nested required missing") << with(R"("id":"1795662639.0",)", "");
    QTest::newRow("wrong type")
            << with(R"("dialplan_app":"AppDial2")", R"("dialplan_app":["AppDial2"])");
    QTest::newRow("null") << with(R"("language":"en")", R"("language":null)");
    QTest::newRow("integer as 1.0") << with(R"("priority":1)", R"("priority":1.0)");
    QTest::newRow("integer as 1e0") << with(R"("priority":1)", R"("priority":1e0)");
    QTest::newRow("integer as 1.5") << with(R"("priority":1)", R"("priority":1.5)");
    QTest::newRow("integer too big") << with(R"("priority":1)", R"("priority":99999999999999999999)");
    QTest::newRow("integer above int64")
            << with(R"("priority":1)", R"("priority":9223372036854775808)");
    QTest::newRow("integer above int") << with(R"("priority":1)", R"("priority":2147483648)");
    QTest::newRow("negative integer") << with(R"("priority":1)", R"("priority":-3)");
    QTest::newRow("bad date") << with(R"("timestamp":"2026-11-26T03:10:39.603+0000")",
                                      R"("timestamp":"yesterday")");
    QTest::newRow("other date form") << with(R"("timestamp":"2026-11-26T03:10:39.603+0000")",
                                             R"("timestamp":"2026-11-26T03:10:39Z")");
    QTest::newRow("escapes")
            << with(R"("AppDial2",)", R"("A\u0070p\"D\\ial\n\u00e9\ud83d\ude00/\/",)");
    QTest::newRow("lone surrogate") << with(R"("AppDial2",)", R"("A\ud800p",)");
    QTest::newRow("bad escape") << with(R"("AppDial2",)", R"("A\qp",)");
    QTest::newRow("control character") << with(R"("AppDial2",)", "\"A\x01p\",");
    QTest::newRow("NUL character") << with(R"("AppDial2",)", QByteArray("\"A\0p\",", 6));
    QTest::newRow("escaped NUL") << with(R"("AppDial2",)", R"("A\u0000p",)");
    QTest::newRow("non-ASCII") << with(R"("en")", "\"fran\xc3\xa7" "ais \xe2\x82\xac\"");
    QTest::newRow("bad UTF-8") << with(R"("en")", "\"fr\xc3\"");
    QTest::newRow("escaped key") << with(R"("dialplan_app":)", R"("dialplan\u005fapp":)");
    QTest::newRow("unknown members")
            << with(R"("application":"test-app")",
                    R"("application":"test-app","extra":{"a":[1,2.5,"x",null,true],"b":{}},)"
                    R"("n":-0,"f":1e300,"g":-0.0,"s":"t","z":null,"u":18446744073709551615})");
    QTest::newRow("unknown member twice")
            << with(R"("application":"test-app")", R"("application":"test-app","x":1,"x":[2])");
    QTest::newRow("unknown nested member")
            << with(R"("language":"en")", R"("language":"en","codec":["ulaw","alaw"])");
    QTest::newRow("number out of range")
            << with(R"("application":"test-app")", R"("application":"test-app","big":1e400)");
    QTest::newRow("channelvars") << with(R"("language":"en")",
                                         R"("language":"en","channelvars":{"X":"1","Y":{"z":[]},"X":"2"})");
    QTest::newRow("channelvars not an object")
            << with(R"("language":"en")", R"("language":"en","channelvars":[])");
    for (const int depth : { 1020, 1022, 1023, 1024, 1030 }) {
        const QByteArray deep = QByteArray(depth, '[') + QByteArray(depth, ']');
        QTest::addRow("unknown nested %d deep", depth)
                << with(R"("application":"test-app")", R"("application":"test-app","deep":)" + deep);
        QTest::addRow("channel member nested %d deep", depth)
                << with(R"("language":"en")", R"("language":"en","deep":)" + deep);
    }

    for (const auto &[name, line] : traceLines())
        QTest::newRow(name.constData()) << line;
}

void tst_Events::bytesDecodeAsObjects()
{
    QFETCH(QByteArray, frame);
    const Result<Event> fast = Event::decode(frame);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(frame, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        QVERIFY(!fast);
        QCOMPARE(fast.error().message(), u"ARI message is not JSON: "_s + parseError.errorString());
        return;
    }
    if (!document.isObject()) {
        QVERIFY(!fast);
        QCOMPARE(fast.error().message(), u"ARI message is not an object"_s);
        return;
    }
    const Result<Event> slow = Event::decode(document.object());
    QCOMPARE(bool(fast), bool(slow));
    if (!slow) {
        QCOMPARE(fast.error().kind(), slow.error().kind());
        QCOMPARE(fast.error().message(), slow.error().message());
        return;
    }
    QCOMPARE(fast->type(), slow->type());
    QCOMPARE(fast->typeName(), slow->typeName());
    QCOMPARE(fast->json(), slow->json());
    QCOMPARE(fast->toJson(), slow->toJson());
    if (const auto *dialplan = fast->as<ChannelDialplanEvent>()) {
        const auto *other = slow->as<ChannelDialplanEvent>();
        QVERIFY(other);
        QCOMPARE(dialplan->unknownFields, other->unknownFields);
        QCOMPARE(dialplan->dialplanApp, other->dialplanApp);
        QCOMPARE(dialplan->timestamp, other->timestamp);
        QCOMPARE(dialplan->channel.unknownFields(), other->channel.unknownFields());
        QCOMPARE(dialplan->channel.hasChannelvars(), other->channel.hasChannelvars());
        QCOMPARE(dialplan->channel.channelvars(), other->channel.channelvars());
        QCOMPARE(dialplan->channel.hasProtocolId(), other->channel.hasProtocolId());
        QCOMPARE(dialplan->channel.dialplan().priority(), other->channel.dialplan().priority());
        QCOMPARE(dialplan->channel.language(), other->channel.language());
    }
}

QTEST_GUILESS_MAIN(tst_Events)
#include "tst_events.moc"
