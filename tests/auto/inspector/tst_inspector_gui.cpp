// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// The Inspector driven through its UI against the in-process simulator.

#include "mainwindow.h"
#include "models/bridgesmodel.h"
#include "models/channelsmodel.h"
#include "models/eventlogfilter.h"
#include "models/eventlogmodel.h"
#include "models/roles.h"
#include "options.h"
#include "profiles.h"
#include "session.h"
#include "widgets/connectiondialog.h"
#include "widgets/detailswidget.h"
#include "widgets/dialogs.h"
#include "widgets/eventlogwidget.h"
#include "widgets/serverview.h"

#include <QtAri/Testing/Simulator>

#include <QtCore/QFile>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtCore/QScopeGuard>
#include <QtCore/QMimeData>
#include <QtCore/QSettings>
#include <QtCore/QSortFilterProxyModel>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTranslator>
#include <QtGui/QAction>
#include <QtNetwork/QTcpServer>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QTreeWidget>

#include <memory>

// CI runs these under ASan on two busy cores: give late-settling state more time than QtTest's 5 s.
#undef QTRY_VERIFY
#define QTRY_VERIFY(expr) QTRY_VERIFY_WITH_TIMEOUT(expr, 20000)
#undef QTRY_COMPARE
#define QTRY_COMPARE(expr, expected) QTRY_COMPARE_WITH_TIMEOUT(expr, expected, 20000)

using namespace Qt::StringLiterals;
using namespace QtAri::Inspector;
using QtAri::Testing::Simulator;

namespace {
const QString testApp = u"inspector-test"_s;

struct Request
{
    QString method;
    QString path;
};
} // namespace

class tst_InspectorGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void hangupRemovesChannelFromView();
    void bridgeTwoChannelsByDragAndDrop();
    void dropOutsideBridgesMakesNewBridge();
    void removeFromBridgeAndDestroy();
    void playSoundShowsPlaybackEvents();
    void playbackControl();
    void channelActions_data();
    void channelActions();
    void originateAddsChannel();
    void recordingStartsAndStops();
    void eventLogFilter();
    void addToBridgeFromMenuAndBridgeActions();
    void shortcutsAndContextMenus();
    void resyncAfterReconnect();
    void statusBarShowsServer();
    void closingTabsWhileBusy();
    void detailsShowChannelAndVariables();
    void failedActionShowsAsterisksMessage();
    void eventLogAndLogsHoldNoCredentials();
    void connectionDialogRefusesWrongPassword();
    void profilesKeepNoPlainPassword();
    void listenForAsterisk();
    void restTransportChoice();
    void modelsStayConsistentThroughCalls();
    void translationsLoad_data();
    void translationsLoad();

private:
    ServerView *connectWindow();
    QString waitForCall(const QStringList &args = {});
    bool sawRequest(const QString &method, const QString &pathSuffix) const;
    int countEvents(const QString &type, const QString &id = {}) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<MainWindow> m_window;
    ServerView *m_view = nullptr;
    QList<Request> m_requests;
};

void tst_InspectorGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<QtAri::Error>();
}

void tst_InspectorGui::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings =
        std::make_unique<QSettings>(m_dir->filePath(u"inspector.ini"_s), QSettings::IniFormat);
    m_store = std::make_unique<ProfileStore>(m_settings.get());
    m_store->setKeychainEnabled(false);
    m_sim = std::make_unique<Simulator>();
    QVERIFY(m_sim->start());
    m_requests.clear();
    connect(m_sim.get(), &Simulator::requestReceived, this,
        [this](const QString &method, const QString &path) {
            m_requests.append({ method, path });
        });
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->show();
    m_view = nullptr;
}

void tst_InspectorGui::cleanup()
{
    // Close message boxes first; the window owns them.
    m_window.reset();
    m_sim.reset();
    m_store.reset();
    m_settings.reset();
    m_dir.reset();
}

ServerView *tst_InspectorGui::connectWindow()
{
    ConnectionProfile p;
    p.name = u"sim"_s;
    p.url = m_sim->url();
    p.user = u"asterisk"_s;
    p.password = u"asterisk"_s;
    p.applications = { testApp };
    p.subscribeAll = true;
    ServerView *view = m_window->openProfile(p);
    if (!QTest::qWaitFor(
            [view] { return view->session()->state() == QtAri::Client::State::Connected; }, 20000))
        return nullptr;
    m_view = view;
    return view;
}

QString tst_InspectorGui::waitForCall(const QStringList &args)
{
    const QString id = m_sim->startCall(testApp, args);
    ChannelsModel *channels = m_view->session()->channels();
    if (!QTest::qWaitFor([&] { return channels->contains(id); }, 20000))
        return {};
    return id;
}

bool tst_InspectorGui::sawRequest(const QString &method, const QString &pathSuffix) const
{
    for (const Request &r : m_requests) {
        if (r.method == method && r.path.endsWith(pathSuffix))
            return true;
    }
    return false;
}

