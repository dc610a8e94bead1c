// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// ChannelModel and BridgeModel: QAbstractItemModelTester while events change them, rows and roles
// following the identity map, and ChannelModel equal to the simulator's state after a call flow
// during which the event socket drops several times.

#include "tst_registry_helpers.h"

#include <QtAri/Bridge>
#include <QtAri/BridgeModel>
#include <QtAri/Channel>
#include <QtAri/ChannelModel>

#include <QtTest/QAbstractItemModelTester>
#include <QtCore/QDateTime>
#include <QtCore/QPointer>
#include <QtCore/QSet>

using namespace Qt::StringLiterals;
using namespace ObjectsTest;
using QtAri::BridgeModel;
using QtAri::Channel;
using QtAri::ChannelModel;
using QtAri::Client;

class tst_LiveModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void channelModelFollowsEvents();
    void channelModelDurationApplicationBridgeName();
    void bridgeModelTree();
    void modelsEmptyWithTheClient();
    void channelModelEqualsServerAfterDrops();
    void manyChannels();
    void listingAddsRowsInOneInsertion();

private:
    QSet<QString> modelIds(const ChannelModel &model) const;
    QSet<QString> serverIds() const;
    std::unique_ptr<Connected> m_env;
};

void tst_LiveModels::init()
{
    m_env = std::make_unique<Connected>();
    QVERIFY2(m_env->connect(), "could not connect to the simulator");
}

void tst_LiveModels::cleanup()
{
    m_env.reset();
}

QSet<QString> tst_LiveModels::modelIds(const ChannelModel &model) const
{
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.insert(model.index(row, ChannelModel::IdColumn).data().toString());
    return ids;
}

QSet<QString> tst_LiveModels::serverIds() const
{
    QSet<QString> ids;
    for (const QJsonValue &value : m_env->sim.channels())
        ids.insert(value.toObject().value(u"id"_s).toString());
    return ids;
}

void tst_LiveModels::channelModelFollowsEvents()
{
    Client *client = m_env->client.get();
    ChannelModel model(client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(ChannelModel::ColumnCount));
    QVERIFY(model.roleNames().values().contains("stateName"));

    QVERIFY(m_env->push({ ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"a"_s, u"Ring"_s) } }),
                          ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"b"_s, u"Ring"_s) } }),
                          ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"c"_s, u"Ring"_s) } }) }));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.count(), 3);
    QCOMPARE(model.index(1, ChannelModel::IdColumn).data().toString(), u"b"_s);
    QCOMPARE(model.index(1, ChannelModel::StateColumn).data().toString(), u"Ring"_s);
    QCOMPARE(model.channel(model.index(1, 0)), client->channel(u"b"_s));

    QSignalSpy dataChanged(&model, &ChannelModel::dataChanged);
    QVERIFY(m_env->push(ariEvent(u"ChannelStateChange"_s, { { u"channel"_s, channelJson(u"b"_s, u"Up"_s) } })));
    QCOMPARE(dataChanged.size(), 1);
    QCOMPARE(dataChanged.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(model.index(1, 0).data(ChannelModel::StateNameRole).toString(), u"Up"_s);
    QCOMPARE(model.index(1, 0).data(ChannelModel::StateRole).value<Channel::State>(), Channel::State::Up);

    // Removing a middle row keeps every later row addressable (the row index stays right).
    QVERIFY(m_env->push(ariEvent(u"ChannelDestroyed"_s, { { u"channel"_s, channelJson(u"a"_s) }, { u"cause"_s, 16 }, { u"cause_txt"_s, u"x"_s } })));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.indexOf(client->channel(u"c"_s)).row(), 1);
    QVERIFY(m_env->push(ariEvent(u"ChannelStateChange"_s, { { u"channel"_s, channelJson(u"c"_s, u"Up"_s) } })));
    QCOMPARE(model.index(1, ChannelModel::StateColumn).data().toString(), u"Up"_s);
    QCOMPARE(modelIds(model), (QSet<QString> { u"b"_s, u"c"_s }));

    // A model attached later starts from the current state.
    ChannelModel late(client);
    QCOMPARE(modelIds(late), (QSet<QString> { u"b"_s, u"c"_s }));
}

