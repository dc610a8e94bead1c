// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QPlainTextEdit;
QT_END_NAMESPACE

namespace QtAri::Inspector {

class LadderModel;
class LadderView;
class Session;

//! \brief A window with the call ladder of one channel or bridge of a session.
//!
//! A toolbar switches following the call across its legs on and off and exports the ladder as
//! SVG, PNG or text; a click on a row shows its JSON beside the ladder and measures the deltas
//! from it. The window follows the session's traffic until it is closed.
class LadderWindow : public QWidget
{
    Q_OBJECT
public:
    //! The ladder of \a key ("channel:ID" or "bridge:ID") in \a session.
    LadderWindow(Session *session, const QString &key, QWidget *parent = nullptr);
    ~LadderWindow() override;

    LadderModel *model() const { return m_model; }
    LadderView *view() const { return m_view; }
    QPlainTextEdit *jsonView() const { return m_json; }
    QAction *followAction() const { return m_follow; }

    enum class Format { Svg, Png, Text };
    //! Writes the ladder to \a path; false (and a message box unless \a quiet) if that failed.
    bool exportTo(const QString &path, Format format, bool quiet = false);

private:
    void showRow(int row);
    void updateSummary();
    void exportAs(Format format);

    QPointer<Session> m_session;
    LadderModel *m_model;
    LadderView *m_view;
    QPlainTextEdit *m_json;
    QLabel *m_summary;
    QAction *m_follow;
};

} // namespace QtAri::Inspector
