// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <QtAri/HttpTransport>

#include "futures_p.h"
#include "qtari_logging_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QPromise>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

#include <memory>

namespace QtAri {

namespace {

struct PendingRequest
{
    std::shared_ptr<QPromise<Result<Response>>> promise;
    QString operation;
    QByteArray method;
    QElapsedTimer elapsed;
};

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

    void finished(QNetworkReply *reply);

    HttpTransport *q_ptr;
    QNetworkAccessManager *manager;
    QUrl baseUrl;
    QString user;
    QByteArray authorization;
    int requestTimeout = 10'000;
    QSslConfiguration sslConfiguration = QSslConfiguration::defaultConfiguration();
    bool sslConfigured = false;
    QHash<QNetworkReply *, PendingRequest> pending;
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
    networkRequest.setTransferTimeout(d->requestTimeout);
    // Never carry the Authorization header to another host.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::SameOriginRedirectPolicy);
    if (url.scheme() == u"https")
        networkRequest.setSslConfiguration(d->sslConfiguration);

    auto promise = std::make_shared<QPromise<Result<Response>>>();
    QFuture<Result<Response>> future = promise->future();
    promise->start();

    const QByteArray method = request.method.isEmpty() ? QByteArray("GET") : request.method;
    QNetworkReply *reply = nullptr;
    if (request.body.isEmpty() && method != "POST" && method != "PUT")
        reply = d->manager->sendCustomRequest(networkRequest, method);
    else
        reply = d->manager->sendCustomRequest(networkRequest, method, request.body);

    PendingRequest entry { promise, request.operation, method, {} };
    entry.elapsed.start();
    d->pending.insert(reply, std::move(entry));
    qCDebug(lcAriRest).noquote() << method << Private::maskedUrl(url) << request.operation;

    QObject::connect(reply, &QNetworkReply::finished, this, [d, reply] { d->finished(reply); });
    return future;
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
    reply->deleteLater();

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError error = reply->error();
    if (statusAttribute.isValid() && statusAttribute.toInt() > 0) {
        Response response;
        response.status = statusAttribute.toInt();
        response.body = reply->readAll();
        response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
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
    } else {
        QString message = Private::maskSecrets(reply->errorString());
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

QNetworkAccessManager *HttpTransport::networkAccessManager() const { return d->manager; }

} // namespace QtAri
