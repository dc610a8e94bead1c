// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "sockettransport_p.h"

#include "futures_p.h"
#include "qtari_logging_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QUuid>

namespace QtAri::Private {

namespace {

QString trAri(const char *text)
{
    return QCoreApplication::translate("QtAri", text);
}

// A RESTResponse carries no headers: status, reason, content type and body only (trace m; the
// Location of a 201 is not carried).
Response responseFrom(const QJsonObject &frame)
{
    Response response;
    response.status = frame.value(QLatin1StringView("status_code")).toInt();
    response.contentType = frame.value(QLatin1StringView("content_type")).toString().toUtf8();
    response.body = frame.value(QLatin1StringView("message_body")).toString().toUtf8();
    return response;
}

// What internal() hands out: the owner's transport, marked as the client's own requests.
class InternalView : public Transport
{
public:
    InternalView(SocketTransport *owner, bool httpOnly)
        : Transport(owner), m_owner(owner), m_httpOnly(httpOnly)
    {
    }
    QFuture<Result<Response>> send(const Request &request) override
    {
        return m_owner->sendInternal(request, m_httpOnly);
    }

private:
    SocketTransport *m_owner;
    bool m_httpOnly;
};

} // namespace

SocketTransport::SocketTransport(HttpTransport *http, EventSocket *socket, QObject *parent)
    : Transport(parent),
      m_http(http),
      m_socket(socket),
      // Asterisk echoes transaction_id; one per client tells our frames from anyone's in a log.
      m_transactionId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    connect(socket, &EventSocket::down, this, &SocketTransport::socketDown);
    m_internalHttp = new InternalView(this, true);
    m_internalAny = new InternalView(this, false);
}

void SocketTransport::setTap(Tap tap, std::function<bool()> wanted)
{
    m_tap = std::move(tap);
    m_tapWanted = std::move(wanted);
}

QFuture<Result<Response>> SocketTransport::tapped(
        const Request &request, bool viaSocket, bool internal, QFuture<Result<Response>> future)
{
    if (!m_tap || (m_tapWanted && !m_tapWanted()))
        return future;
    auto exchange = std::make_shared<Exchange>();
    exchange->request = request;
    exchange->sentAt = QDateTime::currentDateTimeUtc();
    exchange->overWebSocket = viaSocket;
    exchange->internal = internal;
    QElapsedTimer clock;
    clock.start();
    QPointer<SocketTransport> guard(this);
    // No context: the tap hears of the answer where the future finishes (this thread), before
    // anyone waiting on the returned future does.
    return future.then([guard, exchange, clock](const Result<Response> &result) {
        exchange->elapsedNs = clock.nsecsElapsed();
        exchange->result = result;
        if (guard && guard->m_tap)
            guard->m_tap(*exchange);
        return result;
    });
}

QFuture<Result<Response>> SocketTransport::sendInternal(const Request &request, bool httpOnly)
{
    const bool viaSocket = !httpOnly && overSocket(request);
    return tapped(request, viaSocket, true, dispatch(request, viaSocket));
}

SocketTransport::~SocketTransport()
{
    abortAll(Error(Error::Kind::Aborted, trAri("the client was destroyed")));
}

bool SocketTransport::versionCarriesRest(const QString &serverVersion)
{
    // RESTRequest came with 20.14 and 22.4 (and every 23); a version we cannot read, a certified
    // branch or an older one gets HTTP, which every version has.
    const QStringList parts = serverVersion.split(u'.');
    bool okMajor = false, okMinor = false;
    const int major = parts.value(0).toInt(&okMajor);
    const int minor = parts.value(1).toInt(&okMinor);
    if (!okMajor || !okMinor)
        return false;
    if (major >= 23)
        return true;
    if (major == 22)
        return minor >= 4;
    if (major == 20)
        return minor >= 14;
    return false;
}

bool SocketTransport::socketCanCarry(const Request &request)
{
    // A binary answer is refused over the socket with 406 "Use HTTP GET" (trace m, m-18).
    return request.operation != QLatin1StringView("recordings.getStoredFile");
}

QJsonObject SocketTransport::frameFor(const Request &request, const QString &transactionId,
                                      const QString &requestId)
{
    // The forms trace m shows Asterisk accepts: the method in upper case (lower case is refused),
    // the uri relative to /ari without a leading '/' (with one Asterisk answers 405), the query as
    // query_strings entries with decoded values, a JSON body as a string with its content type.
    QJsonObject frame { { QStringLiteral("type"), QStringLiteral("RESTRequest") },
                        { QStringLiteral("transaction_id"), transactionId },
                        { QStringLiteral("request_id"), requestId },
                        { QStringLiteral("method"), QString::fromLatin1(request.method.toUpper()) } };
    QByteArray path = request.path;
    while (path.startsWith('/'))
        path.remove(0, 1);
    frame.insert(QStringLiteral("uri"), QString::fromUtf8(path));
    QJsonArray query;
    for (const QByteArray &item : request.query.split('&')) {
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf('=');
        const QString name = QString::fromUtf8(QByteArray::fromPercentEncoding(item.left(eq)));
        // Credentials travel in the socket's handshake only. Asterisk ignores an api_key here
        // (trace m, m-29), and a query is logged: never put one in a frame.
        if (name == QLatin1StringView("api_key"))
            continue;
        const QString value =
                eq < 0 ? QString() : QString::fromUtf8(QByteArray::fromPercentEncoding(item.mid(eq + 1)));
        query.append(QJsonObject { { QStringLiteral("name"), name }, { QStringLiteral("value"), value } });
    }
    if (!query.isEmpty())
        frame.insert(QStringLiteral("query_strings"), query);
    if (!request.body.isEmpty()) {
        frame.insert(QStringLiteral("content_type"), QStringLiteral("application/json"));
        frame.insert(QStringLiteral("message_body"), QString::fromUtf8(request.body));
    }
    return frame;
}

