// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtAri/mailboxbase.h>
#include <QtAri/mailboxinfo.h>

#include <QtCore/QString>

#include <memory>

namespace QtAri {

class MailboxPrivate;
namespace Private {
class Registry;
class RegistryPrivate;
} // namespace Private

//! \brief A mailbox, identified by its name; updated from the replies that name it.
//!
//! Owned by the Client; stays in the identity map until it is deleted through this client
//! (deleteMailbox() succeeds: ended becomes true and the object is deleted later) or the Client
//! stops. Bound operations (update(), deleteMailbox() …) come from MailboxBase.
class QTARI_EXPORT Mailbox : public MailboxBase
{
    Q_OBJECT
    Q_PROPERTY(QString name READ name CONSTANT FINAL)
    Q_PROPERTY(int oldMessages READ oldMessages NOTIFY oldMessagesChanged FINAL)
    Q_PROPERTY(int newMessages READ newMessages NOTIFY newMessagesChanged FINAL)
    Q_PROPERTY(bool ended READ isEnded NOTIFY endedChanged FINAL)
public:
    ~Mailbox() override;

    QString name() const; //!< The mailbox's name.
    int oldMessages() const; //!< Number of old messages.
    int newMessages() const; //!< Number of new messages.
    MailboxInfo info() const; //!< The last snapshot Asterisk sent.
    //! The mailbox was deleted on the server; the object leaves the identity map.
    bool isEnded() const;

Q_SIGNALS:
    void oldMessagesChanged(int oldMessages); //!< Emitted when oldMessages changes (NOTIFY of the property).
    void newMessagesChanged(int newMessages); //!< Emitted when newMessages changes (NOTIFY of the property).
    void endedChanged(bool ended); //!< Emitted when ended changes (NOTIFY of the property).

private:
    Mailbox(const QString &name, Client *client, QObject *parent);
    friend class Private::Registry;
    friend class Private::RegistryPrivate;
    std::unique_ptr<MailboxPrivate> d;
    Q_DECLARE_PRIVATE_D(d, Mailbox)
};

} // namespace QtAri
