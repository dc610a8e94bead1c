// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
//
// The client against the simulator as Asterisk 18, 20, 22 and 23: it learns the server's version
// from its replies, works the same on each, and refuses before sending what the server is too old
// for (an operation, or a parameter newer than its operation), naming it and the first version
// that has it.
#include <QtAri/BridgesApi>
#include <QtAri/ChannelsApi>
#include <QtAri/Client>
#include <QtAri/Testing/Simulator>
#include <QtAri/bridge.h>
#include <QtAri/channel.h>

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using QtAri::Client;
using QtAri::Error;
using QtAri::Testing::Simulator;

namespace {

template<class T>
T await(QFuture<T> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10000))
        qFatal("a future did not finish within 10 s");
    return future.result();
}

} // namespace

class tst_Versions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachVersion_data();
    void eachVersion();
};

void tst_Versions::eachVersion_data()
{
    QTest::addColumn<int>("major");
    QTest::newRow("18") << 18;
    QTest::newRow("20") << 20;
    QTest::newRow("22") << 22;
    QTest::newRow("23") << 23;
}

void tst_Versions::eachVersion()
{
    QFETCH(int, major);
    Simulator sim;
    QVERIFY(sim.setAsteriskVersion(major));
    QVERIFY(sim.start());
    Client client;
    client.setUrl(sim.url());
    client.setCredentials(u"asterisk"_s, u"asterisk"_s);
    client.setApplicationNames({ u"test-app"_s });
    QVERIFY(await(client.connectToServer()).has_value());
    QSignalSpy requests(&sim, &Simulator::requestReceived);

    // The same call flow on every version.
    const QString id = sim.startCall(u"test-app"_s);
    QTRY_VERIFY(client.channel(id));
    QtAri::Channel *channel = client.channel(id);
    QVERIFY(await(channel->answer()).has_value());
    QTRY_COMPARE(channel->state(), QtAri::Channel::State::Up);

    // channels.progress is there from Asterisk 20 on.
    const qsizetype before = requests.size();
    const auto progress = await(channel->progress());
    if (major < 20) {
        QVERIFY(!progress);
        QCOMPARE(progress.error().kind(), Error::Kind::Unsupported);
        QCOMPARE(progress.error().operation(), u"channels.progress"_s);
        QVERIFY2(progress.error().message().contains(u"Asterisk 20"_s),
                 qPrintable(progress.error().message()));
        QCOMPARE(requests.size(), before); // never sent
    } else {
        QVERIFY2(progress || progress.error().kind() == Error::Kind::Http,
                 qPrintable(progress ? QString() : progress.error().toString()));
        QCOMPARE(requests.size(), before + 1);
    }

    // bridges.create is old, its "variables" parameter came with 20: only that use is refused.
    const auto plain = await(client.bridges()->create({ .bridgeId = u"v-plain"_s }));
    QVERIFY2(plain, qPrintable(plain ? QString() : plain.error().toString()));
    const auto withVariables = await(client.bridges()->create(
            { .bridgeId = u"v-vars"_s, .variables = QJsonObject { { u"K"_s, u"v"_s } } }));
    if (major < 20) {
        QVERIFY(!withVariables);
        QCOMPARE(withVariables.error().kind(), Error::Kind::Unsupported);
        QVERIFY2(withVariables.error().message().contains(u"parameter variables"_s),
                 qPrintable(withVariables.error().message()));
    } else {
        QVERIFY2(withVariables, qPrintable(withVariables ? QString() : withVariables.error().toString()));
    }

    QVERIFY(await(channel->hangup()).has_value());
    QCOMPARE(client.channel(id), nullptr);
}

QTEST_GUILESS_MAIN(tst_Versions)
#include "tst_versions.moc"
