// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include "profiles.h"

#include <QtCore/QPointer>
#include <QtWidgets/QDialog>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
QT_END_NAMESPACE

namespace QtAri {
class Error;
}

namespace QtAri::Inspector {

class Session;

//! \brief Picks or edits a saved profile and connects to it.
//!
//! "Connect" tries the server first and stays open showing Asterisk's message when that fails
//! (wrong password, unreachable, bad certificate); on success the profile is saved, the dialog
//! is accepted and takeSession() hands over the connected session.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(ProfileStore *store, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    ConnectionProfile profile() const;
    void setProfile(const ConnectionProfile &profile);

    //! The connected session (the caller owns it), once the dialog was accepted.
    Session *takeSession();

    //! The error shown after a failed attempt ("" if none).
    QString errorText() const;
    QPushButton *connectButton() const;
    QLineEdit *passwordEdit() const { return m_password; }

    //! Starts a connection attempt (what the Connect button does).
    void tryConnect();

Q_SIGNALS:
    void connectFailed(const QtAri::Error &error);

private:
    void loadProfile(const QString &name);
    void saveAs();
    void deleteProfile();
    void setBusy(bool busy);
    void updatePasswordOptions();

    ProfileStore *m_store;
    QComboBox *m_profiles;
    QLineEdit *m_url;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QCheckBox *m_plain;
    QLineEdit *m_apps;
    QCheckBox *m_subscribeAll;
    QCheckBox *m_listen;
    QSpinBox *m_listenPort;
    QComboBox *m_restTransport;
    QCheckBox *m_verifyPeer;
    QLineEdit *m_caFile;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    Session *m_session = nullptr;
    QString m_error;
};

} // namespace QtAri::Inspector
