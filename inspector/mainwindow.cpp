// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "mainwindow.h"

#include "models/bridgesmodel.h"
#include "models/channelsmodel.h"
#include "models/anomalymodel.h"
#include "models/eventlogmodel.h"
#include "models/recordingmodel.h"
#include "session.h"
#include "widgets/commandpalette.h"
#include "widgets/composer.h"
#include "widgets/connectiondialog.h"
#include "widgets/dialogs.h"
#include "widgets/eventlogwidget.h"
#include "widgets/anomalywindow.h"
#include "widgets/ladderwindow.h"
#include "widgets/mergedview.h"
#include "widgets/subscriptionswindow.h"
#include "widgets/recordingview.h"
#include "widgets/requestlogwidget.h"
#include "widgets/serverview.h"

#include <QtAri/Error>

#include <QtCore/QDateTime>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolBar>
#include <QtWidgets/QToolButton>

#include <iterator>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

namespace {
    // The servers' tag colours, in the order their tabs open: distinct hues that read on light
    // and dark backgrounds.
    QColor serverColour(int n)
    {
        static const QRgb colours[] = { 0x1f77b4, 0xd62728, 0x2ca02c, 0x9467bd, 0xff7f0e,
            0x17becf, 0xe377c2, 0x8c564b };
        return QColor(colours[n % int(std::size(colours))]);
    }
} // namespace

MainWindow::MainWindow(ProfileStore *store, QWidget *parent) : QMainWindow(parent), m_store(store)
{
    setWindowTitle(tr("QtAri Inspector"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"serverTabs"_s);
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        updateStatus();
        updateActions();
    });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        QWidget *w = m_tabs->widget(index);
        if (w == m_merged) {
            setMergedViewShown(false);
            return;
        }
        if (m_merged)
            m_merged->removeServer(qobject_cast<ServerView *>(w));
        m_tabs->removeTab(index);
        w->deleteLater();
    });

    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(u"stateLabel"_s);
    m_reconnectLabel = new QLabel(this);
    m_reconnectLabel->setObjectName(u"reconnectLabel"_s);
    m_versionLabel = new QLabel(this);
    m_versionLabel->setObjectName(u"versionLabel"_s);
    m_rateLabel = new QLabel(this);
    m_rateLabel->setObjectName(u"rateLabel"_s);
    m_countLabel = new QLabel(this);
    m_anomalyBadge = new QToolButton(this);
    m_anomalyBadge->setObjectName(u"anomalyBadge"_s);
    m_anomalyBadge->setAutoRaise(true);
    m_anomalyBadge->setToolTip(tr("What looks wrong in this session (F9)"));
    m_anomalyBadge->hide();
    connect(m_anomalyBadge, &QToolButton::clicked, this, &MainWindow::showAnomalies);
    statusBar()->addPermanentWidget(m_anomalyBadge);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_rateLabel);
    statusBar()->addPermanentWidget(m_versionLabel);
    statusBar()->addPermanentWidget(m_reconnectLabel);
    statusBar()->addPermanentWidget(m_stateLabel);

    createActions();
    updateStatus();
    updateActions();
    resize(1280, 800);
}

MainWindow::~MainWindow()
{
    // Before the tabs: the sessions' models reset as they go, and the merged view would tell this
    // window of its selection while the tabs are half gone.
    delete m_merged;
}

QAction *MainWindow::makeAction(const QString &name, const QString &text, const QString &icon,
    const QKeySequence &shortcut, void (MainWindow::*slot)())
{
    auto *a = new QAction(QIcon::fromTheme(icon), text, this);
    a->setObjectName(name);
    if (!shortcut.isEmpty())
        a->setShortcut(shortcut);
    a->setShortcutContext(Qt::WindowShortcut);
    connect(a, &QAction::triggered, this, slot);
    return a;
}

