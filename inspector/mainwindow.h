// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include "profiles.h"

#include <QtCore/QPointer>
#include <QtWidgets/QDialog>
#include <QtWidgets/QMainWindow>

QT_BEGIN_NAMESPACE
class QLabel;
class QMenu;
class QTabWidget;
class QToolButton;
QT_END_NAMESPACE

namespace QtAri {
class Error;
struct Request;
}

namespace QtAri::Inspector {

class AnomalyWindow;
class SubscriptionsWindow;
class LadderWindow;
class MergedView;
class CommandPalette;
class ComposerDialog;
class RecordingView;
class ServerView;
class Session;

//! \brief The Inspector's main window: one tab per server, actions on the selection.
//!
//! Every action has an objectName ("actionHangup", "actionPlay" …) so tests and scripts can
//! trigger it. Dialog-driven actions open their dialog non-modally (QDialog::open()).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ProfileStore *store, QWidget *parent = nullptr);
    ~MainWindow() override;

    //! Adds a tab for \a session (takes ownership); it may be connected, or still connecting.
    ServerView *addSession(Session *session);
    //! Makes a session for \a profile, adds its tab and connects.
    ServerView *openProfile(const ConnectionProfile &profile);
    //! The current tab's server view (nullptr on the merged view or an offline recording).
    ServerView *currentView() const;
    //! View › All Servers: every server's channels and bridges in one tab (nullptr while it is
    //! closed).
    MergedView *mergedView() const;
    //! Opens (\a shown) or closes the merged view's tab.
    void setMergedViewShown(bool shown);
    QTabWidget *tabs() const { return m_tabs; }
    //! The action called \a objectName (e.g. "actionHangup"), or nullptr.
    QAction *action(const QString &objectName) const;
    //! The dialog of the last dialog-driven action (PlayMediaDialog …), while it is open.
    QDialog *activeDialog() const { return m_dialog; }

    //! Shows the connection dialog.
    void showConnectionDialog();
    //! Shows the connection dialog filled with \a profile (e.g. --url without --password).
    void showConnectionDialogFor(const ConnectionProfile &profile);
    //! For --screenshot: selects a bridged channel (details filled) and the newest event.
    void prepareScreenshot();
    //! For --screenshot-view merged: opens View › All Servers and selects a bridged channel of the
    //! second server.
    void prepareMergedScreenshot();
    //! The call ladder opened last (actionCallLadder), while it is open.
    LadderWindow *lastLadder() const;
    //! The anomalies window (actionAnomalies), while it is open.
    AnomalyWindow *anomalyWindow() const;
    //! The event types and subscriptions window (actionSubscriptions), while it is open.
    SubscriptionsWindow *subscriptionsWindow() const;
    //! Opens the call ladder of \a key ("channel:ID", "bridge:ID") in \a session.
    LadderWindow *openLadder(Session *session, const QString &key);

    // --- request composer and command palette (composer branch) ---
    //! The composer of the current server, opened (or raised) and filled with \a request if given.
    ComposerDialog *openComposer(const QtAri::Request *request = nullptr);
    //! For --screenshot-view composer: the composer sending channels.play to the selected channel.
    ComposerDialog *showComposerExample();
    //! The open composer, or nullptr.
    ComposerDialog *composer() const;
    //! Ctrl+K's palette (made on first use).
    CommandPalette *commandPalette();

    // --- session recording, offline recordings and replay (mainwindow_recording.cpp) ----------
    //! Records the current session to \a fileName (Server > Record Session…, --record); false, with
    //! a message, when there is no session or the file cannot be written.
    bool recordSessionTo(const QString &fileName);
    void stopSessionRecording(); //!< Stops recording the current session.
    //! Opens \a fileName offline in a new tab (Server > Open Recording…, --open); nullptr, with a
    //! message, when it cannot be read.
    RecordingView *openRecording(const QString &fileName);
    //! Starts a local simulator replaying \a fileName at \a speed and opens a live tab on it.
    ServerView *replayRecording(const QString &fileName, double speed = 1.0);

Q_SIGNALS:
    //! An action failed; the message box shows \a error's message (Asterisk's text).
    void actionFailed(const QString &action, const QtAri::Error &error);

private:
    void createActions();
    QAction *makeAction(const QString &name, const QString &text, const QString &icon,
        const QKeySequence &shortcut, void (MainWindow::*slot)());
    void updateStatus();
    void updateActions();
    void showError(const QString &action, const QtAri::Error &error);
    //! What the actions act on: the current server tab and its selection, or in the merged view
    //! the one server whose rows are selected (nothing when they are several servers' rows).
    struct Scope
    {
        ServerView *view = nullptr;
        QStringList channels;
        QStringList bridges;
        QStringList targets;
        explicit operator bool() const { return view != nullptr; }
        Session *session() const;
        QStringList selectedChannelIds() const { return channels; }
        QStringList selectedBridgeIds() const { return bridges; }
        QStringList selectedTargets() const { return targets; }
    };
    Scope scope() const;
    bool mergedIsCurrent() const;
    //! The session actions act on (scope()).
    Session *currentSession() const;
    QStringList needChannels();
    void openDialog(QDialog *dialog);
    void populateAddToBridgeMenu();

    void hangup();
    void hangupWithCause();
    void answer();
    void ring();
    void ringStop();
    void hold();
    void unhold();
    void mute();
    void unmute();
    void sendDtmf();
    void originate();
    void createBridge();
    void bridgeSelection();
    void destroyBridge();
    void removeFromBridge();
    void play();
    void stopPlayback();
    void pausePlayback();
    void resumePlayback();
    void startMoh();
    void stopMoh();
    void startRecording();
    void stopRecording();
    void toggleEventLogPause();
    void clearEventLog();
    void showEventsOfSelection();
    void showCallLadder();
    void showAnomalies();
    void showSubscriptions();
    void closeCurrentTab();
    void about();
    void composeRequest();
    void showCommandPalette();
    void showRequestLog();
    // recording (mainwindow_recording.cpp)
    void createRecordingActions(QMenu *menu);
    void watchRecorder(ServerView *view);
    void updateRecordingStatus();
    void toggleSessionRecording();
    void showOpenRecordingDialog();
    void showRecordingError(const QString &title, const QString &message);

    ProfileStore *m_store;
    QTabWidget *m_tabs;
    QMenu *m_addToBridgeMenu = nullptr;
    QLabel *m_stateLabel;
    QLabel *m_reconnectLabel;
    QLabel *m_versionLabel;
    QLabel *m_rateLabel;
    QLabel *m_countLabel;
    QToolButton *m_anomalyBadge;
    QLabel *m_recordLabel = nullptr;
    QPointer<QDialog> m_dialog;
    QPointer<LadderWindow> m_ladder;
    QPointer<AnomalyWindow> m_anomalyWindow;
    QPointer<SubscriptionsWindow> m_subscriptionsWindow;
    QPointer<ComposerDialog> m_composer;
    QPointer<MergedView> m_merged;
    int m_servers = 0; // server tabs opened so far: picks each one's colour
    CommandPalette *m_palette = nullptr;
    QList<QAction *> m_channelActions;
    QList<QAction *> m_bridgeActions;
    QList<QAction *> m_sessionActions;
};

} // namespace QtAri::Inspector
