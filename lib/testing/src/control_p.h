// The simulator's control API (docs/simulator.md): HTTP + JSON on a port of its own, and scripts.
#pragma once

#include <QtAri/Testing/simulator.h>

#include <QtCore/QJsonObject>
#include <QtCore/QJsonValue>
#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtNetwork/QTcpServer>

#include "httpserver_p.h"

namespace QtAri::Testing {

// One answer of the control API: a status and a JSON body (an object or an array).
struct ControlReply
{
    int status = 200;
    QJsonValue body = QJsonObject();
    static ControlReply error(int status, const QString &message);
};

// Serves /control/... for one Simulator (its QObject parent) and plays scripts through the same
// requests. Everything goes through Simulator's public API.
class ControlServer : public HttpServerBase
{
    Q_OBJECT
public:
    explicit ControlServer(Simulator *sim);
    ~ControlServer() override;

    bool listen(const QHostAddress &address, quint16 port);
    void setToken(const QString &token) { m_token = token; }
    QUrl url() const;

    // One request, as HTTP and scripts make it: method "GET"/"POST"/..., path "/control/...".
    ControlReply perform(const QString &method, const QString &path, const QJsonValue &body);

    // Scripts: parse all lines first, then run them one after the other.
    bool playScript(const QByteArray &script, QString *error);

protected:
    HttpAnswer answer(const QHttpServerRequest &request) override;

private:
    struct ScriptStep
    {
        int line = 0;
        int afterMs = 0;
        QString method;
        QString path;
        QJsonValue body;
        int expect = 0; // 0 = any status below 400
        int exitCode = -1; // >= 0: an "exit" line
    };

    ControlReply route(const QString &method, const QStringList &segments, const QJsonObject &body);
    ControlReply startCall(const QJsonObject &body);
    ControlReply startBroadcast(const QJsonObject &body);
    bool hasChannel(const QString &id) const;
    void runNextStep();

    Simulator *m_sim;
    QString m_token;
    QPointer<QTcpServer> m_tcp; // owned by QAbstractHttpServer after bind()
    QList<ScriptStep> m_steps;
    QTimer m_stepTimer;
};

} // namespace QtAri::Testing
