// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// The live objects as QML sees them: one QML object per core live object, made by the AriClient
// when QML first meets it. Properties mirror the core object's and bind; its event signals are
// re-emitted with QML-friendly arguments; operations return Promises.
//
// Why not the core objects themselves: Qt 6.4 applies QML_EXTENDED only to objects that QML
// creates, so Promise-returning methods cannot be added to objects the client creates. A small
// object of our own also outlives the core one: when a channel ends, QML code that holds it still
// reads its last values (ended is true) and its operations reject with NotConnected.

#include <QtCore/QDateTime>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QStringList>
#include <QtCore/QVariantMap>
#include <QtQml/QJSValue>
#include <QtQml/QQmlListProperty>
#include <QtQml/qqmlregistration.h>

#include <QtAri/Bridge>
#include <QtAri/Channel>
#include <QtAri/DeviceState>
#include <QtAri/Endpoint>
#include <QtAri/LiveRecording>
#include <QtAri/Mailbox>
#include <QtAri/Playback>

namespace QtAri::Qml {

class QmlClient;
class QmlBridge;
class QmlPlayback;
class QmlLiveRecording;

//! Shared by the live object types: the client they came from, ended, and the promise helpers.
class QmlLiveObject : public QObject
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(QString id READ id NOTIFY idChanged FINAL)
    Q_PROPERTY(bool known READ isKnown NOTIFY knownChanged FINAL)
    Q_PROPERTY(bool ended READ isEnded NOTIFY endedChanged FINAL)
public:
    QString id() const { return m_id; }
    bool isKnown() const { return m_known; }
    bool isEnded() const { return m_ended; }
    QmlClient *client() const { return m_client; }
    //! The client is being destroyed: nothing will update this object any more.
    void clientGone()
    {
        m_client = nullptr;
        setEnded();
    }

Q_SIGNALS:
    void idChanged(const QString &id);
    void knownChanged(bool known);
    void endedChanged(bool ended);

protected:
    QmlLiveObject(QmlClient *client, QObject *core);
    //! The core object went away (deleted after its terminal event, or the client disconnected).
    virtual void coreGone();
    void setKnown(bool known);
    void setEnded();
    void setId(const QString &id);
    //! Rejects with NotConnected when the core object is gone, else nullptr-free checks pass.
    QJSValue goneError(const QString &operation);
    QJSValue rejectOptions(const Error &error);
    // The media operations channels and bridges share, on either kind of core object with its
    // API's options (defined in qmlobjects.cpp, the one place that uses them).
    template<class Options, class Core>
    QJSValue playOn(Core *core, const QString &op, const QJSValue &media, const QJSValue &options);
    template<class Options, class Core>
    QJSValue recordOn(Core *core, const QString &op, const QString &name, const QJSValue &options);
    template<class Options, class Core>
    QJSValue startMohOn(Core *core, const QString &op, const QJSValue &options);

    QPointer<QmlClient> m_client;
    QObject *m_coreKey; // only compared, never dereferenced
    QString m_id;
    bool m_known = false;
    bool m_ended = false;
};

