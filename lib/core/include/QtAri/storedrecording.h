// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtAri/storedrecordingbase.h>
#include <QtAri/storedrecordinginfo.h>

#include <QtCore/QString>

#include <memory>

namespace QtAri {

class StoredRecordingPrivate;
namespace Private {
class Registry;
class RegistryPrivate;
} // namespace Private

//! \brief A recording stored on the server, identified by its name.
//!
//! Owned by the Client; made when an operation's reply names it (recordings()->listStored() via
//! the bound operations, or a live recording's result). ARI sends no events for stored recordings,
//! so it stays in the identity map until it is deleted through this client (deleteStored() succeeds:
//! ended becomes true and the object is deleted later) or the Client stops. Bound operations (copy(), deleteStored(),
//! file() …) come from StoredRecordingBase.
class QTARI_EXPORT StoredRecording : public StoredRecordingBase
{
    Q_OBJECT
    Q_PROPERTY(QString name READ name CONSTANT FINAL)
    Q_PROPERTY(QString format READ format NOTIFY formatChanged FINAL)
    Q_PROPERTY(bool ended READ isEnded NOTIFY endedChanged FINAL)
public:
    ~StoredRecording() override;

    QString name() const; //!< The recording's name.
    QString format() const; //!< The recording's file format.
    StoredRecordingInfo info() const; //!< The last snapshot Asterisk sent.
    //! The recording was deleted on the server; the object leaves the identity map.
    bool isEnded() const;

Q_SIGNALS:
    void formatChanged(const QString &format); //!< Emitted when format changes (NOTIFY of the property).
    void endedChanged(bool ended); //!< Emitted when ended changes (NOTIFY of the property).

private:
    StoredRecording(const QString &name, Client *client, QObject *parent);
    friend class Private::Registry;
    friend class Private::RegistryPrivate;
    std::unique_ptr<StoredRecordingPrivate> d;
    Q_DECLARE_PRIVATE_D(d, StoredRecording)
};

} // namespace QtAri
