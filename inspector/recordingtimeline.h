// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include "profiles.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

namespace QtAri::Testing {
class Simulator;
}

namespace QtAri::Inspector {

class RecordingModel;
class Session;

//! \brief The channel and bridge tables of a recording "as of" one of its rows.
//!
//! An in-process QtAri::Testing::Simulator on 127.0.0.1 replays the recording's event frames up
//! to the chosen row (Simulator::replay(), as fast as it can), and a normal Session, connected to
//! it with the recording's applications and subscribeAll, follows them: its channel and bridge
//! models are the library's mirror of what the recording's events said, exactly as a live tab
//! would have shown it. Moving forward replays the rows in between; moving back resets the
//! simulator (the channels and bridges it holds end, with their events) and replays from the
//! start. settled() tells when the simulator has sent everything up to the row.
class RecordingTimeline : public QObject
{
    Q_OBJECT
public:
    //! \a model must outlive the timeline (the replayed lines point into its mapping).
    explicit RecordingTimeline(RecordingModel *model, QObject *parent = nullptr);
    ~RecordingTimeline() override;

    //! Starts the simulator and makes the session (connecting); false, with \a error, if the
    //! simulator cannot listen.
    bool start(QString *error = nullptr);
    //! The session following the simulator; give it to a ServerView, which takes it.
    Session *session() const;
    QtAri::Testing::Simulator *simulator() const { return m_sim; }

    //! Makes the tables show the state right after row \a row (-1: before the first row).
    void showMoment(int row);
    int moment() const { return m_target; }
    //! Whether the simulator has sent everything up to moment().
    bool isSettled() const;

    //! A profile for \a sim with \a applications (or one of ours when empty), user
    //! asterisk/asterisk and subscribeAll: what a tab connected to a replaying simulator uses.
    static ConnectionProfile profileFor(
        QtAri::Testing::Simulator *sim, const QStringList &applications, const QString &name);

Q_SIGNALS:
    void settled(int row);

private:
    void advance();

    RecordingModel *m_model;
    QtAri::Testing::Simulator *m_sim = nullptr;
    QPointer<Session> m_session;
    bool m_connected = false;
    int m_position = -1; // rows replayed into the simulator
    int m_target = -1;
};

} // namespace QtAri::Inspector
