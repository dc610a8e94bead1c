// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/Transport>

#include <QtCore/QFuture>
#include <QtCore/QList>
#include <QtCore/QPromise>

//! A Transport that records every request and answers with a canned response (or error).
class RecordingTransport : public QtAri::Transport
{
    Q_OBJECT
public:
    using QtAri::Transport::Transport;

    QFuture<QtAri::Result<QtAri::Response>> send(const QtAri::Request &request) override
    {
        sent.append(request);
        QPromise<QtAri::Result<QtAri::Response>> promise;
        QFuture<QtAri::Result<QtAri::Response>> future = promise.future();
        promise.start();
        promise.addResult(failure ? QtAri::Result<QtAri::Response>(*failure)
                                  : QtAri::Result<QtAri::Response>(reply));
        promise.finish();
        return future;
    }

    void answer(int status, const QByteArray &body)
    {
        reply.status = status;
        reply.body = body;
        reply.contentType = body.isEmpty() ? QByteArray() : QByteArrayLiteral("application/json");
    }

    QList<QtAri::Request> sent;
    QtAri::Response reply;
    std::optional<QtAri::Error> failure;
};