// The base named in full: Qt 6.4's qmltyperegistrar does not resolve it otherwise.
class QmlChannel : public QtAri::Qml::QmlLiveObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Channel)
    QML_UNCREATABLE("channels are made by the AriClient")
    Q_PROPERTY(QString name READ name NOTIFY nameChanged FINAL)
    //! Asterisk's state name: "Down", "Ring", "Ringing", "Up", "Busy" …
    Q_PROPERTY(QString state READ state NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString callerName READ callerName NOTIFY callerChanged FINAL)
    Q_PROPERTY(QString callerNumber READ callerNumber NOTIFY callerChanged FINAL)
    Q_PROPERTY(QString connectedName READ connectedName NOTIFY connectedChanged FINAL)
    Q_PROPERTY(QString connectedNumber READ connectedNumber NOTIFY connectedChanged FINAL)
    Q_PROPERTY(QString dialplanContext READ dialplanContext NOTIFY dialplanChanged FINAL)
    Q_PROPERTY(QString dialplanExten READ dialplanExten NOTIFY dialplanChanged FINAL)
    //! The Stasis application the channel is in (from its dialplan), or empty.
    Q_PROPERTY(QString application READ application NOTIFY dialplanChanged FINAL)
    Q_PROPERTY(QDateTime creationTime READ creationTime NOTIFY creationTimeChanged FINAL)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged FINAL)
    Q_PROPERTY(QVariantMap variables READ variables NOTIFY variablesChanged FINAL)
    Q_PROPERTY(QtAri::Qml::QmlBridge *bridge READ bridge NOTIFY bridgeChanged FINAL)
    Q_PROPERTY(bool inStasis READ isInStasis NOTIFY inStasisChanged FINAL)
    Q_PROPERTY(QStringList stasisArgs READ stasisArgs NOTIFY stasisArgsChanged FINAL)
    Q_PROPERTY(bool onHold READ isOnHold NOTIFY onHoldChanged FINAL)
public:
    QmlChannel(QmlClient *client, Channel *core);

    QString name() const { return m_name; }
    QString state() const { return m_state; }
    QString callerName() const { return m_callerName; }
    QString callerNumber() const { return m_callerNumber; }
    QString connectedName() const { return m_connectedName; }
    QString connectedNumber() const { return m_connectedNumber; }
    QString dialplanContext() const { return m_context; }
    QString dialplanExten() const { return m_exten; }
    QString application() const { return m_application; }
    QDateTime creationTime() const { return m_creationTime; }
    QString language() const { return m_language; }
    QVariantMap variables() const { return m_variables; }
    QmlBridge *bridge() const;
    bool isInStasis() const { return m_inStasis; }
    QStringList stasisArgs() const { return m_stasisArgs; }
    bool isOnHold() const { return m_onHold; }
    Channel *core() const { return m_core; }

    //! Options: extension, context, priority, label, app, appArgs, callerId, timeout,
    //! variables, otherChannelId, originator, formats. Resolves with this channel.
    Q_INVOKABLE QJSValue originate(const QString &endpoint, const QJSValue &options = QJSValue());
    Q_INVOKABLE QJSValue answer();
    //! Options: reason ("normal", "busy" …), reasonCode.
    Q_INVOKABLE QJSValue hangup(const QJSValue &options = QJSValue());
    Q_INVOKABLE QJSValue ring();
    Q_INVOKABLE QJSValue ringStop();
    Q_INVOKABLE QJSValue hold();
    Q_INVOKABLE QJSValue unhold();
    //! Options: direction ("both", "in", "out").
    Q_INVOKABLE QJSValue mute(const QJSValue &options = QJSValue());
    Q_INVOKABLE QJSValue unmute(const QJSValue &options = QJSValue());
    //! Options: before, between, duration, after (milliseconds).
    Q_INVOKABLE QJSValue sendDtmf(const QString &digits, const QJSValue &options = QJSValue());
    //! \a media is a URI or an array of them. Options: lang, offsetms, skipms, playbackId.
    //! Resolves with the Playback.
    Q_INVOKABLE QJSValue play(const QJSValue &media, const QJSValue &options = QJSValue());
    //! Options: format (default "wav"), maxDurationSeconds, maxSilenceSeconds, ifExists, beep,
    //! terminateOn. Resolves with the LiveRecording.
    Q_INVOKABLE QJSValue record(const QString &name, const QJSValue &options = QJSValue());
    //! Options: mohClass.
    Q_INVOKABLE QJSValue startMoh(const QJSValue &options = QJSValue());
    Q_INVOKABLE QJSValue stopMoh();
    Q_INVOKABLE QJSValue setVariable(const QString &name, const QString &value);
    //! Options: context, extension, priority, label.
    Q_INVOKABLE QJSValue continueInDialplan(const QJSValue &options = QJSValue());
    //! Reads the channel again (GET); resolves with this channel.
    Q_INVOKABLE QJSValue get();
    //! Sends the channel to \a endpoint (a transfer outside Stasis).
    Q_INVOKABLE QJSValue redirect(const QString &endpoint);
    //! Moves the channel to Stasis application \a app. Options: appArgs.
    Q_INVOKABLE QJSValue move(const QString &app, const QJSValue &options = QJSValue());
    //! Options: caller (a channel id), timeout (seconds).
    Q_INVOKABLE QJSValue dial(const QJSValue &options = QJSValue());
    Q_INVOKABLE QJSValue progress();
    Q_INVOKABLE QJSValue startSilence();
    Q_INVOKABLE QJSValue stopSilence();
    //! Resolves with the value (a string) of channel variable \a name.
    Q_INVOKABLE QJSValue getVariable(const QString &name);
    //! Resolves with an object of the values of \a names (a name or an array of them).
    Q_INVOKABLE QJSValue getVariables(const QJSValue &names);
    //! Sets several variables at once from an object of name: value.
    Q_INVOKABLE QJSValue setVariables(const QJSValue &variables);
    //! A snoop channel on this one, into Stasis application \a app. Options: spy, whisper
    //! ("none", "both", "out", "in"), appArgs, snoopId. Resolves with the snoop Channel.
    Q_INVOKABLE QJSValue snoop(const QString &app, const QJSValue &options = QJSValue());
    //! Resolves with the RTP statistics as a plain object (RtpStat's fields).
    Q_INVOKABLE QJSValue rtpStatistics();
    //! \a states: "ringing", "answered", "busy" … (Asterisk 22.6+).
    Q_INVOKABLE QJSValue transferProgress(const QString &states);

