// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "qtari_logging_p.h"

#include <QtCore/QRegularExpression>
#include <QtCore/QUrlQuery>

Q_LOGGING_CATEGORY(lcAriRest, "qtari.rest", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAriEvents, "qtari.events", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAriSocket, "qtari.socket", QtInfoMsg)

namespace QtAri::Private {

static bool isSecretKey(const QString &key)
{
    const QString k = key.toLower();
    return k == u"api_key" || k == u"apikey" || k.contains(u"password") || k.contains(u"secret")
            || k == u"pass" || k == u"token";
}

QString maskedUrl(const QUrl &url)
{
    QUrl copy = url.adjusted(QUrl::RemoveUserInfo);
    if (copy.hasQuery()) {
        QUrlQuery query(copy);
        const auto items = query.queryItems(QUrl::FullyEncoded);
        QUrlQuery masked;
        for (const auto &item : items)
            masked.addQueryItem(item.first,
                                isSecretKey(item.first) ? QStringLiteral("***") : item.second);
        copy.setQuery(masked);
    }
    return copy.toDisplayString(QUrl::RemoveUserInfo);
}

QString maskSecrets(const QString &text)
{
    static const QRegularExpression queryItem(
            QStringLiteral("((?:api_?key|[a-z_]*password|[a-z_]*secret|token)=)[^&\\s\"']*"),
            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression userInfo(QStringLiteral("(://)[^/@\\s]*@"));
    static const QRegularExpression authorization(QStringLiteral("\\b(Basic|Bearer) [A-Za-z0-9+/=._~-]+"));
    QString result = text;
    result.replace(queryItem, QStringLiteral("\\1***"));
    result.replace(userInfo, QStringLiteral("\\1***@"));
    result.replace(authorization, QStringLiteral("\\1 ***"));
    return result;
}

} // namespace QtAri::Private
