// Replaying a recording (the recorded traces' .jsonl, or one the Inspector wrote): the event frames
// go to the sockets of the applications they name, and their snapshots become the simulator's state.
#include "simulator_p.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QTimeZone>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace QtAri::Testing {

namespace {

// Asterisk's "2026-11-26T03:10:39.603+0000" as milliseconds since the epoch, -1 if unreadable.
qint64 replayTimeMs(const QString &timestamp)
{
    if (timestamp.size() < 23)
        return -1;
    QDateTime t = QDateTime::fromString(timestamp.left(23), u"yyyy-MM-ddTHH:mm:ss.zzz"_s);
    if (!t.isValid())
        return -1;
    t.setTimeZone(QTimeZone::utc());
    qint64 ms = t.toMSecsSinceEpoch();
    // "+0100": the offset, when a recording has one
    const QString offset = timestamp.mid(23);
    if (offset.size() == 5 && (offset.at(0) == u'+' || offset.at(0) == u'-')) {
        const int minutes = offset.mid(1, 2).toInt() * 60 + offset.mid(3, 2).toInt();
        ms -= (offset.at(0) == u'+' ? 1 : -1) * qint64(minutes) * 60'000;
    }
    return ms;
}

bool isSkippedType(const QString &type)
{
    return type == "RESTRequest"_L1 || type == "RESTResponse"_L1 || type == "QtAriRecording"_L1;
}

} // namespace

void SimulatorPrivate::upsertReplayedChannel(const QJsonObject &s)
{
    const QString id = s.value(u"id"_s).toString();
    if (id.isEmpty() || (replaying && replaying->destroyedChannels.contains(id)))
        return;
    if (!channels.contains(id)) {
        channelOrder.append(id);
        channels[id].id = id;
    }
    SimChannel &c = channels[id];
    c.name = s.value(u"name"_s).toString(c.name);
    c.state = s.value(u"state"_s).toString(c.state);
    c.protocolId = s.value(u"protocol_id"_s).toString(c.protocolId);
    const QJsonObject caller = s.value(u"caller"_s).toObject();
    c.callerName = caller.value(u"name"_s).toString(c.callerName);
    c.callerNumber = caller.value(u"number"_s).toString(c.callerNumber);
    const QJsonObject connected = s.value(u"connected"_s).toObject();
    c.connectedName = connected.value(u"name"_s).toString(c.connectedName);
    c.connectedNumber = connected.value(u"number"_s).toString(c.connectedNumber);
    c.accountcode = s.value(u"accountcode"_s).toString(c.accountcode);
    const QJsonObject dialplan = s.value(u"dialplan"_s).toObject();
    c.context = dialplan.value(u"context"_s).toString(c.context);
    c.exten = dialplan.value(u"exten"_s).toString(c.exten);
    c.priority = dialplan.value(u"priority"_s).toInt(c.priority);
    c.appName = dialplan.value(u"app_name"_s).toString(c.appName);
    c.appData = dialplan.value(u"app_data"_s).toString(c.appData);
    c.creationtime = s.value(u"creationtime"_s).toString(c.creationtime);
    c.language = s.value(u"language"_s).toString(c.language);
    const QJsonObject vars = s.value(u"channelvars"_s).toObject();
    for (auto it = vars.constBegin(); it != vars.constEnd(); ++it) {
        c.vars.insert(it.key(), it.value().toString());
        c.reportedVars.insert(it.key());
    }
    if (c.endpoint.isEmpty()) // "PJSIP/1000-00000001" -> "PJSIP/1000"; Local/x@ctx-0000000a;1 alike
        c.endpoint = c.name.contains(u'-') ? c.name.section(u'-', 0, -2) : c.name;
}

