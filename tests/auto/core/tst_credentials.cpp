// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Credentials never leak (issue 9, section 5). A whole session against the simulator, with a
// password made for this run and every qtari category at debug level: connect, operations, failing
// requests, a timeout, socket drops and reconnects, a refused reconnect, a wrong password, and
// credentials given inside the URL. Afterwards no log line, no qDebug() of Client, Request,
// Response, Error or Event and no error text holds the password, "user:password" or its Basic
// (base64) form.

#include <QtAri/Channel>
#include <QtAri/ChannelsApi>
#include <QtAri/Client>
#include <QtAri/HttpTransport>
#include <QtAri/Testing/Simulator>

#include <QtCore/QDebug>
#include <QtCore/QLoggingCategory>
#include <QtCore/QMutex>
#include <QtCore/QPointer>
#include <QtCore/QUrlQuery>
#include <QtCore/QUuid>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;
using QtAri::Client;
using QtAri::Error;

namespace {

struct Captured
{
    QString category;
    QString text;
};

QMutex g_mutex;
QList<Captured> g_lines;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    {
        QMutexLocker lock(&g_mutex);
        g_lines.append({ QString::fromLatin1(context.category ? context.category : ""), text });
    }
    if (g_previous && type != QtDebugMsg && type != QtInfoMsg)
        g_previous(type, context, text);
}

template <class T> QString debugText(const T &value)
{
    QString text;
    QDebug(&text) << value;
    return text;
}

// What went wrong, for a failure message (empty on success; error() must not be called then).
template <class R> QByteArray failureText(const R &result)
{
    return result.has_value() ? QByteArray() : result.error().toString().toUtf8();
}

template <class Future> bool waitFor(const Future &future, int ms = 10000)
{
    QDeadlineTimer deadline(ms);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(10);
    return future.isFinished();
}

} // namespace

class tst_Credentials : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void wholeSessionLeaksNothing();

private:
    void note(const QString &text) { m_texts.append(text); }
    void noteError(const Error &error)
    {
        m_texts << error.toString() << error.message() << debugText(error);
    }
    template <class R> void noteResult(const R &result)
    {
        if (!result.has_value())
            noteError(result.error());
    }
    std::unique_ptr<Client> makeClient(
        const QUrl &url, const QString &user, const QString &password);

    QString m_user = u"leakcheck"_s;
    QString m_password;
    QStringList m_texts; // every debug dump and error text of the session
};

void tst_Credentials::initTestCase()
{
    // Characters that a URL, a query or a log line would each treat differently.
    m_password = u"Lk"_s + QUuid::createUuid().toString(QUuid::Id128) + u"@/?&=+ %#"_s;
    // The same as QT_LOGGING_RULES="qtari.*.debug=true", set from here so ctest needs no setup.
    QLoggingCategory::setFilterRules(u"qtari.*.debug=true"_s);
    g_previous = qInstallMessageHandler(capture);
}

void tst_Credentials::cleanupTestCase()
{
    qInstallMessageHandler(g_previous);
    QLoggingCategory::setFilterRules(QString());
}

std::unique_ptr<Client> tst_Credentials::makeClient(
    const QUrl &url, const QString &user, const QString &password)
{
    auto client = std::make_unique<Client>();
    client->setUrl(url);
    if (!user.isEmpty())
        client->setCredentials(user, password);
    client->setApplicationNames({ u"leak-app"_s });
    client->setRequestTimeout(1500);
    client->setKeepalive(200, 400);
    QtAri::ReconnectPolicy policy;
    policy.setInitialDelay(50);
    policy.setMaxDelay(200);
    client->setReconnectPolicy(policy);
    connect(client.get(), &Client::errorOccurred, this, [this](const Error &e) { noteError(e); });
    connect(client.get(), &Client::eventReceived, this,
        [this](const QtAri::Event &event) { note(debugText(event)); });
    return client;
}

