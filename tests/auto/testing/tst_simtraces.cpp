// Replays the REST calls of every recorded scenario in tests/data/traces against the simulator and
// holds its answers and events to what the real Asterisk 22 sent:
//  - REST: the same status for every call, the same error body, the same JSON shape on success;
//  - events: the same number of each message type, the same order of message types for every
//    object (channel, bridge, playback, recording, device), and the same field names and value
//    types per message type. Ids, names and timestamps are not compared.
// The v2 scenarios (j to o) go over raw HTTP/1.1, byte for byte as recorded, as the recorded user,
// and are held to the status line with its reason phrase, the headers that matter (spelling and
// value), error bodies exactly, application lists exactly, and the events of every websocket
// connection of the trace (opened, refused and closed when the trace did). What is not replayed
// is listed with its reason in v2Skips().
#include "simtestutil.h"

#include <QtAri/Testing/Simulator>

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtCore/QPointer>
#include <QtCore/QProcess>
#include <QtCore/QScopeGuard>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtWebSockets/QWebSocketHandshakeOptions>
#include <QtWebSockets/QWebSocketServer>

#include <functional>
#include <tuple>

using namespace Qt::StringLiterals;
using namespace simtest;
using QtAri::Testing::Simulator;

namespace {

QString tracesDir()
{
    return QStringLiteral(QTARI_TRACES_DIR);
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
        seqE[e.value(u"application"_s).toString() + u'|' + canonicalId(primaryObject(e))].append(type);
        collectShape(e, type, &shapeE[type]);
    }
    for (const QJsonObject &e : actual) {
        const QString type = e.value(u"type"_s).toString();
        countA[type]++;
        seqA[e.value(u"application"_s).toString() + u'|' + canonicalId(primaryObject(e))].append(type);
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
        const QString object = it.key().section(u'|', 1);
        if (object.startsWith(u"device:"_s) || object.startsWith(u"type:"_s))
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

// REST over the WebSocket (m): the answers in order, each with Asterisk's ids, status, reason,
// uri and content type; an error's body exactly, a success's body by shape.
void compareRestResponses(const QList<QJsonObject> &expected, const QList<QJsonObject> &actual,
                          Comparison *cmp)
{
    auto answers = [](const QList<QJsonObject> &list) {
        QList<QJsonObject> out;
        for (const QJsonObject &e : list) {
            if (e.value(u"type"_s).toString() == u"RESTResponse"_s)
                out.append(e);
        }
        return out;
    };
    const QList<QJsonObject> e = answers(expected), a = answers(actual);
    if (e.size() != a.size())
        cmp->add(u"RESTResponse frames: trace %1, sim %2"_s.arg(e.size()).arg(a.size()));
    for (qsizetype i = 0; i < qMin(e.size(), a.size()); ++i) {
        const QJsonObject &t = e.at(i), &o = a.at(i);
        const QString what = u"RESTResponse %1 (%2)"_s.arg(i).arg(t.value(u"request_id"_s).toString());
        for (const QString &key : { u"transaction_id"_s, u"request_id"_s, u"status_code"_s,
                                    u"reason_phrase"_s, u"uri"_s, u"content_type"_s }) {
            if (t.value(key) != o.value(key))
                cmp->add(u"%1: %2 %3, trace %4"_s.arg(what, key, QString::fromUtf8(QJsonDocument(QJsonArray { o.value(key) }).toJson(QJsonDocument::Compact)),
                                                      QString::fromUtf8(QJsonDocument(QJsonArray { t.value(key) }).toJson(QJsonDocument::Compact))));
        }
        const QString tb = t.value(u"message_body"_s).toString(), ob = o.value(u"message_body"_s).toString();
        if (t.value(u"status_code"_s).toInt() >= 400 || tb.isEmpty()) {
            if (tb != ob)
                cmp->add(u"%1: body %2, trace %3"_s.arg(what, ob.left(300), tb.left(300)));
            continue;
        }
        const QJsonDocument td = QJsonDocument::fromJson(tb.toUtf8()), od = QJsonDocument::fromJson(ob.toUtf8());
        QSet<QString> shapeT, shapeO;
        collectShape(td.isArray() ? QJsonValue(td.array()) : QJsonValue(td.object()), u"body"_s, &shapeT);
        collectShape(od.isArray() ? QJsonValue(od.array()) : QJsonValue(od.object()), u"body"_s, &shapeO);
        const bool emptyList = (td.isArray() && td.array().isEmpty()) || (od.isArray() && od.array().isEmpty());
        if (shapeT != shapeO && !emptyList) {
            const QSet<QString> missing = shapeT - shapeO, extra = shapeO - shapeT;
            cmp->add(u"%1: body shape differs: missing %2 extra %3"_s.arg(what, QStringList(missing.values()).join(u' ').left(300),
                                                                       QStringList(extra.values()).join(u' ').left(300)));
        }
    }
}

// --- format version 2 (v2/: j to o): the request as sent, every response header -----------------

using Headers = QList<QPair<QByteArray, QByteArray>>;

struct V2Record
{
    int index = 0;
    QDateTime time;
    QString section;
    QByteArray method;
    QByteArray target; // exactly as sent on the wire
    QByteArray authorization = basic(u"asterisk"_s, u"asterisk"_s);
    bool raw = false;
    Headers requestHeaders;
    QByteArray body;
    QString note;
    QByteArray statusLine;
    Headers headers;
    QString response;
};

QList<V2Record> parseV2(const QString &file)
{
    QList<V2Record> out;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QList<QByteArray> lines = f.readAll().split('\n');
    static const QRegularExpression head(uR"(^\[(\d+)\] (\S+)$)"_s);
    static const QRegularExpression basicUser(uR"(\(Basic ([^:]*):(.*)\)$)"_s);
    QString section;
    V2Record *cur = nullptr;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i);
        if (line.startsWith("# ")) {
            section = QString::fromUtf8(line.mid(2));
            continue;
        }
        const auto m = head.match(QString::fromUtf8(line));
        if (m.hasMatch()) {
            out.append(V2Record {});
            cur = &out.last();
            cur->index = m.captured(1).toInt();
            cur->time = QDateTime::fromString(m.captured(2), Qt::ISODateWithMs);
            cur->section = section;
            const QByteArray req = lines.value(i + 1);
            cur->method = req.left(req.indexOf(' '));
            cur->target = req.mid(req.indexOf(' ') + 1);
            ++i;
            continue;
        }
        if (!cur)
            continue;
        const QByteArray t = line.trimmed();
        auto value = [&t](const char *prefix) { return t.mid(qsizetype(qstrlen(prefix))).trimmed(); };
        if (t.startsWith("user:")) {
            const QString user = QString::fromUtf8(value("user:"));
            const auto bm = basicUser.match(user);
            cur->authorization = bm.hasMatch() ? basic(bm.captured(1), bm.captured(2)) : QByteArray();
        } else if (t.startsWith("request-header:")) {
            const QByteArray h = value("request-header:");
            const QByteArray name = h.left(h.indexOf(':'));
            const QByteArray v = h.mid(h.indexOf(':') + 1).trimmed();
            if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
                cur->authorization = v;
            else
                cur->requestHeaders.append({ name, v });
        } else if (t.startsWith("(sent over a raw TCP socket")) {
            cur->raw = true;
        } else if (t.startsWith("request-body:")) {
            cur->body = value("request-body:");
        } else if (t.startsWith("note:")) {
            cur->note = QString::fromUtf8(value("note:"));
        } else if (t.startsWith("status:")) {
            cur->statusLine = value("status:");
        } else if (t.startsWith("header:")) {
            // the recorder wrote each header byte as one character (Latin-1), in UTF-8
            const QByteArray h = QString::fromUtf8(value("header:")).toLatin1();
            cur->headers.append({ h.left(h.indexOf(':')), h.mid(h.indexOf(':') + 1).trimmed() });
        } else if (t.startsWith("response:")) {
            QByteArray body = line.mid(line.indexOf("response:") + 10);
            // a text body (an HTML page) runs on until the blank line that ends the record
            while (i + 1 < lines.size() && !lines.at(i + 1).trimmed().isEmpty())
                body += '\n' + lines.at(++i);
            cur->response = QString::fromUtf8(body);
        }
    }
    return out;
}

