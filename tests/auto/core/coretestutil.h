// Helpers shared by the client's tests: waiting for a future, and a TLS certificate for 127.0.0.1.
#pragma once

#include <QtCore/QDir>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QFuture>
#include <QtCore/QFutureWatcher>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QString>
#include <QtCore/QTimer>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslKey>

#include <cstdlib>

//! Runs the event loop until \a future finishes; a future still pending after \a ms is a bug
//! (every QtAri future completes), which ends the test program.
template<class T>
T await(QFuture<T> future, int ms = 10000)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(ms, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    if (!future.isFinished())
        qFatal("a future did not finish within %d ms", ms);
    return future.result();
}

//! A self-signed certificate and key for 127.0.0.1, made in \a dir by the openssl command.
//! Returns an empty string on success, else why not (no openssl: the caller skips).
inline QString makeTestCertificate(const QString &dir, QSslCertificate *certificate, QSslKey *key)
{
    using namespace Qt::StringLiterals;
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        return u"the openssl command is needed to make a test certificate"_s;
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(openssl, { u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                             u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-days"_s, u"2"_s,
                             u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                             u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, u"key.pem"_s,
                             u"-out"_s, u"cert.pem"_s });
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return u"openssl failed: "_s + QString::fromLocal8Bit(process.readAllStandardError());
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(QDir(dir).filePath(u"cert.pem"_s));
    QFile keyFile(QDir(dir).filePath(u"key.pem"_s));
    if (certificates.size() != 1 || !keyFile.open(QIODevice::ReadOnly))
        return u"openssl wrote no certificate"_s;
    *certificate = certificates.first();
    *key = QSslKey(&keyFile, QSsl::Ec);
    return key->isNull() ? u"openssl wrote no key"_s : QString();
}
