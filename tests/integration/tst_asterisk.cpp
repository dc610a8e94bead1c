// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// QtAri against a real Asterisk (issue 9, section 6). Runs only when QTARI_TEST_ASTERISK_URL names
// a server (see README.md beside this file for the dialplan and ari.conf it needs); every test
// skips otherwise. QTARI_TEST_ASTERISK_SIM=<path to ari-sim> runs the same suite against a
// simulator that the test starts itself (that is how CI checks the suite; it also restarts the
// simulator for the restart case). The client runs in the default mode (subscribeAll off)
// throughout, and after every case the mirror (liveChannels(), liveBridges(), ChannelModel,
// BridgeModel) must equal the server's listings restricted to what the application covers.

#include <QtAri/ApplicationsApi>
#include <QtAri/Bridge>
#include <QtAri/BridgeModel>
#include <QtAri/BridgesApi>
#include <QtAri/Channel>
#include <QtAri/ChannelModel>
#include <QtAri/ChannelsApi>
#include <QtAri/Client>
#include <QtAri/DeviceState>
#include <QtAri/DeviceStatesApi>
#include <QtAri/LiveRecording>
#include <QtAri/Mailbox>
#include <QtAri/MailboxesApi>
#include <QtAri/Playback>
#include <QtAri/RecordingsApi>

#include <QtCore/QDeadlineTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtCore/QUuid>
#include <QtNetwork/QTcpServer>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;
using QtAri::Bridge;
using QtAri::Channel;
using QtAri::Client;
using QtAri::Error;

namespace {

QString env(const char *name, const QString &fallback = QString())
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? fallback : value;
}

// What went wrong, for a failure message (empty on success; error() must not be called then).
template <class R> QByteArray failureText(const R &result)
{
    return result.has_value() ? QByteArray() : result.error().toString().toUtf8();
}

template <class Future> bool waitFor(const Future &future, int ms = 15000)
{
    QDeadlineTimer deadline(ms);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(10);
    return future.isFinished();
}

#define AWAIT_OK(future)                                                                           \
    do {                                                                                           \
        QVERIFY2(waitFor(future), "no answer from the server");                                    \
        QVERIFY2((future).result().has_value(), failureText((future).result()).constData());       \
    } while (false)

// A short unique prefix per run, so that runs (and other users of a shared server) never collide.
const QString kRun = QUuid::createUuid().toString(QUuid::Id128).left(8);

} // namespace

class tst_Asterisk : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void connectWrongPasswordClosedPort();
    void preCreatedChannelOriginateAnswerPlayHangup();
    void twoCallsBridgedThenBridgeDestroyed();
    void dtmf();
    void dialplanStasisCallAfterReconnect();
    void recordAndDownload();
    void idsWithReservedCharacters_data();
    void idsWithReservedCharacters();
    void applicationSubscribeAndEventFilter();
    void deviceStatesAndMailboxes();
    void reconnectAcrossRestart();

private:
    bool startSimulator(quint16 port = 0);
    std::unique_ptr<Client> makeClient(const QString &password) const;
    Channel *callIntoStasis(const QString &exten, const QString &id = QString());
    void verifyMirror();
    QString app() const { return m_app; }

    QUrl m_url;
    QString m_user;
    QString m_password;
    QString m_app;
    QString m_context;
    QString m_skip;
    QString m_simPath;
    std::unique_ptr<QProcess> m_sim;
    std::unique_ptr<Client> m_client;
    std::unique_ptr<QtAri::ChannelModel> m_channelModel;
    std::unique_ptr<QtAri::BridgeModel> m_bridgeModel;
    std::unique_ptr<QAbstractItemModelTester> m_channelTester;
    std::unique_ptr<QAbstractItemModelTester> m_bridgeTester;
    QSet<QString> m_ours; // ids of objects this test created
    QSet<QString> m_inStasis; // channels in our application right now
};

