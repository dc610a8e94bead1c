// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "recorder.h"

#include "session.h"

#include <QtAri/Client>
#include <QtAri/Error>
#include <QtAri/Event>
#include <QtAri/Transport>
#include <QtAri/qtari_version.h>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtCore/QMetaEnum>

#include <utility>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcInspector)

namespace QtAri::Inspector {

namespace {

    constexpr qsizetype flushThreshold = 1 << 20; // write at once past 1 MiB collected
    constexpr int flushIntervalMs = 250;

    // As the library's own logging masks them (QDebug operator<< for Request).
    bool isSecretKey(const QString &key)
    {
        const QString k = key.toLower();
        return k == "api_key"_L1 || k == "apikey"_L1 || k.contains("password"_L1)
            || k.contains("secret"_L1) || k == "pass"_L1 || k == "token"_L1;
    }

    QString decoded(const QByteArray &percentEncoded)
    {
        QByteArray bytes = percentEncoded;
        bytes.replace('+', ' ');
        return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
    }

    QJsonArray queryStrings(const QByteArray &query)
    {
        QJsonArray out;
        for (const QByteArray &item : query.split('&')) {
            if (item.isEmpty())
                continue;
            const qsizetype eq = item.indexOf('=');
            const QString name = decoded(eq < 0 ? item : item.left(eq));
            const QString value = eq < 0 ? QString() : decoded(item.mid(eq + 1));
            out.append(QJsonObject {
                { u"name"_s, name }, { u"value"_s, isSecretKey(name) ? u"***"_s : value } });
        }
        return out;
    }

    // ARI's RESTRequest uri: the path below /ari, without the leading slash.
    QString uriOf(const QtAri::Request &request)
    {
        QString uri = QString::fromUtf8(request.path);
        if (uri.startsWith(u'/'))
            uri.remove(0, 1);
        return uri;
    }

    QString reasonPhrase(int status)
    {
        switch (status) {
        case 200:
            return u"OK"_s;
        case 201:
            return u"Created"_s;
        case 204:
            return u"No Content"_s;
        case 400:
            return u"Bad Request"_s;
        case 401:
            return u"Unauthorized"_s;
        case 403:
            return u"Forbidden"_s;
        case 404:
            return u"Not Found"_s;
        case 405:
            return u"Method Not Allowed"_s;
        case 409:
            return u"Conflict"_s;
        case 412:
            return u"Precondition Failed"_s;
        case 422:
            return u"Unprocessable Entity"_s;
        case 500:
            return u"Internal Server Error"_s;
        case 501:
            return u"Not Implemented"_s;
        case 503:
            return u"Service Unavailable"_s;
        default:
            return {};
        }
    }

    // The body as a JSON string value, escaped by hand: a listing's answer can be megabytes, and
    // a QJsonObject would turn it into UTF-16 and back on the GUI thread.
    QByteArray jsonString(const QByteArray &utf8)
    {
        static const char hex[] = "0123456789abcdef";
        // Sized first, then written through a pointer: appending byte by byte to a QByteArray
        // costs tens of nanoseconds a byte, 100 ms for a listing.
        qsizetype size = 2;
        for (const char c : utf8) {
            const auto u = static_cast<unsigned char>(c);
            size += (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t') ? 2 : u < 0x20 ? 6 : 1;
        }
        QByteArray out(size, Qt::Uninitialized);
        char *o = out.data();
        *o++ = '"';
        for (const char c : utf8) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                *o++ = '\\';
                *o++ = c;
            } else if (u >= 0x20) {
                *o++ = c;
            } else if (c == '\n' || c == '\r' || c == '\t') {
                *o++ = '\\';
                *o++ = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
            } else {
                *o++ = '\\';
                *o++ = 'u';
                *o++ = '0';
                *o++ = '0';
                *o++ = hex[u >> 4];
                *o++ = hex[u & 0xf];
            }
        }
        *o++ = '"';
        Q_ASSERT(o == out.data() + out.size());
        return out;
    }

    // Sets the content type on \a o and returns the message_body member to splice into the line
    // (empty for none).
    QByteArray addBody(QJsonObject &o, const QByteArray &contentType, const QByteArray &body)
    {
        if (!contentType.isEmpty())
            o.insert(u"content_type"_s, QString::fromLatin1(contentType));
        if (body.isEmpty())
            return {};
        const QByteArray type = contentType.toLower();
        if (type.isEmpty() || type.startsWith("application/json") || type.startsWith("text/"))
            return "\"message_body\":" + jsonString(QString::fromUtf8(body).toUtf8());
        // a recording's audio: kept, but as base64
        o.insert(u"qtari_message_body_encoding"_s, u"base64"_s);
        return "\"message_body\":\"" + body.toBase64() + '"';
    }

