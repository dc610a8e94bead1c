// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Private state of Endpoint (never installed). Written only by the Registry.

#include <QtAri/endpoint.h>

namespace QtAri {

class EndpointPrivate
{
public:
    explicit EndpointPrivate(Endpoint *q) : q_ptr(q) { }

    bool update(const EndpointInfo &info);
    Endpoint::State state = Endpoint::State::Unknown;
    Endpoint *q_ptr;
    EndpointInfo info;
    Q_DECLARE_PUBLIC(Endpoint)
};

} // namespace QtAri
