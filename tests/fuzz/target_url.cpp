// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Fuzz target: Client::setUrl() and the credentials it takes from the URL.
//
// Input: the URL text. It is given to one Client twice, as QUrl(text) (tolerant parsing) and as
// QUrl::fromEncoded(bytes), after clearing the credentials of the previous input.
//
// Invariants (client.h: "user info or an api_key in the URL given to setUrl() is taken as the
// credentials and removed"): url() keeps no user info, query or fragment; the user comes from the
// api_key ("user:password", first occurrence) or else the user info; a REST URL built on it
// (HttpTransport::urlFor) has no user info, ends with /ari/channels and carries exactly the
// request's query.

#include "fuzzcommon.h"

#include <QtAri/Client>
#include <QtAri/HttpTransport>
#include <QtAri/Transport>

#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>

using namespace QtAri;
using QtAriFuzz::check;

static Client *g_client = nullptr;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QtAriFuzz::setUp();
    g_client = new Client;
    return 0;
}

static void tryUrl(const QUrl &input)
{
    g_client->setCredentials(QString(), QString());
    g_client->setUrl(input);

    const QUrl url = g_client->url();
    check(url.userInfo().isEmpty(), "url() has no user info");
    check(!url.hasQuery(), "url() has no query");
    check(!url.hasFragment(), "url() has no fragment");

    QString expectedUser = input.userName();
    const QUrlQuery query(input);
    if (query.hasQueryItem(QStringLiteral("api_key"))) {
        const QString key = query.queryItemValue(QStringLiteral("api_key"), QUrl::FullyDecoded);
        expectedUser = key.left(key.indexOf(u':'));
    }
    if (!expectedUser.isEmpty())
        check(g_client->user() == expectedUser, "the user is taken from the URL");
    else
        check(g_client->user().isEmpty(), "no user without one in the URL");

    auto *http = qobject_cast<HttpTransport *>(g_client->transport());
    check(http != nullptr, "the client's transport is an HttpTransport");
    check(http->baseUrl().userInfo().isEmpty(), "the transport's base URL has no user info");
    Request request;
    request.method = QByteArrayLiteral("GET");
    request.path = QByteArrayLiteral("/channels");
    request.query = QByteArrayLiteral("app=fuzz");
    const QUrl rest = http->urlFor(request);
    if (rest.isValid()) {
        check(rest.userInfo().isEmpty(), "a REST URL has no user info");
        check(rest.path(QUrl::FullyEncoded).endsWith(QLatin1StringView("/ari/channels")),
            "a REST URL ends with /ari/<path>");
        check(rest.query(QUrl::FullyEncoded) == QLatin1StringView("app=fuzz"),
            "a REST URL carries exactly the request's query");
        check(!rest.hasFragment(), "a REST URL has no fragment");
    }
    (void)QtAriFuzz::debugString(url);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw = QtAriFuzz::bytes(data, size);
    tryUrl(QUrl(QString::fromUtf8(raw)));
    tryUrl(QUrl::fromEncoded(raw));
    return 0;
}
