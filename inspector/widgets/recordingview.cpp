// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "recordingview.h"
#include "viewhelpers.h"

#include "eventlogwidget.h"
#include "models/channelsmodel.h"
#include "models/recordingmodel.h"
#include "models/roles.h"
#include "recordingtimeline.h"
#include "serverview.h"
#include "session.h"

#include <QtAri/ChannelModel>

#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtGui/QAction>
#include <QtGui/QFontDatabase>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

RecordingView::RecordingView(QWidget *parent) : QWidget(parent), m_model(new RecordingModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_info = new QLabel(this);
    m_info->setObjectName(u"recordingInfo"_s);
    bar->addWidget(m_info, 1);
    m_find = new QLineEdit(this);
    m_find->setObjectName(u"recordingFind"_s);
    m_find->setPlaceholderText(tr("Find in recording (Enter: next)"));
    m_find->setClearButtonEnabled(true);
    m_find->setToolTip(tr("Text the line's JSON contains, e.g. an id or \"ChannelDestroyed\""));
    connect(m_find, &QLineEdit::returnPressed, this, [this] { findNext(m_find->text()); });
    bar->addWidget(m_find);
    m_moment = new QLabel(this);
    m_moment->setObjectName(u"recordingMoment"_s);
    bar->addWidget(m_moment);
    auto *replay =
        new QAction(QIcon::fromTheme(u"media-playback-start"_s), tr("Replay into Simulator"), this);
    replay->setObjectName(u"actionReplayRecording"_s);
    replay->setToolTip(tr("Start a local simulator that replays this recording at its own pace, "
                          "and open a live tab connected to it"));
    connect(replay, &QAction::triggered, this,
        [this] { Q_EMIT replayRequested(fileName(), replaySpeed()); });
    m_speed = new QComboBox(this);
    m_speed->setObjectName(u"replaySpeed"_s);
    m_speed->setToolTip(tr("How fast Replay into Simulator goes"));
    m_speed->addItem(tr("as recorded"), 1.0);
    for (double speed : { 2.0, 5.0, 10.0 })
        m_speed->addItem(tr("%1× faster").arg(speed), speed);
    m_speed->addItem(tr("half speed"), 0.5);
    m_speed->addItem(tr("as fast as possible"), 0.0);
    bar->addWidget(m_speed);
    m_replay = new QToolButton(this);
    m_replay->setDefaultAction(replay);
    m_replay->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addWidget(m_replay);
    layout->addLayout(bar);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_tablesBox = new QWidget(split);
    auto *tablesLayout = new QVBoxLayout(m_tablesBox);
    tablesLayout->setContentsMargins(0, 0, 0, 0);
    split->addWidget(m_tablesBox);

    auto *bottom = new QSplitter(Qt::Horizontal, split);
    m_log = new QTableView(bottom);
    m_log->setObjectName(u"recordingLogView"_s);
    m_log->setModel(m_model);
    // Fixed row heights and column widths: a million rows never get measured.
    setUpRowTable(m_log, QAbstractItemView::SingleSelection);
    m_log->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_log->setColumnWidth(int(EventColumn::Time), 100);
    m_log->setColumnWidth(int(EventColumn::Type), 170);
    m_log->setColumnWidth(int(EventColumn::Application), 100);
    m_log->setColumnWidth(int(EventColumn::Objects), 220);
    bottom->addWidget(m_log);
    m_json = new QPlainTextEdit(bottom);
    m_json->setObjectName(u"recordingJsonView"_s);
    m_json->setReadOnly(true);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    bottom->addWidget(m_json);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 1);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    m_seekTimer.setSingleShot(true);
    m_seekTimer.setInterval(150); // while the selection runs down the log, seek once it rests
    connect(&m_seekTimer, &QTimer::timeout, this, [this] {
        if (m_timeline)
            m_timeline->showMoment(
                m_log->currentIndex().isValid() ? m_log->currentIndex().row() : -1);
    });
    connect(m_log->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &RecordingView::currentChanged);
}

RecordingView::~RecordingView()
{
    // The timeline's replay points into the model's mapping: it goes first.
    delete m_timeline;
    m_timeline = nullptr;
}

double RecordingView::replaySpeed() const
{
    return m_speed->currentData().toDouble();
}

QString RecordingView::fileName() const
{
    return m_model->fileName();
}

QString RecordingView::title() const
{
    return QFileInfo(fileName()).fileName();
}

bool RecordingView::open(const QString &fileName, QString *error)
{
    if (!m_model->open(fileName, error))
        return false;
    QString info = tr("%1: %n line(s)", nullptr, m_model->rowCount()).arg(title());
    if (m_model->skippedLines() > 0)
        info += u", "_s + tr("%n malformed line(s) skipped", nullptr, int(m_model->skippedLines()));
    const QString server = m_model->header().value("server"_L1).toString();
    if (!server.isEmpty())
        info += u" — "_s + tr("recorded from %1").arg(server);
    m_info->setText(info);
    m_info->setToolTip(fileName);

    delete m_timeline;
    m_timeline = new RecordingTimeline(m_model, this);
    QString startError;
    if (!m_timeline->start(&startError)) {
        m_moment->setText(tr("No tables: %1").arg(startError));
        return true; // the log still works
    }
    m_tables = new ServerView(m_timeline->session(), m_tablesBox);
    m_tables->setObjectName(u"recordingTables"_s);
    m_tables->bottomTabs()->hide(); // the recording's own log is below
    m_tablesBox->layout()->addWidget(m_tables);
    connect(m_timeline, &RecordingTimeline::settled, this, &RecordingView::updateMomentLabel);
    updateMomentLabel();
    return true;
}

void RecordingView::selectRow(int row)
{
    m_log->selectRow(row);
    m_log->scrollTo(m_model->index(row, 0));
    m_seekTimer.stop();
    if (m_timeline)
        m_timeline->showMoment(row);
}

bool RecordingView::findNext(const QString &text)
{
    const QModelIndex current = m_log->currentIndex();
    const int from = current.isValid() ? current.row() + 1 : 0;
    const int row = m_model->findNext(text.toUtf8(), from);
    if (row < 0) {
        m_find->setToolTip(tr("\"%1\" is not in the recording").arg(text));
        m_moment->setText(tr("Not found: %1").arg(text));
        return false;
    }
    m_log->selectRow(row);
    m_log->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtCenter);
    return true;
}

void RecordingView::currentChanged()
{
    const QModelIndex current = m_log->currentIndex();
    if (!current.isValid()) {
        m_json->clear();
    } else {
        const QJsonObject json = m_model->json(current.row());
        m_json->setPlainText(json.isEmpty() ? QString::fromUtf8(m_model->lineAt(current.row()))
                                            : QString::fromUtf8(QJsonDocument(json).toJson()));
    }
    m_seekTimer.start();
}

void RecordingView::updateMomentLabel()
{
    if (!m_timeline)
        return;
    const int row = m_timeline->moment();
    // The tables' durations are those of the moment shown, not of now.
    if (m_tables)
        m_tables->session()->channels()->channelModel()->setDurationsUntil(
            row < 0 ? QDateTime() : m_model->timeAt(row));
    if (row < 0) {
        m_moment->setText(tr("Tables: before the first line"));
        return;
    }
    const QString time = m_model->data(m_model->index(row, int(EventColumn::Time))).toString();
    m_moment->setText(
        tr("Tables as of line %1 (%2)").arg(m_model->lineNumberOf(row) + 1).arg(time));
}

} // namespace QtAri::Inspector
