// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtAri/asteriskinfo.h>
#include <QtAri/result.h>

#include <QtCore/QFuture>
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

//! \brief The Asterisk server itself: its id and global variables as events report them, and its
//! version and system information once fetchInfo() has asked.
//!
//! One per Client (Client::asteriskSystem()), owned by it and alive as long as it. Other
//! server-wide operations (ping, modules, log channels, configuration) are on Client::asterisk().
class QTARI_EXPORT AsteriskSystem : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString asteriskId READ asteriskId NOTIFY asteriskIdChanged FINAL)
    Q_PROPERTY(QVariantMap globalVariables READ globalVariables NOTIFY globalVariablesChanged FINAL)
    Q_PROPERTY(QString version READ version NOTIFY infoChanged FINAL)
    Q_PROPERTY(QtAri::AsteriskInfo info READ info NOTIFY infoChanged FINAL)
public:
    ~AsteriskSystem() override;

    //! The server's id as events report it ("02:fc:00:00:00:01"); empty before the first event.
    QString asteriskId() const;
    //! Global variables seen in ChannelVarset events without a channel.
    QVariantMap globalVariables() const;
    //! Asterisk's version ("22.10.1") from the last fetchInfo(); empty before.
    QString version() const;
    //! What the last fetchInfo() returned.
    AsteriskInfo info() const;
    Client *client() const; //!< The client this object belongs to.

    //! Asks the server for its information (asterisk.getInfo), updates info() and version(),
    //! and finishes with the answer or the error. Finishes with Aborted if the object is gone.
    QFuture<Result<AsteriskInfo>> fetchInfo();

Q_SIGNALS:
    void asteriskIdChanged(const QString &asteriskId); //!< Emitted when asteriskId changes (NOTIFY of the property).
    void globalVariablesChanged(const QVariantMap &globalVariables); //!< Emitted when globalVariables changes (NOTIFY of the property).
    //! ChannelVarset without a channel: a global variable was set.
    void globalVarSet(const QString &name, const QString &value);
    void infoChanged(); //!< Emitted when info changes (NOTIFY of the property).

private:
    AsteriskSystem(Client *client, QObject *parent);
    friend class Private::Registry;
    friend class Private::RegistryPrivate;
    std::unique_ptr<AsteriskSystemPrivate> d;
    Q_DECLARE_PRIVATE_D(d, AsteriskSystem)
};

} // namespace QtAri
