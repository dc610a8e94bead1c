// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtAri/application.h>
#include <QtAri/bridge.h>
#include <QtAri/channel.h>
#include <QtAri/devicestate.h>
#include <QtAri/endpoint.h>
#include <QtAri/liverecording.h>
#include <QtAri/playback.h>

#include <QtCore/QJsonObject>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace QtAri {

class Client;
class ClientEvents;
class ContactInfo;
class Peer;
class TextMessage;
struct BridgeAttendedTransferEvent;
struct BridgeBlindTransferEvent;
struct ChannelTransferEvent;
struct RestResponseEvent;

namespace Private {
class Registry;
//! The registry of \a events' client, or nullptr while it has none (internal).
Registry *registryOf(const ClientEvents *events);
} // namespace Private

//! \brief The typed signals of a Client: one per ARI event type, plus the identity map's
//! additions and removals.
//!
//! Client derives from this class; connect to them as `&QtAri::Client::stasisStarted`.
//! Live objects passed in signals are owned by the Client; a pointer is valid during the signal
//! and until the object's terminal event has been handled (hold a QPointer across event-loop
//! turns). Where an event may omit a resource the pointer is nullptr. Every live object an event
//! names also emits its own signal (e.g. Channel::dtmfReceived) just before the Client's one.
class QTARI_EXPORT ClientEvents : public QObject
{
    Q_OBJECT
public:
    ~ClientEvents() override;

Q_SIGNALS:
    // --- identity map (feeds ChannelModel / BridgeModel) -------------------------------------
    //! A channel entered the identity map (first event naming it, a listing, or newChannel()).
    void channelAdded(QtAri::Channel *channel);
    //! A channel left the identity map; it is deleted on the next event-loop turn.
    void channelRemoved(QtAri::Channel *channel);
    void bridgeAdded(QtAri::Bridge *bridge); //!< A bridge entered the identity map.
    void bridgeRemoved(QtAri::Bridge *bridge); //!< A bridge left the identity map (it ended, or the client disconnected).
    void playbackAdded(QtAri::Playback *playback); //!< A playback entered the identity map.
    void playbackRemoved(QtAri::Playback *playback); //!< A playback left the identity map.
    void liveRecordingAdded(QtAri::LiveRecording *recording); //!< A live recording entered the identity map.
    void liveRecordingRemoved(QtAri::LiveRecording *recording); //!< A live recording left the identity map.
    //! Some property of \a channel changed (one signal per event, after the NOTIFY signals).
    void channelChanged(QtAri::Channel *channel);
    //! Some property of \a bridge changed, its members included.
    void bridgeChanged(QtAri::Bridge *bridge);
    //! Every live object is leaving the identity map at once (the client stopped or is being
    //! destroyed). When stopping, channelRemoved() etc. follow for each; when destroyed, not.
    void liveObjectsCleared();

