// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// A hostile server (issue 9, section 4). Each case ends with a typed Error or a logged warning,
// bounded memory, no crash and no hang. Three kinds of server sit on 127.0.0.1 inside the test:
//  - RawHttpServer: answers REST with whatever bytes a case writes (trickles, HTML, redirects,
//    gzip bombs, broken chunked encoding);
//  - FrameInjector: a TCP relay in front of the simulator that, once the event WebSocket is
//    upgraded, writes hand-made WebSocket frames to the client (binary, fragmented, invalid UTF-8,
//    announced sizes no client should accept);
//  - the simulator itself, for raw text frames, the flood and TLS (certificates made for this run
//    by the openssl command; the TLS cases skip without it).
// docs/reliability.md "## Hostile server" lists each case and what the client does.

#include <QtAri/ChannelsApi>
#include <QtAri/Client>
#include <QtAri/HttpTransport>
#include <QtAri/Testing/Simulator>

#include <QtCore/QPointer>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QMutex>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslKey>
#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWebSockets/QWebSocket>

#include <functional>
#include <memory>
#include <unistd.h>
#include <zlib.h>

using namespace Qt::StringLiterals;
using QtAri::Client;
using QtAri::Error;

namespace {

constexpr auto kApp = "hostile-app";

// Every message of the process, for cases that must end with a logged warning.
struct LogLine
{
    QtMsgType type;
    QString category;
    QString text;
};

class LogCapture
{
public:
    static void install() { s_previous = qInstallMessageHandler(&LogCapture::handle); }
    static void clear()
    {
        QMutexLocker lock(&s_mutex);
        s_lines.clear();
    }
    static int count(QtMsgType type, QStringView contains)
    {
        QMutexLocker lock(&s_mutex);
        int n = 0;
        for (const LogLine &line : std::as_const(s_lines))
            n += line.type == type && line.text.contains(contains, Qt::CaseInsensitive);
        return n;
    }
    static int warnings(QStringView category)
    {
        QMutexLocker lock(&s_mutex);
        int n = 0;
        for (const LogLine &line : std::as_const(s_lines))
            n += line.type == QtWarningMsg && line.category.startsWith(category);
        return n;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        {
            QMutexLocker lock(&s_mutex);
            s_lines.append(
                { type, QString::fromLatin1(context.category ? context.category : ""), text });
        }
        if (s_previous)
            s_previous(type, context, text);
    }
    static inline QMutex s_mutex;
    static inline QList<LogLine> s_lines;
    static inline QtMessageHandler s_previous = nullptr;
};

qint64 residentBytes()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * sysconf(_SC_PAGESIZE) : -1;
}

// An HTTP server that hands every request head to the current case's handler, which writes
// whatever it likes to the socket.
class RawHttpServer : public QTcpServer
{
public:
    using Handler = std::function<void(QTcpSocket *socket, const QByteArray &head)>;

    RawHttpServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                serve(socket);
        });
        listen(QHostAddress::LocalHost, 0);
    }
    QUrl url(const QString &host = u"127.0.0.1"_s) const
    {
        return QUrl(u"http://%1:%2"_s.arg(host).arg(serverPort()));
    }

    Handler handler;
    QList<QByteArray> heads; // every request head received, in order

private:
    void serve(QTcpSocket *socket)
    {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            qsizetype end;
            while ((end = buffer->indexOf("\r\n\r\n")) >= 0) {
                const QByteArray head = buffer->left(end + 4);
                buffer->remove(0, end + 4);
                heads.append(head);
                if (handler)
                    handler(socket, head);
            }
        });
    }
};

QByteArray httpHead(int status, const QByteArray &reason, const QByteArrayList &headers)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    for (const QByteArray &header : headers)
        head += header + "\r\n";
    return head + "\r\n";
}

// One WebSocket frame as a server sends it (unmasked). \a announced overrides the length field.
QByteArray wsFrame(quint8 opcode, const QByteArray &payload, bool fin = true, qint64 announced = -1)
{
    QByteArray out;
    out.append(char((fin ? 0x80 : 0x00) | opcode));
    const quint64 length = announced >= 0 ? quint64(announced) : quint64(payload.size());
    if (length < 126) {
        out.append(char(length));
    } else if (length <= 0xffff) {
        out.append(char(126));
        out.append(char(length >> 8));
        out.append(char(length & 0xff));
    } else {
        out.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((length >> shift) & 0xff));
    }
    return out + payload;
}

// Relays TCP to the simulator; once the simulator has answered a WebSocket upgrade on a connection,
// inject() writes bytes to the client on it as if the simulator had sent them.
class FrameInjector : public QTcpServer
{
public:
    explicit FrameInjector(quint16 target) : m_target(target)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *incoming = nextPendingConnection())
                relay(incoming);
        });
        listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(serverPort())); }
    int upgradedCount() const { return int(m_upgraded.size()); }
    void inject(const QByteArray &bytes)
    {
        for (QTcpSocket *socket : std::as_const(m_upgraded))
            socket->write(bytes);
    }