struct RawResponse
{
    QByteArray statusLine;
    Headers headers;
    QByteArray body;
    bool complete = false;
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

// HTTP/1.1 over a plain QTcpSocket, so that the request goes out byte for byte and the status line
// and header spelling come back as the server wrote them.
class RawHttp
{
public:
    explicit RawHttp(quint16 port) : m_port(port) { }

    RawResponse exchange(const QByteArray &request, bool closeAfter)
    {
        std::unique_ptr<QTcpSocket> fresh;
        QTcpSocket *s = nullptr;
        if (closeAfter) {
            fresh = std::make_unique<QTcpSocket>();
            s = fresh.get();
        } else {
            if (!m_keep || m_keep->state() != QAbstractSocket::ConnectedState)
                m_keep = std::make_unique<QTcpSocket>();
            s = m_keep.get();
        }
        // The simulator runs in this thread: wait with the event loop running, never blocking.
        auto waitUntil = [](const std::function<bool()> &done, int ms) {
            QElapsedTimer clock;
            clock.start();
            while (!done() && clock.elapsed() < ms)
                QTest::qWait(1);
            return done();
        };
        if (s->state() != QAbstractSocket::ConnectedState) {
            s->connectToHost(QHostAddress::LocalHost, m_port);
            if (!waitUntil([s] { return s->state() == QAbstractSocket::ConnectedState; }, 5000))
                return {};
        }
        s->write(request);
        QByteArray buf;
        RawResponse r;
        qsizetype headEnd = -1;
        qsizetype length = -1;
        auto parse = [&] {
            buf += s->readAll();
            if (headEnd < 0 && (headEnd = buf.indexOf("\r\n\r\n")) >= 0) {
                const QList<QByteArray> lines = buf.left(headEnd).split('\n');
                r.statusLine = lines.value(0).trimmed();
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const QByteArray l = lines.at(i).trimmed();
                    r.headers.append({ l.left(l.indexOf(':')), l.mid(l.indexOf(':') + 1).trimmed() });
                }
                bool ok = false;
                length = r.header("Content-Length").toLongLong(&ok);
                if (!ok)
                    length = -1;
            }
            return headEnd >= 0 && length >= 0 && buf.size() - headEnd - 4 >= length;
        };
        if (closeAfter) // read on until the server closes: nothing may follow the body
            waitUntil([&] { parse(); return s->state() != QAbstractSocket::ConnectedState; }, 5000);
        else
            waitUntil([&] { return parse() || s->state() != QAbstractSocket::ConnectedState; }, 15000);
        parse();
        if (headEnd >= 0) {
            r.body = buf.mid(headEnd + 4);
            r.complete = length < 0 || r.body.size() == length;
        }
        return r;
    }

private:
    quint16 m_port;
    std::unique_ptr<QTcpSocket> m_keep;
};

QByteArray buildRequest(const V2Record &rec, const QByteArray &target, quint16 port)
{
    QByteArray out = rec.method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + QByteArray::number(port) + "\r\n";
    if (!rec.authorization.isEmpty())
        out += "Authorization: " + rec.authorization + "\r\n";
    bool typed = false;
    for (const auto &h : rec.requestHeaders) {
        out += h.first + ": " + h.second + "\r\n";
        typed = typed || h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
    }
    if (!rec.body.isEmpty()) {
        if (!typed)
            out += "Content-Type: application/json\r\n";
        out += "Content-Length: " + QByteArray::number(rec.body.size()) + "\r\n";
    }
    out += rec.raw ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    return out + rec.body;
}

// The response headers compared (by name, any case); their spelling and value must match.
bool headerMatters(const QByteArray &name)
{
    static const QList<QByteArray> names { "content-type", "content-length", "location", "allow",
                                           "www-authenticate", "connection", "cache-control",
                                           "sec-websocket-version", "sec-websocket-protocol" };
    const QByteArray lower = name.toLower();
    return names.contains(lower) || lower.startsWith("access-control-");
}

// Differences between the recorded headers and ours. exactLength: the body is compared byte for
// byte, so Content-Length must be equal too (otherwise it must describe our own body).
QStringList compareHeaders(const Headers &trace, const RawResponse &ours, bool exactLength,
                           const std::function<QByteArray(QByteArray)> &translate)
{
    QStringList out;
    QSet<QByteArray> seen;
    for (const auto &h : trace) {
        if (!headerMatters(h.first))
            continue;
        seen.insert(h.first.toLower());
        QList<QPair<QByteArray, QByteArray>> mine;
        for (const auto &o : ours.headers) {
            if (o.first.compare(h.first, Qt::CaseInsensitive) == 0)
                mine.append(o);
        }
        const QByteArray want = h.first + ": " + translate(h.second);
        const QByteArray got = mine.isEmpty() ? QByteArray("(absent)") : mine.first().first + ": " + mine.first().second;
        if (h.first.compare("Content-Length", Qt::CaseInsensitive) == 0 && !exactLength) {
            if (mine.isEmpty() || mine.first().first != h.first
                || mine.first().second.toLongLong() != ours.body.size())
                out.append(u"header %1, ours %2 (body %3 bytes)"_s.arg(QString::fromUtf8(want), QString::fromUtf8(got)).arg(ours.body.size()));
            continue;
        }
        if (mine.size() != 1 || got != want)
            out.append(u"header %1, ours %2"_s.arg(QString::fromUtf8(want), QString::fromUtf8(got)));
    }
    for (const auto &o : ours.headers) {
        if (headerMatters(o.first) && !seen.contains(o.first.toLower()))
            out.append(u"extra header %1: %2"_s.arg(QString::fromUtf8(o.first), QString::fromUtf8(o.second)));
    }
    return out;
}

