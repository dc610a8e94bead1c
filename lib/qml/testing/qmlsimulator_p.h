// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QJsonArray>
#include <QtCore/QObject>
#include <QtCore/QUrl>
#include <QtQml/QJSValue>
#include <QtQml/QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

namespace QtAri::Testing {
class Simulator;
}

namespace QtAri::Qml {

//! \brief `Simulator` (import QtAri.Testing): the in-process ARI simulator, for Qt Quick Test
//! suites and demos without an Asterisk.
//!
//! \qml
//! Simulator { id: sim; user: "qml"; password: "secret"; running: true }
//! AriClient { url: sim.url; user: "qml"; password: "secret"; applications: ["app"] }
//! // later: const id = sim.startCall("app", {callerNumber: "1000"}); sim.sendDtmf(id, "5")
//! \endqml
class QmlSimulator : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(Simulator)
    //! Listening on 127.0.0.1 (any free port unless port is set before).
    Q_PROPERTY(bool running READ isRunning WRITE setRunning NOTIFY runningChanged FINAL)
    Q_PROPERTY(int port READ port WRITE setPort NOTIFY portChanged FINAL)
    Q_PROPERTY(QUrl url READ url NOTIFY runningChanged FINAL)
    //! The ARI user the simulator accepts (added before it starts). Default "asterisk".
    Q_PROPERTY(QString user READ user WRITE setUser NOTIFY userChanged FINAL)
    Q_PROPERTY(QString password READ password WRITE setPassword NOTIFY passwordChanged FINAL)
    //! Open event WebSockets.
    Q_PROPERTY(int webSocketCount READ webSocketCount NOTIFY webSocketCountChanged FINAL)
public:
    explicit QmlSimulator(QObject *parent = nullptr);
    ~QmlSimulator() override;

    bool isRunning() const;
    void setRunning(bool running);
    int port() const;
    void setPort(int port);
    QUrl url() const;
    QString user() const { return m_user; }
    void setUser(const QString &user);
    QString password() const { return m_password; }
    void setPassword(const QString &password);
    int webSocketCount() const;

    Q_INVOKABLE bool start();
    Q_INVOKABLE void stop();
    //! A call entering Stasis \a app. Options: args (array), channelId, callerNumber,
    //! callerName, endpoint ("PJSIP/alice"), variables (object). Returns the channel id, or an
    //! empty string after a JS error naming a wrong option.
    Q_INVOKABLE QString startCall(const QString &app, const QJSValue &options = QJSValue());
    Q_INVOKABLE void hangup(const QString &channelId, int cause = 16);
    Q_INVOKABLE void sendDtmf(const QString &channelId, const QString &digits);
    Q_INVOKABLE bool answer(const QString &channelId);
    //! The server's channels / bridges, as ARI lists them.
    Q_INVOKABLE QJsonArray channels() const;
    Q_INVOKABLE QJsonArray bridges() const;
    //! Fault injection.
    Q_INVOKABLE void dropWebSockets();
    Q_INVOKABLE void setRestDelay(int ms);
    Q_INVOKABLE void failRestRequests(int count, int status = 500);
    Q_INVOKABLE void setRefuseConnections(bool refuse);
    Q_INVOKABLE void setWebSocketsStalled(bool stalled);
    //! Background calls. Options: callsPerSecond, meanDurationMs, app, dtmf, bridging, playbacks.
    Q_INVOKABLE void setTraffic(const QJSValue &options);
    Q_INVOKABLE void reset();

    void classBegin() override;
    void componentComplete() override;

Q_SIGNALS:
    void runningChanged();
    void portChanged();
    void userChanged();
    void passwordChanged();
    void webSocketCountChanged();
    void requestReceived(const QString &method, const QString &path);

private:
    void throwError(const QString &message);
    QtAri::Testing::Simulator *m_sim;
    QString m_user = QStringLiteral("asterisk");
    QString m_password = QStringLiteral("asterisk");
    int m_port = 0;
    bool m_wantRunning = false;
    bool m_complete = false;
};

} // namespace QtAri::Qml
