// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Private state of Application (never installed). Written only by the Registry.

#include <QtAri/application.h>

namespace QtAri {

class ApplicationPrivate
{
public:
    explicit ApplicationPrivate(Application *q) : q_ptr(q) { }

    bool update(const ApplicationInfo &info);
    bool setReplaced(bool replaced);
    bool replaced = false;
    Application *q_ptr;
    ApplicationInfo info;
    Q_DECLARE_PUBLIC(Application)
};

} // namespace QtAri
