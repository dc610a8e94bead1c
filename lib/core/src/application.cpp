// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "application_p.h"

namespace QtAri {

bool ApplicationPrivate::update(const ApplicationInfo &next)
{
    Q_Q(Application);
    const bool changed = info.channelIds() != next.channelIds()
            || info.bridgeIds() != next.bridgeIds() || info.endpointIds() != next.endpointIds()
            || info.deviceNames() != next.deviceNames();
    info = next;
    if (changed)
        Q_EMIT q->subscriptionsChanged();
    return changed;
}

bool ApplicationPrivate::setReplaced(bool next)
{
    Q_Q(Application);
    if (replaced == next)
        return false;
    replaced = next;
    Q_EMIT q->replacedChanged(next);
    return true;
}

Application::Application(const QString &name, Client *client, QObject *parent)
    : ApplicationBase(name, client, parent), d(std::make_unique<ApplicationPrivate>(this))
{
    d->info.setName(name);
}

Application::~Application() = default;

QString Application::name() const { return id(); }
QStringList Application::channelIds() const { return d->info.channelIds(); }
QStringList Application::bridgeIds() const { return d->info.bridgeIds(); }
QStringList Application::endpointIds() const { return d->info.endpointIds(); }
QStringList Application::deviceNames() const { return d->info.deviceNames(); }
bool Application::isReplaced() const { return d->replaced; }
ApplicationInfo Application::info() const { return d->info; }

} // namespace QtAri
