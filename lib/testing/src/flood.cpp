// Flood mode (../shared/BENCH-PROTOCOL.md): pre-serialised events written as fast as the socket drains.
#include "simulator_p.h"

#include <QtCore/QJsonArray>

using namespace Qt::StringLiterals;

namespace QtAri::Testing {

namespace {

// The per-channel cycle after StasisStart; shapes and proportions follow the recorded traces.
const char16_t *const kCycle[] = {
    u"ChannelVarset", u"ChannelStateChange", u"ChannelDialplan", u"ChannelDtmfReceived",
    u"ChannelVarset", u"Dial", u"ChannelDtmfReceived", u"ChannelCallerId",
    u"ChannelStateChange", u"ChannelDtmfReceived", u"ChannelConnectedLine", u"ChannelVarset",
};
constexpr int kCycleLength = int(sizeof(kCycle) / sizeof(kCycle[0]));

// Unmasked server-to-client text frame.
QByteArray wsFrame(const QByteArray &payload)
{
    QByteArray f;
    f.reserve(payload.size() + 10);
    f.append(char(0x81));
    const qsizetype n = payload.size();
    if (n < 126) {
        f.append(char(n));
    } else if (n < 65536) {
        f.append(char(126));
        f.append(char((n >> 8) & 0xff));
        f.append(char(n & 0xff));
    } else {
        f.append(char(127));
        for (int i = 7; i >= 0; --i)
            f.append(char((quint64(n) >> (8 * i)) & 0xff));
    }
    f.append(payload);
    return f;
}

} // namespace

void SimulatorPrivate::buildFlood()
{
    floodChannelIds.clear();
    floodChannelJson.clear();
    floodFrames.clear();
    floodInfo = {};
    if (floodEvents <= 0 || floodChannels <= 0)
        return;
    const QString ts = now();
    for (int i = 0; i < floodChannels; ++i) {
        const QString id = u"flood-%1"_s.arg(i);
        floodChannelIds.append(id);
        if (!channels.contains(id)) {
            createChannelRecord(u"PJSIP/flood"_s, id, u"PJSIP/flood-%1"_s.arg(i, 8, 16, QLatin1Char('0')));
            SimChannel &c = channels[id];
            c.state = u"Up"_s;
            c.callerNumber = QString::number(2000 + i);
            c.context = u"flood"_s;
            c.exten = u"100"_s;
            c.appName = u"Stasis"_s;
            c.appData = u"flood"_s;
            c.stasisApp = u"flood"_s;
        }
        floodChannelJson.insert(id, channels[id].toJson());
    }
    // Counts per type, for /flood/info.
    QHash<QString, int> counts;
    const int k = floodChannels;
    const int n = floodEvents;
    for (int i = 0; i < n; ++i) {
        QString type;
        if (i < k && n >= 2 * k)
            type = u"StasisStart"_s;
        else if (i >= n - k && n >= 2 * k)
            type = u"ChannelDestroyed"_s;
        else
            type = QString::fromUtf16(kCycle[(i / k) % kCycleLength]);
        counts[type]++;
    }
    QJsonObject countsJson;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        countsJson.insert(it.key(), it.value());
    floodInfo = QJsonObject { { u"events"_s, n },
                              { u"channels"_s, k },
                              { u"counts"_s, countsJson },
                              { u"channel_ids"_s, QJsonArray::fromStringList(floodChannelIds) },
                              { u"sentinel"_s, QJsonObject { { u"type"_s, u"ChannelUserevent"_s },
                                                             { u"eventname"_s, u"BenchDone"_s } } } };
    Q_UNUSED(ts)
    qCInfo(lcSim) << "flood prepared:" << n << "events over" << k << "channels";
}

// Frames depend on the app name, so they are built for the first app that connects and reused.
static QByteArray floodEventFrame(const SimulatorPrivate *d, const QString &type, const QString &channelId,
                                  int seq, const QString &appName, const QString &ts)
{
    QJsonObject e { { u"type"_s, type }, { u"timestamp"_s, ts } };
    const QJsonObject ch = d->floodChannelJson.value(channelId);
    if (type == u"StasisStart"_s) {
        e.insert(u"args"_s, QJsonArray { u"flood"_s });
        e.insert(u"channel"_s, ch);
    } else if (type == u"ChannelDestroyed"_s) {
        e.insert(u"cause"_s, 16);
        e.insert(u"cause_txt"_s, u"Normal Clearing"_s);
        e.insert(u"channel"_s, ch);
    } else if (type == u"ChannelVarset"_s) {
        e.insert(u"variable"_s, u"FLOODVAR"_s);
        e.insert(u"value"_s, QString::number(seq));
        e.insert(u"channel"_s, ch);
    } else if (type == u"ChannelDialplan"_s) {
        e.insert(u"dialplan_app"_s, u"Stasis"_s);
        e.insert(u"dialplan_app_data"_s, u"flood"_s);
        e.insert(u"channel"_s, ch);
    } else if (type == u"ChannelDtmfReceived"_s) {
        e.insert(u"digit"_s, QString(QChar(u'0' + seq % 10)));
        e.insert(u"duration_ms"_s, 100);
        e.insert(u"channel"_s, ch);
    } else if (type == u"Dial"_s) {
        e.insert(u"dialstatus"_s, u"ANSWER"_s);
        e.insert(u"forward"_s, QString());
        e.insert(u"dialstring"_s, u"flood"_s);
        e.insert(u"peer"_s, ch);
    } else if (type == u"ChannelCallerId"_s) {
        e.insert(u"caller_presentation"_s, 0);
        e.insert(u"caller_presentation_txt"_s, u"Presentation Allowed, Not Screened"_s);
        e.insert(u"channel"_s, ch);
    } else { // ChannelStateChange, ChannelConnectedLine
        e.insert(u"channel"_s, ch);
    }
    e.insert(u"asterisk_id"_s, d->asteriskId);
    e.insert(u"application"_s, appName);
    return wsFrame(QJsonDocument(e).toJson(QJsonDocument::Compact));
}

void SimulatorPrivate::startFlood(EventSocket *es)
{
    if (es->floodStarted || !es->socket)
        return;
    if (!es->floodTimer) {
        // Wait for the client's first text message or the start delay, whichever comes first.
        auto *timer = new QTimer(q);
        timer->setSingleShot(true);
        es->floodTimer = timer;
        QObject::connect(timer, &QTimer::timeout, q, [this, es] {
            if (sockets.contains(es))
                startFlood(es);
        });
        timer->start(floodDelayMs);
        if (floodDelayMs > 0)
            return;
    }
    if (es->floodTimer && es->floodTimer->isActive() && !es->floodStarted) {
        // called from a client message: start now
        es->floodTimer->stop();
    }
    es->floodStarted = true;
    const QString appName = es->apps.value(0);
    if (floodApp != appName || floodFrames.isEmpty()) {
        floodApp = appName;
        floodFrames.clear();
        const QString ts = now();
        const int k = floodChannels;
        // distinct frames: StasisStart, Destroyed, and each cycle type per channel
        floodFrames.reserve(k * (kCycleLength + 2));
        for (int c = 0; c < k; ++c) {
            const QString id = floodChannelIds.at(c);
            floodFrames.append(floodEventFrame(this, u"StasisStart"_s, id, c, appName, ts));
            floodFrames.append(floodEventFrame(this, u"ChannelDestroyed"_s, id, c, appName, ts));
            for (int t = 0; t < kCycleLength; ++t)
                floodFrames.append(floodEventFrame(this, QString::fromUtf16(kCycle[t]), id, c + t, appName, ts));
        }
        QJsonObject sentinel { { u"type"_s, u"ChannelUserevent"_s },
                               { u"eventname"_s, u"BenchDone"_s },
                               { u"userevent"_s, QJsonObject { { u"events"_s, floodEvents }, { u"channels"_s, k } } },
                               { u"application"_s, appName },
                               { u"timestamp"_s, ts },
                               { u"asterisk_id"_s, asteriskId } };
        floodSentinel = wsFrame(QJsonDocument(sentinel).toJson(QJsonDocument::Compact));
    }
    es->floodSent = 0;
    es->floodClock.start();
    if (es->tcp) {
        QObject::connect(es->tcp, &QTcpSocket::bytesWritten, q, [this, es] {
            if (sockets.contains(es))
                pumpFlood(es);
        });
    }
    qCInfo(lcSim) << "flood started:" << floodEvents << "events to" << appName;
    pumpFlood(es);
}

void SimulatorPrivate::pumpFlood(EventSocket *es)
{
    QTcpSocket *tcp = es->tcp;
    if (!tcp || es->floodSent > floodEvents || stalled)
        return;
    const int k = floodChannels;
    const int n = floodEvents;
    constexpr qint64 kHighWater = 2 * 1024 * 1024;
    constexpr qsizetype kChunk = 256 * 1024;
    QByteArray chunk;
    while (tcp->bytesToWrite() < kHighWater && es->floodSent < n) {
        chunk.clear();
        chunk.reserve(kChunk + 4096);
        while (chunk.size() < kChunk && es->floodSent < n) {
            const int i = es->floodSent++;
            const int c = i % k;
            int slot;
            if (i < k && n >= 2 * k)
                slot = 0;
            else if (i >= n - k && n >= 2 * k)
                slot = 1;
            else
                slot = 2 + (i / k) % kCycleLength;
            chunk.append(floodFrames.at(c * (kCycleLength + 2) + slot));
        }
        tcp->write(chunk);
    }
    if (es->floodSent == n) {
        tcp->write(floodSentinel);
        es->floodSent = n + 1;
        const double secs = qMax<qint64>(1, es->floodClock.nsecsElapsed()) / 1e9;
        const double rate = n / secs;
        qCInfo(lcSim) << "flood finished:" << n << "events in" << secs * 1000 << "ms =" << qRound64(rate) << "events/s";
        Q_EMIT q->floodFinished(n, rate);
    }
}

void Simulator::setFlood(int events, int channels, int startDelayMs)
{
    d->floodEvents = qMax(0, events);
    d->floodChannels = qMax(1, channels);
    d->floodDelayMs = qMax(0, startDelayMs);
    d->floodFrames.clear();
    d->buildFlood();
}

} // namespace QtAri::Testing
