// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Private state of Sound (never installed). Written only by the Registry.

#include <QtAri/sound.h>

namespace QtAri {

class SoundPrivate
{
public:
    explicit SoundPrivate(Sound *q) : q_ptr(q) { }

    bool update(const SoundInfo &info);

    Sound *q_ptr;
    SoundInfo info;
    Q_DECLARE_PUBLIC(Sound)
};

} // namespace QtAri