Q_SIGNALS:
    void nameChanged(const QString &name);
    void stateChanged(const QString &state);
    void callerChanged();
    void connectedChanged();
    void dialplanChanged();
    void creationTimeChanged(const QDateTime &creationTime);
    void languageChanged(const QString &language);
    void variablesChanged(const QVariantMap &variables);
    void bridgeChanged(QtAri::Qml::QmlBridge *bridge);
    void inStasisChanged(bool inStasis);
    void stasisArgsChanged(const QStringList &stasisArgs);
    void onHoldChanged(bool onHold);

    //! ChannelDtmfReceived.
    void dtmfReceived(const QString &digit, int durationMs);
    //! ChannelHangupRequest.
    void hangupRequested(int cause);
    //! ChannelDestroyed: the channel has ended (ended is true from now on).
    void hungUp(int cause, const QString &causeText);
    void enteredBridge(QtAri::Qml::QmlBridge *bridge);
    void leftBridge(QtAri::Qml::QmlBridge *bridge);
    void stasisStarted(const QStringList &args);
    void stasisEnded();
    void holdStarted(const QString &musicClass);
    void holdEnded();
    void talkingStarted();
    void talkingFinished(int durationMs);
    void varSet(const QString &name, const QString &value);

private:
    void refresh();
    void coreGone() override;

    QPointer<Channel> m_core;
    QString m_name, m_state, m_callerName, m_callerNumber, m_connectedName, m_connectedNumber;
    QString m_context, m_exten, m_application, m_language;
    QDateTime m_creationTime;
    QVariantMap m_variables;
    QPointer<QmlBridge> m_bridge;
    bool m_inStasis = false;
    bool m_onHold = false;
    QStringList m_stasisArgs;
};