    // \a o serialised, with \a member (already JSON) added.
    QByteArray lineWith(const QJsonObject &o, const QByteArray &member)
    {
        QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
        if (member.isEmpty())
            return line;
        line.chop(1); // the closing brace
        if (!o.isEmpty())
            line += ',';
        line += member;
        line += '}';
        return line;
    }

    void addQtAriFields(QJsonObject &o, const QtAri::Exchange &e)
    {
        o.insert(u"qtari_transport"_s, e.overWebSocket ? u"websocket"_s : u"http"_s);
        if (e.internal)
            o.insert(u"qtari_internal"_s, true);
        if (!e.request.operation.isEmpty())
            o.insert(u"qtari_operation"_s, e.request.operation);
    }

} // namespace

// Serialises and writes the lines in a thread of its own, in the order they were handed over:
// a listing's answer is megabytes, and at 2,000 events/s the GUI thread has better things to do.
class RecorderWriter : public QObject
{
    Q_OBJECT
public:
    bool open(const QString &fileName, QString *error)
    {
        m_file.setFileName(fileName);
        if (m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return true;
        *error = m_file.errorString();
        return false;
    }
    void line(const QByteArray &line)
    {
        if (!m_file.isOpen())
            return;
        m_buffer += line;
        m_buffer += '\n';
        if (m_buffer.size() >= flushThreshold)
            flush();
    }
    void event(const QJsonObject &json) { line(QJsonDocument(json).toJson(QJsonDocument::Compact)); }
    void exchange(const QtAri::Exchange &exchange, const QString &id)
    {
        line(Recorder::requestLine(exchange, id));
        line(Recorder::responseLine(exchange, id));
    }
    void flush()
    {
        if (m_buffer.isEmpty() || !m_file.isOpen())
            return;
        const QByteArray data = std::exchange(m_buffer, {});
        if (m_file.write(data) != data.size() || !m_file.flush()) {
            const QString message =
                Recorder::tr("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
            m_file.close();
            Q_EMIT failed(message);
        }
    }
    void close()
    {
        flush();
        m_file.close();
    }

Q_SIGNALS:
    void failed(const QString &message);

private:
    QFile m_file;
    QByteArray m_buffer;
};

Recorder::Recorder(Session *session) : QObject(session), m_session(session)
{
    m_flushTimer.setInterval(flushIntervalMs);
    // The timer's writes do not wait for the writer (flush() does).
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        RecorderWriter *writer = m_writer;
        QMetaObject::invokeMethod(writer, [writer] { writer->flush(); });
    });
    m_thread.setObjectName(u"qtari-recorder"_s);
    m_writer = new RecorderWriter;
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(m_writer, &RecorderWriter::failed, this, [this](const QString &message) {
        if (!m_recording)
            return;
        qCWarning(lcInspector).noquote() << message;
        disconnect(m_eventConnection);
        disconnect(m_exchangeConnection);
        m_flushTimer.stop();
        m_recording = false;
        Q_EMIT errorOccurred(message);
        Q_EMIT recordingChanged(false);
    });
    m_thread.start();
}