int tst_InspectorGui::countEvents(const QString &type, const QString &id) const
{
    EventLogModel *log = m_view->session()->eventLog();
    log->flush();
    int n = 0;
    for (int row = 0; row < log->rowCount(); ++row) {
        const QModelIndex i = log->index(row, 0);
        if (i.data(TypeRole).toString() == type
            && (id.isEmpty() || i.data(IdsRole).toStringList().contains(id)))
            ++n;
    }
    return n;
}

void tst_InspectorGui::hangupRemovesChannelFromView()
{
    QVERIFY(connectWindow());
    const QString keep = waitForCall();
    const QString id = waitForCall();
    QVERIFY(!id.isEmpty() && !keep.isEmpty());
    QTableView *table = m_view->channelView();
    QCOMPARE(table->model()->rowCount(), 2);

    QVERIFY(m_view->selectChannel(id));
    QCOMPARE(m_view->selectedChannelIds(), QStringList { id });
    m_window->action(u"actionHangup"_s)->trigger();

    QTRY_VERIFY(!m_view->session()->channels()->contains(id));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data(IdRole).toString(), keep);
    QVERIFY(sawRequest(u"DELETE"_s, u"/channels/"_s + id));
    QTRY_VERIFY(countEvents(u"ChannelDestroyed"_s, id) == 1);
    // The server agrees.
    for (const QJsonValue &c : m_sim->channels())
        QVERIFY(c.toObject().value("id"_L1).toString() != id);
}

void tst_InspectorGui::bridgeTwoChannelsByDragAndDrop()
{
    QVERIFY(connectWindow());
    const QString a = waitForCall();
    const QString b = waitForCall();
    Session *s = m_view->session();
    s->createBridge(u"mixing"_s, u"room"_s);
    QTRY_COMPARE(s->bridges()->rowCount(), 1);
    const QString bridgeId = s->bridges()->ids().first();

    // Select both rows in the channel table and drag them onto the bridge row of the tree.
    QTableView *table = m_view->channelView();
    table->selectAll();
    const QModelIndexList rows = table->selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 2);
    std::unique_ptr<QMimeData> mime(table->model()->mimeData(rows));
    QVERIFY(mime);
    QAbstractItemModel *tree = m_view->bridgeView()->model();
    const QModelIndex target = s->bridges()->indexOf(bridgeId);
    QVERIFY(tree->canDropMimeData(mime.get(), Qt::CopyAction, -1, -1, target));
    QVERIFY(tree->dropMimeData(mime.get(), Qt::CopyAction, -1, -1, target));

    QTRY_COMPARE(s->bridges()->members(bridgeId).size(), 2);
    QVERIFY(s->bridges()->members(bridgeId).contains(a));
    QVERIFY(s->bridges()->members(bridgeId).contains(b));
    QCOMPARE(tree->rowCount(s->bridges()->indexOf(bridgeId)), 2);
    QCOMPARE(s->channels()->bridgeOf(a), bridgeId);
    QCOMPARE(s->channels()->bridgeOf(b), bridgeId);
    QVERIFY(sawRequest(u"POST"_s, u"/bridges/"_s + bridgeId + u"/addChannel"_s));
    QTRY_COMPARE(countEvents(u"ChannelEnteredBridge"_s, bridgeId), 2);
}

void tst_InspectorGui::dropOutsideBridgesMakesNewBridge()
{
    QVERIFY(connectWindow());
    const QString a = waitForCall();
    const QString b = waitForCall();
    Session *s = m_view->session();
    QTableView *table = m_view->channelView();
    table->selectAll();
    std::unique_ptr<QMimeData> mime(
        table->model()->mimeData(table->selectionModel()->selectedRows()));
    QVERIFY(m_view->bridgeView()->model()->dropMimeData(mime.get(), Qt::CopyAction, 0, 0, {}));
    QTRY_COMPARE(s->bridges()->rowCount(), 1);
    const QString bridgeId = s->bridges()->ids().first();
    QTRY_COMPARE(s->bridges()->members(bridgeId).size(), 2);
    QCOMPARE(s->channels()->bridgeOf(a), bridgeId);
    QCOMPARE(s->channels()->bridgeOf(b), bridgeId);
}

void tst_InspectorGui::removeFromBridgeAndDestroy()
{
    QVERIFY(connectWindow());
    const QString a = waitForCall();
    const QString b = waitForCall();
    Session *s = m_view->session();
    QTableView *table = m_view->channelView();
    table->selectAll();
    m_window->action(u"actionBridgeSelection"_s)->trigger();
    QTRY_COMPARE(s->bridges()->rowCount(), 1);
    const QString bridgeId = s->bridges()->ids().first();
    QTRY_COMPARE(s->bridges()->members(bridgeId).size(), 2);

    QVERIFY(m_view->selectChannel(a));
    m_window->action(u"actionRemoveFromBridge"_s)->trigger();
    QTRY_COMPARE(s->bridges()->members(bridgeId), QStringList { b });
    QTRY_COMPARE(s->channels()->bridgeOf(a), QString());
    QVERIFY(sawRequest(u"POST"_s, u"/bridges/"_s + bridgeId + u"/removeChannel"_s));

    QVERIFY(m_view->selectBridge(bridgeId));
    m_window->action(u"actionDestroyBridge"_s)->trigger();
    QTRY_COMPARE(s->bridges()->rowCount(), 0);
    QTRY_COMPARE(s->channels()->bridgeOf(b), QString());
    QCOMPARE(countEvents(u"BridgeDestroyed"_s, bridgeId), 1);
}

