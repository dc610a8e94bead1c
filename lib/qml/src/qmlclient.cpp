// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "qmlclient_p.h"

#include "qmlobjects_p.h"
#include "qmlpromise_p.h"

#include <QtAri/Bridge>
#include <QtAri/Channel>
#include <QtAri/Client>
#include <QtAri/DeviceState>
#include <QtAri/Endpoint>
#include <QtAri/LiveRecording>
#include <QtAri/Mailbox>
#include <QtAri/Playback>

#include <QtQml/QQmlEngine>

using namespace Qt::StringLiterals;

namespace QtAri::Qml {

namespace {

// The JS heap owns \a object from now on and frees it once nothing references it (at the latest
// when the engine goes). The ownership is set explicitly: newQObject() alone keeps the explicit
// CppOwnership the object had while the client owned it.
void handToJavaScript(QJSEngine *engine, QObject *object)
{
    QJSEngine::setObjectOwnership(object, QJSEngine::JavaScriptOwnership);
    engine->newQObject(object);
}

} // namespace

QmlClient::QmlClient(QObject *parent)
    : QObject(parent), m_client(new Client(this)), m_promises(new Promises(this))
{
    QObject::connect(m_client, &Client::stateChanged, this, [this](Client::State s) {
        if (s == Client::State::Connected)
            setErrorString(QString());
        Q_EMIT stateChanged(State(int(s)));
    });
    QObject::connect(m_client, &Client::connected, this, &QmlClient::connected);
    QObject::connect(m_client, &Client::disconnected, this, &QmlClient::disconnected);
    QObject::connect(m_client, &Client::errorOccurred, this, [this](const Error &error) {
        setErrorString(error.toString());
        ensureEngine();
        Q_EMIT errorOccurred(m_promises->errorObject(error));
    });
    // A QML object per channel only when someone listens: 10,000 calls need no 10,000 wrappers.
    QObject::connect(m_client, &ClientEvents::stasisStarted, this,
                     [this](Channel *channel, const QStringList &args) {
                         if (isSignalConnected(QMetaMethod::fromSignal(&QmlClient::stasisStarted)))
                             Q_EMIT stasisStarted(wrap(channel), args);
                     });
    QObject::connect(m_client, &ClientEvents::stasisEnded, this, [this](Channel *channel) {
        if (isSignalConnected(QMetaMethod::fromSignal(&QmlClient::stasisEnded)))
            Q_EMIT stasisEnded(wrap(channel));
    });
    QObject::connect(m_client, &ClientEvents::channelAdded, this, [this](Channel *channel) {
        if (isSignalConnected(QMetaMethod::fromSignal(&QmlClient::channelAdded)))
            Q_EMIT channelAdded(wrap(channel));
    });
    QObject::connect(m_client, &ClientEvents::bridgeAdded, this, [this](Bridge *bridge) {
        if (isSignalConnected(QMetaMethod::fromSignal(&QmlClient::bridgeAdded)))
            Q_EMIT bridgeAdded(wrap(bridge));
    });
    QObject::connect(m_client, &ClientEvents::deviceStateChanged, this, [this](DeviceState *state) {
        if (isSignalConnected(QMetaMethod::fromSignal(&QmlClient::deviceStateChanged)))
            Q_EMIT deviceStateChanged(wrap(state));
    });
    QObject::connect(m_client, &ClientEvents::endpointStateChanged, this, [this](Endpoint *endpoint) {
        if (isSignalConnected(QMetaMethod::fromSignal(&QmlClient::endpointStateChanged)))
            Q_EMIT endpointStateChanged(wrap(endpoint));
    });
    QObject::connect(m_promises, &Promises::pendingCountChanged, this,
                     &QmlClient::pendingOperationsChanged);
}

QmlClient::~QmlClient()
{
    // The core client fails its pending futures with Aborted as it goes; the promises settle
    // with Aborted right after, while the engine still runs.
    m_dying = true;
    for (auto it = m_wrappers.cbegin(); it != m_wrappers.cend(); ++it)
        it.key()->disconnect(it.value());
    delete m_client;
    m_client = nullptr;
    // QML may hold some of the objects: they end (nothing updates them any more) and belong to
    // the JavaScript heap from now on; their operations reject with NotConnected.
    QJSEngine *engine = m_promises->engine();
    const QList<QmlLiveObject *> wrappers = m_wrappers.values();
    m_wrappers.clear();
    for (QmlLiveObject *w : wrappers) {
        w->clientGone();
        if (engine) {
            handToJavaScript(engine, w);
        } else {
            delete w;
        }
    }
    delete m_promises;
    m_promises = nullptr;
}

void QmlClient::classBegin() { }

void QmlClient::componentComplete()
{
    ensureEngine();
}

void QmlClient::ensureEngine()
{
    if (!m_promises->engine())
        m_promises->setEngine(qjsEngine(this));
}

QUrl QmlClient::url() const { return m_client->url(); }
void QmlClient::setUrl(const QUrl &url)
{
    if (url == m_client->url())
        return;
    m_client->setUrl(url);
    Q_EMIT urlChanged();
}

QString QmlClient::user() const { return m_client->user(); }
void QmlClient::setUser(const QString &user)
{
    if (user == m_client->user())
        return;
    m_client->setCredentials(user, m_password);
    Q_EMIT userChanged();
}

void QmlClient::setPassword(const QString &password)
{
    if (password == m_password)
        return;
    m_password = password;
    m_client->setCredentials(m_client->user(), m_password);
    Q_EMIT passwordChanged();
}

QStringList QmlClient::applications() const { return m_client->applicationNames(); }
void QmlClient::setApplications(const QStringList &applications)
{
    if (applications == m_client->applicationNames())
        return;
    m_client->setApplicationNames(applications);
    Q_EMIT applicationsChanged();
}

bool QmlClient::subscribeAll() const { return m_client->subscribeAll(); }
void QmlClient::setSubscribeAll(bool subscribeAll)
{
    if (subscribeAll == m_client->subscribeAll())
        return;
    m_client->setSubscribeAll(subscribeAll);
    Q_EMIT subscribeAllChanged();
}

int QmlClient::requestTimeout() const { return m_client->requestTimeout(); }
void QmlClient::setRequestTimeout(int ms)
{
    if (ms == m_client->requestTimeout())
        return;
    m_client->setRequestTimeout(ms);
    Q_EMIT requestTimeoutChanged();
}

QmlClient::State QmlClient::state() const
{
    return State(int(m_client->state()));
}

int QmlClient::pendingOperations() const
{
    return m_promises ? m_promises->pendingCount() : 0;
}

void QmlClient::setErrorString(const QString &text)
{
    if (text == m_errorString)
        return;
    m_errorString = text;
    Q_EMIT errorStringChanged();
}

QJSValue QmlClient::connect()
{
    ensureEngine();
    QFuture<Result<void>> f = m_client->connectToServer();
    // The error line follows the attempt too, also when nobody catches the promise.
    auto *watcher = new QFutureWatcher<Result<void>>(this);
    QObject::connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0 && !watcher->result())
            setErrorString(watcher->result().error().toString());
    });
    watcher->setFuture(f);
    return m_promises->track(f);
}