struct MetaEntry
{
    QDateTime time;
    QJsonObject o;
};

QList<MetaEntry> parseMeta(const QString &file)
{
    QList<MetaEntry> out;
    for (const QJsonObject &o : parseEvents(file))
        out.append({ QDateTime::fromString(o.value(u"t"_s).toString(), Qt::ISODateWithMs), o });
    return out;
}

QDateTime eventTime(const QJsonObject &e)
{
    return QDateTime::fromString(e.value(u"timestamp"_s).toString().left(23) + u'Z', Qt::ISODateWithMs);
}

// One event stream of a replay: what the trace received on a connection and what ours receives.
struct ReplayStream
{
    const QList<QJsonObject> *expected;
    const QList<QJsonObject> *events;   // what arrived here
    const QList<qint64> *arrivedAt;     // EventSocket::steadyMs() of each
};

// Waits until a recorded request is due: first (bounded) for the events the trace received before
// it, then for the trace's gap after the later of the previous request and the last of those events,
// counted from when that happened here. Anchoring on the event keeps the replay in step with the
// simulator's own timers on a loaded machine, where the previous reply may have taken long.
void awaitTurn(const QList<ReplayStream> &streams, const QDateTime &at, const QDateTime &previousAt,
               qint64 previousSentMs, double scale)
{
    auto scaled = [scale](qint64 ms) { return qBound(qint64(0), qint64(double(ms) * scale), qint64(3000)); };
    qint64 due = previousAt.isValid() ? previousSentMs + scaled(previousAt.msecsTo(at)) : EventSocket::steadyMs();
    QElapsedTimer waited;
    waited.start();
    const qint64 bound = (due - EventSocket::steadyMs()) + 800;
    qint64 eventDue = -1;
    for (const ReplayStream &st : streams) {
        QDateTime last;
        qsizetype before = 0;
        for (const QJsonObject &e : *st.expected) {
            const QDateTime t = eventTime(e);
            if (t.isValid() && t.msecsTo(at) > 0) {
                ++before;
                if (!last.isValid() || last < t)
                    last = t;
            }
        }
        while (st.events->size() < before && waited.elapsed() < bound)
            QTest::qWait(5);
        if (st.events->size() < before)
            qInfo("before %s: %lld events expected, %lld arrived", qPrintable(at.toString(Qt::ISODateWithMs)),
                  qlonglong(before), qlonglong(st.events->size()));
        else if (before > 0 && (!previousAt.isValid() || previousAt < last))
            eventDue = std::max(eventDue, st.arrivedAt->at(before - 1) + scaled(last.msecsTo(at)));
    }
    if (eventDue >= 0)
        due = eventDue;
    while (EventSocket::steadyMs() < due)
        QTest::qWait(int(std::min<qint64>(due - EventSocket::steadyMs(), 50)));
}

// Events with generated ids (and Local channels' counters) made comparable across servers.
QList<QJsonObject> canonical(const QList<QJsonObject> &list, const QString &epoch)
{
    static const QRegularExpression suffix(uR"(-[0-9a-f]{8};)"_s);
    QList<QJsonObject> out;
    for (const QJsonObject &e : list) {
        QString text = canonicalId(QString::fromUtf8(QJsonDocument(e).toJson()));
        if (!epoch.isEmpty())
            text.replace(epoch + u'.', u"gen."_s);
        text.replace(suffix, u"-N;"_s);
        out.append(QJsonDocument::fromJson(text.toUtf8()).object());
    }
    return out;
}

// Records and event streams of j to o that are not replayed, each with the reason. index 0 stands for
// the events of the named websocket connection (or of all when conn is empty).
struct Skip
{
    const char16_t *scenario;
    int index;
    const char16_t *conn;
    const char16_t *reason;
};

const QList<Skip> &v2Skips()
{
    static const QList<Skip> list {
        { u"o", 44, u"", u"Asterisk refuses DELETE /channels/{id}/mute without direction (400 "
                         u"\"Direction is required\"); the simulator keeps the spec's default 'both' "
                         u"because tst_simoperations calls every operation with its required "
                         u"parameters only and expects success" },
    };
    return list;
}

QString skipReason(const QString &scenario, int index, const QString &conn = {})
{
    for (const Skip &s : v2Skips()) {
        if (scenario.startsWith(QStringView(s.scenario)) && scenario.at(1) == u'_' && s.index == index
            && (QStringView(s.conn).isEmpty() || QStringView(s.conn) == conn))
            return QString::fromUtf16(s.reason);
    }
    return {};
}

} // namespace

class tst_SimTraces : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void replay_data();
    void replay();
    void replayV2_data();
    void replayV2();
    void replayOutbound();
    void users_data();
    void users();
};

