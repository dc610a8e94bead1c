// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "futures_p.h"
#include "qtari_logging_p.h"

#include <QtAri/HttpTransport>

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QPromise>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkProxy>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
#include <QtNetwork/QSslError>
#include <QtNetwork/QSslSocket>

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#include <QtNetwork/QHttp1Configuration>
#define QTARI_HTTP1_CONFIGURATION 1 // one manager, connections per host set on each request
#endif

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>

namespace QtAri {

namespace {

struct PendingRequest
{
    std::shared_ptr<QPromise<Result<Response>>> promise;
    QNetworkAccessManager *manager = nullptr; // which one of the pool carries it
    QString operation;
    QByteArray method;
    QElapsedTimer elapsed;
    std::optional<Error> failure; // set when we abort the reply ourselves (deadline, size)
    QStringList tlsErrors;
};

// An answer with a status is a Response when Qt's error only restates that status; any other error
// (connection closed mid-body, protocol failure, our own abort) means the body cannot be trusted.
bool isStatusError(QNetworkReply::NetworkError error)
{
    return error == QNetworkReply::NoError || error == QNetworkReply::ProtocolInvalidOperationError
        || (error >= QNetworkReply::ContentAccessDenied
            && error <= QNetworkReply::UnknownContentError)
        || (error >= QNetworkReply::InternalServerError
            && error <= QNetworkReply::UnknownServerError);
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

void finishPromise(QPromise<Result<Response>> &promise, Result<Response> &&result)
{
    promise.addResult(std::move(result));
    promise.finish();
}

} // namespace

class HttpTransportPrivate
{
public:
    explicit HttpTransportPrivate(HttpTransport *q) : q_ptr(q), manager(new QNetworkAccessManager(q))
    {
    }

    QNetworkAccessManager *managerForNext();
    void released(QNetworkAccessManager *m);
    void finished(QNetworkReply *reply);
    void failReply(QNetworkReply *reply, const Error &error);
    void checkSize(QNetworkReply *reply, qint64 size);

