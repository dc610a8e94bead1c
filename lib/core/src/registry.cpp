// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "registry_p.h"

#include "application_p.h"
#include "asterisksystem_p.h"
#include "bridge_p.h"
#include "channel_p.h"
#include "devicestate_p.h"
#include "endpoint_p.h"
#include "framedecoder_p.h"
#include "liverecording_p.h"
#include "mailbox_p.h"
#include "playback_p.h"
#include "qtari_logging_p.h"
#include "sound_p.h"
#include "storedrecording_p.h"

#include <QtAri/ApplicationsApi>
#include <QtAri/ChannelsApi>
#include <QtAri/DeviceStatesApi>
#include <QtAri/MailboxesApi>
#include <QtAri/EventsApi>
#include <QtAri/BridgesApi>
#include <QtAri/client.h>
#include <QtAri/events.h>
#include <QtAri/transport.h>

#include <QtCore/QJsonDocument>
#include <QtCore/QPointer>
#include <QtCore/QScopeGuard>
#include <QtCore/QSet>
#include <QtCore/QTimer>
#include <QtCore/QUuid>

#include <limits>

using namespace Qt::StringLiterals;

namespace QtAri::Private {

namespace {

//! Ids whose terminal event was handled recently, with the registry's event number then: a
//! repeated terminal event (Asterisk sends some twice) or a late event must not bring the object
//! back. An id can be used again for a new object once the old one ended (a channelId given to a
//! second originate, a restarted server): ChannelCreated/BridgeCreated, a listing asked for after
//! the end, or a reply to a request sent after it, forget() the id. Bounded, oldest forgotten first.
class RecentIds
{
public:
    bool contains(const QString &id) const { return m_at.contains(id); }
    //! Event number when \a id ended (0 if it did not).
    quint64 endedAt(const QString &id) const { return m_at.value(id); }
    void insert(const QString &id, quint64 at)
    {
        if (id.isEmpty() || m_at.contains(id))
            return;
        if (m_ring.size() < Capacity) {
            m_ring.append(id);
        } else {
            m_at.remove(m_ring.at(m_next));
            m_ring[m_next] = id;
            m_next = (m_next + 1) % Capacity;
        }
        m_at.insert(id, at);
    }
    //! The id names a new object now (it stays in the ring until overwritten, harmlessly).
    void forget(const QString &id) { m_at.remove(id); }
    //! Forgets \a id if it ended before \a stamp (a listing or reply newer than the end);
    //! returns whether the id is still blocked.
    bool blockedAt(const QString &id, quint64 stamp)
    {
        const auto it = m_at.constFind(id);
        if (it == m_at.constEnd())
            return false;
        if (stamp != std::numeric_limits<quint64>::max() && *it <= stamp) {
            m_at.erase(it);
            return false;
        }
        return true;
    }
    void clear()
    {
        m_at.clear();
        m_ring.clear();
        m_next = 0;
    }

private:
    static constexpr qsizetype Capacity = 4096;
    QHash<QString, quint64> m_at;
    QList<QString> m_ring;
    qsizetype m_next = 0;
};

//! Distinct non-null pointers, in first-seen order.
template<class T>
QList<T *> distinct(std::initializer_list<T *> items)
{
    QList<T *> list;
    for (T *item : items) {
        if (item && !list.contains(item))
            list.append(item);
    }
    return list;
}

} // namespace

class RegistryPrivate
{
public:
    RegistryPrivate(Registry *q, Client *client) : q(q), client(client), events(client) { }

    // find or create, then update from the event's snapshot; nullptr if absent or already ended
    Channel *channelFrom(const ChannelInfo &info);
    Bridge *bridgeFrom(const BridgeInfo &info);
    Playback *playbackFrom(const PlaybackInfo &info);
    LiveRecording *recordingFrom(const LiveRecordingInfo &info);
    Endpoint *endpointFrom(const EndpointInfo &info);
    template<class Info>
    auto channelFrom(const std::optional<Info> &info) { return info ? channelFrom(*info) : nullptr; }
    template<class Info>
    auto bridgeFrom(const std::optional<Info> &info) { return info ? bridgeFrom(*info) : nullptr; }
    template<class Info>
    auto endpointFrom(const std::optional<Info> &info) { return info ? endpointFrom(*info) : nullptr; }
    Application *applicationNamed(const QString &name);

    Channel *findOrCreateChannel(const QString &id, bool *created);
    Bridge *findOrCreateBridge(const QString &id, bool *created);
    Playback *findOrCreatePlayback(const QString &id, bool *created);
    LiveRecording *findOrCreateRecording(const QString &name, bool *created);
    Endpoint *findOrCreateEndpoint(const QString &technology, const QString &resource);

    Channel *applyChannel(const ChannelInfo &info);
    Bridge *applyBridge(const BridgeInfo &info);
    Playback *applyPlayback(const PlaybackInfo &info);
    LiveRecording *applyRecording(const LiveRecordingInfo &info);

    void markChannelKnown(Channel *channel);
    void markBridgeKnown(Bridge *bridge);
    void markPlaybackKnown(Playback *playback);
    void markRecordingKnown(LiveRecording *recording);

    void endChannel(Channel *channel, int cause, const QString &causeText);
    void endBridge(Bridge *bridge);
    void endPlayback(Playback *playback);
    void endRecording(LiveRecording *recording, bool failed);

    void removeChannel(Channel *channel);
    void removeBridge(Bridge *bridge);
    void removePlayback(Playback *playback);
    void removeRecording(LiveRecording *recording);

    void deleteAll();

    // A reply can arrive after the object's terminal event (a call that fails at once). The
    // caller still gets a valid object: ended, outside the identity map, deleted on the next turn.
    template<class T, class Info>
    static T *endedObject(T *object, const Info &info)
    {
        object->d->update(info);
        object->d->setEnded();
        object->deleteLater();
        return object;
    }

    void dispatch(const Event &event);
    // event handlers
    void onChannelCreated(const Event &event);
    void onChannelDestroyed(const Event &event);
    void onChannelEnteredBridge(const Event &event);
    void onChannelLeftBridge(const Event &event);
    void onChannelStateChange(const Event &event);
    void onChannelDtmfReceived(const Event &event);
    void onChannelDialplan(const Event &event);
    void onChannelCallerId(const Event &event);
    void onChannelConnectedLine(const Event &event);
    void onChannelUserevent(const Event &event);
    void onChannelHangupRequest(const Event &event);
    void onChannelVarset(const Event &event);
    void onChannelHold(const Event &event);
    void onChannelUnhold(const Event &event);
    void onChannelToneDetected(const Event &event);
    void onChannelTalkingStarted(const Event &event);
    void onChannelTalkingFinished(const Event &event);
    void onChannelTransfer(const Event &event);
    void onStasisStart(const Event &event);
    void onStasisEnd(const Event &event);
    void onDial(const Event &event);
    void onApplicationMoveFailed(const Event &event);
    void onCallBroadcast(const Event &event);
    void onCallClaimed(const Event &event);
    void onBridgeCreated(const Event &event);
    void onBridgeDestroyed(const Event &event);
    void onBridgeMerged(const Event &event);
    void onBridgeVideoSourceChanged(const Event &event);
    void onBridgeBlindTransfer(const Event &event);
    void onBridgeAttendedTransfer(const Event &event);
    void onPlaybackStarted(const Event &event);
    void onPlaybackContinuing(const Event &event);
    void onPlaybackFinished(const Event &event);
    void onRecordingStarted(const Event &event);
    void onRecordingFinished(const Event &event);
    void onRecordingFailed(const Event &event);
    void onDeviceStateChanged(const Event &event);
    void onEndpointStateChange(const Event &event);
    void onContactStatusChange(const Event &event);
    void onPeerStatusChange(const Event &event);
    void onTextMessageReceived(const Event &event);
    void onApplicationRegistered(const Event &event);
    void onApplicationUnregistered(const Event &event);
    void onApplicationReplaced(const Event &event);

    Registry *q;
    Client *client;
    ClientEvents *events;
    QHash<QString, Channel *> channels;
    QHash<QString, Bridge *> bridges;
    QHash<QString, Playback *> playbacks;
    QHash<QString, LiveRecording *> recordings;
    QHash<QString, StoredRecording *> storedRecordings;
    QHash<QString, Endpoint *> endpoints; // "technology/resource"
    QHash<QString, DeviceState *> deviceStates;
    QHash<QString, Mailbox *> mailboxes;
    QHash<QString, quint64> mailboxWrites; // name -> count of this client's answered writes
    QHash<QString, Sound *> sounds;
    QHash<QString, Application *> applications;
    AsteriskSystem *system = nullptr;
    Event lastEvent; // Asterisk sends some frames twice in a row, verbatim
    quint64 eventNumber = 0; // counts dispatched events
    quint64 resyncFrom = std::numeric_limits<quint64>::max(); // eventNumber at beginResync()
    int listingDepth = 0; // reconcile() running
    QList<ListingObserver *> listingObservers; // to tell when it has finished
    // A reply applied while a resync is in flight may be older or newer than the listing (they
    // travel on different connections): the listing is applied over it, and the object is read
    // again once the resync is done. "channel:<id>" / "bridge:<id>".
    QSet<QString> rereadAfterResync;
    // Event sources the first application unsubscribed from while a resync was in flight: the
    // subscriptions the resync read may predate that.
    QSet<QString> unsubscribedDuringResync;
    void appliedDuringResync(const QString &source, quint64 *touched);
    void rereadAfterResyncNow();
    RecentIds endedChannels;
    RecentIds endedBridges;
    RecentIds endedPlaybacks;
    RecentIds endedRecordings;

    // --- the mirror's bookkeeping -----------------------------------------------------------
    // How long an object that one of our operations ended waits for Asterisk's terminal event
    // (whose data then wins) before it is ended from what the operation said.
    static constexpr int terminalGraceMs = 1000;
    // Subscription requests carry at most this many event sources.
    static constexpr qsizetype sourcesPerRequest = 50;

    struct PendingEnd
    {
        QTimer *timer = nullptr;
        QList<std::function<void()>> releases;
        int cause = 0;
        QString causeText;
    };

    bool wantsSubscriptions() const
    {
        return !subscribeAll && rest && !applicationNames.isEmpty();
    }
    void want(const QString &source);
    bool covered(const QString &source) const;
    void subscribed(const QStringList &sources, quint64 sentAt);
    void reread(const QString &source);
    void flushSubscriptions();
    void subscribeSources(const QString &application, const QStringList &sources, bool alone,
                          bool restoring = false);
    void subscriptionAnswered(const QString &application, const QStringList &sources, bool alone,
                              bool restoring, quint64 serial, quint64 sentAt,
                              const Result<Response> &result);
    void takeSubscriptions(const ApplicationInfo &info);
    void sourceGone(const QString &source);
    void endSoon(const QString &key, std::function<void()> release, int cause = 0,
                 const QString &causeText = {});
    void settle(const QString &key);
    void settleAll();
    void adoptSubscribed(const QStringList &sources, quint64 sentAt, std::function<void()> release);
    void dropUnsubscribed(const QStringList &sources, bool held = false);
    void dropChannel(Channel *channel);
    void dropBridge(Bridge *bridge);
    // StasisBroadcast: channels the mirror holds only because a CallBroadcast offered them (not
    // under subscribeAll). A claim that does not win, or a CallClaimed for an application that is
    // not ours, lets go of them again (and of the subscription the client made for them).
    QSet<QString> offeredChannels;
    // ... and the ones it let go of: events still on their way from before the unsubscribe do
    // not bring them back (a StasisStart, a new CallBroadcast or a subscribe of the application's
    // own does).
    RecentIds letGoChannels;
    void letGoOfOffer(const QString &id);
    // A won claim finishes once the channel's StasisStart has arrived (or terminalGraceMs later);
    // kept in pendingEnds as "claim:<id>".
    void awaitStasis(const QString &id, std::function<void()> release);
    bool eventsFlowing() const;