void tst_LiveModels::channelModelDurationApplicationBridgeName()
{
    Client *client = m_env->client.get();
    ChannelModel model(client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.durationInterval(), 0); // quiet unless asked
    QVERIFY(model.roleNames().values().contains("duration"));
    QVERIFY(model.roleNames().values().contains("application"));
    QVERIFY(model.roleNames().values().contains("bridgeName"));

    QJsonObject inStasis = channelJson(u"s"_s);
    inStasis.insert(u"creationtime"_s,
                    QDateTime::currentDateTimeUtc().addSecs(-3700).toString(u"yyyy-MM-ddTHH:mm:ss.zzz+0000"_s));
    inStasis.insert(u"dialplan"_s, QJsonObject { { u"context"_s, u"default"_s }, { u"exten"_s, u"100"_s },
                                                 { u"priority"_s, 3 }, { u"app_name"_s, u"Stasis"_s },
                                                 { u"app_data"_s, u"billing,a,b"_s } });
    QVERIFY(m_env->push({ ariEvent(u"StasisStart"_s, { { u"channel"_s, inStasis }, { u"args"_s, QJsonArray() } }),
                          ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"d"_s) } }) }));
    const QModelIndex s = model.index(0, 0);
    QCOMPARE(s.data(ChannelModel::ApplicationRole).toString(), u"billing"_s);
    QCOMPARE(model.index(0, ChannelModel::ApplicationColumn).data().toString(), u"billing"_s);
    QCOMPARE(model.index(1, 0).data(ChannelModel::ApplicationRole).toString(), QString()); // dialplan
    const qint64 seconds = s.data(ChannelModel::DurationRole).toLongLong();
    QVERIFY2(seconds >= 3700 && seconds < 3710, QByteArray::number(seconds));
    QVERIFY(model.index(0, ChannelModel::DurationColumn).data().toString().startsWith(u"1:01:"_s));

    // Durations up to a given moment (a recording's), announced like a tick; invalid: now again.
    {
        QSignalSpy changed(&model, &ChannelModel::dataChanged);
        const QDateTime created = client->channel(u"s"_s)->creationTime();
        model.setDurationsUntil(created.addSecs(75));
        QCOMPARE(model.durationsUntil(), created.addSecs(75));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(s.data(ChannelModel::DurationRole).toLongLong(), 75);
        QCOMPARE(model.index(0, ChannelModel::DurationColumn).data().toString(), u"1:15"_s);
        model.setDurationsUntil(created.addSecs(-10)); // before it existed: none yet
        QCOMPARE(s.data(ChannelModel::DurationRole).toLongLong(), 0);
        model.setDurationsUntil({});
        QVERIFY(s.data(ChannelModel::DurationRole).toLongLong() >= 3700);
        QCOMPARE(changed.size(), 6);
    }

    // Ticking: each interval, one signal for the duration column and one for column 0's role.
    QSignalSpy changed(&model, &ChannelModel::dataChanged);
    QSignalSpy interval(&model, &ChannelModel::durationIntervalChanged);
    model.setDurationInterval(50);
    QCOMPARE(model.durationInterval(), 50);
    QCOMPARE(interval.size(), 1);
    QTRY_VERIFY(changed.size() >= 4);
    bool column = false, role = false;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const QModelIndex from = args.at(0).toModelIndex(), to = args.at(1).toModelIndex();
        const auto roles = args.at(2).value<QList<int>>();
        QCOMPARE(from.row(), 0);
        QCOMPARE(to.row(), 1);
        QVERIFY(roles.contains(ChannelModel::DurationRole));
        column = column || from.column() == ChannelModel::DurationColumn;
        role = role || from.column() == 0;
    }
    QVERIFY(column && role);
    model.setDurationInterval(0);
    changed.clear();
    QTest::qWait(150);
    QCOMPARE(changed.size(), 0);

    // The bridge's name while the channel is in it.
    QJsonObject named = bridgeJson(u"br"_s, { u"s"_s });
    named.insert(u"name"_s, u"sales"_s);
    QVERIFY(m_env->push(ariEvent(u"ChannelEnteredBridge"_s, { { u"bridge"_s, named }, { u"channel"_s, inStasis } })));
    QCOMPARE(model.index(0, 0).data(ChannelModel::BridgeNameRole).toString(), u"sales"_s);
    QCOMPARE(model.index(0, 0).data(ChannelModel::BridgeIdRole).toString(), u"br"_s);
    named.insert(u"channels"_s, QJsonArray());
    QVERIFY(m_env->push(ariEvent(u"ChannelLeftBridge"_s, { { u"bridge"_s, named }, { u"channel"_s, inStasis } })));
    QCOMPARE(model.index(0, 0).data(ChannelModel::BridgeNameRole).toString(), QString());
}

