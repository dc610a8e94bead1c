// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtAri/devicestatebase.h>
#include <QtAri/devicestateinfo.h>

#include <QtCore/QString>

#include <memory>

namespace QtAri {

class DeviceStatePrivate;
namespace Private {
class Registry;
class RegistryPrivate;
} // namespace Private

//! \brief A device state ("Stasis:<name>" and others), kept current from DeviceStateChanged.
//!
//! Owned by the Client; stays in the identity map until the Client stops. Bound operations
//! (update(), deleteState() …) come from DeviceStateBase.
class QTARI_EXPORT DeviceState : public DeviceStateBase
{
    Q_OBJECT
    Q_PROPERTY(QString name READ name CONSTANT FINAL)
    Q_PROPERTY(State state READ state NOTIFY stateChanged FINAL)
public:
    enum class State {
        Unknown,
        NotInUse,
        InUse,
        Busy,
        Invalid,
        Unavailable,
        Ringing,
        RingInUse,
        OnHold,
    };
    Q_ENUM(State)

    ~DeviceState() override;

    QString name() const; //!< The device's name, e.g. "Stasis:room" or "PJSIP/alice".
    State state() const; //!< The device's state.
    DeviceStateInfo info() const; //!< The last snapshot Asterisk sent.

    static State stateFromString(QStringView state); //!< The State for Asterisk's state text; Unknown for other text.

Q_SIGNALS:
    //! DeviceStateChanged (also the NOTIFY of state).
    void stateChanged(QtAri::DeviceState::State state);

private:
    DeviceState(const QString &name, Client *client, QObject *parent);
    friend class Private::Registry;
    friend class Private::RegistryPrivate;
    std::unique_ptr<DeviceStatePrivate> d;
    Q_DECLARE_PRIVATE_D(d, DeviceState)
};

} // namespace QtAri