class QmlBridge : public QtAri::Qml::QmlLiveObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Bridge)
    QML_UNCREATABLE("bridges are made by the AriClient")
    Q_PROPERTY(QString name READ name NOTIFY nameChanged FINAL)
    //! "mixing", "holding" …
    Q_PROPERTY(QString bridgeType READ bridgeType NOTIFY bridgeTypeChanged FINAL)
    Q_PROPERTY(QString technology READ technology NOTIFY technologyChanged FINAL)
    Q_PROPERTY(QString creator READ creator NOTIFY creatorChanged FINAL)
    Q_PROPERTY(QDateTime creationTime READ creationTime NOTIFY creationTimeChanged FINAL)
    //! The member channels, in the order they entered.
    Q_PROPERTY(QQmlListProperty<QtAri::Qml::QmlChannel> channels READ channelList NOTIFY channelsChanged FINAL)
    Q_PROPERTY(QStringList channelIds READ channelIds NOTIFY channelsChanged FINAL)
    Q_PROPERTY(int channelCount READ channelCount NOTIFY channelsChanged FINAL)
public:
    QmlBridge(QmlClient *client, Bridge *core);

    QString name() const { return m_name; }
    QString bridgeType() const { return m_bridgeType; }
    QString technology() const { return m_technology; }
    QString creator() const { return m_creator; }
    QDateTime creationTime() const { return m_creationTime; }
    QList<QmlChannel *> channels() const;
    QQmlListProperty<QmlChannel> channelList();
    QStringList channelIds() const { return m_channelIds; }
    int channelCount() const { return int(m_channelIds.size()); }
    Bridge *core() const { return m_core; }

    //! Options: type ("mixing", "holding", or a comma list), name. Resolves with this bridge.
    Q_INVOKABLE QJSValue create(const QJSValue &options = QJSValue());
    //! \a channels: a Channel, a channel id, or an array of them. Options: role, absorbDtmf,
    //! mute, inhibitConnectedLineUpdates.
    Q_INVOKABLE QJSValue addChannel(const QJSValue &channels, const QJSValue &options = QJSValue());
    Q_INVOKABLE QJSValue removeChannel(const QJSValue &channels);
    //! Bridge::destroy() (QML objects already have a destroy() of their own).
    Q_INVOKABLE QJSValue destroyBridge();
    //! As Channel.play(); resolves with the Playback.
    Q_INVOKABLE QJSValue play(const QJSValue &media, const QJSValue &options = QJSValue());
    //! As Channel.record(); resolves with the LiveRecording.
    Q_INVOKABLE QJSValue record(const QString &name, const QJSValue &options = QJSValue());
    Q_INVOKABLE QJSValue startMoh(const QJSValue &options = QJSValue());
    Q_INVOKABLE QJSValue stopMoh();
    //! Reads the bridge again (GET); resolves with this bridge.
    Q_INVOKABLE QJSValue get();
    //! \a channel: a Channel or a channel id.
    Q_INVOKABLE QJSValue setVideoSource(const QJSValue &channel);
    Q_INVOKABLE QJSValue clearVideoSource();
    //! Resolves with the value (a string) of bridge variable \a name.
    Q_INVOKABLE QJSValue getVariable(const QString &name);
    //! Options: reportEvents.
    Q_INVOKABLE QJSValue setVariable(const QString &name, const QString &value,
                                     const QJSValue &options = QJSValue());
    //! Resolves with an object of the values of \a names (a name or an array of them).
    Q_INVOKABLE QJSValue getVariables(const QJSValue &names);
    //! Sets several bridge variables at once from an object of name: value.
    Q_INVOKABLE QJSValue setVariables(const QJSValue &variables);

Q_SIGNALS:
    void nameChanged(const QString &name);
    void bridgeTypeChanged(const QString &bridgeType);
    void technologyChanged(const QString &technology);
    void creatorChanged(const QString &creator);
    void creationTimeChanged(const QDateTime &creationTime);
    void channelsChanged();
    void channelEntered(QtAri::Qml::QmlChannel *channel);
    void channelLeft(QtAri::Qml::QmlChannel *channel);

private:
    void refresh();
    void coreGone() override;
    QStringList idsOf(const QJSValue &channels, bool *ok) const;
    static qsizetype memberCount(QQmlListProperty<QmlChannel> *list);
    static QmlChannel *memberAt(QQmlListProperty<QmlChannel> *list, qsizetype index);

    QPointer<Bridge> m_core;
    QString m_name, m_bridgeType, m_technology, m_creator;
    QDateTime m_creationTime;
    QStringList m_channelIds;
    QList<QPointer<QmlChannel>> m_members;
};

