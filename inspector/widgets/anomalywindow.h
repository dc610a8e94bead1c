// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QTableView;
QT_END_NAMESPACE

namespace QtAri::Inspector {

class Session;

//! \brief The anomalies a session found (AnomalyModel), in a window of their own.
//!
//! "Show ladder" opens the call ladder of the selected finding's channel or bridge.
class AnomalyWindow : public QWidget
{
    Q_OBJECT
public:
    explicit AnomalyWindow(Session *session, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }

Q_SIGNALS:
    //! The user asked for the ladder of \a key ("channel:ID", "bridge:ID").
    void ladderRequested(const QString &key);

private:
    QPointer<Session> m_session;
    QTableView *m_view;
};

} // namespace QtAri::Inspector
