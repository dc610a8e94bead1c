// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <QtAri/Transport>

namespace QtAri {

Transport::Transport(QObject *parent) : QObject(parent) { }
Transport::~Transport() = default;

} // namespace QtAri
