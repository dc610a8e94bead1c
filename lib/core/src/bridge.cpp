// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "bridge_p.h"
#include "registry_p.h"

#include <QtAri/channel.h>

namespace QtAri {

bool BridgePrivate::update(const BridgeInfo &next)
{
    Q_Q(Bridge);
    const BridgeInfo prev = info;
    info = next;
    const bool nameChanged = prev.name() != next.name();
    const bool technologyChanged = prev.technology() != next.technology();
    const bool typeChanged = prev.bridgeType() != next.bridgeType();
    const bool classChanged = prev.bridgeClass() != next.bridgeClass();
    const bool creatorChanged = prev.creator() != next.creator();
    const bool videoModeChanged = prev.videoMode() != next.videoMode();
    const bool videoSourceChanged = prev.videoSourceId() != next.videoSourceId();
    const bool timeChanged = prev.creationtime() != next.creationtime();
    const bool channelsChanged = channelIds != next.channels();
    if (channelsChanged)
        channelIds = next.channels();
    bool varsChanged = false;
    const QJsonObject vars = next.bridgevars();
    for (auto it = vars.begin(); it != vars.end(); ++it) {
        const QVariant value = it.value().toVariant();
        if (variables.value(it.key()) != value || !variables.contains(it.key())) {
            variables.insert(it.key(), value);
            varsChanged = true;
        }
    }

    if (nameChanged)
        Q_EMIT q->nameChanged(next.name());
    if (technologyChanged)
        Q_EMIT q->technologyChanged(next.technology());
    if (typeChanged)
        Q_EMIT q->bridgeTypeChanged(next.bridgeType());
    if (classChanged)
        Q_EMIT q->bridgeClassChanged(next.bridgeClass());
    if (creatorChanged)
        Q_EMIT q->creatorChanged(next.creator());
    if (videoModeChanged)
        Q_EMIT q->videoModeChanged(next.videoMode());
    if (videoSourceChanged)
        Q_EMIT q->videoSourceIdChanged(next.videoSourceId());
    if (timeChanged)
        Q_EMIT q->creationTimeChanged(next.creationtime());
    if (channelsChanged)
        Q_EMIT q->channelsChanged();
    if (varsChanged)
        Q_EMIT q->variablesChanged(variables);
    return nameChanged || technologyChanged || typeChanged || classChanged || creatorChanged
            || videoModeChanged || videoSourceChanged || timeChanged || channelsChanged
            || varsChanged;
}

bool BridgePrivate::addChannelId(const QString &id)
{
    Q_Q(Bridge);
    if (id.isEmpty() || channelIds.contains(id))
        return false;
    channelIds.append(id);
    Q_EMIT q->channelsChanged();
    return true;
}

bool BridgePrivate::removeChannelId(const QString &id)
{
    Q_Q(Bridge);
    if (!channelIds.removeOne(id))
        return false;
    Q_EMIT q->channelsChanged();
    return true;
}

bool BridgePrivate::setKnown()
{
    Q_Q(Bridge);
    if (known)
        return false;
    known = true;
    Q_EMIT q->knownChanged(true);
    return true;
}

void BridgePrivate::setEnded()
{
    Q_Q(Bridge);
    if (ended)
        return;
    ended = true;
    Q_EMIT q->endedChanged(true);
}

Bridge::Bridge(const QString &id, Client *client, QObject *parent)
    : BridgeBase(id, client, parent), d(std::make_unique<BridgePrivate>(this))
{
}

Bridge::~Bridge() = default;

QString Bridge::name() const { return d->info.name(); }
QString Bridge::technology() const { return d->info.technology(); }
QString Bridge::bridgeType() const { return d->info.bridgeType(); }
QString Bridge::bridgeClass() const { return d->info.bridgeClass(); }
QString Bridge::creator() const { return d->info.creator(); }
QString Bridge::videoMode() const { return d->info.videoMode(); }
QString Bridge::videoSourceId() const { return d->info.videoSourceId(); }
QDateTime Bridge::creationTime() const { return d->info.creationtime(); }
QStringList Bridge::channelIds() const { return d->channelIds; }
QVariantMap Bridge::variables() const { return d->variables; }
bool Bridge::isKnown() const { return d->known; }
bool Bridge::isEnded() const { return d->ended; }
BridgeInfo Bridge::info() const { return d->info; }

QList<Channel *> Bridge::channels() const
{
    QList<Channel *> result;
    if (!d->registry)
        return result;
    result.reserve(d->channelIds.size());
    for (const QString &id : d->channelIds) {
        if (Channel *channel = d->registry->channel(id))
            result.append(channel);
    }
    return result;
}

} // namespace QtAri
