// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// What the GUI stall benchmarks (bench/inspector/inspector-stall, bench/qml/qml-stall) share: the
// simulator in its own thread with calls arriving and steady channel events, and the probe that
// measures how late calls posted into the GUI thread run.

#include <QtAri/Testing/Simulator>

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>
#include <QtCore/QThread>
#include <QtCore/QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <mutex>
#include <vector>

namespace QtAriBench {

using namespace Qt::StringLiterals;

// Lives in the server thread: owns the simulator and sends the steady traffic.
class Server : public QObject
{
public:
    explicit Server(const QString &app) : benchApp(app) { }
    const QString benchApp; //!< the application the calls enter
    QtAri::Testing::Simulator *sim = nullptr;
    QJsonArray channels;
    QTimer *timer = nullptr;
    QTimer *rampTimer = nullptr;
    qint64 created = 0;
    QElapsedTimer clock;
    qint64 sent = 0;
    int rate = 2000;
    //! Share of the events that name the first channel (a busy call), 0 for none.
    double busyShare = 0;
    QRandomGenerator random { 42 };

    void setUp(int channelCount = 0)
    {
        sim = new QtAri::Testing::Simulator(this);
        sim->start();
        for (int i = 0; i < channelCount; ++i)
            sim->startCall(benchApp, {}, u"bench-%1"_s.arg(i));
        channels = sim->channels();
    }

    // Calls arriving while the Inspector watches: callsPerSecond until total exist.
    void startRamp(int total, int callsPerSecond)
    {
        rampTimer = new QTimer(this);
        rampTimer->setTimerType(Qt::PreciseTimer);
        rampTimer->setInterval(5);
        QElapsedTimer *rampClock = new QElapsedTimer;
        rampClock->start();
        QObject::connect(rampTimer, &QTimer::timeout, this, [=, this] {
            const qint64 due =
                std::min<qint64>(total, rampClock->elapsed() * callsPerSecond / 1000);
            while (created < due) {
                sim->startCall(benchApp, {}, u"bench-%1"_s.arg(created));
                ++created;
            }
            if (created >= total) {
                rampTimer->stop();
                delete rampClock;
                channels = sim->channels();
            }
        });
        rampTimer->start();
    }

    void startTraffic()
    {
        timer = new QTimer(this); // created here, in the server thread
        timer->setTimerType(Qt::PreciseTimer);
        timer->setInterval(5);
        QObject::connect(timer, &QTimer::timeout, this, [this] { tick(); });
        clock.start();
        timer->start();
    }

    void tick()
    {
        // Keep to the rate however the timer fires.
        const qint64 due = clock.elapsed() * rate / 1000;
        static const QString states[] = { u"Up"_s, u"Ring"_s, u"Ringing"_s, u"Up"_s };
        while (sent < due) {
            const bool busy = busyShare > 0 && random.generateDouble() < busyShare;
            QJsonObject channel =
                channels.at(busy ? 0 : int(random.bounded(qsizetype(channels.size())))).toObject();
            QJsonObject event;
            switch (sent % 4) {
            case 0:
            case 1:
                channel.insert(u"state"_s, states[random.bounded(4)]);
                event = { { u"type"_s, u"ChannelStateChange"_s }, { u"channel"_s, channel } };
                break;
            case 2:
                event = { { u"type"_s, u"ChannelVarset"_s }, { u"channel"_s, channel },
                    { u"variable"_s, u"BENCH"_s }, { u"value"_s, QString::number(sent) } };
                break;
            default:
                event = { { u"type"_s, u"ChannelDtmfReceived"_s }, { u"channel"_s, channel },
                    { u"digit"_s, QString::number(sent % 10) }, { u"duration_ms"_s, 100 } };
                break;
            }
            sim->pushEvent(event);
            ++sent;
        }
    }

    void stop()
    {
        if (timer)
            timer->stop();
        delete sim;
        sim = nullptr;
    }
};

// Posts a timestamped call into the GUI thread every millisecond and records how late each runs.
class Probe
{
public:
    explicit Probe(QObject *guiReceiver) : m_receiver(guiReceiver) { }

    void start()
    {
        m_clock.start();
        m_thread = QThread::create([this] {
            while (!m_stop.load()) {
                const qint64 posted = m_clock.nsecsElapsed();
                QMetaObject::invokeMethod(
                    m_receiver,
                    [this, posted] {
                        const qint64 waited = m_clock.nsecsElapsed() - posted;
                        std::lock_guard lock(m_mutex);
                        if (m_recording)
                            m_samples.push_back(waited);
                        // STALL_TRACE=1: say when each stall over 50 ms began (ms since start).
                        if (waited > 50'000'000 && posted > m_lastStallEnd
                            && qEnvironmentVariableIsSet("STALL_TRACE")) {
                            std::fprintf(stderr, "stall %.1f ms from %.1f ms\n",
                                double(waited) / 1e6, double(posted) / 1e6);
                            m_lastStallEnd = posted + waited;
                        }
                    },
                    Qt::QueuedConnection);
                QThread::usleep(1000);
            }
        });
        m_thread->start();
    }
    void setRecording(bool on)
    {
        std::lock_guard lock(m_mutex);
        m_recording = on;
    }
    void stop()
    {
        m_stop = true;
        m_thread->wait();
        delete m_thread;
    }
    std::vector<qint64> takeSamples()
    {
        std::lock_guard lock(m_mutex);
        return std::exchange(m_samples, {});
    }

private:
    QObject *m_receiver;
    QElapsedTimer m_clock;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_stop { false };
    std::mutex m_mutex;
    bool m_recording = true;
    qint64 m_lastStallEnd = 0;
    std::vector<qint64> m_samples;
};

// Longest, median and 99th-percentile wait of the probe's samples (nanoseconds in, ms out).
struct Stats
{
    double maxMs = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    size_t samples = 0;
};

inline Stats summarise(std::vector<qint64> s)
{
    Stats out;
    out.samples = s.size();
    if (s.empty())
        return out;
    std::sort(s.begin(), s.end());
    out.maxMs = double(s.back()) / 1e6;
    out.p50Ms = double(s[s.size() / 2]) / 1e6;
    out.p99Ms = double(s[std::min(s.size() - 1, s.size() * 99 / 100)]) / 1e6;
    return out;
}

inline bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!condition()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

} // namespace QtAriBench