private:
    void relay(QTcpSocket *incoming)
    {
        auto *outgoing = new QTcpSocket(incoming);
        auto head = std::make_shared<QByteArray>();
        connect(incoming, &QTcpSocket::readyRead, outgoing,
            [incoming, outgoing] { outgoing->write(incoming->readAll()); });
        connect(outgoing, &QTcpSocket::readyRead, incoming, [this, incoming, outgoing, head] {
            const QByteArray bytes = outgoing->readAll();
            if (!m_upgraded.contains(incoming) && head->size() < 4096) {
                head->append(bytes);
                if (head->startsWith("HTTP/1.1 101") && head->contains("\r\n\r\n"))
                    m_upgraded.append(incoming);
            }
            incoming->write(bytes);
        });
        connect(incoming, &QTcpSocket::disconnected, this, [this, incoming] {
            m_upgraded.removeAll(incoming);
            incoming->deleteLater();
        });
        connect(outgoing, &QTcpSocket::disconnected, incoming,
            [incoming] { incoming->disconnectFromHost(); });
        outgoing->connectToHost(QHostAddress::LocalHost, m_target);
    }
    quint16 m_target;
    QList<QTcpSocket *> m_upgraded;
};

// A gzip member that inflates to \a inflated zero bytes (about 1/1000 of that on the wire).
QByteArray gzipBomb(qint64 inflated)
{
    z_stream stream {};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY)
        != Z_OK)
        return {};
    const QByteArray zeros(1 << 20, '\0');
    QByteArray out;
    QByteArray chunk(1 << 16, Qt::Uninitialized);
    qint64 fed = 0;
    int flush = Z_NO_FLUSH;
    do {
        if (stream.avail_in == 0 && flush == Z_NO_FLUSH) {
            const qint64 take = std::min<qint64>(zeros.size(), inflated - fed);
            stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(zeros.data()));
            stream.avail_in = uInt(take);
            fed += take;
            if (fed >= inflated)
                flush = Z_FINISH;
        }
        stream.next_out = reinterpret_cast<Bytef *>(chunk.data());
        stream.avail_out = uInt(chunk.size());
        const int rc = deflate(&stream, flush);
        out.append(chunk.constData(), chunk.size() - qsizetype(stream.avail_out));
        if (rc == Z_STREAM_END)
            break;
    } while (true);
    deflateEnd(&stream);
    return out;
}

// What went wrong, for a failure message (empty on success; error() must not be called then).
template <class R> QByteArray failureText(const R &result)
{
    return result.has_value() ? QByteArray() : result.error().toString().toUtf8();
}

template <class Future> bool waitFor(const Future &future, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished() && timer.elapsed() < ms)
        QTest::qWait(10);
    return future.isFinished();
}

} // namespace

class tst_Hostile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();

    // REST
    void trickleTimesOut();
    void htmlBodyIsInvalidResponse();
    void redirectsAreNotFollowed_data();
    void redirectsAreNotFollowed();
    void webSocketRedirectIsNotFollowed();
    void gzipBombIsNotInflated();
    void oversizedBodyIsCutOff_data();
    void oversizedBodyIsCutOff();
    void chunkedGarbage_data();
    void chunkedGarbage();
    void truncatedBodyIsAnError();

    // events
    void frameOverSizeLimit_data();
    void frameOverSizeLimit();
    void deeplyNestedJson_data();
    void deeplyNestedJson();
    void invalidUtf8TextFrame();
    void binaryFramesAreIgnoredWithAWarning();
    void fragmentedFramesAreReassembled();
    void brokenFragmentation();
    void floodStaysInTheKernel();

    // TLS
    void tlsFailures_data();
    void tlsFailures();
    void tlsWithTheCaWorks();
    void tlsVerificationOffWorksWithOneWarning();

private:
    std::unique_ptr<Client> restClient(const QUrl &url, int timeoutMs = 5000);
    std::unique_ptr<Client> eventClient(const QUrl &url);
    bool makeCertificates();
    QSslConfiguration serverTls(const QString &name) const;

    QTemporaryDir m_dir;
    bool m_haveCertificates = false;
    QString m_noCertificates;
    QSslCertificate m_ca;
};

// Connects \a client through \a injector and waits until the injector has seen the upgrade.
bool connectThrough(Client &client, const FrameInjector &injector)
{
    auto future = client.connectToServer();
    return waitFor(future, 10000) && future.result().has_value()
            && QTest::qWaitFor([&injector] { return injector.upgradedCount() == 1; }, 5000);
}

void tst_Hostile::initTestCase()
{
    LogCapture::install();
    QVERIFY(m_dir.isValid());
    m_haveCertificates = makeCertificates();
}

void tst_Hostile::init()
{
    LogCapture::clear();
}

