// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtAri/callerid.h>
#include <QtAri/channelbase.h>
#include <QtAri/claimresult.h>
#include <QtAri/channelinfo.h>
#include <QtAri/dialplancep.h>

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariantMap>

#include <memory>

namespace QtAri {

class Bridge;
class ChannelPrivate;
struct BridgeAttendedTransferEvent;
struct BridgeBlindTransferEvent;
struct ChannelTransferEvent;
namespace Private {
class Registry;
class RegistryPrivate;
} // namespace Private

//! \brief A live ARI channel: one object per channel id, kept current from events.
//!
//! Owned by the Client. Properties follow Asterisk's events (each with a NOTIFY signal); ARI
//! events that name the channel arrive as typed signals. After ChannelDestroyed the channel emits
//! hungUp(), leaves the Client's identity map and is deleted on the next event-loop turn (hold a
//! QPointer across turns). Bound operations (answer(), play(), hangup() …) come from ChannelBase.
//!
//! \code
//! auto *channel = client->newChannel();                  // client-side id, wire first
//! connect(channel, &QtAri::Channel::stasisStarted, this, [channel] { channel->answer(); });
//! channel->originate(u"PJSIP/1000"_s, {.app = u"ivr"_s});
//! \endcode
class QTARI_EXPORT Channel : public ChannelBase
{
    Q_OBJECT
    Q_MOC_INCLUDE(<QtAri/bridge.h>)
    Q_PROPERTY(QString name READ name NOTIFY nameChanged FINAL)
    Q_PROPERTY(State state READ state NOTIFY stateChanged FINAL)
    Q_PROPERTY(QtAri::CallerId caller READ caller NOTIFY callerChanged FINAL)
    Q_PROPERTY(QtAri::CallerId connected READ connected NOTIFY connectedChanged FINAL)
    Q_PROPERTY(QtAri::DialplanCep dialplan READ dialplan NOTIFY dialplanChanged FINAL)
    Q_PROPERTY(QDateTime creationTime READ creationTime NOTIFY creationTimeChanged FINAL)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged FINAL)
    Q_PROPERTY(QString accountCode READ accountCode NOTIFY accountCodeChanged FINAL)
    Q_PROPERTY(QString protocolId READ protocolId NOTIFY protocolIdChanged FINAL)
    Q_PROPERTY(QVariantMap variables READ variables NOTIFY variablesChanged FINAL)
    Q_PROPERTY(QtAri::Bridge *bridge READ bridge NOTIFY bridgeChanged FINAL)
    Q_PROPERTY(bool inStasis READ isInStasis NOTIFY inStasisChanged FINAL)
    Q_PROPERTY(QStringList stasisArgs READ stasisArgs NOTIFY stasisStarted FINAL)
    Q_PROPERTY(bool known READ isKnown NOTIFY knownChanged FINAL)
    Q_PROPERTY(bool ended READ isEnded NOTIFY endedChanged FINAL)
public:
    //! Asterisk's channel states ("Rsrved" is Reserved, "Dialing Offhook" DialingOffhook,
    //! "Pre-ring" PreRing); a state this version does not know is Unknown.
    enum class State {
        Down,
        Reserved,
        OffHook,
        Dialing,
        Ring,
        Ringing,
        Up,
        Busy,
        DialingOffhook,
        PreRing,
        Unknown,
    };
    Q_ENUM(State)

    ~Channel() override;

    QString name() const; //!< The channel's name, e.g. "PJSIP/alice-00000001".
    State state() const; //!< The channel's state.
    CallerId caller() const; //!< Caller id.
    CallerId connected() const; //!< Connected line id.
    DialplanCep dialplan() const; //!< Where the channel is in the dialplan.
    QDateTime creationTime() const; //!< When Asterisk created the channel.
    QString language() const; //!< The channel's default language.
    QString accountCode() const; //!< The channel's account code.
    QString protocolId() const; //!< Protocol id from the underlying channel driver (the SIP Call-ID).
    //! Channel variables: those Asterisk reports in the channel's channelvars and every
    //! ChannelVarset seen for this channel.
    QVariantMap variables() const;
    QString variable(const QString &name) const; //!< The value of channel variable \a name as last seen, or an empty string.
    //! The bridge the channel is in, or nullptr.
    Bridge *bridge() const;
    bool isInStasis() const; //!< Whether the channel is in one of the client's Stasis applications.
    QStringList stasisArgs() const; //!< The arguments of the last StasisStart.
    //! False for an object made by Client::newChannel() until an event or reply names its id.
    bool isKnown() const;
    //! True once the channel's terminal event (or a reconcile without it) has been handled.
    bool isEnded() const;
    //! The last snapshot Asterisk sent (all fields, including ones without a property).
    ChannelInfo info() const;
    //! The application the last CallBroadcast for this channel came to (empty if none did).
    QString offeredTo() const;

    //! \brief Claims this call, offered by StasisBroadcast (callBroadcast()), for \a application.
    //!
    //! POST /events/claim; the first claim wins. An empty \a application claims for offeredTo(),
    //! or else the client's first application. The future finishes with
    //! - ClaimResult::Won once the channel is in the application's Stasis (its StasisStart has
    //!   arrived: isInStasis() is true and a ChannelModel row shows it), or after a second without
    //!   that event;
    //! - ClaimResult::Lost (409) or ClaimResult::Unknown (404, see ClaimResult). Without
    //!   subscribeAll the mirror then lets go of a channel it held only because of the offer (and
    //!   of the subscription the client made for it): the object leaves the identity map and the
    //!   models without ending (the call goes on elsewhere) and is deleted later. A CallClaimed
    //!   sent before the 409 has reached callClaimed() by then.
    //!
    //! Other answers (400, 403, a network error, a server older than Asterisk 20) are an Error.
    //! EventsApi::claimChannel() does the same through the resource API (the mirror follows it too).
    QFuture<Result<ClaimResult>> claim(const QString &application = {});

