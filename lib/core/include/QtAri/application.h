// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtAri/applicationbase.h>
#include <QtAri/applicationinfo.h>

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <memory>

namespace QtAri {

class ApplicationPrivate;
namespace Private {
class Registry;
class RegistryPrivate;
} // namespace Private

//! \brief A Stasis application, identified by its name; told about (un)registration and about
//! another connection taking it over.
//!
//! Owned by the Client; stays in the identity map until the Client stops. Bound operations
//! (subscribe(), unsubscribe(), filter() …) come from ApplicationBase.
class QTARI_EXPORT Application : public ApplicationBase
{
    Q_OBJECT
    Q_PROPERTY(QString name READ name CONSTANT FINAL)
    Q_PROPERTY(QStringList channelIds READ channelIds NOTIFY subscriptionsChanged FINAL)
    Q_PROPERTY(QStringList bridgeIds READ bridgeIds NOTIFY subscriptionsChanged FINAL)
    Q_PROPERTY(QStringList endpointIds READ endpointIds NOTIFY subscriptionsChanged FINAL)
    Q_PROPERTY(QStringList deviceNames READ deviceNames NOTIFY subscriptionsChanged FINAL)
    Q_PROPERTY(bool replaced READ isReplaced NOTIFY replacedChanged FINAL)
public:
    ~Application() override;

    QString name() const; //!< The application's name.
    QStringList channelIds() const; //!< Ids of the channels the application is subscribed to.
    QStringList bridgeIds() const; //!< Ids of the bridges the application is subscribed to.
    QStringList endpointIds() const; //!< Endpoints (tech/resource) the application is subscribed to.
    QStringList deviceNames() const; //!< Device states the application is subscribed to.
    //! True after ApplicationReplaced: another connection now receives this application's events.
    bool isReplaced() const;
    ApplicationInfo info() const; //!< The last snapshot Asterisk sent.

Q_SIGNALS:
    void subscriptionsChanged(); //!< Emitted when subscriptions changes (NOTIFY of the property).
    void replacedChanged(bool replaced); //!< Emitted when replaced changes (NOTIFY of the property).
    //! ApplicationRegistered / ApplicationUnregistered.
    void registered();
    void unregistered(); //!< ApplicationUnregistered.
    //! ApplicationReplaced.
    void replaced();

private:
    Application(const QString &name, Client *client, QObject *parent);
    friend class Private::Registry;
    friend class Private::RegistryPrivate;
    std::unique_ptr<ApplicationPrivate> d;
    Q_DECLARE_PRIVATE_D(d, Application)
};

} // namespace QtAri