void MainWindow::createActions()
{
    auto *connectAction = makeAction(u"actionConnect"_s, tr("&Connect…"), u"network-connect"_s,
        QKeySequence::New, &MainWindow::showConnectionDialog);
    auto *closeTab = makeAction(u"actionCloseTab"_s, tr("Close &tab"), u"window-close"_s,
        QKeySequence::Close, &MainWindow::closeCurrentTab);
    auto *quit = new QAction(QIcon::fromTheme(u"application-exit"_s), tr("&Quit"), this);
    quit->setObjectName(u"actionQuit"_s);
    // Some platforms (offscreen, plain X11) have no standard Quit key: Ctrl+Q there.
    quit->setShortcut(QKeySequence::keyBindings(QKeySequence::Quit).isEmpty()
            ? QKeySequence(Qt::CTRL | Qt::Key_Q)
            : QKeySequence(QKeySequence::Quit));
    connect(quit, &QAction::triggered, this, &QWidget::close);

    auto *hangupA = makeAction(u"actionHangup"_s, tr("&Hang up"), u"call-stop"_s,
        QKeySequence::Delete, &MainWindow::hangup);
    auto *hangupCause = makeAction(u"actionHangupCause"_s, tr("Hang up with &cause…"), {},
        Qt::SHIFT | Qt::Key_Delete, &MainWindow::hangupWithCause);
    auto *answerA = makeAction(u"actionAnswer"_s, tr("&Answer"), u"call-start"_s,
        Qt::CTRL | Qt::SHIFT | Qt::Key_A, &MainWindow::answer);
    auto *ringA = makeAction(
        u"actionRing"_s, tr("&Ring"), {}, Qt::CTRL | Qt::SHIFT | Qt::Key_R, &MainWindow::ring);
    auto *ringStopA = makeAction(u"actionRingStop"_s, tr("Stop r&inging"), {},
        Qt::CTRL | Qt::SHIFT | Qt::Key_I, &MainWindow::ringStop);
    auto *holdA = makeAction(u"actionHold"_s, tr("H&old"), u"media-playback-pause"_s,
        Qt::CTRL | Qt::Key_H, &MainWindow::hold);
    auto *unholdA = makeAction(u"actionUnhold"_s, tr("U&nhold"), {},
        Qt::CTRL | Qt::SHIFT | Qt::Key_H, &MainWindow::unhold);
    auto *muteA = makeAction(u"actionMute"_s, tr("&Mute"), u"audio-volume-muted"_s,
        Qt::CTRL | Qt::Key_M, &MainWindow::mute);
    auto *unmuteA = makeAction(u"actionUnmute"_s, tr("Unm&ute"), u"audio-volume-high"_s,
        Qt::CTRL | Qt::SHIFT | Qt::Key_M, &MainWindow::unmute);
    auto *dtmf = makeAction(
        u"actionSendDtmf"_s, tr("Send &DTMF…"), {}, Qt::CTRL | Qt::Key_D, &MainWindow::sendDtmf);
    auto *originateA = makeAction(u"actionOriginate"_s, tr("&Originate…"), u"call-start"_s,
        Qt::CTRL | Qt::Key_O, &MainWindow::originate);

    auto *createBridgeA = makeAction(u"actionCreateBridge"_s, tr("&Create bridge…"), u"list-add"_s,
        Qt::CTRL | Qt::Key_B, &MainWindow::createBridge);
    auto *bridgeSel = makeAction(u"actionBridgeSelection"_s, tr("&Bridge selected channels"), {},
        Qt::CTRL | Qt::SHIFT | Qt::Key_J, &MainWindow::bridgeSelection);
    auto *destroyBridgeA = makeAction(u"actionDestroyBridge"_s, tr("&Destroy bridge"),
        u"list-remove"_s, Qt::CTRL | Qt::SHIFT | Qt::Key_B, &MainWindow::destroyBridge);
    auto *removeFromBridgeA = makeAction(u"actionRemoveFromBridge"_s, tr("&Remove from bridge"), {},
        Qt::CTRL | Qt::SHIFT | Qt::Key_U, &MainWindow::removeFromBridge);
    m_addToBridgeMenu = new QMenu(tr("&Add to bridge"), this);
    m_addToBridgeMenu->setObjectName(u"addToBridgeMenu"_s);
    connect(m_addToBridgeMenu, &QMenu::aboutToShow, this, &MainWindow::populateAddToBridgeMenu);

    auto *playA = makeAction(u"actionPlay"_s, tr("&Play media…"), u"media-playback-start"_s,
        Qt::CTRL | Qt::Key_P, &MainWindow::play);
    auto *stopPlay = makeAction(u"actionStopPlayback"_s, tr("&Stop playback"),
        u"media-playback-stop"_s, Qt::CTRL | Qt::Key_Period, &MainWindow::stopPlayback);
    auto *pausePlay = makeAction(u"actionPausePlayback"_s, tr("P&ause playback"), {},
        Qt::CTRL | Qt::Key_Comma, &MainWindow::pausePlayback);
    auto *resumePlay = makeAction(u"actionResumePlayback"_s, tr("R&esume playback"), {},
        Qt::CTRL | Qt::SHIFT | Qt::Key_Comma, &MainWindow::resumePlayback);
    auto *mohStart = makeAction(u"actionStartMoh"_s, tr("Start music on &hold"), {},
        Qt::CTRL | Qt::ALT | Qt::Key_H, &MainWindow::startMoh);
    auto *mohStop = makeAction(u"actionStopMoh"_s, tr("Stop music on h&old"), {},
        Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_H, &MainWindow::stopMoh);
    auto *recStart = makeAction(u"actionStartRecording"_s, tr("Start &recording…"),
        u"media-record"_s, Qt::CTRL | Qt::Key_R, &MainWindow::startRecording);
    auto *recStop = makeAction(u"actionStopRecording"_s, tr("S&top recording"), {},
        Qt::CTRL | Qt::ALT | Qt::Key_R, &MainWindow::stopRecording);

    auto *pauseLog = makeAction(u"actionPauseLog"_s, tr("&Pause event log"),
        u"media-playback-pause"_s, Qt::Key_F8, &MainWindow::toggleEventLogPause);
    pauseLog->setCheckable(true);
    auto *clearLog = makeAction(u"actionClearLog"_s, tr("&Clear event log"), u"edit-clear"_s,
        Qt::CTRL | Qt::Key_L, &MainWindow::clearEventLog);
    auto *eventsOf = makeAction(u"actionEventsOfSelection"_s, tr("Show &events of the selection"),
        u"edit-find"_s, Qt::CTRL | Qt::Key_E, &MainWindow::showEventsOfSelection);
    auto *ladder = makeAction(u"actionCallLadder"_s, tr("Call &ladder"), u"view-list-tree"_s,
        Qt::CTRL | Qt::SHIFT | Qt::Key_G, &MainWindow::showCallLadder);
    auto *anomaliesA = makeAction(u"actionAnomalies"_s, tr("&Anomalies…"), u"dialog-warning"_s,
        Qt::Key_F9, &MainWindow::showAnomalies);
    auto *subscriptionsA = makeAction(u"actionSubscriptions"_s,
        tr("Event &types and subscriptions…"), {}, Qt::CTRL | Qt::SHIFT | Qt::Key_T,
        &MainWindow::showSubscriptions);
    auto *mergedA = new QAction(QIcon::fromTheme(u"view-list-details"_s), tr("All &Servers"), this);
    mergedA->setObjectName(u"actionMergedView"_s);
    mergedA->setCheckable(true);
    mergedA->setShortcut(Qt::CTRL | Qt::ALT | Qt::Key_A);
    mergedA->setToolTip(tr("Every server's channels and bridges in one tab, tagged by colour"));
    connect(mergedA, &QAction::toggled, this, &MainWindow::setMergedViewShown);
    auto *aboutA =
        makeAction(u"actionAbout"_s, tr("&About"), u"help-about"_s,
            QKeySequence::HelpContents, &MainWindow::about);
    // Tools (composer branch): the request composer, the request log and the command palette.
    auto *composeA = makeAction(u"actionComposeRequest"_s, tr("Compose &Request…"),
        u"document-new"_s, Qt::CTRL | Qt::SHIFT | Qt::Key_C, &MainWindow::composeRequest);
    auto *requestLogA = makeAction(u"actionShowRequestLog"_s, tr("Show the re&quest log"), {},
        Qt::CTRL | Qt::SHIFT | Qt::Key_L, &MainWindow::showRequestLog);
    auto *paletteA = makeAction(u"actionCommandPalette"_s, tr("Command &palette…"), {},
        Qt::CTRL | Qt::Key_K, &MainWindow::showCommandPalette);

    QMenu *file = menuBar()->addMenu(tr("&Server"));
    file->addAction(connectAction);
    file->addAction(closeTab);
    file->addSeparator();
    createRecordingActions(file);
    file->addSeparator();
    file->addAction(quit);
    QMenu *channel = menuBar()->addMenu(tr("&Channel"));
    channel->addActions({ answerA, ringA, ringStopA, holdA, unholdA, muteA, unmuteA, dtmf });
    channel->addSeparator();
    channel->addActions({ hangupA, hangupCause });
    channel->addSeparator();
    channel->addAction(originateA);
    QMenu *bridge = menuBar()->addMenu(tr("&Bridge"));
    bridge->addActions({ createBridgeA, bridgeSel });
    bridge->addMenu(m_addToBridgeMenu);
    bridge->addActions({ removeFromBridgeA, destroyBridgeA });
    QMenu *media = menuBar()->addMenu(tr("&Media"));
    media->addActions({ playA, pausePlay, resumePlay, stopPlay });
    media->addSeparator();
    media->addActions({ mohStart, mohStop });
    media->addSeparator();
    media->addActions({ recStart, recStop });
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({ pauseLog, clearLog, eventsOf, ladder, anomaliesA, subscriptionsA });
    view->addSeparator();
    view->addAction(mergedA);
    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(u"toolsMenu"_s);
    tools->addActions({ composeA, requestLogA });
    tools->addSeparator();
    tools->addAction(paletteA);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(aboutA);

    QToolBar *tb = addToolBar(tr("Actions"));
    tb->setObjectName(u"mainToolBar"_s);
    tb->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tb->addAction(connectAction);
    tb->addSeparator();
    tb->addActions({ answerA, hangupA, holdA, muteA, dtmf, originateA });
    tb->addSeparator();
    tb->addActions({ createBridgeA, bridgeSel, removeFromBridgeA });
    tb->addSeparator();
    tb->addActions({ playA, stopPlay, mohStart, recStart });
    tb->addSeparator();
    tb->addAction(pauseLog);

    auto sep = [this] {
        auto *s = new QAction(this);
        s->setSeparator(true);
        return s;
    };
    m_channelActions = { answerA, ringA, holdA, unholdA, muteA, unmuteA, dtmf, sep(), playA,
        pausePlay, resumePlay, stopPlay, mohStart, mohStop, recStart, recStop, sep(), bridgeSel,
        removeFromBridgeA, sep(), eventsOf, ladder, sep(), hangupA, hangupCause };
    m_bridgeActions = { createBridgeA, destroyBridgeA, removeFromBridgeA, sep(), playA, stopPlay,
        mohStart, mohStop, recStart, recStop, sep(), eventsOf, ladder, sep(), hangupA };
    m_sessionActions = { closeTab, hangupA, hangupCause, answerA, ringA, ringStopA, holdA, unholdA,
        muteA, unmuteA, dtmf, originateA, createBridgeA, bridgeSel, destroyBridgeA,
        removeFromBridgeA, playA, stopPlay, pausePlay, resumePlay, mohStart, mohStop, recStart,
        recStop, pauseLog, clearLog, eventsOf, ladder, anomaliesA, subscriptionsA, composeA,
        requestLogA };
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

ServerView *MainWindow::currentView() const
{
    return qobject_cast<ServerView *>(m_tabs->currentWidget());
}

Session *MainWindow::currentSession() const
{
    // As scope().session(), without collecting the selection's ids (status updates ask often).
    ServerView *v = currentView();
    if (!v && mergedIsCurrent())
        v = m_merged->selectionView();
    return v ? v->session() : nullptr;
}

Session *MainWindow::Scope::session() const
{
    return view ? view->session() : nullptr;
}

MainWindow::Scope MainWindow::scope() const
{
    Scope scope;
    if (ServerView *v = currentView()) {
        scope.view = v;
        scope.channels = v->selectedChannelIds();
        scope.bridges = v->selectedBridgeIds();
        scope.targets = v->selectedTargets();
    } else if (mergedIsCurrent()) {
        // One server's rows, or nothing: no action crosses servers.
        scope.view = m_merged->selectionView();
        if (scope.view) {
            scope.channels = m_merged->selectedChannelIds();
            scope.bridges = m_merged->selectedBridgeIds();
            scope.targets = m_merged->selectedTargets();
        }
    }
    return scope;
}

bool MainWindow::mergedIsCurrent() const
{
    return m_merged && m_tabs->currentWidget() == m_merged;
}

ServerView *MainWindow::addSession(Session *session)
{
    auto *view = new ServerView(session, m_tabs);
    view->setChannelActions(m_channelActions);
    view->setBridgeActions(m_bridgeActions);
    view->setTagColour(serverColour(m_servers++));
    const int index = m_tabs->addTab(view, session->title());
    m_tabs->setTabToolTip(index, session->profile().url.toString());
    m_tabs->tabBar()->setTabTextColor(index, view->tagColour());
    m_tabs->setCurrentIndex(index);
    if (m_merged)
        m_merged->addServer(view);
    connect(session, &Session::statusChanged, this, [this, view] {
        const int i = m_tabs->indexOf(view);
        if (i >= 0) {
            const bool up = view->session()->state() == QtAri::Client::State::Connected;
            m_tabs->setTabIcon(
                i, QIcon::fromTheme(up ? u"network-connect"_s : u"network-disconnect"_s));
        }
        if (view == currentView() || mergedIsCurrent())
            updateStatus();
    });
    connect(session, &Session::actionFailed, this, &MainWindow::showError);
    connect(session, &Session::openFailed, this, [this, session](const QtAri::Error &error) {
        showError(tr("Connect to %1").arg(session->title()), error);
    });
    connect(view, &ServerView::selectionChanged, this, &MainWindow::updateActions);
    connect(view->requestLog(), &RequestLogWidget::editRequested, this,
        [this, view](const QtAri::Request &request) {
            m_tabs->setCurrentWidget(view);
            openComposer(&request);
        });
    watchRecorder(view);
    // Keep the channel/bridge counts current between the once-a-second status updates.
    for (QAbstractItemModel *model : { static_cast<QAbstractItemModel *>(session->channels()),
             static_cast<QAbstractItemModel *>(session->bridges()) }) {
        const auto refresh = [this, view] {
            if (view == currentView() || mergedIsCurrent())
                updateStatus();
        };
        connect(model, &QAbstractItemModel::rowsInserted, this, refresh);
        connect(model, &QAbstractItemModel::rowsRemoved, this, refresh);
    }
    connect(session->anomalies(), &AnomalyModel::countChanged, this, [this, view] {
        if (view == currentView())
            updateStatus();
    });
    connect(session->eventLog(), &EventLogModel::pausedChanged, this, [this, view](bool paused) {
        if (view == currentView())
            action(u"actionPauseLog"_s)->setChecked(paused);
    });
    updateStatus();
    updateActions();
    return view;
}

ServerView *MainWindow::openProfile(const ConnectionProfile &profile)
{
    auto *session = new Session(profile);
    ServerView *view = addSession(session);
    session->open();
    return view;
}

MergedView *MainWindow::mergedView() const
{
    return m_merged;
}

void MainWindow::setMergedViewShown(bool shown)
{
    if (QAction *a = action(u"actionMergedView"_s); a && a->isChecked() != shown)
        a->setChecked(shown); // its toggled() comes back here
    if (shown == bool(m_merged))
        return;
    if (!shown) {
        m_tabs->removeTab(m_tabs->indexOf(m_merged));
        delete m_merged;
        return;
    }
    m_merged = new MergedView(m_tabs);
    m_merged->setObjectName(u"mergedView"_s);
    m_merged->setChannelActions(m_channelActions);
    m_merged->setBridgeActions(m_bridgeActions);
    for (int i = 0; i < m_tabs->count(); ++i)
        m_merged->addServer(qobject_cast<ServerView *>(m_tabs->widget(i)));
    connect(m_merged, &MergedView::selectionChanged, this, [this] {
        updateStatus();
        updateActions();
    });
    m_tabs->insertTab(0, m_merged, QIcon::fromTheme(u"view-list-details"_s), tr("All Servers"));
    m_tabs->setTabToolTip(0, tr("The channels and bridges of every server, tagged by colour"));
    m_tabs->setCurrentWidget(m_merged);
}

void MainWindow::showConnectionDialog()
{
    showConnectionDialogFor({});
}

void MainWindow::showConnectionDialogFor(const ConnectionProfile &profile)
{
    auto *dialog = new ConnectionDialog(m_store, this);
    if (profile.url.isValid())
        dialog->setProfile(profile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (Session *s = dialog->takeSession())
            addSession(s);
    });
    openDialog(dialog);
}

