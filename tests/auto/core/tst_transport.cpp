// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// HttpTransport against a minimal in-test HTTP server that records the raw request bytes.

#include <QtAri/HttpTransport>

#include <QtCore/QPointer>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct RawRequest
{
    QByteArray requestLine;
    QList<QByteArray> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : headers) {
            const int colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

// Answers each request with the configured status and body, or never (silent = true).
class MiniHttpServer : public QTcpServer
{
public:
    MiniHttpServer() { listen(QHostAddress::LocalHost, 0); }

    QList<RawRequest> requests;
    int connections = 0;
    bool silent = false;
    int status = 200;
    QByteArray body = "[]";

protected:
    void incomingConnection(qintptr handle) override
    {
        ++connections;
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            for (;;) {
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                RawRequest request;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                request.requestLine = lines.value(0).trimmed();
                for (qsizetype i = 1; i < lines.size(); ++i)
                    request.headers.append(lines.at(i).trimmed());
                const qsizetype length = request.header("content-length").toLongLong();
                if (buffer->size() < end + 4 + length)
                    return;
                request.body = buffer->mid(end + 4, length);
                buffer->remove(0, end + 4 + length);
                requests.append(request);
                if (silent)
                    continue;
                const QByteArray reason = status < 300 ? "OK" : "Error";
                socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                              + "\r\nContent-Type: application/json\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            }
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
};

QUrl serverUrl(const MiniHttpServer &server, const QString &prefix = {})
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(server.serverPort()).arg(prefix));
}

QtAri::Request get(const QByteArray &path, const QByteArray &query = {})
{
    return QtAri::Request { "GET", path, query, {}, u"test.get"_s };
}

} // namespace

class tst_Transport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pathsReachTheServerUnchanged_data();
    void pathsReachTheServerUnchanged();
    void pathPrefixIsRespected_data();
    void pathPrefixIsRespected();
    void credentialsTravelInHeaderOnly();
    void bodyAndMethodAreSent();
    void httpErrorsAreResponses();
    void unreachablePortFailsWithNetwork();
    void silentServerTimesOut();
    void hundredPendingOnDeadServerAllFinish();
    void connectionsFollowDemandUpToTheBound();
    void abortAllFinishesEveryFutureOnce();
    void destroyingTransportAbortsPending();
    void noBaseUrlIsNotConnected();
};

void tst_Transport::pathsReachTheServerUnchanged_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::newRow("slash") << QByteArray("/channels/a%2Fb") << QByteArray();
    QTest::newRow("question") << QByteArray("/channels/a%3Fb/answer") << QByteArray();
    QTest::newRow("hash") << QByteArray("/channels/a%23b") << QByteArray();
    QTest::newRow("percent") << QByteArray("/channels/100%25") << QByteArray();
    QTest::newRow("dotdot") << QByteArray("/channels/%2E%2E%2Fasterisk") << QByteArray();
    QTest::newRow("unicode") << QByteArray("/channels/%C3%A9t%C3%A9") << QByteArray();
    QTest::newRow("query") << QByteArray("/channels") << QByteArray("app=a%26b&channel=x%2Cy%23");
}

void tst_Transport::pathsReachTheServerUnchanged()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    MiniHttpServer server;
    QtAri::HttpTransport transport;
    transport.setBaseUrl(serverUrl(server));
    auto future = transport.send(get(path, query));
    QTRY_VERIFY(future.isFinished());
    QVERIFY(future.result().has_value());
    QCOMPARE(server.requests.size(), 1);
    QByteArray target = "/ari" + path;
    if (!query.isEmpty())
        target += '?' + query;
    // "." segments encoded as %2E are not path syntax and may be sent decoded only if harmless:
    // the request must never climb out of /ari.
    const QByteArray line = server.requests.first().requestLine;
    if (QTest::currentDataTag() == QByteArrayView("dotdot"))
        QVERIFY2(line.startsWith("GET /ari/channels/") && !line.contains("/../"), line.constData());
    else
        QCOMPARE(line, "GET " + target + " HTTP/1.1");
}

void tst_Transport::pathPrefixIsRespected_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("none") << QString() << QByteArray("/ari/asterisk/info");
    QTest::newRow("trailing slash") << u"/"_s << QByteArray("/ari/asterisk/info");
    QTest::newRow("prefix") << u"/pbx"_s << QByteArray("/pbx/ari/asterisk/info");
    QTest::newRow("prefix with ari") << u"/pbx/ari/"_s << QByteArray("/pbx/ari/asterisk/info");
}