std::unique_ptr<Client> tst_Hostile::restClient(const QUrl &url, int timeoutMs)
{
    auto client = std::make_unique<Client>();
    client->setUrl(url);
    client->setCredentials(u"asterisk"_s, u"asterisk"_s);
    client->setApplicationNames({ QString::fromLatin1(kApp) });
    client->setRequestTimeout(timeoutMs);
    return client;
}

std::unique_ptr<Client> tst_Hostile::eventClient(const QUrl &url)
{
    auto client = std::make_unique<Client>();
    client->setUrl(url);
    client->setCredentials(u"asterisk"_s, u"asterisk"_s);
    client->setApplicationNames({ QString::fromLatin1(kApp) });
    client->setKeepalive(0, 0); // nothing but the frames a case sends crosses the socket
    QtAri::ReconnectPolicy policy = client->reconnectPolicy();
    policy.setInitialDelay(50);
    policy.setMaxDelay(200);
    client->setReconnectPolicy(policy);
    return client;
}

// --- REST ---------------------------------------------------------------------------------------

void tst_Hostile::trickleTimesOut()
{
    // Headers at once, then one byte a second: never a second without progress, so only a bound
    // on the whole response ends it.
    RawHttpServer server;
    server.handler = [](QTcpSocket *socket, const QByteArray &) {
        socket->write(
            httpHead(200, "OK", { "Content-Type: application/json", "Content-Length: 1000" }));
        auto *timer = new QTimer(socket);
        QObject::connect(timer, &QTimer::timeout, socket, [socket] { socket->write(" "); });
        timer->start(1000);
    };
    auto client = restClient(server.url(), 1500);
    QElapsedTimer elapsed;
    elapsed.start();
    auto future = client->channels()->list();
    QVERIFY(waitFor(future, 15000));
    QVERIFY(!future.result().has_value());
    QCOMPARE(future.result().error().kind(), Error::Kind::Timeout);
    QCOMPARE(future.result().error().operation(), u"channels.list"_s);
    QVERIFY2(elapsed.elapsed() < 8000, qPrintable(QString::number(elapsed.elapsed())));
}

void tst_Hostile::htmlBodyIsInvalidResponse()
{
    RawHttpServer server;
    const QByteArray html = "<html><body><h1>Welcome to nginx!</h1></body></html>";
    server.handler = [html](QTcpSocket *socket, const QByteArray &) {
        socket->write(
            httpHead(200, "OK",
                { "Content-Type: text/html", "Content-Length: " + QByteArray::number(html.size()) })
            + html);
    };
    auto client = restClient(server.url());
    auto future = client->channels()->list();
    QVERIFY(waitFor(future, 10000));
    QVERIFY(!future.result().has_value());
    QCOMPARE(future.result().error().kind(), Error::Kind::InvalidResponse);
    QCOMPARE(future.result().error().operation(), u"channels.list"_s);
}

void tst_Hostile::redirectsAreNotFollowed_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("target"); // %1 = the second server's port
    QTest::newRow("302 to another port") << 302 << u"http://127.0.0.1:%1/ari/channels"_s;
    QTest::newRow("301 to another host name") << 301 << u"http://localhost:%1/ari/channels"_s;
    QTest::newRow("307 to another scheme") << 307 << u"https://127.0.0.1:%1/ari/channels"_s;
    QTest::newRow("308 to ws://") << 308 << u"ws://127.0.0.1:%1/ari/channels"_s;
    QTest::newRow("302 same origin") << 302 << u"/ari/elsewhere"_s;
}

void tst_Hostile::redirectsAreNotFollowed()
{
    QFETCH(int, status);
    QFETCH(QString, target);
    RawHttpServer other; // would answer anything with success
    other.handler = [](QTcpSocket *socket, const QByteArray &) {
        socket->write(
            httpHead(200, "OK", { "Content-Type: application/json", "Content-Length: 2" }) + "[]");
    };
    RawHttpServer origin;
    const QByteArray location =
        (target.contains(u"%1"_s) ? target.arg(other.serverPort()) : target).toUtf8();
    origin.handler = [status, location](QTcpSocket *socket, const QByteArray &head) {
        if (head.contains("/ari/elsewhere")) {
            socket->write(
                httpHead(200, "OK", { "Content-Type: application/json", "Content-Length: 2" })
                + "[]");
            return;
        }
        socket->write(httpHead(status, "Moved", { "Location: " + location, "Content-Length: 0" }));
    };
    auto client = restClient(origin.url());
    auto future = client->channels()->list();
    QVERIFY(waitFor(future, 10000));
    QVERIFY(!future.result().has_value());
    const Error error = future.result().error();
    QCOMPARE(error.kind(), Error::Kind::Http);
    QCOMPARE(error.httpStatus(), status);
    QVERIFY2(error.message().contains(u"redirect"_s), qPrintable(error.message()));
    QTest::qWait(100); // give a followed request time to land
    QCOMPARE(origin.heads.size(), 1);
    // Header names are case-insensitive; Qt 6.8 sends them in lower case.
    QVERIFY(origin.heads.first().toLower().contains("authorization: basic "));
    QVERIFY2(other.heads.isEmpty(), other.heads.isEmpty() ? "" : other.heads.first().constData());
}

