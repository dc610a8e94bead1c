// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "devicestate_p.h"

namespace QtAri {

DeviceState::State DeviceState::stateFromString(QStringView state)
{
    if (state == u"NOT_INUSE")
        return State::NotInUse;
    if (state == u"INUSE")
        return State::InUse;
    if (state == u"BUSY")
        return State::Busy;
    if (state == u"INVALID")
        return State::Invalid;
    if (state == u"UNAVAILABLE")
        return State::Unavailable;
    if (state == u"RINGING")
        return State::Ringing;
    if (state == u"RINGINUSE")
        return State::RingInUse;
    if (state == u"ONHOLD")
        return State::OnHold;
    return State::Unknown;
}

bool DeviceStatePrivate::update(const DeviceStateInfo &next)
{
    Q_Q(DeviceState);
    const DeviceState::State nextState = DeviceState::stateFromString(next.state());
    const bool changed = nextState != state;
    info = next;
    state = nextState;
    if (changed)
        Q_EMIT q->stateChanged(state);
    return changed;
}

DeviceState::DeviceState(const QString &name, Client *client, QObject *parent)
    : DeviceStateBase(name, client, parent), d(std::make_unique<DeviceStatePrivate>(this))
{
    d->info.setName(name);
}

DeviceState::~DeviceState() = default;

QString DeviceState::name() const { return id(); }
DeviceState::State DeviceState::state() const { return d->state; }
DeviceStateInfo DeviceState::info() const { return d->info; }

} // namespace QtAri
