// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Private state of Bridge (never installed). Written only by the Registry.

#include <QtAri/bridge.h>

namespace QtAri {

namespace Private { class Registry; }

class BridgePrivate
{
public:
    explicit BridgePrivate(Bridge *q) : q_ptr(q) { }

    bool update(const BridgeInfo &info);
    //! Membership from ChannelEnteredBridge / ChannelLeftBridge when the snapshot lags.
    bool addChannelId(const QString &id);
    bool removeChannelId(const QString &id);
    bool setKnown();
    void setEnded();

    Bridge *q_ptr;
    Private::Registry *registry = nullptr; // null once the bridge left the identity map
    BridgeInfo info;
    QStringList channelIds;
    QVariantMap variables;
    bool known = false;
    bool ended = false;
    quint64 touched = 0; // the Registry's event number that last named the bridge
    Q_DECLARE_PUBLIC(Bridge)
};

} // namespace QtAri
