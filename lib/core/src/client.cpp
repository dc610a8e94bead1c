// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <QtAri/Client>

#include "client_p.h"
#include "live_p.h"
#include "codegen_p.h"
#include "qtari_logging_p.h"

#include <QtAri/ApplicationInfo>
#include <QtAri/ApplicationsApi>
#include <QtAri/AsteriskApi>
#include <QtAri/BridgeInfo>
#include <QtAri/BridgesApi>
#include <QtAri/ChannelInfo>
#include <QtAri/ChannelsApi>
#include <QtAri/DeviceStatesApi>
#include <QtAri/EndpointsApi>
#include <QtAri/EventsApi>
#include <QtAri/MailboxesApi>
#include <QtAri/PlaybacksApi>
#include <QtAri/RecordingsApi>
#include <QtAri/SoundsApi>

#include <QtAri/mailbox.h>
#include <QtAri/sound.h>
#include <QtAri/storedrecording.h>

#include <QtCore/QJsonObject>
#include <QtCore/QFutureWatcher>
#include <QtCore/QMetaMethod>
#include <QtCore/QPromise>

#include <optional>

namespace QtAri {

ClientPrivate::ClientPrivate(Client *q)
    : q_ptr(q),
      connection(new Private::Connection(q)),
      transport(new Private::ObservedTransport(connection->restTransport(), q))
{
    channels = std::make_unique<ChannelsApi>(transport);
    bridges = std::make_unique<BridgesApi>(transport);
    playbacks = std::make_unique<PlaybacksApi>(transport);
    recordings = std::make_unique<RecordingsApi>(transport);
    endpoints = std::make_unique<EndpointsApi>(transport);
    deviceStates = std::make_unique<DeviceStatesApi>(transport);
    mailboxes = std::make_unique<MailboxesApi>(transport);
    sounds = std::make_unique<SoundsApi>(transport);
    applications = std::make_unique<ApplicationsApi>(transport);
    asterisk = std::make_unique<AsteriskApi>(transport);
    events = std::make_unique<EventsApi>(transport);
    registry = std::make_unique<Private::Registry>(q);
    // Every answer passes the registry first: an operation that ended an object has ended the
    // live object by the time its caller hears of it.
    transport->setServerMajor([this] {
        return connection->transport()->serverVersion().section(u'.', 0, 0).toInt();
    });
    transport->setClock([this] { return registry ? registry->eventCount() : 0; });
    transport->setObserver([this](const Request &request, quint64 sentAt,
                                  const Result<Response> &result, std::function<void()> release) {
        if (registry)
            registry->observe(request, sentAt, result, std::move(release));
        else
            release();
    });

    connection->frameReceived = [this](const Private::DecodedFrame &frame) { handleFrame(frame); };
    connection->resync = [this] { return resync(); };
    connection->stopped = [this](const Error &reason) {
        if (registry)
            registry->clear(reason);
    };
}

ClientPrivate::~ClientPrivate() = default;

void ClientPrivate::handleFrame(const Private::DecodedFrame &frame)
{
    Q_Q(Client);
    const Result<Event> &decoded = *frame.event;
    if (!decoded) {
        const Error error = decoded.error();
        qCWarning(lcAriEvents).noquote()
                << "event" << frame.typeName << "could not be decoded:" << error.toString();
        Q_EMIT q->errorOccurred(error);
        return;
    }
    const Event &event = decoded.value();
    if (const auto *user = event.as<ChannelUsereventEvent>();
        user && user->eventname == Private::Registry::fenceEventName()) {
        // The registry's own fence (see Registry::observe): not an event of the application.
        bool ok = false;
        const int number = user->userevent.value(QLatin1StringView("fence")).toString().toInt(&ok);
        if (ok)
            registry->fencePassed(number);
        return;
    }
    if (event.type() == EventType::Unknown) {
        qCWarning(lcAriEvents).noquote()
                << "unknown event type" << frame.typeName.left(80) << "delivered as raw JSON";
    } else {
        if (const auto *replaced = event.as<ApplicationReplacedEvent>()) {
            qCWarning(lcAriSocket).noquote()
                    << "another connection took over application" << replaced->application
                    << "- this client receives no more events for it";
        }
        registry->dispatch(event);
    }
    Q_EMIT q->eventReceived(event);
}

// A listing can hold ten thousand objects: it is decoded on the thread pool, so a resync does not
// stall the client's (often the GUI) thread; only applying it to the registry happens there.
template<class Info>
static QFuture<Result<QList<Info>>> fetchListing(Transport *transport, Result<Request> request)
{
    if (!request)
        return Private::readyFuture(Result<QList<Info>>(request.error()));
    return transport->send(*request).then(
            QtFuture::Launch::Async,
            [operation = request->operation](const Result<Response> &response) {
                if (!response)
                    return Result<QList<Info>>(response.error().operation().isEmpty()
                                                       ? response.error().withOperation(operation)
                                                       : response.error());
                return Private::decodeList<Info>(*response, operation);
            });
}

// One resync in flight: the two listings, decoded on the thread pool, and (without subscribeAll)
// each application's subscriptions come back to the client's thread through QFutureWatchers
// (never a QFuture::then(context) continuation, which Qt 6.4 runs in the worker and which asserts
// there once the context is gone).
class ClientPrivate::Resync : public QObject
{
public:
    explicit Resync(ClientPrivate *d) : d(d) { promise.start(); }
    ~Resync() override { abort(); }