void tst_SimTraces::initTestCase()
{
    if (!QDir(tracesDir()).exists())
        QFAIL("tests/data/traces is missing from the source tree");
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
    qint64 sentAt = 0;
    for (qsizetype k = 0; k < records.size(); ++k) {
        const RestRecord &rec = records.at(k);
        awaitTurn({ { &expected, &events.events, &events.arrivedAt } }, rec.time, k > 0 ? records.at(k - 1).time : QDateTime(), sentAt, scale);
        sentAt = EventSocket::steadyMs();

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

// One recorded HTTP exchange against what the simulator answered: status line, headers, body.
static void compareRecord(const V2Record &rec, const RawResponse &r, const QString &what,
                          const std::function<QByteArray(QByteArray)> &translate, Comparison &cmp,
                          QString &ourEpoch)
{
    if (!r.complete) {
        cmp.add(u"%1: no complete answer (%2)"_s.arg(what, QString::fromUtf8(r.statusLine)));
        return;
    }
    if (r.statusLine != rec.statusLine) {
        cmp.add(u"%1: %2, trace %3 (%4)"_s.arg(what, QString::fromUtf8(r.statusLine), QString::fromUtf8(rec.statusLine), QString::fromUtf8(r.body.left(300))));
        return;
    }
    const int status = rec.statusLine.split(' ').value(1).toInt();
    const QJsonDocument traceDoc = QJsonDocument::fromJson(rec.response.toUtf8());
    const bool exact = status >= 400 || rec.response == u"(empty)"_s
            || (traceDoc.isNull() && !rec.response.startsWith(u'{') && !rec.response.startsWith(u'[')
                && !rec.response.startsWith(u"(binary"_s));
    for (const QString &p : compareHeaders(rec.headers, r, exact, translate))
        cmp.add(what + u": "_s + p);
    if (rec.response == u"(empty)"_s) {
        if (!r.body.isEmpty())
            cmp.add(u"%1: body should be empty: %2"_s.arg(what, QString::fromUtf8(r.body)));
        return;
    }
    if (rec.response.startsWith(u"(binary body"_s)) {
        const QByteArray hex = rec.response.section(u"hex "_s, 1).section(u')', 0, 0).toLatin1();
        const QByteArray first = QByteArray::fromHex(hex.left(8)); // "RIFF": the header varies after
        if (!r.body.startsWith(first))
            cmp.add(u"%1: binary body starts %2, trace %3"_s.arg(what, QString::fromLatin1(r.body.left(16).toHex()), QString::fromLatin1(hex)));
        return;
    }
    if (traceDoc.isNull()) {
        if (exact && r.body.trimmed() != rec.response.toUtf8().trimmed())
            cmp.add(u"%1: body %2, trace %3"_s.arg(what, QString::fromUtf8(r.body), rec.response));
        return; // otherwise cut at 4 KB by the recorder
    }
    const QJsonValue traceJson = traceDoc.isArray() ? QJsonValue(traceDoc.array()) : QJsonValue(traceDoc.object());
    const QJsonDocument ourDoc = QJsonDocument::fromJson(r.body);
    const QJsonValue ourJson = ourDoc.isArray() ? QJsonValue(ourDoc.array()) : QJsonValue(ourDoc.object());
    if (status >= 400) {
        if (ourJson != traceJson || ourDoc.isNull())
            cmp.add(u"%1: error body %2, trace %3"_s.arg(what, QString::fromUtf8(r.body), rec.response));
        return;
    }
    const QString traceId = traceJson.toObject().value(u"id"_s).toString();
    const QString ourId = ourJson.toObject().value(u"id"_s).toString();
    if (ourEpoch.isEmpty() && traceId.contains(u'.') && ourId.contains(u'.') && traceId != ourId)
        ourEpoch = ourId.section(u'.', 0, 0);
    // An application's bookkeeping is the point of these records: its lists must be equal.
    if (rec.target.startsWith("/ari/applications")) {
        // (a per-call application is named after its channel, whose counter is the server's own)
        static const QRegularExpression suffix(uR"(-[0-9a-f]{8};)"_s);
        auto unsuffixed = [](const QJsonValue &v) {
            const QJsonDocument d = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
            return QString::fromUtf8(d.toJson(QJsonDocument::Compact)).replace(suffix, u"-N;"_s);
        };
        if (unsuffixed(ourJson) != unsuffixed(traceJson))
            cmp.add(u"%1: application %2, trace %3"_s.arg(what, QString::fromUtf8(r.body), rec.response));
        return;
    }
    QSet<QString> shapeT, shapeS;
    collectShape(traceJson, u"body"_s, &shapeT);
    collectShape(ourJson, u"body"_s, &shapeS);
    if (shapeT != shapeS && !(traceJson.isArray() && (traceJson.toArray().isEmpty() || ourJson.toArray().isEmpty())))
        cmp.add(u"%1: body shape differs:\n   trace %2\n   sim   %3"_s.arg(what, rec.response.left(600), QString::fromUtf8(r.body.left(600))));
}

void tst_SimTraces::replayV2_data()
{
    QTest::addColumn<QString>("scenario");
    const QStringList files = QDir(tracesDir() + u"/v2"_s).entryList({ u"*.rest.txt"_s }, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 6);
    for (const QString &f : files) {
        if (!f.startsWith(u"n_"_s)) // n: the simulator dials out, see replayOutbound()
            QTest::newRow(qPrintable(f.chopped(9))) << f.chopped(9);
    }
}

void tst_SimTraces::replayV2()
{
    QFETCH(QString, scenario);
    const QString base = tracesDir() + u"/v2/"_s + scenario;
    const QList<V2Record> records = parseV2(base + u".rest.txt"_s);
    QVERIFY(!records.isEmpty());
    const QList<MetaEntry> meta = parseMeta(base + u".meta.jsonl"_s);

    // Real time: several v2 records race a dialplan step (k's part 6 hangs up Local/400 channels
    // within 50 ms, before Answer() gives up waiting for media after 500 ms).
    const double scale = 1.0;
    Simulator sim;
    sim.setTimeScale(scale);
    sim.addUser(u"readonly"_s, u"readonly"_s, true);
    QVERIFY(sim.start());
    RawHttp http(sim.port());

    // one collector per websocket connection of the trace, by its label
    std::map<QString, std::unique_ptr<EventSocket>> sockets;
    QMap<QString, QList<QJsonObject>> expected;
    QMap<QString, QString> expectedFile;
    auto expectedFor = [&](const QString &conn) {
        if (expectedFile.contains(conn))
            return;
        QString file = base + u'.' + conn + u".jsonl"_s;
        if (conn == u"main"_s || conn == u"conn1"_s)
            file = base + u".jsonl"_s;
        else if (!QFile::exists(file) && conn.endsWith(u"-ws"_s))
            file = base + u'.' + conn.chopped(3) + u".jsonl"_s;
        else if (!QFile::exists(file) && conn.startsWith(u"app-"_s))
            file = base + u'.' + conn.mid(4) + u".jsonl"_s;
        if (scenario.startsWith(u"o_"_s) && conn == u"app-a"_s)
            file = base + u".jsonl"_s;
        expectedFile.insert(conn, QFile::exists(file) ? file : QString());
        if (QFile::exists(file)) {
            expected.insert(conn, parseEvents(file));
        }
    };

    Comparison cmp;
    QString ourEpoch;
    auto translate = [&ourEpoch](QByteArray s) {
        static const QRegularExpression gen(uR"(\b\d{9,11}\.(\d+)\b)"_s);
        if (ourEpoch.isEmpty())
            return s;
        return QString::fromUtf8(s).replace(gen, ourEpoch + u".\\1"_s).toUtf8();
    };

    auto authFor = [](const QString &user) {
        static const QRegularExpression bm(uR"(\(Basic ([^:]*):(.*)\)$)"_s);
        const auto m = bm.match(user);
        return m.hasMatch() ? basic(m.captured(1), m.captured(2)) : QByteArray();
    };

    QDateTime lastFrameSent;
    auto runMeta = [&](const MetaEntry &m) {
        const QString conn = m.o.value(u"conn"_s).toString();
        const QString what = m.o.value(u"what"_s).toString();
        const QString where = u"ws %1 %2"_s.arg(conn, what);
        if (what == u"client sends text frame"_s) {
            // REST over the socket (m): as sent, after the recorded pause and once the frames the
            // trace had received by then have arrived (bounded waits).
            if (lastFrameSent.isValid())
                QTest::qWait(int(qBound(qint64(0), qint64(lastFrameSent.msecsTo(m.time) * scale), qint64(3000))));
            lastFrameSent = m.time;
            const auto it = sockets.find(conn);
            if (it == sockets.end()) {
                cmp.add(where + u": no such connection"_s);
                return;
            }
            const qsizetype before = std::count_if(expected.value(conn).cbegin(), expected.value(conn).cend(),
                                                   [&m](const QJsonObject &e) { return eventTime(e).msecsTo(m.time) > 0; });
            QElapsedTimer waited;
            waited.start();
            while (it->second->events.size() < before && waited.elapsed() < 800)
                QTest::qWait(5);
            it->second->socket.sendTextMessage(m.o.value(u"text"_s).toString());
            return;
        }
        if (what == u"handshake"_s) {
            expectedFor(conn);
            auto es = std::make_unique<EventSocket>();
            QNetworkRequest req(QUrl(m.o.value(u"url"_s).toString().replace(u"127.0.0.1:8088"_s, u"127.0.0.1:%1"_s.arg(sim.port()))));
            const QByteArray auth = authFor(m.o.value(u"user"_s).toString());
            if (!auth.isEmpty())
                req.setRawHeader("Authorization", auth);
            QWebSocketHandshakeOptions options;
            if (m.o.value(u"subprotocol_requested"_s).isString())
                options.setSubprotocols({ m.o.value(u"subprotocol_requested"_s).toString() });
            QSignalSpy spy(&es->socket, &QWebSocket::connected);
            es->socket.open(req, options);
            if (!spy.wait(5000))
                cmp.add(u"%1: no connection (%2)"_s.arg(where, es->socket.errorString()));
            sockets[conn] = std::move(es);
        } else if (what == u"open"_s) {
            const auto it = sockets.find(conn);
            if (it != sockets.end() && it->second->socket.subprotocol() != m.o.value(u"negotiated_protocol"_s).toString())
                cmp.add(u"%1: subprotocol %2, trace %3"_s.arg(where, it->second->socket.subprotocol(), m.o.value(u"negotiated_protocol"_s).toString()));
        } else if (what == u"close"_s) {
            const auto it = sockets.find(conn);
            if (it == sockets.end() || it->second->closed)
                return;
            // what the trace received before the close arrives first (bounded wait)
            const qsizetype before = std::count_if(expected.value(conn).cbegin(), expected.value(conn).cend(),
                                                   [&m](const QJsonObject &e) { return eventTime(e).msecsTo(m.time) >= 0; });
            QElapsedTimer waited;
            waited.start();
            while (it->second->events.size() < before && waited.elapsed() < 2000)
                QTest::qWait(5);
            QSignalSpy spy(&it->second->socket, &QWebSocket::disconnected);
            it->second->socket.close();
            if (!it->second->closed && !spy.wait(5000))
                cmp.add(u"%1: did not close"_s.arg(where));
        } else if (what == u"readyState after replace"_s) {
            const auto it = sockets.find(conn);
            const bool open = it != sockets.end() && it->second->socket.state() == QAbstractSocket::ConnectedState;
            if (open != (m.o.value(u"readyState"_s).toInt() == 1))
                cmp.add(u"%1: open %2, trace readyState %3"_s.arg(where).arg(open).arg(m.o.value(u"readyState"_s).toInt()));
        } else if (what == u"upgrade refused"_s) {
            // the upgrade as sent, over a raw socket; the answer must be Asterisk's, to the header
            QByteArray request;
            static const QRegularExpression placeholder(uR"(<Basic ([^:]*):(.*)>)"_s);
            for (const QJsonValue &v : m.o.value(u"request"_s).toArray()) {
                QString line = v.toString();
                const auto pm = placeholder.match(line);
                if (pm.hasMatch())
                    line.replace(pm.capturedStart(), pm.capturedLength(), QString::fromUtf8(basic(pm.captured(1), pm.captured(2))));
                if (line.startsWith(u"Host:"_s, Qt::CaseInsensitive))
                    line = u"Host: 127.0.0.1:%1"_s.arg(sim.port());
                request += line.toUtf8() + "\r\n";
            }
            request += "\r\n";
            const RawResponse r = http.exchange(request, true);
            if (r.statusLine != m.o.value(u"response_status"_s).toString().toUtf8())
                cmp.add(u"%1: status %2, trace %3"_s.arg(where, QString::fromUtf8(r.statusLine), m.o.value(u"response_status"_s).toString()));
            Headers traceHeaders;
            for (const QJsonValue &v : m.o.value(u"response_headers"_s).toArray()) {
                const QByteArray h = v.toString().toUtf8();
                traceHeaders.append({ h.left(h.indexOf(':')), h.mid(h.indexOf(':') + 1).trimmed() });
            }
            for (const QString &p : compareHeaders(traceHeaders, r, true, [](QByteArray b) { return b; }))
                cmp.add(where + u": "_s + p);
            if (r.body != m.o.value(u"body"_s).toString().toUtf8())
                cmp.add(u"%1: body %2, trace %3"_s.arg(where, QString::fromUtf8(r.body), m.o.value(u"body"_s).toString()));
        }
    };

    qsizetype nextMeta = 0;
    int replayed = 0;
    qint64 sentAt = 0;
    for (qsizetype k = 0; k < records.size(); ++k) {
        const V2Record &rec = records.at(k);
        while (nextMeta < meta.size() && meta.at(nextMeta).time <= rec.time)
            runMeta(meta.at(nextMeta++));
        static const QList<QJsonObject> none;
        QList<ReplayStream> streams;
        for (auto &[conn, es] : sockets) {
            const auto it = expected.constFind(conn);
            streams.append({ it == expected.cend() ? &none : &*it, &es->events, &es->arrivedAt });
        }
        awaitTurn(streams, rec.time, k > 0 ? records.at(k - 1).time : QDateTime(), sentAt, scale);
        sentAt = EventSocket::steadyMs();
        const QString what = u"[%1] %2 %3"_s.arg(rec.index).arg(QString::fromUtf8(rec.method), QString::fromUtf8(rec.target));
        if (!skipReason(scenario, rec.index).isEmpty())
            continue; // listed with its reason in v2Skips()
        ++replayed;
        const RawResponse r = http.exchange(buildRequest(rec, translate(rec.target), sim.port()), rec.raw);
        compareRecord(rec, r, what, translate, cmp, ourEpoch);
    }
    while (nextMeta < meta.size())
        runMeta(meta.at(nextMeta++));

    // the events that follow the last call, then per connection: counts, order per object, shapes
    QElapsedTimer settle;
    settle.start();
    for (auto &[conn, es] : sockets) {
        while (es->events.size() < expected.value(conn).size() && settle.elapsed() < 5000)
            QTest::qWait(10);
    }
    QTest::qWait(int(300 * scale));
    for (auto &[conn, es] : sockets) {
        const QString reason = skipReason(scenario, 0, conn);
        if (!reason.isEmpty() || expectedFile.value(conn).isEmpty())
            continue; // a skip with its reason, or a connection the trace kept no frames of
        QList<QJsonObject> actual = es->events;
        Comparison part;
        QList<QJsonObject> traced = expected.value(conn);
        compareRestResponses(traced, actual, &part);
        const auto isAnswer = [](const QJsonObject &e) { return e.value(u"type"_s).toString() == u"RESTResponse"_s; };
        traced.removeIf(isAnswer);
        actual.removeIf(isAnswer);
        compareEvents(canonical(traced, {}), canonical(actual, ourEpoch), &part);
        for (const QString &p : std::as_const(part.problems))
            cmp.add(u"events on %1: %2"_s.arg(conn, p));
        if (qEnvironmentVariableIsSet("SIMTRACES_DUMP")) {
            for (const QJsonObject &e : std::as_const(es->events))
                qInfo().noquote() << conn << QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact));
        }
    }
    qInfo("%s: %d of %lld records replayed", qPrintable(scenario), replayed, qlonglong(records.size()));
    if (!cmp.problems.isEmpty()) {
        qWarning().noquote() << scenario << ":\n" << cmp.problems.join(u"\n"_s);
        QFAIL(qPrintable(u"%1 difference(s) from the trace"_s.arg(cmp.problems.size())));
    }
}

