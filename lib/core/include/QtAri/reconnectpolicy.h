// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtCore/QMetaType>
#include <QtCore/QSharedDataPointer>

namespace QtAri {

class ReconnectPolicyPrivate;

//! \brief How a Client retries after it lost an established connection.
//!
//! Attempt n (counting from 1) waits initialDelay() * multiplier()^(n-1) milliseconds, capped at
//! maxDelay(), then moved by up to ±jitter() of itself at random so that many clients that lost the
//! same server do not all come back in the same millisecond. After maxAttempts() failed attempts the
//! client gives up and goes Disconnected; -1 (the default) means it never gives up, 0 that it never
//! retries. The first connectToServer() is never retried: it reports its error instead.
//!
//! \code
//! QtAri::ReconnectPolicy policy;
//! policy.setInitialDelay(250);
//! policy.setMaxDelay(10'000);
//! client->setReconnectPolicy(policy);
//! \endcode
class QTARI_EXPORT ReconnectPolicy
{
    Q_GADGET
    Q_PROPERTY(int initialDelay READ initialDelay WRITE setInitialDelay FINAL)
    Q_PROPERTY(double multiplier READ multiplier WRITE setMultiplier FINAL)
    Q_PROPERTY(int maxDelay READ maxDelay WRITE setMaxDelay FINAL)
    Q_PROPERTY(int maxAttempts READ maxAttempts WRITE setMaxAttempts FINAL)
    Q_PROPERTY(double jitter READ jitter WRITE setJitter FINAL)
public:
    //! 500 ms initial delay, multiplier 2, at most 30 s, unlimited attempts, ±20 % jitter.
    ReconnectPolicy();
    ReconnectPolicy(const ReconnectPolicy &other); //!< Copies \a other.
    ReconnectPolicy(ReconnectPolicy &&other) noexcept; //!< Takes \a other's settings.
    ReconnectPolicy &operator=(const ReconnectPolicy &other); //!< Copies \a other.
    ReconnectPolicy &operator=(ReconnectPolicy &&other) noexcept; //!< Takes \a other's settings.
    ~ReconnectPolicy();
    void swap(ReconnectPolicy &other) noexcept { d.swap(other.d); } //!< Swaps with \a other.

    //! Milliseconds before the first attempt (negative values count as 0).
    int initialDelay() const;
    void setInitialDelay(int ms); //!< Sets initialDelay().
    //! Factor applied to the delay after each failed attempt (values below 1 count as 1).
    double multiplier() const;
    void setMultiplier(double multiplier); //!< Sets multiplier().
    //! Upper bound of a delay in milliseconds, jitter included.
    int maxDelay() const;
    void setMaxDelay(int ms); //!< Sets maxDelay().
    //! Attempts before giving up; -1 means unlimited.
    int maxAttempts() const;
    void setMaxAttempts(int attempts); //!< Sets maxAttempts().
    //! Random spread as a fraction of the delay, 0 (none) to 1.
    double jitter() const;
    void setJitter(double fraction); //!< Sets jitter().

    //! The delay before \a attempt (1-based) without jitter.
    int baseDelay(int attempt) const;
    //! The delay before \a attempt with jitter, \a random being a number in [0, 1).
    int delay(int attempt, double random) const;
    //! Whether \a attempt (1-based) may still be made.
    bool allowsAttempt(int attempt) const;

    friend QTARI_EXPORT bool operator==(const ReconnectPolicy &a, const ReconnectPolicy &b);
    friend bool operator!=(const ReconnectPolicy &a, const ReconnectPolicy &b) { return !(a == b); }

private:
    QSharedDataPointer<ReconnectPolicyPrivate> d;
};

} // namespace QtAri

Q_DECLARE_SHARED(QtAri::ReconnectPolicy)
Q_DECLARE_METATYPE(QtAri::ReconnectPolicy)