void tst_InspectorGui::playSoundShowsPlaybackEvents()
{
    QVERIFY(connectWindow());
    const QString id = waitForCall();
    QVERIFY(m_view->selectChannel(id));
    m_window->action(u"actionPlay"_s)->trigger();
    auto *dialog = qobject_cast<PlayMediaDialog *>(m_window->activeDialog());
    QVERIFY(dialog);
    // The picker lists the server's sounds.
    QTRY_VERIFY(dialog->soundCount() > 0);
    QVERIFY(sawRequest(u"GET"_s, u"/sounds"_s));
    QVERIFY(dialog->selectSound(u"hello-world"_s) || dialog->soundCount() > 0);
    if (dialog->mediaUri().isEmpty())
        dialog->setMediaUri(u"sound:hello-world"_s);
    const QString media = dialog->mediaUri();
    QVERIFY(media.startsWith(u"sound:"_s));
    dialog->accept();

    QTRY_VERIFY(sawRequest(u"POST"_s, u"/channels/"_s + id + u"/play"_s));
    // The log shows the playback starting and finishing, with the channel as its target.
    EventLogWidget *log = m_view->eventLog();
    log->typeCombo()->setCurrentIndex(-1);
    QTRY_VERIFY(log->typeCombo()->findData(u"PlaybackStarted"_s) >= 0);
    log->typeCombo()->setCurrentIndex(log->typeCombo()->findData(u"PlaybackStarted"_s));
    QTRY_COMPARE(log->filter()->rowCount(), 1);
    const QJsonObject started = log->filter()->index(0, 0).data(JsonRole).toJsonObject();
    QCOMPARE(started.value("playback"_L1).toObject().value("target_uri"_L1).toString(),
        u"channel:"_s + id);
    QCOMPARE(started.value("playback"_L1).toObject().value("media_uri"_L1).toString(), media);
    QTRY_VERIFY_WITH_TIMEOUT(countEvents(u"PlaybackFinished"_s) == 1, 30000);
}

void tst_InspectorGui::playbackControl()
{
    QVERIFY(connectWindow());
    const QString id = waitForCall();
    Session *s = m_view->session();
    s->play(id, u"sound:hello-world"_s);
    QTRY_COMPARE(s->playbacksOn(id).size(), 1);
    const QString playback = s->playbacksOn(id).first();
    QVERIFY(m_view->selectChannel(id));
    m_window->action(u"actionPausePlayback"_s)->trigger();
    QTRY_VERIFY(sawRequest(u"POST"_s, u"/playbacks/"_s + playback + u"/control"_s));
    m_window->action(u"actionResumePlayback"_s)->trigger();
    m_window->action(u"actionStopPlayback"_s)->trigger();
    QTRY_VERIFY(sawRequest(u"DELETE"_s, u"/playbacks/"_s + playback));
    QTRY_VERIFY(s->playbacksOn(id).isEmpty());
    QCOMPARE(countEvents(u"PlaybackFinished"_s, playback), 1);
}

void tst_InspectorGui::channelActions_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path"); // after /channels/<id>
    QTest::addColumn<QString>("event"); // an event the server sends back, or ""
    QTest::newRow("answer") << u"actionAnswer"_s << u"POST"_s << u"/answer"_s
                            << u"ChannelStateChange"_s;
    QTest::newRow("ring") << u"actionRing"_s << u"POST"_s << u"/ring"_s << QString();
    QTest::newRow("ring stop") << u"actionRingStop"_s << u"DELETE"_s << u"/ring"_s << QString();
    QTest::newRow("hold") << u"actionHold"_s << u"POST"_s << u"/hold"_s << u"ChannelHold"_s;
    QTest::newRow("unhold") << u"actionUnhold"_s << u"DELETE"_s << u"/hold"_s << u"ChannelUnhold"_s;
    QTest::newRow("mute") << u"actionMute"_s << u"POST"_s << u"/mute"_s << QString();
    QTest::newRow("unmute") << u"actionUnmute"_s << u"DELETE"_s << u"/mute"_s << QString();
    QTest::newRow("moh start") << u"actionStartMoh"_s << u"POST"_s << u"/moh"_s << QString();
    QTest::newRow("moh stop") << u"actionStopMoh"_s << u"DELETE"_s << u"/moh"_s << QString();
    QTest::newRow("dtmf") << u"actionSendDtmf"_s << u"POST"_s << u"/dtmf"_s << QString();
    QTest::newRow("hangup cause") << u"actionHangupCause"_s << u"DELETE"_s << QString()
                                  << u"ChannelDestroyed"_s;
}

