// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "sound_p.h"

namespace QtAri {

bool SoundPrivate::update(const SoundInfo &next)
{
    Q_Q(Sound);
    const bool textChanged = info.text() != next.text();
    info = next;
    if (textChanged)
        Q_EMIT q->textChanged(next.text());
    return textChanged;
}

Sound::Sound(const QString &id, Client *client, QObject *parent)
    : SoundBase(id, client, parent), d(std::make_unique<SoundPrivate>(this))
{
}

Sound::~Sound() = default;

QString Sound::text() const { return d->info.text(); }
SoundInfo Sound::info() const { return d->info; }

} // namespace QtAri
