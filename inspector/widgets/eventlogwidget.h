// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

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

class EventLogFilter;
class EventLogModel;

//! \brief The live event log: pause, filters (type, id, text), the table and a JSON detail pane.
class EventLogWidget : public QWidget
{
    Q_OBJECT
public:
    explicit EventLogWidget(EventLogModel *model, QWidget *parent = nullptr);

    EventLogModel *model() const { return m_model; }
    EventLogFilter *filter() const { return m_filter; }
    QTableView *view() const { return m_view; }
    QComboBox *typeCombo() const { return m_type; }
    QLineEdit *idEdit() const { return m_id; }
    QLineEdit *textEdit() const { return m_text; }
    QPlainTextEdit *jsonView() const { return m_json; }
    QToolButton *pauseButton() const { return m_pause; }

    //! Shows only events naming \a id (used by "Show events of the selection").
    void setIdFilter(const QString &id);

private:
    void addType(const QString &type);
    void showCurrent();
    void updateCount();

    EventLogModel *m_model;
    EventLogFilter *m_filter;
    QTableView *m_view;
    QComboBox *m_type;
    QLineEdit *m_id;
    QLineEdit *m_text;
    QToolButton *m_pause;
    QLabel *m_count;
    QPlainTextEdit *m_json;
    bool m_follow = true;
};

} // namespace QtAri::Inspector
