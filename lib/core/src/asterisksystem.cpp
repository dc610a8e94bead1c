// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "asterisksystem_p.h"

#include <QtAri/asteriskapi.h>
#include <QtAri/client.h>

#include <QtCore/QPointer>

namespace QtAri {

void AsteriskSystemPrivate::setAsteriskId(const QString &id)
{
    Q_Q(AsteriskSystem);
    if (id.isEmpty() || id == asteriskId)
        return;
    asteriskId = id;
    Q_EMIT q->asteriskIdChanged(id);
}

void AsteriskSystemPrivate::setGlobalVariable(const QString &name, const QString &value)
{
    Q_Q(AsteriskSystem);
    const QVariant next(value);
    auto it = globalVariables.find(name);
    if (it == globalVariables.end() || it.value() != next) {
        globalVariables.insert(name, next);
        Q_EMIT q->globalVariablesChanged(globalVariables);
    }
    Q_EMIT q->globalVarSet(name, value);
}

AsteriskSystem::AsteriskSystem(Client *client, QObject *parent)
    : QObject(parent), d(std::make_unique<AsteriskSystemPrivate>(this))
{
    d->client = client;
}

AsteriskSystem::~AsteriskSystem() = default;

QString AsteriskSystem::asteriskId() const { return d->asteriskId; }
QVariantMap AsteriskSystem::globalVariables() const { return d->globalVariables; }
Client *AsteriskSystem::client() const { return d->client; }
QString AsteriskSystem::version() const { return d->info.system().version(); }
AsteriskInfo AsteriskSystem::info() const { return d->info; }

QFuture<Result<AsteriskInfo>> AsteriskSystem::fetchInfo()
{
    QPointer<AsteriskSystem> self(this);
    return d->client->asterisk()->getInfo().then(
            [self](const Result<AsteriskInfo> &result) -> Result<AsteriskInfo> {
                if (!self)
                    return Error(Error::Kind::Aborted, QStringLiteral("the client is gone"),
                                 QStringLiteral("asterisk.getInfo"));
                if (result) {
                    self->d->info = result.value();
                    Q_EMIT self->infoChanged();
                }
                return result;
            });
}

} // namespace QtAri
