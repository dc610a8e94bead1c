// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "storedrecording_p.h"

namespace QtAri {

bool StoredRecordingPrivate::update(const StoredRecordingInfo &next)
{
    Q_Q(StoredRecording);
    const bool formatChanged = info.format() != next.format();
    info = next;
    if (formatChanged)
        Q_EMIT q->formatChanged(next.format());
    return formatChanged;
}

void StoredRecordingPrivate::setEnded()
{
    Q_Q(StoredRecording);
    if (ended)
        return;
    ended = true;
    Q_EMIT q->endedChanged(true);
}

StoredRecording::StoredRecording(const QString &name, Client *client, QObject *parent)
    : StoredRecordingBase(name, client, parent), d(std::make_unique<StoredRecordingPrivate>(this))
{
}

StoredRecording::~StoredRecording() = default;

QString StoredRecording::name() const { return id(); }
QString StoredRecording::format() const { return d->info.format(); }
StoredRecordingInfo StoredRecording::info() const { return d->info; }
bool StoredRecording::isEnded() const { return d->ended; }

} // namespace QtAri
