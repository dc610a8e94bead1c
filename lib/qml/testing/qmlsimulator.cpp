// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "qmlsimulator_p.h"

#include <QtAri/Testing/Simulator>

#include <QtCore/QCoreApplication>
#include <QtQml/QJSEngine>
#include <QtQml/QJSValueIterator>

using namespace Qt::StringLiterals;

namespace QtAri::Qml {

QmlSimulator::QmlSimulator(QObject *parent)
    : QObject(parent), m_sim(new QtAri::Testing::Simulator(this))
{
    QObject::connect(m_sim, &QtAri::Testing::Simulator::requestReceived, this,
                     &QmlSimulator::requestReceived);
    QObject::connect(m_sim, &QtAri::Testing::Simulator::webSocketConnected, this,
                     &QmlSimulator::webSocketCountChanged);
    QObject::connect(m_sim, &QtAri::Testing::Simulator::webSocketDisconnected, this,
                     &QmlSimulator::webSocketCountChanged);
}

QmlSimulator::~QmlSimulator() = default;

void QmlSimulator::classBegin() { }

void QmlSimulator::componentComplete()
{
    m_complete = true;
    if (m_wantRunning)
        start();
}

bool QmlSimulator::isRunning() const
{
    return m_sim->isListening();
}

void QmlSimulator::setRunning(bool running)
{
    m_wantRunning = running;
    if (!m_complete)
        return;
    if (running) {
        start();
    } else {
        stop();
    }
}

int QmlSimulator::port() const
{
    return m_sim->isListening() ? int(m_sim->port()) : m_port;
}

void QmlSimulator::setPort(int port)
{
    if (port == m_port)
        return;
    m_port = port;
    Q_EMIT portChanged();
}

QUrl QmlSimulator::url() const
{
    return m_sim->isListening() ? m_sim->url() : QUrl();
}

void QmlSimulator::setUser(const QString &user)
{
    if (user == m_user)
        return;
    m_user = user;
    Q_EMIT userChanged();
}

void QmlSimulator::setPassword(const QString &password)
{
    if (password == m_password)
        return;
    m_password = password;
    Q_EMIT passwordChanged();
}

int QmlSimulator::webSocketCount() const
{
    return m_sim->webSocketCount();
}

bool QmlSimulator::start()
{
    if (m_sim->isListening())
        return true;
    m_sim->addUser(m_user, m_password);
    if (!m_sim->start(QHostAddress::LocalHost, quint16(m_port)))
        return false;
    Q_EMIT runningChanged();
    Q_EMIT portChanged();
    return true;
}

void QmlSimulator::stop()
{
    if (!m_sim->isListening())
        return;
    m_sim->stop();
    Q_EMIT runningChanged();
}

void QmlSimulator::throwError(const QString &message)
{
    if (QJSEngine *engine = qjsEngine(this))
        engine->throwError(QJSValue::TypeError, message);
}

QString QmlSimulator::startCall(const QString &app, const QJSValue &options)
{
    QtAri::Testing::Simulator::IncomingCall call;
    call.app = app;
    if (!options.isUndefined() && !options.isNull()) {
        if (!options.isObject() || options.isArray()) {
            throwError(u"startCall: the options must be an object"_s);
            return QString();
        }
        QJSValueIterator it(options);
        while (it.hasNext()) {
            it.next();
            const QString key = it.name();
            const QJSValue v = it.value();
            if (key == u"args" && v.isArray()) {
                call.args = v.toVariant().toStringList();
            } else if (key == u"channelId" && v.isString()) {
                call.channelId = v.toString();
            } else if (key == u"callerNumber" && v.isString()) {
                call.callerNumber = v.toString();
            } else if (key == u"callerName" && v.isString()) {
                call.callerName = v.toString();
            } else if (key == u"endpoint" && v.isString()) {
                call.endpoint = v.toString();
            } else if (key == u"variables" && v.isObject()) {
                const QVariantMap vars = v.toVariant().toMap();
                for (auto i = vars.cbegin(); i != vars.cend(); ++i)
                    call.variables.insert(i.key(), i.value().toString());
            } else {
                throwError(u"startCall: unknown option or wrong type: '%1'"_s.arg(key));
                return QString();
            }
        }
    }
    return m_sim->startIncomingCall(call);
}

void QmlSimulator::hangup(const QString &channelId, int cause)
{
    m_sim->hangupChannel(channelId, cause);
}

void QmlSimulator::sendDtmf(const QString &channelId, const QString &digits)
{
    m_sim->sendDtmf(channelId, digits);
}

bool QmlSimulator::answer(const QString &channelId)
{
    return m_sim->answerChannel(channelId);
}

QJsonArray QmlSimulator::channels() const
{
    return m_sim->channels();
}

QJsonArray QmlSimulator::bridges() const
{
    return m_sim->bridges();
}

void QmlSimulator::dropWebSockets()
{
    m_sim->dropWebSockets();
}

void QmlSimulator::setRestDelay(int ms)
{
    m_sim->setRestDelay(ms);
}

void QmlSimulator::failRestRequests(int count, int status)
{
    m_sim->failRestRequests(count, status);
}

void QmlSimulator::setRefuseConnections(bool refuse)
{
    m_sim->setRefuseConnections(refuse);
}

void QmlSimulator::setWebSocketsStalled(bool stalled)
{
    m_sim->setWebSocketsStalled(stalled);
}

void QmlSimulator::setTraffic(const QJSValue &options)
{
    QtAri::Testing::Simulator::Traffic t;
    QJSValueIterator it(options);
    while (it.hasNext()) {
        it.next();
        const QString key = it.name();
        const QJSValue v = it.value();
        if (key == u"callsPerSecond" && v.isNumber()) {
            t.callsPerSecond = v.toNumber();
        } else if (key == u"meanDurationMs" && v.isNumber()) {
            t.meanDurationMs = v.toInt();
        } else if (key == u"app" && v.isString()) {
            t.app = v.toString();
        } else if (key == u"dtmf" && v.isBool()) {
            t.dtmf = v.toBool();
        } else if (key == u"bridging" && v.isBool()) {
            t.bridging = v.toBool();
        } else if (key == u"playbacks" && v.isBool()) {
            t.playbacks = v.toBool();
        } else {
            throwError(u"setTraffic: unknown option or wrong type: '%1'"_s.arg(key));
            return;
        }
    }
    m_sim->setTraffic(t);
}

void QmlSimulator::reset()
{
    m_sim->reset();
}

} // namespace QtAri::Qml
