// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Private state of DeviceState (never installed). Written only by the Registry.

#include <QtAri/devicestate.h>

namespace QtAri {

class DeviceStatePrivate
{
public:
    explicit DeviceStatePrivate(DeviceState *q) : q_ptr(q) { }

    bool update(const DeviceStateInfo &info);
    DeviceState::State state = DeviceState::State::Unknown;
    DeviceState *q_ptr;
    DeviceStateInfo info;
    Q_DECLARE_PUBLIC(DeviceState)
};

} // namespace QtAri