void MainWindow::prepareScreenshot()
{
    if (auto *offline = qobject_cast<RecordingView *>(m_tabs->currentWidget())) {
        // An offline tab: its tables as of two thirds into the recording.
        offline->selectRow(offline->model()->rowCount() * 2 / 3);
        return;
    }
    ServerView *v = currentView();
    if (!v)
        return;
    const ChannelsModel *channels = v->session()->channels();
    QString pick = channels->idAt(0);
    for (const QString &id : channels->ids()) {
        if (!channels->bridgeOf(id).isEmpty()) {
            pick = id;
            break;
        }
    }
    if (!pick.isEmpty())
        v->selectChannel(pick);
    v->session()->eventLog()->flush();
    QTableView *log = v->eventLog()->view();
    if (const int rows = log->model()->rowCount(); rows > 0)
        log->selectRow(rows - 1);
}

void MainWindow::prepareMergedScreenshot()
{
    setMergedViewShown(true);
    const QList<ServerView *> servers = m_merged->servers();
    if (servers.isEmpty())
        return;
    Session *second = servers.value(servers.size() > 1 ? 1 : 0)->session();
    for (const QString &id : second->channels()->ids()) {
        if (!second->channels()->bridgeOf(id).isEmpty() && m_merged->selectChannel(second, id))
            return;
    }
}

