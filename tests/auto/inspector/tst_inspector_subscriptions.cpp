// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Capture and display filters with counts per event type, and the subscriptions panel, against
// the simulator in the default mode (no subscribeAll), where subscriptions decide what arrives.

#include "inspectortest.h"
#include "mainwindow.h"
#include "models/bridgesmodel.h"
#include "models/channelsmodel.h"
#include "models/eventlogfilter.h"
#include "models/eventlogmodel.h"
#include "models/eventtypesmodel.h"
#include "models/roles.h"
#include "profiles.h"
#include "session.h"
#include "widgets/eventlogwidget.h"
#include "widgets/serverview.h"
#include "widgets/subscriptionswindow.h"

#include <QtAri/Testing/Simulator>

#include <QtCore/QJsonObject>
#include <QtGui/QAction>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;
using namespace QtAri::Inspector;
using QtAri::Testing::Simulator;

namespace {
const QString testApp = u"subs-test"_s;

QStringList treeSources(QTreeWidget *tree)
{
    QStringList out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *top = tree->topLevelItem(i);
        for (int c = 0; c < top->childCount(); ++c)
            out.append(top->child(c)->data(0, Qt::UserRole).toString());
    }
    return out;
}
} // namespace

class tst_InspectorSubscriptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void countsAndCaptureAndDisplayFilters();
    void subscriptionsAndEventFilter();
    void withSubscribeAll();

private:
    ServerView *connectWindow();
    int logRows(const QString &type);

    InspectorTest::Env m_env;
    ServerView *m_view = nullptr;
};

void tst_InspectorSubscriptions::init()
{
    QVERIFY(m_env.start());
}

void tst_InspectorSubscriptions::cleanup()
{
    m_env.reset();
}

ServerView *tst_InspectorSubscriptions::connectWindow()
{
    m_view = m_env.connect(testApp, false); // the default mode
    return m_view;
}

int tst_InspectorSubscriptions::logRows(const QString &type)
{
    EventLogWidget *log = m_view->eventLog();
    log->model()->flush();
    int n = 0;
    for (int r = 0; r < log->filter()->rowCount(); ++r)
        n += log->filter()->index(r, 0).data(TypeRole).toString() == type ? 1 : 0;
    return n;
}

