// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QVariantMap>

#include <memory>

namespace QtAri {

class Client;
class AsteriskSystemPrivate;
namespace Private {
class Registry;
class RegistryPrivate;
} // namespace Private

//! \brief The Asterisk server itself, as seen through events: its id and global variables.
//!
//! One per Client (Client::asteriskSystem()), owned by it and alive as long as it. Server-wide
//! operations (info, ping, modules, log channels, global variables) are on Client::asterisk().
class QTARI_EXPORT AsteriskSystem : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString asteriskId READ asteriskId NOTIFY asteriskIdChanged FINAL)
    Q_PROPERTY(QVariantMap globalVariables READ globalVariables NOTIFY globalVariablesChanged FINAL)
public:
    ~AsteriskSystem() override;

    //! The server's id as events report it ("02:fc:00:00:00:01"); empty before the first event.
    QString asteriskId() const;
    //! Global variables seen in ChannelVarset events without a channel.
    QVariantMap globalVariables() const;
    Client *client() const;

Q_SIGNALS:
    void asteriskIdChanged(const QString &asteriskId);
    void globalVariablesChanged(const QVariantMap &globalVariables);
    //! ChannelVarset without a channel: a global variable was set.
    void globalVarSet(const QString &name, const QString &value);

private:
    AsteriskSystem(Client *client, QObject *parent);
    friend class Private::Registry;
    friend class Private::RegistryPrivate;
    std::unique_ptr<AsteriskSystemPrivate> d;
    Q_DECLARE_PRIVATE_D(d, AsteriskSystem)
};

} // namespace QtAri
