// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Several servers in one window: the merged view (View › All Servers) over two simulators, one
// with the Inspector's default profile (subscribeAll) and one in the library's default mode, and
// its model on its own. No action may cross servers.

#include "demo.h"
#include "inspectortest.h"
#include "mainwindow.h"
#include "models/bridgesmodel.h"
#include "models/channelsmodel.h"
#include "models/mergedmodel.h"
#include "models/roles.h"
#include "options.h"
#include "session.h"
#include "widgets/mergedview.h"
#include "widgets/serverview.h"

#include <QtAri/Testing/Simulator>

#include <QtGui/QAction>
#include <QtGui/QStandardItemModel>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QTabBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>

#include <memory>

using namespace Qt::StringLiterals;
using namespace QtAri::Inspector;
using QtAri::Testing::Simulator;

namespace {
const QString testApp = u"merged-test"_s;

QStringList column(const QAbstractItemModel *model, int column, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->index(row, column).data(role).toString());
    return out;
}

// The (server title, channel id) pairs of the merged channel table, as shown.
QStringList shownChannels(MergedView *view)
{
    QStringList out;
    const QAbstractItemModel *model = view->channelView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex i = model->index(row, 0);
        out.append(i.data().toString() + u' ' + i.data(IdRole).toString());
    }
    out.sort();
    return out;
}

void selectRows(QTableView *view, const QList<int> &rows)
{
    view->clearSelection();
    for (int row : rows)
        view->selectionModel()->select(view->model()->index(row, 0),
            QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

int rowOf(MergedView *view, const QString &title, const QString &id)
{
    const QAbstractItemModel *model = view->channelView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex i = model->index(row, 0);
        if (i.data().toString() == title && i.data(IdRole).toString() == id)
            return row;
    }
    return -1;
}
} // namespace

class tst_InspectorMerged : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void modelConcatenatesSources();
    void showsEveryServersChannelsTagged();
    void actionsActOnTheSelectionsServerOnly();
    void closingATabTakesItsRowsOut();
    void demoServersOption();

private:
    // Two servers: "east" (Env's simulator, subscribeAll as the Inspector's default profile) and
    // "west" (a second simulator, the library's default mode).
    bool connectBoth();
    QString waitForCall(Simulator *sim, ServerView *view);

    InspectorTest::Env m_env;
    std::unique_ptr<Simulator> m_west;
    ServerView *m_eastView = nullptr;
    ServerView *m_westView = nullptr;
};

void tst_InspectorMerged::init()
{
    QVERIFY(m_env.start());
    m_west = std::make_unique<Simulator>();
    QVERIFY(m_west->start());
}

void tst_InspectorMerged::cleanup()
{
    m_env.reset();
    m_west.reset();
    m_eastView = m_westView = nullptr;
}

bool tst_InspectorMerged::connectBoth()
{
    m_eastView = m_env.connectTo(m_env.sim.get(), u"east"_s, testApp, true);
    m_westView = m_env.connectTo(m_west.get(), u"west"_s, testApp, false);
    return m_eastView && m_westView;
}

QString tst_InspectorMerged::waitForCall(Simulator *sim, ServerView *view)
{
    const QString id = sim->startCall(testApp);
    ChannelsModel *channels = view->session()->channels();
    if (!QTest::qWaitFor([&] { return channels->contains(id); }, 20000))
        return {};
    return id;
}

