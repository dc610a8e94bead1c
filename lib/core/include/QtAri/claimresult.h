// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtCore/QDebug>

namespace QtAri {

//! \brief How a claim of a broadcast call ended (POST /events/claim, Asterisk 20.17 / 22.7 and later).
//!
//! StasisBroadcast offers a call to several applications (CallBroadcast); the first claim wins.
//! Channel::claim() and EventsApi::claimChannel() answer with one of these; any other answer
//! (400 for a missing parameter, 403 for a read-only user, a network error …) is an Error.
enum class ClaimResult {
    Won, //!< 204: the call is the application's; its StasisStart follows (Channel::claim() waits for it)
    Lost, //!< 409: an application (another one, or this one before) claimed it first
    //! 404: no such channel, or no StasisBroadcast offers it: it never did, the offer timed out,
    //! or the winner's Stasis session is over
    Unknown,
};

//! Writes "Won", "Lost" or "Unknown".
QTARI_EXPORT QDebug operator<<(QDebug debug, ClaimResult result);

} // namespace QtAri