void QmlClient::disconnect()
{
    m_client->disconnectFromServer();
}

QmlChannel *QmlClient::channel(const QString &id)
{
    return wrap(m_client->channel(id));
}

QmlBridge *QmlClient::bridge(const QString &id)
{
    return wrap(m_client->bridge(id));
}

QmlChannel *QmlClient::newChannel()
{
    return wrap(m_client->newChannel());
}

QmlBridge *QmlClient::newBridge()
{
    return wrap(m_client->newBridge());
}

QJSValue QmlClient::originate(const QString &endpoint, const QJSValue &options)
{
    return newChannel()->originate(endpoint, options);
}

QJSValue QmlClient::createBridge(const QJSValue &options)
{
    return newBridge()->create(options);
}

template<typename W, typename C>
W *QmlClient::wrapAs(C *core)
{
    if (!core)
        return nullptr;
    if (QmlLiveObject *w = m_wrappers.value(core))
        return static_cast<W *>(w);
    ensureEngine();
    auto *w = new W(this, core);
    // Owned by this client while the core object lives (release() hands it to the JS heap).
    // A QML object that is not a child of the client: see QmlLiveObject.
    QQmlEngine::setObjectOwnership(w, QQmlEngine::CppOwnership);
    m_wrappers.insert(core, w);
    return w;
}

QmlChannel *QmlClient::wrap(Channel *channel) { return wrapAs<QmlChannel>(channel); }
QmlBridge *QmlClient::wrap(Bridge *bridge) { return wrapAs<QmlBridge>(bridge); }
QmlPlayback *QmlClient::wrap(Playback *playback) { return wrapAs<QmlPlayback>(playback); }
QmlLiveRecording *QmlClient::wrap(LiveRecording *recording)
{
    return wrapAs<QmlLiveRecording>(recording);
}

QmlEndpoint *QmlClient::wrap(Endpoint *endpoint) { return wrapAs<QmlEndpoint>(endpoint); }
QmlDeviceState *QmlClient::wrap(DeviceState *deviceState)
{
    return wrapAs<QmlDeviceState>(deviceState);
}
QmlMailbox *QmlClient::wrap(Mailbox *mailbox) { return wrapAs<QmlMailbox>(mailbox); }

void QmlClient::release(QmlLiveObject *object, QObject *core)
{
    if (m_dying || m_wrappers.value(core) != object)
        return;
    m_wrappers.remove(core);
    // QML may still hold it: it keeps its last values. The JS heap frees it once unreferenced;
    // without an engine nobody can hold it, so it goes now.
    QJSEngine *engine = m_promises ? m_promises->engine() : nullptr;
    if (!engine) {
        object->deleteLater();
        return;
    }
    handToJavaScript(engine, object);
}

} // namespace QtAri::Qml
