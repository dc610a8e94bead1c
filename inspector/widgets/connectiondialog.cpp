// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "connectiondialog.h"

#include "session.h"

#include <QtAri/OutboundServer>

#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

ConnectionDialog::ConnectionDialog(ProfileStore *store, QWidget *parent)
    : QDialog(parent), m_store(store)
{
    setWindowTitle(tr("Connect to an Asterisk server"));
    auto *form = new QFormLayout(this);

    auto *profileRow = new QHBoxLayout;
    m_profiles = new QComboBox(this);
    m_profiles->setObjectName(u"profiles"_s);
    m_profiles->addItems(store->names());
    profileRow->addWidget(m_profiles, 1);
    auto *saveAsButton = new QToolButton(this);
    saveAsButton->setText(tr("Save as…"));
    profileRow->addWidget(saveAsButton);
    auto *deleteButton = new QToolButton(this);
    deleteButton->setText(tr("Delete"));
    profileRow->addWidget(deleteButton);
    form->addRow(tr("Profile:"), profileRow);

    m_url = new QLineEdit(this);
    m_url->setObjectName(u"url"_s);
    m_url->setPlaceholderText(u"http://pbx.example.com:8088"_s);
    form->addRow(tr("Server URL:"), m_url);
    // Asterisk 20.15 / 22.5 and later can dial the Inspector (ari.conf type=outbound_websocket).
    auto *listenRow = new QHBoxLayout;
    m_listen = new QCheckBox(tr("Listen for Asterisk on port"), this);
    m_listen->setObjectName(u"listen"_s);
    m_listen->setToolTip(tr("Asterisk connects to the Inspector (outbound WebSocket); the user and "
                            "password below are what Asterisk must send"));
    listenRow->addWidget(m_listen);
    m_listenPort = new QSpinBox(this);
    m_listenPort->setObjectName(u"listenPort"_s);
    m_listenPort->setRange(1, 65535);
    listenRow->addWidget(m_listenPort);
    listenRow->addStretch(1);
    form->addRow(QString(), listenRow);
    m_restTransport = new QComboBox(this);
    m_restTransport->setObjectName(u"restTransport"_s);
    m_restTransport->addItem(tr("Auto (over the event socket where Asterisk has it)"), u"auto"_s);
    m_restTransport->addItem(tr("HTTP"), u"http"_s);
    m_restTransport->addItem(tr("WebSocket"), u"websocket"_s);
    form->addRow(tr("REST:"), m_restTransport);
    connect(m_listen, &QCheckBox::toggled, this, [this](bool listen) {
        m_url->setEnabled(!listen);
        m_listenPort->setEnabled(listen);
        m_restTransport->setEnabled(!listen); // (Asterisk's socket carries it)
    });
    m_user = new QLineEdit(this);
    m_user->setObjectName(u"user"_s);
    form->addRow(tr("User:"), m_user);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Password:"), m_password);
    m_remember = new QCheckBox(this);
    m_remember->setObjectName(u"rememberPassword"_s);
    form->addRow(QString(), m_remember);
    m_plain = new QCheckBox(tr("Store the password unencrypted in the settings file"), this);
    m_plain->setObjectName(u"plainPassword"_s);
    form->addRow(QString(), m_plain);
    m_apps = new QLineEdit(this);
    m_apps->setObjectName(u"applications"_s);
    m_apps->setPlaceholderText(tr("comma-separated, e.g. qtari-inspector"));
    form->addRow(tr("Applications:"), m_apps);
    m_subscribeAll = new QCheckBox(tr("Receive all events of the server (subscribeAll)"), this);
    form->addRow(QString(), m_subscribeAll);
    m_verifyPeer = new QCheckBox(tr("Verify the server's TLS certificate"), this);
    form->addRow(tr("TLS:"), m_verifyPeer);
    auto *caRow = new QHBoxLayout;
    m_caFile = new QLineEdit(this);
    m_caFile->setPlaceholderText(tr("extra CA certificate (PEM), optional"));
    caRow->addWidget(m_caFile, 1);
    auto *browse = new QToolButton(this);
    browse->setText(tr("…"));
    caRow->addWidget(browse);
    form->addRow(tr("CA file:"), caRow);

    m_status = new QLabel(this);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_status);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    form->addRow(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::tryConnect);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_profiles, &QComboBox::currentTextChanged, this, &ConnectionDialog::loadProfile);
    connect(saveAsButton, &QToolButton::clicked, this, &ConnectionDialog::saveAs);
    connect(deleteButton, &QToolButton::clicked, this, &ConnectionDialog::deleteProfile);
    connect(m_remember, &QCheckBox::toggled, this, &ConnectionDialog::updatePasswordOptions);
    connect(m_plain, &QCheckBox::toggled, this, &ConnectionDialog::updatePasswordOptions);
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("CA certificate"), QString(), tr("Certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });

    const QString last = store->lastUsed();
    if (!last.isEmpty() && store->contains(last))
        m_profiles->setCurrentText(last);
    if (m_profiles->count() == 0)
        setProfile(ProfileStore::defaultProfile());
    else
        loadProfile(m_profiles->currentText());
    resize(480, sizeHint().height());
}

ConnectionDialog::~ConnectionDialog()
{
    delete m_session;
}

