// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

#include <functional>

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

namespace QtAri::Inspector {

//! One saved server: everything needed to connect except (usually) the password.
struct ConnectionProfile
{
    QString name;
    QUrl url; //!< http(s)://host:port[/prefix], without /ari
    QString user;
    QString password; //!< never written to the settings unless storePlainPassword
    QStringList applications; //!< ARI applications to register
    bool subscribeAll = true; //!< receive every event, not only those of our applications
    //! How REST travels: "auto" (over the event socket where Asterisk has it), "http", "websocket".
    QString restTransport = QStringLiteral("auto");
    //! Listen for Asterisk instead of connecting (ari.conf type=outbound_websocket): Asterisk
    //! dials listenPort with user/password; url is not used.
    bool listen = false;
    quint16 listenPort = 8765; //!< where to listen when listen is set
    bool verifyPeer = true; //!< TLS: check the server certificate
    QString caCertificateFile; //!< TLS: an extra CA (PEM) to trust
    bool rememberPassword = false; //!< keep the password in the system keychain
    bool storePlainPassword = false; //!< explicit opt-in: keep it in the settings file, unencrypted

    bool operator==(const ConnectionProfile &) const = default;
};

//! \brief Saved connection profiles in QSettings, passwords in the system keychain.
//!
//! Profiles live under "profiles/<name>" in the given QSettings. A password is kept in the keychain
//! (QtKeychain, service "qtari-inspector") when the profile asks to remember it and a keychain is
//! available; otherwise it is asked for each time. Only with storePlainPassword does it go into the
//! settings file.
class ProfileStore : public QObject
{
    Q_OBJECT
public:
    //! Uses \a settings (not owned; must outlive the store), or the application's QSettings.
    explicit ProfileStore(QSettings *settings = nullptr, QObject *parent = nullptr);
    ~ProfileStore() override;

    QStringList names() const;
    bool contains(const QString &name) const;
    //! The saved profile (with the password only if stored in plain text), or one named \a name
    //! with defaults.
    ConnectionProfile load(const QString &name) const;
    //! Saves the profile; its password goes where the profile says (keychain, settings, nowhere).
    void save(const ConnectionProfile &profile);
    void remove(const QString &name);

    QString lastUsed() const;
    void setLastUsed(const QString &name);

    //! Whether QtKeychain was built in and is not switched off.
    bool keychainEnabled() const;
    //! Switch the keychain off (tests, or a machine without one).
    void setKeychainEnabled(bool enabled);

    //! Looks up the keychain password of \a name; \a done gets it, or "" if none. Runs \a done
    //! later on the event loop unless nothing needs asking (then at once). \a context guards it.
    void readPassword(
        const QString &name, QObject *context, std::function<void(const QString &)> done) const;

    static ConnectionProfile defaultProfile();

private:
    void writeKeychain(const QString &name, const QString &password);
    void deleteKeychain(const QString &name);

    QSettings *m_settings;
    std::unique_ptr<QSettings> m_own;
    bool m_keychain;
};

} // namespace QtAri::Inspector
