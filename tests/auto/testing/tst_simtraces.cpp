// Replays the REST calls of every recorded scenario in ../shared/ari/traces against the simulator and
// holds its answers and events to what the real Asterisk 22 sent:
//  - REST: the same status for every call, the same error body, the same JSON shape on success;
//  - events: the same number of each message type, the same order of message types for every
//    object (channel, bridge, playback, recording, device), and the same field names and value
//    types per message type. Ids, names and timestamps are not compared.
#include "simtestutil.h"

#include <QtAri/Testing/Simulator>

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;
using namespace simtest;
using QtAri::Testing::Simulator;

namespace {

QString tracesDir()
{
    return QStringLiteral(QTARI_SHARED_DIR) + u"/ari/traces"_s;
}

struct RestRecord
{
    int index = 0;
    QDateTime time;
    QString method;
    QString path;
    QString query; // decoded, "(none)" removed
    QString auth;  // empty = default credentials
    QByteArray body;
    int status = 0;
    QString response;
    QString note;
};

QList<RestRecord> parseRest(const QString &file)
{
    QList<RestRecord> out;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
    static const QRegularExpression header(uR"(^\[(\d+)\] (\S+)$)"_s);
    RestRecord *cur = nullptr;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i);
        const auto m = header.match(line);
        if (m.hasMatch()) {
            out.append(RestRecord {});
            cur = &out.last();
            cur->index = m.captured(1).toInt();
            cur->time = QDateTime::fromString(m.captured(2), Qt::ISODateWithMs);
            const QString req = lines.value(i + 1);
            cur->method = req.section(u' ', 0, 0);
            cur->path = req.section(u' ', 1);
            ++i;
            continue;
        }
        if (!cur)
            continue;
        const QString t = line.trimmed();
        auto value = [&t](const QString &prefix) { return t.mid(prefix.size()).trimmed(); };
        if (t.startsWith(u"query:"_s)) {
            cur->query = value(u"query:"_s);
            if (cur->query == u"(none)"_s)
                cur->query.clear();
        } else if (t.startsWith(u"auth:"_s)) {
            cur->auth = value(u"auth:"_s);
        } else if (t.startsWith(u"request-body:"_s)) {
            QString body = value(u"request-body:"_s);
            // a body may span several lines (pretty-printed)
            while (i + 1 < lines.size() && !lines.at(i + 1).trimmed().contains(u':')
                   && !lines.at(i + 1).trimmed().isEmpty()) {
                body += lines.at(++i);
            }
            while (i + 1 < lines.size() && QJsonDocument::fromJson(body.toUtf8()).isNull()
                   && !lines.at(i + 1).trimmed().startsWith(u"note:"_s)
                   && !lines.at(i + 1).trimmed().startsWith(u"status:"_s)) {
                body += lines.at(++i);
            }
            cur->body = body.toUtf8();
        } else if (t.startsWith(u"status:"_s)) {
            cur->status = value(u"status:"_s).toInt();
        } else if (t.startsWith(u"response:"_s)) {
            cur->response = value(u"response:"_s);
        } else if (t.startsWith(u"note:"_s)) {
            cur->note = value(u"note:"_s);
        }
    }
    return out;
}

QList<QJsonObject> parseEvents(const QString &file)
{
    QList<QJsonObject> out;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    }
    return out;
}

QString jsonType(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return u"bool"_s;
    case QJsonValue::Double: return u"number"_s;
    case QJsonValue::String: return u"string"_s;
    case QJsonValue::Array: return u"array"_s;
    case QJsonValue::Object: return u"object"_s;
    default: return u"null"_s;
    }
}

void collectShape(const QJsonValue &v, const QString &path, QSet<QString> *out)
{
    out->insert(path + u':' + jsonType(v));
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            collectShape(it.value(), path + u'.' + it.key(), out);
    } else if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            collectShape(e, path + u"[]"_s, out);
    }
}

