// The one place that knows QtHttpServer's versions. QAbstractHttpServer's two virtual functions
// took the socket up to Qt 6.4, a responder from 6.5 (the missing handler by rvalue) and a
// responder by reference for both from 6.8, where QHttpServerResponder also lost
// writeStatusLine()/writeHeader()/writeBody() for write() with QHttpHeaders (which adds the
// Content-Length itself). A server derives from HttpServerBase and answers each request whole.
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtHttpServer/QAbstractHttpServer>
#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponder>
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QtNetwork/QHttpHeaders>
#endif

namespace QtAri::Testing {

// One complete answer: status, headers (without Content-Length, which is always added) and body.
struct HttpAnswer
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

class HttpServerBase : public QAbstractHttpServer
{
public:
    using QAbstractHttpServer::QAbstractHttpServer;

protected:
    virtual HttpAnswer answer(const QHttpServerRequest &request) = 0;

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        QHttpServerResponder responder = makeResponder(request, socket);
        write(responder, answer(request));
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override { }
#else
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override
    {
        write(responder, answer(request));
        return true;
    }
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    void missingHandler(const QHttpServerRequest &, QHttpServerResponder &&) override { }
#else
    void missingHandler(const QHttpServerRequest &, QHttpServerResponder &) override { }
#endif
#endif

private:
    static void write(QHttpServerResponder &responder, const HttpAnswer &a)
    {
        const auto status = static_cast<QHttpServerResponder::StatusCode>(a.status);
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
        responder.writeStatusLine(status);
        for (const auto &h : a.headers)
            responder.writeHeader(h.first, h.second);
        responder.writeHeader("Content-Length", QByteArray::number(a.body.size()));
        responder.writeBody(a.body);
#else
        QHttpHeaders headers;
        for (const auto &h : a.headers)
            headers.append(h.first, h.second);
        responder.write(a.body, headers, status);
#endif
    }
};

} // namespace QtAri::Testing