void tst_Transport::pathPrefixIsRespected()
{
    QFETCH(QString, prefix);
    QFETCH(QByteArray, expected);
    MiniHttpServer server;
    QtAri::HttpTransport transport;
    transport.setBaseUrl(serverUrl(server, prefix));
    auto future = transport.send(get("/asterisk/info"));
    QTRY_VERIFY(future.isFinished());
    QCOMPARE(server.requests.size(), 1);
    QCOMPARE(server.requests.first().requestLine, "GET " + expected + " HTTP/1.1");
}

void tst_Transport::credentialsTravelInHeaderOnly()
{
    MiniHttpServer server;
    QtAri::HttpTransport transport;
    QUrl url = serverUrl(server);
    url.setUserName(u"bob"_s);
    url.setPassword(u"s3cr:et"_s);
    transport.setBaseUrl(url);
    QVERIFY(transport.baseUrl().userInfo().isEmpty());
    QCOMPARE(transport.user(), u"bob"_s);
    auto future = transport.send(get("/channels"));
    QTRY_VERIFY(future.isFinished());
    QCOMPARE(server.requests.size(), 1);
    const RawRequest &request = server.requests.first();
    QCOMPARE(request.header("authorization"), "Basic " + QByteArray("bob:s3cr:et").toBase64());
    QVERIFY(!request.requestLine.contains("s3cr"));
    QVERIFY(!request.requestLine.contains("api_key"));

    transport.setCredentials(u"alice"_s, u"pw"_s);
    auto second = transport.send(get("/channels"));
    QTRY_VERIFY(second.isFinished());
    QCOMPARE(server.requests.size(), 2);
    QCOMPARE(server.requests.at(1).header("authorization"),
             "Basic " + QByteArray("alice:pw").toBase64());
}

void tst_Transport::bodyAndMethodAreSent()
{
    MiniHttpServer server;
    QtAri::HttpTransport transport;
    transport.setBaseUrl(serverUrl(server));
    const QByteArray body = R"({"variables":{"A":"1"}})";
    auto post = transport.send({ "POST", "/channels/x/variable", "variable=A", body, u"t.post"_s });
    auto del = transport.send({ "DELETE", "/bridges/b1", {}, {}, u"t.delete"_s });
    auto put = transport.send({ "PUT", "/asterisk/config/dynamic/a/b/c", {}, body, u"t.put"_s });
    QTRY_VERIFY(post.isFinished() && del.isFinished() && put.isFinished());
    QCOMPARE(server.requests.size(), 3);
    QList<QByteArray> lines;
    for (const RawRequest &r : std::as_const(server.requests))
        lines << r.requestLine;
    QVERIFY(lines.contains("POST /ari/channels/x/variable?variable=A HTTP/1.1"));
    QVERIFY(lines.contains("DELETE /ari/bridges/b1 HTTP/1.1"));
    QVERIFY(lines.contains("PUT /ari/asterisk/config/dynamic/a/b/c HTTP/1.1"));
    for (const RawRequest &r : std::as_const(server.requests)) {
        if (r.requestLine.startsWith("POST")) {
            QCOMPARE(r.body, body);
            QVERIFY(r.header("content-type").startsWith("application/json"));
        }
    }
}

void tst_Transport::httpErrorsAreResponses()
{
    MiniHttpServer server;
    server.status = 404;
    server.body = R"({"message":"Channel not found"})";
    QtAri::HttpTransport transport;
    transport.setBaseUrl(serverUrl(server));
    auto future = transport.send(get("/channels/nope"));
    QTRY_VERIFY(future.isFinished());
    const auto result = future.result();
    QVERIFY(result.has_value());
    QCOMPARE(result->status, 404);
    QCOMPARE(result->body, server.body);

    server.status = 401;
    server.body = R"({"message":"Authentication required"})";
    auto unauthorized = transport.send(get("/channels"));
    QTRY_VERIFY(unauthorized.isFinished());
    QVERIFY(unauthorized.result().has_value());
    QCOMPARE(unauthorized.result()->status, 401);
}

void tst_Transport::unreachablePortFailsWithNetwork()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    QtAri::HttpTransport transport;
    transport.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
    auto future = transport.send(get("/channels"));
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
    QVERIFY(!future.result().has_value());
    QCOMPARE(future.result().error().kind(), QtAri::Error::Kind::Network);
    QCOMPARE(future.result().error().operation(), u"test.get"_s);
    QVERIFY(!future.result().error().message().isEmpty());
}

void tst_Transport::silentServerTimesOut()
{
    MiniHttpServer server;
    server.silent = true;
    QtAri::HttpTransport transport;
    transport.setBaseUrl(serverUrl(server));
    transport.setRequestTimeout(200);
    auto future = transport.send(get("/channels"));
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
    QVERIFY(!future.result().has_value());
    QCOMPARE(future.result().error().kind(), QtAri::Error::Kind::Timeout);
    QCOMPARE(transport.pendingCount(), 0);
}

