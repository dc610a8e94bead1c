// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Private state of Mailbox (never installed). Written only by the Registry.

#include <QtAri/mailbox.h>

namespace QtAri {

class MailboxPrivate
{
public:
    explicit MailboxPrivate(Mailbox *q) : q_ptr(q) { }

    bool update(const MailboxInfo &info);
    void setEnded();

    Mailbox *q_ptr;
    MailboxInfo info;
    bool ended = false;
    Q_DECLARE_PUBLIC(Mailbox)
};

} // namespace QtAri
