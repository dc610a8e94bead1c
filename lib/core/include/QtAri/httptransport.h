// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/transport.h>

#include <QtCore/QUrl>
#include <QtNetwork/QSslConfiguration>

#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace QtAri {

class HttpTransportPrivate;

//! \brief Sends ARI Requests over HTTP(S) with QNetworkAccessManager.
//!
//! Requests go to baseUrl() + "/ari" + Request::path: a base URL "http://pbx:8088/asterisk" (an
//! http.conf prefix) sends "/channels" to "http://pbx:8088/asterisk/ari/channels"; a base URL that
//! already ends in "/ari" is used as is. The path and query are sent exactly as the Request encodes
//! them, so an id holding "/", "?", "#" or "%" stays inside its segment.
//!
//! Credentials travel only in a Basic Authorization header, never in the URL: user info found in a
//! base URL is taken as the credentials and removed from it.
//!
//! Every future returned by send() finishes exactly once: with the Response (any HTTP status,
//! 4xx and 5xx included), or with an Error of kind Network (Qt's message; "TLS error: …" naming
//! the certificate problem; a connection that broke in the middle of a response), Timeout (no
//! progress within requestTimeout(), or the whole response not in within three times that),
//! InvalidResponse (more than maxResponseSize() bytes), Http with a 3xx status (a redirect, which
//! is never followed), NotConnected (no base URL) or whatever abortAll() was given. Destroying the
//! transport finishes pending futures with Aborted.
//!
//! Bodies are asked for uncompressed ("Accept-Encoding: identity") and never inflated by Qt, so
//! what a server sends is what is held in memory, bounded by maxResponseSize(). Switching peer
//! verification off in sslConfiguration() logs one warning on "qtari.rest".
class QTARI_EXPORT HttpTransport : public Transport
{
    Q_OBJECT
public:
    explicit HttpTransport(QObject *parent = nullptr); //!< A transport without a base URL (setBaseUrl() first).
    ~HttpTransport() override;

    //! http:// or https:// URL of the server, with an optional path prefix.
    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const; //!< See setBaseUrl().

    void setCredentials(const QString &user, const QString &password); //!< User and password for the Basic Authorization header.
    QString user() const; //!< See setCredentials().
    bool hasCredentials() const; //!< Whether setCredentials() gave a user.

    //! Milliseconds without progress after which a request fails with Timeout (0: never).
    //! The default is 10 000.
    void setRequestTimeout(int ms);
    int requestTimeout() const; //!< See setRequestTimeout().

    //! TLS settings for https URLs (the default is QSslConfiguration::defaultConfiguration()).
    void setSslConfiguration(const QSslConfiguration &configuration);
    QSslConfiguration sslConfiguration() const; //!< See setSslConfiguration().

    //! Largest response body accepted; a server that announces or sends more is cut off and the
    //! request fails with InvalidResponse. The default is 256 MiB (0 restores it).
    void setMaxResponseSize(qint64 bytes);
    qint64 maxResponseSize() const; //!< See setMaxResponseSize().

    //! The full URL a Request goes to (without credentials), or an invalid URL if it cannot be built.
    QUrl urlFor(const Request &request) const;

    QFuture<Result<Response>> send(const Request &request) override; //!< Sends \a request (see the class description for how the future finishes).

    //! Finishes every pending future with \a reason and abandons the requests.
    void abortAll(const Error &reason);
    //! Requests sent and not finished yet.
    int pendingCount() const;

    //! The server's Asterisk version ("22.10.1") from the Server header of its latest reply;
    //! empty until a reply named it.
    QString serverVersion() const;

    //! Most keep-alive HTTP/1.1 connections to the server at once (default 32; 0 restores it).
    //! Connections are opened only as the requests in flight need them: with Qt 6.5 or later
    //! through QHttp1Configuration on one manager; before 6.5, where a manager opens at most 6
    //! connections per host, through more managers, one more each time every manager has 6
    //! requests in flight, up to maxConnections() / 6 managers (rounded down, at least one).
    void setMaxConnections(int connections);
    int maxConnections() const; //!< The bound set by setMaxConnections() (32 by default).

    //! The network access manager used for the requests (owned by the transport); the first of
    //! the pool when several carry the requests (see setMaxConnections()). Its proxy is copied to
    //! the others as they are made.
    QNetworkAccessManager *networkAccessManager() const;
    //! Managers made so far (1 on Qt 6.5 and later).
    int networkAccessManagerCount() const;

private:
    std::unique_ptr<HttpTransportPrivate> d;
    Q_DECLARE_PRIVATE_D(d, HttpTransport)
};

} // namespace QtAri
