// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// The identity map of live objects (never installed). One per Client, owned by its private data.

#include <QtAri/clientevents.h>
#include <QtAri/error.h>

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <functional>
#include <limits>
#include <memory>

namespace QtAri {

class Client;
class Event;
class Transport;
struct Request;
struct Response;
template<class T> class Result;
class ChannelInfo;
class BridgeInfo;
class PlaybackInfo;
class LiveRecordingInfo;
class StoredRecordingInfo;
class EndpointInfo;
class DeviceStateInfo;
class MailboxInfo;
class SoundInfo;
class ApplicationInfo;
class Channel;
class Bridge;
class Playback;
class LiveRecording;
class StoredRecording;
class Endpoint;
class DeviceState;
class Mailbox;
class Sound;
class Application;
class AsteriskSystem;

namespace Private {

class RegistryPrivate;

//! Told once the listing being applied (Registry::reconcile()) has been applied in full: the
//! live-object models gather the rows a listing adds and insert them in one go.
class ListingObserver
{
public:
    virtual void listingApplied() = 0;
    //! The registry is going away before the listing was applied.
    virtual void registryGone() = 0;

protected:
    ~ListingObserver() = default;
};

//! Finds or creates the live object for every id, keeps its properties current from events,
//! emits the object's and the Client's typed signals, and ends objects after their terminal
//! event. All live objects are children of the client and live in its thread.
class Registry
{
public:
    explicit Registry(QtAri::Client *client);
    ~Registry(); // deletes every live object still in the map
    Registry(const Registry &) = delete;
    Registry &operator=(const Registry &) = delete;

    //! Routes one decoded event: find/create the objects it names (nested fields too), update
    //! their properties (NOTIFY signals), emit the objects' signals, then the Client's typed
    //! signal. Terminal events: last signals, out of the map, deleteLater(). Events that arrive
    //! twice are harmless: a verbatim repeat of the previous frame is dropped, a repeated terminal
    //! event finds nothing to end. Unknown event types are ignored here.
    void dispatch(const QtAri::Event &event);

    //! What the mirror depends on, set at every (re)connect: the transport for the subscription
    //! requests the registry makes itself (not observed), the Stasis applications, and the mode.
    void configure(QtAri::Transport *rest, const QStringList &applications, bool subscribeAll);

    //! The answer to one of the application's own requests, before its caller hears of it (see
    //! ObservedTransport). An operation that ends an object (hangup, destroy, stop, cancel,
    //! delete …) ends the live object: at once when Asterisk sends no terminal event for it,
    //! otherwise when the event arrives (its data wins) or, at the latest, after a short grace
    //! period; \a release is called once that has happened. A 404 from such an operation means
    //! the server no longer has the object: the same applies. applications.subscribe adopts the
    //! channels and bridges it names; applications.unsubscribe lets go of those it adopted.
    //! \a sentAt is eventCount() when the request was sent: a snapshot in the reply does not
    //! overwrite what an event told since.
    void observe(const QtAri::Request &request, quint64 sentAt,
                 const QtAri::Result<QtAri::Response> &result, std::function<void()> release);

    //! Call when the listings for reconcile() are requested: objects that events name from now
    //! on are newer than the listings and are neither overwritten nor ended by reconcile().
    void beginResync();
    //! After a (re)connect: every held device state is read again (no listing covers them).
    void refreshDeviceStates();
    //! After a (re)connect: every held mailbox is read again; one the server no longer has ends.
    void refreshMailboxes();
    //! The applications' subscriptions as the server listed them at the resync (default mode).
    void setSubscriptions(const QList<QtAri::ApplicationInfo> &applications);
    //! After a (re)connect: objects the server no longer has get their terminal signals, new ones
    //! appear, changed ones update. Ids whose terminal event was seen never come back. A null
    //! listing (the server refused it) leaves that kind as it is. Without subscribeAll only what
    //! the applications' subscriptions cover is adopted (see Client); objects held already stay
    //! while the server has them, and are subscribed to again.
    void reconcile(const QList<QtAri::ChannelInfo> *channels,
                   const QList<QtAri::BridgeInfo> *bridges);
    //! Whether reconcile() is running: objects it adds are announced one by one, and \a observer
    //! given to whenListingApplied() hears once all of them are.
    bool applyingListing() const;
    //! One call of \a observer's listingApplied() at the end of the running reconcile().
    void whenListingApplied(ListingObserver *observer);
    void forgetListingObserver(ListingObserver *observer);

