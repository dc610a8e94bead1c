// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
//
// qtari-bench-rawws: the ceilings the QtAri client is compared with, on a flood server
// (../shared/BENCH-PROTOCOL.md). No QtAri code is involved.
//   --measure parse        QWebSocket text frame -> QString -> QJsonDocument (the plain Qt path)
//   --measure frames-parse WebSocket frames read straight off a QTcpSocket -> QJsonDocument on the
//   bytes
//                          (what a client gains by skipping QWebSocket's QString round trip)
//   --measure frames       frames only counted, never parsed: the flood server's own send rate
// Each prints one JSON line: events, events_per_s, cpu_us_per_event, rss_mb, verified.

#include "benchutil.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkRequest>
#include <QtNetwork/QTcpSocket>
#include <QtWebSockets/QWebSocket>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace QtAri::Bench;

namespace {

struct Tally
{
    QHash<QString, qint64> seen;
    qint64 total = 0;
    QElapsedTimer clock;
    double cpuFirst = 0;
    double seconds = 0;
    double cpu = 0;
    bool done = false;

    void first()
    {
        if (!clock.isValid()) {
            clock.start();
            cpuFirst = cpuMicros();
        }
    }
    void finish()
    {
        seconds = double(clock.nsecsElapsed()) / 1e9;
        cpu = cpuMicros() - cpuFirst;
        done = true;
        QCoreApplication::quit();
    }
    // Counts one decoded event; true for the sentinel.
    bool count(const QJsonObject &event)
    {
        const QString type = event.value("type"_L1).toString();
        if (isSentinel(type, event.value("eventname"_L1).toString()))
            return true;
        ++seen[type];
        ++total;
        return false;
    }
};

// A minimal RFC 6455 client over QTcpSocket: upgrade request, then unmasked server frames.
class RawFrameReader : public QObject
{
public:
    RawFrameReader(
        const QUrl &url, const QByteArray &authorization, bool parse, qint64 expected, Tally *tally)
        : m_parse(parse), m_expected(expected), m_tally(tally)
    {
        m_socket.setReadBufferSize(0);
        connect(&m_socket, &QTcpSocket::connected, this, [this, url, authorization] {
            QByteArray request = "GET " + url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority)
                + " HTTP/1.1\r\nHost: " + url.host().toUtf8() + ':' + QByteArray::number(url.port())
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: cXRhcmktYmVuY2gtd3MxNg==\r\nSec-WebSocket-Version: 13\r\n"
                  "Authorization: "
                + authorization + "\r\n\r\n";
            m_socket.write(request);
        });
        connect(&m_socket, &QTcpSocket::readyRead, this, &RawFrameReader::onReadyRead);
        connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] {
            if (!m_tally->done) {
                m_error = m_socket.errorString();
                QCoreApplication::quit();
            }
        });
        m_socket.connectToHost(url.host(), quint16(url.port()));
    }
    QString error() const { return m_error; }
    bool lastWasSentinel() const { return m_lastWasSentinel; }