void tst_Hostile::webSocketRedirectIsNotFollowed()
{
    RawHttpServer other;
    other.handler = [](QTcpSocket *socket, const QByteArray &) { socket->abort(); };
    RawHttpServer origin;
    const QByteArray location =
        "http://127.0.0.1:" + QByteArray::number(other.serverPort()) + "/ari/events?app=" + kApp;
    origin.handler = [location](QTcpSocket *socket, const QByteArray &) {
        socket->write(httpHead(302, "Found", { "Location: " + location, "Content-Length: 0" }));
    };
    auto client = restClient(origin.url());
    auto future = client->connectToServer();
    QVERIFY(waitFor(future, 10000));
    QVERIFY(!future.result().has_value());
    // The handshake fails (Network); the client then asks REST why and reports that answer.
    const Error error = future.result().error();
    QVERIFY2(error.kind() == Error::Kind::Network
            || (error.kind() == Error::Kind::Http && error.httpStatus() == 302),
        qPrintable(error.toString()));
    QCOMPARE(client->state(), Client::State::Disconnected);
    QTest::qWait(100);
    QVERIFY(!origin.heads.isEmpty());
    QVERIFY(other.heads.isEmpty());
}

void tst_Hostile::gzipBombIsNotInflated()
{
    constexpr qint64 inflated = qint64(2) << 30; // 2 GiB of zeros
    const QByteArray bomb = gzipBomb(inflated);
    QVERIFY(!bomb.isEmpty());
    QVERIFY2(bomb.size() < 4 * 1024 * 1024, qPrintable(QString::number(bomb.size())));
    RawHttpServer server;
    server.handler = [&bomb](QTcpSocket *socket, const QByteArray &) {
        socket->write(httpHead(200, "OK",
                          { "Content-Type: application/json", "Content-Encoding: gzip",
                              "Content-Length: " + QByteArray::number(bomb.size()) })
            + bomb);
    };
    auto client = restClient(server.url());
    const qint64 before = residentBytes();
    auto future = client->channels()->list();
    QVERIFY(waitFor(future, 30000));
    const qint64 growth = residentBytes() - before;
    QVERIFY(!future.result().has_value());
    QCOMPARE(future.result().error().kind(), Error::Kind::InvalidResponse);
    QVERIFY2(future.result().error().message().contains(u"gzip"_s),
        qPrintable(future.result().error().message()));
    QCOMPARE(server.heads.size(), 1);
    QVERIFY2(server.heads.first().toLower().contains("accept-encoding: identity"),
        server.heads.first().constData());
    QVERIFY2(growth < 256 * 1024 * 1024, qPrintable(QString::number(growth)));
}

void tst_Hostile::oversizedBodyIsCutOff_data()
{
    QTest::addColumn<bool>("announced");
    QTest::newRow("Content-Length over the bound") << true;
    QTest::newRow("chunked, no length") << false;
}

void tst_Hostile::oversizedBodyIsCutOff()
{
    QFETCH(bool, announced);
    RawHttpServer server;
    server.handler = [announced](QTcpSocket *socket, const QByteArray &) {
        if (announced) {
            socket->write(httpHead(
                200, "OK", { "Content-Type: application/json", "Content-Length: 10000000000" }));
            socket->write(QByteArray(64 * 1024, '['));
            return;
        }
        socket->write(httpHead(
            200, "OK", { "Content-Type: application/json", "Transfer-Encoding: chunked" }));
        // 8 MiB in 64 KiB chunks, written as the socket drains.
        auto sent = std::make_shared<int>(0);
        auto more = [socket, sent] {
            while (*sent < 128 && socket->bytesToWrite() < 256 * 1024) {
                socket->write("10000\r\n" + QByteArray(0x10000, '[') + "\r\n");
                ++*sent;
            }
        };
        QObject::connect(socket, &QTcpSocket::bytesWritten, socket, more);
        more();
    };
    auto client = restClient(server.url());
    auto *transport = client->findChild<QtAri::HttpTransport *>();
    QVERIFY(transport);
    QCOMPARE(transport->maxResponseSize(), qint64(256) * 1024 * 1024);
    transport->setMaxResponseSize(1024 * 1024);
    auto future = client->channels()->list();
    QVERIFY(waitFor(future, 10000));
    QVERIFY(!future.result().has_value());
    QCOMPARE(future.result().error().kind(), Error::Kind::InvalidResponse);
    QVERIFY2(future.result().error().message().contains(u"larger than 1048576"_s),
        qPrintable(future.result().error().message()));
    QCOMPARE(transport->pendingCount(), 0);
}

