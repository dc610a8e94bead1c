// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class QToolButton;
QT_END_NAMESPACE

namespace QtAri::Inspector {

class RecordingModel;
class RecordingTimeline;
class ServerView;

//! \brief A recording opened offline: its whole event log, and the channel and bridge tables as
//! of the selected row (RecordingTimeline), in one tab.
class RecordingView : public QWidget
{
    Q_OBJECT
public:
    explicit RecordingView(QWidget *parent = nullptr);
    ~RecordingView() override;

    //! Opens \a fileName; false, with \a error, when it cannot be read.
    bool open(const QString &fileName, QString *error = nullptr);
    QString fileName() const;
    QString title() const;

    RecordingModel *model() const { return m_model; }
    RecordingTimeline *timeline() const { return m_timeline; }
    QTableView *logView() const { return m_log; }
    QPlainTextEdit *jsonView() const { return m_json; }
    QLineEdit *findEdit() const { return m_find; }
    //! The speed "Replay into Simulator" uses (1 = as recorded, 0 = as fast as possible).
    QComboBox *speedCombo() const { return m_speed; }
    double replaySpeed() const;
    //! Selects the next row (after the current one, wrapping) whose line contains \a text; false,
    //! with a note beside the field, when none does.
    bool findNext(const QString &text);
    //! The channel and bridge tables as of the selected row (nullptr before open()).
    ServerView *tables() const { return m_tables; }
    //! Selects \a row and shows the tables as of it (at once, not after the usual short delay).
    void selectRow(int row);

Q_SIGNALS:
    //! "Replay into Simulator" was asked for this recording, at \a speed.
    void replayRequested(const QString &fileName, double speed);

private:
    void currentChanged();
    void updateMomentLabel();

    RecordingModel *m_model;
    RecordingTimeline *m_timeline = nullptr;
    ServerView *m_tables = nullptr;
    QTableView *m_log;
    QPlainTextEdit *m_json;
    QLabel *m_info;
    QLabel *m_moment;
    QLineEdit *m_find;
    QToolButton *m_replay;
    QComboBox *m_speed;
    QWidget *m_tablesBox;
    QTimer m_seekTimer;
};

} // namespace QtAri::Inspector