class QmlPlayback : public QtAri::Qml::QmlLiveObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Playback)
    QML_UNCREATABLE("playbacks are made by play()")
    //! "queued", "playing", "continuing", "done", "failed".
    Q_PROPERTY(QString state READ state NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString mediaUri READ mediaUri NOTIFY mediaUriChanged FINAL)
    Q_PROPERTY(QString targetUri READ targetUri NOTIFY targetUriChanged FINAL)
public:
    QmlPlayback(QmlClient *client, Playback *core);

    QString state() const { return m_state; }
    QString mediaUri() const { return m_mediaUri; }
    QString targetUri() const { return m_targetUri; }

    Q_INVOKABLE QJSValue stop();
    //! \a operation: "pause", "unpause", "restart", "reverse", "forward".
    Q_INVOKABLE QJSValue control(const QString &operation);
    //! Reads the playback again (GET); resolves with this playback.
    Q_INVOKABLE QJSValue get();

Q_SIGNALS:
    void stateChanged(const QString &state);
    void mediaUriChanged(const QString &mediaUri);
    void targetUriChanged(const QString &targetUri);
    void started();
    void finished();

private:
    void refresh();
    void coreGone() override;
    QPointer<Playback> m_core;
    QString m_state, m_mediaUri, m_targetUri;
};

class QmlLiveRecording : public QtAri::Qml::QmlLiveObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(LiveRecording)
    QML_UNCREATABLE("recordings are made by record()")
    Q_PROPERTY(QString name READ id CONSTANT FINAL)
    //! "queued", "recording", "paused", "done", "failed", "canceled".
    Q_PROPERTY(QString state READ state NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString format READ format NOTIFY formatChanged FINAL)
    Q_PROPERTY(QString targetUri READ targetUri NOTIFY targetUriChanged FINAL)
    Q_PROPERTY(int duration READ duration NOTIFY durationChanged FINAL)
    Q_PROPERTY(QString cause READ cause NOTIFY causeChanged FINAL)
public:
    QmlLiveRecording(QmlClient *client, LiveRecording *core);

    QString state() const { return m_state; }
    QString format() const { return m_format; }
    QString targetUri() const { return m_targetUri; }
    int duration() const { return m_duration; }
    QString cause() const { return m_cause; }

    Q_INVOKABLE QJSValue stop();
    Q_INVOKABLE QJSValue cancel();
    Q_INVOKABLE QJSValue pause();
    Q_INVOKABLE QJSValue unpause();
    Q_INVOKABLE QJSValue mute();
    Q_INVOKABLE QJSValue unmute();
    //! Reads the recording again (GET /recordings/live/{name}); resolves with this recording.
    Q_INVOKABLE QJSValue get();

Q_SIGNALS:
    void stateChanged(const QString &state);
    void formatChanged(const QString &format);
    void targetUriChanged(const QString &targetUri);
    void durationChanged(int duration);
    void causeChanged(const QString &cause);
    void started();
    void finished();
    void failed(const QString &cause);

private:
    void refresh();
    void coreGone() override;
    QPointer<LiveRecording> m_core;
    QString m_state, m_format, m_targetUri, m_cause;
    int m_duration = 0;
};

class QmlEndpoint : public QtAri::Qml::QmlLiveObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Endpoint)
    QML_UNCREATABLE("endpoints are made by the AriClient")
    Q_PROPERTY(QString technology READ technology CONSTANT FINAL)
    Q_PROPERTY(QString resource READ resource CONSTANT FINAL)
    //! "unknown", "offline", "online".
    Q_PROPERTY(QString state READ state NOTIFY stateChanged FINAL)
    Q_PROPERTY(QStringList channelIds READ channelIds NOTIFY channelIdsChanged FINAL)
