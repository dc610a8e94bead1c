// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include "profiles.h"

#include <QtAri/Client>
#include <QtAri/Error>

#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QTimer>

#include <functional>

namespace QtAri {
class OutboundServer;
}

namespace QtAri::Inspector {

class BridgesModel;
//! The Client::RestTransport a profile asks for.
QtAri::Client::RestTransport restTransportOf(const ConnectionProfile &profile);
class ChannelsModel;
class EventLogModel;
class Traffic;
class AnomalyModel;
class RequestLogModel;
class Recorder;

//! \brief One server in the Inspector: its QtAri::Client, the models fed from it and every action.
//!
//! The channel and bridge models stand on the client's own QtAri::ChannelModel and BridgeModel,
//! which follow its mirror of the server (events, and the listings it reconciles after each
//! (re)connect). Which objects that holds follows the profile's subscribeAll (on by default: every
//! channel and bridge of the server; off: what the profile's applications' subscriptions cover).
//! Actions run through the client's resource APIs; a failure is reported with actionFailed()
//! carrying Asterisk's message.
class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(const ConnectionProfile &profile, QObject *parent = nullptr);
    ~Session() override;

    //! Connects; opened() or openFailed() follows (never both, always one).
    void open();
    void close();

    QtAri::Client *client() const { return m_client; }
    //! The server Asterisk dials when the profile listens for it, else nullptr.
    QtAri::OutboundServer *outboundServer() const { return m_server; }
    const ConnectionProfile &profile() const { return m_profile; }
    QString title() const;

    ChannelsModel *channels() const { return m_channels; }
    BridgesModel *bridges() const { return m_bridges; }
    EventLogModel *eventLog() const { return m_eventLog; }
    //! Every event and REST exchange of the session, grouped into calls (the call ladder's source).
    Traffic *traffic() const { return m_traffic; }
    //! What looks wrong: repeated events, unfinished playbacks, REST errors …
    AnomalyModel *anomalies() const { return m_anomalies; }
    //! Every REST exchange of the client (QtAri::Client::requestFinished()).
    RequestLogModel *requestLog() const { return m_requestLog; }
    //! Records what this session sees to a file (Server > Record Session…, --record).
    Recorder *recorder() const { return m_recorder; }

    //! "Connected", "Reconnecting (attempt 3)" …, translated.
    QString stateText() const;
    QtAri::Client::State state() const;
    int reconnectAttempt() const { return m_reconnectAttempt; }
    QString asteriskVersion() const { return m_asteriskVersion; }
    double eventsPerSecond() const { return m_eventsPerSecond; }
    quint64 eventCount() const { return m_eventCount; }

    //! Events received per type (captured or not).
    const QHash<QString, quint64> &eventTypeCounts() const { return m_typeCounts; }
    //! The capture filter: events of a type not captured are counted, watched for anomalies,
    //! and otherwise dropped (not in the event log, the ladder or a recording).
    bool isCaptured(const QString &type) const { return !m_uncaptured.contains(type); }
    void setCaptured(const QString &type, bool captured);

    //! Playback ids running on a channel or bridge (as told by Playback events).
    QStringList playbacksOn(const QString &objectId) const;
    //! Live recording names on a channel or bridge.
    QStringList recordingsOn(const QString &objectId) const;

    // --- actions (results come back as actionFailed / actionSucceeded) --------------------------
    void hangup(const QStringList &channelIds, const QString &reason = {});
    void answer(const QStringList &channelIds);
    void ring(const QStringList &channelIds);
    void ringStop(const QStringList &channelIds);
    void hold(const QStringList &channelIds);
    void unhold(const QStringList &channelIds);
    void mute(const QStringList &channelIds, const QString &direction = {});
    void unmute(const QStringList &channelIds, const QString &direction = {});
    void sendDtmf(const QStringList &channelIds, const QString &digits);
    void originate(const QString &endpoint, const QString &app, const QString &appArgs,
        const QString &callerId, int timeoutSeconds);
    //! Creates a bridge and, if \a channelIds is not empty, puts them in it.
    void createBridge(const QString &type, const QString &name, const QStringList &channelIds = {});
    void destroyBridge(const QString &bridgeId);
    void addToBridge(const QString &bridgeId, const QStringList &channelIds);
    //! Takes each channel out of the bridge it is in.
    void removeFromBridge(const QStringList &channelIds);
    //! Plays on a channel, or on a bridge if \a targetId names one.
    void play(const QString &targetId, const QString &mediaUri);
    void stopPlayback(const QStringList &playbackIds);
    void pausePlayback(const QStringList &playbackIds);
    void resumePlayback(const QStringList &playbackIds);
    void startMoh(const QStringList &targetIds, const QString &mohClass = {});
    void stopMoh(const QStringList &targetIds);
    void startRecording(const QString &targetId, const QString &name, const QString &format,
        int maxDurationSeconds = 0);
    void stopRecording(const QStringList &recordingNames);

    //! Sound ids on the server (GET /sounds); \a done gets them or an error, unless \a context
    //! is gone by then.
    void fetchSounds(
        QObject *context, std::function<void(const QStringList &, const QtAri::Error *)> done);
    //! One channel variable (GET /channels/{id}/variable).
    void fetchVariable(const QString &channelId, const QString &name, QObject *context,
        std::function<void(const QString &value, const QtAri::Error *)> done);

Q_SIGNALS:
    void opened();
    void openFailed(const QtAri::Error &error);
    void statusChanged();
    //! \a action is the translated name of what failed ("Hang up"); \a error has Asterisk's text.
    void actionFailed(const QString &action, const QtAri::Error &error);
    void actionSucceeded(const QString &action);
    //! An event type was seen for the first time.
    void eventTypeSeen(const QString &type);
    void captureChanged(const QString &type, bool captured);

private:
    void handleEvent(const QJsonObject &event);
    void fetchAsteriskInfo();
    void sampleRate();
    template <class F> void forEach(const QString &action, const QStringList &ids, F &&call);
    void report(const QString &action, const QtAri::Error *error);

    ConnectionProfile m_profile;
    QtAri::Client *m_client = nullptr;
    QtAri::OutboundServer *m_server = nullptr; // with a profile that listens for Asterisk
    ChannelsModel *m_channels = nullptr;
    BridgesModel *m_bridges = nullptr;
    EventLogModel *m_eventLog = nullptr;
    Traffic *m_traffic = nullptr;
    AnomalyModel *m_anomalies = nullptr;
    QHash<QString, quint64> m_typeCounts;
    QSet<QString> m_uncaptured;
    RequestLogModel *m_requestLog = nullptr;
    Recorder *m_recorder = nullptr;
    QHash<QString, QString> m_playbackTargets; // playback id -> channel/bridge id
    QHash<QString, QString> m_recordingTargets; // recording name -> channel/bridge id
    QTimer m_rateTimer;
    QElapsedTimer m_rateClock;
    quint64 m_eventCount = 0;
    quint64 m_lastCount = 0;
    double m_eventsPerSecond = 0;
    int m_reconnectAttempt = 0;
    QString m_asteriskVersion;
    bool m_dying = false;
};

} // namespace QtAri::Inspector
