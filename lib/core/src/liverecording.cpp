// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "liverecording_p.h"

namespace QtAri {

LiveRecording::State LiveRecording::stateFromString(QStringView state)
{
    if (state == u"queued")
        return State::Queued;
    if (state == u"recording")
        return State::Recording;
    if (state == u"paused")
        return State::Paused;
    if (state == u"done")
        return State::Done;
    if (state == u"failed")
        return State::Failed;
    if (state == u"canceled")
        return State::Canceled;
    return State::Unknown;
}

bool LiveRecordingPrivate::update(const LiveRecordingInfo &next)
{
    Q_Q(LiveRecording);
    const LiveRecordingInfo prev = info;
    const LiveRecording::State prevState = state;
    info = next;
    state = LiveRecording::stateFromString(next.state());
    const bool stateChanged = prevState != state;
    const bool formatChanged = prev.format() != next.format();
    const bool targetChanged = prev.targetUri() != next.targetUri();
    const bool durationChanged = prev.duration() != next.duration();
    const bool talkingChanged = prev.talkingDuration() != next.talkingDuration();
    const bool silenceChanged = prev.silenceDuration() != next.silenceDuration();
    const bool causeChanged = prev.cause() != next.cause();
    if (stateChanged)
        Q_EMIT q->stateChanged(state);
    if (formatChanged)
        Q_EMIT q->formatChanged(next.format());
    if (targetChanged)
        Q_EMIT q->targetUriChanged(next.targetUri());
    if (durationChanged)
        Q_EMIT q->durationChanged(next.duration());
    if (talkingChanged)
        Q_EMIT q->talkingDurationChanged(next.talkingDuration());
    if (silenceChanged)
        Q_EMIT q->silenceDurationChanged(next.silenceDuration());
    if (causeChanged)
        Q_EMIT q->causeChanged(next.cause());
    return stateChanged || formatChanged || targetChanged || durationChanged || talkingChanged
            || silenceChanged || causeChanged;
}

bool LiveRecordingPrivate::setKnown()
{
    Q_Q(LiveRecording);
    if (known)
        return false;
    known = true;
    Q_EMIT q->knownChanged(true);
    return true;
}

void LiveRecordingPrivate::setEnded()
{
    Q_Q(LiveRecording);
    if (ended)
        return;
    ended = true;
    Q_EMIT q->endedChanged(true);
}

LiveRecording::LiveRecording(const QString &name, Client *client, QObject *parent)
    : LiveRecordingBase(name, client, parent), d(std::make_unique<LiveRecordingPrivate>(this))
{
}

LiveRecording::~LiveRecording() = default;

QString LiveRecording::name() const { return id(); }
LiveRecording::State LiveRecording::state() const { return d->state; }
QString LiveRecording::format() const { return d->info.format(); }
QString LiveRecording::targetUri() const { return d->info.targetUri(); }
int LiveRecording::duration() const { return d->info.duration(); }
int LiveRecording::talkingDuration() const { return d->info.talkingDuration(); }
int LiveRecording::silenceDuration() const { return d->info.silenceDuration(); }
QString LiveRecording::cause() const { return d->info.cause(); }
bool LiveRecording::isKnown() const { return d->known; }
bool LiveRecording::isEnded() const { return d->ended; }
LiveRecordingInfo LiveRecording::info() const { return d->info; }

} // namespace QtAri
