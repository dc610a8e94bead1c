// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtAri/liverecordingbase.h>
#include <QtAri/liverecordinginfo.h>

#include <QtCore/QString>

#include <memory>

namespace QtAri {

class LiveRecordingPrivate;
namespace Private {
class Registry;
class RegistryPrivate;
} // namespace Private

//! \brief A recording in progress, identified by its name; kept current from events.
//!
//! Owned by the Client. Made by Client::newLiveRecording() (wire, then pass its name to
//! Channel::record()) or by the first event naming it. After RecordingFinished or RecordingFailed
//! it emits finished() or failed(), leaves the identity map and is deleted on the next event-loop
//! turn. Bound operations (stop(), pause(), mute() …) come from LiveRecordingBase.
class QTARI_EXPORT LiveRecording : public LiveRecordingBase
{
    Q_OBJECT
    Q_PROPERTY(QString name READ name CONSTANT FINAL)
    Q_PROPERTY(State state READ state NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString format READ format NOTIFY formatChanged FINAL)
    Q_PROPERTY(QString targetUri READ targetUri NOTIFY targetUriChanged FINAL)
    Q_PROPERTY(int duration READ duration NOTIFY durationChanged FINAL)
    Q_PROPERTY(int talkingDuration READ talkingDuration NOTIFY talkingDurationChanged FINAL)
    Q_PROPERTY(int silenceDuration READ silenceDuration NOTIFY silenceDurationChanged FINAL)
    Q_PROPERTY(QString cause READ cause NOTIFY causeChanged FINAL)
    Q_PROPERTY(bool known READ isKnown NOTIFY knownChanged FINAL)
    Q_PROPERTY(bool ended READ isEnded NOTIFY endedChanged FINAL)
public:
    enum class State { Queued, Recording, Paused, Done, Failed, Canceled, Unknown };
    Q_ENUM(State)

    ~LiveRecording() override;

    //! The recording's name (its id in ARI).
    QString name() const;
    State state() const; //!< The recording's state.
    QString format() const; //!< The recording's file format, e.g. "wav".
    QString targetUri() const; //!< What is recorded: "channel:<id>" or "bridge:<id>".
    //! Seconds recorded so far (0 until Asterisk reports it).
    int duration() const;
    int talkingDuration() const; //!< Seconds of talking detected, when Asterisk reports it.
    int silenceDuration() const; //!< Seconds of silence detected, when Asterisk reports it.
    //! Why the recording failed, if it did.
    QString cause() const;
    bool isKnown() const; //!< False for an object from Client::newLiveRecording() until the server names it.
    bool isEnded() const; //!< True once the recording's terminal event has been handled.
    LiveRecordingInfo info() const; //!< The last snapshot Asterisk sent.

    static State stateFromString(QStringView state); //!< The State for Asterisk's state text; Unknown for other text.

Q_SIGNALS:
    void stateChanged(QtAri::LiveRecording::State state); //!< Emitted when state changes (NOTIFY of the property).
    void formatChanged(const QString &format); //!< Emitted when format changes (NOTIFY of the property).
    void targetUriChanged(const QString &targetUri); //!< Emitted when targetUri changes (NOTIFY of the property).
    void durationChanged(int duration); //!< Emitted when duration changes (NOTIFY of the property).
    void talkingDurationChanged(int talkingDuration); //!< Emitted when talkingDuration changes (NOTIFY of the property).
    void silenceDurationChanged(int silenceDuration); //!< Emitted when silenceDuration changes (NOTIFY of the property).
    void causeChanged(const QString &cause); //!< Emitted when cause changes (NOTIFY of the property).
    void knownChanged(bool known); //!< Emitted when known changes (NOTIFY of the property).
    void endedChanged(bool ended); //!< Emitted when ended changes (NOTIFY of the property).

    //! RecordingStarted.
    void started();
    //! RecordingFinished: the last signal; the object is deleted on the next event-loop turn.
    void finished();
    //! RecordingFailed: the last signal; the object is deleted on the next event-loop turn.
    void failed(const QString &cause);

private:
    LiveRecording(const QString &name, Client *client, QObject *parent);
    friend class Private::Registry;
    friend class Private::RegistryPrivate;
    std::unique_ptr<LiveRecordingPrivate> d;
    Q_DECLARE_PRIVATE_D(d, LiveRecording)
};

} // namespace QtAri
