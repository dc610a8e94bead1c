// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtAri/soundbase.h>
#include <QtAri/soundinfo.h>

#include <QtCore/QString>

#include <memory>

namespace QtAri {

class SoundPrivate;
namespace Private {
class Registry;
class RegistryPrivate;
} // namespace Private

//! \brief A sound of the server's catalogue, identified by its id ("hello-world").
//!
//! Owned by the Client; stays in the identity map until the Client stops.
class QTARI_EXPORT Sound : public SoundBase
{
    Q_OBJECT
    Q_PROPERTY(QString text READ text NOTIFY textChanged FINAL)
public:
    ~Sound() override;

    //! The sound's description, if the server has one.
    QString text() const;
    SoundInfo info() const; //!< The last snapshot Asterisk sent.

Q_SIGNALS:
    void textChanged(const QString &text); //!< Emitted when text changes (NOTIFY of the property).

private:
    Sound(const QString &id, Client *client, QObject *parent);
    friend class Private::Registry;
    friend class Private::RegistryPrivate;
    std::unique_ptr<SoundPrivate> d;
    Q_DECLARE_PRIVATE_D(d, Sound)
};

} // namespace QtAri