void tst_InspectorGui::channelActions()
{
    QFETCH(QString, action);
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, event);
    QVERIFY(connectWindow());
    const QString id = waitForCall();
    QVERIFY(m_view->selectChannel(id));
    QSignalSpy failed(m_window.get(), &MainWindow::actionFailed);
    QSignalSpy done(m_view->session(), &Session::actionSucceeded);
    const int before = event.isEmpty() ? 0 : countEvents(event, id);
    m_window->action(action)->trigger();
    if (auto *dtmf = qobject_cast<DtmfDialog *>(m_window->activeDialog())) {
        dtmf->setDigits(u"12#"_s);
        dtmf->accept();
    } else if (auto *hangup = qobject_cast<HangupDialog *>(m_window->activeDialog())) {
        hangup->setReason(u"busy"_s);
        hangup->accept();
    }
    QTRY_COMPARE(done.size() + failed.size(), 1);
    QCOMPARE(failed.size(), 0);
    QVERIFY2(sawRequest(method, u"/channels/"_s + id + path), qPrintable(method + u' ' + path));
    if (!event.isEmpty())
        QTRY_VERIFY(countEvents(event, id) > before);
    if (action == "actionAnswer"_L1)
        QTRY_COMPARE(m_view->session()->channels()->json(id).value("state"_L1).toString(), u"Up"_s);
    if (action == "actionHangupCause"_L1) {
        QTRY_VERIFY(!m_view->session()->channels()->contains(id));
        EventLogModel *log = m_view->session()->eventLog();
        bool busy = false;
        for (int row = 0; row < log->rowCount(); ++row) {
            const QJsonObject e = log->index(row, 0).data(JsonRole).toJsonObject();
            if (e.value("type"_L1).toString() == "ChannelDestroyed"_L1)
                busy = e.value("cause"_L1).toInt() == 17;
        }
        QVERIFY(busy);
    }
}

void tst_InspectorGui::originateAddsChannel()
{
    QVERIFY(connectWindow());
    m_window->action(u"actionOriginate"_s)->trigger();
    auto *dialog = qobject_cast<OriginateDialog *>(m_window->activeDialog());
    QVERIFY(dialog);
    dialog->setEndpoint(u"PJSIP/1000"_s);
    QCOMPARE(dialog->application(), testApp);
    dialog->accept();
    QTRY_COMPARE(m_view->session()->channels()->rowCount(), 1);
    QVERIFY(sawRequest(u"POST"_s, u"/channels"_s));
    const QString id = m_view->session()->channels()->ids().first();
    QVERIFY(m_view->session()->channels()->nameOf(id).startsWith(u"PJSIP/1000"_s));
}

void tst_InspectorGui::recordingStartsAndStops()
{
    QVERIFY(connectWindow());
    const QString id = waitForCall();
    Session *s = m_view->session();
    s->answer({ id });
    QTRY_COMPARE(s->channels()->json(id).value("state"_L1).toString(), u"Up"_s);
    QVERIFY(m_view->selectChannel(id));
    m_window->action(u"actionStartRecording"_s)->trigger();
    auto *dialog = qobject_cast<RecordDialog *>(m_window->activeDialog());
    QVERIFY(dialog);
    const QString name = dialog->name();
    QVERIFY(!name.isEmpty());
    dialog->accept();
    QTRY_COMPARE(countEvents(u"RecordingStarted"_s, name), 1);
    QCOMPARE(s->recordingsOn(id), QStringList { name });
    m_window->action(u"actionStopRecording"_s)->trigger();
    QTRY_COMPARE(countEvents(u"RecordingFinished"_s, name), 1);
    QVERIFY(s->recordingsOn(id).isEmpty());
}

void tst_InspectorGui::eventLogFilter()
{
    QVERIFY(connectWindow());
    const QString a = waitForCall();
    const QString b = waitForCall();
    m_sim->sendDtmf(a, u"71"_s);
    m_sim->sendDtmf(b, u"7"_s);
    EventLogWidget *log = m_view->eventLog();
    QTRY_COMPARE(countEvents(u"ChannelDtmfReceived"_s), 3);

    QTRY_VERIFY(log->typeCombo()->findData(u"ChannelDtmfReceived"_s) >= 0);
    log->typeCombo()->setCurrentIndex(log->typeCombo()->findData(u"ChannelDtmfReceived"_s));
    QCOMPARE(log->filter()->rowCount(), 3);
    QTest::keyClicks(log->idEdit(), a);
    QCOMPARE(log->filter()->rowCount(), 2);
    log->idEdit()->clear();
    QTest::keyClicks(log->textEdit(), u"\"digit\":\"7\""_s);
    QCOMPARE(log->filter()->rowCount(), 2);
    log->typeCombo()->setCurrentIndex(0); // all types
    log->textEdit()->clear();
    log->idEdit()->setText(b);
    const int ofB = log->filter()->rowCount();
    QVERIFY(ofB >= 3); // at least created, StasisStart and the digit
    for (int row = 0; row < ofB; ++row)
        QVERIFY(log->filter()->index(row, 0).data(IdsRole).toStringList().contains(b));

    // Selecting a row shows its JSON.
    log->view()->selectRow(ofB - 1);
    QVERIFY(log->jsonView()->toPlainText().contains(b));

    // Paused, the log holds new events back and shows them on resume.
    log->idEdit()->clear();
    const int shown = log->filter()->rowCount();
    QTest::mouseClick(log->pauseButton(), Qt::LeftButton);
    QVERIFY(m_view->session()->eventLog()->isPaused());
    m_sim->sendDtmf(a, u"9"_s);
    QTRY_VERIFY(m_view->session()->eventLog()->pendingCount() > 0);
    QCOMPARE(log->filter()->rowCount(), shown);
    QTest::mouseClick(log->pauseButton(), Qt::LeftButton);
    QVERIFY(log->filter()->rowCount() > shown);
}