bool tst_Asterisk::startSimulator(quint16 port)
{
    m_sim = std::make_unique<QProcess>();
    m_sim->setProcessChannelMode(QProcess::MergedChannels);
    m_sim->start(m_simPath,
        { u"--port"_s, QString::number(port), u"--user"_s, m_user, u"--password"_s, m_password });
    if (!m_sim->waitForStarted(10000))
        return false;
    static const QRegularExpression listening(u"listening on (http://\\S+)"_s);
    QDeadlineTimer deadline(15000);
    QByteArray output;
    while (!deadline.hasExpired()) {
        m_sim->waitForReadyRead(200);
        output += m_sim->readAll();
        const auto match = listening.match(QString::fromLocal8Bit(output));
        if (match.hasMatch()) {
            m_url = QUrl(match.captured(1).remove(u'"'));
            return true;
        }
    }
    return false;
}

void tst_Asterisk::initTestCase()
{
    m_user = env("QTARI_TEST_ASTERISK_USER", u"asterisk"_s);
    m_password = env("QTARI_TEST_ASTERISK_PASSWORD", u"asterisk"_s);
    m_app = env("QTARI_TEST_ASTERISK_APP", u"qtari-it"_s);
    m_context = env("QTARI_TEST_ASTERISK_CONTEXT", u"ari-test"_s);
    m_simPath = env("QTARI_TEST_ASTERISK_SIM");
    if (!m_simPath.isEmpty()) {
        QVERIFY2(startSimulator(), qPrintable(u"could not start "_s + m_simPath));
    } else if (const QString url = env("QTARI_TEST_ASTERISK_URL"); !url.isEmpty()) {
        m_url = QUrl(url);
        QVERIFY2(m_url.isValid() && !m_url.host().isEmpty(), qPrintable(url));
    } else {
        m_skip = u"set QTARI_TEST_ASTERISK_URL (and _USER, _PASSWORD) to a real Asterisk, or "
                 "QTARI_TEST_ASTERISK_SIM to an ari-sim binary; see tests/integration/README.md"_s;
    }
    qInfo().noquote() << "integration target:" << (m_skip.isEmpty() ? m_url.toString() : m_skip);
}

void tst_Asterisk::cleanupTestCase()
{
    if (m_sim) {
        m_sim->kill();
        m_sim->waitForFinished(5000);
    }
}

std::unique_ptr<Client> tst_Asterisk::makeClient(const QString &password) const
{
    auto client = std::make_unique<Client>();
    client->setUrl(m_url);
    client->setCredentials(m_user, password);
    client->setApplicationNames({ m_app });
    client->setRequestTimeout(10000);
    QtAri::ReconnectPolicy policy;
    policy.setInitialDelay(200);
    policy.setMaxDelay(1000);
    client->setReconnectPolicy(policy);
    return client;
}

void tst_Asterisk::init()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    m_ours.clear();
    m_inStasis.clear();
    m_client = makeClient(m_password);
    QVERIFY(!m_client->subscribeAll()); // the default mode, on purpose
    m_channelModel = std::make_unique<QtAri::ChannelModel>(m_client.get());
    m_bridgeModel = std::make_unique<QtAri::BridgeModel>(m_client.get());
    m_channelTester = std::make_unique<QAbstractItemModelTester>(m_channelModel.get());
    m_bridgeTester = std::make_unique<QAbstractItemModelTester>(m_bridgeModel.get());
    connect(m_client.get(), &Client::stasisStarted, this,
        [this](Channel *channel, const QStringList &) { m_inStasis.insert(channel->id()); });
    connect(m_client.get(), &Client::stasisEnded, this,
        [this](Channel *channel) { m_inStasis.remove(channel->id()); });
    auto connecting = m_client->connectToServer();
    AWAIT_OK(connecting);
    QCOMPARE(m_client->state(), Client::State::Connected);
}

