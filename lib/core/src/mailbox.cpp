// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "mailbox_p.h"

namespace QtAri {

bool MailboxPrivate::update(const MailboxInfo &next)
{
    Q_Q(Mailbox);
    const bool oldChanged = info.oldMessages() != next.oldMessages();
    const bool newChanged = info.newMessages() != next.newMessages();
    info = next;
    if (oldChanged)
        Q_EMIT q->oldMessagesChanged(next.oldMessages());
    if (newChanged)
        Q_EMIT q->newMessagesChanged(next.newMessages());
    return oldChanged || newChanged;
}

void MailboxPrivate::setEnded()
{
    Q_Q(Mailbox);
    if (ended)
        return;
    ended = true;
    Q_EMIT q->endedChanged(true);
}

Mailbox::Mailbox(const QString &name, Client *client, QObject *parent)
    : MailboxBase(name, client, parent), d(std::make_unique<MailboxPrivate>(this))
{
    d->info.setName(name);
}

Mailbox::~Mailbox() = default;

QString Mailbox::name() const { return id(); }
int Mailbox::oldMessages() const { return d->info.oldMessages(); }
int Mailbox::newMessages() const { return d->info.newMessages(); }
MailboxInfo Mailbox::info() const { return d->info; }
bool Mailbox::isEnded() const { return d->ended; }

} // namespace QtAri
