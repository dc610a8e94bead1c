// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include "profiles.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QRandomGenerator>
#include <QtCore/QStringList>
#include <QtCore/QTimer>

namespace QtAri {
class Client;
namespace Testing {
    class Simulator;
}
} // namespace QtAri

namespace QtAri::Inspector {

//! \brief --demo: an in-process simulator with scripted calls, and the profile to watch it.
//!
//! Calls arrive in the "demo" application; a small QtAri program (this class) answers them,
//! plays a greeting, bridges them in pairs, the callers send DTMF, and they hang up after a while.
//! The Inspector connects with its own application and subscribeAll, so it sees all of it.
class Demo : public QObject
{
    Q_OBJECT
public:
    explicit Demo(QObject *parent = nullptr);
    ~Demo() override;

    //! Starts the simulator on 127.0.0.1 (any port) and the traffic; false if it cannot listen.
    bool start();
    void stop();
    //! What the Inspector should connect with; demo server \a number (from 1) is named "Demo",
    //! "Demo 2" …
    ConnectionProfile profile(int number = 1) const;
    QtAri::Testing::Simulator *simulator() const { return m_sim; }

    //! Seeds the calls' timing and choices (each demo server its own, so they differ).
    void setSeed(quint32 seed) { m_random.seed(seed); }
    //! At most this many calls at once (default 8).
    void setMaxCalls(int calls) { m_maxCalls = calls; }

private:
    void tick();
    void onStasisStart(const QString &channelId);
    void answered(const QString &channelId);

    QtAri::Testing::Simulator *m_sim = nullptr;
    QtAri::Client *m_driver = nullptr;
    QTimer m_timer;
    QRandomGenerator m_random { 20261126 };
    QStringList m_calls; // channel ids alive
    QStringList m_waiting; // answered, not bridged yet
    QStringList m_sounds;
    int m_maxCalls = 8;
    int m_callNumber = 0;
    int m_roomNumber = 0;
};

} // namespace QtAri::Inspector