void tst_InspectorMerged::modelConcatenatesSources()
{
    QStandardItemModel a(0, 2);
    QStandardItemModel b(0, 2);
    auto fill = [](QStandardItemModel &m, const QStringList &ids) {
        for (const QString &id : ids) {
            auto *first = new QStandardItem(id);
            first->setData(id, IdRole);
            m.appendRow({ first, new QStandardItem(id + u"-state"_s) });
        }
    };
    fill(a, { u"a1"_s, u"a2"_s });
    fill(b, { u"b1"_s });
    a.setHorizontalHeaderLabels({ u"Name"_s, u"State"_s });

    MergedModel merged(2);
    QAbstractItemModelTester tester(&merged, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QObject east;
    QObject west;
    merged.addSource(&a, &east, u"east"_s, Qt::red);
    merged.addSource(&b, &west, u"west"_s, Qt::blue);
    QCOMPARE(merged.columnCount(), 3);
    QCOMPARE(column(&merged, 0), (QStringList { u"east"_s, u"east"_s, u"west"_s }));
    QCOMPARE(column(&merged, 1), (QStringList { u"a1"_s, u"a2"_s, u"b1"_s }));
    QCOMPARE(column(&merged, 2), (QStringList { u"a1-state"_s, u"a2-state"_s, u"b1-state"_s }));
    // The server column answers the source's own roles from its first column, and its colour.
    QCOMPARE(column(&merged, 0, IdRole), (QStringList { u"a1"_s, u"a2"_s, u"b1"_s }));
    QCOMPARE(merged.index(2, 0).data(Qt::DecorationRole).value<QColor>(), QColor(Qt::blue));
    QCOMPARE(merged.index(0, 2).data(MergedModel::ServerColourRole).value<QColor>(),
        QColor(Qt::red));
    QCOMPARE(merged.serverAt(2), &west);
    QCOMPARE(merged.headerData(0, Qt::Horizontal).toString(), u"Server"_s);
    QCOMPARE(merged.headerData(2, Qt::Horizontal).toString(), u"State"_s);
    QCOMPARE(merged.mapFromSource(b.index(0, 1)), merged.index(2, 2));
    QCOMPARE(merged.mapToSource(merged.index(1, 1)), a.index(1, 0));

    // Rows inserted into and removed from the first source shift the second's.
    QSignalSpy inserted(&merged, &QAbstractItemModel::rowsInserted);
    fill(a, { u"a3"_s });
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 2);
    QCOMPARE(column(&merged, 1), (QStringList { u"a1"_s, u"a2"_s, u"a3"_s, u"b1"_s }));
    a.removeRow(0);
    QCOMPARE(column(&merged, 1), (QStringList { u"a2"_s, u"a3"_s, u"b1"_s }));
    fill(b, { u"b2"_s });
    b.removeRow(0);
    QCOMPARE(column(&merged, 1), (QStringList { u"a2"_s, u"a3"_s, u"b2"_s }));

    // A data change is passed on at its shifted place.
    QSignalSpy changed(&merged, &QAbstractItemModel::dataChanged);
    b.item(0, 1)->setText(u"ringing"_s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), merged.index(2, 2));
    QCOMPARE(merged.index(2, 2).data().toString(), u"ringing"_s);

    // A reset or a layout change of a source is a reset of the merged rows.
    a.sort(0, Qt::DescendingOrder);
    QCOMPARE(column(&merged, 1), (QStringList { u"a3"_s, u"a2"_s, u"b2"_s }));
    a.clear();
    a.setColumnCount(2);
    QCOMPARE(column(&merged, 1), (QStringList { u"b2"_s }));
    fill(a, { u"a9"_s });

    // A source removed, or destroyed, leaves.
    merged.removeSource(&a);
    QCOMPARE(column(&merged, 1), (QStringList { u"b2"_s }));
    {
        auto c = std::make_unique<QStandardItemModel>(0, 2);
        fill(*c, { u"c1"_s, u"c2"_s });
        merged.addSource(c.get(), &east, u"east"_s, Qt::red);
        QCOMPARE(merged.rowCount(), 3);
    }
    QCOMPARE(merged.rowCount(), 1);
    QCOMPARE(merged.sourceCount(), 1);
    QCOMPARE(column(&merged, 0), (QStringList { u"west"_s }));
}