void tst_InspectorGui::addToBridgeFromMenuAndBridgeActions()
{
    QVERIFY(connectWindow());
    const QString a = waitForCall();
    Session *s = m_view->session();
    // Create a bridge through its dialog.
    m_window->action(u"actionCreateBridge"_s)->trigger();
    auto *dialog = qobject_cast<CreateBridgeDialog *>(m_window->activeDialog());
    QVERIFY(dialog);
    QCOMPARE(dialog->type(), u"mixing"_s);
    dialog->accept();
    QTRY_COMPARE(s->bridges()->rowCount(), 1);
    const QString bridgeId = s->bridges()->ids().first();

    // Bridge > Add to bridge > <the bridge>, with the channel selected.
    QVERIFY(m_view->selectChannel(a));
    auto *menu = m_window->findChild<QMenu *>(u"addToBridgeMenu"_s);
    QVERIFY(menu);
    Q_EMIT menu->aboutToShow();
    QCOMPARE(menu->actions().size(), 1);
    menu->actions().first()->trigger();
    QTRY_COMPARE(s->bridges()->members(bridgeId), QStringList { a });

    // Play and music on hold on the bridge itself (the tree selected last).
    QVERIFY(m_view->selectBridge(bridgeId));
    QCOMPARE(m_view->selectedTargets(), QStringList { bridgeId });
    m_window->action(u"actionStartMoh"_s)->trigger();
    QTRY_VERIFY(sawRequest(u"POST"_s, u"/bridges/"_s + bridgeId + u"/moh"_s));
    m_window->action(u"actionStopMoh"_s)->trigger();
    QTRY_VERIFY(sawRequest(u"DELETE"_s, u"/bridges/"_s + bridgeId + u"/moh"_s));
    m_window->action(u"actionPlay"_s)->trigger();
    auto *play = qobject_cast<PlayMediaDialog *>(m_window->activeDialog());
    QVERIFY(play);
    play->setMediaUri(u"sound:hello-world"_s);
    play->accept();
    QTRY_VERIFY(sawRequest(u"POST"_s, u"/bridges/"_s + bridgeId + u"/play"_s));
    QTRY_COMPARE(
        countEvents(u"PlaybackStarted"_s, bridgeId) + countEvents(u"PlaybackFinished"_s, bridgeId)
            > 0,
        true);
}

void tst_InspectorGui::shortcutsAndContextMenus()
{
    QVERIFY(connectWindow());
    const QString id = waitForCall();
    // The channel and bridge views offer the actions as context menus.
    QVERIFY(m_view->channelView()->actions().contains(m_window->action(u"actionHangup"_s)));
    QVERIFY(m_view->channelView()->actions().contains(m_window->action(u"actionPlay"_s)));
    QVERIFY(m_view->bridgeView()->actions().contains(m_window->action(u"actionDestroyBridge"_s)));
    QCOMPARE(m_view->channelView()->contextMenuPolicy(), Qt::ActionsContextMenu);
    QCOMPARE(m_window->action(u"actionHangup"_s)->shortcut(), QKeySequence(QKeySequence::Delete));

    // Delete in the channel table hangs the selected channel up.
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_view->selectChannel(id));
    m_view->channelView()->setFocus();
    QTest::keyClick(m_view->channelView(), Qt::Key_Delete);
    QTRY_VERIFY(!m_view->session()->channels()->contains(id));
}

void tst_InspectorGui::resyncAfterReconnect()
{
    QVERIFY(connectWindow());
    Session *s = m_view->session();
    const QString a = waitForCall();
    const QString b = waitForCall();
    // The server goes away; meanwhile one call ends and another starts, unseen.
    m_sim->setRefuseConnections(true);
    m_sim->dropWebSockets();
    QTRY_COMPARE(s->state(), QtAri::Client::State::Reconnecting);
    QTRY_VERIFY(m_window->findChild<QLabel *>(u"stateLabel"_s)->text() == s->stateText());
    m_sim->hangupChannel(a);
    const QString c = m_sim->startCall(testApp);
    QVERIFY(s->channels()->contains(a));
    QVERIFY(!s->channels()->contains(c));
    m_sim->setRefuseConnections(false);
    QTRY_VERIFY_WITH_TIMEOUT(s->state() == QtAri::Client::State::Connected, 30000);
    // After the reconnect the views equal the server again.
    QTRY_VERIFY(!s->channels()->contains(a));
    QTRY_VERIFY(s->channels()->contains(c));
    QVERIFY(s->channels()->contains(b));
    QCOMPARE(s->channels()->rowCount(), 2);
}

