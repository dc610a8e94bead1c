// Small synchronous helpers for the simulator's tests: REST calls and an event collector.
#pragma once

#include <chrono>

#include <QtCore/QEventLoop>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTimer>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWebSockets/QWebSocket>

#include <memory>

namespace simtest {

using namespace Qt::StringLiterals;

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QJsonValue json() const
    {
        const QJsonDocument d = QJsonDocument::fromJson(body);
        return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
    }
};

inline QByteArray basic(const QString &user, const QString &password)
{
    return "Basic " + (user + u':' + password).toUtf8().toBase64();
}

// One REST call, waited for (bounded). path is below the server root, e.g. "/ari/channels".
inline HttpResult call(QNetworkAccessManager &nam, const QUrl &base, const QString &method,
                       const QString &path, const QUrlQuery &query = {}, const QByteArray &body = {},
                       const QByteArray &authorization = basic(u"asterisk"_s, u"asterisk"_s))
{
    QUrl url = base;
    url.setPath(path, QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest req(url);
    if (!authorization.isEmpty())
        req.setRawHeader("Authorization", authorization);
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *reply = nam.sendCustomRequest(req, method.toUtf8(), body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    r.error = reply->error();
    reply->deleteLater();
    return r;
}

// An events WebSocket that records every text frame.
class EventSocket : public QObject
{
public:
    QWebSocket socket;
    QList<QJsonObject> events;
    QList<qint64> arrivedAt; // steadyMs() when each of events arrived
    QStringList raw;
    bool closed = false;

    static qint64 steadyMs()
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    }

    EventSocket()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &m) {
            raw.append(m);
            arrivedAt.append(steadyMs());
            events.append(QJsonDocument::fromJson(m.toUtf8()).object());
        });
        QObject::connect(&socket, &QWebSocket::disconnected, this, [this] { closed = true; });
    }

    bool open(const QUrl &base, const QString &apps, bool subscribeAll = true,
              const QByteArray &authorization = basic(u"asterisk"_s, u"asterisk"_s))
    {
        QUrl url = base;
        url.setScheme(u"ws"_s);
        url.setPath(u"/ari/events"_s);
        QUrlQuery q;
        q.addQueryItem(u"app"_s, apps);
        if (subscribeAll)
            q.addQueryItem(u"subscribeAll"_s, u"true"_s);
        url.setQuery(q);
        QNetworkRequest req(url);
        if (!authorization.isEmpty())
            req.setRawHeader("Authorization", authorization);
        QSignalSpy spy(&socket, &QWebSocket::connected);
        socket.open(req);
        return spy.wait(10000);
    }

    QStringList types() const
    {
        QStringList out;
        for (const QJsonObject &e : events)
            out.append(e.value(u"type"_s).toString());
        return out;
    }

    int count(const QString &type) const { return int(types().count(type)); }

    // Waits until an event of type has arrived (at least n of them).
    bool waitFor(const QString &type, int n = 1, int timeoutMs = 10000)
    {
        QElapsedTimer t;
        t.start();
        while (count(type) < n) {
            if (t.elapsed() > timeoutMs)
                return false;
            QTest::qWait(5);
        }
        return true;
    }
};

} // namespace simtest