    HttpTransport *q_ptr;
    QNetworkAccessManager *manager;
    // Qt before 6.5 opens at most 6 connections per host and manager: more managers carry more
    // connections, each made only when every one before it has 6 requests in flight.
    QList<QNetworkAccessManager *> managers { manager };
    QHash<QNetworkAccessManager *, int> inFlight;
    int maxConnections = 32;
    QUrl baseUrl;
    QString user;
    QByteArray authorization;
    int requestTimeout = 10'000;
    QSslConfiguration sslConfiguration = QSslConfiguration::defaultConfiguration();
    bool sslConfigured = false;
    bool warnedNoVerify = false;
    qint64 maxResponseSize = 256 * 1024 * 1024;
    QHash<QNetworkReply *, PendingRequest> pending;
    QString serverVersion; // from the latest reply's Server header
    Q_DECLARE_PUBLIC(HttpTransport)
};

HttpTransport::HttpTransport(QObject *parent)
    : Transport(parent), d(std::make_unique<HttpTransportPrivate>(this))
{
}

HttpTransport::~HttpTransport()
{
    abortAll(Error(Error::Kind::Aborted,
                   QCoreApplication::translate("QtAri", "the transport was destroyed")));
}

void HttpTransport::setBaseUrl(const QUrl &url)
{
    Q_D(HttpTransport);
    if (!url.userName().isEmpty())
        setCredentials(url.userName(), url.password());
    QUrl clean = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
                              | QUrl::StripTrailingSlash);
    // Qt 6.8's StripTrailingSlash keeps a path that is only "/"; the prefix is added after it.
    if (clean.path() == QLatin1StringView("/"))
        clean.setPath(QString());
    d->baseUrl = clean;
}

QUrl HttpTransport::baseUrl() const { return d->baseUrl; }

void HttpTransport::setCredentials(const QString &user, const QString &password)
{
    Q_D(HttpTransport);
    d->user = user;
    if (user.isEmpty() && password.isEmpty())
        d->authorization.clear();
    else
        d->authorization = "Basic " + (user + u':' + password).toUtf8().toBase64();
}

QString HttpTransport::user() const { return d->user; }
bool HttpTransport::hasCredentials() const { return !d->authorization.isEmpty(); }

void HttpTransport::setRequestTimeout(int ms) { d->requestTimeout = std::max(0, ms); }
int HttpTransport::requestTimeout() const { return d->requestTimeout; }

void HttpTransport::setSslConfiguration(const QSslConfiguration &configuration)
{
    d->sslConfiguration = configuration;
    d->sslConfigured = true;
    if (configuration.peerVerifyMode() != QSslSocket::VerifyNone)
        d->warnedNoVerify = false;
}

void HttpTransport::setMaxResponseSize(qint64 bytes)
{
    d->maxResponseSize = bytes > 0 ? bytes : 256 * 1024 * 1024;
}

qint64 HttpTransport::maxResponseSize() const
{
    return d->maxResponseSize;
}

QSslConfiguration HttpTransport::sslConfiguration() const { return d->sslConfiguration; }

QUrl HttpTransport::urlFor(const Request &request) const
{
    if (!d->baseUrl.isValid() || d->baseUrl.isEmpty() || d->baseUrl.host().isEmpty())
        return QUrl();
    QByteArray encoded = d->baseUrl.toEncoded();
    // The path, not the whole URL: "http://ari" (a host named ari) still needs the prefix.
    if (!d->baseUrl.path(QUrl::FullyEncoded).endsWith(QLatin1StringView("/ari")))
        encoded += "/ari";
    if (!request.path.isEmpty() && !request.path.startsWith('/'))
        encoded += '/';
    encoded += request.path;
    if (!request.query.isEmpty())
        encoded += '?' + request.query;
    return QUrl::fromEncoded(encoded, QUrl::StrictMode);
}

QFuture<Result<Response>> HttpTransport::send(const Request &request)
{
    Q_D(HttpTransport);
    const QUrl url = urlFor(request);
    if (!url.isValid()) {
        const QString why = d->baseUrl.isEmpty()
                ? QCoreApplication::translate("QtAri", "no server URL set")
                : QCoreApplication::translate("QtAri", "cannot build a valid URL for the request");
        return Private::readyFuture<Result<Response>>(
                Error(d->baseUrl.isEmpty() ? Error::Kind::NotConnected : Error::Kind::InvalidArgument,
                      why, request.operation));
    }

    QNetworkRequest networkRequest(url);
    if (!d->authorization.isEmpty())
        networkRequest.setRawHeader("Authorization", d->authorization);
    networkRequest.setRawHeader("Accept", "application/json");
    if (!request.body.isEmpty())
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    // Asking for the identity encoding also turns off QNAM's automatic decompression (on every Qt
    // version): a compressed body stays as small as it came, so a body that would inflate to
    // gigabytes cannot, and the size bound below applies to what actually arrives.
    networkRequest.setRawHeader("Accept-Encoding", "identity");
    networkRequest.setTransferTimeout(d->requestTimeout);
    // No redirect is followed, to the same origin or another one: Asterisk never redirects ARI,
    // and a redirect must not be able to carry the Authorization header anywhere. A 3xx answer
    // finishes the request with an Http error naming the target.
    networkRequest.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (url.scheme() == u"https") {
        networkRequest.setSslConfiguration(d->sslConfiguration);
        if (d->sslConfiguration.peerVerifyMode() == QSslSocket::VerifyNone && !d->warnedNoVerify) {
            d->warnedNoVerify = true;
            qCWarning(lcAriRest).noquote()
                << "TLS certificate verification is switched off for"
                << Private::maskedUrl(d->baseUrl)
                << "- anyone on the path can read and change this connection";
        }
    }

    auto promise = std::make_shared<QPromise<Result<Response>>>();
    QFuture<Result<Response>> future = promise->future();
    promise->start();

#ifdef QTARI_HTTP1_CONFIGURATION
    QHttp1Configuration http1;
    http1.setNumberOfConnectionsPerHost(qsizetype(std::clamp(d->maxConnections, 1, 255)));
    networkRequest.setHttp1Configuration(http1);
#endif
    const QByteArray method = request.method.isEmpty() ? QByteArray("GET") : request.method;
    QNetworkAccessManager *manager = d->managerForNext();
    QNetworkReply *reply = nullptr;
    if (request.body.isEmpty() && method != "POST" && method != "PUT")
        reply = manager->sendCustomRequest(networkRequest, method);
    else
        reply = manager->sendCustomRequest(networkRequest, method, request.body);

    PendingRequest entry { promise, manager, request.operation, method, {} };
    entry.elapsed.start();
    d->pending.insert(reply, std::move(entry));
    qCDebug(lcAriRest).noquote() << method << Private::maskedUrl(url) << request.operation;

    QObject::connect(reply, &QNetworkReply::finished, this, [d, reply] { d->finished(reply); });
    QObject::connect(
        reply, &QNetworkReply::sslErrors, this, [d, reply](const QList<QSslError> &errors) {
            auto it = d->pending.find(reply);
            if (it == d->pending.end())
                return;
            for (const QSslError &error : errors)
                it->tlsErrors << error.errorString();
        });
    // A server that announces or sends more than maxResponseSize() is cut off: the body is held in
    // memory whole, so it must have a bound.
    QObject::connect(reply, &QNetworkReply::metaDataChanged, this, [d, reply] {
        d->checkSize(reply, reply->header(QNetworkRequest::ContentLengthHeader).toLongLong());
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, this,
        [d, reply](qint64 received, qint64) { d->checkSize(reply, received); });
    // transferTimeout() only catches a stall; a server that trickles a byte now and then never
    // stalls. The whole request gets three times the timeout.
    if (d->requestTimeout > 0) {
        const int deadline = d->requestTimeout > std::numeric_limits<int>::max() / 3
            ? std::numeric_limits<int>::max()
            : d->requestTimeout * 3;
        QTimer::singleShot(deadline, reply, [d, reply, deadline] {
            d->failReply(reply,
                Error(Error::Kind::Timeout,
                    QCoreApplication::translate(
                        "QtAri", "the response did not complete within %1 ms")
                        .arg(deadline)));
        });
    }
    return future;
}

// Connections per host one QNetworkAccessManager opens in Qt before 6.5 (fixed there).
constexpr int kConnectionsPerManager = 6;

QNetworkAccessManager *HttpTransportPrivate::managerForNext()
{
#ifdef QTARI_HTTP1_CONFIGURATION
    ++inFlight[manager];
    return manager;
#else
    QNetworkAccessManager *best = nullptr;
    int bestLoad = std::numeric_limits<int>::max();
    for (QNetworkAccessManager *m : std::as_const(managers)) {
        const int load = inFlight.value(m);
        if (load < bestLoad) {
            best = m;
            bestLoad = load;
        }
    }
    const int allowed = std::max(1, maxConnections / kConnectionsPerManager);
    if (bestLoad >= kConnectionsPerManager && managers.size() < allowed) {
        Q_Q(HttpTransport);
        best = new QNetworkAccessManager(q);
        best->setProxy(manager->proxy());
        best->setProxyFactory(nullptr);
        best->setTransferTimeout(manager->transferTimeout());
        managers.append(best);
        qCDebug(lcAriRest) << "HTTP connection pool: manager" << managers.size() << "of" << allowed;
    }
    ++inFlight[best];
    return best;
#endif
}

void HttpTransportPrivate::released(QNetworkAccessManager *m)
{
    auto it = inFlight.find(m);
    if (it != inFlight.end() && --it.value() <= 0)
        inFlight.erase(it);
}

void HttpTransportPrivate::failReply(QNetworkReply *reply, const Error &error)
{
    auto it = pending.find(reply);
    if (it == pending.end() || it->failure)
        return;
    it->failure = error.withOperation(it->operation);
    reply->abort(); // finished() follows and reports the failure
}

void HttpTransportPrivate::checkSize(QNetworkReply *reply, qint64 size)
{
    if (size <= maxResponseSize)
        return;
    failReply(reply,
        Error(Error::Kind::InvalidResponse,
            QCoreApplication::translate(
                "QtAri", "the response is larger than %1 bytes (at least %2)")
                .arg(maxResponseSize)
                .arg(size)));
}

void HttpTransportPrivate::finished(QNetworkReply *reply)
{
    auto it = pending.find(reply);
    if (it == pending.end()) {
        reply->deleteLater();
        return;
    }
    PendingRequest entry = std::move(it.value());
    pending.erase(it);
    released(entry.manager);
    reply->deleteLater();

    if (entry.failure) {
        qCWarning(lcAriRest).noquote() << entry.method << Private::maskedUrl(reply->url())
                                       << "abandoned:" << entry.failure->toString();
        finishPromise(*entry.promise, std::move(*entry.failure));
        return;
    }

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError error = reply->error();
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    if (status > 0 && isRedirect(status) && isStatusError(error)) {
        const QUrl target =
            reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location").trimmed()));
        Error result = Error::http(status,
            QCoreApplication::translate(
                "QtAri", "the server redirected to %1; QtAri follows no redirects")
                .arg(Private::maskedUrl(target)),
            entry.operation);
        qCWarning(lcAriRest).noquote()
            << entry.method << Private::maskedUrl(reply->url()) << "->" << result.toString();
        finishPromise(*entry.promise, std::move(result));
        return;
    }
    // Identity was asked for; a body in another encoding is not inflated (it may be a bomb) and
    // cannot be decoded as JSON either.
    const QByteArray encoding = reply->rawHeader("Content-Encoding").trimmed().toLower();
    if (status > 0 && isStatusError(error) && !encoding.isEmpty() && encoding != "identity") {
        Error result(Error::Kind::InvalidResponse,
            QCoreApplication::translate("QtAri",
                "the server sent a body in the \"%1\" encoding "
                "although only identity was accepted")
                .arg(QString::fromLatin1(encoding.left(40))),
            entry.operation);
        qCWarning(lcAriRest).noquote()
            << entry.method << Private::maskedUrl(reply->url()) << "->" << result.toString();
        finishPromise(*entry.promise, std::move(result));
        return;
    }
    if (status > 0 && isStatusError(error)) {
        Response response;
        response.status = status;
        response.body = reply->readAll();
        response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        response.server = reply->rawHeader("Server");
        if (response.server.startsWith("Asterisk/"))
            serverVersion = QString::fromLatin1(response.server.mid(9)).section(u' ', 0, 0);
        qCDebug(lcAriRest).noquote() << entry.method << Private::maskedUrl(reply->url()) << "->"
                                     << response.status << response.body.size() << "bytes in"
                                     << entry.elapsed.elapsed() << "ms";
        finishPromise(*entry.promise, std::move(response));
        return;
    }

    Error result;
    if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
        result = Error(Error::Kind::Timeout,
                       QCoreApplication::translate("QtAri", "no answer within %1 ms")
                               .arg(requestTimeout),
                       entry.operation);
    } else if (!entry.tlsErrors.isEmpty()) {
        result = Error(Error::Kind::Network,
            QCoreApplication::translate("QtAri", "TLS error: %1")
                .arg(Private::maskSecrets(entry.tlsErrors.join(QStringLiteral("; ")))),
            entry.operation);
    } else {
        QString message = Private::maskSecrets(reply->errorString());
        if (status > 0)
            message = QCoreApplication::translate("QtAri", "broken HTTP %1 response: %2")
                          .arg(status)
                          .arg(message);
        result = Error(Error::Kind::Network, message, entry.operation);
    }
    qCDebug(lcAriRest).noquote() << entry.method << Private::maskedUrl(reply->url()) << "failed:"
                                 << result.toString();
    finishPromise(*entry.promise, std::move(result));
}

void HttpTransport::abortAll(const Error &reason)
{
    Q_D(HttpTransport);
    // Take the list first: finishing a promise runs continuations that may send new requests.
    const auto pending = std::exchange(d->pending, {});
    d->inFlight.clear();
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        QNetworkReply *reply = it.key();
        QObject::disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        Error error = reason.operation().isEmpty() ? reason.withOperation(it->operation) : reason;
        finishPromise(*it->promise, std::move(error));
    }
}

int HttpTransport::pendingCount() const { return int(d->pending.size()); }

void HttpTransport::setMaxConnections(int connections)
{
    d->maxConnections = connections > 0 ? connections : 32;
}

int HttpTransport::maxConnections() const { return d->maxConnections; }

int HttpTransport::networkAccessManagerCount() const { return int(d->managers.size()); }

QString HttpTransport::serverVersion() const { return d->serverVersion; }

QNetworkAccessManager *HttpTransport::networkAccessManager() const { return d->manager; }

} // namespace QtAri