    static State stateFromString(QStringView state); //!< The State for Asterisk's state text; Unknown for other text.
    static QString stateToString(State state); //!< Asterisk's text for \a state.

Q_SIGNALS:
    void nameChanged(const QString &name); //!< Emitted when name changes (NOTIFY of the property).
    //! ChannelStateChange (also the NOTIFY of state).
    void stateChanged(QtAri::Channel::State state);
    void callerChanged(const QtAri::CallerId &caller); //!< Emitted when caller changes (NOTIFY of the property).
    void connectedChanged(const QtAri::CallerId &connected); //!< Emitted when connected changes (NOTIFY of the property).
    void dialplanChanged(const QtAri::DialplanCep &dialplan); //!< Emitted when dialplan changes (NOTIFY of the property).
    void creationTimeChanged(const QDateTime &creationTime); //!< Emitted when creationTime changes (NOTIFY of the property).
    void languageChanged(const QString &language); //!< Emitted when language changes (NOTIFY of the property).
    void accountCodeChanged(const QString &accountCode); //!< Emitted when accountCode changes (NOTIFY of the property).
    void protocolIdChanged(const QString &protocolId); //!< Emitted when protocolId changes (NOTIFY of the property).
    void variablesChanged(const QVariantMap &variables); //!< Emitted when variables changes (NOTIFY of the property).
    void bridgeChanged(QtAri::Bridge *bridge); //!< Emitted when bridge changes (NOTIFY of the property).
    void inStasisChanged(bool inStasis); //!< Emitted when inStasis changes (NOTIFY of the property).
    void knownChanged(bool known); //!< Emitted when known changes (NOTIFY of the property).
    void endedChanged(bool ended); //!< Emitted when ended changes (NOTIFY of the property).

    //! ChannelCreated.
    void created();
    //! ChannelDtmfReceived.
    void dtmfReceived(const QString &digit, int durationMs);
    //! ChannelHangupRequest (\a cause is 0 when Asterisk sent none).
    void hangupRequested(int cause);
    //! ChannelDestroyed: the last signal; the object is deleted on the next event-loop turn.
    //! When the channel ended without one reaching the client (its own operation ended it, or
    //! the server no longer has it), \a cause is the operation's, else that of the channel's last
    //! ChannelHangupRequest, else 0; \a causeText is then empty unless the operation named it.
    void hungUp(int cause, const QString &causeText);
    //! ChannelEnteredBridge / ChannelLeftBridge.
    void enteredBridge(QtAri::Bridge *bridge);
    void leftBridge(QtAri::Bridge *bridge); //!< ChannelLeftBridge.
    //! StasisStart / StasisEnd.
    void stasisStarted(const QStringList &args);
    void stasisEnded(); //!< StasisEnd.
    //! StasisStart naming this channel as the one \a replacement replaces.
    void replacedBy(QtAri::Channel *replacement);
    //! ChannelVarset.
    void varSet(const QString &name, const QString &value);
    //! ChannelCallerId.
    void callerIdChanged(int presentation, const QString &presentationText);
    //! ChannelConnectedLine.
    void connectedLineChanged();
    //! ChannelDialplan.
    void dialplanApplicationChanged(const QString &app, const QString &appData);
    //! ChannelTalkingStarted / ChannelTalkingFinished.
    void talkingStarted();
    void talkingFinished(int durationMs); //!< ChannelTalkingFinished, after \a durationMs of talking.
    //! ChannelHold / ChannelUnhold.
    void holdStarted(const QString &musicClass);
    void holdEnded(); //!< ChannelUnhold.
    //! ChannelToneDetected.
    void toneDetected();
    //! ChannelUserevent naming this channel.
    void userEvent(const QString &eventName, const QJsonObject &userEvent);
    //! Dial naming this channel as caller, peer or forwarded.
    void dialed(QtAri::Channel *caller, QtAri::Channel *peer, const QString &dialStatus);
    //! ApplicationMoveFailed.
    void applicationMoveFailed(const QString &destination, const QStringList &args);
    //! ChannelTransfer naming this channel (refer_to / referred_by fields).
    void transferred(const QtAri::ChannelTransferEvent &event);
    //! BridgeBlindTransfer / BridgeAttendedTransfer naming this channel in any field.
    void blindTransferred(const QtAri::BridgeBlindTransferEvent &event);
    void attendedTransferred(const QtAri::BridgeAttendedTransferEvent &event); //!< BridgeAttendedTransfer naming this channel.
    //! CallBroadcast: StasisBroadcast offers this call (\a caller and \a called numbers); claim()
    //! takes it. Without subscribeAll the mirror holds an offered channel (and subscribes to it)
    //! until a claim decides it: see claim().
    void callBroadcast(const QString &caller, const QString &called);
    //! CallClaimed: \a winnerApp got the call. When that is none of the client's applications
    //! the mirror lets go of the offered channel as for a lost claim() (the signal comes first).
    void callClaimed(const QString &winnerApp);

private:
    Channel(const QString &id, Client *client, QObject *parent);
    friend class Private::Registry;
    friend class Private::RegistryPrivate;
    friend class ChannelPrivate;
    std::unique_ptr<ChannelPrivate> d;
    Q_DECLARE_PRIVATE_D(d, Channel)
};

} // namespace QtAri
