// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <QtAri/qml.h>

#include "qmlclient_p.h"
#include "qmlobjects_p.h"

#include <QtAri/Client>

// Written by qt_add_qml_module for the QtAri module (QtAriQml_qmltyperegistrations.cpp).
extern void qml_register_types_QtAri();

namespace QtAri::Qml {

void registerTypes()
{
    static const bool registered = [] {
        qml_register_types_QtAri();
        return true;
    }();
    Q_UNUSED(registered)
}

Client *coreClient(QObject *ariClient)
{
    auto *client = qobject_cast<QmlClient *>(ariClient);
    return client ? client->core() : nullptr;
}

QObject *qmlObjectFor(QObject *ariClient, QObject *coreObject)
{
    auto *client = qobject_cast<QmlClient *>(ariClient);
    if (!client || !client->core() || !coreObject)
        return nullptr;
    if (auto *c = qobject_cast<Channel *>(coreObject))
        return client->wrap(c);
    if (auto *b = qobject_cast<Bridge *>(coreObject))
        return client->wrap(b);
    if (auto *p = qobject_cast<Playback *>(coreObject))
        return client->wrap(p);
    if (auto *r = qobject_cast<LiveRecording *>(coreObject))
        return client->wrap(r);
    if (auto *e = qobject_cast<Endpoint *>(coreObject))
        return client->wrap(e);
    if (auto *d = qobject_cast<DeviceState *>(coreObject))
        return client->wrap(d);
    if (auto *m = qobject_cast<Mailbox *>(coreObject))
        return client->wrap(m);
    return nullptr;
}

} // namespace QtAri::Qml