void tst_Hostile::chunkedGarbage_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("close"); // the server closes after the body
    QTest::newRow("chunk size not hex") << QByteArray("zz\r\n[]\r\n0\r\n\r\n") << false;
    QTest::newRow("chunk size 2^64-1") << QByteArray("ffffffffffffffff\r\n[]") << true;
    QTest::newRow("chunk longer than announced")
        << QByteArray("1\r\n[\"abc\"]\r\n0\r\n\r\n") << false;
    QTest::newRow("connection closes in a chunk") << QByteArray("10\r\n[1,2") << true;
    static const char noise[] = "\x01\xff\r\n\x00\x00\r\n\xfe";
    QTest::newRow("binary noise") << QByteArray(noise, sizeof(noise) - 1) << true;
}

void tst_Hostile::chunkedGarbage()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, close);
    RawHttpServer server;
    server.handler = [body, close](QTcpSocket *socket, const QByteArray &) {
        socket->write(
            httpHead(200, "OK", { "Content-Type: application/json", "Transfer-Encoding: chunked" })
            + body);
        if (close)
            socket->disconnectFromHost();
    };
    auto client = restClient(server.url(), 2000);
    auto future = client->channels()->list();
    QVERIFY(waitFor(future, 10000));
    QVERIFY(!future.result().has_value());
    const Error error = future.result().error();
    qInfo() << error;
    QVERIFY2(error.kind() == Error::Kind::Network || error.kind() == Error::Kind::InvalidResponse,
        qPrintable(error.toString()));
    QCOMPARE(error.operation(), u"channels.list"_s);
}

void tst_Hostile::truncatedBodyIsAnError()
{
    // "[]" is valid JSON, but the server announced 100 bytes and closed after 2: the answer is
    // broken, not an empty list.
    RawHttpServer server;
    server.handler = [](QTcpSocket *socket, const QByteArray &) {
        socket->write(
            httpHead(200, "OK", { "Content-Type: application/json", "Content-Length: 100" })
            + "[]");
        socket->disconnectFromHost();
    };
    auto client = restClient(server.url());
    auto future = client->channels()->list();
    QVERIFY(waitFor(future, 10000));
    QVERIFY(!future.result().has_value());
    QCOMPARE(future.result().error().kind(), Error::Kind::Network);
    QVERIFY2(future.result().error().message().contains(u"broken HTTP 200"_s),
        qPrintable(future.result().error().message()));
}

// --- events -------------------------------------------------------------------------------------

void tst_Hostile::frameOverSizeLimit_data()
{
    QTest::addColumn<QByteArray>("frames");
    QTest::newRow("one text frame announcing 1 GiB")
        << wsFrame(0x1, QByteArray(1024, ' '), true, qint64(1) << 30);
    QTest::newRow("one frame announcing 2^63-1 bytes")
        << wsFrame(0x1, QByteArray(16, ' '), true, std::numeric_limits<qint64>::max());
    QTest::newRow("a 48 MiB frame that never arrives")
        << wsFrame(0x1, QByteArray(16, ' '), false, qint64(48) << 20);
}

void tst_Hostile::frameOverSizeLimit()
{
    // The limit is 64 MiB per message and per frame; the frame header gives the size away before
    // any payload is buffered, so these cases cost nothing to receive.
    QFETCH(QByteArray, frames);
    QtAri::Testing::Simulator sim;
    QVERIFY(sim.start());
    FrameInjector injector(sim.port());
    auto client = eventClient(injector.url());
    QSignalSpy reconnecting(client.get(), &Client::reconnecting);
    QVERIFY(connectThrough(*client, injector));

    const qint64 before = residentBytes();
    injector.inject(frames);
    QTRY_VERIFY_WITH_TIMEOUT(reconnecting.size() >= 1, 10000);
    QVERIFY(LogCapture::count(QtWarningMsg, u"event socket lost") >= 1);
    QVERIFY2(residentBytes() - before < 32 * 1024 * 1024,
        qPrintable(QString::number(residentBytes() - before)));
    // The client comes back on a fresh socket and works.
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Connected, 15000);
    QSignalSpy started(client.get(), &Client::stasisStarted);
    sim.startCall(QString::fromLatin1(kApp));
    QTRY_COMPARE(started.size(), 1);
}

void tst_Hostile::deeplyNestedJson_data()
{
    QTest::addColumn<QByteArray>("frame");
    constexpr int depth = 100000;
    QTest::newRow("arrays") << QByteArray(depth, '[') + QByteArray(depth, ']');
    QByteArray objects;
    objects.reserve(depth * 6 + 16);
    for (int i = 0; i < depth; ++i)
        objects += "{\"a\":";
    objects += "1";
    objects += QByteArray(depth, '}');
    QTest::newRow("objects") << objects;
    QTest::newRow("unterminated") << QByteArray(depth, '[');
    QByteArray event = "{\"type\":\"ChannelVarset\",\"variable\":\"x\",\"value\":";
    event += QByteArray(depth, '[') + QByteArray(depth, ']') + "}";
    QTest::newRow("inside an event") << event;
}