// Any number of ARI users, read-write or read-only, through the C++ API and through ari-sim --user.
namespace {

// The application side of trace n: a WebSocket server that checks each upgrade Asterisk (here the
// simulator) sends and accepts or refuses it with 401 as the trace's test server did, in order.
class AppServer : public QObject
{
public:
    struct Conn
    {
        QString label;
        QPointer<QWebSocket> socket;
        QList<QJsonObject> events;
        QList<qint64> arrivedAt;
        int closeCode = -1;
    };
    QTcpServer tcp;
    QWebSocketServer ws { u"trace-n"_s, QWebSocketServer::NonSecureMode };
    QList<QJsonObject> upgrades;          // "incoming upgrade from Asterisk" entries still to come
    std::map<QString, std::unique_ptr<Conn>> conns;
    QList<QString> pendingLabels;         // accepted upgrades waiting for their WebSocket
    QHash<QString, QString> pathOf;       // connection label -> the path it asked for
    // every frame as it arrives, by kind of connection: [0] persistent, [1] per call
    QList<QJsonObject> frames[2];
    QList<qint64> arrivals[2];
    Comparison *cmp = nullptr;
    int unexpected = 0;                   // upgrades the trace did not have

    AppServer()
    {
        ws.setSupportedSubprotocols({ u"ari"_s });
        QObject::connect(&tcp, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = tcp.nextPendingConnection())
                QObject::connect(s, &QTcpSocket::readyRead, this, [this, s] { upgrade(s); });
        });
        QObject::connect(&ws, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = ws.nextPendingConnection()) {
                auto conn = std::make_unique<Conn>();
                conn->label = pendingLabels.isEmpty() ? u"?"_s : pendingLabels.takeFirst();
                conn->socket = socket;
                socket->setParent(this); // (the WebSocket server does not own what it hands out)
                Conn *c = conn.get();
                QObject::connect(socket, &QWebSocket::textMessageReceived, this, [this, c](const QString &text) {
                    c->events.append(QJsonDocument::fromJson(text.toUtf8()).object());
                    c->arrivedAt.append(EventSocket::steadyMs());
                    const int kind = pathOf.value(c->label) == u"/percall"_s ? 1 : 0;
                    frames[kind].append(c->events.constLast());
                    arrivals[kind].append(c->arrivedAt.constLast());
                });
                QObject::connect(socket, &QWebSocket::disconnected, this, [c, socket] { c->closeCode = socket->closeCode(); });
                if (socket->subprotocol() != u"ari"_s)
                    cmp->add(u"%1: subprotocol %2, trace ari"_s.arg(c->label, socket->subprotocol()));
                conns[c->label] = std::move(conn);
            }
        });
    }
    bool listen(quint16 port = 0) { return tcp.listen(QHostAddress::LocalHost, port); }
    void upgrade(QTcpSocket *socket)
    {
        const QByteArray head = socket->peek(8192);
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        socket->disconnect(this);
        const QList<QByteArray> lines = head.left(end).split('\n');
        const QString requestLine = QString::fromUtf8(lines.value(0).trimmed());
        QString auth, protocol;
        for (const QByteArray &line : lines) {
            const QByteArray name = line.left(line.indexOf(':')).trimmed().toLower();
            const QByteArray value = line.mid(line.indexOf(':') + 1).trimmed();
            if (name == "authorization")
                auth = QString::fromUtf8(QByteArray::fromBase64(value.mid(6)));
            else if (name == "sec-websocket-protocol")
                protocol = QString::fromUtf8(value);
        }
        const QString path = requestLine.section(u' ', 1, 1);
        // the next upgrade the trace shows for this path
        const auto it = std::find_if(upgrades.begin(), upgrades.end(), [&path](const QJsonObject &o) {
            return o.value(u"request_line"_s).toString().section(u' ', 1, 1) == path;
        });
        if (it == upgrades.end()) {
            ++unexpected;
            socket->write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n");
            socket->disconnectFromHost();
            return;
        }
        const QJsonObject entry = *it;
        upgrades.erase(it);
        const QString label = entry.value(u"conn"_s).toString();
        pathOf.insert(label, path);
        if (requestLine != entry.value(u"request_line"_s).toString())
            cmp->add(u"%1: request line %2, trace %3"_s.arg(label, requestLine, entry.value(u"request_line"_s).toString()));
        if (auth != entry.value(u"basic_auth_decoded"_s).toString())
            cmp->add(u"%1: credentials %2, trace %3"_s.arg(label, auth, entry.value(u"basic_auth_decoded"_s).toString()));
        if (protocol != u"ari"_s)
            cmp->add(u"%1: Sec-WebSocket-Protocol %2, trace ari"_s.arg(label, protocol));
        if (entry.value(u"mode"_s).toString() == u"reject401"_s) {
            socket->write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n");
            socket->disconnectFromHost();
            return;
        }
        pendingLabels.append(label);
        ws.handleConnection(socket);
        Q_EMIT socket->readyRead();
    }
    Conn *conn(const QString &label) const
    {
        const auto it = conns.find(label);
        return it == conns.end() ? nullptr : it->second.get();
    }
};

} // namespace