void tst_Asterisk::cleanup()
{
    if (!m_client)
        return;
    // Hang up what this test left behind, so that the next one starts clean.
    for (const QString &id : std::as_const(m_ours)) {
        auto hangup = m_client->channels()->hangup(id);
        auto destroy = m_client->bridges()->destroy(id);
        waitFor(hangup, 5000);
        waitFor(destroy, 5000);
    }
    m_channelTester.reset();
    m_bridgeTester.reset();
    m_channelModel.reset();
    m_bridgeModel.reset();
    m_client.reset();
}

// Originates Local/<exten>@<context> into our application and waits for its StasisStart.
Channel *tst_Asterisk::callIntoStasis(const QString &exten, const QString &id)
{
    const QString endpoint = u"Local/%1@%2"_s.arg(exten, m_context);
    QString channelId = id;
    bool ok = false;
    QString why;
    Channel *preCreated = nullptr;
    QSignalSpy started(m_client.get(), &Client::stasisStarted);
    if (id.isEmpty()) {
        // The pre-created form: a client-side object and id, wired before originate().
        preCreated = m_client->newChannel();
        channelId = preCreated->id();
        m_ours.insert(channelId);
        auto originated = preCreated->originate(endpoint, { .app = m_app, .appArgs = u"it"_s });
        ok = waitFor(originated) && originated.result().has_value();
        why = originated.isFinished() ? QString::fromUtf8(failureText(originated.result()))
                                      : u"no answer"_s;
    } else {
        m_ours.insert(channelId);
        auto originated = m_client->channels()->originateWithId(
            channelId, endpoint, { .app = m_app, .appArgs = u"it"_s });
        ok = waitFor(originated) && originated.result().has_value();
        why = originated.isFinished() ? QString::fromUtf8(failureText(originated.result()))
                                      : u"no answer"_s;
    }
    if (!ok) {
        qWarning().noquote() << "originate failed:" << why;
        return nullptr;
    }
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        for (const auto &arguments : std::as_const(started)) {
            auto *channel = arguments.at(0).value<Channel *>();
            if (channel && channel->id() == channelId)
                return channel;
        }
        started.wait(200);
    }
    qWarning().noquote() << "no StasisStart for" << channelId;
    return nullptr;
}

// The mirror against the server's listings: every live object is on the server, and every
// object of ours on the server is live; the models hold exactly the live objects.
void tst_Asterisk::verifyMirror()
{
    QString problem;
    QDeadlineTimer deadline(5000);
    do {
        auto channels = m_client->channels()->list();
        auto bridges = m_client->bridges()->list();
        AWAIT_OK(channels);
        AWAIT_OK(bridges);
        QSet<QString> serverChannels, serverBridges, liveChannels, liveBridges;
        const auto channelList = channels.result().value();
        const auto bridgeList = bridges.result().value();
        for (const auto &info : channelList)
            serverChannels.insert(info.id());
        for (const auto &info : bridgeList)
            serverBridges.insert(info.id());
        for (Channel *channel : m_client->liveChannels())
            liveChannels.insert(channel->id());
        for (Bridge *bridge : m_client->liveBridges())
            liveBridges.insert(bridge->id());
        const QSet<QString> covered = m_ours + m_inStasis;
        problem.clear();
        for (const QString &id : std::as_const(liveChannels))
            if (!serverChannels.contains(id))
                problem += u" live channel %1 is not on the server;"_s.arg(id);
        for (const QString &id : std::as_const(liveBridges))
            if (!serverBridges.contains(id))
                problem += u" live bridge %1 is not on the server;"_s.arg(id);
        for (const QString &id : serverChannels &covered)
            if (!liveChannels.contains(id))
                problem += u" channel %1 of ours is on the server but not live;"_s.arg(id);
        for (const QString &id : serverBridges &covered)
            if (!liveBridges.contains(id))
                problem += u" bridge %1 of ours is on the server but not live;"_s.arg(id);
        if (m_channelModel->rowCount() != liveChannels.size())
            problem +=
                u" ChannelModel has %1 rows for %2 live channels;"_s.arg(m_channelModel->rowCount())
                    .arg(liveChannels.size());
        if (m_bridgeModel->rowCount() != liveBridges.size())
            problem +=
                u" BridgeModel has %1 rows for %2 live bridges;"_s.arg(m_bridgeModel->rowCount())
                    .arg(liveBridges.size());
        if (problem.isEmpty())
            return;
        QTest::qWait(250);
    } while (!deadline.hasExpired());
    QFAIL(qPrintable(u"the mirror is not the server:"_s + problem));
}

