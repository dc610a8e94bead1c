// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Private state of Channel (never installed). Written only by the Registry.

#include <QtAri/channel.h>

#include <QtCore/QPointer>

namespace QtAri {

namespace Private { class Registry; }

class ChannelPrivate
{
public:
    explicit ChannelPrivate(Channel *q) : q_ptr(q) { }

    //! Takes a snapshot from Asterisk; emits the NOTIFY signal of every property that changed.
    //! Returns true if anything changed.
    bool update(const ChannelInfo &info);
    bool setVariable(const QString &name, const QString &value);
    //! Takes the values of \a vars (a snapshot's channelvars) into variables; true if any changed.
    bool mergeVariables(const QJsonObject &vars);
    bool setBridge(Bridge *bridge);
    bool setInStasis(bool inStasis, const QStringList &args);
    bool setKnown();
    void setEnded();

    Channel *q_ptr;
    Private::Registry *registry = nullptr; // null once the channel left the identity map
    ChannelInfo info;
    Channel::State state = Channel::State::Unknown;
    QVariantMap variables;
    QPointer<Bridge> bridge;
    QStringList stasisArgs;
    QString offeredTo; // the application of the last CallBroadcast
    int requestedCause = 0; // of the last ChannelHangupRequest that gave one (a hard one wins)
    bool requestedHard = false;
    bool inStasis = false;
    bool known = false;
    bool ended = false;
    quint64 touched = 0; // the Registry's event number that last named the channel
    Q_DECLARE_PUBLIC(Channel)
};

} // namespace QtAri