void tst_Transport::hundredPendingOnDeadServerAllFinish()
{
    MiniHttpServer server;
    server.silent = true;
    QtAri::HttpTransport transport;
    transport.setBaseUrl(serverUrl(server));
    transport.setRequestTimeout(300);
    QList<QFuture<QtAri::Result<QtAri::Response>>> futures;
    for (int i = 0; i < 100; ++i)
        futures << transport.send(get("/channels/c" + QByteArray::number(i)));
    QCOMPARE(transport.pendingCount(), 100);
    const auto allFinished = [&] {
        return std::all_of(futures.cbegin(), futures.cend(),
                           [](const auto &f) { return f.isFinished(); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(allFinished(), 20000);
    for (const auto &future : std::as_const(futures)) {
        QCOMPARE(future.resultCount(), 1);
        QVERIFY(!future.result().has_value());
        QCOMPARE(future.result().error().kind(), QtAri::Error::Kind::Timeout);
    }
    QCOMPARE(transport.pendingCount(), 0);
}

void tst_Transport::connectionsFollowDemandUpToTheBound()
{
    MiniHttpServer server;
    server.silent = true; // every request stays in flight, each on its own connection
    QtAri::HttpTransport transport;
    transport.setBaseUrl(serverUrl(server));
    transport.setMaxConnections(18);
    QCOMPARE(transport.maxConnections(), 18);
    QList<QFuture<QtAri::Result<QtAri::Response>>> futures;
    // Six in flight: one manager's connections are enough, no more are made.
    for (int i = 0; i < 6; ++i)
        futures << transport.send(get("/channels/a" + QByteArray::number(i)));
    QTRY_COMPARE(server.connections, 6);
    QCOMPARE(transport.networkAccessManagerCount(), 1);
    // Forty in flight: as many connections as the bound allows, and not one more.
    for (int i = 0; i < 34; ++i)
        futures << transport.send(get("/channels/b" + QByteArray::number(i)));
    QCOMPARE(transport.pendingCount(), 40);
    QTRY_COMPARE_WITH_TIMEOUT(server.connections, 18, 10000);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    QCOMPARE(transport.networkAccessManagerCount(), 1);
#else
    QCOMPARE(transport.networkAccessManagerCount(), 3);
#endif
    QTRY_COMPARE(server.requests.size(), 18);
    transport.abortAll(QtAri::Error(QtAri::Error::Kind::Aborted, u"test over"_s));
    for (const auto &future : std::as_const(futures)) {
        QCOMPARE(future.resultCount(), 1);
        QCOMPARE(future.result().error().kind(), QtAri::Error::Kind::Aborted);
    }
    QCOMPARE(transport.pendingCount(), 0);
    transport.setMaxConnections(0);
    QCOMPARE(transport.maxConnections(), 32);
}

void tst_Transport::abortAllFinishesEveryFutureOnce()
{
    MiniHttpServer server;
    server.silent = true;
    QtAri::HttpTransport transport;
    transport.setBaseUrl(serverUrl(server));
    QList<QFuture<QtAri::Result<QtAri::Response>>> futures;
    for (int i = 0; i < 10; ++i)
        futures << transport.send(get("/channels"));
    int continuations = 0;
    for (auto &future : futures)
        future.then(this, [&continuations](const QtAri::Result<QtAri::Response> &) { ++continuations; });
    transport.abortAll(QtAri::Error(QtAri::Error::Kind::NotConnected, u"stopped"_s));
    for (const auto &future : std::as_const(futures)) {
        QVERIFY(future.isFinished());
        QCOMPARE(future.resultCount(), 1);
        QCOMPARE(future.result().error().kind(), QtAri::Error::Kind::NotConnected);
        QCOMPARE(future.result().error().operation(), u"test.get"_s);
    }
    QTRY_COMPARE(continuations, 10);
    QCOMPARE(transport.pendingCount(), 0);
    // Nothing finishes twice when the server later answers or drops the connection.
    server.close();
    QTest::qWait(50);
    QCOMPARE(continuations, 10);
}

void tst_Transport::destroyingTransportAbortsPending()
{
    MiniHttpServer server;
    server.silent = true;
    auto transport = std::make_unique<QtAri::HttpTransport>();
    transport->setBaseUrl(serverUrl(server));
    auto future = transport->send(get("/channels"));
    transport.reset();
    QVERIFY(future.isFinished());
    QCOMPARE(future.result().error().kind(), QtAri::Error::Kind::Aborted);
}

void tst_Transport::noBaseUrlIsNotConnected()
{
    QtAri::HttpTransport transport;
    auto future = transport.send(get("/channels"));
    QVERIFY(future.isFinished());
    QCOMPARE(future.result().error().kind(), QtAri::Error::Kind::NotConnected);
}

QTEST_GUILESS_MAIN(tst_Transport)
#include "tst_transport.moc"