void SimulatorPrivate::upsertReplayedBridge(const QJsonObject &s)
{
    const QString id = s.value(u"id"_s).toString();
    if (id.isEmpty() || (replaying && replaying->destroyedBridges.contains(id)))
        return;
    if (!bridges.contains(id)) {
        bridgeOrder.append(id);
        bridges[id].id = id;
    }
    SimBridge &b = bridges[id];
    b.technology = s.value(u"technology"_s).toString(b.technology);
    b.type = s.value(u"bridge_type"_s).toString(b.type);
    b.bridgeClass = s.value(u"bridge_class"_s).toString(b.bridgeClass);
    b.creator = s.value(u"creator"_s).toString(b.creator);
    b.name = s.value(u"name"_s).toString(b.name);
    if (s.contains(u"channels"_s)) {
        b.channels.clear();
        for (const QJsonValue &v : s.value(u"channels"_s).toArray())
            b.channels.append(v.toString());
    }
    b.creationtime = s.value(u"creationtime"_s).toString(b.creationtime);
    b.videoMode = s.value(u"video_mode"_s).toString(b.videoMode);
    b.videoSourceId = s.value(u"video_source_id"_s).toString();
}

void SimulatorPrivate::applyReplayedEvent(const QJsonObject &event)
{
    const QString type = event.value(u"type"_s).toString();
    // Every channel snapshot the event carries (Dial names two, ChannelUserevent maybe none).
    for (const char *key : { "channel", "peer", "caller", "replace_channel" }) {
        const QJsonValue v = event.value(QLatin1StringView(key));
        if (v.isObject() && v.toObject().contains(u"id"_s))
            upsertReplayedChannel(v.toObject());
    }
    if (event.value(u"bridge"_s).isObject())
        upsertReplayedBridge(event.value(u"bridge"_s).toObject());

    const QString channelId = event.value(u"channel"_s).toObject().value(u"id"_s).toString();
    const QString bridgeId = event.value(u"bridge"_s).toObject().value(u"id"_s).toString();
    if (type == "StasisStart"_L1 && channels.contains(channelId)) {
        SimChannel &c = channels[channelId];
        c.stasisApp = event.value(u"application"_s).toString();
        c.stasisArgs.clear();
        for (const QJsonValue &v : event.value(u"args"_s).toArray())
            c.stasisArgs.append(v.toString());
        c.wasInStasis = true;
    } else if (type == "StasisEnd"_L1 && channels.contains(channelId)) {
        channels[channelId].stasisApp.clear();
    } else if (type == "ChannelEnteredBridge"_L1 && channels.contains(channelId)) {
        channels[channelId].bridgeId = bridgeId;
    } else if (type == "ChannelLeftBridge"_L1 && channels.contains(channelId)) {
        channels[channelId].bridgeId.clear();
    } else if (type == "ChannelDestroyed"_L1 && !channelId.isEmpty()) {
        replaying->destroyedChannels.insert(channelId);
        channels.remove(channelId);
        channelOrder.removeAll(channelId);
        for (SimBridge &b : bridges)
            b.channels.removeAll(channelId);
    } else if (type == "BridgeDestroyed"_L1 && !bridgeId.isEmpty()) {
        replaying->destroyedBridges.insert(bridgeId);
        bridges.remove(bridgeId);
        bridgeOrder.removeAll(bridgeId);
        for (SimChannel &c : channels) {
            if (c.bridgeId == bridgeId)
                c.bridgeId.clear();
        }
    }
}

