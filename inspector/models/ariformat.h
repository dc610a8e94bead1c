// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Small helpers that turn ARI JSON into the text the Inspector shows.

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace QtAri::Inspector {

//! Asterisk's timestamp form ("2026-11-26T03:10:43.493+0000") as a QDateTime; invalid if unparsable.
QDateTime parseAriTime(const QString &text);

//! "Alice <1000>", "1000" or "" for a CallerID object.
QString formatCallerId(const QJsonObject &callerId);

//! "0:07", "12:34" or "1:02:03".
QString formatDuration(qint64 seconds);

//! Every object an event names: channel/bridge/playback ids, recording names, endpoints, and the
//! channel or bridge a playback or recording targets; in order, without duplicates.
QStringList eventObjectIds(const QJsonObject &event);

//! A one-line human summary of an event ("PJSIP/1000-0001 Ring -> Up", "digit 5 on ...").
QString eventSummary(const QJsonObject &event);

//! The Stasis application a channel snapshot is in, from its dialplan ("Stasis" app_data), or "".
QString stasisAppOf(const QJsonObject &channel);

} // namespace QtAri::Inspector
