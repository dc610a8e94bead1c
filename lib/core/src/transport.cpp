// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "qtari_logging_p.h"

#include <QtAri/Transport>

#include <QtCore/QDebug>

namespace QtAri {

Transport::Transport(QObject *parent) : QObject(parent) { }
Transport::~Transport() = default;

QDebug operator<<(QDebug debug, const Request &request)
{
    QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "QtAri::Request("
                              << (request.method.isEmpty() ? QByteArray("GET") : request.method)
                              << ' ' << Private::maskSecrets(QString::fromLatin1(request.path));
    if (!request.query.isEmpty())
        debug << '?' << Private::maskSecrets(QString::fromLatin1(request.query));
    debug << ' ' << request.operation << ", " << request.body.size() << " body bytes)";
    return debug;
}

QDebug operator<<(QDebug debug, const Response &response)
{
    QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "QtAri::Response(" << response.status << ", "
                              << (response.contentType.isEmpty() ? QByteArray("no content type")
                                                                 : response.contentType)
                              << ", " << response.body.size() << " body bytes)";
    return debug;
}

} // namespace QtAri
