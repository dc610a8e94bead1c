// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// MainWindow: recording a session, opening a recording offline and replaying it into a simulator.
#include "mainwindow.h"
#include "models/recordingmodel.h"
#include "recorder.h"
#include "recordingtimeline.h"
#include "session.h"
#include "widgets/recordingview.h"
#include "widgets/serverview.h"

#include <QtAri/Testing/Simulator>

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtGui/QAction>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabWidget>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

void MainWindow::createRecordingActions(QMenu *menu)
{
    auto *record = new QAction(QIcon::fromTheme(u"media-record"_s), tr("&Record Session…"), this);
    record->setObjectName(u"actionRecord"_s);
    record->setCheckable(true);
    record->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
    record->setToolTip(tr("Record every event and REST exchange of this tab to a file"));
    connect(record, &QAction::triggered, this, &MainWindow::toggleSessionRecording);
    auto *open = new QAction(QIcon::fromTheme(u"document-open"_s), tr("&Open Recording…"), this);
    open->setObjectName(u"actionOpenRecording"_s);
    open->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O); // Ctrl+O is Originate
    connect(open, &QAction::triggered, this, &MainWindow::showOpenRecordingDialog);
    menu->addActions({ record, open });

    m_recordLabel = new QLabel(this);
    m_recordLabel->setObjectName(u"recordLabel"_s);
    statusBar()->addPermanentWidget(m_recordLabel);
}

void MainWindow::watchRecorder(ServerView *view)
{
    Recorder *recorder = view->session()->recorder();
    connect(recorder, &Recorder::recordingChanged, this, [this, view] {
        if (view == currentView())
            updateRecordingStatus();
    });
    connect(recorder, &Recorder::errorOccurred, this,
        [this](const QString &message) { showRecordingError(tr("Recording stopped"), message); });
}

void MainWindow::updateRecordingStatus()
{
    QAction *record = action(u"actionRecord"_s);
    if (!record || !m_recordLabel)
        return;
    Session *s = currentSession();
    Recorder *recorder = s ? s->recorder() : nullptr;
    record->setEnabled(recorder != nullptr);
    const bool on = recorder && recorder->isRecording();
    record->setChecked(on);
    record->setText(on ? tr("Stop &Recording") : tr("&Record Session…"));
    if (on) {
        m_recordLabel->setText(tr("● Recording to %1 (%n event(s))", nullptr,
            int(std::min<quint64>(recorder->eventsWritten(), quint64(INT_MAX))))
                                   .arg(QFileInfo(recorder->fileName()).fileName()));
        m_recordLabel->setToolTip(recorder->fileName());
    } else {
        m_recordLabel->clear();
        m_recordLabel->setToolTip({});
    }
}

bool MainWindow::recordSessionTo(const QString &fileName)
{
    Session *s = currentSession();
    if (!s) {
        showRecordingError(tr("Record Session"), tr("Open a server tab to record first."));
        updateRecordingStatus();
        return false;
    }
    QString error;
    if (!s->recorder()->start(fileName, &error)) {
        showRecordingError(tr("Record Session"), tr("Cannot write %1: %2").arg(fileName, error));
        updateRecordingStatus();
        return false;
    }
    statusBar()->showMessage(tr("Recording to %1").arg(fileName), 5000);
    updateRecordingStatus();
    return true;
}

void MainWindow::stopSessionRecording()
{
    if (Session *s = currentSession())
        s->recorder()->stop();
    updateRecordingStatus();
}

void MainWindow::toggleSessionRecording()
{
    Session *s = currentSession();
    if (!s)
        return;
    if (s->recorder()->isRecording()) {
        stopSessionRecording();
        return;
    }
    updateRecordingStatus(); // unchecked until a file is chosen
    auto *dialog = new QFileDialog(
        this, tr("Record Session"), QDir::homePath(), tr("Recordings (*.jsonl);;All files (*)"));
    dialog->setObjectName(u"recordFileDialog"_s);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"jsonl"_s);
    dialog->selectFile(
        u"qtari-%1.jsonl"_s.arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s)));
    QPointer<Session> session = s;
    connect(dialog, &QFileDialog::fileSelected, this, [this, session](const QString &file) {
        if (session && session == currentSession())
            recordSessionTo(file);
    });
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    dialog->open();
}

void MainWindow::showOpenRecordingDialog()
{
    auto *dialog = new QFileDialog(
        this, tr("Open Recording"), QDir::homePath(), tr("Recordings (*.jsonl);;All files (*)"));
    dialog->setObjectName(u"openRecordingDialog"_s);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this,
        [this](const QString &file) { openRecording(file); });
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    dialog->open();
}

RecordingView *MainWindow::openRecording(const QString &fileName)
{
    auto *view = new RecordingView(m_tabs);
    QString error;
    if (!view->open(fileName, &error)) {
        delete view;
        showRecordingError(tr("Open Recording"), tr("Cannot read %1: %2").arg(fileName, error));
        return nullptr;
    }
    connect(view, &RecordingView::replayRequested, this,
        [this](const QString &file, double speed) { replayRecording(file, speed); });
    const int index = m_tabs->addTab(view, QIcon::fromTheme(u"document-open"_s), view->title());
    m_tabs->setTabToolTip(index, fileName);
    m_tabs->setCurrentIndex(index);
    return view;
}

ServerView *MainWindow::replayRecording(const QString &fileName, double speed)
{
    auto *sim = new QtAri::Testing::Simulator;
    if (!sim->start()) {
        delete sim;
        showRecordingError(tr("Replay into Simulator"), tr("The simulator cannot listen."));
        return nullptr;
    }
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        delete sim;
        showRecordingError(tr("Replay into Simulator"),
            tr("Cannot read %1: %2").arg(fileName, file.errorString()));
        return nullptr;
    }
    // The applications to register: those the first lines name (the simulator maps the file
    // itself when the replay starts).
    QStringList apps;
    for (int i = 0; i < 2000 && !file.atEnd(); ++i) {
        const QByteArray line = file.readLine(1 << 20);
        if (i == 0 && line.contains("\"QtAriRecording\"")) { // the recorder's header names them
            for (const QJsonValue &v :
                QJsonDocument::fromJson(line).object().value("applications"_L1).toArray())
                apps.append(v.toString());
            if (!apps.isEmpty())
                break;
        }
        const qsizetype at = line.indexOf("\"application\":\"");
        if (at < 0)
            continue;
        const qsizetype from = at + 15;
        const QString name = QString::fromUtf8(line.mid(from, line.indexOf('"', from) - from));
        if (!name.isEmpty() && !apps.contains(name))
            apps.append(name);
    }
    file.close();
    const ConnectionProfile profile = RecordingTimeline::profileFor(
        sim, apps, tr("Replay of %1").arg(QFileInfo(fileName).fileName()));
    auto *session = new Session(profile);
    ServerView *view = addSession(session);
    sim->setParent(view); // after the session: the client goes before its server
    connect(session, &Session::opened, sim, [this, sim, fileName, speed] {
        if (sim->isReplaying() || sim->replayedEvents() > 0)
            return;
        if (QString error; !sim->replayFile(fileName, speed, &error))
            showRecordingError(
                tr("Replay into Simulator"), tr("Cannot read %1: %2").arg(fileName, error));
    });
    session->open();
    return view;
}

void MainWindow::showRecordingError(const QString &title, const QString &message)
{
    statusBar()->showMessage(message, 10000);
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(u"recordingErrorBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace QtAri::Inspector