void tst_InspectorMerged::showsEveryServersChannelsTagged()
{
    QVERIFY(connectBoth());
    const QString e1 = waitForCall(m_env.sim.get(), m_eastView);
    const QString e2 = waitForCall(m_env.sim.get(), m_eastView);
    const QString w1 = waitForCall(m_west.get(), m_westView);
    QVERIFY(!e1.isEmpty() && !e2.isEmpty() && !w1.isEmpty());

    QAction *toggle = m_env.window->action(u"actionMergedView"_s);
    QVERIFY(toggle);
    QVERIFY(!m_env.window->mergedView()); // off until asked for
    toggle->trigger();
    MergedView *merged = m_env.window->mergedView();
    QVERIFY(merged);
    QCOMPARE(m_env.window->tabs()->currentWidget(), merged);
    QCOMPARE(m_env.window->tabs()->count(), 3);
    QCOMPARE(merged->servers(), (QList<ServerView *> { m_eastView, m_westView }));
    QAbstractItemModelTester tester(
        merged->channelModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(shownChannels(merged),
        (QStringList { u"east "_s + e1, u"east "_s + e2, u"west "_s + w1 }));
    // Each row carries its server's colour, which is also its tab's: distinct per server.
    const QColor east = m_eastView->tagColour();
    const QColor west = m_westView->tagColour();
    QVERIFY(east.isValid() && west.isValid() && east != west);
    const int westRow = rowOf(merged, u"west"_s, w1);
    QVERIFY(westRow >= 0);
    const QModelIndex westIndex = merged->channelView()->model()->index(westRow, 0);
    QCOMPARE(westIndex.data(Qt::DecorationRole).value<QColor>(), west);
    QCOMPARE(m_env.window->tabs()->tabBar()->tabTextColor(m_env.window->tabs()->indexOf(m_westView)),
        west);
    // The other columns are the server's own table's.
    const int name = 1 + int(ChannelColumn::Name);
    QCOMPARE(merged->channelView()->model()->index(westRow, name).data().toString(),
        m_westView->session()->channels()->nameOf(w1));

    // Calls that come and go on either server come and go here.
    const QString w2 = waitForCall(m_west.get(), m_westView);
    QTRY_VERIFY(rowOf(merged, u"west"_s, w2) >= 0);
    m_env.sim->hangupChannel(e1);
    QTRY_COMPARE(shownChannels(merged),
        (QStringList { u"east "_s + e2, u"west "_s + w1, u"west "_s + w2 }));

    // The filter finds rows of every server; a server's name filters by server.
    merged->filterEdit()->setText(u"west"_s);
    QCOMPARE(shownChannels(merged), (QStringList { u"west "_s + w1, u"west "_s + w2 }));
    merged->filterEdit()->clear();
    QCOMPARE(merged->channelView()->model()->rowCount(), 3);

    // A server added while the view is open joins it.
    auto north = std::make_unique<Simulator>();
    QVERIFY(north->start());
    ServerView *northView = m_env.connectTo(north.get(), u"north"_s, testApp);
    QVERIFY(northView);
    const QString n1 = waitForCall(north.get(), northView);
    QVERIFY(!n1.isEmpty());
    QTRY_VERIFY(rowOf(merged, u"north"_s, n1) >= 0);
    QVERIFY(northView->tagColour() != east && northView->tagColour() != west);
    m_env.window->tabs()->setCurrentWidget(merged);

    // The bridge table too: a bridge on west only.
    m_westView->session()->createBridge(u"mixing"_s, u"west-room"_s, { w1 });
    QTRY_COMPARE(merged->bridgeModel()->rowCount(), 1);
    QCOMPARE(merged->bridgeModel()->index(0, 0).data().toString(), u"west"_s);
    QCOMPARE(merged->bridgeModel()->index(0, 1 + int(BridgeColumn::Name)).data().toString(),
        u"west-room"_s);
    m_env.reset(); // the window goes before the north simulator
}

void tst_InspectorMerged::actionsActOnTheSelectionsServerOnly()
{
    QVERIFY(connectBoth());
    const QString e1 = waitForCall(m_env.sim.get(), m_eastView);
    const QString w1 = waitForCall(m_west.get(), m_westView);
    const QString w2 = waitForCall(m_west.get(), m_westView);
    QVERIFY(!e1.isEmpty() && !w1.isEmpty() && !w2.isEmpty());
    m_env.window->setMergedViewShown(true);
    MergedView *merged = m_env.window->mergedView();
    QVERIFY(merged);
    QAction *hangup = m_env.window->action(u"actionHangup"_s);
    QAction *originate = m_env.window->action(u"actionOriginate"_s);
    QAction *bridge = m_env.window->action(u"actionBridgeSelection"_s);

    // Nothing selected: no server to act on.
    QTRY_COMPARE(merged->channelView()->model()->rowCount(), 3);
    QVERIFY(!hangup->isEnabled());
    QVERIFY(!originate->isEnabled());

    // Rows of two servers: every action is off, and triggering one does nothing.
    selectRows(merged->channelView(),
        { rowOf(merged, u"east"_s, e1), rowOf(merged, u"west"_s, w1) });
    QCOMPARE(merged->selectedServerCount(), 2);
    QVERIFY(!merged->selectionView());
    QVERIFY(merged->selectedChannelIds().isEmpty());
    QVERIFY(!hangup->isEnabled());
    QVERIFY(!bridge->isEnabled());
    // Even reached some other way, the action finds no server to act on.
    hangup->setEnabled(true);
    hangup->trigger();
    bridge->setEnabled(true);
    bridge->trigger();
    QTest::qWait(300);
    QCOMPARE(m_eastView->session()->bridges()->rowCount(), 0);
    QCOMPARE(m_westView->session()->bridges()->rowCount(), 0);
    QVERIFY(m_eastView->session()->channels()->contains(e1));
    QVERIFY(m_westView->session()->channels()->contains(w1));

    // Rows of one server: the actions act there, on those channels only.
    selectRows(merged->channelView(),
        { rowOf(merged, u"west"_s, w1), rowOf(merged, u"west"_s, w2) });
    QCOMPARE(merged->selectionView(), m_westView);
    const QStringList selected = merged->selectedChannelIds();
    QCOMPARE(QSet<QString>(selected.cbegin(), selected.cend()), (QSet<QString> { w1, w2 }));
    QVERIFY(hangup->isEnabled());
    QVERIFY(bridge->isEnabled());
    bridge->trigger();
    QTRY_VERIFY(!m_westView->session()->channels()->bridgeOf(w1).isEmpty());
    QCOMPARE(m_westView->session()->channels()->bridgeOf(w2),
        m_westView->session()->channels()->bridgeOf(w1));
    QCOMPARE(m_eastView->session()->bridges()->rowCount(), 0);

    selectRows(merged->channelView(), { rowOf(merged, u"west"_s, w1) });
    hangup->trigger();
    QTRY_VERIFY(!m_westView->session()->channels()->contains(w1));
    QTRY_COMPARE(rowOf(merged, u"west"_s, w1), -1);
    QVERIFY(m_eastView->session()->channels()->contains(e1));
    QVERIFY(m_westView->session()->channels()->contains(w2));
    // The hung-up row left the selection, and the actions know it.
    QTRY_VERIFY(!hangup->isEnabled());

    // A bridge row of one server scopes the bridge actions the same way.
    QTRY_COMPARE(merged->bridgeModel()->rowCount(), 1);
    merged->bridgeView()->selectRow(0);
    QCOMPARE(merged->selectionView(), m_westView);
    QCOMPARE(merged->selectedBridgeIds(), m_westView->session()->bridges()->ids());
    m_env.window->action(u"actionDestroyBridge"_s)->trigger();
    QTRY_COMPARE(m_westView->session()->bridges()->rowCount(), 0);
    QTRY_COMPARE(merged->bridgeModel()->rowCount(), 0);
}

void tst_InspectorMerged::closingATabTakesItsRowsOut()
{
    QVERIFY(connectBoth());
    const QString e1 = waitForCall(m_env.sim.get(), m_eastView);
    const QString w1 = waitForCall(m_west.get(), m_westView);
    QVERIFY(!e1.isEmpty() && !w1.isEmpty());
    QAction *toggle = m_env.window->action(u"actionMergedView"_s);
    toggle->trigger();
    MergedView *merged = m_env.window->mergedView();
    QTRY_COMPARE(merged->channelView()->model()->rowCount(), 2);

    QTabWidget *tabs = m_env.window->tabs();
    Q_EMIT tabs->tabCloseRequested(tabs->indexOf(m_westView));
    QCOMPARE(merged->servers(), (QList<ServerView *> { m_eastView }));
    QCOMPARE(shownChannels(merged), (QStringList { u"east "_s + e1 }));
    QTest::qWait(50); // the tab's deleteLater()
    QCOMPARE(shownChannels(merged), (QStringList { u"east "_s + e1 }));

    // Closing the merged tab only hides it; the action opens it again with every server.
    Q_EMIT tabs->tabCloseRequested(tabs->indexOf(merged));
    QVERIFY(!m_env.window->mergedView());
    QVERIFY(!toggle->isChecked());
    QCOMPARE(tabs->count(), 1);
    toggle->trigger();
    QVERIFY(toggle->isChecked());
    QCOMPARE(shownChannels(m_env.window->mergedView()), (QStringList { u"east "_s + e1 }));
}

void tst_InspectorMerged::demoServersOption()
{
    const auto parse = [](const QStringList &args) {
        return parseOptions(QStringList { u"qtari-inspector"_s, u"--demo"_s } + args);
    };
    QCOMPARE(parse({}).demoServers, 1);
    const Options three = parse({ u"--demo-servers"_s, u"3"_s, u"--screenshot-view"_s, u"merged"_s });
    QVERIFY2(three.error.isEmpty(), qPrintable(three.error));
    QCOMPARE(three.demoServers, 3);
    QCOMPARE(three.screenshotView, u"merged"_s);
    for (const QString &bad : { u"0"_s, u"9"_s, u"two"_s })
        QVERIFY(!parse({ u"--demo-servers"_s, bad }).error.isEmpty());
    QVERIFY(parse({ u"--screenshot-view"_s, u"requests"_s }).error.isEmpty());
    QVERIFY(parse({ u"--screenshot-view"_s, u"composer"_s }).error.isEmpty());
    QVERIFY(!parse({ u"--screenshot-view"_s, u"everything"_s }).error.isEmpty());
    // Each demo server has a name of its own, so the tabs and the merged rows tell them apart.
    Demo demo;
    QCOMPARE(demo.profile().name, demo.profile(1).name);
    QVERIFY(demo.profile(2).name != demo.profile(1).name);
    QVERIFY(demo.profile(2).name.contains(u'2'));
}

QTEST_MAIN(tst_InspectorMerged)
#include "tst_inspector_merged.moc"
