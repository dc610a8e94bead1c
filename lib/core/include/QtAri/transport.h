// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/result.h>

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QFuture>
#include <QtCore/QObject>
#include <QtCore/QString>

QT_BEGIN_NAMESPACE
class QDebug;
QT_END_NAMESPACE

namespace QtAri {

//! \brief One ARI REST request, fully built and encoded, ready for a Transport.
//!
//! Built by the generated operation classes; nobody else assembles paths or JSON.
struct Request
{
    QByteArray method;    //!< "GET", "POST", "PUT" or "DELETE"
    QByteArray path;      //!< below the /ari prefix, percent-encoded, e.g. "/channels/a%2Fb/answer"
    QByteArray query;     //!< percent-encoded query without the '?', e.g. "app=x&channel=a%2Cb"
    QByteArray body;      //!< JSON body, or empty for none
    QString operation;    //!< "channels.answer": used in errors and logs
    int since = 0;        //!< first Asterisk major version with the operation and every parameter set
    QString sinceWhat;    //!< what needs since: "channels.progress", "bridges.create parameter variables"
};

//! \brief What a Transport got back: the HTTP status and the raw body.
struct Response
{
    int status = 0; //!< HTTP status code.
    QByteArray body; //!< The raw body.
    QByteArray contentType; //!< The Content-Type header.
    QByteArray server; //!< the Server header ("Asterisk/22.10.1"), if the server sent one
};

//! \brief One REST request and what came back, as a Client saw it (Client::requestFinished()).
//!
//! Covers every request the client sends: those of the API objects and the client's own
//! (connect checks, listings after a (re)connect, subscriptions), over HTTP or over the event
//! socket.
struct Exchange
{
    Request request; //!< What was sent.
    Result<Response> result; //!< The answer (any HTTP status), or a transport-level Error.
    QDateTime sentAt; //!< When it was sent (UTC).
    qint64 elapsedNs = 0; //!< From sending to the answer (or the error).
    bool overWebSocket = false; //!< Carried in a RESTRequest frame rather than over HTTP.
    bool internal = false; //!< Sent by the client itself, not through the API objects.
};

//! \brief Carries Requests to an ARI server and brings back Responses.
//!
//! A transport reports only transport-level failures as Errors (Network, Timeout, NotConnected,
//! Aborted); any HTTP answer, 4xx/5xx included, is a Response, decoded by the generated code.
//! The returned future always finishes, with a result, never cancelled.
class QTARI_EXPORT Transport : public QObject
{
    Q_OBJECT
public:
    explicit Transport(QObject *parent = nullptr); //!< A transport with \a parent.
    ~Transport() override;

    virtual QFuture<Result<Response>> send(const Request &request) = 0; //!< Sends \a request; the future always finishes (see the class description).
};

//! "QtAri::Request(GET /channels?… channels.list, 0 body bytes)"; secret-looking query values
//! (api_key, password …) are shown as "***".
QTARI_EXPORT QDebug operator<<(QDebug debug, const Request &request);
//! "QtAri::Response(200, application/json, 1234 body bytes)"; the body itself is not shown.
QTARI_EXPORT QDebug operator<<(QDebug debug, const Response &response);

} // namespace QtAri

Q_DECLARE_METATYPE(QtAri::Exchange)