void tst_InspectorGui::statusBarShowsServer()
{
    QVERIFY(connectWindow());
    waitForCall();
    QTRY_VERIFY(
        m_window->findChild<QLabel *>(u"versionLabel"_s)->text().startsWith(u"Asterisk "_s));
    QCOMPARE(
        m_window->findChild<QLabel *>(u"stateLabel"_s)->text(), m_view->session()->stateText());
    // The rate is sampled once a second from the events received.
    QTRY_VERIFY(m_view->session()->eventCount() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->findChild<QLabel *>(u"rateLabel"_s)->text().contains(u"events/s"_s), 20000);
}

void tst_InspectorGui::closingTabsWhileBusy()
{
    // A tab closed while its connect and its actions are still pending goes quietly: no
    // message boxes, no crash when the client fails what was pending.
    QVERIFY(connectWindow());
    const QString id = waitForCall();
    QSignalSpy failed(m_window.get(), &MainWindow::actionFailed);
    m_sim->setRestDelay(300);
    m_view->session()->answer({ id });
    m_view->session()->play(id, u"sound:hello-world"_s);
    ConnectionProfile p;
    p.name = u"slow"_s;
    p.url = m_sim->url();
    p.user = u"asterisk"_s;
    p.password = u"asterisk"_s;
    p.applications = { u"other-app"_s };
    m_window->openProfile(p);
    QCOMPARE(m_window->tabs()->count(), 2);
    m_window->action(u"actionCloseTab"_s)->trigger();
    m_window->tabs()->setCurrentIndex(0);
    m_window->action(u"actionCloseTab"_s)->trigger();
    QTRY_COMPARE(m_window->tabs()->count(), 0);
    QTest::qWait(500);
    QCOMPARE(failed.size(), 0);
    QVERIFY(!m_window->findChild<QMessageBox *>(u"actionErrorBox"_s));
}

void tst_InspectorGui::detailsShowChannelAndVariables()
{
    QVERIFY(connectWindow());
    const QString id = waitForCall();
    QVERIFY(m_view->selectChannel(id));
    DetailsWidget *details = m_view->details();
    QCOMPARE(details->shownId(), id);
    const auto found = details->tree()->findItems(id, Qt::MatchExactly | Qt::MatchRecursive, 1);
    QVERIFY(!found.isEmpty());
    QCOMPARE(found.first()->text(0), u"id"_s);
    details->fetchVariable(u"CALLERID(num)"_s);
    QTRY_VERIFY(!details->tree()
                     ->findItems(u"CALLERID(num)"_s, Qt::MatchExactly | Qt::MatchRecursive, 0)
                     .isEmpty());
    QVERIFY(sawRequest(u"GET"_s, u"/channels/"_s + id + u"/variable"_s));
}

// The Inspector's event log and every log line of a session (debug logging, a failing action, a
// dropped socket) hold neither the password nor its Basic form.
namespace {
QStringList capturedLines;
void captureLine(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    capturedLines.append(QString::fromLatin1(context.category ? context.category : "") + u' ' + message);
}
} // namespace

void tst_InspectorGui::eventLogAndLogsHoldNoCredentials()
{
    const QString user = u"inspector-user"_s;
    const QString password = u"pw-%1-#?/+"_s.arg(QCoreApplication::applicationPid());
    m_sim->addUser(user, password);
    capturedLines.clear();
    QLoggingCategory::setFilterRules(u"qtari.*.debug=true"_s);
    const QtMessageHandler previous = qInstallMessageHandler(captureLine);
    const auto restore = qScopeGuard([previous] {
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
    });
    ConnectionProfile p;
    p.name = u"secret"_s;
    p.url = m_sim->url();
    p.user = user;
    p.password = password;
    p.applications = { testApp };
    ServerView *view = m_window->openProfile(p);
    QVERIFY(QTest::qWaitFor(
        [view] { return view->session()->state() == QtAri::Client::State::Connected; }, 20000));
    m_view = view;
    const QString id = waitForCall();
    QVERIFY(!id.isEmpty());
    view->session()->answer({ u"no-such-channel"_s });
    m_sim->dropWebSockets();
    QTRY_COMPARE_WITH_TIMEOUT(view->session()->state(), QtAri::Client::State::Connected, 20000);
    m_sim->hangupChannel(id);
    EventLogModel *log = view->session()->eventLog();
    QTRY_VERIFY(log->totalReceived() >= 4);
    log->flush();
    QVERIFY(log->rowCount() > 0);

    const QStringList secrets = { password, user + u':' + password,
        QString::fromLatin1((user + u':' + password).toUtf8().toBase64()),
        QString::fromLatin1(QUrl::toPercentEncoding(password)) };
    const auto check = [&secrets](const QString &text, const QString &where) {
        for (const QString &secret : secrets) {
            if (text.contains(secret))
                return u"%1 holds a credential: %2"_s.arg(where, text.left(200));
        }
        return QString();
    };
    for (int row = 0; row < log->rowCount(); ++row) {
        for (int column = 0; column < log->columnCount(); ++column) {
            for (int role : { int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::UserRole) }) {
                const QString why = check(log->index(row, column).data(role).toString(),
                    u"event log row %1"_s.arg(row));
                QVERIFY2(why.isEmpty(), qPrintable(why));
            }
        }
    }
    QVERIFY(capturedLines.size() > 10);
    for (const QString &line : std::as_const(capturedLines)) {
        const QString why = check(line, u"a log line"_s);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }
}