void tst_InspectorSubscriptions::countsAndCaptureAndDisplayFilters()
{
    QVERIFY(connectWindow());
    Session *s = m_view->session();
    const QString a = m_env.sim->startCall(testApp);
    const QString b = m_env.sim->startCall(testApp);
    QTRY_VERIFY(s->channels()->contains(a) && s->channels()->contains(b));

    m_env.window->action(u"actionSubscriptions"_s)->trigger();
    SubscriptionsWindow *window = m_env.window->subscriptionsWindow();
    QVERIFY(window);
    EventTypesModel *types = window->typesModel();
    QAbstractItemModelTester tester(types, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Every event type of the spec is listed, received or not.
    QVERIFY(types->rowCount() >= 40);
    QVERIFY(types->rowOf(u"ChannelTalkingStarted"_s) >= 0);
    QVERIFY(EventTypesModel::specEventTypes().contains(u"StasisStart"_s));
    QVERIFY(!EventTypesModel::specEventTypes().contains(u"Channel"_s)); // a model, not an event
    const auto cell = [types](const QString &type, int column, int role = Qt::DisplayRole) {
        return types->index(types->rowOf(type), column).data(role);
    };
    QTRY_COMPARE(cell(u"StasisStart"_s, EventTypesModel::ReceivedColumn).toULongLong(), 2ull);
    QCOMPARE(cell(u"ChannelTalkingStarted"_s, EventTypesModel::ReceivedColumn).toULongLong(), 0ull);

    // Capture off: DTMF is still counted, but neither logged nor on the ladder's traffic.
    const int before = logRows(u"ChannelDtmfReceived"_s);
    QVERIFY(types->setData(types->index(types->rowOf(u"ChannelDtmfReceived"_s),
                               EventTypesModel::CapturedColumn),
        Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!s->isCaptured(u"ChannelDtmfReceived"_s));
    m_env.sim->sendDtmf(a, u"12"_s);
    QTRY_COMPARE(cell(u"ChannelDtmfReceived"_s, EventTypesModel::ReceivedColumn).toULongLong(), 2ull);
    QCOMPARE(logRows(u"ChannelDtmfReceived"_s), before);
    // Capture on again: the next ones are logged.
    QVERIFY(types->setData(types->index(types->rowOf(u"ChannelDtmfReceived"_s),
                               EventTypesModel::CapturedColumn),
        Qt::Checked, Qt::CheckStateRole));
    m_env.sim->sendDtmf(a, u"3"_s);
    QTRY_COMPARE(logRows(u"ChannelDtmfReceived"_s), before + 1);

    // Show off: the StasisStart rows leave the log's view; the events stay in the model.
    QCOMPARE(logRows(u"StasisStart"_s), 2);
    QVERIFY(types->setData(
        types->index(types->rowOf(u"StasisStart"_s), EventTypesModel::ShownColumn), Qt::Unchecked,
        Qt::CheckStateRole));
    QCOMPARE(logRows(u"StasisStart"_s), 0);
    QCOMPARE(cell(u"StasisStart"_s, EventTypesModel::ShownColumn, Qt::CheckStateRole).toInt(),
        int(Qt::Unchecked));
    QVERIFY(m_view->eventLog()->filter()->hiddenTypes().contains(u"StasisStart"_s));

    // A type the spec does not know is added when it arrives.
    m_env.sim->pushEvent({ { u"type"_s, u"QtAriTestOnly"_s }, { u"application"_s, testApp } });
    QTRY_VERIFY(types->rowOf(u"QtAriTestOnly"_s) >= 0);
    QCOMPARE(cell(u"QtAriTestOnly"_s, EventTypesModel::TypeColumn, Qt::ToolTipRole).toString().isEmpty(),
        false);
}

void tst_InspectorSubscriptions::subscriptionsAndEventFilter()
{
    QVERIFY(connectWindow());
    Session *s = m_view->session();
    QCOMPARE(m_env.window->action(u"actionSubscriptions"_s)->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    // A bridge the Inspector creates is one its application is subscribed to.
    s->createBridge(u"mixing"_s, u"room"_s);
    QTRY_COMPARE(s->bridges()->rowCount(), 1);
    const QString bridgeId = s->bridges()->ids().first();

    m_env.window->action(u"actionSubscriptions"_s)->trigger();
    SubscriptionsWindow *window = m_env.window->subscriptionsWindow();
    QSignalSpy refreshed(window, &SubscriptionsWindow::refreshed);
    QCOMPARE(window->applicationCombo()->currentText(), testApp);
    QTRY_VERIFY(treeSources(window->subscriptionsTree()).contains(u"bridge:"_s + bridgeId));

    // A bad event source: Asterisk's reason, in red, nothing changes.
    refreshed.clear();
    window->sourceEdit()->setText(u"bogus:thing"_s);
    window->subscribe();
    QTRY_VERIFY(!refreshed.isEmpty());
    QVERIFY2(window->statusLabel()->text().contains(u"Invalid event source URI scheme"_s),
        qPrintable(window->statusLabel()->text()));

    // Unsubscribe from the bridge by selecting it.
    QTreeWidget *tree = window->subscriptionsTree();
    for (QTreeWidgetItem *item : tree->findItems(u"bridge:"_s + bridgeId, Qt::MatchRecursive))
        item->setSelected(true);
    refreshed.clear();
    window->unsubscribeSelected();
    QTRY_VERIFY(!refreshed.isEmpty());
    QVERIFY2(!treeSources(tree).contains(u"bridge:"_s + bridgeId), qPrintable(treeSources(tree).join(u',')));
    // And subscribe again by typing it.
    refreshed.clear();
    window->sourceEdit()->setText(u"bridge:"_s + bridgeId);
    window->subscribe();
    QTRY_VERIFY(treeSources(tree).contains(u"bridge:"_s + bridgeId));

    // The event filter: set, read back, reset.
    refreshed.clear();
    window->allowedEdit()->setText(u"StasisStart, StasisEnd"_s);
    window->disallowedEdit()->clear();
    window->applyFilter();
    QTRY_VERIFY(!refreshed.isEmpty());
    QCOMPARE(window->allowedEdit()->text(), u"StasisStart, StasisEnd"_s);
    refreshed.clear();
    window->refresh();
    QTRY_VERIFY(!refreshed.isEmpty());
    QCOMPARE(window->allowedEdit()->text(), u"StasisStart, StasisEnd"_s);
    refreshed.clear();
    window->allowedEdit()->clear();
    window->applyFilter();
    QTRY_VERIFY(!refreshed.isEmpty());
    QCOMPARE(window->allowedEdit()->text(), QString());
}

void tst_InspectorSubscriptions::withSubscribeAll()
{
    m_view = m_env.connect(testApp, true);
    QVERIFY(m_view);
    m_env.window->action(u"actionSubscriptions"_s)->trigger();
    SubscriptionsWindow *window = m_env.window->subscriptionsWindow();
    QVERIFY(window);
    QTRY_COMPARE(window->subscriptionsTree()->topLevelItemCount(), 4);
    QVERIFY2(window->statusLabel()->text().isEmpty(), qPrintable(window->statusLabel()->text()));
}

QTEST_MAIN(tst_InspectorSubscriptions)
#include "tst_inspector_subscriptions.moc"