// --- request composer and command palette (composer branch) ---------------------------------

ComposerDialog *MainWindow::openComposer(const QtAri::Request *request)
{
    Session *session = currentSession();
    if (!session)
        return nullptr;
    if (m_composer && m_composer->session() != session)
        m_composer->close(); // it deletes itself
    if (!m_composer || m_composer->session() != session) {
        m_composer = new ComposerDialog(session, this);
        m_composer->setAttribute(Qt::WA_DeleteOnClose);
    }
    if (request)
        m_composer->setRequest(*request);
    m_composer->show();
    m_composer->raise();
    m_composer->activateWindow();
    return m_composer;
}

ComposerDialog *MainWindow::showComposerExample()
{
    ComposerDialog *dialog = openComposer();
    const QStringList channels = scope().channels;
    if (!dialog || channels.isEmpty())
        return dialog;
    dialog->setOperation(u"channels.play"_s);
    dialog->setValue(u"channelId"_s, channels.first());
    dialog->setValue(u"media"_s, u"sound:hello-world"_s);
    dialog->setValue(u"lang"_s, u"en"_s);
    dialog->send();
    return dialog;
}

ComposerDialog *MainWindow::composer() const
{
    return m_composer;
}

void MainWindow::composeRequest()
{
    openComposer();
}

