// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "playback_p.h"
#include "registry_p.h"

#include <QtAri/bridge.h>
#include <QtAri/channel.h>

namespace QtAri {

Playback::State Playback::stateFromString(QStringView state)
{
    if (state == u"queued")
        return State::Queued;
    if (state == u"playing")
        return State::Playing;
    if (state == u"continuing")
        return State::Continuing;
    if (state == u"done")
        return State::Done;
    if (state == u"failed")
        return State::Failed;
    return State::Unknown;
}

bool PlaybackPrivate::update(const PlaybackInfo &next)
{
    Q_Q(Playback);
    const PlaybackInfo prev = info;
    const Playback::State prevState = state;
    info = next;
    state = Playback::stateFromString(next.state());
    const bool stateChanged = prevState != state;
    const bool mediaChanged = prev.mediaUri() != next.mediaUri();
    const bool nextChanged = prev.nextMediaUri() != next.nextMediaUri();
    const bool targetChanged = prev.targetUri() != next.targetUri();
    const bool languageChanged = prev.language() != next.language();
    if (stateChanged)
        Q_EMIT q->stateChanged(state);
    if (mediaChanged)
        Q_EMIT q->mediaUriChanged(next.mediaUri());
    if (nextChanged)
        Q_EMIT q->nextMediaUriChanged(next.nextMediaUri());
    if (targetChanged)
        Q_EMIT q->targetUriChanged(next.targetUri());
    if (languageChanged)
        Q_EMIT q->languageChanged(next.language());
    return stateChanged || mediaChanged || nextChanged || targetChanged || languageChanged;
}

bool PlaybackPrivate::setKnown()
{
    Q_Q(Playback);
    if (known)
        return false;
    known = true;
    Q_EMIT q->knownChanged(true);
    return true;
}

void PlaybackPrivate::setEnded()
{
    Q_Q(Playback);
    if (ended)
        return;
    ended = true;
    Q_EMIT q->endedChanged(true);
}

QString PlaybackPrivate::targetId(QStringView scheme) const
{
    const QString uri = info.targetUri();
    if (!uri.startsWith(scheme))
        return {};
    return uri.mid(scheme.size());
}

Playback::Playback(const QString &id, Client *client, QObject *parent)
    : PlaybackBase(id, client, parent), d(std::make_unique<PlaybackPrivate>(this))
{
}

Playback::~Playback() = default;

Playback::State Playback::state() const { return d->state; }
QString Playback::mediaUri() const { return d->info.mediaUri(); }
QString Playback::nextMediaUri() const { return d->info.nextMediaUri(); }
QString Playback::targetUri() const { return d->info.targetUri(); }
QString Playback::language() const { return d->info.language(); }
bool Playback::isKnown() const { return d->known; }
bool Playback::isEnded() const { return d->ended; }
PlaybackInfo Playback::info() const { return d->info; }

Channel *Playback::targetChannel() const
{
    return d->registry ? d->registry->channel(d->targetId(u"channel:")) : nullptr;
}

Bridge *Playback::targetBridge() const
{
    return d->registry ? d->registry->bridge(d->targetId(u"bridge:")) : nullptr;
}

} // namespace QtAri