    // --- ARI events --------------------------------------------------------------------------
    //! DeviceStateChanged.
    void deviceStateChanged(QtAri::DeviceState *deviceState);
    //! PlaybackStarted / PlaybackContinuing / PlaybackFinished.
    void playbackStarted(QtAri::Playback *playback);
    void playbackContinuing(QtAri::Playback *playback); //!< PlaybackContinuing: the next media of a list starts.
    void playbackFinished(QtAri::Playback *playback); //!< PlaybackFinished.
    //! RecordingStarted / RecordingFinished / RecordingFailed.
    void recordingStarted(QtAri::LiveRecording *recording);
    void recordingFinished(QtAri::LiveRecording *recording); //!< RecordingFinished.
    void recordingFailed(QtAri::LiveRecording *recording); //!< RecordingFailed.
    //! ApplicationMoveFailed: \a channel could not move to application \a destination.
    void applicationMoveFailed(QtAri::Channel *channel, const QString &destination,
                               const QStringList &args);
    //! ApplicationRegistered / ApplicationUnregistered / ApplicationReplaced (another socket took
    //! the application over; this one receives nothing more for it).
    void applicationRegistered(QtAri::Application *application);
    void applicationUnregistered(QtAri::Application *application); //!< ApplicationUnregistered.
    void applicationReplaced(QtAri::Application *application); //!< ApplicationReplaced: another connection took the application over.
    //! BridgeCreated / BridgeDestroyed.
    void bridgeCreated(QtAri::Bridge *bridge);
    void bridgeDestroyed(QtAri::Bridge *bridge); //!< BridgeDestroyed.
    //! BridgeMerged: \a from was merged into \a bridge.
    void bridgeMerged(QtAri::Bridge *bridge, QtAri::Bridge *from);
    //! BridgeVideoSourceChanged.
    void bridgeVideoSourceChanged(QtAri::Bridge *bridge, const QString &oldVideoSourceId);
    //! BridgeBlindTransfer; the resource fields have reached their live objects already.
    void bridgeBlindTransfer(const QtAri::BridgeBlindTransferEvent &event);
    //! BridgeAttendedTransfer; the resource fields have reached their live objects already.
    void bridgeAttendedTransfer(const QtAri::BridgeAttendedTransferEvent &event);
    //! ChannelCreated.
    void channelCreated(QtAri::Channel *channel);
    //! ChannelDestroyed: the channel's last event; it is deleted on the next event-loop turn.
    void channelDestroyed(QtAri::Channel *channel, int cause, const QString &causeText);
    //! ChannelEnteredBridge (\a channel may be nullptr) / ChannelLeftBridge.
    void channelEnteredBridge(QtAri::Channel *channel, QtAri::Bridge *bridge);
    void channelLeftBridge(QtAri::Channel *channel, QtAri::Bridge *bridge); //!< ChannelLeftBridge.
    //! ChannelStateChange.
    void channelStateChanged(QtAri::Channel *channel, QtAri::Channel::State state);
    //! ChannelDtmfReceived.
    void channelDtmfReceived(QtAri::Channel *channel, const QString &digit, int durationMs);
    //! ChannelDialplan: the channel now runs dialplan application \a app with \a appData.
    void channelDialplanChanged(QtAri::Channel *channel, const QString &app,
                                const QString &appData);
    //! ChannelCallerId.
    void channelCallerIdChanged(QtAri::Channel *channel, int presentation,
                                const QString &presentationText);
    //! ChannelConnectedLine.
    void channelConnectedLineChanged(QtAri::Channel *channel);
    //! ChannelUserevent: any of the three objects may be nullptr.
    void channelUserEvent(const QString &eventName, QtAri::Channel *channel,
                          QtAri::Bridge *bridge, QtAri::Endpoint *endpoint,
                          const QJsonObject &userEvent);
    //! ChannelHangupRequest (\a cause is 0 when Asterisk sent none).
    void channelHangupRequested(QtAri::Channel *channel, int cause, bool soft);
    //! ChannelVarset; \a channel is nullptr for a global variable.
    void channelVarSet(QtAri::Channel *channel, const QString &variable, const QString &value);
    //! ChannelHold / ChannelUnhold.
    void channelHoldStarted(QtAri::Channel *channel, const QString &musicClass);
    void channelHoldEnded(QtAri::Channel *channel); //!< ChannelUnhold.
    //! ChannelToneDetected.
    void channelToneDetected(QtAri::Channel *channel);
    //! ChannelTalkingStarted / ChannelTalkingFinished.
    void channelTalkingStarted(QtAri::Channel *channel);
    void channelTalkingFinished(QtAri::Channel *channel, int durationMs); //!< ChannelTalkingFinished.
    //! ChannelTransfer; the resource fields have reached their live objects already.
    void channelTransfer(const QtAri::ChannelTransferEvent &event);
    //! ContactStatusChange.
    void contactStatusChanged(QtAri::Endpoint *endpoint, const QtAri::ContactInfo &contact);
    //! PeerStatusChange.
    void peerStatusChanged(QtAri::Endpoint *endpoint, const QtAri::Peer &peer);
    //! EndpointStateChange.
    void endpointStateChanged(QtAri::Endpoint *endpoint);
    //! TextMessageReceived (\a endpoint may be nullptr).
    void textMessageReceived(QtAri::Endpoint *endpoint, const QtAri::TextMessage &message);
    //! Dial: \a caller and \a forwarded may be nullptr; \a dialStatus is empty while ringing.
    void dialed(QtAri::Channel *caller, QtAri::Channel *peer, QtAri::Channel *forwarded,
                const QString &dialStatus, const QString &dialString, const QString &forward);
    //! StasisStart: \a channel entered the application with \a args.
    void stasisStarted(QtAri::Channel *channel, const QStringList &args);
    //! StasisEnd.
    void stasisEnded(QtAri::Channel *channel);
    //! CallBroadcast / CallClaimed.
    void callBroadcast(QtAri::Channel *channel, const QString &caller, const QString &called);
    void callClaimed(QtAri::Channel *channel, const QString &winnerApp); //!< CallClaimed: \a winnerApp got \a channel.
    //! RESTResponse (REST over the WebSocket).
    void restResponseReceived(const QtAri::RestResponseEvent &event);
    //! MissingParams.
    void missingParamsReceived(const QStringList &params);

protected:
    explicit ClientEvents(QObject *parent = nullptr); //!< For Client, which derives from this class.

private:
    friend class Private::Registry;
    friend Private::Registry *Private::registryOf(const ClientEvents *events);
    Private::Registry *m_registry = nullptr; // owned by the Client's private data
};

} // namespace QtAri