    QPointer<Transport> rest;
    QStringList applicationNames;
    bool subscribeAll = true; // until configure(): no subscription requests
    QSet<QString> subscribedChannels; // what the server lists for the first application
    QSet<QString> subscribedBridges;
    // What of that the first application is subscribed to by a request seen succeed (ours or the
    // application's own). The server's lists also name what an application hears of only for a
    // while: a channel in its Stasis is listed (trace n) and Asterisk stops telling of it at
    // StasisEnd when it came from the dialplan. So only these count as covered for good.
    // A server whose socket closed may have forgotten them, and its lists cannot tell an
    // explicit subscription from an implicit one: at every (re)connect they start empty, and a
    // request counts only if it was sent after that (eventNumber then: ownSince).
    QSet<QString> ownChannelSubscriptions;
    QSet<QString> ownBridgeSubscriptions;
    quint64 ownSince = 0;
    // Channels whose StasisEnd came before a subscription of ours was confirmed: what happened
    // between the two may not have reached us, so they are read again once it is.
    QSet<QString> rereadWhenSubscribed;
    bool allChannelsTopic = false;
    bool allBridgesTopic = false;
    QStringList queuedSources;
    QSet<QString> queuedSet;
    QTimer flushTimer;
    QSet<QString> adoptedBySubscribe; // "channel:<id>" / "bridge:<id>" adopted by applications.subscribe
    // The client's own subscription requests are numbered; an application's unsubscribe answered
    // after one of them was sent may have reached the server first, so that one is undone.
    quint64 subscribeSerial = 0;
    QHash<QString, quint64> unsubscribedAt; // event source -> subscribeSerial when unsubscribed
    // What each of our applications subscribed to with applications.subscribe (and not since
    // unsubscribed). A server that forgot it (a restart; a socket that closed) is asked again.
    QHash<QString, QSet<QString>> askedSources;
    void restoreSubscriptions(const ApplicationInfo &info);
    void restoreAnswered();
    int restoresInFlight = 0; // subscription requests of restoreSubscriptions() in flight
    bool refreshPending = false; // device states are read again once they are answered
    // A fence: a user event the client sends its own first application. Events reach a socket in
    // the order Asterisk sends them, so when the fence arrives every event sent before the request
    // that preceded it has arrived too.
    void fence(std::function<void()> then);
    QHash<int, std::pair<QTimer *, std::function<void()>>> fences;
    QHash<QString, quint64> deviceStateEvents; // eventNumber of each device's last DeviceStateChanged
    int nextFence = 0;
    void adoptCreated(const QString &source, const QJsonObject &reply, quint64 sentAt,
                      std::function<void()> release);
    void applySnapshot(bool isChannel, const QJsonObject &json, quint64 sentAt);
    QHash<QString, PendingEnd> pendingEnds; // "channel:<id>", "bridge:…", "playback:…", "recording:…"
};

// --- find / create ---------------------------------------------------------------------------

Channel *RegistryPrivate::findOrCreateChannel(const QString &id, bool *created)
{
    *created = false;
    if (Channel *channel = channels.value(id))
        return channel;
    auto *channel = new Channel(id, client, client);
    channel->d->registry = q;
    channels.insert(id, channel);
    *created = true;
    return channel;
}

Bridge *RegistryPrivate::findOrCreateBridge(const QString &id, bool *created)
{
    *created = false;
    if (Bridge *bridge = bridges.value(id))
        return bridge;
    auto *bridge = new Bridge(id, client, client);
    bridge->d->registry = q;
    bridges.insert(id, bridge);
    *created = true;
    return bridge;
}

Playback *RegistryPrivate::findOrCreatePlayback(const QString &id, bool *created)
{
    *created = false;
    if (Playback *playback = playbacks.value(id))
        return playback;
    auto *playback = new Playback(id, client, client);
    playback->d->registry = q;
    playbacks.insert(id, playback);
    *created = true;
    return playback;
}

LiveRecording *RegistryPrivate::findOrCreateRecording(const QString &name, bool *created)
{
    *created = false;
    if (LiveRecording *recording = recordings.value(name))
        return recording;
    auto *recording = new LiveRecording(name, client, client);
    recordings.insert(name, recording);
    *created = true;
    return recording;
}

Endpoint *RegistryPrivate::findOrCreateEndpoint(const QString &technology, const QString &resource)
{
    const QString key = technology + u'/' + resource;
    if (Endpoint *endpoint = endpoints.value(key))
        return endpoint;
    auto *endpoint = new Endpoint(technology, resource, client, client);
    endpoints.insert(key, endpoint);
    return endpoint;
}

void RegistryPrivate::markChannelKnown(Channel *channel)
{
    if (channel->d->setKnown()) {
        want(u"channel:"_s + channel->id());
        Q_EMIT events->channelAdded(channel);
    }
}

void RegistryPrivate::markBridgeKnown(Bridge *bridge)
{
    if (bridge->d->setKnown()) {
        want(u"bridge:"_s + bridge->id());
        Q_EMIT events->bridgeAdded(bridge);
    }
}

void RegistryPrivate::markPlaybackKnown(Playback *playback)
{
    if (playback->d->setKnown())
        Q_EMIT events->playbackAdded(playback);
}

void RegistryPrivate::markRecordingKnown(LiveRecording *recording)
{
    if (recording->d->setKnown())
        Q_EMIT events->liveRecordingAdded(recording);
}

Channel *RegistryPrivate::applyChannel(const ChannelInfo &info)
{
    const QString id = info.id();
    if (id.isEmpty())
        return nullptr;
    bool created = false;
    Channel *channel = findOrCreateChannel(id, &created);
    channel->d->touched = eventNumber;
    const bool changed = channel->d->update(info);
    if (!channel->d->known)
        markChannelKnown(channel);
    else if (changed)
        Q_EMIT events->channelChanged(channel);
    return channel;
}

Bridge *RegistryPrivate::applyBridge(const BridgeInfo &info)
{
    const QString id = info.id();
    if (id.isEmpty())
        return nullptr;
    bool created = false;
    Bridge *bridge = findOrCreateBridge(id, &created);
    bridge->d->touched = eventNumber;
    const bool changed = bridge->d->update(info);
    if (!bridge->d->known)
        markBridgeKnown(bridge);
    else if (changed)
        Q_EMIT events->bridgeChanged(bridge);
    return bridge;
}

Playback *RegistryPrivate::applyPlayback(const PlaybackInfo &info)
{
    const QString id = info.id();
    if (id.isEmpty())
        return nullptr;
    bool created = false;
    Playback *playback = findOrCreatePlayback(id, &created);
    playback->d->update(info);
    markPlaybackKnown(playback);
    return playback;
}

LiveRecording *RegistryPrivate::applyRecording(const LiveRecordingInfo &info)
{
    const QString name = info.name();
    if (name.isEmpty())
        return nullptr;
    bool created = false;
    LiveRecording *recording = findOrCreateRecording(name, &created);
    recording->d->update(info);
    markRecordingKnown(recording);
    return recording;
}

Channel *RegistryPrivate::channelFrom(const ChannelInfo &info)
{
    if (info.id().isEmpty() || endedChannels.contains(info.id()) || letGoChannels.contains(info.id()))
        return nullptr;
    return applyChannel(info);
}

Bridge *RegistryPrivate::bridgeFrom(const BridgeInfo &info)
{
    if (info.id().isEmpty() || endedBridges.contains(info.id()))
        return nullptr;
    return applyBridge(info);
}

Playback *RegistryPrivate::playbackFrom(const PlaybackInfo &info)
{
    if (info.id().isEmpty() || endedPlaybacks.contains(info.id()))
        return nullptr;
    return applyPlayback(info);
}

LiveRecording *RegistryPrivate::recordingFrom(const LiveRecordingInfo &info)
{
    if (info.name().isEmpty() || endedRecordings.contains(info.name()))
        return nullptr;
    return applyRecording(info);
}

Endpoint *RegistryPrivate::endpointFrom(const EndpointInfo &info)
{
    if (info.technology().isEmpty() && info.resource().isEmpty())
        return nullptr;
    Endpoint *endpoint = findOrCreateEndpoint(info.technology(), info.resource());
    endpoint->d->update(info);
    return endpoint;
}

Application *RegistryPrivate::applicationNamed(const QString &name)
{
    if (name.isEmpty())
        return nullptr;
    if (Application *application = applications.value(name))
        return application;
    auto *application = new Application(name, client, client);
    applications.insert(name, application);
    return application;
}

// --- lifetime --------------------------------------------------------------------------------

void RegistryPrivate::removeChannel(Channel *channel)
{
    if (channels.value(channel->id()) != channel)
        return;
    channels.remove(channel->id());
    subscribedChannels.remove(channel->id());
    ownChannelSubscriptions.remove(channel->id());
    rereadWhenSubscribed.remove(channel->id());
    offeredChannels.remove(channel->id());
    settle(u"claim:"_s + channel->id());
    adoptedBySubscribe.remove(u"channel:"_s + channel->id());
    settle(u"channel:"_s + channel->id());
    if (Bridge *bridge = channel->d->bridge.data()) {
        if (bridge->d->removeChannelId(channel->id()))
            Q_EMIT events->bridgeChanged(bridge);
    }
    channel->d->registry = nullptr;
    if (channel->d->known)
        Q_EMIT events->channelRemoved(channel);
    channel->deleteLater();
}

void RegistryPrivate::removeBridge(Bridge *bridge)
{
    if (bridges.value(bridge->id()) != bridge)
        return;
    bridges.remove(bridge->id());
    subscribedBridges.remove(bridge->id());
    ownBridgeSubscriptions.remove(bridge->id());
    adoptedBySubscribe.remove(u"bridge:"_s + bridge->id());
    settle(u"bridge:"_s + bridge->id());
    for (const QString &id : std::as_const(bridge->d->channelIds)) {
        if (Channel *channel = channels.value(id)) {
            if (channel->d->bridge == bridge && channel->d->setBridge(nullptr))
                Q_EMIT events->channelChanged(channel);
        }
    }
    bridge->d->registry = nullptr;
    if (bridge->d->known)
        Q_EMIT events->bridgeRemoved(bridge);
    bridge->deleteLater();
}

void RegistryPrivate::removePlayback(Playback *playback)
{
    if (playbacks.value(playback->id()) != playback)
        return;
    playbacks.remove(playback->id());
    settle(u"playback:"_s + playback->id());
    playback->d->registry = nullptr;
    if (playback->d->known)
        Q_EMIT events->playbackRemoved(playback);
    playback->deleteLater();
}

void RegistryPrivate::removeRecording(LiveRecording *recording)
{
    if (recordings.value(recording->id()) != recording)
        return;
    recordings.remove(recording->id());
    settle(u"recording:"_s + recording->id());
    if (recording->d->known)
        Q_EMIT events->liveRecordingRemoved(recording);
    recording->deleteLater();
}

void RegistryPrivate::endChannel(Channel *channel, int cause, const QString &causeText)
{
    endedChannels.insert(channel->id(), eventNumber);
    channel->d->setEnded();
    if (channel->d->setInStasis(false, {}))
        Q_EMIT channel->stasisEnded();
    Q_EMIT channel->hungUp(cause, causeText);
    Q_EMIT events->channelDestroyed(channel, cause, causeText);
    removeChannel(channel);
}

void RegistryPrivate::endBridge(Bridge *bridge)
{
    endedBridges.insert(bridge->id(), eventNumber);
    bridge->d->setEnded();
    Q_EMIT bridge->ended();
    Q_EMIT events->bridgeDestroyed(bridge);
    removeBridge(bridge);
}

void RegistryPrivate::endPlayback(Playback *playback)
{
    endedPlaybacks.insert(playback->id(), eventNumber);
    playback->d->setEnded();
    Q_EMIT playback->finished();
    Q_EMIT events->playbackFinished(playback);
    removePlayback(playback);
}

void RegistryPrivate::endRecording(LiveRecording *recording, bool failed)
{
    endedRecordings.insert(recording->id(), eventNumber);
    recording->d->setEnded();
    if (failed) {
        Q_EMIT recording->failed(recording->cause());
        Q_EMIT events->recordingFailed(recording);
    } else {
        Q_EMIT recording->finished();
        Q_EMIT events->recordingFinished(recording);
    }
    removeRecording(recording);
}

void RegistryPrivate::deleteAll()
{
    const auto deleteValues = [](auto &hash) {
        const auto values = hash.values();
        hash.clear();
        qDeleteAll(values);
    };
    for (Channel *channel : std::as_const(channels))
        channel->d->registry = nullptr;
    for (Bridge *bridge : std::as_const(bridges))
        bridge->d->registry = nullptr;
    for (Playback *playback : std::as_const(playbacks))
        playback->d->registry = nullptr;
    deleteValues(channels);
    deleteValues(bridges);
    deleteValues(playbacks);
    deleteValues(recordings);
    deleteValues(storedRecordings);
    deleteValues(endpoints);
    deleteValues(deviceStates);
    deleteValues(mailboxes);
    deleteValues(sounds);
    deleteValues(applications);
}

// --- event handlers --------------------------------------------------------------------------
// Each runs for its own type only (see dispatch()), so as<T>() is never null there.

void RegistryPrivate::onChannelCreated(const Event &event)
{
    const auto &e = *event.as<ChannelCreatedEvent>();
    endedChannels.forget(e.channel.id()); // a new channel, perhaps with an id used before
    if (Channel *channel = channelFrom(e.channel)) {
        Q_EMIT channel->created();
        Q_EMIT events->channelCreated(channel);
    }
}

void RegistryPrivate::onChannelDestroyed(const Event &event)
{
    const auto &e = *event.as<ChannelDestroyedEvent>();
    if (Channel *channel = channelFrom(e.channel)) // null when repeated: it has ended already
        endChannel(channel, e.cause, e.causeTxt);
}

void RegistryPrivate::onChannelEnteredBridge(const Event &event)
{
    const auto &e = *event.as<ChannelEnteredBridgeEvent>();
    Bridge *bridge = bridgeFrom(e.bridge);
    Channel *channel = channelFrom(e.channel);
    if (!bridge)
        return;
    if (channel) {
        if (bridge->d->addChannelId(channel->id()))
            Q_EMIT events->bridgeChanged(bridge);
        if (channel->d->setBridge(bridge))
            Q_EMIT events->channelChanged(channel);
        Q_EMIT channel->enteredBridge(bridge);
        Q_EMIT bridge->channelEntered(channel);
    }
    Q_EMIT events->channelEnteredBridge(channel, bridge);
}

void RegistryPrivate::onChannelLeftBridge(const Event &event)
{
    const auto &e = *event.as<ChannelLeftBridgeEvent>();
    Bridge *bridge = bridgeFrom(e.bridge);
    Channel *channel = channelFrom(e.channel);
    if (!bridge || !channel)
        return;
    if (bridge->d->removeChannelId(channel->id()))
        Q_EMIT events->bridgeChanged(bridge);
    if (channel->d->bridge == bridge && channel->d->setBridge(nullptr))
        Q_EMIT events->channelChanged(channel);
    Q_EMIT channel->leftBridge(bridge);
    Q_EMIT bridge->channelLeft(channel);
    Q_EMIT events->channelLeftBridge(channel, bridge);
}

void RegistryPrivate::onChannelStateChange(const Event &event)
{
    if (Channel *channel = channelFrom(event.as<ChannelStateChangeEvent>()->channel))
        Q_EMIT events->channelStateChanged(channel, channel->state());
}

void RegistryPrivate::onChannelDtmfReceived(const Event &event)
{
    const auto &e = *event.as<ChannelDtmfReceivedEvent>();
    if (Channel *channel = channelFrom(e.channel)) {
        Q_EMIT channel->dtmfReceived(e.digit, e.durationMs);
        Q_EMIT events->channelDtmfReceived(channel, e.digit, e.durationMs);
    }
}

void RegistryPrivate::onChannelDialplan(const Event &event)
{
    const auto &e = *event.as<ChannelDialplanEvent>();
    if (Channel *channel = channelFrom(e.channel)) {
        Q_EMIT channel->dialplanApplicationChanged(e.dialplanApp, e.dialplanAppData);
        Q_EMIT events->channelDialplanChanged(channel, e.dialplanApp, e.dialplanAppData);
    }
}

void RegistryPrivate::onChannelCallerId(const Event &event)
{
    const auto &e = *event.as<ChannelCallerIdEvent>();
    if (Channel *channel = channelFrom(e.channel)) {
        Q_EMIT channel->callerIdChanged(e.callerPresentation, e.callerPresentationTxt);
        Q_EMIT events->channelCallerIdChanged(channel, e.callerPresentation,
                                              e.callerPresentationTxt);
    }
}

void RegistryPrivate::onChannelConnectedLine(const Event &event)
{
    if (Channel *channel = channelFrom(event.as<ChannelConnectedLineEvent>()->channel)) {
        Q_EMIT channel->connectedLineChanged();
        Q_EMIT events->channelConnectedLineChanged(channel);
    }
}

void RegistryPrivate::onChannelUserevent(const Event &event)
{
    const auto &e = *event.as<ChannelUsereventEvent>();
    Channel *channel = channelFrom(e.channel);
    Bridge *bridge = bridgeFrom(e.bridge);
    Endpoint *endpoint = endpointFrom(e.endpoint);
    if (channel)
        Q_EMIT channel->userEvent(e.eventname, e.userevent);
    if (bridge)
        Q_EMIT bridge->userEvent(e.eventname, e.userevent);
    if (endpoint)
        Q_EMIT endpoint->userEvent(e.eventname, e.userevent);
    Q_EMIT events->channelUserEvent(e.eventname, channel, bridge, endpoint, e.userevent);
}

void RegistryPrivate::onChannelHangupRequest(const Event &event)
{
    const auto &e = *event.as<ChannelHangupRequestEvent>();
    if (Channel *channel = channelFrom(e.channel)) {
        const int cause = e.cause.value_or(0);
        const bool hard = !e.soft.value_or(false);
        if (cause > 0 && (hard || !channel->d->requestedHard)) {
            channel->d->requestedCause = cause;
            channel->d->requestedHard = hard;
        }
        Q_EMIT channel->hangupRequested(cause);
        Q_EMIT events->channelHangupRequested(channel, cause, e.soft.value_or(false));
    }
}

void RegistryPrivate::onChannelVarset(const Event &event)
{
    const auto &e = *event.as<ChannelVarsetEvent>();
    Channel *channel = channelFrom(e.channel);
    if (channel) {
        if (channel->d->setVariable(e.variable, e.value))
            Q_EMIT events->channelChanged(channel);
        Q_EMIT channel->varSet(e.variable, e.value);
    } else if (!e.channel) {
        system->d->setGlobalVariable(e.variable, e.value);
    } else {
        return; // a late event for a channel that has ended
    }
    Q_EMIT events->channelVarSet(channel, e.variable, e.value);
}

void RegistryPrivate::onChannelHold(const Event &event)
{
    const auto &e = *event.as<ChannelHoldEvent>();
    if (Channel *channel = channelFrom(e.channel)) {
        const QString musicClass = e.musicclass.value_or(QString());
        Q_EMIT channel->holdStarted(musicClass);
        Q_EMIT events->channelHoldStarted(channel, musicClass);
    }
}

void RegistryPrivate::onChannelUnhold(const Event &event)
{
    if (Channel *channel = channelFrom(event.as<ChannelUnholdEvent>()->channel)) {
        Q_EMIT channel->holdEnded();
        Q_EMIT events->channelHoldEnded(channel);
    }
}

void RegistryPrivate::onChannelToneDetected(const Event &event)
{
    if (Channel *channel = channelFrom(event.as<ChannelToneDetectedEvent>()->channel)) {
        Q_EMIT channel->toneDetected();
        Q_EMIT events->channelToneDetected(channel);
    }
}

void RegistryPrivate::onChannelTalkingStarted(const Event &event)
{
    if (Channel *channel = channelFrom(event.as<ChannelTalkingStartedEvent>()->channel)) {
        Q_EMIT channel->talkingStarted();
        Q_EMIT events->channelTalkingStarted(channel);
    }
}

void RegistryPrivate::onChannelTalkingFinished(const Event &event)
{
    const auto &e = *event.as<ChannelTalkingFinishedEvent>();
    if (Channel *channel = channelFrom(e.channel)) {
        Q_EMIT channel->talkingFinished(e.duration);
        Q_EMIT events->channelTalkingFinished(channel, e.duration);
    }
}

void RegistryPrivate::onChannelTransfer(const Event &event)
{
    const auto &e = *event.as<ChannelTransferEvent>();
    const ReferTo &to = e.referTo;
    const ReferredBy &by = e.referredBy;
    const auto channelIf = [this](bool has, const ChannelInfo &info) {
        return has ? channelFrom(info) : nullptr;
    };
    const auto bridgeIf = [this](bool has, const BridgeInfo &info) {
        return has ? bridgeFrom(info) : nullptr;
    };
    const QList<Channel *> channelList = distinct<Channel>({
            channelIf(to.hasDestinationChannel(), to.destinationChannel()),
            channelIf(to.hasConnectedChannel(), to.connectedChannel()),
            channelIf(by.hasSourceChannel(), by.sourceChannel()),
            channelIf(by.hasConnectedChannel(), by.connectedChannel()),
    });
    const QList<Bridge *> bridgeList = distinct<Bridge>({
            bridgeIf(to.hasBridge(), to.bridge()),
            bridgeIf(by.hasBridge(), by.bridge()),
    });
    for (Channel *channel : channelList)
        Q_EMIT channel->transferred(e);
    for (Bridge *bridge : bridgeList)
        Q_EMIT bridge->transferred(e);
    Q_EMIT events->channelTransfer(e);
}

void RegistryPrivate::onStasisStart(const Event &event)
{
    const auto &e = *event.as<StasisStartEvent>();
    // Without subscribeAll no ChannelCreated comes first: a channel entering Stasis under an id
    // used before (a channelId given again, a restarted server) is a new channel.
    endedChannels.forget(e.channel.id());
    letGoChannels.forget(e.channel.id());
    Channel *channel = channelFrom(e.channel);
    Channel *replaced = channelFrom(e.replaceChannel);
    if (!channel)
        return;
    if (channel->d->setInStasis(true, e.args))
        Q_EMIT events->channelChanged(channel);
    Q_EMIT channel->stasisStarted(e.args);
    if (replaced && replaced != channel)
        Q_EMIT replaced->replacedBy(channel);
    Q_EMIT events->stasisStarted(channel, e.args);
    offeredChannels.remove(channel->id()); // a broadcast call we won is ours now
    settle(u"claim:"_s + channel->id());
}

void RegistryPrivate::onStasisEnd(const Event &event)
{
    if (Channel *channel = channelFrom(event.as<StasisEndEvent>()->channel)) {
        if (channel->d->setInStasis(false, {}))
            Q_EMIT events->channelChanged(channel);
        // Asterisk goes on telling of a channel after StasisEnd only if a subscription other than
        // its Stasis covers it (trace n: nothing at all for a dialplan call that was not).
        const QString source = u"channel:"_s + channel->id();
        if (wantsSubscriptions() && channel->d->known && !covered(source)) {
            rereadWhenSubscribed.insert(channel->id());
            want(source);
        }
        Q_EMIT channel->stasisEnded();
        Q_EMIT events->stasisEnded(channel);
    }
}

void RegistryPrivate::onDial(const Event &event)
{
    const auto &e = *event.as<DialEvent>();
    Channel *caller = channelFrom(e.caller);
    Channel *peer = channelFrom(e.peer);
    Channel *forwarded = channelFrom(e.forwarded);
    for (Channel *channel : distinct<Channel>({ caller, peer, forwarded }))
        Q_EMIT channel->dialed(caller, peer, e.dialstatus);
    if (!peer)
        return;
    Q_EMIT events->dialed(caller, peer, forwarded, e.dialstatus, e.dialstring.value_or(QString()),
                          e.forward.value_or(QString()));
}

void RegistryPrivate::onApplicationMoveFailed(const Event &event)
{
    const auto &e = *event.as<ApplicationMoveFailedEvent>();
    if (Channel *channel = channelFrom(e.channel)) {
        Q_EMIT channel->applicationMoveFailed(e.destination, e.args);
        Q_EMIT events->applicationMoveFailed(channel, e.destination, e.args);
    }
}

// A CallBroadcast is all an application hears of an offered call (trace o: no ChannelCreated, no
// other event until a claim). The mirror holds the channel like any channel an event names, so it
// is subscribed and its end is heard of; a claim that decides it for someone else lets go of it.
void RegistryPrivate::onCallBroadcast(const Event &event)
{
    const auto &e = *event.as<CallBroadcastEvent>();
    letGoChannels.forget(e.channel.id()); // offered again
    const Channel *before = channels.value(e.channel.id());
    const bool held = before && before->d->known;
    if (Channel *channel = channelFrom(e.channel)) {
        channel->d->offeredTo = e.application;
        if (!held && !subscribeAll && !channel->d->inStasis)
            offeredChannels.insert(channel->id());
        const QString caller = e.caller.value_or(QString());
        const QString called = e.called.value_or(QString());
        Q_EMIT channel->callBroadcast(caller, called);
        Q_EMIT events->callBroadcast(channel, caller, called);
    }
}

void RegistryPrivate::onCallClaimed(const Event &event)
{
    const auto &e = *event.as<CallClaimedEvent>();
    const QString id = e.channel.id();
    const bool ours = applicationNames.contains(e.winnerApp);
    if (!ours && !subscribeAll && !id.isEmpty() && !channels.contains(id)) {
        // The mirror let go of the call already (our claim lost before this arrived): tell of it
        // on an object outside the mirror rather than adopt a call that belongs to someone else.
        auto *channel = new Channel(id, client, client);
        channel->d->update(e.channel);
        Q_EMIT channel->callClaimed(e.winnerApp);
        Q_EMIT events->callClaimed(channel, e.winnerApp);
        channel->deleteLater();
        return;
    }
    if (Channel *channel = channelFrom(e.channel)) {
        Q_EMIT channel->callClaimed(e.winnerApp);
        Q_EMIT events->callClaimed(channel, e.winnerApp);
        if (!ours)
            letGoOfOffer(id);
    }
}

void RegistryPrivate::letGoOfOffer(const QString &id)
{
    if (!offeredChannels.remove(id) || subscribeAll)
        return;
    Channel *channel = channels.value(id);
    const QString source = u"channel:"_s + id;
    if (!channel || channel->d->inStasis || adoptedBySubscribe.contains(source))
        return; // ours after all, or held for the application's own subscription
    letGoChannels.insert(id, eventNumber);
    // A subscription of ours still on its way is undone when it is answered (subscriptionAnswered)
    unsubscribedAt.insert(source, ++subscribeSerial);
    if (subscribedChannels.contains(id) && rest && !applicationNames.isEmpty()) {
        if (const Result<Request> request = ApplicationsApi::unsubscribeRequest(applicationNames.constFirst(), { source }))
            rest->send(*request);
        subscribedChannels.remove(id);
    }
    ownChannelSubscriptions.remove(id);
    dropChannel(channel);
}

void RegistryPrivate::awaitStasis(const QString &id, std::function<void()> release)
{
    const Channel *channel = channels.value(id);
    if (channel && channel->d->inStasis) {
        release();
        return;
    }
    const QString key = u"claim:"_s + id;
    PendingEnd &pending = pendingEnds[key];
    pending.releases.append(std::move(release));
    if (!pending.timer) {
        pending.timer = new QTimer(client);
        pending.timer->setSingleShot(true);
        QObject::connect(pending.timer, &QTimer::timeout, client, [this, key] { settle(key); });
    }
    pending.timer->start(eventsFlowing() ? terminalGraceMs : 0);
}

void RegistryPrivate::onBridgeCreated(const Event &event)
{
    endedBridges.forget(event.as<BridgeCreatedEvent>()->bridge.id());
    if (Bridge *bridge = bridgeFrom(event.as<BridgeCreatedEvent>()->bridge)) {
        Q_EMIT bridge->created();
        Q_EMIT events->bridgeCreated(bridge);
    }
}

void RegistryPrivate::onBridgeDestroyed(const Event &event)
{
    if (Bridge *bridge = bridgeFrom(event.as<BridgeDestroyedEvent>()->bridge))
        endBridge(bridge);
}

void RegistryPrivate::onBridgeMerged(const Event &event)
{
    const auto &e = *event.as<BridgeMergedEvent>();
    Bridge *bridge = bridgeFrom(e.bridge);
    Bridge *from = bridgeFrom(e.bridgeFrom);
    if (!bridge || !from)
        return;
    Q_EMIT from->mergedInto(bridge);
    Q_EMIT bridge->merged(from);
    Q_EMIT events->bridgeMerged(bridge, from);
}

void RegistryPrivate::onBridgeVideoSourceChanged(const Event &event)
{
    const auto &e = *event.as<BridgeVideoSourceChangedEvent>();
    if (Bridge *bridge = bridgeFrom(e.bridge)) {
        const QString old = e.oldVideoSourceId.value_or(QString());
        Q_EMIT bridge->videoSourceChanged(bridge->videoSourceId(), old);
        Q_EMIT events->bridgeVideoSourceChanged(bridge, old);
    }
}

void RegistryPrivate::onBridgeBlindTransfer(const Event &event)
{
    const auto &e = *event.as<BridgeBlindTransferEvent>();
    const QList<Channel *> channelList = distinct<Channel>({
            channelFrom(e.channel),
            channelFrom(e.replaceChannel),
            channelFrom(e.transferee),
    });
    Bridge *bridge = bridgeFrom(e.bridge);
    for (Channel *channel : channelList)
        Q_EMIT channel->blindTransferred(e);
    if (bridge)
        Q_EMIT bridge->blindTransferred(e);
    Q_EMIT events->bridgeBlindTransfer(e);
}

void RegistryPrivate::onBridgeAttendedTransfer(const Event &event)
{
    const auto &e = *event.as<BridgeAttendedTransferEvent>();
    const QList<Channel *> channelList = distinct<Channel>({
            channelFrom(e.transfererFirstLeg),
            channelFrom(e.transfererSecondLeg),
            channelFrom(e.replaceChannel),
            channelFrom(e.transferee),
            channelFrom(e.transferTarget),
            channelFrom(e.destinationLinkFirstLeg),
            channelFrom(e.destinationLinkSecondLeg),
            channelFrom(e.destinationThreewayChannel),
    });
    const QList<Bridge *> bridgeList = distinct<Bridge>({
            bridgeFrom(e.transfererFirstLegBridge),
            bridgeFrom(e.transfererSecondLegBridge),
            bridgeFrom(e.destinationThreewayBridge),
    });
    for (Channel *channel : channelList)
        Q_EMIT channel->attendedTransferred(e);
    for (Bridge *bridge : bridgeList)
        Q_EMIT bridge->attendedTransferred(e);
    Q_EMIT events->bridgeAttendedTransfer(e);
}

void RegistryPrivate::onPlaybackStarted(const Event &event)
{
    if (Playback *playback = playbackFrom(event.as<PlaybackStartedEvent>()->playback)) {
        Q_EMIT playback->started();
        Q_EMIT events->playbackStarted(playback);
    }
}

void RegistryPrivate::onPlaybackContinuing(const Event &event)
{
    if (Playback *playback = playbackFrom(event.as<PlaybackContinuingEvent>()->playback)) {
        Q_EMIT playback->continuing();
        Q_EMIT events->playbackContinuing(playback);
    }
}

void RegistryPrivate::onPlaybackFinished(const Event &event)
{
    if (Playback *playback = playbackFrom(event.as<PlaybackFinishedEvent>()->playback))
        endPlayback(playback);
}

void RegistryPrivate::onRecordingStarted(const Event &event)
{
    if (LiveRecording *recording = recordingFrom(event.as<RecordingStartedEvent>()->recording)) {
        Q_EMIT recording->started();
        Q_EMIT events->recordingStarted(recording);
    }
}

void RegistryPrivate::onRecordingFinished(const Event &event)
{
    if (LiveRecording *recording = recordingFrom(event.as<RecordingFinishedEvent>()->recording))
        endRecording(recording, false);
}

void RegistryPrivate::onRecordingFailed(const Event &event)
{
    if (LiveRecording *recording = recordingFrom(event.as<RecordingFailedEvent>()->recording))
        endRecording(recording, true);
}

void RegistryPrivate::onDeviceStateChanged(const Event &event)
{
    const DeviceStateInfo &info = event.as<DeviceStateChangedEvent>()->deviceState;
    if (info.name().isEmpty())
        return;
    deviceStateEvents.insert(info.name(), eventNumber);
    Q_EMIT events->deviceStateChanged(q->resolve(info));
}

void RegistryPrivate::onEndpointStateChange(const Event &event)
{
    if (Endpoint *endpoint = endpointFrom(event.as<EndpointStateChangeEvent>()->endpoint))
        Q_EMIT events->endpointStateChanged(endpoint);
}

void RegistryPrivate::onContactStatusChange(const Event &event)
{
    const auto &e = *event.as<ContactStatusChangeEvent>();
    if (Endpoint *endpoint = endpointFrom(e.endpoint)) {
        Q_EMIT endpoint->contactStatusChanged(e.contactInfo);
        Q_EMIT events->contactStatusChanged(endpoint, e.contactInfo);
    }
}

void RegistryPrivate::onPeerStatusChange(const Event &event)
{
    const auto &e = *event.as<PeerStatusChangeEvent>();
    if (Endpoint *endpoint = endpointFrom(e.endpoint)) {
        Q_EMIT endpoint->peerStatusChanged(e.peer);
        Q_EMIT events->peerStatusChanged(endpoint, e.peer);
    }
}

void RegistryPrivate::onTextMessageReceived(const Event &event)
{
    const auto &e = *event.as<TextMessageReceivedEvent>();
    Endpoint *endpoint = endpointFrom(e.endpoint);
    if (endpoint)
        Q_EMIT endpoint->textMessageReceived(e.message);
    Q_EMIT events->textMessageReceived(endpoint, e.message);
}

void RegistryPrivate::onApplicationRegistered(const Event &event)
{
    if (Application *application = applicationNamed(event.as<ApplicationRegisteredEvent>()->application)) {
        application->d->setReplaced(false);
        Q_EMIT application->registered();
        Q_EMIT events->applicationRegistered(application);
    }
}

void RegistryPrivate::onApplicationUnregistered(const Event &event)
{
    if (Application *application = applicationNamed(event.as<ApplicationUnregisteredEvent>()->application)) {
        Q_EMIT application->unregistered();
        Q_EMIT events->applicationUnregistered(application);
    }
}

void RegistryPrivate::onApplicationReplaced(const Event &event)
{
    if (Application *application = applicationNamed(event.as<ApplicationReplacedEvent>()->application)) {
        application->d->setReplaced(true);
        Q_EMIT application->replaced();
        Q_EMIT events->applicationReplaced(application);
    }
}

void RegistryPrivate::dispatch(const Event &event)
{
    switch (event.type()) {
    case EventType::Unknown: return;
    case EventType::ApplicationMoveFailed: return onApplicationMoveFailed(event);
    case EventType::ApplicationRegistered: return onApplicationRegistered(event);
    case EventType::ApplicationReplaced: return onApplicationReplaced(event);
    case EventType::ApplicationUnregistered: return onApplicationUnregistered(event);
    case EventType::BridgeAttendedTransfer: return onBridgeAttendedTransfer(event);
    case EventType::BridgeBlindTransfer: return onBridgeBlindTransfer(event);
    case EventType::BridgeCreated: return onBridgeCreated(event);
    case EventType::BridgeDestroyed: return onBridgeDestroyed(event);
    case EventType::BridgeMerged: return onBridgeMerged(event);
    case EventType::BridgeVideoSourceChanged: return onBridgeVideoSourceChanged(event);
    case EventType::CallBroadcast: return onCallBroadcast(event);
    case EventType::CallClaimed: return onCallClaimed(event);
    case EventType::ChannelCallerId: return onChannelCallerId(event);
    case EventType::ChannelConnectedLine: return onChannelConnectedLine(event);
    case EventType::ChannelCreated: return onChannelCreated(event);
    case EventType::ChannelDestroyed: return onChannelDestroyed(event);
    case EventType::ChannelDialplan: return onChannelDialplan(event);
    case EventType::ChannelDtmfReceived: return onChannelDtmfReceived(event);
    case EventType::ChannelEnteredBridge: return onChannelEnteredBridge(event);
    case EventType::ChannelHangupRequest: return onChannelHangupRequest(event);
    case EventType::ChannelHold: return onChannelHold(event);
    case EventType::ChannelLeftBridge: return onChannelLeftBridge(event);
    case EventType::ChannelStateChange: return onChannelStateChange(event);
    case EventType::ChannelTalkingFinished: return onChannelTalkingFinished(event);
    case EventType::ChannelTalkingStarted: return onChannelTalkingStarted(event);
    case EventType::ChannelToneDetected: return onChannelToneDetected(event);
    case EventType::ChannelTransfer: return onChannelTransfer(event);
    case EventType::ChannelUnhold: return onChannelUnhold(event);
    case EventType::ChannelUserevent: return onChannelUserevent(event);
    case EventType::ChannelVarset: return onChannelVarset(event);
    case EventType::ContactStatusChange: return onContactStatusChange(event);
    case EventType::DeviceStateChanged: return onDeviceStateChanged(event);
    case EventType::Dial: return onDial(event);
    case EventType::EndpointStateChange: return onEndpointStateChange(event);
    case EventType::MissingParams:
        Q_EMIT events->missingParamsReceived(event.as<MissingParamsEvent>()->params);
        return;
    case EventType::PeerStatusChange: return onPeerStatusChange(event);
    case EventType::PlaybackContinuing: return onPlaybackContinuing(event);
    case EventType::PlaybackFinished: return onPlaybackFinished(event);
    case EventType::PlaybackStarted: return onPlaybackStarted(event);
    case EventType::RestResponse:
        Q_EMIT events->restResponseReceived(*event.as<RestResponseEvent>());
        return;
    case EventType::RecordingFailed: return onRecordingFailed(event);
    case EventType::RecordingFinished: return onRecordingFinished(event);
    case EventType::RecordingStarted: return onRecordingStarted(event);
    case EventType::StasisEnd: return onStasisEnd(event);
    case EventType::StasisStart: return onStasisStart(event);
    case EventType::TextMessageReceived: return onTextMessageReceived(event);
    }
}

// --- the mirror's bookkeeping ------------------------------------------------------------------
// Without subscribeAll Asterisk sends an application the events of what it is subscribed to: the
// channels in its Stasis or originated for it, and what applications.subscribe named. It sends
// nothing about a bridge the application created, about a bridge once the application's channels
// have left it, or about a channel that went back to the dialplan. So that every object the
// mirror holds also hears of its end, the registry subscribes the first application to each
// channel and bridge it adopts (batched, once per event-loop turn); Asterisk drops those
// subscriptions by itself when the objects go away (trace l).

namespace {

//! Segment \a index of an encoded request path ("/channels/a%2Fb/play", 1 -> "a/b").
QString pathSegment(const QByteArray &path, int index)
{
    const QList<QByteArray> parts = path.split('/');
    // parts[0] is the empty string before the leading '/'
    if (index + 1 >= parts.size())
        return QString();
    return QString::fromUtf8(QByteArray::fromPercentEncoding(parts.at(index + 1)));
}

//! The decoded, comma-separated values of \a key in an encoded query string.
QStringList queryValues(const QByteArray &query, const QByteArray &key)
{
    QStringList values;
    for (const QByteArray &item : query.split('&')) {
        const qsizetype eq = item.indexOf('=');
        if (eq < 0 || item.left(eq) != key)
            continue;
        for (const QByteArray &value : item.mid(eq + 1).split(',')) {
            if (!value.isEmpty())
                values.append(QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
        }
    }
    return values;
}

//! Hangup cause Asterisk reports for a channels.hangup reason (reason_code wins when numeric).
std::pair<int, QString> hangupCause(const QByteArray &query)
{
    bool numeric = false;
    const int code = queryValues(query, "reason_code").value(0).toInt(&numeric);
    if (numeric)
        return { code, QString() };
    static const QHash<QString, std::pair<int, QString>> causes = {
        { u"normal"_s, { 16, u"Normal Clearing"_s } },
        { u"busy"_s, { 17, u"User busy"_s } },
        { u"congestion"_s, { 34, u"Circuit/channel congestion"_s } },
        { u"no_answer"_s, { 19, u"User alerting, no answer"_s } },
        { u"timeout"_s, { 18, u"No user responding"_s } },
        { u"rejected"_s, { 21, u"Call Rejected"_s } },
        { u"unallocated"_s, { 1, u"Unallocated (unassigned) number"_s } },
        { u"normal_unspecified"_s, { 31, u"Normal, unspecified"_s } },
        { u"number_incomplete"_s, { 28, u"Invalid number format (incomplete number)"_s } },
        { u"codec_mismatch"_s, { 58, u"Bearer capability not available"_s } },
        { u"interworking"_s, { 127, u"Interworking, unspecified"_s } },
        { u"failure"_s, { 38, u"Network out of order"_s } },
        { u"answered_elsewhere"_s, { 26, u"Answered elsewhere"_s } },
    };
    return causes.value(queryValues(query, "reason").value(0, u"normal"_s), { 16, u"Normal Clearing"_s });
}

} // namespace

bool RegistryPrivate::eventsFlowing() const
{
    return client->state() == Client::State::Connected;
}

void RegistryPrivate::want(const QString &source)
{
    if (!wantsSubscriptions() || covered(source))
        return;
    if (queuedSet.contains(source))
        return;
    queuedSet.insert(source);
    queuedSources.append(source);
    if (!flushTimer.isActive())
        flushTimer.start(0);
}

bool RegistryPrivate::covered(const QString &source) const
{
    const QString id = source.section(u':', 1);
    return source.startsWith(u"channel:") ? allChannelsTopic || ownChannelSubscriptions.contains(id)
                                          : allBridgesTopic || ownBridgeSubscriptions.contains(id);
}

// A subscription request for these sources, sent at sentAt, succeeded (the server's lists were
// taken already).
void RegistryPrivate::subscribed(const QStringList &sources, quint64 sentAt)
{
    if (sentAt <= ownSince)
        return; // sent before the connection it was answered on: it may be forgotten
    for (const QString &source : sources) {
        const QString id = source.section(u':', 1);
        if (id.isEmpty())
            continue;
        if (source.startsWith(u"bridge:")) {
            ownBridgeSubscriptions.insert(id);
            continue;
        }
        if (!source.startsWith(u"channel:"))
            continue;
        ownChannelSubscriptions.insert(id);
        if (rereadWhenSubscribed.remove(id))
            reread(source);
    }
}

void RegistryPrivate::flushSubscriptions()
{
    const QStringList sources = std::exchange(queuedSources, {});
    queuedSet.clear();
    QStringList still;
    for (const QString &source : sources) {
        // ended or dropped meanwhile: nothing to subscribe to
        const QString id = source.section(u':', 1);
        if (source.startsWith(u"channel:") ? channels.contains(id) : bridges.contains(id))
            still.append(source);
    }
    if (applicationNames.isEmpty())
        return;
    for (qsizetype i = 0; i < still.size(); i += sourcesPerRequest)
        subscribeSources(applicationNames.constFirst(), still.mid(i, sourcesPerRequest), still.size() == 1);
}

void RegistryPrivate::subscribeSources(const QString &application, const QStringList &sources,
                                       bool alone, bool restoring)
{
    const Result<Request> request = ApplicationsApi::subscribeRequest(application, sources);
    if (!rest || !request)
        return;
    if (restoring)
        ++restoresInFlight;
    const quint64 serial = ++subscribeSerial;
    const quint64 sentAt = eventNumber;
    QPointer<Client> guard(client);
    rest->send(*request).then([guard, application, sources, alone, restoring, serial, sentAt](const Result<Response> &result) {
        if (Registry *registry = guard ? registryOf(guard.data()) : nullptr)
            registry->d->subscriptionAnswered(application, sources, alone, restoring, serial, sentAt, result);
    });
}

void RegistryPrivate::subscriptionAnswered(const QString &application, const QStringList &sources,
                                           bool alone, bool restoring, quint64 serial,
                                           quint64 sentAt, const Result<Response> &result)
{
    const auto answered = qScopeGuard([this, restoring] {
        if (restoring)
            restoreAnswered();
    });
    if (!result) {
        // The client stopped or the server is unreachable: the next resync subscribes again.
        qCDebug(lcAriRest) << "subscribing to" << sources.size() << "event sources failed:"
                           << result.error();
        return;
    }
    const int status = result->status;
    if (status == 200) {
        const Result<ApplicationInfo> info =
                ApplicationInfo::fromJson(QJsonDocument::fromJson(result->body).object());
        if (info)
            takeSubscriptions(*info);
        if (application == applicationNames.value(0))
            subscribed(sources, sentAt);
        QStringList undo; // unsubscribed by the application since this request was sent
        for (const QString &source : sources) {
            if (unsubscribedAt.value(source) > serial)
                undo.append(source);
        }
        if (const Result<Request> request = ApplicationsApi::unsubscribeRequest(application, undo);
            !undo.isEmpty() && rest && request) {
            QPointer<Client> guard(client);
            rest->send(*request).then([guard, undo](const Result<Response> &) {
                if (Registry *registry = guard ? registryOf(guard.data()) : nullptr)
                    registry->d->dropUnsubscribed(undo, true);
            });
        }
        if (restoring) {
            // The application may have unsubscribed while this was on its way.
            const QSet<QString> asked = askedSources.value(application);
            QStringList dropped;
            for (const QString &source : sources) {
                if (!asked.contains(source))
                    dropped.append(source);
            }
            const Result<Request> undo = ApplicationsApi::unsubscribeRequest(application, dropped);
            if (!dropped.isEmpty() && rest && undo)
                rest->send(*undo);
        }
        return;
    }
    if (status == 422 && !alone) {
        // All or nothing: one of them is gone. Ask for each alone to learn which (each channel or
        // bridge the mirror still holds: one it let go of meanwhile is not asked for again).
        for (const QString &source : sources) {
            const QString id = source.section(u':', 1);
            if (!restoring && ((source.startsWith(u"channel:") && !channels.contains(id))
                               || (source.startsWith(u"bridge:") && !bridges.contains(id)))) {
                continue;
            }
            subscribeSources(application, { source }, true, restoring);
        }
        // (each numbered anew: an unsubscribe answered meanwhile is older than those)
        return;
    }
    if (status == 422) {
        const QString &source = sources.constFirst();
        askedSources[application].remove(source);
        if (source.startsWith(u"channel:") || source.startsWith(u"bridge:"))
            sourceGone(source);
        return;
    }
    qCWarning(lcAriRest) << "could not subscribe application" << application << "to"
                         << sources.size() << "event sources: HTTP" << status
                         << "- their events may go unnoticed until the next resync";
}

// After a (re)connect, without subscribeAll: device states, endpoints and "every channel/bridge"
// the application subscribed to itself and the server no longer lists (a restarted Asterisk has
// forgotten them) are subscribed again, so that reconnecting is invisible to the application.
void RegistryPrivate::restoreSubscriptions(const ApplicationInfo &info)
{
    const auto it = askedSources.constFind(info.name());
    if (it == askedSources.constEnd() || it->isEmpty())
        return;
    QSet<QString> listed;
    const auto add = [&listed](const QString &kind, const QStringList &ids, const QString &allTopic) {
        for (const QString &id : ids)
            listed.insert(id == allTopic ? kind : kind + id);
    };
    add(u"channel:"_s, info.channelIds(), u"__AST_CHANNEL_ALL_TOPIC"_s);
    add(u"bridge:"_s, info.bridgeIds(), u"__AST_BRIDGE_ALL_TOPIC"_s);
    add(u"endpoint:"_s, info.endpointIds(), u"__AST_ENDPOINT_ALL_TOPIC"_s);
    add(u"deviceState:"_s, info.deviceNames(), u"__AST_DEVICE_STATE_ALL_TOPIC"_s);
    QStringList missing;
    for (const QString &source : *it) {
        // One channel or bridge is subscribed again by reconcile() while the mirror holds it; a
        // restarted server may give its id to a new object, which the application never asked for.
        const bool oneObject = (source.startsWith(u"channel:") || source.startsWith(u"bridge:"))
                && !source.endsWith(u':');
        if (!oneObject && !listed.contains(source))
            missing.append(source);
    }
    missing.sort(); // one order for every run
    if (!missing.isEmpty())
        qCDebug(lcAriRest) << "application" << info.name() << "is subscribed again to"
                           << missing.size() << "event sources the server forgot";
    for (qsizetype i = 0; i < missing.size(); i += sourcesPerRequest)
        subscribeSources(info.name(), missing.mid(i, sourcesPerRequest), missing.size() == 1, true);
}

void RegistryPrivate::restoreAnswered()
{
    if (--restoresInFlight > 0 || !refreshPending)
        return;
    refreshPending = false;
    q->refreshDeviceStates();
}

void RegistryPrivate::takeSubscriptions(const ApplicationInfo &info)
{
    if (Application *application = applicationNamed(info.name()))
        application->d->update(info);
    if (info.name() != applicationNames.value(0))
        return;
    const QStringList channelIds = info.channelIds();
    const QStringList bridgeIds = info.bridgeIds();
    subscribedChannels = QSet<QString>(channelIds.begin(), channelIds.end());
    subscribedBridges = QSet<QString>(bridgeIds.begin(), bridgeIds.end());
    // a subscription the server no longer lists has gone (a restarted server forgot it)
    ownChannelSubscriptions.intersect(subscribedChannels);
    ownBridgeSubscriptions.intersect(subscribedBridges);
    allChannelsTopic = subscribedChannels.contains(u"__AST_CHANNEL_ALL_TOPIC"_s);
    allBridgesTopic = subscribedBridges.contains(u"__AST_BRIDGE_ALL_TOPIC"_s);
}

// An operation of ours created a channel or bridge. Without subscribeAll Asterisk may send us
// nothing about it, so the application is subscribed to it first; events between its creation and
// the subscription were not sent to us either, so its snapshot is then read again. The caller's
// future finishes after that, with an object the mirror holds and will hear the end of.
void RegistryPrivate::fence(std::function<void()> then)
{
    const Result<Request> request = EventsApi::userEventRequest(
            Registry::fenceEventName(), applicationNames.value(0),
            { .variables = QJsonObject { { "fence"_L1, QString::number(nextFence) } } });
    if (!rest || applicationNames.isEmpty() || !eventsFlowing() || !request) {
        then();
        return;
    }
    const int number = nextFence++;
    auto *timer = new QTimer(client);
    timer->setSingleShot(true);
    fences.insert(number, { timer, std::move(then) });
    // If the fence is lost (socket dropped), go on after the grace period.
    QObject::connect(timer, &QTimer::timeout, client, [this, number] { q->fencePassed(number); });
    timer->start(terminalGraceMs);
    QPointer<Client> guard(client);
    rest->send(*request).then([guard, number](const Result<Response> &result) {
        Registry *registry = guard ? registryOf(guard.data()) : nullptr;
        if (registry && !(result && result->status == 204))
            registry->fencePassed(number); // refused: no event will come
    });
}

// A snapshot from a reply, applied unless an event named the object after the request was sent
// (every channel and bridge event carries a full snapshot, newer than the reply's).
void RegistryPrivate::applySnapshot(bool isChannel, const QJsonObject &json, quint64 sentAt)
{
    if (isChannel) {
        const Result<ChannelInfo> info = ChannelInfo::fromJson(json);
        if (!info || info->id().isEmpty() || endedChannels.blockedAt(info->id(), sentAt))
            return;
        if (Channel *channel = channels.value(info->id());
            channel && channel->d->known && channel->d->touched > sentAt)
            return;
        ++eventNumber; // newer than the reply the caller is about to resolve
        Channel *channel = applyChannel(*info);
        appliedDuringResync(u"channel:"_s + info->id(), &channel->d->touched);
    } else {
        const Result<BridgeInfo> info = BridgeInfo::fromJson(json);
        if (!info || info->id().isEmpty() || endedBridges.blockedAt(info->id(), sentAt))
            return;
        if (Bridge *bridge = bridges.value(info->id());
            bridge && bridge->d->known && bridge->d->touched > sentAt)
            return;
        ++eventNumber;
        Bridge *bridge = applyBridge(*info);
        appliedDuringResync(u"bridge:"_s + info->id(), &bridge->d->touched);
    }
}

void RegistryPrivate::appliedDuringResync(const QString &source, quint64 *touched)
{
    if (resyncFrom == std::numeric_limits<quint64>::max())
        return;
    *touched = std::min(*touched, resyncFrom); // not newer than the listing
    rereadAfterResync.insert(source);
}

void RegistryPrivate::rereadAfterResyncNow()
{
    const QSet<QString> sources = std::exchange(rereadAfterResync, {});
    for (const QString &source : sources)
        reread(source);
}

// Reads a held channel or bridge again: a 404 ends it, a 200 applies unless an event since knows
// better.
void RegistryPrivate::reread(const QString &source)
{
    const QString id = source.section(u':', 1);
    const bool isChannel = source.startsWith(u"channel:");
    if (!rest || !(isChannel ? channels.contains(id) : bridges.contains(id)))
        return;
    const Result<Request> get = isChannel ? ChannelsApi::getRequest(id) : BridgesApi::getRequest(id);
    if (!get)
        return;
    const quint64 sentAt = eventNumber;
    QPointer<Client> guard(client);
    rest->send(*get).then([guard, source, isChannel, sentAt](const Result<Response> &result) {
        Registry *registry = guard ? registryOf(guard.data()) : nullptr;
        if (!registry || !result)
            return; // stopped or unreachable: the next resync reads it
        if (result->status == 404)
            registry->d->endSoon(source, {});
        else if (result->status == 200)
            registry->d->applySnapshot(isChannel, QJsonDocument::fromJson(result->body).object(), sentAt);
    });
}

void RegistryPrivate::adoptCreated(const QString &source, const QJsonObject &reply, quint64 sentAt,
                                   std::function<void()> release)
{
    const QString id = source.section(u':', 1);
    const bool isChannel = source.startsWith(u"channel:");
    if (!wantsSubscriptions() || covered(source) || id.isEmpty()) {
        if (!id.isEmpty())
            applySnapshot(isChannel, reply, sentAt);
        release();
        return;
    }
    const Result<Request> subscribe =
            ApplicationsApi::subscribeRequest(applicationNames.constFirst(), { source });
    const Result<Request> get = isChannel ? ChannelsApi::getRequest(id) : BridgesApi::getRequest(id);
    if (!subscribe || !get) {
        release();
        return;
    }
    QPointer<Client> guard(client);
    const quint64 subscribedAt = eventNumber;
    rest->send(*subscribe).then([guard, source, isChannel, get = *get, subscribedAt,
                                 release](const Result<Response> &answer) {
        Registry *registry = guard ? registryOf(guard.data()) : nullptr;
        if (!registry) {
            release();
            return;
        }
        RegistryPrivate *d = registry->d.get();
        if (!answer || answer->status != 200) {
            // Gone already (422), or the server is unreachable: the reply is all there is; the
            // subscription is tried again when the object is adopted.
            release();
            return;
        }
        if (const Result<ApplicationInfo> info =
                    ApplicationInfo::fromJson(QJsonDocument::fromJson(answer->body).object()))
            d->takeSubscriptions(*info);
        d->subscribed({ source }, subscribedAt);
        if (!d->rest) {
            release();
            return;
        }
        const quint64 asked = d->eventNumber;
        d->rest->send(get).then([guard, source, isChannel, asked,
                                 release](const Result<Response> &fresh) {
            Registry *registry = guard ? registryOf(guard.data()) : nullptr;
            if (registry && fresh && fresh->status == 200)
                registry->d->applySnapshot(isChannel, QJsonDocument::fromJson(fresh->body).object(),
                                           asked);
            else if (registry && fresh && fresh->status == 404)
                registry->d->endSoon(source, {});
            release();
        });
    });
}

// Asterisk says the object does not exist: it has gone, and its terminal event (if one comes)
// is already on its way.
void RegistryPrivate::sourceGone(const QString &source)
{
    const QString id = source.section(u':', 1);
    qCDebug(lcAriRest) << "event source" << source << "no longer exists";
    endSoon(source.startsWith(u"channel:") ? u"channel:"_s + id : u"bridge:"_s + id, {});
}

void RegistryPrivate::endSoon(const QString &key, std::function<void()> release, int cause,
                              const QString &causeText)
{
    const QString kind = key.section(u':', 0, 0);
    const QString id = key.section(u':', 1);
    bool held = false;
    if (kind == u"channel")
        held = channels.value(id) && channels.value(id)->d->known;
    else if (kind == u"bridge")
        held = bridges.value(id) && bridges.value(id)->d->known;
    else if (kind == u"playback")
        held = playbacks.value(id) && playbacks.value(id)->d->known;
    else if (kind == u"recording")
        held = recordings.value(id) && recordings.value(id)->d->known;
    if (!held) {
        if (release)
            release();
        return;
    }
    PendingEnd &pending = pendingEnds[key];
    if (release)
        pending.releases.append(std::move(release));
    // A request that found the object gone may be answered before the one that ended it: the
    // cause the ending operation names counts, whichever came first.
    if (cause && !pending.cause) {
        pending.cause = cause;
        pending.causeText = causeText;
    }
    if (!pending.timer) {
        pending.timer = new QTimer(client);
        pending.timer->setSingleShot(true);
        QObject::connect(pending.timer, &QTimer::timeout, client, [this, key] {
            const auto it = pendingEnds.constFind(key);
            if (it == pendingEnds.constEnd())
                return;
            const int cause = it->cause;
            const QString causeText = it->causeText;
            const QString kind = key.section(u':', 0, 0);
            const QString id = key.section(u':', 1);
            // No terminal event came: end the object from what the operation said.
            if (kind == u"channel") {
                // (without a cause from the operation, the hangup request's is all there is)
                if (Channel *channel = channels.value(id))
                    endChannel(channel, cause ? cause : channel->d->requestedCause, causeText);
            } else if (kind == u"bridge") {
                if (Bridge *bridge = bridges.value(id))
                    endBridge(bridge);
            } else if (kind == u"playback") {
                if (Playback *playback = playbacks.value(id))
                    endPlayback(playback);
            } else if (kind == u"recording") {
                if (LiveRecording *recording = recordings.value(id))
                    endRecording(recording, false);
            }
            settle(key); // the object may have left the map some other way
        });
    }
    // While the event socket is down no terminal event can come: end now.
    pending.timer->start(eventsFlowing() ? terminalGraceMs : 0);
}

void RegistryPrivate::settle(const QString &key)
{
    const auto it = pendingEnds.find(key);
    if (it == pendingEnds.end())
        return;
    PendingEnd pending = std::move(*it);
    pendingEnds.erase(it);
    if (pending.timer) {
        pending.timer->stop();
        pending.timer->deleteLater();
    }
    for (const auto &release : std::as_const(pending.releases))
        release();
}

void RegistryPrivate::settleAll()
{
    const QStringList keys = pendingEnds.keys();
    for (const QString &key : keys)
        settle(key);
    const QList<int> numbers = fences.keys();
    for (int number : numbers)
        q->fencePassed(number);
}

// applications.subscribe succeeded: the channels and bridges it names are covered from now on, so
// the mirror holds them too (fetched, as no event may come for a while).
void RegistryPrivate::adoptSubscribed(const QStringList &sources, quint64 sentAt,
                                      std::function<void()> release)
{
    struct Fetches
    {
        int left = 0;
        std::function<void()> release;
    };
    auto fetches = std::make_shared<Fetches>();
    fetches->release = std::move(release);
    auto done = [fetches] {
        if (--fetches->left == 0 && fetches->release)
            std::exchange(fetches->release, {})();
    };
    QList<std::pair<QString, Result<Request>>> requests;
    for (const QString &source : sources) {
        const QString id = source.section(u':', 1);
        if (id.isEmpty())
            continue;
        if (source.startsWith(u"channel:") && !(channels.value(id) && channels.value(id)->d->known)
            && !endedChannels.blockedAt(id, sentAt)) {
            requests.append({ source, ChannelsApi::getRequest(id) });
        } else if (source.startsWith(u"bridge:")
                   && !(bridges.value(id) && bridges.value(id)->d->known)
                   && !endedBridges.blockedAt(id, sentAt)) {
            requests.append({ source, BridgesApi::getRequest(id) });
        }
    }
    fetches->left = int(requests.size()) + 1;
    QPointer<Client> guard(client);
    for (const auto &[source, request] : std::as_const(requests)) {
        if (!request || !rest) {
            done();
            continue;
        }
        rest->send(*request).then([guard, source = source, done](const Result<Response> &result) {
            Registry *registry = guard ? registryOf(guard.data()) : nullptr;
            if (registry && result && result->status == 200) {
                const QJsonObject json = QJsonDocument::fromJson(result->body).object();
                RegistryPrivate *d = registry->d.get();
                if (source.startsWith(u"channel:")) {
                    if (const Result<ChannelInfo> info = ChannelInfo::fromJson(json);
                        info && !d->endedChannels.contains(info->id())) {
                        d->adoptedBySubscribe.insert(source);
                        d->applyChannel(*info);
                    }
                } else if (const Result<BridgeInfo> info = BridgeInfo::fromJson(json);
                           info && !d->endedBridges.contains(info->id())) {
                    d->adoptedBySubscribe.insert(source);
                    d->applyBridge(*info);
                }
            }
            done();
        });
    }
    done();
}

// applications.unsubscribe succeeded: what the mirror held only because of a subscription the
// application made itself is no longer covered, unless it is in the application's Stasis.
void RegistryPrivate::dropUnsubscribed(const QStringList &sources, bool held)
{
    // held: the mirror may hold them through events since; they are dropped all the same.
    for (const QString &source : sources) {
        const QString id = source.section(u':', 1);
        if (source.startsWith(u"channel:")) {
            subscribedChannels.remove(id);
            ownChannelSubscriptions.remove(id);
        } else if (source.startsWith(u"bridge:")) {
            subscribedBridges.remove(id);
            ownBridgeSubscriptions.remove(id);
        }
        if (!adoptedBySubscribe.remove(source) && !held)
            continue;
        if (source.startsWith(u"channel:")) {
            if (Channel *channel = channels.value(id); channel && !channel->d->inStasis)
                dropChannel(channel);
        } else if (Bridge *bridge = bridges.value(id)) {
            bool stasisMember = false;
            for (const QString &member : std::as_const(bridge->d->channelIds)) {
                if (Channel *channel = channels.value(member); channel && channel->d->inStasis)
                    stasisMember = true;
            }
            if (!stasisMember)
                dropBridge(bridge);
        }
    }
}

// The object still exists on the server but the application no longer hears of it: it leaves
// the mirror (removal signals, no terminal ones).
void RegistryPrivate::dropChannel(Channel *channel)
{
    qCDebug(lcAriEvents) << "channel" << channel->id() << "is no longer covered; it leaves the mirror";
    removeChannel(channel);
}

void RegistryPrivate::dropBridge(Bridge *bridge)
{
    qCDebug(lcAriEvents) << "bridge" << bridge->id() << "is no longer covered; it leaves the mirror";
    removeBridge(bridge);
}

// --- Registry --------------------------------------------------------------------------------

Registry::Registry(Client *client) : d(std::make_unique<RegistryPrivate>(this, client))
{
    d->system = new AsteriskSystem(client, client);
    d->events->m_registry = this;
    d->flushTimer.setSingleShot(true);
    QObject::connect(&d->flushTimer, &QTimer::timeout, client,
                     [this] { d->flushSubscriptions(); });
}

Registry::~Registry()
{
    for (ListingObserver *observer : std::exchange(d->listingObservers, {}))
        observer->registryGone();
    if (d->events->m_registry == this)
        d->events->m_registry = nullptr;
    d->settleAll(); // every caller still waiting for an object's end hears now
    Q_EMIT d->events->liveObjectsCleared();
    d->deleteAll();
    delete d->system;
}

void Registry::configure(Transport *rest, const QStringList &applications, bool subscribeAll)
{
    d->rest = rest;
    d->applicationNames = applications;
    d->subscribeAll = subscribeAll;
}

void Registry::observe(const Request &request, quint64 sentAt, const Result<Response> &result,
                       std::function<void()> release)
{
    const int status = result ? result->status : 0;
    const bool ok = status >= 200 && status < 300;
    const bool gone = ok || status == 404; // done, or the server no longer has it
    const QString &operation = request.operation;
    const auto segment = [&request](int index) { return pathSegment(request.path, index); };

    static const QSet<QString> createsChannel = {
        u"channels.originate"_s,  u"channels.originateWithId"_s,  u"channels.create"_s,
        u"channels.snoopChannel"_s, u"channels.snoopChannelWithId"_s, u"channels.externalMedia"_s,
    };
    if (status == 200 && createsChannel.contains(operation)) {
        const QJsonObject json = QJsonDocument::fromJson(result->body).object();
        return d->adoptCreated(u"channel:"_s + json.value("id"_L1).toString(), json, sentAt,
                               std::move(release));
    }
    if (status == 200 && (operation == u"bridges.create" || operation == u"bridges.createWithId")) {
        const QJsonObject json = QJsonDocument::fromJson(result->body).object();
        return d->adoptCreated(u"bridge:"_s + json.value("id"_L1).toString(), json, sentAt,
                               std::move(release));
    }
    if (operation == u"channels.hangup" && gone) {
        const auto [cause, causeText] = hangupCause(request.query);
        return d->endSoon(u"channel:"_s + segment(1), std::move(release), ok ? cause : 0,
                          ok ? causeText : QString());
    }
    if (operation == u"channels.get" && status == 404)
        return d->endSoon(u"channel:"_s + segment(1), std::move(release));
    if (operation == u"events.claimChannel" && (status == 204 || status == 404 || status == 409)) {
        const QString id = queryValues(request.query, "channelId").value(0);
        const QString application = queryValues(request.query, "application").value(0);
        if (status == 204 && d->applicationNames.contains(application))
            return d->awaitStasis(id, std::move(release)); // the winner's StasisStart follows
        if (status == 204)
            return release(); // claimed for an application of someone else's
        // Lost or not on offer: a CallClaimed sent before the answer arrives before the fence,
        // then the mirror lets go of what it held only for the offer.
        return d->fence([this, id, release = std::move(release)] {
            d->letGoOfOffer(id);
            release();
        });
    }
    if ((operation == u"bridges.destroy" && gone) || (operation == u"bridges.get" && status == 404))
        return d->endSoon(u"bridge:"_s + segment(1), std::move(release));
    if ((operation == u"playbacks.stop" && gone) || (operation == u"playbacks.get" && status == 404))
        return d->endSoon(u"playback:"_s + segment(1), std::move(release));
    if (((operation == u"recordings.stop" || operation == u"recordings.cancel") && gone)
        || (operation == u"recordings.getLive" && status == 404)) {
        return d->endSoon(u"recording:"_s + segment(2), std::move(release));
    }
    if (operation == u"deviceStates.delete" && ok) {
        // Asterisk sends no event; the state reads UNKNOWN afterwards (trace g). A change sent
        // before the delete may still be on its way: the state is set once the fence is through.
        const QString name = segment(1);
        return d->fence([this, name, release = std::move(release)] {
            if (DeviceState *state = d->deviceStates.value(name)) {
                DeviceStateInfo info = state->info();
                info.setState(u"UNKNOWN"_s);
                if (state->d->update(info))
                    Q_EMIT d->events->deviceStateChanged(state);
            }
            release();
        });
    }
    if (operation == u"mailboxes.update" && ok) {
        // no event follows: what was set is what the mailbox now holds
        ++d->mailboxWrites[segment(1)];
        if (Mailbox *mailbox = d->mailboxes.value(segment(1))) {
            MailboxInfo info = mailbox->info();
            info.setOldMessages(queryValues(request.query, "oldMessages").value(0).toInt());
            info.setNewMessages(queryValues(request.query, "newMessages").value(0).toInt());
            mailbox->d->update(info);
        }
    } else if (operation == u"mailboxes.get" && ok) {
        if (Mailbox *mailbox = d->mailboxes.value(segment(1))) {
            if (const Result<MailboxInfo> info =
                        MailboxInfo::fromJson(QJsonDocument::fromJson(result->body).object()))
                mailbox->d->update(*info);
        }
    } else if ((operation == u"mailboxes.delete" && gone)
               || (operation == u"mailboxes.get" && status == 404)) {
        ++d->mailboxWrites[segment(1)];
        if (Mailbox *mailbox = d->mailboxes.take(segment(1))) {
            mailbox->d->setEnded();
            mailbox->deleteLater();
        }
    } else if ((operation == u"recordings.deleteStored" && gone)
               || (operation == u"recordings.getStored" && status == 404)) {
        if (StoredRecording *recording = d->storedRecordings.take(segment(2))) {
            recording->d->setEnded();
            recording->deleteLater();
        }
    } else if (operation == u"applications.subscribe" && ok) {
        const Result<ApplicationInfo> info =
                ApplicationInfo::fromJson(QJsonDocument::fromJson(result->body).object());
        if (info)
            d->takeSubscriptions(*info);
        if (segment(1) == d->applicationNames.value(0))
            d->subscribed(queryValues(request.query, "eventSource"), sentAt);
        if (d->applicationNames.contains(segment(1))) {
            for (const QString &source : queryValues(request.query, "eventSource")) {
                d->askedSources[segment(1)].insert(source);
                d->unsubscribedAt.remove(source);
                if (source.startsWith(u"channel:"))
                    d->letGoChannels.forget(source.section(u':', 1));
            }
        }
        if (!d->subscribeAll && d->applicationNames.contains(segment(1)))
            return d->adoptSubscribed(queryValues(request.query, "eventSource"), sentAt,
                                      std::move(release));
    } else if (operation == u"applications.unsubscribe"
               && (ok || (status == 422 && queryValues(request.query, "eventSource").size() == 1))) {
        // 422 for one source: the server does not have it (any more). The application wants it
        // gone all the same: a re-subscription of the client's own that was on its way when the
        // unsubscribe overtook it (after a reconnect) is undone, and the mirror lets go of what
        // it held through it. (For several sources Asterisk refuses all or nothing: unchanged.)
        const Result<ApplicationInfo> info =
                ApplicationInfo::fromJson(QJsonDocument::fromJson(result->body).object());
        if (info)
            d->takeSubscriptions(*info);
        if (auto it = d->askedSources.find(segment(1)); it != d->askedSources.end()) {
            for (const QString &source : queryValues(request.query, "eventSource"))
                it->remove(source);
        }
        if (segment(1) == d->applicationNames.value(0)) {
            // (only what the mirror held because of the application's own subscription: what it
            // holds for another reason stays covered by the client's subscription)
            for (const QString &source : queryValues(request.query, "eventSource")) {
                if (d->adoptedBySubscribe.contains(source))
                    d->unsubscribedAt.insert(source, ++d->subscribeSerial);
            }
        }
        if (d->resyncFrom != std::numeric_limits<quint64>::max()
            && segment(1) == d->applicationNames.value(0)) {
            for (const QString &source : queryValues(request.query, "eventSource"))
                d->unsubscribedDuringResync.insert(source);
        }
        if (!d->subscribeAll && d->applicationNames.contains(segment(1)))
            d->dropUnsubscribed(queryValues(request.query, "eventSource"));
    }
    release();
}

void Registry::refreshDeviceStates()
{
    // No listing brings them back and no event may come (a restarted server forgot the
    // application's subscriptions): each held device state is read again.
    if (!d->rest)
        return;
    if (d->restoresInFlight > 0) {
        d->refreshPending = true; // once the subscriptions are back, so no change slips between
        return;
    }
    QPointer<Client> guard(d->client);
    const quint64 sentAt = d->eventNumber;
    for (auto it = d->deviceStates.cbegin(); it != d->deviceStates.cend(); ++it) {
        const Result<Request> request = DeviceStatesApi::getRequest(it.key());
        if (!request)
            continue;
        d->rest->send(*request).then([guard, sentAt, name = it.key()](const Result<Response> &result) {
            Registry *registry = guard ? registryOf(guard.data()) : nullptr;
            if (!registry || !result || result->status != 200)
                return;
            if (registry->d->deviceStateEvents.value(name) > sentAt)
                return; // an event since the request knows better
            const Result<DeviceStateInfo> info =
                    DeviceStateInfo::fromJson(QJsonDocument::fromJson(result->body).object());
            if (!info)
                return;
            if (DeviceState *state = registry->deviceState(info->name());
                state && state->d->update(*info))
                Q_EMIT registry->d->events->deviceStateChanged(state);
        });
    }
}

void Registry::refreshMailboxes()
{
    // Asterisk sends nothing about mailboxes, and a restarted server may have none: each held
    // one is read again. A write of this client's answered meanwhile knows better.
    if (!d->rest)
        return;
    QPointer<Client> guard(d->client);
    for (auto it = d->mailboxes.cbegin(); it != d->mailboxes.cend(); ++it) {
        const Result<Request> request = MailboxesApi::getRequest(it.key());
        if (!request)
            continue;
        const QString name = it.key();
        const quint64 writes = d->mailboxWrites.value(name);
        d->rest->send(*request).then([guard, name, writes](const Result<Response> &result) {
            Registry *registry = guard ? registryOf(guard.data()) : nullptr;
            if (!registry || !result || registry->d->mailboxWrites.value(name) != writes)
                return;
            if (result->status == 404) {
                if (Mailbox *mailbox = registry->d->mailboxes.take(name)) {
                    mailbox->d->setEnded();
                    mailbox->deleteLater();
                }
                return;
            }
            if (result->status != 200)
                return;
            if (const Result<MailboxInfo> info =
                        MailboxInfo::fromJson(QJsonDocument::fromJson(result->body).object())) {
                if (Mailbox *mailbox = registry->d->mailboxes.value(name))
                    mailbox->d->update(*info);
            }
        });
    }
}

void Registry::setSubscriptions(const QList<ApplicationInfo> &applications)
{
    for (const ApplicationInfo &info : applications) {
        d->takeSubscriptions(info);
        if (!d->subscribeAll)
            d->restoreSubscriptions(info);
    }
    for (const QString &source : std::as_const(d->unsubscribedDuringResync)) {
        const QString id = source.section(u':', 1);
        if (source.startsWith(u"channel:")) {
            d->subscribedChannels.remove(id);
            d->ownChannelSubscriptions.remove(id);
        } else if (source.startsWith(u"bridge:")) {
            d->subscribedBridges.remove(id);
            d->ownBridgeSubscriptions.remove(id);
        }
    }
}

void Registry::dispatch(const Event &event)
{
    if (event.type() == EventType::Unknown)
        return;
    // A verbatim repeat of the previous frame (bridge playbacks under subscribeAll, device
    // states) carries nothing new: the objects and the typed signals see it once.
    if (event.type() == d->lastEvent.type() && EventAccess::sameFrame(event, d->lastEvent))
        return;
    d->lastEvent = event;
    ++d->eventNumber;
    if (const std::optional<QString> asteriskId = EventAccess::asteriskId(event))
        d->system->d->setAsteriskId(*asteriskId);
    d->dispatch(event);
}

void Registry::beginResync()
{
    d->resyncFrom = d->eventNumber;
    d->ownSince = d->eventNumber;
    d->ownChannelSubscriptions.clear();
    d->ownBridgeSubscriptions.clear();
    d->unsubscribedDuringResync.clear();
}

void Registry::reconcile(const QList<ChannelInfo> *channelInfos, const QList<BridgeInfo> *bridgeInfos)
{
    ++d->listingDepth;
    const auto applied = qScopeGuard([this] {
        if (--d->listingDepth > 0)
            return;
        for (ListingObserver *observer : std::exchange(d->listingObservers, {}))
            observer->listingApplied();
    });
    const quint64 resyncFrom = std::exchange(d->resyncFrom, std::numeric_limits<quint64>::max());
    // Objects named by an event since beginResync() know better than the listing.
    const auto newer = [resyncFrom](quint64 touched) {
        return resyncFrom != std::numeric_limits<quint64>::max() && touched > resyncFrom;
    };
    // Without subscribeAll, a listed object the mirror does not hold yet is adopted only if the
    // applications hear of it: subscribed to it, or (channels) it is in one of their Stasis, or
    // (bridges) one of those channels is in it.
    const bool all = d->subscribeAll;
    const auto inOurStasis = [this](const ChannelInfo &info) {
        const DialplanCep dialplan = info.dialplan();
        return dialplan.appName() == u"Stasis"
                && d->applicationNames.contains(dialplan.appData().section(u',', 0, 0));
    };
    // Listings apply as if they were an event.
    ++d->eventNumber;
    QSet<QString> channelIds;
    QSet<QString> stasisChannelIds;
    if (channelInfos) {
        channelIds.reserve(channelInfos->size());
        for (const ChannelInfo &info : *channelInfos) {
            if (info.id().isEmpty() || d->endedChannels.blockedAt(info.id(), resyncFrom))
                continue;
            channelIds.insert(info.id());
            const bool stasis = inOurStasis(info);
            if (stasis)
                stasisChannelIds.insert(info.id());
            Channel *existing = d->channels.value(info.id());
            const bool held = existing && existing->d->known;
            if (!held && !all && !stasis && !d->allChannelsTopic
                && !d->subscribedChannels.contains(info.id())) {
                continue;
            }
            if (existing && newer(existing->d->touched))
                continue;
            Channel *channel = d->applyChannel(info);
            // The listing also says whether it is in one of our Stasis: a call found there at
            // connect is, one that left while the socket was down is not (its stasisEnded() is
            // emitted, as when a channel ends in Stasis; no StasisStart is made up).
            QStringList args = info.dialplan().appData().split(u',');
            args.removeFirst();
            if (channel->d->setInStasis(stasis, stasis ? args : QStringList())) {
                Q_EMIT d->events->channelChanged(channel);
                if (!stasis)
                    Q_EMIT channel->stasisEnded();
            }
        }
    }
    QSet<QString> bridgeIds;
    QHash<QString, Bridge *> bridgeOfChannel;
    if (bridgeInfos) {
        bridgeIds.reserve(bridgeInfos->size());
        for (const BridgeInfo &info : *bridgeInfos) {
            if (info.id().isEmpty() || d->endedBridges.blockedAt(info.id(), resyncFrom))
                continue;
            bridgeIds.insert(info.id());
            Bridge *bridge = d->bridges.value(info.id());
            const bool held = bridge && bridge->d->known;
            if (!held && !all && !d->allBridgesTopic && !d->subscribedBridges.contains(info.id())) {
                const QStringList members = info.channels();
                if (std::none_of(members.begin(), members.end(),
                                 [&](const QString &id) { return stasisChannelIds.contains(id); }))
                    continue;
            }
            if (!(bridge && newer(bridge->d->touched)))
                bridge = d->applyBridge(info);
            for (const QString &id : bridge->d->channelIds)
                bridgeOfChannel.insert(id, bridge);
        }
    }
    const quint64 listed = d->eventNumber;

    // Vanished: terminal signals, as if the events had arrived. A kind whose listing the server
    // refused keeps what it has.
    if (channelInfos) {
        const QList<Channel *> knownChannels = d->channels.values();
        for (Channel *channel : knownChannels) {
            if (channel->d->known && !channelIds.contains(channel->id())
                && !newer(channel->d->touched)
                && !d->rereadAfterResync.contains(u"channel:"_s + channel->id())) {
                d->endChannel(channel, 0, QString());
            }
        }
    }
    if (bridgeInfos) {
        const QList<Bridge *> knownBridges = d->bridges.values();
        for (Bridge *bridge : knownBridges) {
            if (bridge->d->known && !bridgeIds.contains(bridge->id()) && !newer(bridge->d->touched)
                && !d->rereadAfterResync.contains(u"bridge:"_s + bridge->id())) {
                d->endBridge(bridge);
            }
        }
    }
    // Membership as the server lists it (channels that events moved meanwhile excepted).
    if (bridgeInfos) {
        for (Channel *channel : std::as_const(d->channels)) {
            if (!channel->d->known || (newer(channel->d->touched) && channel->d->touched != listed))
                continue;
            // A channel in a bridge the mirror does not hold keeps no bridge.
            if (channel->d->setBridge(bridgeOfChannel.value(channel->id())))
                Q_EMIT d->events->channelChanged(channel);
        }
    }
    // Playbacks and recordings whose target vanished cannot finish any more.
    const auto targetGone = [&](const QString &uri) {
        if (uri.startsWith(u"channel:"))
            return channelInfos && !channelIds.contains(uri.mid(8));
        if (uri.startsWith(u"bridge:"))
            return bridgeInfos && !bridgeIds.contains(uri.mid(7));
        return false;
    };
    const QList<Playback *> playbackList = d->playbacks.values();
    for (Playback *playback : playbackList) {
        if (playback->d->known && targetGone(playback->targetUri()))
            d->endPlayback(playback);
    }
    const QList<LiveRecording *> recordingList = d->recordings.values();
    for (LiveRecording *recording : recordingList) {
        if (recording->d->known && targetGone(recording->targetUri()))
            d->endRecording(recording, false);
    }
    // Keep the applications subscribed to everything the mirror holds (a no-op with subscribeAll
    // and for what they are subscribed to already).
    for (Channel *channel : std::as_const(d->channels)) {
        if (channel->d->known)
            d->want(u"channel:"_s + channel->id());
    }
    for (Bridge *bridge : std::as_const(d->bridges)) {
        if (bridge->d->known)
            d->want(u"bridge:"_s + bridge->id());
    }
    d->rereadAfterResyncNow();
    d->unsubscribedDuringResync.clear();
}

bool Registry::applyingListing() const
{
    return d->listingDepth > 0;
}

void Registry::whenListingApplied(ListingObserver *observer)
{
    if (!d->listingObservers.contains(observer))
        d->listingObservers.append(observer);
}

void Registry::forgetListingObserver(ListingObserver *observer)
{
    d->listingObservers.removeAll(observer);
}

Channel *Registry::newChannel()
{
    bool created = false;
    return d->findOrCreateChannel(QUuid::createUuid().toString(QUuid::WithoutBraces), &created);
}

Bridge *Registry::newBridge()
{
    bool created = false;
    return d->findOrCreateBridge(QUuid::createUuid().toString(QUuid::WithoutBraces), &created);
}

Playback *Registry::newPlayback()
{
    bool created = false;
    return d->findOrCreatePlayback(QUuid::createUuid().toString(QUuid::WithoutBraces), &created);
}

LiveRecording *Registry::newLiveRecording()
{
    bool created = false;
    return d->findOrCreateRecording(QUuid::createUuid().toString(QUuid::WithoutBraces), &created);
}

Channel *Registry::channel(const QString &id) const { return d->channels.value(id); }
Bridge *Registry::bridge(const QString &id) const { return d->bridges.value(id); }
Playback *Registry::playback(const QString &id) const { return d->playbacks.value(id); }
LiveRecording *Registry::liveRecording(const QString &name) const
{
    return d->recordings.value(name);
}
StoredRecording *Registry::storedRecording(const QString &name) const
{
    return d->storedRecordings.value(name);
}
Endpoint *Registry::endpoint(const QString &technology, const QString &resource) const
{
    return d->endpoints.value(technology + u'/' + resource);
}
Endpoint *Registry::endpoint(const QString &id) const { return d->endpoints.value(id); }
DeviceState *Registry::deviceState(const QString &name) const
{
    return d->deviceStates.value(name);
}
Mailbox *Registry::mailbox(const QString &name) const { return d->mailboxes.value(name); }
Sound *Registry::sound(const QString &id) const { return d->sounds.value(id); }
Application *Registry::application(const QString &name) const
{
    return d->applications.value(name);
}
AsteriskSystem *Registry::asteriskSystem() const { return d->system; }

template<class T>
static QList<T *> knownOnly(const QHash<QString, T *> &hash)
{
    QList<T *> list;
    list.reserve(hash.size());
    for (T *object : hash) {
        if (object->isKnown())
            list.append(object);
    }
    return list;
}

QList<Channel *> Registry::channels() const { return knownOnly(d->channels); }
QList<Bridge *> Registry::bridges() const { return knownOnly(d->bridges); }
QList<Playback *> Registry::playbacks() const { return knownOnly(d->playbacks); }
QList<LiveRecording *> Registry::liveRecordings() const { return knownOnly(d->recordings); }

Channel *Registry::resolve(const ChannelInfo &info, quint64 asOf)
{
    if (d->endedChannels.blockedAt(info.id(), asOf))
        return RegistryPrivate::endedObject(new Channel(info.id(), d->client, d->client), info);
    Channel *channel = d->channels.value(info.id());
    if (channel && channel->d->known && asOf != std::numeric_limits<quint64>::max()
        && channel->d->touched > asOf)
        return channel; // an event since the request knows better than this reply
    channel = d->applyChannel(info);
    d->appliedDuringResync(u"channel:"_s + info.id(), &channel->d->touched);
    return channel;
}

Bridge *Registry::resolve(const BridgeInfo &info, quint64 asOf)
{
    if (d->endedBridges.blockedAt(info.id(), asOf))
        return RegistryPrivate::endedObject(new Bridge(info.id(), d->client, d->client), info);
    Bridge *bridge = d->bridges.value(info.id());
    if (bridge && bridge->d->known && asOf != std::numeric_limits<quint64>::max()
        && bridge->d->touched > asOf)
        return bridge;
    bridge = d->applyBridge(info);
    d->appliedDuringResync(u"bridge:"_s + info.id(), &bridge->d->touched);
    return bridge;
}

Playback *Registry::resolve(const PlaybackInfo &info, quint64 asOf)
{
    Q_UNUSED(asOf) // no event changes it between a request and its reply
    if (d->endedPlaybacks.contains(info.id()))
        return RegistryPrivate::endedObject(new Playback(info.id(), d->client, d->client), info);
    return d->applyPlayback(info);
}

LiveRecording *Registry::resolve(const LiveRecordingInfo &info, quint64 asOf)
{
    Q_UNUSED(asOf) // no event changes it between a request and its reply
    if (d->endedRecordings.contains(info.name()))
        return RegistryPrivate::endedObject(new LiveRecording(info.name(), d->client, d->client), info);
    return d->applyRecording(info);
}

StoredRecording *Registry::resolve(const StoredRecordingInfo &info, quint64 asOf)
{
    Q_UNUSED(asOf) // no event changes it between a request and its reply
    StoredRecording *recording = d->storedRecordings.value(info.name());
    if (!recording) {
        recording = new StoredRecording(info.name(), d->client, d->client);
        d->storedRecordings.insert(info.name(), recording);
    }
    recording->d->update(info);
    return recording;
}

Endpoint *Registry::resolve(const EndpointInfo &info, quint64 asOf)
{
    Q_UNUSED(asOf) // no event changes it between a request and its reply
    Endpoint *endpoint = d->findOrCreateEndpoint(info.technology(), info.resource());
    endpoint->d->update(info);
    return endpoint;
}

DeviceState *Registry::resolve(const DeviceStateInfo &info, quint64 asOf)
{
    Q_UNUSED(asOf) // no event changes it between a request and its reply
    DeviceState *state = d->deviceStates.value(info.name());
    if (!state) {
        state = new DeviceState(info.name(), d->client, d->client);
        d->deviceStates.insert(info.name(), state);
    }
    state->d->update(info);
    return state;
}

Mailbox *Registry::resolve(const MailboxInfo &info, quint64 asOf)
{
    Q_UNUSED(asOf) // no event changes it between a request and its reply
    Mailbox *mailbox = d->mailboxes.value(info.name());
    if (!mailbox) {
        mailbox = new Mailbox(info.name(), d->client, d->client);
        d->mailboxes.insert(info.name(), mailbox);
    }
    mailbox->d->update(info);
    return mailbox;
}

Sound *Registry::resolve(const SoundInfo &info, quint64 asOf)
{
    Q_UNUSED(asOf) // no event changes it between a request and its reply
    Sound *sound = d->sounds.value(info.id());
    if (!sound) {
        sound = new Sound(info.id(), d->client, d->client);
        d->sounds.insert(info.id(), sound);
    }
    sound->d->update(info);
    return sound;
}

Application *Registry::resolve(const ApplicationInfo &info, quint64 asOf)
{
    Q_UNUSED(asOf) // no event changes it between a request and its reply
    Application *application = d->applicationNamed(info.name());
    if (application)
        application->d->update(info);
    return application;
}

void Registry::clear(const Error &reason)
{
    Q_UNUSED(reason);
    Q_EMIT d->events->liveObjectsCleared();
    const auto drop = [](auto &hash, auto remove) {
        const auto values = hash.values();
        for (auto *object : values)
            remove(object);
        hash.clear();
    };
    drop(d->channels, [this](Channel *c) { d->removeChannel(c); });
    drop(d->bridges, [this](Bridge *b) { d->removeBridge(b); });
    drop(d->playbacks, [this](Playback *p) { d->removePlayback(p); });
    drop(d->recordings, [this](LiveRecording *r) { d->removeRecording(r); });
    const auto later = [](auto &hash) {
        for (auto *object : std::as_const(hash))
            object->deleteLater();
        hash.clear();
    };
    later(d->storedRecordings);
    later(d->endpoints);
    later(d->deviceStates);
    later(d->mailboxes);
    later(d->sounds);
    later(d->applications);
    d->settleAll();
    d->flushTimer.stop();
    d->queuedSources.clear();
    d->queuedSet.clear();
    d->subscribedChannels.clear();
    d->subscribedBridges.clear();
    d->ownChannelSubscriptions.clear();
    d->ownBridgeSubscriptions.clear();
    d->rereadWhenSubscribed.clear();
    d->allChannelsTopic = d->allBridgesTopic = false;
    d->adoptedBySubscribe.clear();
    d->unsubscribedAt.clear();
    d->lastEvent = Event();
    d->resyncFrom = std::numeric_limits<quint64>::max();
    d->endedChannels.clear();
    d->endedBridges.clear();
    d->endedPlaybacks.clear();
    d->endedRecordings.clear();
}

quint64 Registry::eventCount() const { return d->eventNumber; }

QString Registry::fenceEventName() { return u"QtAriFence"_s; }

void Registry::fencePassed(int number)
{
    const auto it = d->fences.find(number);
    if (it == d->fences.end())
        return;
    auto [timer, then] = std::move(*it);
    d->fences.erase(it);
    timer->stop();
    timer->deleteLater();
    then();
}

qsizetype Registry::size() const
{
    return d->channels.size() + d->bridges.size() + d->playbacks.size() + d->recordings.size()
            + d->storedRecordings.size() + d->endpoints.size() + d->deviceStates.size()
            + d->mailboxes.size() + d->sounds.size() + d->applications.size();
}

Registry *registryOf(const ClientEvents *events)
{
    return events ? events->m_registry : nullptr;
}

} // namespace QtAri::Private