void SimulatorPrivate::pumpReplay()
{
    ReplayState *r = replaying.get();
    if (!r)
        return;
    constexpr int chunk = 1000; // frames per event-loop turn when nothing holds them back
    // As fast as possible, but no faster than the sockets drain: a client that falls seconds
    // behind would miss its pongs (and its pings would wait behind the frames).
    constexpr qint64 maxBacklog = 8 * 1024 * 1024;
    if (r->speed <= 0) {
        for (EventSocket *es : std::as_const(sockets)) {
            if (es->socket && es->socket->bytesToWrite() > maxBacklog) {
                r->timer.start(0);
                return;
            }
        }
    }
    int sentNow = 0;
    while (r->next < r->lines.size()) {
        const QByteArray line = r->lines.at(r->next).trimmed();
        if (line.isEmpty()) {
            ++r->next;
            continue;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (!doc.isObject()) {
            qCWarning(lcSim).noquote() << "replay: line" << r->next + 1 << "is not a JSON object ("
                                       << (error.error ? error.errorString() : u"not an object"_s)
                                       << "), skipped";
            ++r->skipped;
            ++r->next;
            continue;
        }
        const QJsonObject event = doc.object();
        const QString type = event.value(u"type"_s).toString();
        if (type.isEmpty() || isSkippedType(type)) {
            if (type.isEmpty()) {
                qCWarning(lcSim) << "replay: line" << r->next + 1 << "has no type, skipped";
                ++r->skipped;
            }
            ++r->next;
            continue;
        }
        if (r->speed > 0) {
            const qint64 at = replayTimeMs(event.value(u"timestamp"_s).toString());
            if (at >= 0 && r->firstMs < 0)
                r->firstMs = at;
            if (at >= 0) {
                const qint64 due = qint64(double(at - r->firstMs) / r->speed);
                const qint64 wait = due - r->clock.elapsed();
                if (wait > 0) {
                    r->timer.start(int(std::min<qint64>(wait, 24 * 3600 * 1000)));
                    return;
                }
            }
        } else if (sentNow >= chunk) {
            r->timer.start(0);
            return;
        }
        ++r->next;
        applyReplayedEvent(event);
        const QString application = event.value(u"application"_s).toString();
        for (EventSocket *es : std::as_const(sockets)) {
            if (application.isEmpty() || es->apps.contains(application))
                sendFrame(es, line);
        }
        ++r->sent;
        ++sentNow;
    }
    const qint64 sent = r->sent;
    const qint64 skipped = r->skipped;
    lastReplayedEvents = sent;
    // The state stays (destroyed ids no longer matter): drop the replay, then tell.
    replaying.reset();
    qCInfo(lcSim) << "replay finished:" << sent << "events," << skipped << "lines skipped";
    Q_EMIT q->replayFinished(sent, skipped);
}

// --- Simulator -----------------------------------------------------------------------------------

void SimulatorPrivate::startReplay(std::unique_ptr<ReplayState> state, double speed)
{
    replaying = std::move(state);
    ReplayState *r = replaying.get();
    r->speed = std::max(0.0, speed);
    r->timer.setSingleShot(true);
    r->timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&r->timer, &QTimer::timeout, q, [this] { pumpReplay(); });
    r->clock.start();
    qCInfo(lcSim) << "replaying" << r->lines.size() << "lines at speed" << r->speed;
    r->timer.start(0);
}

void Simulator::replay(const QList<QByteArray> &lines, double speed)
{
    stopReplay();
    auto state = std::make_unique<ReplayState>();
    state->lines = lines;
    d->startReplay(std::move(state), speed);
}

bool Simulator::replayFile(const QString &fileName, double speed, QString *error)
{
    stopReplay();
    auto state = std::make_unique<ReplayState>();
    state->file.setFileName(fileName);
    if (!state->file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = state->file.errorString();
        return false;
    }
    // A million-line recording is mapped, not read: the lines are raw data over the mapping.
    const qint64 size = state->file.size();
    const char *data = nullptr;
    if (size > 0) {
        if (uchar *mapped = state->file.map(0, size)) {
            data = reinterpret_cast<const char *>(mapped);
        } else {
            state->fileBytes = state->file.readAll();
            data = state->fileBytes.constData();
        }
    }
    const qint64 length = state->fileBytes.isEmpty() ? size : state->fileBytes.size();
    qint64 pos = 0;
    while (data && pos < length) {
        const void *nl = std::memchr(data + pos, '\n', size_t(length - pos));
        const qint64 end = nl ? qint64(static_cast<const char *>(nl) - data) : length;
        state->lines.append(QByteArray::fromRawData(data + pos, end - pos));
        pos = end + 1;
    }
    d->startReplay(std::move(state), speed);
    return true;
}

void Simulator::stopReplay()
{
    if (d->replaying)
        d->lastReplayedEvents = d->replaying->sent;
    d->replaying.reset();
}

bool Simulator::isReplaying() const
{
    return d->replaying != nullptr;
}

qint64 Simulator::replayedEvents() const
{
    return d->replaying ? d->replaying->sent : d->lastReplayedEvents;
}

} // namespace QtAri::Testing