void tst_InspectorGui::failedActionShowsAsterisksMessage()
{
    QVERIFY(connectWindow());
    QSignalSpy failed(m_window.get(), &MainWindow::actionFailed);
    m_view->session()->answer({ u"no-such-channel"_s });
    QTRY_COMPARE(failed.size(), 1);
    const auto error = failed.at(0).at(1).value<QtAri::Error>();
    QCOMPARE(error.kind(), QtAri::Error::Kind::Http);
    QCOMPARE(error.httpStatus(), 404);
    QVERIFY(!error.message().isEmpty());
    auto *box = m_window->findChild<QMessageBox *>(u"actionErrorBox"_s);
    QVERIFY(box);
    QCOMPARE(box->text(), error.message());
}

void tst_InspectorGui::connectionDialogRefusesWrongPassword()
{
    ConnectionDialog dialog(m_store.get());
    ConnectionProfile p;
    p.name = u"sim"_s;
    p.url = m_sim->url();
    p.user = u"asterisk"_s;
    p.password = u"wrong"_s;
    p.applications = { testApp };
    dialog.setProfile(p);
    dialog.show();
    QSignalSpy failed(&dialog, &ConnectionDialog::connectFailed);
    QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
    QTRY_COMPARE(failed.size(), 1);
    const auto error = failed.at(0).at(0).value<QtAri::Error>();
    QCOMPARE(error.httpStatus(), 401);
    QVERIFY(!error.message().isEmpty());
    QCOMPARE(dialog.errorText(), error.message());
    QVERIFY(dialog.findChild<QLabel *>(u"status"_s)->text().contains(error.message()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!m_store->contains(u"sim"_s)); // nothing saved for a failed attempt

    // With the right password it connects, saves the profile and hands over the session.
    dialog.passwordEdit()->setText(u"asterisk"_s);
    QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    std::unique_ptr<Session> session(dialog.takeSession());
    QVERIFY(session);
    QCOMPARE(session->state(), QtAri::Client::State::Connected);
    QVERIFY(m_store->contains(u"sim"_s));
    QCOMPARE(m_store->lastUsed(), u"sim"_s);
}

// The "listen for Asterisk" profile: the dialog accepts at once, the view waits, and when Asterisk
// (here ari-sim's outbound mode, trace n) dials in with the right credentials the calls show.
void tst_InspectorGui::listenForAsterisk()
{
    QTcpServer probe; // a free port for the profile
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    ConnectionDialog dialog(m_store.get());
    ConnectionProfile p;
    p.name = u"outbound"_s;
    p.listen = true;
    p.listenPort = port;
    p.user = u"ws-user"_s;
    p.password = u"ws-pass"_s;
    p.applications = { testApp };
    p.subscribeAll = false;
    dialog.setProfile(p);
    QVERIFY(!dialog.findChild<QLineEdit *>(u"url"_s)->isEnabled());
    dialog.show();
    QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(m_store->contains(u"outbound"_s));
    const ConnectionProfile saved = m_store->load(u"outbound"_s);
    QVERIFY(saved.listen);
    QCOMPARE(saved.listenPort, port);
    Session *session = dialog.takeSession();
    QVERIFY(session);
    ServerView *view = m_window->addSession(session);
    QVERIFY(view);
    QCOMPARE(session->state(), QtAri::Client::State::Connecting);
    QVERIFY(session->stateText().contains(QString::number(port)));

    QtAri::Testing::Simulator::OutboundConnection c;
    c.uri = QUrl(u"ws://127.0.0.1:%1/"_s.arg(port));
    c.apps = { testApp };
    c.user = u"ws-user"_s;
    c.password = u"ws-pass"_s;
    c.reconnectIntervalMs = 100;
    m_sim->addOutboundConnection(c);
    QTRY_COMPARE(session->state(), QtAri::Client::State::Connected);
    const QString id = m_sim->startCall(testApp);
    QTRY_VERIFY(session->channels()->contains(id));
    // an action goes over the socket Asterisk opened
    QSignalSpy frames(m_sim.get(), &Simulator::restFrameReceived);
    session->hangup({ id });
    QTRY_VERIFY(!session->channels()->contains(id));
    QVERIFY(std::any_of(frames.cbegin(), frames.cend(), [&id](const QList<QVariant> &f) {
        const QJsonObject frame = f.at(0).toJsonObject();
        return frame.value(u"method"_s).toString() == u"DELETE"_s
                && frame.value(u"uri"_s).toString() == u"channels/"_s + id;
    }));
}

void tst_InspectorGui::restTransportChoice()
{
    ConnectionProfile p = ProfileStore::defaultProfile();
    p.name = u"ws"_s;
    p.restTransport = u"websocket"_s;
    m_store->save(p);
    QCOMPARE(m_store->load(u"ws"_s).restTransport, u"websocket"_s);
    ConnectionDialog dialog(m_store.get());
    dialog.setProfile(m_store->load(u"ws"_s));
    auto *combo = dialog.findChild<QComboBox *>(u"restTransport"_s);
    QVERIFY(combo);
    QCOMPARE(combo->currentData().toString(), u"websocket"_s);
    Session session(m_store->load(u"ws"_s));
    QCOMPARE(session.client()->restTransport(), QtAri::Client::RestTransport::WebSocket);
    p.restTransport = u"http"_s;
    Session http(p);
    QCOMPARE(http.client()->restTransport(), QtAri::Client::RestTransport::Http);
}

void tst_InspectorGui::profilesKeepNoPlainPassword()
{
    ConnectionProfile p = ProfileStore::defaultProfile();
    p.name = u"a/b pbx"_s;
    p.password = u"secret"_s;
    p.applications = { u"x"_s, u"y"_s };
    p.subscribeAll = false;
    p.verifyPeer = false;
    m_store->save(p);
    m_settings->sync();
    QFile file(m_settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("secret"));
    ConnectionProfile loaded = m_store->load(p.name);
    QCOMPARE(loaded.password, QString());
    loaded.password = p.password;
    QCOMPARE(loaded, p);
    QCOMPARE(m_store->names(), QStringList { p.name });

    // Only an explicit opt-in stores it.
    p.storePlainPassword = true;
    m_store->save(p);
    QCOMPARE(m_store->load(p.name).password, u"secret"_s);
    m_store->remove(p.name);
    QVERIFY(m_store->names().isEmpty());
}

void tst_InspectorGui::modelsStayConsistentThroughCalls()
{
    QVERIFY(connectWindow());
    Session *s = m_view->session();
    QAbstractItemModelTester t1(
        s->channels(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(
        s->bridges(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(
        s->eventLog(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t4(
        m_view->channelProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QStringList calls;
    for (int i = 0; i < 4; ++i)
        calls.append(waitForCall());
    s->createBridge(u"mixing"_s, {}, { calls.at(0), calls.at(1) });
    s->createBridge(u"mixing"_s, {}, { calls.at(2), calls.at(3) });
    QTRY_COMPARE(s->bridges()->rowCount(), 2);
    QTRY_VERIFY(s->bridges()->members(s->bridges()->ids().at(0)).size() == 2
        && s->bridges()->members(s->bridges()->ids().at(1)).size() == 2);
    m_sim->hangupChannel(calls.at(0));
    m_sim->hangupChannel(calls.at(3));
    QTRY_COMPARE(s->channels()->rowCount(), 2);
    QTRY_COMPARE(s->bridges()->members(s->bridges()->ids().at(0)).size()
            + s->bridges()->members(s->bridges()->ids().at(1)).size(),
        2);
    // The views equal the server.
    QStringList server;
    for (const QJsonValue &c : m_sim->channels())
        server.append(c.toObject().value("id"_L1).toString());
    QStringList shown = s->channels()->ids();
    server.sort();
    shown.sort();
    QCOMPARE(shown, server);
}

void tst_InspectorGui::translationsLoad_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("file");
    QTest::newRow("de") << u"de"_s << u"qtari-inspector_de.ts"_s;
    QTest::newRow("fr") << u"fr"_s << u"qtari-inspector_fr.ts"_s;
}

void tst_InspectorGui::translationsLoad()
{
    QFETCH(QString, lang);
    QFETCH(QString, file);
    QTranslator translator;
    QVERIFY(translator.load(QLocale(lang), u"qtari-inspector"_s, u"_"_s, u":/i18n"_s));
    const QString hangup = translator.translate("QtAri::Inspector::MainWindow", "&Hang up");
    QVERIFY(!hangup.isEmpty());
    QVERIFY(hangup != u"&Hang up"_s);
    // The catalogue in the source tree has no unfinished entries.
    QFile ts(QStringLiteral(QTARI_SOURCE_DIR) + u"/translations/"_s + file);
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QByteArray text = ts.readAll();
    QVERIFY(text.contains("<message"));
    QVERIFY2(!text.contains("type=\"unfinished\""), qPrintable(file));
}

QTEST_MAIN(tst_InspectorGui)
#include "tst_inspector_gui.moc"