bool SocketTransport::overSocket(const Request &request) const
{
    if (m_mode == Mode::Http || !socketCanCarry(request) || !m_socket)
        return false;
    if (m_mode == Mode::WebSocket)
        return true; // refused below while the socket is down
    return m_socket->isOpen() && m_http && versionCarriesRest(m_http->serverVersion());
}

QFuture<Result<Response>> SocketTransport::send(const Request &request)
{
    const bool viaSocket = overSocket(request);
    return tapped(request, viaSocket, false, dispatch(request, viaSocket));
}

QFuture<Result<Response>> SocketTransport::dispatch(const Request &request, bool viaSocket)
{
    if (!viaSocket) {
        if (m_http)
            return m_http->send(request);
        return readyFuture(Result<Response>(Error(Error::Kind::Aborted,
                                                      trAri("the client was destroyed"),
                                                      request.operation)));
    }
    if (!m_socket->isOpen()) {
        return readyFuture(Result<Response>(Error(
                Error::Kind::NotConnected,
                trAri("REST over the WebSocket needs the event socket, which is not open"),
                request.operation)));
    }
    const QString requestId = QString::number(m_nextId++);
    Pending pending;
    pending.request = request;
    pending.promise = std::make_shared<QPromise<Result<Response>>>();
    pending.promise->start();
    QFuture<Result<Response>> future = pending.promise->future();
    if (const int timeout = m_http ? m_http->requestTimeout() : 0; timeout > 0) {
        pending.timer = new QTimer(this);
        pending.timer->setSingleShot(true);
        connect(pending.timer, &QTimer::timeout, this, [this, requestId, operation = request.operation] {
            qCWarning(lcAriRest) << operation << "got no RESTResponse in time";
            finish(requestId, Result<Response>(Error(Error::Kind::Timeout,
                                                     trAri("no answer within the request timeout"),
                                                     operation)));
        });
        pending.timer->start(timeout);
    }
    const QByteArray text =
            QJsonDocument(frameFor(request, m_transactionId, requestId)).toJson(QJsonDocument::Compact);
    qCDebug(lcAriRest) << "over the socket:" << request << "as request" << requestId;
    m_pending.insert(requestId, std::move(pending));
    m_socket->sendText(QString::fromUtf8(text));
    return future;
}

bool SocketTransport::takeResponse(const QJsonObject &frame)
{
    // Asterisk answers an unreadable request with empty ids: it cannot be ours to finish.
    const QString requestId = frame.value(QLatin1StringView("request_id")).toString();
    if (frame.value(QLatin1StringView("transaction_id")).toString() != m_transactionId
        || !m_pending.contains(requestId)) {
        return false;
    }
    finish(requestId, Result<Response>(responseFrom(frame)));
    return true;
}

void SocketTransport::finish(const QString &requestId, const Result<Response> &result)
{
    auto it = m_pending.find(requestId);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(it.value());
    m_pending.erase(it);
    if (pending.timer)
        pending.timer->deleteLater(); // it may be the one emitting timeout()
    pending.promise->addResult(result);
    pending.promise->finish();
}

void SocketTransport::socketDown()
{
    // Nothing will answer these on a new socket. They are settled on the next turn of the event
    // loop, outside the socket's teardown.
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it)
        m_orphans.append(std::move(it.value()));
    m_pending.clear();
    if (!m_orphans.isEmpty())
        QTimer::singleShot(0, this, &SocketTransport::settleOrphans);
}

void SocketTransport::settleOrphans()
{
    // A GET is safe to repeat and goes again over HTTP; anything else may or may not have been
    // carried out, which only the caller can judge.
    const QList<Pending> orphans = std::exchange(m_orphans, {});
    for (const Pending &pending : orphans) {
        delete pending.timer;
        if (pending.request.method == "GET" && m_http) {
            qCDebug(lcAriRest) << pending.request.operation
                               << "is sent again over HTTP: the event socket closed";
            m_http->send(pending.request).then([promise = pending.promise](const Result<Response> &result) {
                promise->addResult(result);
                promise->finish();
            });
            continue;
        }
        pending.promise->addResult(Result<Response>(Error(
                Error::Kind::Network,
                trAri("the event socket closed before Asterisk answered; the request may or may "
                      "not have been carried out"),
                pending.request.operation)));
        pending.promise->finish();
    }
}

void SocketTransport::abortAll(const Error &reason)
{
    QList<Pending> all = std::exchange(m_orphans, {});
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it)
        all.append(std::move(it.value()));
    m_pending.clear();
    for (const Pending &p : all) {
        delete p.timer;
        p.promise->addResult(Result<Response>(reason.withOperation(p.request.operation)));
        p.promise->finish();
    }
}

} // namespace QtAri::Private