public:
    QmlEndpoint(QmlClient *client, Endpoint *core);

    QString technology() const { return m_technology; }
    QString resource() const { return m_resource; }
    QString state() const { return m_state; }
    QStringList channelIds() const { return m_channelIds; }

    //! Reads the endpoint again (GET); resolves with this endpoint.
    Q_INVOKABLE QJSValue get();
    //! A text message from \a from (a URI). Options: body, variables.
    Q_INVOKABLE QJSValue sendMessage(const QString &from, const QJSValue &options = QJSValue());
    //! A REFER to \a referTo. Options: toSelf, variables.
    Q_INVOKABLE QJSValue refer(const QString &from, const QString &referTo,
                               const QJSValue &options = QJSValue());

Q_SIGNALS:
    void stateChanged(const QString &state);
    void channelIdsChanged(const QStringList &channelIds);
    //! ContactStatusChange: ContactInfo's fields {uri, contact_status, aor, roundtrip_usec}.
    void contactStatusChanged(const QVariantMap &contact);
    //! PeerStatusChange: Peer's fields {peer_status, cause, address, port, time}.
    void peerStatusChanged(const QVariantMap &peer);
    //! TextMessageReceived: {from, to, body, variables}.
    void textMessageReceived(const QVariantMap &message);

private:
    void refresh();
    QPointer<Endpoint> m_core;
    QString m_technology, m_resource, m_state;
    QStringList m_channelIds;
};

class QmlDeviceState : public QtAri::Qml::QmlLiveObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(DeviceState)
    QML_UNCREATABLE("device states are made by the AriClient")
    Q_PROPERTY(QString name READ id CONSTANT FINAL)
    //! Asterisk's text: "NOT_INUSE", "INUSE", "BUSY", "INVALID", "UNAVAILABLE", "RINGING",
    //! "RINGINUSE", "ONHOLD", "UNKNOWN".
    Q_PROPERTY(QString state READ state NOTIFY stateChanged FINAL)
public:
    QmlDeviceState(QmlClient *client, DeviceState *core);

    QString state() const { return m_state; }

    //! Reads the state again (GET); resolves with this object.
    Q_INVOKABLE QJSValue get();
    //! Sets the state (Asterisk's text, as the state property reads).
    Q_INVOKABLE QJSValue update(const QString &state);
    //! Removes the state (it reads "UNKNOWN" afterwards).
    Q_INVOKABLE QJSValue deleteState();

Q_SIGNALS:
    void stateChanged(const QString &state);

private:
    void refresh();
    QPointer<DeviceState> m_core;
    QString m_state;
};

class QmlMailbox : public QtAri::Qml::QmlLiveObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Mailbox)
    QML_UNCREATABLE("mailboxes are made by AriClient.fetchMailbox()")
    Q_PROPERTY(QString name READ id CONSTANT FINAL)
    Q_PROPERTY(int oldMessages READ oldMessages NOTIFY oldMessagesChanged FINAL)
    Q_PROPERTY(int newMessages READ newMessages NOTIFY newMessagesChanged FINAL)
public:
    QmlMailbox(QmlClient *client, Mailbox *core);

    int oldMessages() const { return m_oldMessages; }
    int newMessages() const { return m_newMessages; }

    //! Reads the mailbox again (GET); resolves with this mailbox. A 404 ends it.
    Q_INVOKABLE QJSValue get();
    Q_INVOKABLE QJSValue update(int oldMessages, int newMessages);
    //! Deletes the mailbox; ended is true once the promise resolves.
    Q_INVOKABLE QJSValue deleteMailbox();

Q_SIGNALS:
    void oldMessagesChanged(int oldMessages);
    void newMessagesChanged(int newMessages);

private:
    void refresh();
    QPointer<Mailbox> m_core;
    int m_oldMessages = 0;
    int m_newMessages = 0;
};

} // namespace QtAri::Qml
