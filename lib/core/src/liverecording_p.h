// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Private state of LiveRecording (never installed). Written only by the Registry.

#include <QtAri/liverecording.h>

namespace QtAri {

class LiveRecordingPrivate
{
public:
    explicit LiveRecordingPrivate(LiveRecording *q) : q_ptr(q) { }

    bool update(const LiveRecordingInfo &info);
    bool setKnown();
    void setEnded();

    LiveRecording *q_ptr;
    LiveRecordingInfo info;
    LiveRecording::State state = LiveRecording::State::Unknown;
    bool known = false;
    bool ended = false;
    Q_DECLARE_PUBLIC(LiveRecording)
};

} // namespace QtAri