void tst_Asterisk::connectWrongPasswordClosedPort()
{
    verifyMirror();

    auto wrong = makeClient(m_password + u"-wrong"_s);
    auto refused = wrong->connectToServer();
    QVERIFY(waitFor(refused));
    QVERIFY(!refused.result().has_value());
    QCOMPARE(refused.result().error().kind(), Error::Kind::Http);
    QCOMPARE(refused.result().error().httpStatus(), 401);
    QCOMPARE(wrong->state(), Client::State::Disconnected);

    QTcpServer probe; // a port that was free a moment ago and is closed now
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    Client closed;
    closed.setUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
    closed.setCredentials(m_user, m_password);
    closed.setApplicationNames({ m_app });
    auto unreachable = closed.connectToServer();
    QVERIFY(waitFor(unreachable));
    QVERIFY(!unreachable.result().has_value());
    QCOMPARE(unreachable.result().error().kind(), Error::Kind::Network);
}

void tst_Asterisk::preCreatedChannelOriginateAnswerPlayHangup()
{
    // 400: the far half answers and stays silent, so ours enters Stasis answered.
    Channel *channel = callIntoStasis(u"400"_s, u"it-%1-call"_s.arg(kRun));
    QVERIFY(channel);
    QPointer<Channel> guard(channel);
    verifyMirror();
    auto answered = channel->answer();
    AWAIT_OK(answered);
    QTRY_COMPARE(channel->state(), Channel::State::Up);

    auto played = channel->play({ u"sound:hello-world"_s });
    AWAIT_OK(played);
    QPointer<QtAri::Playback> playback = played.result().value();
    QVERIFY(playback);
    QSignalSpy finished(playback.data(), &QtAri::Playback::finished);
    QVERIFY(finished.wait(20000));
    verifyMirror();

    QSignalSpy hungUp(channel, &Channel::hungUp);
    auto hangup = channel->hangup();
    AWAIT_OK(hangup);
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull() || channel->isEnded(), 10000);
    QVERIFY(!m_client->liveChannels().contains(guard.data()) || guard.isNull());
    verifyMirror();
}