void tst_LiveModels::bridgeModelTree()
{
    Client *client = m_env->client.get();
    BridgeModel model(client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(m_env->push({ ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"x"_s) } }),
                          ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"y"_s) } }),
                          ariEvent(u"BridgeCreated"_s, { { u"bridge"_s, bridgeJson(u"br1"_s) } }),
                          ariEvent(u"BridgeCreated"_s, { { u"bridge"_s, bridgeJson(u"br2"_s) } }) }));
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex br1 = model.indexOf(client->bridge(u"br1"_s));
    QVERIFY(br1.isValid());
    QCOMPARE(model.rowCount(br1), 0);

    QVERIFY(m_env->push({ ariEvent(u"ChannelEnteredBridge"_s, { { u"bridge"_s, bridgeJson(u"br1"_s, { u"x"_s }) }, { u"channel"_s, channelJson(u"x"_s) } }),
                          ariEvent(u"ChannelEnteredBridge"_s, { { u"bridge"_s, bridgeJson(u"br1"_s, { u"x"_s, u"y"_s }) }, { u"channel"_s, channelJson(u"y"_s) } }) }));
    const QModelIndex parent = model.indexOf(client->bridge(u"br1"_s));
    QCOMPARE(model.rowCount(parent), 2);
    QCOMPARE(model.index(1, BridgeModel::IdColumn, parent).data().toString(), u"y"_s);
    QCOMPARE(model.channel(model.index(1, 0, parent)), client->channel(u"y"_s));
    QCOMPARE(model.bridge(model.index(1, 0, parent)), client->bridge(u"br1"_s));
    QCOMPARE(model.index(parent.row(), BridgeModel::ChannelCountColumn).data().toInt(), 2);

    // A member's state change reaches its child row.
    QSignalSpy dataChanged(&model, &BridgeModel::dataChanged);
    QVERIFY(m_env->push(ariEvent(u"ChannelStateChange"_s, { { u"channel"_s, channelJson(u"y"_s, u"Ringing"_s) } })));
    QVERIFY(!dataChanged.isEmpty());
    QCOMPARE(model.index(1, BridgeModel::TypeColumn, parent).data().toString(), u"Ringing"_s);

    QVERIFY(m_env->push({ ariEvent(u"ChannelLeftBridge"_s, { { u"bridge"_s, bridgeJson(u"br1"_s, { u"y"_s }) }, { u"channel"_s, channelJson(u"x"_s) } }),
                          ariEvent(u"ChannelDestroyed"_s, { { u"channel"_s, channelJson(u"y"_s) }, { u"cause"_s, 16 }, { u"cause_txt"_s, u"x"_s } }) }));
    QCOMPARE(model.rowCount(model.indexOf(client->bridge(u"br1"_s))), 0);
    QVERIFY(m_env->push(ariEvent(u"BridgeDestroyed"_s, { { u"bridge"_s, bridgeJson(u"br1"_s) } })));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, BridgeModel::IdColumn).data().toString(), u"br2"_s);
}

void tst_LiveModels::modelsEmptyWithTheClient()
{
    ChannelModel channels(m_env->client.get());
    BridgeModel bridges(m_env->client.get());
    QAbstractItemModelTester channelTester(&channels, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester bridgeTester(&bridges, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(m_env->push({ ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"z"_s) } }),
                          ariEvent(u"BridgeCreated"_s, { { u"bridge"_s, bridgeJson(u"bz"_s, { u"z"_s }) } }) }));
    QCOMPARE(channels.rowCount(), 1);
    QCOMPARE(bridges.rowCount(), 1);
    m_env->client.reset();
    QCOMPARE(channels.rowCount(), 0);
    QCOMPARE(bridges.rowCount(), 0);
    QCOMPARE(channels.client(), nullptr);
}

