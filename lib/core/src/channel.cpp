// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "channel_p.h"
#include "codegen_p.h"
#include "futures_p.h"

#include <QtAri/bridge.h>
#include <QtAri/client.h>
#include <QtAri/eventsapi.h>

using namespace Qt::StringLiterals;

namespace QtAri {

namespace {

bool sameCallerId(const CallerId &a, const CallerId &b)
{
    return a.name() == b.name() && a.number() == b.number();
}

bool sameDialplan(const DialplanCep &a, const DialplanCep &b)
{
    return a.context() == b.context() && a.exten() == b.exten() && a.priority() == b.priority()
            && a.appName() == b.appName() && a.appData() == b.appData();
}

struct StateName
{
    Channel::State state;
    QLatin1StringView name;
};

constexpr StateName stateNames[] = {
    { Channel::State::Down, "Down"_L1 },
    { Channel::State::Reserved, "Rsrved"_L1 },
    { Channel::State::OffHook, "OffHook"_L1 },
    { Channel::State::Dialing, "Dialing"_L1 },
    { Channel::State::Ring, "Ring"_L1 },
    { Channel::State::Ringing, "Ringing"_L1 },
    { Channel::State::Up, "Up"_L1 },
    { Channel::State::Busy, "Busy"_L1 },
    { Channel::State::DialingOffhook, "Dialing Offhook"_L1 },
    { Channel::State::PreRing, "Pre-ring"_L1 },
    { Channel::State::Unknown, "Unknown"_L1 },
};

} // namespace

Channel::State Channel::stateFromString(QStringView state)
{
    for (const StateName &entry : stateNames) {
        if (state == entry.name)
            return entry.state;
    }
    if (state == u"Rsrvd") // older spelling
        return State::Reserved;
    return State::Unknown;
}

QString Channel::stateToString(State state)
{
    for (const StateName &entry : stateNames) {
        if (entry.state == state)
            return entry.name;
    }
    return u"Unknown"_s;
}

bool ChannelPrivate::update(const ChannelInfo &next)
{
    Q_Q(Channel);
    if (Private::ModelAccess::sameData(info, next)) {
        // The very snapshot applied last (the event decoder hands back the one it decoded from
        // the same bytes): only variables set since (setVariable) can differ from it.
        const bool varsChanged = mergeVariables(next.channelvars());
        if (varsChanged)
            Q_EMIT q->variablesChanged(variables);
        return varsChanged;
    }
    const ChannelInfo prev = info;
    const Channel::State prevState = state;
    info = next;
    state = Channel::stateFromString(next.state());
    const bool nameChanged = prev.name() != next.name();
    const bool stateChanged = prevState != state;
    const bool callerChanged = !sameCallerId(prev.caller(), next.caller());
    const bool connectedChanged = !sameCallerId(prev.connected(), next.connected());
    const bool dialplanChanged = !sameDialplan(prev.dialplan(), next.dialplan());
    const bool timeChanged = prev.creationtime() != next.creationtime();
    const bool languageChanged = prev.language() != next.language();
    const bool accountChanged = prev.accountcode() != next.accountcode();
    const bool protocolChanged = prev.protocolId() != next.protocolId();
    const bool varsChanged = mergeVariables(next.channelvars());

    if (nameChanged)
        Q_EMIT q->nameChanged(next.name());
    if (stateChanged)
        Q_EMIT q->stateChanged(state);
    if (callerChanged)
        Q_EMIT q->callerChanged(next.caller());
    if (connectedChanged)
        Q_EMIT q->connectedChanged(next.connected());
    if (dialplanChanged)
        Q_EMIT q->dialplanChanged(next.dialplan());
    if (timeChanged)
        Q_EMIT q->creationTimeChanged(next.creationtime());
    if (languageChanged)
        Q_EMIT q->languageChanged(next.language());
    if (accountChanged)
        Q_EMIT q->accountCodeChanged(next.accountcode());
    if (protocolChanged)
        Q_EMIT q->protocolIdChanged(next.protocolId());
    if (varsChanged)
        Q_EMIT q->variablesChanged(variables);
    return nameChanged || stateChanged || callerChanged || connectedChanged || dialplanChanged
            || timeChanged || languageChanged || accountChanged || protocolChanged || varsChanged;
}

bool ChannelPrivate::mergeVariables(const QJsonObject &vars)
{
    bool changed = false;
    for (auto it = vars.begin(); it != vars.end(); ++it) {
        const QVariant value = it.value().toVariant();
        auto existing = variables.find(it.key());
        if (existing == variables.end()) {
            variables.insert(it.key(), value);
            changed = true;
        } else if (existing.value() != value) {
            existing.value() = value;
            changed = true;
        }
    }
    return changed;
}

bool ChannelPrivate::setVariable(const QString &name, const QString &value)
{
    Q_Q(Channel);
    auto it = variables.find(name);
    if (it != variables.end() && it.value() == QVariant(value))
        return false;
    variables.insert(name, value);
    Q_EMIT q->variablesChanged(variables);
    return true;
}

bool ChannelPrivate::setBridge(Bridge *next)
{
    Q_Q(Channel);
    if (bridge.data() == next)
        return false;
    bridge = next;
    Q_EMIT q->bridgeChanged(next);
    return true;
}

bool ChannelPrivate::setInStasis(bool next, const QStringList &args)
{
    Q_Q(Channel);
    if (next)
        stasisArgs = args;
    if (inStasis == next)
        return false;
    inStasis = next;
    Q_EMIT q->inStasisChanged(next);
    return true;
}

bool ChannelPrivate::setKnown()
{
    Q_Q(Channel);
    if (known)
        return false;
    known = true;
    Q_EMIT q->knownChanged(true);
    return true;
}

void ChannelPrivate::setEnded()
{
    Q_Q(Channel);
    if (ended)
        return;
    ended = true;
    Q_EMIT q->endedChanged(true);
}

Channel::Channel(const QString &id, Client *client, QObject *parent)
    : ChannelBase(id, client, parent), d(std::make_unique<ChannelPrivate>(this))
{
}

Channel::~Channel() = default;

QString Channel::name() const { return d->info.name(); }
Channel::State Channel::state() const { return d->state; }
CallerId Channel::caller() const { return d->info.caller(); }
CallerId Channel::connected() const { return d->info.connected(); }
DialplanCep Channel::dialplan() const { return d->info.dialplan(); }
QDateTime Channel::creationTime() const { return d->info.creationtime(); }
QString Channel::language() const { return d->info.language(); }
QString Channel::accountCode() const { return d->info.accountcode(); }
QString Channel::protocolId() const { return d->info.protocolId(); }
QVariantMap Channel::variables() const { return d->variables; }
QString Channel::variable(const QString &name) const { return d->variables.value(name).toString(); }
Bridge *Channel::bridge() const { return d->bridge.data(); }
bool Channel::isInStasis() const { return d->inStasis; }
QStringList Channel::stasisArgs() const { return d->stasisArgs; }
bool Channel::isKnown() const { return d->known; }
bool Channel::isEnded() const { return d->ended; }
ChannelInfo Channel::info() const { return d->info; }
QString Channel::offeredTo() const { return d->offeredTo; }

QFuture<Result<ClaimResult>> Channel::claim(const QString &application)
{
    Client *owner = client();
    if (!owner) {
        return Private::readyFuture(Result<ClaimResult>(
                Error(Error::Kind::NotConnected, u"the object has no client"_s, u"events.claimChannel"_s)));
    }
    QString app = application.isEmpty() ? d->offeredTo : application;
    if (app.isEmpty())
        app = owner->applicationNames().value(0);
    return owner->events()->claimChannel(id(), app);
}

QDebug operator<<(QDebug debug, ClaimResult result)
{
    QDebugStateSaver saver(debug);
    switch (result) {
    case ClaimResult::Won: return debug.noquote() << "Won";
    case ClaimResult::Lost: return debug.noquote() << "Lost";
    case ClaimResult::Unknown: return debug.noquote() << "Unknown";
    }
    return debug.noquote() << "ClaimResult(" << int(result) << ')';
}

} // namespace QtAri