void tst_Asterisk::twoCallsBridgedThenBridgeDestroyed()
{
    Channel *first = callIntoStasis(u"400"_s);
    Channel *second = callIntoStasis(u"400"_s);
    QVERIFY(first && second);
    Bridge *bridge = m_client->newBridge();
    const QString bridgeId = bridge->id();
    m_ours.insert(bridgeId);
    QPointer<Bridge> guard(bridge);
    auto created = bridge->create({ .type = u"mixing"_s, .name = u"it-%1"_s.arg(kRun) });
    AWAIT_OK(created);
    auto added = bridge->addChannel({ first->id(), second->id() });
    AWAIT_OK(added);
    QTRY_COMPARE_WITH_TIMEOUT(bridge->channelIds().size(), 2, 10000);
    QCOMPARE(first->bridge(), bridge);
    verifyMirror();

    // Asterisk sends no BridgeDestroyed to an application not subscribed to the bridge: the
    // successful destroy alone must end the live bridge.
    auto destroyed = bridge->destroy();
    AWAIT_OK(destroyed);
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull() || guard->isEnded(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(m_client->bridge(bridgeId) == nullptr, 5000);
    verifyMirror();

    auto h1 = first->hangup();
    auto h2 = second->hangup();
    AWAIT_OK(h1);
    AWAIT_OK(h2);
    verifyMirror();
}

void tst_Asterisk::dtmf()
{
    // 300: the far half answers, plays hello-world, then sends 1 2 3 #.
    Channel *channel = callIntoStasis(u"300"_s);
    QVERIFY(channel);
    QSignalSpy digits(channel, &Channel::dtmfReceived);
    QTRY_COMPARE_WITH_TIMEOUT(digits.size(), 4, 20000);
    QStringList received;
    for (const auto &arguments : digits)
        received << arguments.at(0).toString();
    QCOMPARE(received.join(QString()), u"123#"_s);
    // And the other way: sending DTMF is accepted.
    auto sent = channel->sendDtmf({ .dtmf = u"42"_s });
    AWAIT_OK(sent);
    verifyMirror();
    auto hangup = channel->hangup();
    AWAIT_OK(hangup);
    verifyMirror();
}

// The far half of Local/100 enters our Stasis from the dialplan: Asterisk tells of it only until
// StasisEnd unless the application is subscribed to it, and lists it under channel_ids meanwhile.
// Found at a (re)connect, sent back to the dialplan, then hung up: the mirror must hear its end.
void tst_Asterisk::dialplanStasisCallAfterReconnect()
{
    const QString id = u"it-%1-dp"_s.arg(kRun);
    const QString far = id + u"-far"_s;
    m_ours.insert(id);
    QSignalSpy started(m_client.get(), &Client::stasisStarted);
    auto originated = m_client->channels()->originateWithId(
        id, u"Local/100@%1"_s.arg(m_context), { .app = m_app, .otherChannelId = far });
    AWAIT_OK(originated);
    QTRY_VERIFY_WITH_TIMEOUT(m_client->channel(far) && m_client->channel(far)->isInStasis(), 15000);

    m_client->disconnectFromServer();
    auto again = m_client->connectToServer();
    AWAIT_OK(again);
    Channel *channel = m_client->channel(far);
    QVERIFY(channel);
    QVERIFY(channel->isInStasis());
    m_inStasis.insert(far);
    QSignalSpy hungUp(channel, &Channel::hungUp);
    auto continued = channel->continueInDialplan(
        { .context = m_context, .extension = u"400"_s, .priority = 1 });
    AWAIT_OK(continued);
    QTRY_VERIFY_WITH_TIMEOUT(!channel->isInStasis(), 5000);
    m_inStasis.remove(far);
    QTest::qWait(500);
    QCOMPARE(m_client->channel(far), channel); // out of Stasis, still followed
    verifyMirror();

    auto hangup = m_client->channels()->hangup(id);
    AWAIT_OK(hangup);
    QTRY_COMPARE_WITH_TIMEOUT(hungUp.size(), 1, 10000);
    QCOMPARE(m_client->channel(far), nullptr);
    verifyMirror();
}

void tst_Asterisk::recordAndDownload()
{
    Channel *channel = callIntoStasis(u"400"_s);
    QVERIFY(channel);
    const QString name = u"it-%1-rec"_s.arg(kRun);
    auto recording =
        channel->record(name, u"wav"_s, { .maxDurationSeconds = 1, .ifExists = u"overwrite"_s });
    AWAIT_OK(recording);
    QPointer<QtAri::LiveRecording> live = recording.result().value();
    QVERIFY(live);
    QSignalSpy finished(live.data(), &QtAri::LiveRecording::finished);
    QVERIFY(finished.wait(15000));
    auto stored = m_client->recordings()->getStored(name);
    AWAIT_OK(stored);
    auto file = m_client->recordings()->getStoredFile(name);
    AWAIT_OK(file);
    const QByteArray bytes = file.result().value();
    QVERIFY2(bytes.startsWith("RIFF") && bytes.size() > 44,
        qPrintable(QString::fromLatin1(bytes.left(16).toHex())));
    auto removed = m_client->recordings()->deleteStored(name);
    AWAIT_OK(removed);
    auto gone = m_client->recordings()->getStored(name);
    QVERIFY(waitFor(gone));
    QCOMPARE(gone.result().error().httpStatus(), 404);
    auto hangup = channel->hangup();
    AWAIT_OK(hangup);
    verifyMirror();
}

void tst_Asterisk::idsWithReservedCharacters_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("slash") << u"a/b"_s;
    QTest::newRow("question mark") << u"a?b=c"_s;
    QTest::newRow("hash") << u"a#b"_s;
    QTest::newRow("percent") << u"a%2Fb%"_s;
    QTest::newRow("plus") << u"a+b"_s;
    QTest::newRow("spaces") << u"a b  c"_s;
}