void tst_Hostile::deeplyNestedJson()
{
    QFETCH(QByteArray, frame);
    QtAri::Testing::Simulator sim;
    QVERIFY(sim.start());
    auto client = eventClient(sim.url());
    auto future = client->connectToServer();
    QVERIFY(waitFor(future, 10000));
    QVERIFY(future.result().has_value());
    QSignalSpy errors(client.get(), &Client::errorOccurred);
    QSignalSpy reconnecting(client.get(), &Client::reconnecting);
    sim.sendRawFrame(frame);
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 10000);
    QCOMPARE(errors.at(0).at(0).value<Error>().kind(), Error::Kind::InvalidResponse);
    QVERIFY(LogCapture::warnings(u"qtari.events") >= 1);
    // Still the same connection, still working.
    QSignalSpy started(client.get(), &Client::stasisStarted);
    sim.startCall(QString::fromLatin1(kApp));
    QTRY_COMPARE(started.size(), 1);
    QCOMPARE(reconnecting.size(), 0);
    QCOMPARE(client->state(), Client::State::Connected);
}

void tst_Hostile::invalidUtf8TextFrame()
{
    // RFC 6455: a text frame that is not UTF-8 fails the connection (1007).
    QtAri::Testing::Simulator sim;
    QVERIFY(sim.start());
    FrameInjector injector(sim.port());
    auto client = eventClient(injector.url());
    QSignalSpy reconnecting(client.get(), &Client::reconnecting);
    QVERIFY(connectThrough(*client, injector));
    injector.inject(wsFrame(0x1, QByteArray("{\"type\":\"\xff\xfe\xc0\xaf\"}")));
    QTRY_VERIFY_WITH_TIMEOUT(reconnecting.size() >= 1, 10000);
    QVERIFY(LogCapture::count(QtWarningMsg, u"1007") >= 1);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Connected, 15000);
}

void tst_Hostile::binaryFramesAreIgnoredWithAWarning()
{
    QtAri::Testing::Simulator sim;
    QVERIFY(sim.start());
    FrameInjector injector(sim.port());
    auto client = eventClient(injector.url());
    QVERIFY(connectThrough(*client, injector));
    QSignalSpy events(client.get(), &Client::eventReceived);
    QSignalSpy reconnecting(client.get(), &Client::reconnecting);
    // A binary message that would be a valid event as text, many times over, fragmented once.
    const QByteArray json = R"({"type":"HostileBinary"})";
    QByteArray frames;
    for (int i = 0; i < 100; ++i)
        frames += wsFrame(0x2, json);
    frames += wsFrame(0x2, json.left(10), false) + wsFrame(0x0, json.mid(10));
    injector.inject(frames);
    QTRY_COMPARE(LogCapture::count(QtWarningMsg, u"binary WebSocket message"), 1);
    QTest::qWait(200);
    QCOMPARE(LogCapture::count(QtWarningMsg, u"binary WebSocket message"), 1); // not 101
    QCOMPARE(events.size(), 0);
    QCOMPARE(reconnecting.size(), 0);
    // Text still flows on the same connection.
    injector.inject(wsFrame(0x1, R"({"type":"HostileText"})"));
    QTRY_COMPARE(events.size(), 1);
    QCOMPARE(events.at(0).at(0).value<QtAri::Event>().typeName(), u"HostileText"_s);
}

void tst_Hostile::fragmentedFramesAreReassembled()
{
    QtAri::Testing::Simulator sim;
    QVERIFY(sim.start());
    FrameInjector injector(sim.port());
    auto client = eventClient(injector.url());
    QSignalSpy reconnecting(client.get(), &Client::reconnecting);
    QVERIFY(connectThrough(*client, injector));
    QSignalSpy events(client.get(), &Client::eventReceived);
    QSignalSpy errors(client.get(), &Client::errorOccurred);
    // An unknown event split into 1-byte fragments, with a ping between two of them (control frames
    // may interleave).
    auto fragmented = [](const QByteArray &json) {
        QByteArray frames = wsFrame(0x1, json.left(1), false);
        for (qsizetype i = 1; i < json.size(); ++i) {
            if (i == 5)
                frames += wsFrame(0x9, "ping");
            frames += wsFrame(0x0, json.mid(i, 1), i == json.size() - 1);
        }
        return frames;
    };
    injector.inject(fragmented(R"({"type":"HostileFragmented","text":"plain"})"));
    QTRY_COMPARE(events.size(), 1);
    auto event = events.at(0).at(0).value<QtAri::Event>();
    QCOMPARE(event.typeName(), u"HostileFragmented"_s);
    QCOMPARE(event.json().value(u"text"_s).toString(), u"plain"_s);
    QCOMPARE(errors.size(), 0);
    QCOMPARE(reconnecting.size(), 0);

    // A UTF-8 character split across two fragments is valid WebSocket. Qt 6.4 checks UTF-8 per
    // fragment and fails the connection with 1007; either way the client must end up working.
    injector.inject(fragmented(R"({"type":"HostileFragmented","text":"grüße"})"));
    QTRY_VERIFY_WITH_TIMEOUT(events.size() == 2 || !reconnecting.isEmpty(), 10000);
    if (events.size() == 2) {
        event = events.at(1).at(0).value<QtAri::Event>();
        QCOMPARE(event.json().value(u"text"_s).toString(), u"grüße"_s);
    } else {
        qInfo(
            "a code point split across fragments failed the socket (1007); the client reconnects");
        QVERIFY(LogCapture::count(QtWarningMsg, u"1007") >= 1);
    }
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Connected, 15000);
}