    void abort()
    {
        if (done)
            return;
        done = true;
        promise.addResult(Result<void>(
                Error(Error::Kind::Aborted, QStringLiteral("client stopped"), QString())));
        promise.finish();
    }

    // A server may lack a module, or the user may lack the right, for one listing: the
    // connection still works, so that kind is left as it is and the problem is reported.
    // Authentication, network and server failures fail the attempt.
    template<class T>
    bool tolerable(const Result<T> &result)
    {
        if (result)
            return true;
        const Error &error = result.error();
        const int status = error.httpStatus();
        if (error.kind() != Error::Kind::Http || (status != 403 && status != 404 && status != 501))
            return false;
        qCWarning(lcAriSocket).noquote() << "resync:" << error.operation() << "failed with HTTP"
                                         << status << "- mirroring what can be mirrored without it";
        Q_EMIT d->q_ptr->errorOccurred(error);
        return true;
    }

    void tryFinish()
    {
        if (done || !channels || !bridges || applicationsLeft > 0)
            return;
        done = true;
        if (!tolerable(*channels)) {
            promise.addResult(Result<void>(channels->error()));
        } else if (!tolerable(*bridges)) {
            promise.addResult(Result<void>(bridges->error()));
        } else {
            const QList<ChannelInfo> *channelList = *channels ? &channels->value() : nullptr;
            const QList<BridgeInfo> *bridgeList = *bridges ? &bridges->value() : nullptr;
            qCDebug(lcAriSocket) << "resync:" << (channelList ? channelList->size() : -1)
                                 << "channels," << (bridgeList ? bridgeList->size() : -1)
                                 << "bridges," << applications.size() << "applications";
            d->registry->setSubscriptions(applications);
            d->registry->reconcile(channelList, bridgeList);
            d->registry->refreshDeviceStates();
            d->registry->refreshMailboxes();
            promise.addResult(Result<void>());
        }
        channels.reset(); // the listings are applied: free them now
        bridges.reset();
        promise.finish();
    }

