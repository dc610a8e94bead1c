// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtariqml_export.h>

#include <QtCore/qglobal.h>

QT_FORWARD_DECLARE_CLASS(QObject)

namespace QtAri {
class Client;
} // namespace QtAri

//! \brief The C++ side of `import QtAri` (find_package(QtAri COMPONENTS Qml), QtAri::Qml).
//!
//! For applications that register QML types of their own beside QtAri's, or hand QML the objects
//! their C++ code works with:
//! \code
//! #include <QtAri/Qml>
//!
//! QtAri::Qml::registerTypes();                 // when the plugin is not loaded from the import path
//! engine.loadFromModule(u"MyApp"_s, u"Main"_s);
//! // later, with an AriClient from QML:
//! QtAri::Client *client = QtAri::Qml::coreClient(ariClient);
//! QObject *forQml = QtAri::Qml::qmlObjectFor(ariClient, client->channel(id)); // a QML Channel
//! \endcode
namespace QtAri::Qml {

//! Registers the types of `import QtAri` (AriClient, Channel, …) with QML. The QML plugin does
//! this when an engine first meets the import; call it before loading QML when the plugin is not
//! found through the import path (an application that links QtAri::Qml and sets no
//! QML_IMPORT_PATH). Calling it more than once is harmless.
QTARI_QML_EXPORT void registerTypes();

//! The QtAri::Client behind \a ariClient (an `AriClient` made by QML), or nullptr if it is not
//! one. Owned by the AriClient; use it for what the QML type does not offer (settings, the
//! resource APIs, the models' C++ side).
QTARI_QML_EXPORT QtAri::Client *coreClient(QObject *ariClient);

//! The QML object that stands for \a coreObject — a Channel, Bridge, Playback, LiveRecording,
//! Endpoint, DeviceState or Mailbox of coreClient(\a ariClient) — the same one QML code gets from
//! the AriClient (one per object), made now if needed. nullptr for anything else. The AriClient
//! owns it while the core object lives; after that the JavaScript heap does (see
//! lib/qml/README.md, "Lifetime"), so hold it in a QPointer.
QTARI_QML_EXPORT QObject *qmlObjectFor(QObject *ariClient, QObject *coreObject);

} // namespace QtAri::Qml