    //! Objects with a client-side id (QUuid), kept in the map so that signals can be connected
    //! before the operation that creates them on the server uses the id.
    Channel *newChannel();
    Bridge *newBridge();
    Playback *newPlayback();
    LiveRecording *newLiveRecording();

    //! The live object with that id, or nullptr.
    Channel *channel(const QString &id) const;
    Bridge *bridge(const QString &id) const;
    Playback *playback(const QString &id) const;
    LiveRecording *liveRecording(const QString &name) const;
    StoredRecording *storedRecording(const QString &name) const;
    Endpoint *endpoint(const QString &technology, const QString &resource) const;
    Endpoint *endpoint(const QString &id) const; // "technology/resource"
    DeviceState *deviceState(const QString &name) const;
    Mailbox *mailbox(const QString &name) const;
    Sound *sound(const QString &id) const;
    Application *application(const QString &name) const;
    AsteriskSystem *asteriskSystem() const; // created with the registry, lives as long as it

    QList<Channel *> channels() const;
    QList<Bridge *> bridges() const;
    QList<Playback *> playbacks() const;
    QList<LiveRecording *> liveRecordings() const;

    //! Find or create the object, then update it from \a info (used by toLive()). A reply can be
    //! older than the events: \a asOf is eventCount() when the request was sent, and a channel or
    //! bridge that an event named since then keeps its state.
    Channel *resolve(const QtAri::ChannelInfo &info, quint64 asOf = std::numeric_limits<quint64>::max());
    Bridge *resolve(const QtAri::BridgeInfo &info, quint64 asOf = std::numeric_limits<quint64>::max());
    Playback *resolve(const QtAri::PlaybackInfo &info, quint64 asOf = std::numeric_limits<quint64>::max());
    LiveRecording *resolve(const QtAri::LiveRecordingInfo &info, quint64 asOf = std::numeric_limits<quint64>::max());
    StoredRecording *resolve(const QtAri::StoredRecordingInfo &info, quint64 asOf = std::numeric_limits<quint64>::max());
    Endpoint *resolve(const QtAri::EndpointInfo &info, quint64 asOf = std::numeric_limits<quint64>::max());
    DeviceState *resolve(const QtAri::DeviceStateInfo &info, quint64 asOf = std::numeric_limits<quint64>::max());
    Mailbox *resolve(const QtAri::MailboxInfo &info, quint64 asOf = std::numeric_limits<quint64>::max());
    Sound *resolve(const QtAri::SoundInfo &info, quint64 asOf = std::numeric_limits<quint64>::max());
    Application *resolve(const QtAri::ApplicationInfo &info, quint64 asOf = std::numeric_limits<quint64>::max());

    //! The client stopped or is being destroyed: every object leaves the map with its removal
    //! signal and is deleted later. \a reason is for logs.
    void clear(const QtAri::Error &reason);

    //! The name of the user events the registry sends itself as fences; the client passes them
    //! to fencePassed() and does not deliver them.
    static QString fenceEventName();
    void fencePassed(int number);

    //! Events dispatched so far (a clock for resolve()'s asOf).
    quint64 eventCount() const;

    //! Objects currently in the map (all types); for tests and the soak check.
    qsizetype size() const;

private:
    friend class RegistryPrivate;
    std::unique_ptr<RegistryPrivate> d;
};

} // namespace Private
} // namespace QtAri
