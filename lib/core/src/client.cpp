// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <QtAri/Client>

#include "client_p.h"
#include "codegen_p.h"
#include "qtari_logging_p.h"

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
#include <QtCore/QPromise>

#include <optional>

namespace QtAri {

ClientPrivate::ClientPrivate(Client *q)
    : q_ptr(q), connection(new Private::Connection(q))
{
    Transport *transport = connection->transport();
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

    connection->frameReceived = [this](const QJsonObject &object) { handleFrame(object); };
    connection->resync = [this] { return resync(); };
    connection->stopped = [this](const Error &reason) {
        if (registry)
            registry->clear(reason);
    };
}

ClientPrivate::~ClientPrivate() = default;

void ClientPrivate::handleFrame(const QJsonObject &object)
{
    Q_Q(Client);
    Result<Event> decoded = Event::decode(object);
    if (!decoded) {
        const Error error = decoded.error();
        qCWarning(lcAriEvents).noquote()
                << "event" << object.value(QLatin1StringView("type")).toString()
                << "could not be decoded:" << error.toString();
        Q_EMIT q->errorOccurred(error);
        return;
    }
    const Event &event = decoded.value();
    if (event.type() == EventType::Unknown) {
        qCWarning(lcAriEvents).noquote()
                << "unknown event type"
                << object.value(QLatin1StringView("type")).toString().left(80)
                << "delivered as raw JSON";
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
        return Private::finishedFuture(Result<QList<Info>>(request.error()));
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

// After every (re)connect: list channels and bridges and let the registry reconcile.
QFuture<Result<void>> ClientPrivate::resync()
{
    Q_Q(Client);
    struct Pending
    {
        std::optional<Result<QList<ChannelInfo>>> channels;
        std::optional<Result<QList<BridgeInfo>>> bridges;
        QPromise<Result<void>> promise;
    };
    registry->beginResync(); // events from now on are newer than the listings
    auto pending = std::make_shared<Pending>();
    pending->promise.start();
    QFuture<Result<void>> future = pending->promise.future();

    auto finish = [this, pending] {
        if (!pending->channels || !pending->bridges)
            return;
        if (!*pending->channels) {
            pending->promise.addResult(Result<void>(pending->channels->error()));
        } else if (!*pending->bridges) {
            pending->promise.addResult(Result<void>(pending->bridges->error()));
        } else {
            qCDebug(lcAriSocket) << "resync:" << pending->channels->value().size() << "channels,"
                                 << pending->bridges->value().size() << "bridges";
            registry->reconcile(pending->channels->value(), pending->bridges->value());
            pending->promise.addResult(Result<void>());
        }
        pending->promise.finish();
    };
    Transport *transport = connection->transport();
    fetchListing<ChannelInfo>(transport, ChannelsApi::listRequest())
            .then(q, [pending, finish](const Result<QList<ChannelInfo>> &result) {
        pending->channels = result;
        finish();
    });
    fetchListing<BridgeInfo>(transport, BridgesApi::listRequest())
            .then(q, [pending, finish](const Result<QList<BridgeInfo>> &result) {
        pending->bridges = result;
        finish();
    });
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
}

Client::~Client()
{
    Q_D(Client);
    // Finish every future first (their continuations may still look at the client), then drop
    // the live objects.
    d->connection->shutdown();
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