void MainWindow::showRequestLog()
{
    if (ServerView *v = scope().view) {
        m_tabs->setCurrentWidget(v); // from the merged view: the log is on the server's tab
        v->bottomTabs()->setCurrentWidget(v->requestLog());
        v->requestLog()->view()->setFocus();
    }
}

CommandPalette *MainWindow::commandPalette()
{
    if (!m_palette)
        m_palette = new CommandPalette(this);
    return m_palette;
}

void MainWindow::showCommandPalette()
{
    commandPalette()->popup();
}

void MainWindow::openDialog(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    dialog->open();
}

void MainWindow::updateStatus()
{
    updateRecordingStatus();
    Session *s = currentSession();
    if (!s && mergedIsCurrent()) {
        int channels = 0;
        int bridges = 0;
        for (ServerView *v : m_merged->servers()) {
            channels += v->session()->channels()->rowCount();
            bridges += v->session()->bridges()->rowCount();
        }
        m_stateLabel->setText(tr("%n server(s)", nullptr, int(m_merged->servers().size())));
        m_reconnectLabel->clear();
        m_versionLabel->clear();
        m_rateLabel->clear();
        m_anomalyBadge->hide();
        m_countLabel->setText(tr("%1 channels, %2 bridges").arg(channels).arg(bridges));
        return;
    }
    if (!s) {
        m_stateLabel->setText(tr("Not connected"));
        m_reconnectLabel->clear();
        m_versionLabel->clear();
        m_rateLabel->clear();
        m_countLabel->clear();
        m_anomalyBadge->hide();
        return;
    }
    const int anomalies = s->anomalies()->count();
    m_anomalyBadge->setText(u"⚠ "_s + tr("%n anomaly(s)", nullptr, anomalies));
    m_anomalyBadge->setVisible(anomalies > 0);
    m_stateLabel->setText(s->stateText());
    m_reconnectLabel->setText(s->reconnectAttempt() > 0
            ? tr("Reconnect attempts: %1").arg(s->reconnectAttempt())
            : QString());
    m_versionLabel->setText(
        s->asteriskVersion().isEmpty() ? QString() : tr("Asterisk %1").arg(s->asteriskVersion()));
    m_rateLabel->setText(tr("%1 events/s").arg(s->eventsPerSecond(), 0, 'f', 0));
    m_countLabel->setText(
        tr("%1 channels, %2 bridges").arg(s->channels()->rowCount()).arg(s->bridges()->rowCount()));
}