// The call flow: calls come and go while the simulator drops the event socket several
// times; afterwards ChannelModel shows exactly the simulator's channels.
void tst_LiveModels::channelModelEqualsServerAfterDrops()
{
    Client *client = m_env->client.get();
    QtAri::Testing::Simulator &sim = m_env->sim;
    ChannelModel model(client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QStringList calls;
    for (int i = 0; i < 6; ++i)
        calls.append(sim.startCall(app, { QString::number(i) }));
    QTRY_COMPARE(modelIds(model), serverIds());

    for (int round = 0; round < 3; ++round) {
        QSignalSpy connected(client, &Client::connected);
        sim.setRefuseConnections(true);
        sim.dropWebSockets();
        QTRY_VERIFY(client->state() != Client::State::Connected);
        // While the socket is down the server moves on: one call ends, one arrives, DTMF flows.
        sim.hangupChannel(calls.takeFirst());
        calls.append(sim.startCall(app, { u"during-drop"_s }));
        sim.sendDtmf(calls.last(), u"12"_s);
        sim.setRefuseConnections(false);
        QTRY_VERIFY_WITH_TIMEOUT(client->state() == Client::State::Connected, 15000);
        QTRY_COMPARE(modelIds(model), serverIds());
        // And while connected, events keep the model current.
        sim.hangupChannel(calls.takeFirst());
        calls.append(sim.startCall(app));
        QTRY_COMPARE(modelIds(model), serverIds());
    }
    QCOMPARE(model.rowCount(), int(sim.channels().size()));
}

// 10,000 channels: rows appear and leave through the row index without quadratic work.
void tst_LiveModels::manyChannels()
{
    Client *client = m_env->client.get();
    ChannelModel model(client);
    constexpr int count = 10000;
    constexpr int churn = count / 4; // ended from the front, and as many updated
    QList<QJsonObject> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i)
        events.append(ariEvent(u"ChannelCreated"_s, { { u"channel"_s, channelJson(u"many-%1"_s.arg(i)) } }));
    QVERIFY(m_env->push(events));
    QCOMPARE(model.rowCount(), count);
    events.clear();
    // End every other channel from the front (the oldest calls end first), then update the
    // survivors behind them.
    for (int i = 0; i < 2 * churn; i += 2)
        events.append(ariEvent(u"ChannelDestroyed"_s, { { u"channel"_s, channelJson(u"many-%1"_s.arg(i)) }, { u"cause"_s, 16 }, { u"cause_txt"_s, u"x"_s } }));
    for (int i = 1; i < 2 * churn; i += 2)
        events.append(ariEvent(u"ChannelStateChange"_s, { { u"channel"_s, channelJson(u"many-%1"_s.arg(i), u"Ringing"_s) } }));
    QVERIFY(m_env->push(events));
    QCOMPARE(model.rowCount(), count - churn);
    for (int row = 0; row < model.rowCount(); row += 97) {
        const int number = row < churn ? 2 * row + 1 : row + churn;
        QCOMPARE(model.index(row, ChannelModel::IdColumn).data().toString(), u"many-%1"_s.arg(number));
        QCOMPARE(model.index(row, ChannelModel::StateColumn).data().toString(),
                 row < churn ? u"Ringing"_s : u"Up"_s);
        QCOMPARE(model.indexOf(model.channelAt(row)).row(), row);
    }
}

// After a reconnect the channels the listing finds are inserted as one block of rows (row by
// row, every sorting proxy above the model would redo its mapping thousands of times).
void tst_LiveModels::listingAddsRowsInOneInsertion()
{
    Client *client = m_env->client.get();
    QtAri::Testing::Simulator &sim = m_env->sim;
    ChannelModel model(client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString early = sim.startCall(app, { u"early"_s });
    const QString ends = sim.startCall(app, { u"ends"_s });
    QTRY_COMPARE(model.rowCount(), 2);

    sim.setRefuseConnections(true);
    sim.dropWebSockets();
    QTRY_VERIFY(client->state() != Client::State::Connected);
    constexpr int arriving = 300;
    for (int i = 0; i < arriving; ++i)
        sim.startCall(app, { QString::number(i) });
    sim.hangupChannel(ends);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy counts(&model, &ChannelModel::countChanged);
    // A slot on channelAdded during the listing sees the model without the listed rows yet; the
    // rows are there once the listing is applied, before connected() is emitted.
    int rowsAtConnected = -1;
    connect(client, &Client::connected, this, [&] { rowsAtConnected = model.rowCount(); });
    sim.setRefuseConnections(false);
    QTRY_VERIFY_WITH_TIMEOUT(client->state() == Client::State::Connected, 15000);
    QTRY_COMPARE(modelIds(model), serverIds());
    QCOMPARE(model.rowCount(), arriving + 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(inserted.at(0).at(2).toInt(), arriving);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(rowsAtConnected, arriving + 1);
    QCOMPARE(counts.last().at(0).toInt(), arriving + 1);
    QCOMPARE(model.index(0, ChannelModel::IdColumn).data().toString(), early);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.indexOf(model.channelAt(row)).row(), row);

    // Events after the listing are rows one by one again.
    inserted.clear();
    const QString later = sim.startCall(app, { u"later"_s });
    QTRY_COMPARE(model.rowCount(), arriving + 2);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.channelAt(arriving + 1)->id(), later);
}

QTEST_GUILESS_MAIN(tst_LiveModels)
#include "tst_livemodels.moc"