// Trace n: the simulator dials the application's WebSocket server (persistent and per call), with
// the trace's handshakes, 401s, outages and config removal, REST over the outbound socket, and the
// trace's HTTP calls beside it; frames per kind of connection are compared with the trace's.
void tst_SimTraces::replayOutbound()
{
    const QString base = tracesDir() + u"/v2/n_outbound_websocket"_s;
    if (!QFile::exists(base + u".rest.txt"_s))
        QSKIP("trace n is not here");
    const QList<V2Record> records = parseV2(base + u".rest.txt"_s);
    const QList<MetaEntry> meta = parseMeta(base + u".meta.jsonl"_s);
    const QList<QJsonObject> expectedPersistent = parseEvents(base + u".jsonl"_s);
    const QList<QJsonObject> expectedPerCall = parseEvents(base + u".percall.jsonl"_s);
    QVERIFY(!records.isEmpty() && !meta.isEmpty());

    Simulator sim;
    QVERIFY(sim.start());
    RawHttp http(sim.port());
    Comparison cmp;
    AppServer app;
    app.cmp = &cmp;
    for (const MetaEntry &m : meta) {
        if (m.o.value(u"what"_s).toString() == u"incoming upgrade from Asterisk"_s)
            app.upgrades.append(m.o);
    }
    // All frames of the persistent connections together, and of the per-call ones, as they arrive.
    QList<QJsonObject> &persistentFrames = app.frames[0], &perCallFrames = app.frames[1];
    QList<qint64> &persistentAt = app.arrivals[0], &perCallAt = app.arrivals[1];
    quint16 port = 0;
    bool removed = false, backAgain = false;
    QString ourEpoch;
    auto translate = [&ourEpoch](QByteArray s) {
        static const QRegularExpression gen(uR"(\b\d{9,11}\.(\d+)\b)"_s);
        if (ourEpoch.isEmpty())
            return s;
        return QString::fromUtf8(s).replace(gen, ourEpoch + u".\\1"_s).toUtf8();
    };
    // The last thing replayed (a meta entry or a request): its time in the trace and here. Each next
    // step is due its trace gap after it, whichever kind both are.
    QDateTime anchorTrace;
    qint64 anchorSteady = 0;
    auto runMeta = [&](const MetaEntry &m) {
        const QString what = m.o.value(u"what"_s).toString();
        const QString label = m.o.value(u"conn"_s).toString();
        if (anchorTrace.isValid()) {
            const qint64 due = anchorSteady + qBound(qint64(0), anchorTrace.msecsTo(m.time), qint64(3000));
            while (EventSocket::steadyMs() < due)
                QTest::qWait(int(std::min<qint64>(due - EventSocket::steadyMs(), 50)));
        }
        anchorTrace = m.time;
        anchorSteady = EventSocket::steadyMs();
        if (what == u"test server listening"_s) {
            QVERIFY(app.listen());
            port = app.tcp.serverPort();
        } else if (what.startsWith(u"config installed"_s)) {
            Simulator::OutboundConnection persistent;
            persistent.uri = QUrl(u"ws://127.0.0.1:%1/persistent"_s.arg(port));
            persistent.apps = { u"trace-app-out"_s };
            persistent.user = u"trace-ws"_s;
            persistent.password = u"trace-pass"_s;
            persistent.reconnectIntervalMs = 1000;
            persistent.reconnectAttempts = 4;
            Simulator::OutboundConnection perCall = persistent;
            perCall.uri = QUrl(u"ws://127.0.0.1:%1/percall"_s.arg(port));
            perCall.apps = { u"trace-app-outpc"_s };
            perCall.perCall = true;
            perCall.reconnectIntervalMs = 500;
            perCall.reconnectAttempts = 2;
            sim.addOutboundConnection(persistent);
            sim.addOutboundConnection(perCall);
        } else if (what == u"server sends text frame"_s) {
            QTRY_VERIFY_WITH_TIMEOUT(app.conn(label) && app.conn(label)->socket, 3000);
            // what the trace had received on such connections by then arrives first (bounded)
            const bool perCall = app.pathOf.value(label) == u"/percall"_s;
            const QList<QJsonObject> &traced = perCall ? expectedPerCall : expectedPersistent;
            const qsizetype before = std::count_if(traced.cbegin(), traced.cend(), [&m](const QJsonObject &e) {
                return eventTime(e).msecsTo(m.time) > 0;
            });
            QElapsedTimer waited;
            waited.start();
            while ((perCall ? perCallFrames : persistentFrames).size() < before && waited.elapsed() < 2000)
                QTest::qWait(5);
            app.conn(label)->socket->sendTextMessage(m.o.value(u"text"_s).toString());
        } else if (what.startsWith(u"server closes the persistent socket"_s)) {
            for (const auto &[l, c] : app.conns) {
                if (c->socket && c->closeCode < 0
                    && !c->events.value(0).value(u"application"_s).toString().contains(u':'))
                    c->socket->close(QWebSocketProtocol::CloseCodeGoingAway);
            }
        } else if (what == u"server stopped listening and dropped all connections"_s) {
            app.tcp.close();
            for (const auto &[l, c] : app.conns) {
                if (c->socket)
                    c->socket->abort();
            }
        } else if (what == u"server listening again"_s) {
            QVERIFY(app.listen(port));
            backAgain = true;
        } else if (what == u"cli"_s && backAgain && !removed
                   && m.o.value(u"cmd"_s).toString() == u"module reload res_ari.so"_s) {
            removed = true;
            sim.removeOutboundConnections();
        } else if (what == u"closed"_s) {
            // checked at the end
        } else if (what == u"connection attempts in the 3 s after removal"_s) {
            if (app.unexpected != m.o.value(u"count"_s).toInt())
                cmp.add(u"%1 connection attempts after the removal, trace %2"_s.arg(app.unexpected).arg(m.o.value(u"count"_s).toInt()));
        }
    };

    qsizetype nextMeta = 0;
    for (qsizetype k = 0; k < records.size(); ++k) {
        const V2Record &rec = records.at(k);
        while (nextMeta < meta.size() && meta.at(nextMeta).time <= rec.time)
            runMeta(meta.at(nextMeta++));
        awaitTurn({ { &expectedPersistent, &persistentFrames, &persistentAt },
                    { &expectedPerCall, &perCallFrames, &perCallAt } },
                  rec.time, anchorTrace, anchorSteady, 1.0);
        anchorTrace = rec.time;
        anchorSteady = EventSocket::steadyMs();
        const QString what = u"[%1] %2 %3"_s.arg(rec.index).arg(QString::fromUtf8(rec.method), QString::fromUtf8(rec.target));
        const RawResponse r = http.exchange(buildRequest(rec, translate(rec.target), sim.port()), rec.raw);
        compareRecord(rec, r, what, translate, cmp, ourEpoch);
    }
    while (nextMeta < meta.size())
        runMeta(meta.at(nextMeta++));

    // the connections the trace had, closed as the trace shows
    for (const MetaEntry &m : meta) {
        if (m.o.value(u"what"_s).toString() != u"closed"_s)
            continue;
        const QString label = m.o.value(u"conn"_s).toString();
        AppServer::Conn *c = app.conn(label);
        if (!c) {
            cmp.add(u"%1: never connected"_s.arg(label));
            continue;
        }
        const int code = m.o.value(u"code"_s).toInt();
        if (code != 1006 && c->closeCode != code) // (1006: no close frame, as after our abort)
            cmp.add(u"%1: closed with %2, trace %3"_s.arg(label).arg(c->closeCode).arg(code));
    }
    if (!app.upgrades.isEmpty())
        cmp.add(u"%1 upgrades of the trace never came, first %2"_s.arg(app.upgrades.size()).arg(app.upgrades.first().value(u"conn"_s).toString()));

    const auto isAnswer = [](const QJsonObject &e) { return e.value(u"type"_s).toString() == u"RESTResponse"_s; };
    for (const auto &[kind, traced, actual] : { std::tuple { u"persistent"_s, expectedPersistent, persistentFrames },
                                                std::tuple { u"per-call"_s, expectedPerCall, perCallFrames } }) {
        Comparison part;
        compareRestResponses(traced, actual, &part);
        QList<QJsonObject> t = traced, a = actual;
        t.removeIf(isAnswer);
        a.removeIf(isAnswer);
        compareEvents(canonical(t, {}), canonical(a, ourEpoch), &part);
        for (const QString &p : std::as_const(part.problems))
            cmp.add(u"events on the %1 connections: %2"_s.arg(kind, p));
    }
    if (!cmp.problems.isEmpty()) {
        qWarning().noquote() << "n_outbound_websocket:\n" << cmp.problems.join(u"\n"_s);
        QFAIL(qPrintable(u"%1 difference(s) from the trace"_s.arg(cmp.problems.size())));
    }
}