void tst_Hostile::brokenFragmentation()
{
    // A continuation with nothing to continue, then a new message while one is open: protocol
    // errors (1002) that end the connection; the client reconnects.
    QtAri::Testing::Simulator sim;
    QVERIFY(sim.start());
    FrameInjector injector(sim.port());
    auto client = eventClient(injector.url());
    QSignalSpy reconnecting(client.get(), &Client::reconnecting);
    QVERIFY(connectThrough(*client, injector));
    injector.inject(wsFrame(0x0, "{}"));
    QTRY_VERIFY_WITH_TIMEOUT(reconnecting.size() >= 1, 10000);
    QVERIFY(LogCapture::count(QtWarningMsg, u"event socket lost") >= 1);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Connected, 15000);
    QTRY_COMPARE(injector.upgradedCount(), 1);
    injector.inject(wsFrame(0x1, "{", false) + wsFrame(0x1, "{}"));
    QTRY_VERIFY_WITH_TIMEOUT(reconnecting.size() >= 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Connected, 15000);
}

void tst_Hostile::floodStaysInTheKernel()
{
    // The simulator sends as fast as it can; the application takes 200 µs per event. The client's
    // socket buffer must stay near its 256 KiB read-ahead (TCP flow control holds the rest back),
    // and every event still arrives, in order.
    constexpr int events = 6000;
    QtAri::Testing::Simulator sim;
    sim.setFlood(events, 500, 0);
    QVERIFY(sim.start());
    auto client = eventClient(sim.url());
    qint64 maxBuffered = 0;
    int received = 0;
    bool done = false;
    QPointer<QTcpSocket> tcp;
    connect(client.get(), &Client::eventReceived, this, [&](const QtAri::Event &) {
        ++received;
        // (found again if a reconnect replaced the socket)
        if (!tcp || tcp->state() != QAbstractSocket::ConnectedState) {
            if (auto *ws = client->findChild<QWebSocket *>())
                tcp = ws->findChild<QTcpSocket *>();
        }
        if (tcp)
            maxBuffered = std::max(maxBuffered, tcp->bytesAvailable());
        QThread::usleep(200);
    });
    connect(client.get(), &Client::channelUserEvent, this,
        [&](const QString &name) { done = done || name == u"BenchDone"; });
    auto future = client->connectToServer();
    QVERIFY(waitFor(future, 10000));
    QVERIFY(future.result().has_value());
    QTRY_VERIFY_WITH_TIMEOUT(done, 100000);
    QCOMPARE(received, events + 1);
    QVERIFY(tcp);
    qInfo() << "largest socket backlog seen by the client:" << maxBuffered << "bytes";
    QVERIFY2(maxBuffered >= 64 * 1024, "the flood never got ahead of the application");
    QVERIFY2(maxBuffered <= 512 * 1024, qPrintable(QString::number(maxBuffered)));
}

// --- TLS ----------------------------------------------------------------------------------------

bool tst_Hostile::makeCertificates()
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (!QSslSocket::supportsSsl() || openssl.isEmpty()) {
        m_noCertificates = u"TLS cases need a TLS backend and the openssl command"_s;
        return false;
    }
    auto run = [&](const QStringList &arguments) {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(openssl, arguments);
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            m_noCertificates = u"openssl %1 failed: %2"_s.arg(
                arguments.join(u' '), QString::fromLocal8Bit(process.readAllStandardError()));
            return false;
        }
        return true;
    };
    const QStringList ec { u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
        u"-nodes"_s };
    if (!run(QStringList { u"req"_s, u"-x509"_s } + ec
            + QStringList { u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=QtAri hostile test CA"_s,
                u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s, u"-addext"_s,
                u"keyUsage=critical,keyCertSign,cRLSign"_s, u"-keyout"_s, u"ca.key"_s, u"-out"_s,
                u"ca.pem"_s }))
        return false;
    // name, subject alternative name, validity in days (-1: expired yesterday)
    const struct
    {
        QString name;
        QString san;
        QString days;
    } leaves[] = { { u"good"_s, u"IP:127.0.0.1"_s, u"2"_s },
        { u"expired"_s, u"IP:127.0.0.1"_s, u"-1"_s },
        { u"wronghost"_s, u"DNS:pbx.example.com"_s, u"2"_s } };
    for (const auto &leaf : leaves) {
        QFile ext(m_dir.filePath(leaf.name + u".ext"_s));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write("subjectAltName=" + leaf.san.toLatin1() + "\n");
        ext.close();
        if (!run(QStringList { u"req"_s, u"-new"_s } + ec
                + QStringList { u"-subj"_s, u"/CN=QtAri hostile "_s + leaf.name, u"-keyout"_s,
                    leaf.name + u".key"_s, u"-out"_s, leaf.name + u".csr"_s })
            || !run({ u"x509"_s, u"-req"_s, u"-in"_s, leaf.name + u".csr"_s, u"-CA"_s, u"ca.pem"_s,
                u"-CAkey"_s, u"ca.key"_s, u"-CAcreateserial"_s, u"-days"_s, leaf.days,
                u"-extfile"_s, leaf.name + u".ext"_s, u"-out"_s, leaf.name + u".pem"_s }))
            return false;
    }
    const auto cas = QSslCertificate::fromPath(m_dir.filePath(u"ca.pem"_s));
    if (cas.size() != 1)
        return false;
    m_ca = cas.first();
    return true;
}

