// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Client over https/wss: certificate verification on by default, extra CAs, explicit opt-out.
// The simulator speaks plain HTTP; an in-test TLS proxy (QSslServer) sits in front of it with a
// certificate made for this run by the openssl command (the test skips without it).

#include <QtAri/ChannelsApi>
#include <QtAri/Client>
#include <QtAri/Testing/Simulator>

#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslKey>
#include <QtNetwork/QSslServer>
#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include "coretestutil.h"

#include <memory>

using namespace Qt::StringLiterals;
using QtAri::Client;
using QtAri::Error;

namespace {

// Terminates TLS and pipes the bytes to a plain TCP port.
class TlsProxy : public QSslServer
{
public:
    TlsProxy(const QSslConfiguration &configuration, quint16 target) : m_target(target)
    {
        setSslConfiguration(configuration);
        connect(this, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *incoming = nextPendingConnection())
                pipe(incoming);
        });
        listen(QHostAddress::LocalHost, 0);
    }

private:
    void pipe(QTcpSocket *incoming)
    {
        auto *outgoing = new QTcpSocket(incoming);
        connect(incoming, &QTcpSocket::readyRead, outgoing,
                [incoming, outgoing] { outgoing->write(incoming->readAll()); });
        connect(outgoing, &QTcpSocket::readyRead, incoming,
                [incoming, outgoing] { incoming->write(outgoing->readAll()); });
        connect(incoming, &QTcpSocket::disconnected, incoming, &QObject::deleteLater);
        connect(outgoing, &QTcpSocket::disconnected, incoming,
                [incoming] { incoming->disconnectFromHost(); });
        outgoing->connectToHost(QHostAddress::LocalHost, m_target);
    }
    quint16 m_target;
};

} // namespace

class tst_ClientTls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void untrustedCertificateFailsWithTlsError();
    void extraCaIsTrusted();
    void verifyPeerOptOut();

private:
    std::unique_ptr<Client> makeClient();

    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
    std::unique_ptr<QtAri::Testing::Simulator> m_sim;
    std::unique_ptr<TlsProxy> m_proxy;
};

void tst_ClientTls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QVERIFY(m_dir.isValid());
    if (const QString why = makeTestCertificate(m_dir.path(), &m_certificate, &m_key); !why.isEmpty())
        QSKIP(qPrintable(why));
}

void tst_ClientTls::init()
{
    m_sim = std::make_unique<QtAri::Testing::Simulator>();
    QVERIFY(m_sim->start());
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(m_certificate);
    configuration.setPrivateKey(m_key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_proxy = std::make_unique<TlsProxy>(configuration, m_sim->port());
    QVERIFY(m_proxy->isListening());
}

void tst_ClientTls::cleanup()
{
    m_proxy.reset();
    m_sim.reset();
}

std::unique_ptr<Client> tst_ClientTls::makeClient()
{
    auto client = std::make_unique<Client>();
    client->setUrl(QUrl(u"https://127.0.0.1:%1"_s.arg(m_proxy->serverPort())));
    client->setCredentials(u"asterisk"_s, u"asterisk"_s);
    client->setApplicationNames({ u"tls-app"_s });
    client->setRequestTimeout(60000); // failures must come from verification, not a timeout
    return client;
}

void tst_ClientTls::untrustedCertificateFailsWithTlsError()
{
    auto client = makeClient();
    QVERIFY(client->verifyPeer());
    auto future = client->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
    QVERIFY(!future.result().has_value());
    const Error error = future.result().error();
    QCOMPARE(error.kind(), Error::Kind::Network);
    QVERIFY2(error.message().contains(u"SSL"_s, Qt::CaseInsensitive)
                     || error.message().contains(u"TLS"_s, Qt::CaseInsensitive)
                     || error.message().contains(u"certificate"_s, Qt::CaseInsensitive),
             qPrintable(error.message()));
    QCOMPARE(client->state(), Client::State::Disconnected);
    QCOMPARE(m_sim->webSocketCount(), 0);

    // REST calls are refused the same way.
    auto list = client->channels()->list();
    QTRY_VERIFY_WITH_TIMEOUT(list.isFinished(), 10000);
    QCOMPARE(list.result().error().kind(), Error::Kind::Network);
}

void tst_ClientTls::extraCaIsTrusted()
{
    auto client = makeClient();
    client->addCaCertificates({ m_certificate });
    auto future = client->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
    QVERIFY(future.result().has_value());
    QCOMPARE(client->state(), Client::State::Connected);
    QSignalSpy started(client.get(), &Client::stasisStarted);
    m_sim->startCall(u"tls-app"_s);
    QTRY_COMPARE(started.size(), 1);
}

void tst_ClientTls::verifyPeerOptOut()
{
    auto client = makeClient();
    client->setVerifyPeer(false);
    auto future = client->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
    QVERIFY(future.result().has_value());
    auto list = client->channels()->list();
    QTRY_VERIFY(list.isFinished());
    QVERIFY(list.result().has_value());
}

QTEST_GUILESS_MAIN(tst_ClientTls)
#include "tst_client_tls.moc"