void tst_Credentials::wholeSessionLeaksNothing()
{
    QtAri::Testing::Simulator sim;
    sim.addUser(m_user, m_password);
    QVERIFY(sim.start());

    auto client = makeClient(sim.url(), m_user, m_password);
    auto connecting = client->connectToServer();
    QVERIFY(waitFor(connecting));
    QVERIFY2(connecting.result().has_value(), failureText(connecting.result()).constData());
    note(debugText(client.get()));
    note(client->url().toString());
    note(debugText(client->url()));

    // Operations on a call.
    QSignalSpy started(client.get(), &Client::stasisStarted);
    const QString callId = sim.startCall(u"leak-app"_s);
    QTRY_COMPARE(started.size(), 1);
    QPointer<QtAri::Channel> channel = client->channel(callId);
    QVERIFY(channel);
    note(debugText(channel.data()));
    auto answered = channel->answer();
    QVERIFY(waitFor(answered));
    noteResult(answered.result());
    auto played = channel->play({ u"sound:hello-world"_s });
    QVERIFY(waitFor(played));
    noteResult(played.result());
    QtAri::Channel *outgoing = client->newChannel();
    auto originated = outgoing->originate(u"PJSIP/leak"_s, { .app = u"leak-app"_s });
    QVERIFY(waitFor(originated));
    noteResult(originated.result());

    // A request and its response straight through the transport.
    const auto request = QtAri::ChannelsApi::listRequest();
    QVERIFY(request.has_value());
    note(debugText(*request));
    auto response = client->transport()->send(*request);
    QVERIFY(waitFor(response));
    QVERIFY(response.result().has_value());
    note(debugText(*response.result()));
    if (auto *http = qobject_cast<QtAri::HttpTransport *>(client->transport()))
        note(http->urlFor(*request).toString());

    // Failing requests: 404, an injected 500, a timeout.
    auto missing = client->channels()->get(u"no-such-channel"_s);
    QVERIFY(waitFor(missing));
    QVERIFY(!missing.result().has_value());
    noteResult(missing.result());
    sim.failRestRequests(1, 500);
    auto failed = client->channels()->list();
    QVERIFY(waitFor(failed));
    QVERIFY(!failed.result().has_value());
    noteResult(failed.result());
    sim.setRestDelay(5000);
    auto slow = client->channels()->list();
    QVERIFY(waitFor(slow, 15000));
    QCOMPARE(slow.result().error().kind(), Error::Kind::Timeout);
    noteResult(slow.result());
    sim.setRestDelay(0);

    // Socket drops and reconnects, one of them refused for a while.
    QSignalSpy connectedAgain(client.get(), &Client::connected);
    sim.dropWebSockets();
    QTRY_COMPARE_WITH_TIMEOUT(connectedAgain.size(), 1, 15000);
    sim.setRefuseConnections(true);
    sim.dropWebSockets(QWebSocketProtocol::CloseCodeAbnormalDisconnection);
    QTRY_VERIFY_WITH_TIMEOUT(client->state() == Client::State::Reconnecting, 10000);
    QTest::qWait(500);
    sim.setRefuseConnections(false);
    QTRY_COMPARE_WITH_TIMEOUT(connectedAgain.size(), 2, 15000);
    // A stalled socket: no pongs, so the keepalive declares it dead.
    sim.setWebSocketsStalled(true);
    QTRY_VERIFY_WITH_TIMEOUT(client->state() != Client::State::Connected, 10000);
    sim.setWebSocketsStalled(false);
    QTRY_COMPARE_WITH_TIMEOUT(connectedAgain.size(), 3, 15000);
    sim.hangupChannel(callId);
    client->disconnectFromServer();

    // A wrong password (itself a secret: it is the real one with a suffix).
    const QString wrongPassword = m_password + u"-wrong"_s;
    auto wrong = makeClient(sim.url(), m_user, wrongPassword);
    auto refused = wrong->connectToServer();
    QVERIFY(waitFor(refused));
    QVERIFY(!refused.result().has_value());
    QCOMPARE(refused.result().error().httpStatus(), 401);
    noteResult(refused.result());
    auto refusedList = wrong->channels()->list();
    QVERIFY(waitFor(refusedList));
    noteResult(refusedList.result());

    // Credentials inside the URL: user info, and api_key in the query.
    QUrl withUserInfo = sim.url();
    withUserInfo.setUserName(m_user);
    withUserInfo.setPassword(m_password);
    QUrl withApiKey = sim.url();
    QUrlQuery query;
    query.addQueryItem(
        u"api_key"_s, QString::fromLatin1(QUrl::toPercentEncoding(m_user + u':' + m_password)));
    withApiKey.setQuery(query);
    for (const QUrl &url : { withUserInfo, withApiKey }) {
        auto inUrl = makeClient(url, QString(), QString());
        note(inUrl->url().toString());
        note(debugText(inUrl->url()));
        note(debugText(inUrl.get()));
        auto ok = inUrl->connectToServer();
        QVERIFY(waitFor(ok));
        QVERIFY2(ok.result().has_value(), failureText(ok.result()).constData());
        auto list = inUrl->channels()->list();
        QVERIFY(waitFor(list));
        QVERIFY(list.result().has_value());
        inUrl->disconnectFromServer();
    }
    // A closed port, to have a network error in the session too.
    sim.stop();
    auto gone = makeClient(QUrl(u"http://127.0.0.1:%1"_s.arg(sim.port())), m_user, m_password);
    auto unreachable = gone->connectToServer();
    QVERIFY(waitFor(unreachable));
    noteResult(unreachable.result());
    gone.reset();
    wrong.reset();
    client.reset();

    // The debug logging really was on and saw the session.
    QList<Captured> lines;
    {
        QMutexLocker lock(&g_mutex);
        lines = g_lines;
    }
    int restLines = 0;
    int socketLines = 0;
    for (const Captured &line : std::as_const(lines)) {
        restLines += line.category == u"qtari.rest";
        socketLines += line.category == u"qtari.socket";
    }
    QVERIFY2(restLines >= 20, qPrintable(QString::number(restLines)));
    QVERIFY2(socketLines >= 5, qPrintable(QString::number(socketLines)));
    QVERIFY(m_texts.size() >= 20);

    QStringList secrets;
    for (const QString &password : { m_password, wrongPassword }) {
        const QString pair = m_user + u':' + password;
        secrets << password << pair << QString::fromLatin1(pair.toUtf8().toBase64())
                << QString::fromLatin1(QUrl::toPercentEncoding(password))
                << QString::fromLatin1(QUrl::toPercentEncoding(pair))
                << QString::fromLatin1(password.toUtf8().toBase64());
    }
    // The run-unique part alone, in case something cut the password at a special character.
    secrets << m_password.mid(2, 32);
    qsizetype checked = 0;
    for (const QString &secret : std::as_const(secrets)) {
        for (const Captured &line : std::as_const(lines)) {
            QVERIFY2(!line.text.contains(secret),
                qPrintable(
                    u"log line on %1 leaks a credential: %2"_s.arg(line.category, line.text)));
            ++checked;
        }
        for (const QString &text : std::as_const(m_texts))
            QVERIFY2(!text.contains(secret), qPrintable(u"leaks a credential: "_s + text));
    }
    qInfo() << lines.size() << "log lines and" << m_texts.size() << "texts checked against"
            << secrets.size() << "forms of the credentials";
    QVERIFY(checked > 0);
}

QTEST_GUILESS_MAIN(tst_Credentials)
#include "tst_credentials.moc"
