// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <QtAri/ReconnectPolicy>

#include <QtCore/QSharedData>

#include <algorithm>
#include <cmath>

namespace QtAri {

class ReconnectPolicyPrivate : public QSharedData
{
public:
    int initialDelay = 500;
    double multiplier = 2.0;
    int maxDelay = 30'000;
    int maxAttempts = -1;
    double jitter = 0.2;
};

ReconnectPolicy::ReconnectPolicy() : d(new ReconnectPolicyPrivate) { }
ReconnectPolicy::ReconnectPolicy(const ReconnectPolicy &other) = default;
ReconnectPolicy::ReconnectPolicy(ReconnectPolicy &&other) noexcept = default;
ReconnectPolicy &ReconnectPolicy::operator=(const ReconnectPolicy &other) = default;
ReconnectPolicy &ReconnectPolicy::operator=(ReconnectPolicy &&other) noexcept = default;
ReconnectPolicy::~ReconnectPolicy() = default;

int ReconnectPolicy::initialDelay() const { return d->initialDelay; }
void ReconnectPolicy::setInitialDelay(int ms) { d->initialDelay = std::max(0, ms); }
double ReconnectPolicy::multiplier() const { return d->multiplier; }
void ReconnectPolicy::setMultiplier(double multiplier)
{
    d->multiplier = std::isfinite(multiplier) ? std::max(1.0, multiplier) : 1.0;
}
int ReconnectPolicy::maxDelay() const { return d->maxDelay; }
void ReconnectPolicy::setMaxDelay(int ms) { d->maxDelay = std::max(0, ms); }
int ReconnectPolicy::maxAttempts() const { return d->maxAttempts; }
void ReconnectPolicy::setMaxAttempts(int attempts) { d->maxAttempts = std::max(-1, attempts); }
double ReconnectPolicy::jitter() const { return d->jitter; }
void ReconnectPolicy::setJitter(double fraction)
{
    d->jitter = std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.0;
}

int ReconnectPolicy::baseDelay(int attempt) const
{
    const double exponent = std::max(0, attempt - 1);
    const double value = d->initialDelay * std::pow(d->multiplier, exponent);
    if (!std::isfinite(value) || value >= d->maxDelay)
        return d->maxDelay;
    return static_cast<int>(value);
}

int ReconnectPolicy::delay(int attempt, double random) const
{
    const double base = baseDelay(attempt);
    const double spread = base * d->jitter * (2.0 * std::clamp(random, 0.0, 1.0) - 1.0);
    return static_cast<int>(std::clamp(base + spread, 0.0, double(d->maxDelay)));
}

bool ReconnectPolicy::allowsAttempt(int attempt) const
{
    return d->maxAttempts < 0 || attempt <= d->maxAttempts;
}

bool operator==(const ReconnectPolicy &a, const ReconnectPolicy &b)
{
    return a.d == b.d
            || (a.d->initialDelay == b.d->initialDelay && a.d->multiplier == b.d->multiplier
                && a.d->maxDelay == b.d->maxDelay && a.d->maxAttempts == b.d->maxAttempts
                && a.d->jitter == b.d->jitter);
}

} // namespace QtAri