Recorder::~Recorder()
{
    // Flushed and closed, without signals: whoever listened may be going away with us.
    if (m_recording) {
        RecorderWriter *writer = m_writer;
        QMetaObject::invokeMethod(writer, [writer] { writer->close(); }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

QString Recorder::ariTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u"+0000"_s;
}

bool Recorder::start(const QString &fileName, QString *error)
{
    stop();
    bool opened = false;
    QString why;
    RecorderWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer, [&] { opened = writer->open(fileName, &why); }, Qt::BlockingQueuedConnection);
    if (!opened) {
        if (error)
            *error = why;
        return false;
    }
    m_fileName = fileName;
    m_recording = true;
    m_events = 0;
    m_exchanges = 0;
    const ConnectionProfile &p = m_session->profile();
    QJsonObject header { { u"type"_s, u"QtAriRecording"_s }, { u"version"_s, 1 },
        { u"server"_s,
            p.listen ? u"listen:%1"_s.arg(p.listenPort)
                     : p.url.adjusted(QUrl::RemoveUserInfo).toString() },
        { u"user"_s, p.user },
        { u"applications"_s, QJsonArray::fromStringList(m_session->client()->applicationNames()) },
        { u"subscribe_all"_s, m_session->client()->subscribeAll() },
        { u"started"_s, ariTimestamp(QDateTime::currentDateTimeUtc()) },
        { u"qtari_version"_s, QStringLiteral(QTARI_VERSION_STR) } };
    if (!m_session->asteriskVersion().isEmpty())
        header.insert(u"asterisk_version"_s, m_session->asteriskVersion());
    QMetaObject::invokeMethod(writer, [writer, header] {
        writer->event(header);
        writer->flush();
    });
    m_eventConnection =
        connect(m_session->client(), &QtAri::Client::eventReceived, this, &Recorder::recordEvent);
    m_exchangeConnection = connect(
        m_session->client(), &QtAri::Client::requestFinished, this, &Recorder::recordExchange);
    m_flushTimer.start();
    qCInfo(lcInspector) << "recording" << m_session->title() << "to" << fileName;
    Q_EMIT recordingChanged(true);
    return true;
}

void Recorder::stop()
{
    if (!m_recording)
        return;
    disconnect(m_eventConnection);
    disconnect(m_exchangeConnection);
    m_flushTimer.stop();
    m_recording = false;
    // Everything handed over so far is written when this returns.
    RecorderWriter *writer = m_writer;
    QMetaObject::invokeMethod(writer, [writer] { writer->close(); }, Qt::BlockingQueuedConnection);
    qCInfo(lcInspector) << "recording stopped:" << m_events << "events," << m_exchanges
                        << "exchanges in" << m_fileName;
    Q_EMIT recordingChanged(false);
}

void Recorder::flush()
{
    if (!m_recording)
        return;
    RecorderWriter *writer = m_writer;
    QMetaObject::invokeMethod(writer, [writer] { writer->flush(); }, Qt::BlockingQueuedConnection);
}

void Recorder::recordEvent(const QtAri::Event &event)
{
    if (!m_recording)
        return;
    const QJsonObject json = event.json();
    // The capture filter (event types window) keeps a type out of recordings too.
    if (m_session && !m_session->isCaptured(json.value("type"_L1).toString()))
        return;
    ++m_events;
    RecorderWriter *writer = m_writer;
    QMetaObject::invokeMethod(writer, [writer, json] { writer->event(json); });
}

QByteArray Recorder::requestLine(const QtAri::Exchange &e, const QString &requestId)
{
    QJsonObject o { { u"type"_s, u"RESTRequest"_s }, { u"request_id"_s, requestId },
        { u"method"_s, QString::fromLatin1(e.request.method) }, { u"uri"_s, uriOf(e.request) } };
    if (!e.request.query.isEmpty())
        o.insert(u"query_strings"_s, queryStrings(e.request.query));
    QByteArray body;
    if (!e.request.body.isEmpty())
        body = addBody(o, "application/json", e.request.body);
    o.insert(u"timestamp"_s, ariTimestamp(e.sentAt));
    addQtAriFields(o, e);
    return lineWith(o, body);
}

QByteArray Recorder::responseLine(const QtAri::Exchange &e, const QString &requestId)
{
    QJsonObject o { { u"type"_s, u"RESTResponse"_s }, { u"request_id"_s, requestId } };
    QByteArray body;
    if (e.result) {
        const QtAri::Response &r = *e.result;
        o.insert(u"status_code"_s, r.status);
        o.insert(u"reason_phrase"_s, reasonPhrase(r.status));
        o.insert(u"uri"_s, uriOf(e.request));
        body = addBody(o, r.contentType, r.body);
    } else {
        o.insert(u"status_code"_s, 0);
        o.insert(u"reason_phrase"_s, QString());
        o.insert(u"uri"_s, uriOf(e.request));
        const QtAri::Error &error = e.result.error();
        const char *kind = QMetaEnum::fromType<QtAri::Error::Kind>().valueToKey(int(error.kind()));
        o.insert(u"qtari_error"_s,
            QJsonObject { { u"kind"_s, QString::fromLatin1(kind ? kind : "Unknown") },
                { u"message"_s, error.message().isEmpty() ? error.toString() : error.message() } });
    }
    o.insert(u"timestamp"_s, ariTimestamp(e.sentAt.addMSecs(e.elapsedNs / 1'000'000)));
    addQtAriFields(o, e);
    return lineWith(o, body);
}

void Recorder::recordExchange(const QtAri::Exchange &exchange)
{
    if (!m_recording)
        return;
    ++m_exchanges;
    const QString id = u"qtari-%1"_s.arg(m_nextRequestId++);
    RecorderWriter *writer = m_writer;
    QMetaObject::invokeMethod(writer, [writer, exchange, id] { writer->exchange(exchange, id); });
}

} // namespace QtAri::Inspector

#include "recorder.moc"