    ClientPrivate *d;
    bool done = false;
    std::optional<Result<QList<ChannelInfo>>> channels;
    std::optional<Result<QList<BridgeInfo>>> bridges;
    QList<ApplicationInfo> applications;
    int applicationsLeft = 0;
    QFutureWatcher<Result<QList<ChannelInfo>>> channelWatcher;
    QFutureWatcher<Result<QList<BridgeInfo>>> bridgeWatcher;
    QPromise<Result<void>> promise;
};

void ClientPrivate::abortResync()
{
    if (resyncInFlight) {
        resyncInFlight->abort();
        resyncInFlight->deleteLater(); // it may be the one whose watcher is emitting right now
        resyncInFlight = nullptr;
    }
}

// After every (re)connect: list channels and bridges (and, without subscribeAll, what each
// application is subscribed to) and let the registry reconcile.
QFuture<Result<void>> ClientPrivate::resync()
{
    abortResync();
    registry->configure(connection->internalTransport(), connection->applications(),
                        connection->subscribeAll());
    registry->beginResync(); // events from now on are newer than the listings
    auto *pending = new Resync(this);
    resyncInFlight = pending;
    QFuture<Result<void>> future = pending->promise.future();

    QObject::connect(&pending->channelWatcher, &QFutureWatcherBase::finished, pending, [pending] {
        pending->channels = pending->channelWatcher.result();
        pending->tryFinish();
    });
    QObject::connect(&pending->bridgeWatcher, &QFutureWatcherBase::finished, pending, [pending] {
        pending->bridges = pending->bridgeWatcher.result();
        pending->tryFinish();
    });
    Transport *transport = connection->internalTransport();
    if (!connection->subscribeAll()) {
        for (const QString &name : connection->applications()) {
            auto *watcher = new QFutureWatcher<Result<ApplicationInfo>>(pending);
            ++pending->applicationsLeft;
            QObject::connect(watcher, &QFutureWatcherBase::finished, pending, [pending, watcher] {
                const Result<ApplicationInfo> result = watcher->result();
                if (result)
                    pending->applications.append(*result);
                else
                    qCWarning(lcAriSocket) << "resync: the subscriptions of an application could"
                                           << "not be read:" << result.error();
                --pending->applicationsLeft;
                pending->tryFinish();
            });
            watcher->setFuture(Private::call<ApplicationInfo>(
                    transport, ApplicationsApi::getRequest(name), Private::decodeValue<ApplicationInfo>));
        }
    }
    pending->channelWatcher.setFuture(
            fetchListing<ChannelInfo>(transport, ChannelsApi::listRequest()));
    pending->bridgeWatcher.setFuture(fetchListing<BridgeInfo>(transport, BridgesApi::listRequest()));
    return future;
}

// ClientEvents only declares signals; Client is its one subclass, so its special members live here.
ClientEvents::ClientEvents(QObject *parent) : QObject(parent) { }
ClientEvents::~ClientEvents() = default;

Client::Client(QObject *parent) : ClientEvents(parent), d(std::make_unique<ClientPrivate>(this))
{
    Q_D(Client);
    auto *connection = d->connection;
    connect(connection, &Private::Connection::stateChanged, this,
            [this](Private::Connection::State state) {
                Q_EMIT stateChanged(static_cast<State>(state));
            });
    connect(connection, &Private::Connection::connected, this, &Client::connected);
    connect(connection, &Private::Connection::disconnected, this, &Client::disconnected);
    connect(connection, &Private::Connection::reconnecting, this, &Client::reconnecting);
    connect(connection, &Private::Connection::errorOccurred, this, &Client::errorOccurred);
    static const QMetaMethod finishedSignal = QMetaMethod::fromSignal(&Client::requestFinished);
    connection->restTransport()->setTap(
            [this](const Exchange &exchange) { Q_EMIT requestFinished(exchange); },
            [this] { return isSignalConnected(finishedSignal); });
}

Client::~Client()
{
    Q_D(Client);
    // The API objects' transport outlives this body (a child of the client): it must not call
    // back into the private data that is about to go.
    d->transport->setObserver({});
    d->connection->restTransport()->setTap({}, {});
    d->transport->setClock({});
    d->transport->setServerMajor({});
    // Finish every future first (their continuations may still look at the client), then drop
    // the live objects.
    d->connection->shutdown();
    delete std::exchange(d->resyncInFlight, nullptr);
    d->registry.reset();
}

Client::State Client::state() const { return static_cast<State>(d->connection->state()); }

void Client::setUrl(const QUrl &url) { d->connection->setUrl(url); }
QUrl Client::url() const { return d->connection->url(); }

void Client::setCredentials(const QString &user, const QString &password)
{
    d->connection->setCredentials(user, password);
}
QString Client::user() const { return d->connection->user(); }

void Client::setApplicationNames(const QStringList &names) { d->connection->setApplications(names); }
QStringList Client::applicationNames() const { return d->connection->applications(); }

void Client::setSubscribeAll(bool subscribeAll) { d->connection->setSubscribeAll(subscribeAll); }
bool Client::subscribeAll() const { return d->connection->subscribeAll(); }

void Client::setRestTransport(RestTransport transport)
{
    using Mode = Private::SocketTransport::Mode;
    d->connection->setRestMode(transport == RestTransport::Http        ? Mode::Http
                                       : transport == RestTransport::WebSocket ? Mode::WebSocket
                                                                               : Mode::Auto);
}

Client::RestTransport Client::restTransport() const
{
    using Mode = Private::SocketTransport::Mode;
    switch (d->connection->restTransport()->mode()) {
    case Mode::Http: return RestTransport::Http;
    case Mode::WebSocket: return RestTransport::WebSocket;
    case Mode::Auto: break;
    }
    return RestTransport::Auto;
}

void Client::setSslConfiguration(const QSslConfiguration &configuration)
{
    d->connection->setSslConfiguration(configuration);
}
QSslConfiguration Client::sslConfiguration() const { return d->connection->sslConfiguration(); }
void Client::addCaCertificates(const QList<QSslCertificate> &certificates)
{
    d->connection->addCaCertificates(certificates);
}
void Client::setVerifyPeer(bool verify) { d->connection->setVerifyPeer(verify); }
bool Client::verifyPeer() const { return d->connection->verifyPeer(); }

void Client::setRequestTimeout(int ms) { d->connection->setRequestTimeout(ms); }
int Client::requestTimeout() const { return d->connection->requestTimeout(); }

void Client::setReconnectPolicy(const ReconnectPolicy &policy)
{
    d->connection->setReconnectPolicy(policy);
}
ReconnectPolicy Client::reconnectPolicy() const { return d->connection->reconnectPolicy(); }

void Client::setKeepalive(int pingIntervalMs, int pongTimeoutMs)
{
    d->connection->setKeepalive(pingIntervalMs, pongTimeoutMs);
}
int Client::pingInterval() const { return d->connection->pingInterval(); }
int Client::pongTimeout() const { return d->connection->pongTimeout(); }

QFuture<Result<void>> Client::connectToServer() { return d->connection->connectToServer(); }
void Client::disconnectFromServer() { d->connection->disconnectFromServer(); }

Transport *Client::transport() const { return d->connection->transport(); }

QFuture<Result<Response>> Client::send(const Request &request)
{
    return d->transport->send(request);
}

ChannelsApi *Client::channels() const { return d->channels.get(); }
BridgesApi *Client::bridges() const { return d->bridges.get(); }
PlaybacksApi *Client::playbacks() const { return d->playbacks.get(); }
RecordingsApi *Client::recordings() const { return d->recordings.get(); }
EndpointsApi *Client::endpoints() const { return d->endpoints.get(); }
DeviceStatesApi *Client::deviceStates() const { return d->deviceStates.get(); }
MailboxesApi *Client::mailboxes() const { return d->mailboxes.get(); }
SoundsApi *Client::sounds() const { return d->sounds.get(); }
ApplicationsApi *Client::applications() const { return d->applications.get(); }
AsteriskApi *Client::asterisk() const { return d->asterisk.get(); }
EventsApi *Client::events() const { return d->events.get(); }

Channel *Client::channel(const QString &id) const { return d->registry->channel(id); }
Bridge *Client::bridge(const QString &id) const { return d->registry->bridge(id); }
Playback *Client::playback(const QString &id) const { return d->registry->playback(id); }
LiveRecording *Client::liveRecording(const QString &name) const
{
    return d->registry->liveRecording(name);
}
StoredRecording *Client::storedRecording(const QString &name) const
{
    return d->registry->storedRecording(name);
}
Endpoint *Client::endpoint(const QString &technology, const QString &resource) const
{
    return d->registry->endpoint(technology, resource);
}
DeviceState *Client::deviceState(const QString &name) const { return d->registry->deviceState(name); }
Mailbox *Client::mailbox(const QString &name) const { return d->registry->mailbox(name); }
QFuture<Result<Mailbox *>> Client::fetchMailbox(const QString &name)
{
    return Private::toLive<Mailbox>(this, d->mailboxes->get(name));
}
Sound *Client::sound(const QString &id) const { return d->registry->sound(id); }
Application *Client::application(const QString &name) const
{
    return d->registry->application(name);
}
QList<Channel *> Client::liveChannels() const { return d->registry->channels(); }
QList<Bridge *> Client::liveBridges() const { return d->registry->bridges(); }
QList<Playback *> Client::livePlaybacks() const { return d->registry->playbacks(); }
QList<LiveRecording *> Client::liveRecordings() const { return d->registry->liveRecordings(); }
AsteriskSystem *Client::asteriskSystem() const { return d->registry->asteriskSystem(); }

Channel *Client::newChannel() { return d->registry->newChannel(); }
Bridge *Client::newBridge() { return d->registry->newBridge(); }
Playback *Client::newPlayback() { return d->registry->newPlayback(); }
LiveRecording *Client::newLiveRecording() { return d->registry->newLiveRecording(); }

} // namespace QtAri