void tst_SimTraces::users_data()
{
    QTest::addColumn<bool>("program");
    QTest::newRow("Simulator::addUser") << false;
    QTest::newRow("ari-sim --user") << true;
}

void tst_SimTraces::users()
{
    QFETCH(bool, program);
    Simulator sim;
    QProcess process;
    const auto stop = qScopeGuard([&process] {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
        }
    });
    quint16 port = 0;
    if (!program) {
        sim.addUser(u"ops"_s, u"s3cret"_s);
        sim.addUser(u"viewer"_s, u"v:w"_s, true);
        sim.addUser(u"legacy"_s, u"lp"_s);
        sim.addUser(u"replaced"_s, u"old"_s);
        sim.addUser(u"replaced"_s, u"new"_s, true); // a second addUser replaces the first
        QVERIFY(sim.start());
        port = sim.port();
    } else {
#ifndef QTARI_SIM_EXECUTABLE
        QSKIP("ari-sim is not built in this configuration");
#else
        QTcpServer probe; // a free port for ari-sim
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
        probe.close();
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral(QTARI_SIM_EXECUTABLE),
                      { u"--port"_s, QString::number(port), u"--quiet"_s, u"--user"_s, u"ops:s3cret"_s,
                        u"--user"_s, u"viewer:v:w:readonly"_s, u"--user"_s, u"legacy"_s, u"--password"_s,
                        u"lp"_s, u"--user"_s, u"replaced:old"_s, u"--user"_s, u"replaced:new:readonly"_s });
        QVERIFY(process.waitForStarted());
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT((output += process.readAll()).contains("listening")
                                         || process.state() != QProcess::Running,
                                 10000);
        QVERIFY2(process.state() == QProcess::Running, output.constData());