void ConnectionDialog::updatePasswordOptions()
{
    if (m_store->keychainEnabled()) {
        m_remember->setText(tr("Remember the password in the system keychain"));
        m_remember->setEnabled(!m_plain->isChecked());
    } else {
        m_remember->setText(tr("No keychain available: the password is asked each time"));
        m_remember->setChecked(false);
        m_remember->setEnabled(false);
    }
}

ConnectionProfile ConnectionDialog::profile() const
{
    ConnectionProfile p;
    p.name = m_profiles->currentText();
    p.url = QUrl::fromUserInput(m_url->text().trimmed());
    p.user = m_user->text().trimmed();
    p.password = m_password->text();
    p.rememberPassword = m_remember->isChecked() && !m_plain->isChecked();
    p.storePlainPassword = m_plain->isChecked();
    p.applications.clear();
    for (const QString &a : m_apps->text().split(u',', Qt::SkipEmptyParts))
        p.applications.append(a.trimmed());
    if (p.applications.isEmpty())
        p.applications = { u"qtari-inspector"_s };
    p.subscribeAll = m_subscribeAll->isChecked();
    p.verifyPeer = m_verifyPeer->isChecked();
    p.caCertificateFile = m_caFile->text().trimmed();
    p.restTransport = m_restTransport->currentData().toString();
    p.listen = m_listen->isChecked();
    p.listenPort = quint16(m_listenPort->value());
    return p;
}

void ConnectionDialog::setProfile(const ConnectionProfile &p)
{
    if (!p.name.isEmpty() && m_profiles->findText(p.name) < 0) {
        const QSignalBlocker block(m_profiles);
        m_profiles->addItem(p.name);
    }
    {
        const QSignalBlocker block(m_profiles);
        m_profiles->setCurrentText(p.name);
    }
    m_url->setText(p.url.toString());
    m_user->setText(p.user);
    m_password->setText(p.password);
    m_remember->setChecked(p.rememberPassword);
    m_plain->setChecked(p.storePlainPassword);
    m_apps->setText(p.applications.join(u", "_s));
    m_subscribeAll->setChecked(p.subscribeAll);
    m_verifyPeer->setChecked(p.verifyPeer);
    m_caFile->setText(p.caCertificateFile);
    m_restTransport->setCurrentIndex(std::max(0, m_restTransport->findData(p.restTransport)));
    m_listenPort->setValue(p.listenPort);
    m_listen->setChecked(p.listen);
    m_url->setEnabled(!p.listen);
    m_listenPort->setEnabled(p.listen);
    m_restTransport->setEnabled(!p.listen);
    updatePasswordOptions();
}

void ConnectionDialog::loadProfile(const QString &name)
{
    if (name.isEmpty())
        return;
    setProfile(m_store->load(name));
    if (m_password->text().isEmpty()) {
        m_store->readPassword(name, this, [this, name](const QString &password) {
            if (m_profiles->currentText() == name && m_password->text().isEmpty())
                m_password->setText(password);
        });
    }
}

void ConnectionDialog::saveAs()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save profile"), tr("Profile name:"),
        QLineEdit::Normal, m_profiles->currentText(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    ConnectionProfile p = profile();
    p.name = name;
    m_store->save(p);
    setProfile(p);
}

void ConnectionDialog::deleteProfile()
{
    const QString name = m_profiles->currentText();
    if (name.isEmpty())
        return;
    m_store->remove(name);
    m_profiles->removeItem(m_profiles->currentIndex());
}

QString ConnectionDialog::errorText() const
{
    return m_error;
}

QPushButton *ConnectionDialog::connectButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void ConnectionDialog::setBusy(bool busy)
{
    connectButton()->setEnabled(!busy);
    if (busy)
        m_status->setText(tr("Connecting…"));
}

void ConnectionDialog::tryConnect()
{
    delete m_session;
    m_error.clear();
    ConnectionProfile p = profile();
    if (!p.listen && (!p.url.isValid() || !p.url.scheme().startsWith(u"http"_s))) {
        m_error = tr("The server URL must start with http:// or https://");
        m_status->setText(m_error);
        return;
    }
    m_session = new Session(p, this);
    setBusy(true);
    Session *session = m_session;
    connect(session, &Session::opened, this, [this, p] {
        if (!p.name.isEmpty()) {
            m_store->save(p);
            m_store->setLastUsed(p.name);
        }
        m_status->setText(tr("Connected"));
        setBusy(false);
        accept();
    });
    connect(session, &Session::openFailed, this, [this](const QtAri::Error &error) {
        // Asterisk's own text when it sent one (e.g. for a wrong password), else ours.
        m_error = error.message();
        if (error.kind() == QtAri::Error::Kind::Http)
            m_status->setText(tr("The server refused: %1 (HTTP %2)")
                                  .arg(error.message())
                                  .arg(error.httpStatus()));
        else
            m_status->setText(tr("Could not connect: %1").arg(error.message()));
        setBusy(false);
        Q_EMIT connectFailed(error);
    });
    session->open();
    if (session->outboundServer() && session->outboundServer()->isListening()) {
        // Nothing to wait for here: the server view shows when Asterisk connects.
        if (!p.name.isEmpty()) {
            m_store->save(p);
            m_store->setLastUsed(p.name);
        }
        setBusy(false);
        accept();
    }
}

Session *ConnectionDialog::takeSession()
{
    Session *s = m_session;
    m_session = nullptr;
    if (s)
        s->setParent(nullptr);
    return s;
}

} // namespace QtAri::Inspector