void MainWindow::updateActions()
{
    const bool have = currentSession() != nullptr;
    for (QAction *a : std::as_const(m_sessionActions))
        a->setEnabled(have);
    // The merged view's tab closes like any other (it only hides the view).
    action(u"actionCloseTab"_s)->setEnabled(have || mergedIsCurrent());
    if (Session *s = currentSession())
        action(u"actionPauseLog"_s)->setChecked(s->eventLog()->isPaused());
}

void MainWindow::showError(const QString &actionName, const QtAri::Error &error)
{
    statusBar()->showMessage(tr("%1 failed: %2").arg(actionName, error.message()), 10000);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("%1 failed").arg(actionName),
        error.message().isEmpty() ? error.toString() : error.message(), QMessageBox::Ok, this);
    box->setObjectName(u"actionErrorBox"_s);
    box->setInformativeText(error.toString());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT actionFailed(actionName, error);
}

QStringList MainWindow::needChannels()
{
    const QStringList ids = scope().channels;
    if (ids.isEmpty() && mergedIsCurrent() && m_merged->selectedServerCount() > 1)
        statusBar()->showMessage(tr("Select channels of one server: actions act on one server at a time"), 5000);
    else if (ids.isEmpty())
        statusBar()->showMessage(tr("Select one or more channels first"), 5000);
    return ids;
}

void MainWindow::hangup()
{
    if (const QStringList ids = needChannels(); !ids.isEmpty())
        currentSession()->hangup(ids);
}

void MainWindow::hangupWithCause()
{
    const QStringList ids = needChannels();
    if (ids.isEmpty())
        return;
    auto *dialog = new HangupDialog(int(ids.size()), this);
    QPointer<Session> session = currentSession();
    connect(dialog, &QDialog::accepted, this, [dialog, session, ids] {
        if (session)
            session->hangup(ids, dialog->reason());
    });
    openDialog(dialog);
}

void MainWindow::answer()
{
    if (const QStringList ids = needChannels(); !ids.isEmpty())
        currentSession()->answer(ids);
}

void MainWindow::ring()
{
    if (const QStringList ids = needChannels(); !ids.isEmpty())
        currentSession()->ring(ids);
}

void MainWindow::ringStop()
{
    if (const QStringList ids = needChannels(); !ids.isEmpty())
        currentSession()->ringStop(ids);
}

