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
    State state() const;
    QString format() const;
    QString targetUri() const;
    //! Seconds recorded so far (0 until Asterisk reports it).
    int duration() const;
    int talkingDuration() const;
    int silenceDuration() const;
    //! Why the recording failed, if it did.
    QString cause() const;
    bool isKnown() const;
    bool isEnded() const;
    LiveRecordingInfo info() const;

    static State stateFromString(QStringView state);

Q_SIGNALS:
    void stateChanged(QtAri::LiveRecording::State state);
    void formatChanged(const QString &format);
    void targetUriChanged(const QString &targetUri);
    void durationChanged(int duration);
    void talkingDurationChanged(int talkingDuration);
    void silenceDurationChanged(int silenceDuration);
    void causeChanged(const QString &cause);
    void knownChanged(bool known);
    void endedChanged(bool ended);

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
