// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Private state of StoredRecording (never installed). Written only by the Registry.

#include <QtAri/storedrecording.h>

namespace QtAri {

class StoredRecordingPrivate
{
public:
    explicit StoredRecordingPrivate(StoredRecording *q) : q_ptr(q) { }

    bool update(const StoredRecordingInfo &info);
    void setEnded();

    StoredRecording *q_ptr;
    StoredRecordingInfo info;
    bool ended = false;
    Q_DECLARE_PUBLIC(StoredRecording)
};

} // namespace QtAri
