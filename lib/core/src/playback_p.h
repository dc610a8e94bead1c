// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Private state of Playback (never installed). Written only by the Registry.

#include <QtAri/playback.h>

namespace QtAri {

namespace Private { class Registry; }

class PlaybackPrivate
{
public:
    explicit PlaybackPrivate(Playback *q) : q_ptr(q) { }

    bool update(const PlaybackInfo &info);
    bool setKnown();
    void setEnded();
    //! The id in targetUri() if it starts with \a scheme ("channel:", "bridge:").
    QString targetId(QStringView scheme) const;

    Playback *q_ptr;
    Private::Registry *registry = nullptr;
    PlaybackInfo info;
    Playback::State state = Playback::State::Unknown;
    bool known = false;
    bool ended = false;
    Q_DECLARE_PUBLIC(Playback)
};

} // namespace QtAri