// The object an event is mainly about.
QString primaryObject(const QJsonObject &e)
{
    if (e.contains(u"playback"_s))
        return u"playback:"_s + e.value(u"playback"_s).toObject().value(u"id"_s).toString();
    if (e.contains(u"recording"_s))
        return u"recording:"_s + e.value(u"recording"_s).toObject().value(u"name"_s).toString();
    if (e.contains(u"channel"_s))
        return u"channel:"_s + e.value(u"channel"_s).toObject().value(u"id"_s).toString();
    if (e.contains(u"peer"_s))
        return u"channel:"_s + e.value(u"peer"_s).toObject().value(u"id"_s).toString();
    if (e.contains(u"bridge"_s))
        return u"bridge:"_s + e.value(u"bridge"_s).toObject().value(u"id"_s).toString();
    if (e.contains(u"device_state"_s))
        return u"device:"_s + e.value(u"device_state"_s).toObject().value(u"name"_s).toString();
    return u"type:"_s + e.value(u"type"_s).toString();
}

// Asterisk-generated ids ("1795662639.3") become "gen.3", so both sides compare.
QString canonicalId(QString s)
{
    static const QRegularExpression gen(uR"(\b\d{9,11}\.(\d+)\b)"_s);
    return s.replace(gen, u"gen.\\1"_s);
}

struct Comparison
{
    QStringList problems;
    void add(const QString &p) { problems.append(p); }
};

void compareEvents(const QList<QJsonObject> &expected, const QList<QJsonObject> &actual, Comparison *cmp)
{
    QMap<QString, int> countE, countA;
    QMap<QString, QStringList> seqE, seqA;
    QMap<QString, QSet<QString>> shapeE, shapeA;
    for (const QJsonObject &e : expected) {
        const QString type = e.value(u"type"_s).toString();
        countE[type]++;
        seqE[canonicalId(primaryObject(e))].append(type);
        collectShape(e, type, &shapeE[type]);
    }
    for (const QJsonObject &e : actual) {
        const QString type = e.value(u"type"_s).toString();
        countA[type]++;
        seqA[canonicalId(primaryObject(e))].append(type);
        collectShape(e, type, &shapeA[type]);
    }
    if (countE != countA) {
        QStringList diff;
        QSet<QString> types;
        for (auto it = countE.constBegin(); it != countE.constEnd(); ++it)
            types.insert(it.key());
        for (auto it = countA.constBegin(); it != countA.constEnd(); ++it)
            types.insert(it.key());
        for (const QString &t : std::as_const(types)) {
            if (countE.value(t) != countA.value(t))
                diff.append(u"%1 %2/%3"_s.arg(t).arg(countE.value(t)).arg(countA.value(t)));
        }
        cmp->add(u"event counts differ (type trace/sim): "_s + diff.join(u", "_s));
    }
    for (auto it = seqE.constBegin(); it != seqE.constEnd(); ++it) {
        if (it.key().startsWith(u"device:"_s) || it.key().startsWith(u"type:"_s))
            continue; // counted above; their interleaving is not an object's history
        if (seqA.value(it.key()) != it.value())
            cmp->add(u"order for %1 differs:\n   trace: %2\n   sim:   %3"_s.arg(it.key(), it.value().join(u' '), seqA.value(it.key()).join(u' ')));
    }
    for (auto it = shapeE.constBegin(); it != shapeE.constEnd(); ++it) {
        if (!shapeA.contains(it.key()))
            continue; // reported as a count difference
        const QSet<QString> missing = it.value() - shapeA.value(it.key());
        const QSet<QString> extra = shapeA.value(it.key()) - it.value();
        if (!missing.isEmpty() || !extra.isEmpty())
            cmp->add(u"shape of %1 differs: missing %2 extra %3"_s.arg(it.key(), QStringList(missing.values()).join(u' '), QStringList(extra.values()).join(u' ')));
    }
}

} // namespace

class tst_SimTraces : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void replay_data();
    void replay();
};

void tst_SimTraces::initTestCase()
{
    if (!QDir(tracesDir()).exists())
        QSKIP("../shared/ari/traces is absent");
}

void tst_SimTraces::replay_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<bool>("subscribeAll");
    const QStringList files = QDir(tracesDir()).entryList({ u"*.rest.txt"_s }, QDir::Files, QDir::Name);
    for (const QString &f : files) {
        const QString scenario = f.chopped(9);
        const bool all = scenario != u"b2_bridge_playback_no_subscribeall"_s && scenario != u"h_applications"_s;
        QTest::newRow(qPrintable(scenario)) << scenario << all;
    }
}