QSslConfiguration tst_Hostile::serverTls(const QString &name) const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    const auto certificates = QSslCertificate::fromPath(m_dir.filePath(name + u".pem"_s));
    if (!certificates.isEmpty())
        configuration.setLocalCertificate(certificates.first());
    QFile keyFile(m_dir.filePath(name + u".key"_s));
    if (keyFile.open(QIODevice::ReadOnly))
        configuration.setPrivateKey(QSslKey(&keyFile, QSsl::Ec));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

void tst_Hostile::tlsFailures_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<bool>("addCa");
    QTest::addColumn<QString>("problem"); // a word Qt's TLS error text holds
    QTest::newRow("expired") << u"expired"_s << true << u"expired"_s;
    QTest::newRow("wrong host name") << u"wronghost"_s << true << u"host name"_s;
    QTest::newRow("unknown CA") << u"good"_s << false << u"issuer"_s;
}

void tst_Hostile::tlsFailures()
{
    if (!m_haveCertificates)
        QSKIP(qPrintable(m_noCertificates));
    QFETCH(QString, certificate);
    QFETCH(bool, addCa);
    QFETCH(QString, problem);
    QtAri::Testing::Simulator sim;
    sim.setTlsConfiguration(serverTls(certificate));
    QVERIFY(sim.start());
    QVERIFY(sim.url().scheme() == u"https");
    auto client = restClient(sim.url(), 30000); // failures must come from TLS, not a timeout
    if (addCa)
        client->addCaCertificates({ m_ca });

    auto future = client->connectToServer();
    QVERIFY(waitFor(future, 15000));
    QVERIFY(!future.result().has_value());
    Error error = future.result().error();
    QCOMPARE(error.kind(), Error::Kind::Network);
    QVERIFY2(error.message().contains(u"TLS"_s), qPrintable(error.message()));
    QVERIFY2(error.message().contains(problem, Qt::CaseInsensitive), qPrintable(error.message()));
    QCOMPARE(sim.webSocketCount(), 0);

    auto list = client->channels()->list();
    QVERIFY(waitFor(list, 15000));
    QVERIFY(!list.result().has_value());
    error = list.result().error();
    QCOMPARE(error.kind(), Error::Kind::Network);
    QVERIFY2(error.message().contains(u"TLS"_s), qPrintable(error.message()));
    QVERIFY2(error.message().contains(problem, Qt::CaseInsensitive), qPrintable(error.message()));
}

void tst_Hostile::tlsWithTheCaWorks()
{
    if (!m_haveCertificates)
        QSKIP(qPrintable(m_noCertificates));
    QtAri::Testing::Simulator sim;
    sim.setTlsConfiguration(serverTls(u"good"_s));
    QVERIFY(sim.start());
    auto client = restClient(sim.url(), 30000);
    client->addCaCertificates({ m_ca });
    auto future = client->connectToServer();
    QVERIFY(waitFor(future, 15000));
    QVERIFY2(future.result().has_value(), failureText(future.result()).constData());
    auto list = client->channels()->list();
    QVERIFY(waitFor(list, 15000));
    QVERIFY(list.result().has_value());
    QCOMPARE(LogCapture::count(QtWarningMsg, u"verification"), 0);
}

void tst_Hostile::tlsVerificationOffWorksWithOneWarning()
{
    if (!m_haveCertificates)
        QSKIP(qPrintable(m_noCertificates));
    QtAri::Testing::Simulator sim;
    sim.setTlsConfiguration(serverTls(u"expired"_s)); // expired and from an unknown CA
    QVERIFY(sim.start());
    auto client = restClient(sim.url(), 30000);
    client->setVerifyPeer(false);
    auto future = client->connectToServer();
    QVERIFY(waitFor(future, 15000));
    QVERIFY2(future.result().has_value(), failureText(future.result()).constData());
    for (int i = 0; i < 3; ++i) {
        auto list = client->channels()->list();
        QVERIFY(waitFor(list, 15000));
        QVERIFY(list.result().has_value());
    }
    QCOMPARE(LogCapture::count(QtWarningMsg, u"verification is switched off"), 1);
}

QTEST_GUILESS_MAIN(tst_Hostile)
#include "tst_hostile.moc"