void tst_Asterisk::idsWithReservedCharacters()
{
    QFETCH(QString, suffix);
    const QString id = u"it-%1-"_s.arg(kRun) + suffix;
    // A channel with that id.
    Channel *channel = callIntoStasis(u"400"_s, id);
    QVERIFY(channel);
    QCOMPARE(channel->id(), id);
    auto fetched = m_client->channels()->get(id);
    AWAIT_OK(fetched);
    QCOMPARE(fetched.result().value().id(), id);
    QCOMPARE(m_client->channel(id), channel);
    // A bridge with that id, the channel in it.
    auto created = m_client->bridges()->createWithId(id + u"-br"_s, { .type = u"mixing"_s });
    m_ours.insert(id + u"-br"_s);
    AWAIT_OK(created);
    QtAri::Bridge *bridge = m_client->bridge(id + u"-br"_s);
    QVERIFY2(bridge, "a bridge this client created is not live");
    auto got = m_client->bridges()->get(id + u"-br"_s);
    AWAIT_OK(got);
    QCOMPARE(got.result().value().id(), id + u"-br"_s);
    auto added = bridge->addChannel({ id });
    AWAIT_OK(added);
    QTRY_COMPARE_WITH_TIMEOUT(bridge->channelIds(), QStringList { id }, 10000);
    verifyMirror();
    auto destroyed = bridge->destroy();
    AWAIT_OK(destroyed);
    auto hangup = channel->hangup();
    AWAIT_OK(hangup);
    verifyMirror();
}

void tst_Asterisk::applicationSubscribeAndEventFilter()
{
    // A bridge made by someone else (another client, here the REST API directly without our
    // events) is outside the application until it subscribes to it.
    const QString foreignId = u"it-%1-foreign"_s.arg(kRun);
    auto foreign = m_client->bridges()->createWithId(foreignId, { .type = u"mixing"_s });
    AWAIT_OK(foreign);
    m_ours.insert(foreignId); // cleanup destroys it
    auto subscribed = m_client->applications()->subscribe(m_app, { u"bridge:"_s + foreignId });
    AWAIT_OK(subscribed);
    QVERIFY(subscribed.result().value().bridgeIds().contains(foreignId));
    verifyMirror();
    auto unsubscribed = m_client->applications()->unsubscribe(m_app, { u"bridge:"_s + foreignId });
    AWAIT_OK(unsubscribed);

    // Event filter: with ChannelVarset disallowed, a variable set on our channel sends no event.
    Channel *channel = callIntoStasis(u"400"_s);
    QVERIFY(channel);
    QSignalSpy varSet(channel, &Channel::varSet);
    const QJsonObject disallowVarset { { u"disallowed"_s,
        QJsonArray { QJsonObject { { u"type"_s, u"ChannelVarset"_s } } } } };
    auto filtered = m_client->applications()->filter(m_app, { .filter = disallowVarset });
    AWAIT_OK(filtered);
    auto set1 = channel->setChannelVar(u"IT_FILTERED"_s, { .value = u"1"_s });
    AWAIT_OK(set1);
    QTest::qWait(500);
    QCOMPARE(varSet.size(), 0);
    auto reset = m_client->applications()->filter(m_app, { .filter = QJsonObject() });
    AWAIT_OK(reset);
    auto set2 = channel->setChannelVar(u"IT_FILTERED"_s, { .value = u"2"_s });
    AWAIT_OK(set2);
    QTRY_VERIFY_WITH_TIMEOUT(!varSet.isEmpty(), 5000);
    auto hangup = channel->hangup();
    AWAIT_OK(hangup);
    verifyMirror();
}

