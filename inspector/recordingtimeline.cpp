// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "recordingtimeline.h"

#include "models/recordingmodel.h"
#include "session.h"

#include <QtAri/Testing/Simulator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

RecordingTimeline::RecordingTimeline(RecordingModel *model, QObject *parent)
    : QObject(parent), m_model(model)
{ }

RecordingTimeline::~RecordingTimeline()
{
    if (m_sim)
        m_sim->stopReplay();
    // The session (usually a ServerView's by now) may outlive us; it only loses its server.
}

ConnectionProfile RecordingTimeline::profileFor(
    QtAri::Testing::Simulator *sim, const QStringList &applications, const QString &name)
{
    ConnectionProfile p;
    p.name = name;
    p.url = sim->url();
    p.user = u"asterisk"_s;
    p.password = u"asterisk"_s;
    p.applications = applications.isEmpty() ? QStringList { u"qtari-replay"_s } : applications;
    p.subscribeAll = true;
    p.restTransport = u"http"_s;
    return p;
}

Session *RecordingTimeline::session() const
{
    return m_session;
}

bool RecordingTimeline::start(QString *error)
{
    m_sim = new QtAri::Testing::Simulator(this);
    if (!m_sim->start()) {
        if (error)
            *error = tr("the simulator cannot listen on 127.0.0.1");
        return false;
    }
    connect(m_sim, &QtAri::Testing::Simulator::replayFinished, this, &RecordingTimeline::advance);
    m_session = new Session(profileFor(m_sim, m_model->applications(), tr("Recording")));
    connect(m_session, &Session::opened, this, [this] {
        m_connected = true;
        advance();
    });
    m_session->open();
    return true;
}

void RecordingTimeline::showMoment(int row)
{
    m_target = std::clamp(row, -1, m_model->rowCount() - 1);
    advance();
}

bool RecordingTimeline::isSettled() const
{
    return m_connected && m_sim && !m_sim->isReplaying() && m_position == m_target;
}

void RecordingTimeline::advance()
{
    if (!m_connected || !m_sim || m_sim->isReplaying())
        return; // replayFinished() or opened() comes back here
    if (m_position == m_target) {
        Q_EMIT settled(m_target);
        return;
    }
    if (m_target < m_position) {
        m_sim->reset(); // what it holds ends, with the events the session follows
        m_position = -1;
        if (m_target < 0) {
            Q_EMIT settled(m_target);
            return;
        }
    }
    const QList<QByteArray> lines = m_model->linesBetween(m_position + 1, m_target);
    m_position = m_target;
    m_sim->replay(lines, 0);
}

} // namespace QtAri::Inspector