void MainWindow::hold()
{
    if (const QStringList ids = needChannels(); !ids.isEmpty())
        currentSession()->hold(ids);
}

void MainWindow::unhold()
{
    if (const QStringList ids = needChannels(); !ids.isEmpty())
        currentSession()->unhold(ids);
}

void MainWindow::mute()
{
    if (const QStringList ids = needChannels(); !ids.isEmpty())
        currentSession()->mute(ids);
}

void MainWindow::unmute()
{
    if (const QStringList ids = needChannels(); !ids.isEmpty())
        currentSession()->unmute(ids);
}

void MainWindow::sendDtmf()
{
    const QStringList ids = needChannels();
    if (ids.isEmpty())
        return;
    auto *dialog = new DtmfDialog(this);
    QPointer<Session> session = currentSession();
    connect(dialog, &QDialog::accepted, this, [dialog, session, ids] {
        if (session && !dialog->digits().isEmpty())
            session->sendDtmf(ids, dialog->digits());
    });
    openDialog(dialog);
}

void MainWindow::originate()
{
    Session *s = currentSession();
    if (!s)
        return;
    auto *dialog = new OriginateDialog(s->profile().applications, this);
    QPointer<Session> session = s;
    connect(dialog, &QDialog::accepted, this, [dialog, session] {
        if (session)
            session->originate(dialog->endpoint(), dialog->application(), dialog->appArgs(),
                dialog->callerId(), dialog->timeoutSeconds());
    });
    openDialog(dialog);
}

void MainWindow::createBridge()
{
    Session *s = currentSession();
    if (!s)
        return;
    auto *dialog = new CreateBridgeDialog(this);
    QPointer<Session> session = s;
    connect(dialog, &QDialog::accepted, this, [dialog, session] {
        if (session)
            session->createBridge(dialog->type(), dialog->name());
    });
    openDialog(dialog);
}

void MainWindow::bridgeSelection()
{
    if (const QStringList ids = needChannels(); !ids.isEmpty())
        currentSession()->createBridge(u"mixing"_s, {}, ids);
}

void MainWindow::populateAddToBridgeMenu()
{
    m_addToBridgeMenu->clear();
    Session *s = currentSession();
    if (!s)
        return;
    const QStringList bridges = s->bridges()->ids();
    if (bridges.isEmpty()) {
        m_addToBridgeMenu->addAction(tr("(no bridges)"))->setEnabled(false);
        return;
    }
    QPointer<Session> session = s;
    for (const QString &id : bridges) {
        const QString name = s->bridges()->json(id).value("name"_L1).toString();
        QAction *a = m_addToBridgeMenu->addAction(name.isEmpty() ? id : u"%1 (%2)"_s.arg(name, id));
        connect(a, &QAction::triggered, this, [this, session, id] {
            const QStringList ids = needChannels();
            if (session && !ids.isEmpty())
                session->addToBridge(id, ids);
        });
    }
}

void MainWindow::destroyBridge()
{
    const Scope v = scope();
    if (!v)
        return;
    const QStringList ids = v.selectedBridgeIds();
    if (ids.isEmpty()) {
        statusBar()->showMessage(tr("Select a bridge first"), 5000);
        return;
    }
    for (const QString &id : ids)
        v.session()->destroyBridge(id);
}

void MainWindow::removeFromBridge()
{
    if (const QStringList ids = needChannels(); !ids.isEmpty())
        currentSession()->removeFromBridge(ids);
}

void MainWindow::play()
{
    const Scope v = scope();
    if (!v)
        return;
    const QStringList targets = v.selectedTargets();
    if (targets.isEmpty()) {
        statusBar()->showMessage(tr("Select a channel or a bridge first"), 5000);
        return;
    }
    Session *s = v.session();
    const QString shown = targets.size() == 1 ? (s->channels()->nameOf(targets.first()).isEmpty()
                                  ? targets.first()
                                  : s->channels()->nameOf(targets.first()))
                                              : tr("%n object(s)", nullptr, int(targets.size()));
    auto *dialog = new PlayMediaDialog(shown, this);
    s->fetchSounds(dialog, [dialog](const QStringList &ids, const QtAri::Error *error) {
        if (error)
            dialog->setSoundsError(error->message());
        else
            dialog->setSounds(ids);
    });
    QPointer<Session> session = s;
    connect(dialog, &QDialog::accepted, this, [dialog, session, targets] {
        if (!session)
            return;
        for (const QString &t : targets)
            session->play(t, dialog->mediaUri());
    });
    openDialog(dialog);
}

static QStringList playbacksOf(Session *s, const QStringList &targets)
{
    QStringList out;
    for (const QString &t : targets)
        out += s->playbacksOn(t);
    return out;
}

