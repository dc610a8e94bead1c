// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// QtAri's logging categories and the helpers that keep credentials out of log lines (never installed).

#include <QtCore/QLoggingCategory>
#include <QtCore/QString>
#include <QtCore/QUrl>

Q_DECLARE_LOGGING_CATEGORY(lcAriRest)   // "qtari.rest": REST requests and replies
Q_DECLARE_LOGGING_CATEGORY(lcAriEvents) // "qtari.events": event frames, decoding, dispatch
Q_DECLARE_LOGGING_CATEGORY(lcAriSocket) // "qtari.socket": the event WebSocket and the connection

namespace QtAri::Private {

//! \a url as it may appear in a log: no user info, and the values of api_key, password and
//! secret-like query items replaced by "***".
QString maskedUrl(const QUrl &url);

//! \a text with anything that looks like a credential replaced by "***": "api_key=…", "password=…"
//! query items, "user:password@" in URLs and "Basic …"/"Bearer …" authorization values.
QString maskSecrets(const QString &text);

} // namespace QtAri::Private
