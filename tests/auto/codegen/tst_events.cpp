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

private:
    QDir m_traces;
};

void tst_Events::initTestCase()
{
    m_traces = QDir(QStringLiteral(QTARI_SHARED_DIR "/ari/traces"));
    if (!m_traces.exists())
        QSKIP("../shared/ari/traces is absent");
}

void tst_Events::traceLine_data()
{
    QTest::addColumn<QByteArray>("line");
    // *.meta.jsonl records WebSocket-level happenings (open, close, ping), not ARI messages.
    const QStringList files = m_traces.entryList({ u"*.jsonl"_s }, QDir::Files, QDir::Name);
    int lines = 0;
    for (const QString &name : files) {
        if (name.endsWith(u".meta.jsonl"_s))
            continue;
        QFile file(m_traces.filePath(name));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        int number = 0;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            ++number;
            if (line.isEmpty())
                continue;
            QTest::addRow("%s:%d", qPrintable(name), number) << line;
            ++lines;
        }
    }
    QVERIFY2(lines > 100, "expected the recorded traces to hold many events");
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

QTEST_GUILESS_MAIN(tst_Events)
#include "tst_events.moc"