private:
    void onReadyRead()
    {
        m_buffer.append(m_socket.readAll());
        qsizetype pos = 0;
        if (!m_upgraded) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            if (!m_buffer.startsWith("HTTP/1.1 101")) {
                m_error = QString::fromUtf8(m_buffer.left(end));
                QCoreApplication::quit();
                return;
            }
            m_upgraded = true;
            pos = end + 4;
        }
        const auto *data = reinterpret_cast<const uchar *>(m_buffer.constData());
        const qsizetype size = m_buffer.size();
        while (size - pos >= 2) {
            const uchar b0 = data[pos];
            const uchar b1 = data[pos + 1];
            quint64 length = b1 & 0x7f;
            qsizetype header = 2;
            if (length == 126) {
                if (size - pos < 4)
                    break;
                length = (quint64(data[pos + 2]) << 8) | data[pos + 3];
                header = 4;
            } else if (length == 127) {
                if (size - pos < 10)
                    break;
                length = 0;
                for (int i = 0; i < 8; ++i)
                    length = (length << 8) | data[pos + 2 + i];
                header = 10;
            }
            if (b1 & 0x80)
                header += 4; // a masked server frame would be a protocol error; skip the key anyway
            if (quint64(size - pos - header) < length)
                break;
            const qsizetype payload = pos + header;
            pos = payload + qsizetype(length);
            const int opcode = b0 & 0x0f;
            if (opcode == 0x8) { // close
                QCoreApplication::quit();
                return;
            }
            if (opcode != 0x1 && opcode != 0x0)
                continue; // pings and binary frames are not events
            // Text messages may come in fragments; a message ends with FIN.
            if (!(b0 & 0x80)) {
                m_fragment.append(m_buffer.constData() + payload, qsizetype(length));
                continue;
            }
            QByteArrayView message(m_buffer.constData() + payload, qsizetype(length));
            if (!m_fragment.isEmpty()) {
                m_fragment.append(message);
                message = m_fragment;
            }
            onMessage(message);
            m_fragment.clear();
            if (m_tally->done)
                return;
        }
        m_buffer.remove(0, pos);
    }

    void onMessage(QByteArrayView message)
    {
        m_tally->first();
        if (m_parse) {
            const QJsonDocument document = QJsonDocument::fromJson(message.toByteArray());
            if (m_tally->count(document.object())) {
                m_lastWasSentinel = true;
                m_tally->finish();
            }
            return;
        }
        // Counting only: the sentinel is the frame after the N events.
        if (m_tally->total == m_expected) {
            m_lastWasSentinel = message.contains("BenchDone");
            m_tally->finish();
            return;
        }
        ++m_tally->total;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_fragment;
    QString m_error;
    bool m_upgraded = false;
    bool m_parse;
    bool m_lastWasSentinel = false;
    qint64 m_expected;
    Tally *m_tally;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Raw WebSocket ceilings on a flood server (no QtAri code)"_s);
    parser.addHelpOption();
    parser.addOption(
        { u"measure"_s, u"parse | frames-parse | frames"_s, u"measure"_s, u"parse"_s });
    parser.addOption({ u"url"_s, u"Server base URL"_s, u"url"_s, u"http://127.0.0.1:8088"_s });
    parser.addOption({ u"user"_s, u"ARI user"_s, u"user"_s, u"asterisk"_s });
    parser.addOption({ u"pass"_s, u"ARI password"_s, u"pass"_s, u"asterisk"_s });
    parser.addOption({ u"app"_s, u"Stasis application name"_s, u"app"_s, u"bench"_s });
    parser.addOption({ u"timeout"_s, u"Give up after this many seconds"_s, u"s"_s, u"600"_s });
    parser.process(app);

    const QString measure = parser.value(u"measure"_s);
    const QUrl base = baseUrl(parser.value(u"url"_s));
    const QUrl url = eventsUrl(base, parser.value(u"app"_s));
    const QByteArray authorization = basicAuth(parser.value(u"user"_s), parser.value(u"pass"_s));
    const QString client = u"qt-rawws"_s;

    const FloodInfo info = fetchFloodInfo(base);
    if (!info.error.isEmpty()) {
        printResult(client, measure, { { u"error"_s, info.error } });
        return 1;
    }

    Tally tally;
    QString error;
    bool sentinelSeen = false;
    QTimer::singleShot(parser.value(u"timeout"_s).toInt() * 1000, &app, [&] {
        error = u"flood did not finish (%1 events)"_s.arg(tally.total);
        QCoreApplication::quit();
    });

    if (measure == u"parse") {
        QWebSocket socket;
        QObject::connect(
            &socket, &QWebSocket::textMessageReceived, &app, [&](const QString &message) {
                tally.first();
                if (tally.count(QJsonDocument::fromJson(message.toUtf8()).object())) {
                    sentinelSeen = true;
                    tally.finish();
                }
            });
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
        const auto errorSignal = &QWebSocket::errorOccurred;
#else
        const auto errorSignal = qOverload<QAbstractSocket::SocketError>(&QWebSocket::error);
#endif
        QObject::connect(&socket, errorSignal, &app, [&] {
            error = socket.errorString();
            QCoreApplication::quit();
        });
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", authorization);
        socket.open(request);
        app.exec();
        socket.abort();
    } else if (measure == u"frames-parse" || measure == u"frames") {
        RawFrameReader reader(url, authorization, measure == u"frames-parse", info.events, &tally);
        app.exec();
        if (error.isEmpty())
            error = reader.error();
        sentinelSeen = reader.lastWasSentinel();
    } else {
        printResult(client, measure, { { u"error"_s, u"unknown measure"_s } });
        return 2;
    }

    if (!tally.done) {
        printResult(client, measure, { { u"error"_s, error.isEmpty() ? u"no flood"_s : error } });
        return 1;
    }
    bool verified = sentinelSeen && tally.total == info.events;
    if (measure != u"frames") {
        for (auto it = info.counts.cbegin(); it != info.counts.cend(); ++it)
            verified = verified && tally.seen.value(it.key()) == it.value();
        for (auto it = tally.seen.cbegin(); it != tally.seen.cend(); ++it)
            verified = verified && info.counts.value(it.key()) == it.value();
    }
    printResult(client, measure,
        { { u"events"_s, tally.total },
            { u"events_per_s"_s, qRound64(double(tally.total) / tally.seconds) },
            { u"cpu_us_per_event"_s, rounded(tally.cpu / double(tally.total)) },
            { u"rss_mb"_s, rounded(peakRssMb(), 1) }, { u"verified"_s, verified } });
    return verified ? 0 : 1;
}
