// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include "operationcatalog.h"

#include <QtAri/Transport>

#include <QtCore/QString>
#include <QtCore/QUrl>

namespace QtAri::Inspector {

//! \brief "Copy as curl" and "Copy as QtAri C++" for a request.
namespace RequestExport {

    //! Whether a query key looks like a credential (api_key, password, secret, token), as the
    //! library's log masking decides.
    bool isSecretKey(const QString &key);
    //! \a query with the values of secret-looking keys replaced by "***".
    QByteArray maskedQuery(const QByteArray &query);

    //! The URL \a request goes to on the server \a base ("http://host:8088" or with a prefix):
    //! base + "/ari" + path + "?" + query, as encoded in the request, secrets masked.
    QString url(const QUrl &base, const Request &request);

    //! A curl command line for \a request. The password never appears: it is taken from the
    //! environment variable ARI_PASSWORD (`-u "user:$ARI_PASSWORD"`); \a user is the profile's
    //! user (ARI_USER's reference when empty). Every argument is quoted for a POSIX shell.
    //! \code
    //! curl -X DELETE -u "asterisk:$ARI_PASSWORD" 'http://127.0.0.1:8088/ari/channels/a%2Fb'
    //! \endcode
    QString curl(const QUrl &base, const QString &user, const Request &request);

    //! The generated API's names for \a op (they mirror lib/codegen/generate.py, fed with the
    //! same lib/codegen/config.json, compiled into the Inspector as :/qtari/inspector/codegen/config.json).
    QString apiClass(const OperationSpec &op); //!< "ChannelsApi"
    QString methodName(const OperationSpec &op); //!< "hangup", "sendDtmf", "deleteState"
    QString memberName(const QString &specName); //!< "reason_code" -> "reasonCode"
    QString cppType(const ParameterSpec &p); //!< "QString", "qint64", "QStringList", "QJsonObject"

    //! C++ calling the generated API of the library with \a values (as OperationCatalog::build
    //! takes them): an Options struct for the optional parameters that are set, then
    //! `auto future = client->channels()->hangup(…);`. For the events WebSocket (which the client
    //! opens itself) it calls the request builder instead. Unset required values are written
    //! empty. Assumes a `QtAri::Client *client`.
    QString cpp(const OperationSpec &op, const ParameterValues &values);

    //! A C++ literal of type cppType(\a p) holding \a value.
    QString cppLiteral(const ParameterSpec &p, const QString &value);

} // namespace RequestExport

} // namespace QtAri::Inspector