void MainWindow::stopPlayback()
{
    if (const Scope v = scope()) {
        const QStringList ids = playbacksOf(v.session(), v.selectedTargets());
        if (ids.isEmpty())
            statusBar()->showMessage(tr("Nothing is playing on the selection"), 5000);
        v.session()->stopPlayback(ids);
    }
}

void MainWindow::pausePlayback()
{
    if (const Scope v = scope())
        v.session()->pausePlayback(playbacksOf(v.session(), v.selectedTargets()));
}

void MainWindow::resumePlayback()
{
    if (const Scope v = scope())
        v.session()->resumePlayback(playbacksOf(v.session(), v.selectedTargets()));
}

void MainWindow::startMoh()
{
    if (const Scope v = scope())
        v.session()->startMoh(v.selectedTargets());
}

void MainWindow::stopMoh()
{
    if (const Scope v = scope())
        v.session()->stopMoh(v.selectedTargets());
}

void MainWindow::startRecording()
{
    const Scope v = scope();
    if (!v)
        return;
    const QStringList targets = v.selectedTargets();
    if (targets.size() != 1) {
        statusBar()->showMessage(tr("Select one channel or bridge to record"), 5000);
        return;
    }
    const QString suggested =
        u"inspector-"_s + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    auto *dialog = new RecordDialog(suggested, this);
    QPointer<Session> session = v.session();
    const QString target = targets.first();
    connect(dialog, &QDialog::accepted, this, [dialog, session, target] {
        if (session)
            session->startRecording(
                target, dialog->name(), dialog->format(), dialog->maxDurationSeconds());
    });
    openDialog(dialog);
}

void MainWindow::stopRecording()
{
    const Scope v = scope();
    if (!v)
        return;
    QStringList names;
    for (const QString &t : v.selectedTargets())
        names += v.session()->recordingsOn(t);
    if (names.isEmpty())
        statusBar()->showMessage(tr("Nothing is being recorded on the selection"), 5000);
    v.session()->stopRecording(names);
}

void MainWindow::toggleEventLogPause()
{
    if (Session *s = currentSession())
        s->eventLog()->setPaused(action(u"actionPauseLog"_s)->isChecked());
}

void MainWindow::clearEventLog()
{
    if (Session *s = currentSession())
        s->eventLog()->clear();
}

void MainWindow::showEventsOfSelection()
{
    const Scope v = scope();
    if (!v)
        return;
    const QStringList targets = v.selectedTargets();
    v.view->eventLog()->setIdFilter(targets.value(0));
    m_tabs->setCurrentWidget(v.view); // from the merged view: the log is on the server's tab
}

LadderWindow *MainWindow::lastLadder() const
{
    return m_ladder.data();
}

void MainWindow::showCallLadder()
{
    const Scope v = scope();
    if (!v)
        return;
    const QStringList targets = v.selectedTargets();
    if (targets.isEmpty()) {
        statusBar()->showMessage(tr("Select a channel or a bridge first"), 4000);
        return;
    }
    const QStringList bridges = v.selectedBridgeIds();
    const bool bridge = !bridges.isEmpty() && targets == bridges;
    openLadder(v.session(), (bridge ? u"bridge:"_s : u"channel:"_s) + targets.first());
}

LadderWindow *MainWindow::openLadder(Session *session, const QString &key)
{
    auto *ladder = new LadderWindow(session, key, this);
    m_ladder = ladder;
    ladder->show();
    return ladder;
}

AnomalyWindow *MainWindow::anomalyWindow() const
{
    return m_anomalyWindow.data();
}

SubscriptionsWindow *MainWindow::subscriptionsWindow() const
{
    return m_subscriptionsWindow.data();
}

void MainWindow::showSubscriptions()
{
    const Scope v = scope();
    if (!v)
        return;
    if (m_subscriptionsWindow)
        m_subscriptionsWindow->close();
    auto *window = new SubscriptionsWindow(v.session(), v.view->eventLog()->filter(), this);
    m_subscriptionsWindow = window;
    window->show();
}

void MainWindow::showAnomalies()
{
    Session *s = currentSession();
    if (!s)
        return;
    if (m_anomalyWindow)
        m_anomalyWindow->close();
    auto *window = new AnomalyWindow(s, this);
    m_anomalyWindow = window;
    connect(window, &AnomalyWindow::ladderRequested, this, [this, session = QPointer<Session>(s)](
                                                               const QString &key) {
        if (session)
            openLadder(session, key);
    });
    window->show();
}

void MainWindow::closeCurrentTab()
{
    const int index = m_tabs->currentIndex();
    if (index >= 0)
        Q_EMIT m_tabs->tabCloseRequested(index);
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About QtAri Inspector"),
        tr("<p><b>QtAri Inspector</b> %1</p><p>An operator's console for Asterisk's "
           "REST Interface, built on the QtAri library.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

} // namespace QtAri::Inspector
