// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "profiles.h"

#include <QtCore/QLoggingCategory>
#include <QtCore/QPointer>
#include <QtCore/QSettings>

#ifdef QTARI_INSPECTOR_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcInspectorProfiles, "qtari.inspector.profiles", QtInfoMsg)

namespace QtAri::Inspector {

namespace {
    constexpr auto keychainService = "qtari-inspector"_L1;

    QString groupOf(const QString &name)
    {
        // QSettings treats '/' and '\' as separators: keep each profile in one group.
        return u"profiles/"_s + QString::fromLatin1(QUrl::toPercentEncoding(name));
    }
} // namespace

ProfileStore::ProfileStore(QSettings *settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{
    if (!m_settings) {
        m_own = std::make_unique<QSettings>();
        m_settings = m_own.get();
    }
#ifdef QTARI_INSPECTOR_HAVE_KEYCHAIN
    m_keychain = true;
#else
    m_keychain = false;
#endif
}

ProfileStore::~ProfileStore() = default;

ConnectionProfile ProfileStore::defaultProfile()
{
    ConnectionProfile p;
    p.name = u"localhost"_s;
    p.url = QUrl(u"http://127.0.0.1:8088"_s);
    p.user = u"asterisk"_s;
    p.applications = { u"qtari-inspector"_s };
    return p;
}

QStringList ProfileStore::names() const
{
    m_settings->beginGroup(u"profiles"_s);
    const QStringList groups = m_settings->childGroups();
    m_settings->endGroup();
    QStringList out;
    for (const QString &g : groups)
        out.append(QUrl::fromPercentEncoding(g.toLatin1()));
    out.sort(Qt::CaseInsensitive);
    return out;
}

bool ProfileStore::contains(const QString &name) const
{
    return names().contains(name);
}

ConnectionProfile ProfileStore::load(const QString &name) const
{
    ConnectionProfile p = defaultProfile();
    p.name = name;
    m_settings->beginGroup(groupOf(name));
    p.url = QUrl(m_settings->value(u"url"_s, p.url.toString()).toString());
    p.user = m_settings->value(u"user"_s, p.user).toString();
    p.applications = m_settings->value(u"applications"_s, p.applications).toStringList();
    p.subscribeAll = m_settings->value(u"subscribeAll"_s, p.subscribeAll).toBool();
    p.verifyPeer = m_settings->value(u"verifyPeer"_s, p.verifyPeer).toBool();
    p.restTransport = m_settings->value(u"restTransport"_s, p.restTransport).toString();
    p.listen = m_settings->value(u"listen"_s, p.listen).toBool();
    p.listenPort = quint16(m_settings->value(u"listenPort"_s, p.listenPort).toUInt());
    p.caCertificateFile = m_settings->value(u"caCertificateFile"_s).toString();
    p.rememberPassword = m_settings->value(u"rememberPassword"_s, false).toBool();
    p.storePlainPassword = m_settings->value(u"storePlainPassword"_s, false).toBool();
    if (p.storePlainPassword)
        p.password = m_settings->value(u"password"_s).toString();
    m_settings->endGroup();
    return p;
}

void ProfileStore::save(const ConnectionProfile &profile)
{
    if (profile.name.isEmpty())
        return;
    m_settings->beginGroup(groupOf(profile.name));
    m_settings->setValue(u"url"_s, profile.url.toString());
    m_settings->setValue(u"user"_s, profile.user);
    m_settings->setValue(u"applications"_s, profile.applications);
    m_settings->setValue(u"subscribeAll"_s, profile.subscribeAll);
    m_settings->setValue(u"verifyPeer"_s, profile.verifyPeer);
    m_settings->setValue(u"restTransport"_s, profile.restTransport);
    m_settings->setValue(u"listen"_s, profile.listen);
    m_settings->setValue(u"listenPort"_s, profile.listenPort);
    m_settings->setValue(u"caCertificateFile"_s, profile.caCertificateFile);
    m_settings->setValue(u"rememberPassword"_s, profile.rememberPassword);
    m_settings->setValue(u"storePlainPassword"_s, profile.storePlainPassword);
    if (profile.storePlainPassword)
        m_settings->setValue(u"password"_s, profile.password);
    else
        m_settings->remove(u"password"_s);
    m_settings->endGroup();
    m_settings->sync();

    if (profile.rememberPassword && !profile.storePlainPassword && !profile.password.isEmpty())
        writeKeychain(profile.name, profile.password);
    else if (!profile.rememberPassword)
        deleteKeychain(profile.name);
}

void ProfileStore::remove(const QString &name)
{
    m_settings->remove(groupOf(name));
    m_settings->sync();
    deleteKeychain(name);
}

QString ProfileStore::lastUsed() const
{
    return m_settings->value(u"lastProfile"_s).toString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    m_settings->setValue(u"lastProfile"_s, name);
}

bool ProfileStore::keychainEnabled() const
{
    return m_keychain;
}

void ProfileStore::setKeychainEnabled(bool enabled)
{
#ifdef QTARI_INSPECTOR_HAVE_KEYCHAIN
    m_keychain = enabled;
#else
    Q_UNUSED(enabled);
#endif
}

void ProfileStore::readPassword(
    const QString &name, QObject *context, std::function<void(const QString &)> done) const
{
    const ConnectionProfile p = load(name);
    if (p.storePlainPassword || !p.rememberPassword || !m_keychain) {
        done(p.password);
        return;
    }
#ifdef QTARI_INSPECTOR_HAVE_KEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(keychainService);
    job->setKey(name);
    job->setInsecureFallback(false);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, context,
        [job, guard, done = std::move(done)](QKeychain::Job *) {
            if (!guard)
                return;
            if (job->error() != QKeychain::NoError) {
                qCInfo(lcInspectorProfiles) << "keychain:" << job->errorString();
                done(QString());
                return;
            }
            done(job->textData());
        });
    job->start();
#else
    Q_UNUSED(context);
#endif
}

void ProfileStore::writeKeychain(const QString &name, const QString &password)
{
#ifdef QTARI_INSPECTOR_HAVE_KEYCHAIN
    if (!m_keychain)
        return;
    auto *job = new QKeychain::WritePasswordJob(keychainService);
    job->setKey(name);
    job->setInsecureFallback(false); // never fall back to a plain-text file
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [job](QKeychain::Job *) {
        if (job->error() != QKeychain::NoError)
            qCWarning(lcInspectorProfiles)
                << "password not saved in the keychain:" << job->errorString();
    });
    job->start();
#else
    Q_UNUSED(name);
    Q_UNUSED(password);
#endif
}

void ProfileStore::deleteKeychain(const QString &name)
{
#ifdef QTARI_INSPECTOR_HAVE_KEYCHAIN
    if (!m_keychain)
        return;
    auto *job = new QKeychain::DeletePasswordJob(keychainService);
    job->setKey(name);
    job->start();
#else
    Q_UNUSED(name);
#endif
}

} // namespace QtAri::Inspector
