// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "endpoint_p.h"

using namespace Qt::StringLiterals;

namespace QtAri {

namespace {

Endpoint::State endpointState(QStringView state)
{
    if (state == u"online")
        return Endpoint::State::Online;
    if (state == u"offline")
        return Endpoint::State::Offline;
    return Endpoint::State::Unknown;
}

} // namespace

bool EndpointPrivate::update(const EndpointInfo &next)
{
    Q_Q(Endpoint);
    const Endpoint::State nextState = endpointState(next.state());
    const bool stateChanged = nextState != state;
    const bool idsChanged = info.channelIds() != next.channelIds();
    info = next;
    state = nextState;
    if (stateChanged)
        Q_EMIT q->stateChanged(state);
    if (idsChanged)
        Q_EMIT q->channelIdsChanged(next.channelIds());
    return stateChanged || idsChanged;
}

Endpoint::Endpoint(const QString &technology, const QString &resource, Client *client,
                   QObject *parent)
    : EndpointBase(technology + u'/' + resource, client, parent),
      d(std::make_unique<EndpointPrivate>(this))
{
    d->info.setTechnology(technology);
    d->info.setResource(resource);
}

Endpoint::~Endpoint() = default;

QString Endpoint::technology() const { return d->info.technology(); }
QString Endpoint::resource() const { return d->info.resource(); }
Endpoint::State Endpoint::state() const { return d->state; }
QStringList Endpoint::channelIds() const { return d->info.channelIds(); }
EndpointInfo Endpoint::info() const { return d->info; }

} // namespace QtAri