void tst_SimTraces::replay()
{
    QFETCH(QString, scenario);
    QFETCH(bool, subscribeAll);
    const QString base = tracesDir() + u'/' + scenario;
    const QList<RestRecord> records = parseRest(base + u".rest.txt"_s);
    QVERIFY(!records.isEmpty());
    const bool replaced = scenario == u"i_websocket_replaced_ping"_s;
    QList<QJsonObject> expected = parseEvents(base + (replaced ? u".conn2.jsonl"_s : u".jsonl"_s));
    if (replaced) { // REST-over-WebSocket frames are checked in tst_simulator
        expected.removeIf([](const QJsonObject &e) {
            return e.value(u"type"_s).toString() == u"RESTResponse"_s
                    || e.value(u"variable"_s).toString() == u"WSVAR"_s;
        });
    }

    const double scale = 0.25;
    Simulator sim;
    sim.setTimeScale(scale);
    sim.addUser(u"readonly"_s, u"readonly"_s, true);
    QVERIFY(sim.start());
    QNetworkAccessManager nam;
    EventSocket conn1, events;
    if (replaced) {
        QVERIFY(conn1.open(sim.url(), u"test-app"_s, subscribeAll));
        QTRY_COMPARE(sim.webSocketCount(), 1);
    }
    QVERIFY(events.open(sim.url(), u"test-app"_s, subscribeAll));
    QTRY_COMPARE(sim.webSocketCount(), replaced ? 2 : 1);

    Comparison cmp;
    QString ourEpoch;
    for (qsizetype k = 0; k < records.size(); ++k) {
        const RestRecord &rec = records.at(k);
        // Let the events the trace saw before this call arrive first (bounded wait).
        qsizetype before = 0;
        for (const QJsonObject &e : std::as_const(expected)) {
            const QDateTime t = QDateTime::fromString(e.value(u"timestamp"_s).toString().left(23) + u'Z', Qt::ISODateWithMs);
            if (t.isValid() && t.msecsTo(rec.time) > 0)
                ++before;
        }
        if (k > 0) {
            const qint64 gap = records.at(k - 1).time.msecsTo(rec.time);
            QTest::qWait(int(qBound(qint64(0), qint64(gap * scale), qint64(3000))));
        }
        QElapsedTimer waited;
        waited.start();
        while (events.events.size() < before && waited.elapsed() < 800)
            QTest::qWait(5);
        if (events.events.size() < before)
            qInfo("before [%d]: %lld events expected, %lld arrived", rec.index, qlonglong(before), qlonglong(events.events.size()));

        // scenario i: the driver closed its sockets between calls
        if (replaced && rec.note.contains(u"after conn2 closed"_s) && !events.closed) {
            events.socket.close();
            QTRY_COMPARE(sim.webSocketCount(), 1);
        }
        if (replaced && rec.note.contains(u"after both closed"_s) && !conn1.closed) {
            QCOMPARE(conn1.types(), QStringList { u"ApplicationReplaced"_s });
            conn1.socket.close();
            QTRY_COMPARE(sim.webSocketCount(), 0);
        }
        auto translate = [&ourEpoch](QString s) {
            static const QRegularExpression gen(uR"(\b\d{9,11}\.(\d+)\b)"_s);
            if (!ourEpoch.isEmpty())
                s.replace(gen, ourEpoch + u".\\1"_s);
            return s;
        };
        QString path = translate(rec.path);
        QStringList segs = path.split(u'/');
        for (QString &s : segs)
            s = QString::fromUtf8(QUrl::toPercentEncoding(s));
        QUrlQuery query;
        for (const QString &item : translate(rec.query).split(u'&', Qt::SkipEmptyParts)) {
            query.addQueryItem(QString::fromUtf8(QUrl::toPercentEncoding(item.section(u'=', 0, 0))),
                               QString::fromUtf8(QUrl::toPercentEncoding(item.section(u'=', 1))));
        }
        QByteArray auth = basic(u"asterisk"_s, u"asterisk"_s);
        if (rec.auth.startsWith(u"(no Authorization"_s))
            auth.clear();
        else if (rec.auth.startsWith(u"readonly"_s))
            auth = basic(u"readonly"_s, u"readonly"_s);
        else if (rec.auth.startsWith(u"asterisk:"_s))
            auth = basic(u"asterisk"_s, u"not-the-password"_s);
        const HttpResult r = call(nam, sim.url(), rec.method, segs.join(u'/'), query, rec.body, auth);
        const QString what = u"[%1] %2 %3 %4"_s.arg(rec.index).arg(rec.method, rec.path, rec.query);
        if (r.status != rec.status) {
            cmp.add(u"%1: status %2, trace %3 (%4)"_s.arg(what).arg(r.status).arg(rec.status).arg(QString::fromUtf8(r.body)));
            continue;
        }
        if (rec.response == u"(empty)"_s) {
            if (!r.body.isEmpty())
                cmp.add(u"%1: body should be empty: %2"_s.arg(what, QString::fromUtf8(r.body)));
            continue;
        }
        if (rec.response.startsWith(u"binary body:"_s)) {
            const QString type = rec.response.section(u"content_type="_s, 1).section(u' ', 0, 0);
            if (QString::fromUtf8(r.contentType) != type || !r.body.startsWith("RIFF"))
                cmp.add(u"%1: binary body %2 (%3 bytes)"_s.arg(what, QString::fromUtf8(r.contentType)).arg(r.body.size()));
            continue;
        }
        const QJsonDocument traceDoc = QJsonDocument::fromJson(rec.response.toUtf8());
        if (traceDoc.isNull())
            continue; // cut at 2 KB by the recorder
        const QJsonValue traceJson = traceDoc.isArray() ? QJsonValue(traceDoc.array()) : QJsonValue(traceDoc.object());
        if (rec.status >= 400) {
            if (r.json() != traceJson)
                cmp.add(u"%1: error body %2, trace %3"_s.arg(what, QString::fromUtf8(r.body), rec.response));
            continue;
        }
        // the first generated id tells how ours map to the trace's
        const QString traceId = traceJson.toObject().value(u"id"_s).toString();
        const QString ourId = r.object().value(u"id"_s).toString();
        if (ourEpoch.isEmpty() && traceId.contains(u'.') && ourId.contains(u'.') && traceId != ourId)
            ourEpoch = ourId.section(u'.', 0, 0);
        QSet<QString> shapeT, shapeS;
        collectShape(traceJson, u"body"_s, &shapeT);
        collectShape(r.json(), u"body"_s, &shapeS);
        if (shapeT != shapeS && !(traceJson.isArray() && (traceJson.toArray().isEmpty() || r.json().toArray().isEmpty())))
            cmp.add(u"%1: body shape differs:\n   trace %2\n   sim   %3"_s.arg(what, rec.response, QString::fromUtf8(r.body)));
    }
    // the events that follow the last call
    QElapsedTimer settle;
    settle.start();
    while (events.events.size() < expected.size() && settle.elapsed() < 5000)
        QTest::qWait(10);
    QTest::qWait(int(300 * scale));

    QList<QJsonObject> actual = events.events;
    for (QJsonObject &e : actual)
        e = QJsonDocument::fromJson(canonicalId(QString::fromUtf8(QJsonDocument(e).toJson())).toUtf8()).object();
    QList<QJsonObject> canonicalExpected;
    for (const QJsonObject &e : std::as_const(expected))
        canonicalExpected.append(QJsonDocument::fromJson(canonicalId(QString::fromUtf8(QJsonDocument(e).toJson())).toUtf8()).object());
    if (!ourEpoch.isEmpty()) {
        for (QJsonObject &e : actual)
            e = QJsonDocument::fromJson(QString::fromUtf8(QJsonDocument(e).toJson()).replace(ourEpoch + u'.', u"gen."_s).toUtf8()).object();
    }
    if (qEnvironmentVariableIsSet("SIMTRACES_DUMP")) {
        for (const QJsonObject &e : std::as_const(actual))
            qInfo().noquote() << QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact)).left(300);
    }
    compareEvents(canonicalExpected, actual, &cmp);
    if (replaced)
        QCOMPARE(conn1.types(), QStringList { u"ApplicationReplaced"_s });
    if (!cmp.problems.isEmpty()) {
        qWarning().noquote() << scenario << ":\n" << cmp.problems.join(u"\n"_s);
        QFAIL(qPrintable(u"%1 difference(s) from the trace"_s.arg(cmp.problems.size())));
    }
}

QTEST_GUILESS_MAIN(tst_SimTraces)
#include "tst_simtraces.moc"