void tst_Asterisk::deviceStatesAndMailboxes()
{
    const QString device = u"Stasis:it-%1-ds"_s.arg(kRun);
    auto subscribed = m_client->applications()->subscribe(m_app, { u"deviceState:"_s + device });
    // Subscribing to a device state that does not exist yet may be refused (404): create it first.
    auto update = m_client->deviceStates()->update(device, u"INUSE"_s);
    AWAIT_OK(update);
    QVERIFY(waitFor(subscribed));
    auto resubscribed = m_client->applications()->subscribe(m_app, { u"deviceState:"_s + device });
    AWAIT_OK(resubscribed);
    auto busy = m_client->deviceStates()->update(device, u"BUSY"_s);
    AWAIT_OK(busy);
    QTRY_VERIFY_WITH_TIMEOUT(m_client->deviceState(device)
            && m_client->deviceState(device)->state() == QtAri::DeviceState::State::Busy,
        5000);
    auto fetched = m_client->deviceStates()->get(device);
    AWAIT_OK(fetched);
    QCOMPARE(fetched.result().value().state(), u"BUSY"_s);
    auto removed = m_client->deviceStates()->deleteState(device);
    AWAIT_OK(removed);
    // After the delete the live object must not claim the old state.
    QTRY_VERIFY_WITH_TIMEOUT(!m_client->deviceState(device)
            || m_client->deviceState(device)->state() != QtAri::DeviceState::State::Busy,
        5000);

    const QString mailbox = u"it-%1-mbx"_s.arg(kRun);
    auto mbx = m_client->mailboxes()->update(mailbox, 2, 5);
    AWAIT_OK(mbx);
    auto got = m_client->mailboxes()->get(mailbox);
    AWAIT_OK(got);
    QCOMPARE(got.result().value().oldMessages(), 2);
    QCOMPARE(got.result().value().newMessages(), 5);
    auto deleted = m_client->mailboxes()->deleteMailbox(mailbox);
    AWAIT_OK(deleted);
    auto missing = m_client->mailboxes()->get(mailbox);
    QVERIFY(waitFor(missing));
    QCOMPARE(missing.result().error().httpStatus(), 404);
    if (QtAri::Mailbox *live = m_client->mailbox(mailbox))
        QTRY_VERIFY_WITH_TIMEOUT(live->isEnded(), 5000);
    verifyMirror();
}

void tst_Asterisk::reconnectAcrossRestart()
{
    const QString restart = env("QTARI_TEST_ASTERISK_RESTART");
    if (restart.isEmpty() && !m_sim)
        QSKIP("set QTARI_TEST_ASTERISK_RESTART to a command that restarts Asterisk");
    QSignalSpy reconnecting(m_client.get(), &Client::reconnecting);
    QSignalSpy connected(m_client.get(), &Client::connected);
    if (m_sim) {
        const quint16 port = quint16(m_url.port());
        m_sim->kill();
        m_sim->waitForFinished(5000);
        QTRY_VERIFY_WITH_TIMEOUT(!reconnecting.isEmpty(), 10000);
        QVERIFY(startSimulator(port));
    } else {
        QProcess command;
        command.start(u"/bin/sh"_s, { u"-c"_s, restart });
        QVERIFY(command.waitForFinished(120000));
        QCOMPARE(command.exitCode(), 0);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 120000);
    QCOMPARE(m_client->state(), Client::State::Connected);
    m_inStasis.clear(); // whatever was in Stasis died with the server
    verifyMirror();
    Channel *channel = callIntoStasis(u"400"_s);
    QVERIFY(channel);
    auto hangup = channel->hangup();
    AWAIT_OK(hangup);
    verifyMirror();
}

QTEST_GUILESS_MAIN(tst_Asterisk)
#include "tst_asterisk.moc"
