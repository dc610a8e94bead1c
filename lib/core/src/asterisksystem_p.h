// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Private state of AsteriskSystem (never installed). Written only by the Registry.

#include <QtAri/asterisksystem.h>

namespace QtAri {

class AsteriskSystemPrivate
{
public:
    explicit AsteriskSystemPrivate(AsteriskSystem *q) : q_ptr(q) { }

    void setAsteriskId(const QString &id);
    void setGlobalVariable(const QString &name, const QString &value);

    AsteriskSystem *q_ptr;
    Client *client = nullptr;
    QString asteriskId;
    QVariantMap globalVariables;
    AsteriskInfo info;
    Q_DECLARE_PUBLIC(AsteriskSystem)
};

} // namespace QtAri