#endif
    }
    RawHttp http(port);
    struct Case
    {
        QString user, password;
        QByteArray read, write;
    };
    const QList<Case> cases {
        { u"asterisk"_s, u"asterisk"_s, "HTTP/1.1 200 OK", "HTTP/1.1 204 No Content" },
        { u"ops"_s, u"s3cret"_s, "HTTP/1.1 200 OK", "HTTP/1.1 204 No Content" },
        { u"viewer"_s, u"v:w"_s, "HTTP/1.1 200 OK", "HTTP/1.1 403 Forbidden" },
        { u"legacy"_s, u"lp"_s, "HTTP/1.1 200 OK", "HTTP/1.1 204 No Content" },
        { u"replaced"_s, u"new"_s, "HTTP/1.1 200 OK", "HTTP/1.1 403 Forbidden" },
        { u"replaced"_s, u"old"_s, "HTTP/1.1 401 Unauthorized", "HTTP/1.1 401 Unauthorized" },
        { u"ops"_s, u"wrong"_s, "HTTP/1.1 401 Unauthorized", "HTTP/1.1 401 Unauthorized" },
        { u"nobody"_s, u"x"_s, "HTTP/1.1 401 Unauthorized", "HTTP/1.1 401 Unauthorized" },
    };
    for (const Case &c : cases) {
        const QByteArray auth = "Authorization: " + basic(c.user, c.password) + "\r\n";
        const QByteArray host = "Host: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
        const RawResponse read = http.exchange("GET /ari/asterisk/ping HTTP/1.1\r\n" + host + auth + "\r\n", false);
        QVERIFY2(read.statusLine == c.read, qPrintable(c.user + u": "_s + QString::fromUtf8(read.statusLine)));
        const RawResponse write = http.exchange("POST /ari/asterisk/variable?variable=U&value=1 HTTP/1.1\r\n"
                                                        + host + auth + "Content-Length: 0\r\n\r\n",
                                                false);
        QVERIFY2(write.statusLine == c.write, qPrintable(c.user + u": "_s + QString::fromUtf8(write.statusLine)));
        // with the same credentials as api_key, the answer is the same
        const RawResponse key = http.exchange("GET /ari/asterisk/ping?api_key="
                                                      + QUrl::toPercentEncoding(c.user + u':' + c.password)
                                                      + " HTTP/1.1\r\n" + host + "\r\n",
                                              false);
        QCOMPARE(key.statusLine, c.read);
    }
}

QTEST_GUILESS_MAIN(tst_SimTraces)
#include "tst_simtraces.moc"
