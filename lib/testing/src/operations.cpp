// The simulator's state and every ARI operation it answers.
#include "simulator_p.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>
#include <QtCore/QtEndian>

using namespace Qt::StringLiterals;

namespace QtAri::Testing {

namespace {

QString hangupCauseText(int cause)
{
    switch (cause) {
    case 1: return u"Unallocated (unassigned) number"_s;
    case 16: return u"Normal Clearing"_s;
    case 17: return u"User busy"_s;
    case 18: return u"No user responding"_s;
    case 19: return u"User alerting, no answer"_s;
    case 21: return u"Call Rejected"_s;
    case 26: return u"Answered elsewhere"_s;
    case 27: return u"Destination out of order"_s;
    case 28: return u"Invalid number format (incomplete number)"_s;
    case 31: return u"Normal, unspecified"_s;
    case 34: return u"Circuit/channel congestion"_s;
    case 38: return u"Network out of order"_s;
    case 58: return u"Bearer capability not available"_s;
    case 127: return u"Interworking, unspecified"_s;
    default: return u"Unknown"_s;
    }
}

std::optional<int> hangupReasonCause(const QString &reason)
{
    static const QHash<QString, int> causes {
        { u"normal"_s, 16 }, { u"busy"_s, 17 }, { u"congestion"_s, 34 }, { u"no_answer"_s, 19 },
        { u"timeout"_s, 18 }, { u"rejected"_s, 21 }, { u"unallocated"_s, 1 },
        { u"normal_unspecified"_s, 31 }, { u"number_incomplete"_s, 28 },
        { u"codec_mismatch"_s, 58 }, { u"interworking"_s, 127 }, { u"failure"_s, 38 },
        { u"answered_elsewhere"_s, 26 }
    };
    const auto it = causes.constFind(reason);
    if (it == causes.constEnd())
        return std::nullopt;
    return *it;
}

struct SoundInfo
{
    const char16_t *id;
    int durationMs;
};

// A small catalogue: id and how long it plays.
const SoundInfo kSounds[] = {
    { u"hello-world", 1400 }, { u"beep", 250 }, { u"demo-congrats", 16000 },
    { u"tt-monkeys", 2000 }, { u"vm-intro", 1200 }, { u"conf-onlyperson", 1200 },
    { u"demo-echotest", 2500 }, { u"goodbye", 600 }, { u"silence/1", 1000 },
    { u"queue-callswaiting", 1500 },
};

const QStringList kRecordingFormats { u"wav"_s, u"gsm"_s, u"ulaw"_s, u"alaw"_s, u"sln"_s,
                                      u"g722"_s, u"g729"_s, u"wav49"_s, u"ogg"_s };

const QStringList kTechnologies { u"Local"_s, u"PJSIP"_s, u"SIP"_s, u"IAX2"_s, u"DAHDI"_s,
                                  u"Test"_s, u"Sim"_s };

} // namespace

// --- JSON shapes ---------------------------------------------------------------------------------

QJsonObject SimChannel::toJson() const
{
    QJsonObject o {
        { u"id"_s, id },
        { u"name"_s, name },
        { u"state"_s, state },
        { u"protocol_id"_s, protocolId },
        { u"caller"_s, QJsonObject { { u"name"_s, callerName }, { u"number"_s, callerNumber } } },
        { u"connected"_s, QJsonObject { { u"name"_s, connectedName }, { u"number"_s, connectedNumber } } },
        { u"accountcode"_s, accountcode },
        { u"dialplan"_s, QJsonObject { { u"context"_s, context }, { u"exten"_s, exten },
                                       { u"priority"_s, priority }, { u"app_name"_s, appName },
                                       { u"app_data"_s, appData } } },
        { u"creationtime"_s, creationtime },
        { u"language"_s, language },
    };
    if (!reportedVars.isEmpty()) {
        QJsonObject channelvars;
        for (const QString &name : reportedVars)
            channelvars.insert(name, vars.value(name));
        o.insert(u"channelvars"_s, channelvars);
    }
    return o;
}

// A value in a "variables" body: a string, or (Asterisk 20 and later) an object {"value": ...,
// "report_events": true}; with report_events the variable rides along in the channel's
// snapshots, as "channelvars".
static QString variableValue(const QJsonValue &v, bool *report)
{
    *report = false;
    if (!v.isObject())
        return v.isString() ? v.toString() : v.toVariant().toString();
    const QJsonObject o = v.toObject();
    *report = o.value(u"report_events"_s).toBool();
    return o.value(u"value"_s).toString();
}

static void setVariables(SimulatorPrivate *d, const QString &id, const QJsonObject &vars,
                         bool skipCallerId = false)
{
    for (auto it = vars.constBegin(); it != vars.constEnd(); ++it) {
        if (skipCallerId && it.key().startsWith(u"CALLERID("_s))
            continue;
        bool report = false;
        const QString value = variableValue(it.value(), &report);
        if (SimChannel *c = d->channel(id); c && report)
            c->reportedVars.insert(it.key());
        d->setVar(id, it.key(), value);
    }
}

QJsonObject SimBridge::toJson() const
{
    QJsonObject o { { u"id"_s, id },
                    { u"technology"_s, technology },
                    { u"bridge_type"_s, type },
                    { u"bridge_class"_s, bridgeClass },
                    { u"creator"_s, creator },
                    { u"name"_s, name },
                    { u"channels"_s, QJsonArray::fromStringList(channels) },
                    { u"creationtime"_s, creationtime },
                    { u"video_mode"_s, videoMode } };
    if (!videoSourceId.isEmpty())
        o.insert(u"video_source_id"_s, videoSourceId);
    return o;
}

QJsonObject SimPlayback::toJson() const
{
    QJsonObject o { { u"id"_s, id }, { u"media_uri"_s, mediaUri }, { u"target_uri"_s, targetUri },
                    { u"language"_s, language }, { u"state"_s, state } };
    if (mediaIndex + 1 < mediaList.size())
        o.insert(u"next_media_uri"_s, mediaList.at(mediaIndex + 1));
    return o;
}

int SimRecording::durationSeconds() const
{
    if (!clock.isValid())
        return 0;
    qint64 ms = clock.elapsed() - pausedMs;
    if (pausedAt >= 0)
        ms -= clock.elapsed() - pausedAt;
    return int(qMax<qint64>(0, qint64(ms / timeScale) + 500) / 1000);
}

QJsonObject SimRecording::toJson(bool finished) const
{
    QJsonObject o { { u"name"_s, name }, { u"format"_s, format }, { u"state"_s, state },
                    { u"target_uri"_s, targetUri } };
    if (finished)
        o.insert(u"duration"_s, durationSeconds());
    return o;
}

// --- state helpers -------------------------------------------------------------------------------

QString SimulatorPrivate::newUniqueId()
{
    return u"%1.%2"_s.arg(idEpoch).arg(uniqueCounter++);
}

QString SimulatorPrivate::nextChannelSuffix()
{
    return u"%1"_s.arg(nameCounter++, 8, 16, QLatin1Char('0'));
}

SimChannel *SimulatorPrivate::channel(const QString &id)
{
    auto it = channels.find(id);
    return it == channels.end() ? nullptr : &*it;
}

SimBridge *SimulatorPrivate::bridge(const QString &id)
{
    auto it = bridges.find(id);
    return it == bridges.end() ? nullptr : &*it;
}

QJsonObject SimulatorPrivate::channelJson(const QString &id) const
{
    return channels.value(id).toJson();
}

void SimulatorPrivate::channelEvent(const QString &type, const QString &id, QJsonObject extra)
{
    extra.insert(u"channel"_s, channelJson(id));
    EventTargets t;
    t.channels = { id };
    if (const SimChannel *c = channels.contains(id) ? &channels[id] : nullptr)
        t.endpoints = { c->endpoint.section(u'@', 0, 0) };
    emitEvent(type, extra, t);
}

void SimulatorPrivate::setChannelState(const QString &id, const QString &state)
{
    SimChannel *c = channel(id);
    if (!c || c->state == state)
        return;
    c->state = state;
    channelEvent(u"ChannelStateChange"_s, id);
}

void SimulatorPrivate::setDialplan(const QString &id, const QString &appName, const QString &data, bool event)
{
    SimChannel *c = channel(id);
    if (!c)
        return;
    c->appName = appName;
    c->appData = data;
    if (event)
        channelEvent(u"ChannelDialplan"_s, id, { { u"dialplan_app"_s, appName }, { u"dialplan_app_data"_s, data } });
}

void SimulatorPrivate::setVar(const QString &id, const QString &name, const QString &value, bool event)
{
    SimChannel *c = channel(id);
    if (c)
        c->vars.insert(name, value);
    if (!event)
        return;
    QJsonObject fields { { u"variable"_s, name }, { u"value"_s, value } };
    if (c) {
        channelEvent(u"ChannelVarset"_s, id, fields);
    } else {
        // a global variable: apps subscribed to everything hear of it (f_variables_errors), others
        // do not (j_headers_users)
        QStringList names;
        for (const auto &entry : apps) {
            if (entry.second.subscribeAll)
                names.append(entry.first);
        }
        for (const QString &appName : std::as_const(names)) {
            EventTargets only;
            only.onlyApp = appName;
            emitEvent(u"ChannelVarset"_s, fields, only);
        }
    }
}

void SimulatorPrivate::subscribeChannel(const QString &appName, const QString &id)
{
    Q_UNUSED(appName)
    Q_UNUSED(id)
}

void SimulatorPrivate::enterStasis(const QString &id, const QString &appNameRef, const QStringList &argsRef)
{
    const QString appName = appNameRef; // the caller may pass the channel's own pendingApp
    const QStringList args = argsRef;
    SimChannel *c = channel(id);
    if (!c)
        return;
    if (startPerCall(id, appName, args))
        return; // Stasis starts once its own outbound socket is up (outbound.cpp)
    c->pendingApp.clear();
    setDialplan(id, u"Stasis"_s, QStringList(appName).join(u',') + (args.isEmpty() ? QString() : u","_s + args.join(u',')), false);
    setVar(id, u"STASISSTATUS"_s, QString());
    c = channel(id);
    c->stasisApp = appName;
    c->wasInStasis = true;
    c->stasisArgs = args;
    QJsonObject fields { { u"args"_s, QJsonArray::fromStringList(args) } };
    EventTargets t;
    t.onlyApp = appName;
    fields.insert(u"channel"_s, c->toJson());
    emitEvent(u"StasisStart"_s, fields, t);
    qCInfo(lcSim) << "channel" << id << "entered Stasis" << appName << args;
}

void SimulatorPrivate::leaveStasis(const QString &id, bool setStatus)
{
    SimChannel *c = channel(id);
    if (!c || c->stasisApp.isEmpty())
        return;
    const QString appName = c->stasisApp;
    EventTargets t;
    t.onlyApp = appName;
    emitEvent(u"StasisEnd"_s, { { u"channel"_s, c->toJson() } }, t);
    c = channel(id);
    c->stasisApp.clear();
    if (broadcasts.remove(id) && setStatus && !c->dying) {
        // the winner's session of a StasisBroadcast ended: the dialplan goes on after it
        afterBroadcast(id, u"SUCCESS"_s);
        return;
    }
    if (setStatus)
        setVar(id, u"STASISSTATUS"_s, u"SUCCESS"_s);
    else
        c->stasisStatusPending = true;
}

void SimulatorPrivate::deviceStateEvent(const QString &name, const QString &state)
{
    EventTargets t;
    t.devices = { name };
    emitEvent(u"DeviceStateChanged"_s,
              { { u"device_state"_s, QJsonObject { { u"name"_s, name }, { u"state"_s, state } } } }, t);
}

void SimulatorPrivate::later(const QString &channelId, int ms, std::function<void()> fn)
{
    auto *timer = new QTimer(q);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, q, [this, timer, channelId, fn = std::move(fn)] {
        timer->deleteLater();
        if (!channelId.isEmpty() && (!channels.contains(channelId) || channels[channelId].dying))
            return;
        fn();
    });
    if (SimChannel *c = channel(channelId))
        c->timers.append(timer);
    timer->start(scaled(ms));
}

QString SimulatorPrivate::createChannelRecord(const QString &endpoint, const QString &id, const QString &name)
{
    SimChannel c;
    c.id = id;
    c.name = name;
    c.endpoint = endpoint;
    c.creationtime = now();
    channels.insert(id, c);
    channelOrder.append(id);
    return id;
}

void SimulatorPrivate::endAnswerWait(const QString &twoId)
{
    SimChannel *two = channel(twoId);
    if (!two || !two->answerWaiting || two->dying)
        return;
    two->answerWaiting = false;
    setDialplan(twoId, u"Wait"_s, u"300"_s); // extension 400: Answer, then Wait(300)
}

void SimulatorPrivate::answerChannel(const QString &id)
{
    SimChannel *c = channel(id);
    if (!c || c->state == u"Up"_s)
        return;
    setChannelState(id, u"Up"_s);
}

// Hangs a channel up with Asterisk's event order. fromRest: DELETE /channels/{id} (a soft hangup
// request first); peerPhase: the other half of a Local pair, whose hard request was already sent.
void SimulatorPrivate::destroyChannel(const QString &id, int cause, bool fromRest, bool peerPhase, bool quiet)
{
    SimChannel *c = channel(id);
    if (!c || c->dying)
        return;
    c->dying = true;
    for (const QPointer<QTimer> &t : std::as_const(c->timers)) {
        if (t)
            t->deleteLater();
    }
    c->timers.clear();
    broadcasts.remove(id); // the offer, claimed or not, ends with the channel
    const QString peer = c->localPeer;
    // quiet: no hangup request, the dialplan just ended
    if (fromRest && !quiet)
        channelEvent(u"ChannelHangupRequest"_s, id, { { u"cause"_s, 32 }, { u"soft"_s, true } });
    else if (!peerPhase && !quiet)
        channelEvent(u"ChannelHangupRequest"_s, id, { { u"cause"_s, cause } });
    // A Local ;1 that only ever ran dialplan is asked twice: by ARI, then by its interrupted
    // application (l_app_subscriptions).
    if (fromRest && !c->wasInStasis && !c->isLocalTwo && !peer.isEmpty())
        channelEvent(u"ChannelHangupRequest"_s, id, { { u"cause"_s, 16 }, { u"soft"_s, true } });
    // playbacks and recordings on this channel end with it (unsupported media never reports)
    const QString target = u"channel:"_s + id;
    for (const QString &pid : playbacks.keys()) {
        if (playbacks[pid].targetUri != target)
            continue;
        bool exists = true, supported = true;
        Q_UNUSED(exists)
        const QString scheme = playbacks[pid].mediaUri.section(u':', 0, 0);
        supported = scheme == u"sound"_s || scheme == u"number"_s || scheme == u"digits"_s
                || scheme == u"characters"_s || scheme == u"tone"_s || scheme == u"recording"_s;
        if (supported) {
            finishPlayback(pid, u"done"_s);
        } else {
            if (playbacks[pid].timer)
                playbacks[pid].timer->deleteLater();
            playbacks.remove(pid);
        }
    }
    for (const QString &rid : liveRecordings.keys()) {
        if (liveRecordings[rid].targetUri == target)
            finishRecording(rid, true);
    }
    if (!channels[id].bridgeId.isEmpty())
        removeFromBridge(channels[id].bridgeId, id);
    leaveStasis(id);
    if (channels[id].stasisStatusPending) {
        channels[id].stasisStatusPending = false;
        setVar(id, u"STASISSTATUS"_s, u"SUCCESS"_s);
    }
    if (channels[id].dialplanPlayback)
        setVar(id, u"PLAYBACKSTATUS"_s, u"SUCCESS"_s);
    if (peerPhase)
        channelEvent(u"ChannelHangupRequest"_s, id, { { u"cause"_s, 16 }, { u"soft"_s, true } });
    if (!peer.isEmpty() && channels.contains(peer) && !channels[peer].dying)
        channelEvent(u"ChannelHangupRequest"_s, peer, { { u"cause"_s, cause } });
    channelEvent(u"ChannelDestroyed"_s, id, { { u"cause"_s, cause }, { u"cause_txt"_s, hangupCauseText(cause) } });
    const QString endpoint = channels[id].endpoint;
    channels.remove(id);
    channelOrder.removeOne(id);
    for (auto &[name, a] : apps) // a subscription ends with its channel (l_app_subscriptions)
        a.channelIds.removeAll(id);
    perCallChannelGone(id); // its per-call session, if any, closes
    if (!peer.isEmpty() && channels.contains(peer) && !channels[peer].dying)
        destroyChannel(peer, cause, false, true);
    if (endpoint.startsWith(u"Local/"_s) && !peer.isEmpty())
        deviceStateEvent(endpoint, u"NOT_INUSE"_s);
    qCInfo(lcSim) << "channel" << id << "destroyed, cause" << cause;
}

Simulator::EndpointBehaviour SimulatorPrivate::behaviourFor(const QString &endpoint) const
{
    Simulator::EndpointBehaviour best;
    qsizetype bestLen = -1;
    for (const auto &[prefix, b] : endpointBehaviours) {
        if (endpoint.startsWith(prefix) && prefix.size() > bestLen) {
            best = b;
            bestLen = prefix.size();
        }
    }
    return best;
}

// Runs the ;2 half of Local/EXT@ctx through the dialplan of ../shared/ari/traces/README.md.
void SimulatorPrivate::startLocalDialplan(const QString &twoId, const QString &appName)
{
    SimChannel *two = channel(twoId);
    if (!two)
        return;
    const QString oneId = two->localPeer;
    const QString exten = two->exten;
    auto dialEvent = [this, oneId](const QString &status) {
        const SimChannel *one = channel(oneId);
        if (!one)
            return;
        EventTargets t;
        t.channels = { oneId };
        emitEvent(u"Dial"_s, { { u"dialstatus"_s, status }, { u"forward"_s, QString() },
                              { u"dialstring"_s, one->dialstring }, { u"peer"_s, one->toJson() } }, t);
    };
    auto answerBoth = [this, twoId, oneId, dialEvent] {
        answerChannel(twoId);
        if (SimChannel *one = channel(oneId)) {
            answerChannel(oneId);
            dialEvent(u"ANSWER"_s);
            one = channel(oneId);
            if (!one->pendingApp.isEmpty())
                enterStasis(oneId, one->pendingApp, one->pendingArgs);
            deviceStateEvent(one->endpoint, u"INUSE"_s);
            deviceStateEvent(one->endpoint, u"INUSE"_s);
        }
    };
    if (exten == u"200"_s || exten == u"300"_s || exten == u"400"_s || exten == u"500"_s || exten == u"600"_s) {
        setDialplan(twoId, u"Answer"_s, QString());
        answerBoth();
        if (exten == u"200"_s) {
            later(twoId, 100, [this, twoId] { setDialplan(twoId, u"Echo"_s, QString()); });
        } else if (exten == u"400"_s) {
            // Answer() waits for media from ;1 for at most 500 ms; an ARI answer of ;1 ends the
            // wait at once (j_headers_users, k_conflicts_ids).
            channels[twoId].answerWaiting = true;
            later(twoId, 500, [this, twoId] { endAnswerWait(twoId); });
        } else if (exten == u"600"_s) {
            later(twoId, 100, [this, twoId] { setDialplan(twoId, u"MusicOnHold"_s, u"default,300"_s); });
        } else if (exten == u"500"_s) {
            later(twoId, 500, [this, twoId] {
                if (SimChannel *c = channel(twoId))
                    c->dialplanPlayback = true;
                setDialplan(twoId, u"Playback"_s, u"demo-congrats&demo-congrats&demo-congrats"_s);
            });
        } else { // 300: Wait(1), Playback(hello-world), SendDTMF(123#), Wait(10), Hangup
            later(twoId, 500, [this, twoId] { setDialplan(twoId, u"Wait"_s, u"1"_s); });
            later(twoId, 1500, [this, twoId] { setDialplan(twoId, u"Playback"_s, u"hello-world"_s); });
            later(twoId, 2800, [this, twoId, oneId] {
                setVar(twoId, u"PLAYBACKSTATUS"_s, u"SUCCESS"_s);
                setDialplan(twoId, u"SendDTMF"_s, u"123#,250,100"_s);
                const QString digits = u"123#"_s;
                for (int i = 0; i < digits.size(); ++i) {
                    later(oneId, 200 + 350 * i, [this, oneId, digit = digits.mid(i, 1)] {
                        channelEvent(u"ChannelDtmfReceived"_s, oneId, { { u"digit"_s, digit }, { u"duration_ms"_s, 100 } });
                    });
                }
            });
            later(twoId, 4300, [this, twoId] { setDialplan(twoId, u"Wait"_s, u"10"_s); });
            later(twoId, 14300, [this, twoId] { destroyChannel(twoId, 16, false, false); });
        }
        return;
    }
    // trace,710 and trace,711 (../shared/ari/traces/README.md): StasisBroadcast to the
    // applications whose name starts with trace-bc-
    if (two->context == u"trace"_s && exten == u"710"_s) {
        startBroadcast(twoId, 3000, u"^trace-bc-"_s, { u"arg1"_s, u"arg2"_s }, true,
                       u"3000,^trace-bc-,arg1:arg2,yes"_s);
        return;
    }
    if (two->context == u"trace"_s && exten == u"711"_s) {
        startBroadcast(twoId, 1000, u"^trace-bc-"_s, {}, false, u"1000,^trace-bc-"_s);
        return;
    }
    // trace,700 and trace,701 (trace n): Stasis of the outbound websocket applications, persistent
    // and per call
    if (two->context == u"trace"_s && (exten == u"700"_s || exten == u"701"_s)) {
        const bool perCall = exten == u"701"_s;
        const QString outApp = perCall ? u"trace-app-outpc"_s : u"trace-app-out"_s;
        const QString arg = perCall ? u"per-call"_s : u"from-dialplan"_s;
        setDialplan(twoId, u"Stasis"_s, outApp + u',' + arg);
        enterStasis(twoId, outApp, { arg });
        dialEvent(QString());
        return;
    }
    // 100 (far side unanswered) or any other number: Stasis(app, far-side|EXTEN)
    const QString arg = exten == u"100"_s ? u"far-side"_s : exten;
    setDialplan(twoId, u"NoOp"_s, u"%1 %2: far side into Stasis %3"_s.arg(two->context, exten, appName));
    setDialplan(twoId, u"Stasis"_s, appName + u',' + arg);
    enterStasis(twoId, appName, { arg });
    dialEvent(QString());
}

// StasisBroadcast (trace o_broadcast_claim): the channel stays where it is in the dialplan
// (app_name StasisBroadcast, state unchanged) and each connected application whose name matches
// \a filter gets a CallBroadcast; the applications do not follow the channel otherwise.
void SimulatorPrivate::startBroadcast(const QString &id, int timeoutMs, const QString &filter,
                                      const QStringList &args, bool notifyClaimed,
                                      const QString &appData)
{
    if (!channel(id))
        return;
    setDialplan(id, u"StasisBroadcast"_s, appData);
    setVar(id, u"STASISSTATUS"_s, QString());
    SimBroadcast b;
    b.args = args;
    b.notifyClaimed = notifyClaimed;
    const QRegularExpression match(filter);
    for (const auto &[name, a] : apps) {
        if (a.socket && (filter.isEmpty() || (match.isValid() && match.match(name).hasMatch())))
            b.apps.append(name);
    }
    broadcasts.insert(id, b);
    const SimChannel *c = channel(id);
    const QJsonObject fields { { u"channel"_s, c->toJson() }, { u"caller"_s, c->callerNumber },
                               { u"called"_s, c->exten } };
    for (const QString &name : std::as_const(b.apps)) {
        EventTargets only;
        only.onlyApp = name;
        emitEvent(u"CallBroadcast"_s, fields, only);
    }
    later(id, timeoutMs, [this, id] {
        const auto it = broadcasts.constFind(id);
        if (it == broadcasts.constEnd() || !it->winner.isEmpty())
            return;
        broadcasts.remove(id); // a claim from now on answers 404 (trace o, record 16)
        afterBroadcast(id, u"TIMEOUT"_s);
    });
    qCInfo(lcSim) << "channel" << id << "broadcast to" << b.apps << "for" << timeoutMs << "ms";
}

// POST /events/claim: the first claim wins, whichever application makes it (trace o: one outside
// the filter wins too); every later one, the winner's own included, gets 409 while the winner's
// Stasis session lasts, and 404 once it is over.
Reply SimulatorPrivate::claimBroadcast(const QString &id, const QString &appName)
{
    const auto it = broadcasts.find(id);
    if (it == broadcasts.end() || !channel(id) || channels[id].dying)
        return Reply::error(404, u"Channel not found or not in broadcast state"_s);
    if (!it->winner.isEmpty())
        return Reply::error(409, u"Channel has already been claimed by another application"_s);
    it->winner = appName; // the offer's timeout finds it claimed
    const SimBroadcast b = *it;
    if (b.notifyClaimed) {
        const QJsonObject fields { { u"channel"_s, channels[id].toJson() }, { u"winner_app"_s, appName } };
        for (const QString &name : b.apps) {
            EventTargets only;
            only.onlyApp = name;
            emitEvent(u"CallClaimed"_s, fields, only);
        }
    }
    const SimApp *winner = app(appName);
    if (!winner || !winner->socket) {
        // Not recorded: Stasis() cannot start an application nobody registered, so StasisBroadcast
        // returns FAILED and the dialplan goes on.
        broadcasts.remove(id);
        QTimer::singleShot(0, q, [this, id] {
            if (channel(id) && !channels[id].dying)
                afterBroadcast(id, u"FAILED"_s);
        });
        return Reply::empty();
    }
    // Stasis(winner) as StasisBroadcast runs it: the dialplan still shows StasisBroadcast, no
    // STASISSTATUS reaches the winner, and it follows the channel only while it is in Stasis.
    SimChannel &c = channels[id];
    c.stasisApp = appName;
    c.stasisArgs = b.args;
    c.wasInStasis = true;
    EventTargets only;
    only.onlyApp = appName;
    emitEvent(u"StasisStart"_s, { { u"args"_s, QJsonArray::fromStringList(b.args) }, { u"channel"_s, c.toJson() } },
              only);
    qCInfo(lcSim) << "channel" << id << "claimed by" << appName;
    return Reply::empty();
}

void SimulatorPrivate::afterTraceStasis(const QString &id, const QString &status, int waitSeconds)
{
    // The trace context's Stasis/StasisBroadcast extensions go on with
    // Set(TRACE_STATUS=${STASISSTATUS}), Wait(n), Hangup.
    setVar(id, u"STASISSTATUS"_s, status);
    SimChannel *c = channel(id);
    if (!c || c->dying)
        return;
    c->priority = 2;
    setDialplan(id, u"Set"_s, u"TRACE_STATUS="_s + status);
    setVar(id, u"TRACE_STATUS"_s, status);
    channels[id].priority = 3;
    setDialplan(id, u"Wait"_s, QString::number(waitSeconds));
    later(id, waitSeconds * 1000, [this, id] { destroyChannel(id, 16, false, false); });
}

void SimulatorPrivate::afterBroadcast(const QString &id, const QString &status)
{
    if (SimChannel *c = channel(id); c && !c->dying && c->context == u"trace"_s) {
        afterTraceStasis(id, status, 5); // Set(TRACE_STATUS=${STASISSTATUS}), Wait(5), Hangup
        return;
    }
    setVar(id, u"STASISSTATUS"_s, status);
    SimChannel *c = channel(id);
    if (!c || c->dying)
        return;
    // Simulator::startBroadcast(): nothing follows StasisBroadcast, the call ends
    later(id, 1, [this, id] { destroyChannel(id, 16, false, false); });
}

void SimulatorPrivate::dialEndpoint(const QString &id, int timeoutSec)
{
    SimChannel *c = channel(id);
    if (!c)
        return;
    const QString endpoint = c->endpoint;
    const Simulator::EndpointBehaviour b = behaviourFor(endpoint);
    EventTargets t;
    t.channels = { id };
    auto dial = [this, id](const QString &status) {
        const SimChannel *ch = channel(id);
        if (!ch)
            return;
        EventTargets tt;
        tt.channels = { id };
        emitEvent(u"Dial"_s, { { u"dialstatus"_s, status }, { u"forward"_s, QString() },
                              { u"dialstring"_s, ch->dialstring }, { u"peer"_s, ch->toJson() } }, tt);
    };
    c->dialled = true;
    dial(QString());
    if (b.busy) {
        later(id, 10, [this, id, dial] {
            dial(u"BUSY"_s);
            destroyChannel(id, 17, false, false);
        });
        return;
    }
    const bool local = endpoint.startsWith(u"Local/"_s, Qt::CaseInsensitive);
    if (!local) { // a created Local/400 answers without ringing (o_broadcast_claim)
        later(id, 1, [this, id, dial] {
            setChannelState(id, u"Ringing"_s);
            dial(u"RINGING"_s);
        });
    }
    if (b.noAnswer) {
        if (timeoutSec > 0) {
            later(id, timeoutSec * 1000, [this, id, dial] {
                dial(u"NOANSWER"_s);
                destroyChannel(id, 19, false, false);
            });
        }
        return;
    }
    later(id, qMax(2, b.answerAfterMs), [this, id, dial, b] {
        answerChannel(id);
        dial(u"ANSWER"_s);
        SimChannel *ch = channel(id);
        if (ch && !ch->pendingApp.isEmpty() && ch->stasisApp.isEmpty())
            enterStasis(id, ch->pendingApp, ch->pendingArgs);
        if (!b.dtmf.isEmpty()) {
            for (int i = 0; i < b.dtmf.size(); ++i) {
                later(id, 100 + 200 * i, [this, id, digit = b.dtmf.mid(i, 1)] {
                    channelEvent(u"ChannelDtmfReceived"_s, id, { { u"digit"_s, digit }, { u"duration_ms"_s, 100 } });
                });
            }
        }
        if (b.hangupAfterMs >= 0)
            later(id, b.hangupAfterMs, [this, id] { destroyChannel(id, 16, false, false); });
    });
}

static QString endpointError(const QString &endpoint)
{
    if (endpoint.isEmpty())
        return u"Endpoint must be specified"_s;
    if (!endpoint.contains(u'/'))
        return u"Invalid endpoint specified"_s;
    return {};
}

// Variables given to originate: set on the channel (and inherited by the ;2 half of a Local pair);
// CALLERID(...) changes the caller id instead.
static void applyOriginateVariables(SimulatorPrivate *d, const QJsonObject &vars, const QString &oneId,
                                    const QString &twoId)
{
    bool callerChanged = false;
    for (auto it = vars.constBegin(); it != vars.constEnd(); ++it) {
        SimChannel *c = d->channel(oneId);
        if (!c)
            return;
        bool report = false;
        const QString value = variableValue(it.value(), &report);
        if (it.key() == u"CALLERID(name)"_s) {
            c->callerName = value;
            callerChanged = true;
        } else if (it.key() == u"CALLERID(num)"_s || it.key() == u"CALLERID(number)"_s) {
            c->callerNumber = value;
            callerChanged = true;
        } else {
            if (report)
                c->reportedVars.insert(it.key());
            d->setVar(oneId, it.key(), value);
        }
    }
    if (callerChanged)
        d->channelEvent(u"ChannelCallerId"_s, oneId, { { u"caller_presentation"_s, 0 },
                                                      { u"caller_presentation_txt"_s, u"Presentation Allowed, Not Screened"_s } });
    if (twoId.isEmpty() || vars.isEmpty())
        return;
    setVariables(d, twoId, vars, true);
    if (callerChanged) {
        SimChannel *two = d->channel(twoId);
        const SimChannel *one = d->channel(oneId);
        two->connectedName = one->callerName;
        two->connectedNumber = one->callerNumber;
        d->channelEvent(u"ChannelConnectedLine"_s, twoId);
    }
}

// Ids a new channel (and its Local peer) would get: too long (Asterisk keeps 149 characters), in
// use, or the same twice (k_conflicts_ids). status 0: acceptable.
Reply SimulatorPrivate::channelIdError(const QStringList &ids) const
{
    QSet<QString> seen;
    for (const QString &id : ids) {
        if (id.isEmpty())
            continue;
        if (id.toUtf8().size() > 149)
            return Reply::error(400, u"Uniqueid length exceeds maximum of 149"_s);
        if (channels.contains(id) || seen.contains(id))
            return Reply::error(409, u"Channel with given unique ID already exists"_s);
        seen.insert(id);
    }
    Reply ok;
    ok.status = 0;
    return ok;
}

Reply SimulatorPrivate::originate(Request &r, const QString &givenId)
{
    const QString endpoint = r.value(u"endpoint"_s);
    if (const QString err = endpointError(endpoint); !err.isEmpty())
        return Reply::error(400, err);
    const QString appName = r.value(u"app"_s);
    if (appName.isEmpty() && r.value(u"extension"_s).isEmpty())
        return Reply::error(400, u"Application or extension must be specified"_s);
    const QString tech = endpoint.section(u'/', 0, 0);
    if (!kTechnologies.contains(tech, Qt::CaseInsensitive))
        return Reply::json(500, QJsonObject { { u"error"_s, u"Allocation failed"_s } });
    const QString oneId = givenId.isEmpty() ? newUniqueId() : givenId;
    QString otherId = r.value(u"otherChannelId"_s);
    if (const Reply e = channelIdError({ oneId, otherId }); e.status != 0)
        return e;
    const QStringList args = r.value(u"appArgs"_s).isEmpty() ? QStringList() : r.value(u"appArgs"_s).split(u',');
    QString callerName, callerNumber;
    const QString callerId = r.value(u"callerId"_s);
    if (!callerId.isEmpty()) {
        const qsizetype lt = callerId.indexOf(u'<');
        if (lt >= 0) {
            callerName = callerId.left(lt).trimmed().remove(u'"');
            callerNumber = callerId.mid(lt + 1).section(u'>', 0, 0);
        } else {
            callerNumber = callerId;
        }
    }
    const QString resource = endpoint.section(u'/', 1);
    const bool local = tech.compare(u"Local"_s, Qt::CaseInsensitive) == 0;
    const QString suffix = nextChannelSuffix();
    QJsonObject response;
    if (local) {
        if (otherId.isEmpty())
            otherId = givenId.isEmpty() ? newUniqueId() : oneId + u";2"_s;
        QString exten = resource.section(u'@', 0, 0);
        QString context = resource.section(u'@', 1).section(u'/', 0, 0);
        if (context.isEmpty())
            context = u"default"_s;
        const QString base = u"Local/"_s + exten + u'@' + context + u'-' + suffix;
        createChannelRecord(u"Local/"_s + exten + u'@' + context, oneId, base + u";1"_s);
        createChannelRecord(u"Local/"_s + exten + u'@' + context, otherId, base + u";2"_s);
        for (const QString &id : { oneId, otherId }) {
            SimChannel &c = channels[id];
            c.context = context;
            c.exten = exten;
            c.localPeer = id == oneId ? otherId : oneId;
            c.isLocalTwo = id == otherId;
            c.dialstring = exten + u'@' + context;
        }
        channels[otherId].state = u"Ring"_s;
        channelEvent(u"ChannelCreated"_s, oneId);
        channelEvent(u"ChannelCreated"_s, otherId);
        setDialplan(oneId, u"AppDial2"_s, u"(Outgoing Line)"_s);
        if (!callerId.isEmpty()) {
            for (const QString &id : { oneId, otherId }) {
                SimChannel &c = channels[id];
                c.callerName = callerName;
                c.callerNumber = callerNumber;
                channelEvent(u"ChannelCallerId"_s, id, { { u"caller_presentation"_s, 0 },
                                                         { u"caller_presentation_txt"_s, u"Presentation Allowed, Not Screened"_s } });
                c.connectedName = callerName;
                c.connectedNumber = callerNumber;
                channelEvent(u"ChannelConnectedLine"_s, id);
            }
        }
        // The app follows ;2 before the variables reach it (their ChannelVarset and the
        // ConnectedLine are seen) and ;1 only after (o_broadcast_claim; f sees both: subscribeAll).
        if (!appName.isEmpty())
            channels[otherId].watchers.append(appName);
        applyOriginateVariables(this, r.variables(), oneId, otherId);
        SimChannel &one = channels[oneId];
        one.pendingApp = appName;
        one.pendingArgs = args;
        one.dialled = true;
        if (!appName.isEmpty())
            one.watchers.append(appName);
        response = one.toJson();
        const QString app2 = appName.isEmpty() ? u"test-app"_s : appName;
        QTimer::singleShot(0, q, [this, otherId, oneId, app2, exten] {
            if (!channels.contains(otherId))
                return;
            const bool immediateDial = exten != u"100"_s && !(exten.toInt() > 0 && exten != u"200"_s && exten != u"300"_s
                                                              && exten != u"400"_s && exten != u"500"_s && exten != u"600"_s);
            if (immediateDial && channels.contains(oneId)) {
                const SimChannel &one = channels[oneId];
                EventTargets t;
                t.channels = { oneId };
                emitEvent(u"Dial"_s, { { u"dialstatus"_s, QString() }, { u"forward"_s, QString() },
                                      { u"dialstring"_s, one.dialstring }, { u"peer"_s, one.toJson() } }, t);
            }
            startLocalDialplan(otherId, app2);
        });
    } else {
        createChannelRecord(endpoint, oneId, tech + u'/' + resource + u'-' + suffix);
        SimChannel &one = channels[oneId];
        one.callerName = callerName;
        one.callerNumber = callerNumber;
        one.connectedName = callerName;
        one.connectedNumber = callerNumber;
        one.pendingApp = appName;
        one.pendingArgs = args;
        one.dialstring = resource;
        if (!appName.isEmpty())
            one.watchers.append(appName);
        one.context = r.value(u"context"_s, u"default"_s);
        one.exten = r.value(u"extension"_s, u"s"_s);
        channelEvent(u"ChannelCreated"_s, oneId);
        setDialplan(oneId, u"AppDial2"_s, u"(Outgoing Line)"_s);
        applyOriginateVariables(this, r.variables(), oneId, QString());
        response = channels[oneId].toJson();
        const int timeout = r.intValue(u"timeout"_s, 30);
        QTimer::singleShot(0, q, [this, oneId, timeout] { dialEndpoint(oneId, timeout); });
    }
    if (!r.variables().isEmpty())
        response = channels[oneId].toJson();
    qCInfo(lcSim) << "originate" << endpoint << "->" << oneId << "app" << appName;
    return Reply::json(200, response);
}

Reply SimulatorPrivate::createChannel(Request &r)
{
    const QString endpoint = r.value(u"endpoint"_s);
    if (const QString err = endpointError(endpoint); !err.isEmpty())
        return Reply::error(400, err);
    const QString tech = endpoint.section(u'/', 0, 0);
    if (!kTechnologies.contains(tech, Qt::CaseInsensitive))
        return Reply::json(500, QJsonObject { { u"error"_s, u"Allocation failed"_s } });
    const QString id = r.value(u"channelId"_s, newUniqueId());
    if (const Reply e = channelIdError({ id, r.value(u"otherChannelId"_s) }); e.status != 0)
        return e;
    const QString appName = r.value(u"app"_s);
    const QString resource = endpoint.section(u'/', 1);
    createChannelRecord(endpoint, id, tech + u'/' + resource + u'-' + nextChannelSuffix());
    SimChannel &c = channels[id];
    c.createdOnly = true;
    c.dialstring = resource;
    c.pendingApp = appName;
    c.pendingArgs = r.value(u"appArgs"_s).isEmpty() ? QStringList() : r.value(u"appArgs"_s).split(u',');
    channelEvent(u"ChannelCreated"_s, id);
    // A created channel is in Stasis from the start (Asterisk puts it there before dialling); the
    // app follows it from its variables on (o_broadcast_claim).
    if (!appName.isEmpty())
        c.watchers.append(appName);
    setVariables(this, id, r.variables());
    const QStringList args = channels[id].pendingArgs;
    setDialplan(id, u"Stasis"_s, QStringList(appName + (args.isEmpty() ? QString() : u","_s + args.join(u','))).join(QString()));
    enterStasis(id, appName, args);
    return Reply::json(200, channels[id].toJson());
}

// --- bridges -------------------------------------------------------------------------------------

void SimulatorPrivate::addToBridge(const QString &bridgeId, const QString &channelId)
{
    SimBridge *b = bridge(bridgeId);
    SimChannel *c = channel(channelId);
    if (!b || !c)
        return;
    if (!c->bridgeId.isEmpty() && c->bridgeId != bridgeId)
        removeFromBridge(c->bridgeId, channelId);
    b = bridge(bridgeId);
    c = channel(channelId);
    if (b->channels.contains(channelId)) { // Asterisk takes it out and puts it back
        removeFromBridge(bridgeId, channelId);
        b = bridge(bridgeId);
        c = channel(channelId);
    }
    b->channels.append(channelId);
    c->bridgeId = bridgeId;
    EventTargets t;
    t.channels = { channelId };
    t.bridges = { bridgeId };
    emitEvent(u"ChannelEnteredBridge"_s, { { u"bridge"_s, b->toJson() }, { u"channel"_s, c->toJson() } }, t);
}

static void bridgePeerVars(SimulatorPrivate *d, const QString &bridgeId, const QString &announcer)
{
    SimBridge *b = d->bridge(bridgeId);
    if (!b)
        return;
    const QStringList members = b->channels;
    if (members.size() + (announcer.isEmpty() ? 0 : 1) < 2) {
        return;
    }
    for (const QString &id : members) {
        QStringList others;
        if (!announcer.isEmpty())
            others.append(announcer);
        for (const QString &o : members) {
            if (o != id && d->channel(o))
                others.append(d->channel(o)->name);
        }
        d->setVar(id, u"BRIDGEPEER"_s, others.join(u','));
    }
}

void SimulatorPrivate::removeFromBridge(const QString &bridgeId, const QString &channelId, bool event)
{
    SimBridge *b = bridge(bridgeId);
    SimChannel *c = channel(channelId);
    if (!b || !c || !b->channels.contains(channelId))
        return;
    if (!c->vars.value(u"BRIDGEPEER"_s).isEmpty())
        setVar(channelId, u"BRIDGEPEER"_s, QString());
    b = bridge(bridgeId);
    c = channel(channelId);
    b->channels.removeOne(channelId);
    c->bridgeId.clear();
    if (event) {
        EventTargets t;
        t.channels = { channelId };
        t.bridges = { bridgeId };
        emitEvent(u"ChannelLeftBridge"_s, { { u"bridge"_s, b->toJson() }, { u"channel"_s, c->toJson() } }, t);
    }
}

void SimulatorPrivate::destroyBridge(const QString &bridgeId)
{
    if (!bridge(bridgeId))
        return;
    const QString target = u"bridge:"_s + bridgeId;
    for (const QString &pid : playbacks.keys()) {
        if (playbacks[pid].targetUri == target)
            finishPlayback(pid, u"done"_s);
    }
    SimBridge *b = bridge(bridgeId);
    const QStringList members = b->channels;
    for (const QString &id : members) {
        if (!channels.value(id).vars.value(u"BRIDGEPEER"_s).isEmpty())
            setVar(id, u"BRIDGEPEER"_s, QString());
    }
    for (const QString &id : members) {
        SimBridge *bb = bridge(bridgeId);
        SimChannel *c = channel(id);
        if (!bb || !c)
            continue;
        bb->channels.removeOne(id);
        c->bridgeId.clear();
        EventTargets t;
        t.channels = { id };
        t.bridges = { bridgeId };
        emitEvent(u"ChannelLeftBridge"_s, { { u"bridge"_s, bb->toJson() }, { u"channel"_s, c->toJson() } }, t);
    }
    EventTargets t;
    t.bridges = { bridgeId };
    emitEvent(u"BridgeDestroyed"_s, { { u"bridge"_s, bridges[bridgeId].toJson() } }, t);
    bridges.remove(bridgeId);
    for (auto &[name, a] : apps) // and a bridge's with the bridge (device states stay)
        a.bridgeIds.removeAll(bridgeId);
    bridgeOrder.removeOne(bridgeId);
    qCInfo(lcSim) << "bridge" << bridgeId << "destroyed";
}

// --- playbacks -----------------------------------------------------------------------------------

static int mediaDurationMs(const QString &uri, bool *exists, bool *supported)
{
    *exists = true;
    *supported = true;
    const QString scheme = uri.section(u':', 0, 0);
    const QString what = uri.section(u':', 1);
    if (scheme == u"sound"_s) {
        for (const SoundInfo &s : kSounds) {
            if (what == QStringView(s.id))
                return s.durationMs;
        }
        *exists = false;
        return 0;
    }
    if (scheme == u"number"_s || scheme == u"digits"_s || scheme == u"characters"_s)
        return 150 + 200 * int(what.size());
    if (scheme == u"tone"_s)
        return 1000;
    if (scheme == u"recording"_s)
        return 500;
    *supported = false;
    return 0;
}

void SimulatorPrivate::playbackEvent(const QString &type, const SimPlayback &pb)
{
    EventTargets t;
    const QString kind = pb.targetUri.section(u':', 0, 0);
    const QString id = pb.targetUri.section(u':', 1);
    if (kind == u"channel"_s)
        t.channels = { id };
    else if (kind == u"bridge"_s) {
        t.bridges = { id };
        t.duplicateForAll = true;
    }
    emitEvent(type, { { u"playback"_s, pb.toJson() } }, t);
}

Reply SimulatorPrivate::startPlayback(const QString &targetUri, const QString &playbackId,
                                      const QString &media, const QString &lang)
{
    if (media.isEmpty())
        return Reply::error(500, u"Failed to queue media for playback"_s);
    const QString id = playbackId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : playbackId;
    SimPlayback pb;
    pb.id = id;
    pb.mediaList = media.split(u',', Qt::SkipEmptyParts);
    pb.mediaUri = pb.mediaList.value(0);
    pb.targetUri = targetUri;
    if (!lang.isEmpty())
        pb.language = lang;
    if (playbacks.contains(id)) {
        // Asterisk accepts an id in use (k_conflicts_ids): /playbacks/{id} stays the first one; a
        // new one on the same target plays after it, one on another target never starts.
        if (playbacks.value(id).targetUri == targetUri)
            queuedPlaybacks[id].append(pb);
        return Reply::json(201, pb.toJson());
    }
    playbacks.insert(id, pb);
    const QJsonObject queued = pb.toJson();
    QTimer::singleShot(0, q, [this, id, targetUri] {
        if (!playbacks.contains(id))
            return;
        if (targetUri.startsWith(u"bridge:"_s)) {
            const QString bid = targetUri.mid(7);
            if (SimBridge *b = bridge(bid)) {
                if (b->announcerName.isEmpty())
                    b->announcerName = u"Announcer/ARI-"_s + nextChannelSuffix() + u";2"_s;
                bridgePeerVars(this, bid, b->announcerName);
            }
        }
        advancePlayback(id);
    });
    qCInfo(lcSim) << "playback" << id << media << "on" << targetUri;
    return Reply::json(201, queued);
}

void SimulatorPrivate::advancePlayback(const QString &id)
{
    auto it = playbacks.find(id);
    if (it == playbacks.end())
        return;
    it->state = u"playing"_s;
    playbackEvent(u"PlaybackStarted"_s, *it);
    bool exists = true, supported = true;
    const int duration = mediaDurationMs(it->mediaUri, &exists, &supported);
    if (!supported)
        return; // Asterisk never finishes unsupported media
    auto *timer = new QTimer(q);
    timer->setSingleShot(true);
    it->timer = timer;
    QObject::connect(timer, &QTimer::timeout, q, [this, id, timer, exists] {
        timer->deleteLater();
        auto pit = playbacks.find(id);
        if (pit == playbacks.end())
            return;
        if (!exists) {
            finishPlayback(id, u"failed"_s);
            return;
        }
        if (pit->mediaIndex + 1 < pit->mediaList.size()) {
            pit->state = u"continuing"_s;
            playbackEvent(u"PlaybackContinuing"_s, *pit);
            pit = playbacks.find(id);
            pit->mediaIndex++;
            pit->mediaUri = pit->mediaList.at(pit->mediaIndex);
            advancePlayback(id);
            return;
        }
        finishPlayback(id, u"done"_s);
    });
    timer->start(scaled(exists ? duration : 20));
}

void SimulatorPrivate::finishPlayback(const QString &id, const QString &state)
{
    auto it = playbacks.find(id);
    if (it == playbacks.end())
        return;
    if (it->timer)
        it->timer->deleteLater();
    it->state = state;
    it->mediaIndex = int(it->mediaList.size()); // no next_media_uri any more
    SimPlayback pb = *it;
    pb.mediaIndex = int(pb.mediaList.size());
    playbacks.erase(it);
    playbackEvent(u"PlaybackFinished"_s, pb);
    // the next playback that was given the same id on the same target
    if (auto next = queuedPlaybacks.find(id); next != queuedPlaybacks.end()) {
        const SimPlayback waiting = next->takeFirst();
        if (next->isEmpty())
            queuedPlaybacks.erase(next);
        const QString target = waiting.targetUri.section(u':', 1);
        if (channels.contains(target) || bridges.contains(target)) {
            playbacks.insert(id, waiting);
            QTimer::singleShot(0, q, [this, id] { advancePlayback(id); });
        }
    }
    if (pb.targetUri.startsWith(u"bridge:"_s)) {
        const QString bid = pb.targetUri.mid(7);
        if (SimBridge *b = bridge(bid); b && !b->announcerName.isEmpty()) {
            const QString announcer = b->announcerName.section(u';', 0, 0);
            b->announcerName.clear();
            deviceStateEvent(announcer, u"INUSE"_s);
            deviceStateEvent(announcer, u"UNKNOWN"_s);
            bridgePeerVars(this, bid, QString());
        }
    }
}

// --- recordings ----------------------------------------------------------------------------------

QString SimulatorPrivate::recordingPath(const QString &name, const QString &format) const
{
    QString safe = name;
    safe.replace(u'/', u'_');
    return recordingDir->path() + u'/' + safe + u'.' + format;
}

void SimulatorPrivate::writeWav(const QString &path, int seconds)
{
    // 8 kHz, 16-bit mono PCM: a quiet 440 Hz tone so the file is real audio.
    const int rate = 8000;
    const int samples = qMax(1, seconds) * rate;
    QByteArray data;
    data.resize(samples * 2);
    for (int i = 0; i < samples; ++i) {
        const qint16 v = qint16(800.0 * std::sin(2.0 * M_PI * 440.0 * i / rate));
        qToLittleEndian(v, data.data() + 2 * i);
    }
    QByteArray header;
    auto put32 = [&header](quint32 v) { char b[4]; qToLittleEndian(v, b); header.append(b, 4); };
    auto put16 = [&header](quint16 v) { char b[2]; qToLittleEndian(v, b); header.append(b, 2); };
    header.append("RIFF");
    put32(36 + quint32(data.size()));
    header.append("WAVEfmt ");
    put32(16);
    put16(1);
    put16(1);
    put32(rate);
    put32(rate * 2);
    put16(2);
    put16(16);
    header.append("data");
    put32(quint32(data.size()));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(header);
        f.write(data);
    }
}

void SimulatorPrivate::recordingEvent(const QString &type, const SimRecording &rec, bool finished)
{
    EventTargets t;
    const QString kind = rec.targetUri.section(u':', 0, 0);
    const QString id = rec.targetUri.section(u':', 1);
    if (kind == u"channel"_s)
        t.channels = { id };
    else
        t.bridges = { id };
    emitEvent(type, { { u"recording"_s, rec.toJson(finished) } }, t);
}

Reply SimulatorPrivate::startRecording(Request &r, const QString &targetUri)
{
    const QString name = r.value(u"name"_s);
    const QString format = r.value(u"format"_s);
    // a name may hold directories, but not climb out of the recordings folder (k_conflicts_ids)
    if (name.isEmpty() || name.startsWith(u"../"_s) || name.contains(u"/../"_s) || name == u".."_s)
        return Reply::error(500, u"Error parsing request"_s);
    if (!kRecordingFormats.contains(format))
        return Reply::error(422, u"specified format is unknown on this system"_s);
    const QString ifExists = r.value(u"ifExists"_s, u"fail"_s);
    if (ifExists != u"fail"_s && ifExists != u"overwrite"_s && ifExists != u"append"_s)
        return Reply::error(400, u"ifExists invalid"_s);
    if (liveRecordings.contains(name)
        || (storedRecordings.contains(name) && ifExists == u"fail"_s))
        return Reply::error(409, u"Recording '%1' already exists and can not be overwritten"_s.arg(name));
    SimRecording rec;
    rec.name = name;
    rec.format = format;
    rec.targetUri = targetUri;
    rec.maxDurationSeconds = r.intValue(u"maxDurationSeconds"_s, 0);
    rec.timeScale = timeScale;
    liveRecordings.insert(name, rec);
    const QJsonObject queued = rec.toJson();
    QTimer::singleShot(0, q, [this, name] {
        auto it = liveRecordings.find(name);
        if (it == liveRecordings.end())
            return;
        it->state = u"recording"_s;
        it->clock.start();
        if (it->targetUri.startsWith(u"bridge:"_s)) {
            // The recorder joins the bridge (j_headers_users), and the apps of the channels in it
            // follow the bridge from then on: in j the app still gets BridgeDestroyed after its
            // channel has left (b2, with playback but no recording, does not).
            const QString bid = it->targetUri.mid(7);
            bridgePeerVars(this, bid, u"Recorder/ARI-"_s + nextChannelSuffix() + u";2"_s);
            if (const SimBridge *b = bridge(bid)) {
                for (const QString &cid : b->channels) {
                    const SimChannel *c = channel(cid);
                    SimApp *a = c ? app(c->stasisApp) : nullptr;
                    if (a && !a->bridgeIds.contains(bid))
                        a->bridgeIds.append(bid);
                }
            }
        }
        it = liveRecordings.find(name);
        recordingEvent(u"RecordingStarted"_s, *it);
        if (it->maxDurationSeconds > 0) {
            auto *timer = new QTimer(q);
            timer->setSingleShot(true);
            it->timer = timer;
            QObject::connect(timer, &QTimer::timeout, q, [this, name, timer] {
                timer->deleteLater();
                finishRecording(name, true);
            });
            timer->start(scaled(it->maxDurationSeconds * 1000));
        }
    });
    qCInfo(lcSim) << "recording" << name << "on" << targetUri;
    return Reply::json(201, queued);
}

void SimulatorPrivate::finishRecording(const QString &name, bool keep)
{
    auto it = liveRecordings.find(name);
    if (it == liveRecordings.end())
        return;
    if (it->timer)
        it->timer->deleteLater();
    SimRecording rec = *it;
    liveRecordings.erase(it);
    rec.state = u"done"_s;
    const int seconds = rec.durationSeconds();
    if (keep) {
        storedRecordings.insert(rec.name, rec.format);
        writeWav(recordingPath(rec.name, rec.format), seconds);
    }
    recordingEvent(u"RecordingFinished"_s, rec, true);
    Q_UNUSED(seconds)
}

// --- misc JSON -----------------------------------------------------------------------------------

QJsonObject SimulatorPrivate::endpointJson(const QString &tech, const QString &resource) const
{
    QStringList ids;
    for (const QString &id : channelOrder) {
        const SimChannel &c = channels[id];
        if (c.endpoint == tech + u'/' + resource)
            ids.append(id);
    }
    return QJsonObject { { u"technology"_s, tech }, { u"resource"_s, resource },
                         { u"state"_s, ids.isEmpty() ? u"offline"_s : u"online"_s },
                         { u"channel_ids"_s, QJsonArray::fromStringList(ids) } };
}

QJsonArray SimulatorPrivate::soundsJson() const
{
    QJsonArray out;
    for (const SoundInfo &s : kSounds) {
        // as the traces' Asterisk 22 lists its core sounds: slin files, no text
        out.append(QJsonObject {
                { u"id"_s, QString::fromUtf16(s.id) },
                { u"formats"_s, QJsonArray { QJsonObject { { u"language"_s, u"en"_s }, { u"format"_s, u"slin"_s } } } } });
    }
    return out;
}

QJsonObject SimulatorPrivate::asteriskInfo(const QString &only) const
{
    const QJsonObject build { { u"os"_s, u"Linux"_s }, { u"kernel"_s, u"6.1.0"_s }, { u"options"_s, QString() },
                              { u"machine"_s, u"x86_64"_s }, { u"date"_s, u"2026-11-01 00:00:00 UTC"_s },
                              { u"user"_s, u"qtari"_s } };
    const QJsonObject system { { u"version"_s, spec.versionString() }, { u"entity_id"_s, asteriskId } };
    const QJsonObject config { { u"name"_s, systemName }, { u"default_language"_s, u"en"_s },
                               { u"setid"_s, QJsonObject { { u"user"_s, u"asterisk"_s }, { u"group"_s, u"asterisk"_s } } } };
    const QJsonObject status { { u"startup_time"_s, ariTimestamp(startupTime) },
                               { u"last_reload_time"_s, ariTimestamp(reloadTime) } };
    QJsonObject out;
    const QStringList wanted = only.isEmpty() ? QStringList { u"build"_s, u"system"_s, u"config"_s, u"status"_s }
                                              : only.split(u',');
    if (wanted.contains(u"build"_s))
        out.insert(u"build"_s, build);
    if (wanted.contains(u"system"_s))
        out.insert(u"system"_s, system);
    if (wanted.contains(u"config"_s))
        out.insert(u"config"_s, config);
    if (wanted.contains(u"status"_s))
        out.insert(u"status"_s, status);
    return out;
}

// --- dispatch ------------------------------------------------------------------------------------

namespace {

struct ParamRule
{
    int status;
    const char16_t *message;
    const char *reason = nullptr; // a status line phrase of Asterisk's own
};

// Asterisk's own answers for missing or invalid parameters, where they are not the generic ones.
const QHash<QString, ParamRule> &missingRules()
{
    static const QHash<QString, ParamRule> rules {
        { u"channels.originate/endpoint"_s, { 400, u"Endpoint must be specified" } },
        { u"channels.originateWithId/endpoint"_s, { 400, u"Endpoint must be specified" } },
        { u"channels.create/endpoint"_s, { 400, u"Endpoint must be specified" } },
        { u"channels.getChannelVar/variable"_s, { 400, u"Variable name is required" } },
        { u"channels.setChannelVar/variable"_s, { 400, u"Variable name is required" } },
        // the asterisk resource says the same (trace m, m-41 and m-42)
        { u"asterisk.getGlobalVar/variable"_s, { 400, u"Variable name is required" } },
        { u"asterisk.setGlobalVar/variable"_s, { 400, u"Variable name is required" } },
        { u"channels.record/name"_s, { 500, u"Error parsing request" } },
        { u"channels.record/format"_s, { 422, u"specified format is unknown on this system" } },
        { u"bridges.record/name"_s, { 500, u"Error parsing request" } },
        { u"bridges.record/format"_s, { 422, u"specified format is unknown on this system" } },
        { u"channels.play/media"_s, { 500, u"Failed to queue media for playback" } },
        { u"channels.playWithId/media"_s, { 500, u"Failed to queue media for playback" } },
        { u"bridges.play/media"_s, { 500, u"Failed to queue media for playback" } },
        { u"bridges.playWithId/media"_s, { 500, u"Failed to queue media for playback" } },
        { u"bridges.addChannel/channel"_s, { 400, u"Missing parameter channel" } },
        { u"bridges.removeChannel/channel"_s, { 400, u"Missing parameter channel" } },
        { u"deviceStates.update/deviceState"_s, { 500, u"Unknown device" } },
        { u"applications.subscribe/eventSource"_s, { 400, u"Missing parameter eventSource" } },
        { u"applications.unsubscribe/eventSource"_s, { 400, u"Missing parameter eventSource" } },
        { u"playbacks.control/operation"_s, { 400, u"Missing operation" } },
        { u"channels.snoopChannel/app"_s, { 400, u"Application name is required" } },
        { u"channels.externalMedia/format"_s, { 400, u"format cannot be empty" } },
        { u"events.claimChannel/channelId"_s, { 400, u"channelId parameter is required" } },
        { u"events.claimChannel/application"_s, { 400, u"application parameter is required" } },
        { u"channels.redirect/endpoint"_s, { 400, u"Required parameter 'endpoint' not provided.", "Not Found" } },
        { u"channels.snoopChannelWithId/app"_s, { 400, u"Application name is required" } },
    };
    return rules;
}

// The reply to getChannelVars/getBridgeVars: the comma-separated \a names looked up in \a vars.
Reply variablesReply(const QMap<QString, QString> &vars, const QString &names)
{
    QJsonObject out;
    for (const QString &v : names.split(u',', Qt::SkipEmptyParts)) {
        if (!vars.contains(v))
            return Reply::error(404, u"Provided variable was not found"_s);
        out.insert(v, vars.value(v));
    }
    return Reply::json(200, QJsonObject { { u"variables"_s, out } });
}

} // namespace

Reply SimulatorPrivate::dispatch(Request &r)
{
    bool pathKnown = false;
    r.op = spec.match(r.method, r.segments, &r.pathParams, &pathKnown);
    if (!r.op) {
        if (pathKnown)
            return Reply::error(405, u"Invalid method"_s);
        return Reply::error(404, u"Resource not found"_s);
    }
    spec.ignoreNewerParams(r); // version modes: parameters of later versions are ignored
    if (r.readOnlyUser && r.method != u"GET"_s)
        return Reply::error(403, u"Write access denied"_s);
    if (r.bodyInvalid)
        return Reply::error(400, u"Error parsing request body"_s);
    const QString key = r.op->key();
    // Parameter validation: required, types, allowed values.
    for (const SpecParam &p : r.op->params) {
        if (p.in == u"path"_s)
            continue;
        const bool present = p.in == u"body"_s ? (p.type == u"object"_s ? !r.body.isEmpty() || r.bodyValue.isObject()
                                                                      : r.body.contains(p.name))
                                               : r.has(p.name);
        if (!present) {
            if (!p.required || p.type == u"int"_s || p.type == u"long"_s || p.type == u"boolean"_s)
                continue;
            const auto rule = missingRules().constFind(key + u'/' + p.name);
            if (rule != missingRules().constEnd())
                return Reply::error(rule->status, QString::fromUtf16(rule->message), rule->reason);
            if (p.in == u"body"_s)
                return Reply::error(400, u"Missing parameter %1"_s.arg(p.name));
            return Reply::error(400, u"Missing parameter %1"_s.arg(p.name));
        }
        if (p.in != u"query"_s)
            continue;
        // Asterisk reads numbers and booleans leniently (atoi, ast_true); it refuses only values
        // below a documented minimum.
        if ((p.type == u"int"_s || p.type == u"long"_s) && p.range) {
            bool ok = false;
            const qlonglong n = r.value(p.name).toLongLong(&ok);
            if (ok && (n < p.range->first || n > p.range->second))
                return Reply::error(400, u"%1 cannot be negative"_s.arg(p.name));
        }
    }
    auto pp = [&r](const char16_t *name) { return r.pathParams.value(QString::fromUtf16(name)); };

    // ---- asterisk
    if (r.op->resource == u"asterisk"_s) {
        const QString n = r.op->nickname;
        if (n == u"getInfo"_s)
            return Reply::json(200, asteriskInfo(r.value(u"only"_s)));
        if (n == u"ping"_s)
            return Reply::json(200, QJsonObject { { u"ping"_s, u"pong"_s }, { u"timestamp"_s, now() }, { u"asterisk_id"_s, asteriskId } });
        static const QStringList modules { u"res_ari.so"_s, u"res_stasis.so"_s, u"res_ari_channels.so"_s,
                                           u"res_ari_bridges.so"_s, u"chan_pjsip.so"_s, u"app_stasis.so"_s };
        auto moduleJson = [this](const QString &m) {
            return QJsonObject { { u"name"_s, m }, { u"description"_s, u"Module %1"_s.arg(m) },
                                 { u"use_count"_s, 0 }, { u"status"_s, unloadedModules.contains(m) ? u"Not Running"_s : u"Running"_s },
                                 { u"support_level"_s, u"core"_s } };
        };
        if (n == u"listModules"_s) {
            QJsonArray out;
            for (const QString &m : modules) {
                if (!unloadedModules.contains(m))
                    out.append(moduleJson(m));
            }
            return Reply::json(200, out);
        }
        const QString module = pp(u"moduleName");
        if (n == u"getModule"_s || n == u"unloadModule"_s || n == u"reloadModule"_s) {
            if (!modules.contains(module) || unloadedModules.contains(module))
                return Reply::error(404, u"Module could not be found in running modules"_s);
            if (n == u"getModule"_s)
                return Reply::json(200, moduleJson(module));
            if (n == u"unloadModule"_s)
                unloadedModules.insert(module);
            return Reply::empty();
        }
        if (n == u"loadModule"_s) {
            if (!modules.contains(module))
                return Reply::error(409, u"Module could not be loaded"_s);
            if (!unloadedModules.contains(module))
                return Reply::error(409, u"Module is already loaded"_s);
            unloadedModules.remove(module);
            return Reply::empty();
        }
        if (n == u"listLogChannels"_s) {
            QJsonArray out;
            for (auto it = logChannels.constBegin(); it != logChannels.constEnd(); ++it)
                out.append(QJsonObject { { u"channel"_s, it.key() }, { u"type"_s, u"File"_s },
                                         { u"status"_s, u"Enabled"_s }, { u"configuration"_s, it.value() } });
            return Reply::json(200, out);
        }
        const QString logName = pp(u"logChannelName");
        if (n == u"addLog"_s) {
            if (logChannels.contains(logName))
                return Reply::error(409, u"Log channel could not be created"_s);
            logChannels.insert(logName, r.value(u"configuration"_s));
            return Reply::empty();
        }
        if (n == u"deleteLog"_s || n == u"rotateLog"_s) {
            if (!logChannels.contains(logName))
                return Reply::error(404, u"Log channel does not exist"_s);
            if (n == u"deleteLog"_s)
                logChannels.remove(logName);
            return Reply::empty();
        }
        if (n == u"getGlobalVar"_s) {
            const QString name = r.value(u"variable"_s);
            return Reply::json(200, QJsonObject { { u"value"_s, globalVars.value(name) } });
        }
        if (n == u"setGlobalVar"_s) {
            const QString name = r.value(u"variable"_s);
            globalVars.insert(name, r.value(u"value"_s));
            setVar(QString(), name, r.value(u"value"_s));
            return Reply::empty();
        }
        const QString objKey = pp(u"configClass") + u'/' + pp(u"objectType") + u'/' + pp(u"id");
        if (n == u"getObject"_s) {
            if (!configObjects.contains(objKey))
                return Reply::error(404, u"Object not found"_s);
            return Reply::json(200, configObjects.value(objKey));
        }
        if (n == u"updateObject"_s) {
            QJsonArray tuples = r.body.value(u"fields"_s).toArray();
            configObjects.insert(objKey, tuples);
            return Reply::json(200, tuples);
        }
        if (n == u"deleteObject"_s) {
            if (!configObjects.remove(objKey))
                return Reply::error(404, u"Object not found"_s);
            return Reply::empty();
        }
    }

    // ---- endpoints
    if (r.op->resource == u"endpoints"_s) {
        const QString n = r.op->nickname;
        QMap<QString, QJsonObject> eps;
        auto addEp = [&](const QString &endpoint) {
            const QString tech = endpoint.section(u'/', 0, 0);
            const QString res = endpoint.section(u'/', 1);
            eps.insert(endpoint, endpointJson(tech, res));
        };
        for (const QString &e : { u"PJSIP/1000"_s, u"PJSIP/2000"_s, u"PJSIP/3000"_s })
            addEp(e);
        for (const auto &[prefix, b] : endpointBehaviours) {
            Q_UNUSED(b)
            if (prefix.count(u'/') == 1 && !prefix.endsWith(u'/'))
                addEp(prefix);
        }
        for (const SimChannel &c : std::as_const(channels)) {
            if (!c.endpoint.startsWith(u"Local/"_s))
                addEp(c.endpoint);
        }
        if (n == u"list"_s) {
            QJsonArray out;
            for (const QJsonObject &o : std::as_const(eps))
                out.append(o);
            return Reply::json(200, out);
        }
        if (n == u"listByTech"_s) {
            QJsonArray out;
            for (const QJsonObject &o : std::as_const(eps)) {
                if (o.value(u"technology"_s).toString() == pp(u"tech"))
                    out.append(o);
            }
            if (out.isEmpty())
                return Reply::error(404, u"No Endpoints found - invalid tech %1"_s.arg(pp(u"tech")));
            return Reply::json(200, out);
        }
        const QString ep = pp(u"tech") + u'/' + pp(u"resource");
        if (n == u"get"_s) {
            if (!eps.contains(ep))
                return Reply::error(404, u"Endpoint not found"_s);
            return Reply::json(200, eps.value(ep));
        }
        if (n == u"sendMessage"_s || n == u"refer"_s)
            return Reply::empty(202);
        if (n == u"sendMessageToEndpoint"_s || n == u"referToEndpoint"_s) {
            if (!eps.contains(ep))
                return Reply::error(404, u"Endpoint not found"_s);
            return Reply::empty(202);
        }
    }

    // ---- channels
    if (r.op->resource == u"channels"_s) {
        const QString n = r.op->nickname;
        if (n == u"list"_s)
            return Reply::json(200, q->channels());
        if (n == u"originate"_s)
            return originate(r, r.value(u"channelId"_s));
        if (n == u"originateWithId"_s)
            return originate(r, pp(u"channelId"));
        if (n == u"create"_s)
            return createChannel(r);
        if (n == u"externalMedia"_s) {
            const QString id = r.value(u"channelId"_s, newUniqueId());
            if (channels.contains(id))
                return Reply::error(409, u"Channel with given unique ID already exists"_s);
            // o_broadcast_claim: no websocket_client connection is configured for media
            const QString transport = r.value(u"transport"_s, u"udp"_s);
            const QString encapsulation = r.value(u"encapsulation"_s, u"rtp"_s);
            if (r.value(u"external_host"_s).isEmpty())
                return Reply::error(400, u"external_host is required for all but websocket server connections"_s);
            if (transport == u"websocket"_s) {
                if (encapsulation != u"none"_s)
                    return Reply::error(400, u"encapsulation must be 'none' for websocket transport"_s);
                return Reply::error(400, u"external_host must be a valid websocket_client connection id."_s);
            }
            if (encapsulation == u"rtp"_s && transport != u"udp"_s)
                return Reply::error(400, u"transport must be 'udp' for rtp encapsulation"_s);
            // As recorded: dialled like an outgoing line, answered at once, then in Stasis.
            const QString host = r.value(u"external_host"_s);
            createChannelRecord(u"UnicastRTP/"_s + host, id, u"UnicastRTP/"_s + host + u'-' + nextChannelSuffix());
            channels[id].dialstring = host + u"/c("_s + r.value(u"format"_s) + u')';
            const QString appName = r.value(u"app"_s);
            channelEvent(u"ChannelCreated"_s, id);
            setDialplan(id, u"AppDial2"_s, u"(Outgoing Line)"_s);
            if (!appName.isEmpty()) // followed from its dialling on
                channels[id].watchers.append(appName);
            const QString localPort = QString::number(10000 + 2 * int(nameCounter % 5000));
            setVar(id, u"UNICASTRTP_LOCAL_ADDRESS"_s, u"127.0.0.1"_s, false);
            setVar(id, u"UNICASTRTP_LOCAL_PORT"_s, localPort, false);
            QJsonObject reply = channels[id].toJson();
            reply.insert(u"channelvars"_s, QJsonObject { { u"UNICASTRTP_LOCAL_PORT"_s, localPort },
                                                         { u"UNICASTRTP_LOCAL_ADDRESS"_s, u"127.0.0.1"_s } });
            QTimer::singleShot(0, q, [this, id, appName] {
                const SimChannel *ch = channel(id);
                if (!ch)
                    return;
                auto dial = [this, id](const QString &status) {
                    EventTargets t;
                    t.channels = { id };
                    emitEvent(u"Dial"_s, { { u"dialstatus"_s, status }, { u"forward"_s, QString() },
                                          { u"dialstring"_s, channels[id].dialstring }, { u"peer"_s, channels[id].toJson() } }, t);
                };
                dial(QString());
                setChannelState(id, u"Up"_s);
                dial(u"ANSWER"_s);
                enterStasis(id, appName, {});
            });
            return Reply::json(200, reply);
        }
        const QString id = pp(u"channelId");
        SimChannel *c = channel(id);
        if (n == u"snoopChannel"_s || n == u"snoopChannelWithId"_s) {
            // checks in Asterisk's order (k_conflicts_ids); a snoop needs no Stasis on the target
            static const QStringList dirs { u"none"_s, u"both"_s, u"out"_s, u"in"_s };
            const QString spy = r.value(u"spy"_s, u"none"_s), whisper = r.value(u"whisper"_s, u"none"_s);
            if (!dirs.contains(spy))
                return Reply::error(400, u"Invalid direction specified for spy"_s);
            if (!dirs.contains(whisper))
                return Reply::error(400, u"Invalid direction specified for whisper"_s);
            if (r.value(u"app"_s).isEmpty())
                return Reply::error(400, u"Application name is required"_s);
            if (!c)
                return Reply::error(404, u"Provided channel was not found"_s, "Channel Not Found");
            const QString snoopId = n == u"snoopChannelWithId"_s ? pp(u"snoopId") : r.value(u"snoopId"_s, newUniqueId());
            if (channels.contains(snoopId))
                return Reply::error(500, u"Snoop channel could not be created"_s, "Internal error");
            createChannelRecord(u"Snoop/"_s + id, snoopId, u"Snoop/%1-%2"_s.arg(id, nextChannelSuffix()));
            channels[snoopId].state = u"Up"_s;
            channelEvent(u"ChannelCreated"_s, snoopId);
            const QString app = r.value(u"app"_s);
            // the app follows a snoop channel only while it is in Stasis (j_headers_users)
            enterStasis(snoopId, app, r.value(u"appArgs"_s).isEmpty() ? QStringList() : r.value(u"appArgs"_s).split(u','));
            return Reply::json(200, channels[snoopId].toJson());
        }
        if (n == u"getChannelVar"_s) {
            if (!c)
                return Reply::error(404, u"Provided channel was not found"_s);
            const QString var = r.value(u"variable"_s);
            if (var.contains(u'(') && !var.startsWith(u"CALLERID("_s) && !var.startsWith(u"CHANNEL("_s))
                return Reply::error(500, u"Unable to read provided function"_s);
            if (var.startsWith(u"CALLERID("_s))
                return Reply::json(200, QJsonObject { { u"value"_s, var.contains(u"name"_s) ? c->callerName : c->callerNumber } });
            if (var.startsWith(u"CHANNEL("_s))
                return Reply::json(200, QJsonObject { { u"value"_s, var.contains(u"name"_s) ? c->name : c->state } });
            if (!c->vars.contains(var) || c->vars.value(var).isNull())
                return Reply::error(404, u"Provided variable was not found"_s);
            return Reply::json(200, QJsonObject { { u"value"_s, c->vars.value(var) } });
        }
        if (!c)
            return Reply::error(404, u"Channel not found"_s);
        if (n == u"get"_s)
            return Reply::json(200, c->toJson());
        if (n == u"hangup"_s) {
            int cause = 16;
            if (r.has(u"reason_code"_s)) {
                cause = r.intValue(u"reason_code"_s, 16);
            } else if (r.has(u"reason"_s)) {
                const auto rc = hangupReasonCause(r.value(u"reason"_s));
                if (!rc)
                    return Reply::error(400, u"Invalid reason for hangup reason provided"_s);
                cause = *rc;
            }
            destroyChannel(id, cause, true, false);
            return Reply::empty();
        }
        if (n == u"setChannelVar"_s) {
            if (c && c->stasisApp.isEmpty()) // a dialplan channel (l_app_subscriptions)
                return Reply::error(409, u"Channel not in Stasis application"_s);
            if (c && r.boolValue(u"report_events"_s, false))
                c->reportedVars.insert(r.value(u"variable"_s));
            setVar(id, r.value(u"variable"_s), r.value(u"value"_s));
            return Reply::empty();
        }
        if (n == u"setChannelVars"_s) {
            setVariables(this, id, r.variables());
            return Reply::empty();
        }
        if (n == u"getChannelVars"_s) { // functions like CALLERID(num) read too (o_broadcast_claim)
            QMap<QString, QString> vars = c->vars;
            vars.insert(u"CALLERID(num)"_s, c->callerNumber);
            vars.insert(u"CALLERID(number)"_s, c->callerNumber);
            vars.insert(u"CALLERID(name)"_s, c->callerName);
            vars.insert(u"CHANNEL(name)"_s, c->name);
            return variablesReply(vars, r.value(u"variables"_s));
        }
        if (n == u"rtpstatistics"_s) {
            return Reply::json(200, QJsonObject { { u"txcount"_s, 100 }, { u"rxcount"_s, 100 }, { u"txjitter"_s, 0.0 },
                                                  { u"rxjitter"_s, 0.0 }, { u"remote_maxjitter"_s, 0.0 },
                                                  { u"remote_minjitter"_s, 0.0 }, { u"remote_normdevjitter"_s, 0.0 },
                                                  { u"remote_stdevjitter"_s, 0.0 }, { u"local_maxjitter"_s, 0.0 },
                                                  { u"local_minjitter"_s, 0.0 }, { u"local_normdevjitter"_s, 0.0 },
                                                  { u"local_stdevjitter"_s, 0.0 }, { u"txploss"_s, 0 }, { u"rxploss"_s, 0 },
                                                  { u"remote_maxrxploss"_s, 0.0 }, { u"remote_minrxploss"_s, 0.0 },
                                                  { u"remote_normdevrxploss"_s, 0.0 }, { u"remote_stdevrxploss"_s, 0.0 },
                                                  { u"local_maxrxploss"_s, 0.0 }, { u"local_minrxploss"_s, 0.0 },
                                                  { u"local_normdevrxploss"_s, 0.0 }, { u"local_stdevrxploss"_s, 0.0 },
                                                  { u"rtt"_s, 0.0 }, { u"maxrtt"_s, 0.0 }, { u"minrtt"_s, 0.0 },
                                                  { u"normdevrtt"_s, 0.0 }, { u"stdevrtt"_s, 0.0 },
                                                  { u"local_ssrc"_s, 1 }, { u"remote_ssrc"_s, 2 },
                                                  { u"txoctetcount"_s, 16000 }, { u"rxoctetcount"_s, 16000 },
                                                  { u"channel_uniqueid"_s, id } });
        }
        if (n == u"dial"_s) {
            if (!c->createdOnly || c->dialled || c->state != u"Down"_s)
                return Reply::error(409, u"Channel is not in the 'Down' state"_s);
            c->dialled = true;
            const int timeout = r.intValue(u"timeout"_s, 0);
            QTimer::singleShot(0, q, [this, id, timeout] { dialEndpoint(id, timeout); });
            return Reply::empty();
        }
        if (c->stasisApp.isEmpty())
            return Reply::error(409, u"Channel not in Stasis application"_s);
        if (n == u"answer"_s) {
            if (!c->isLocalTwo && channels.contains(c->localPeer) && channels[c->localPeer].answerWaiting) {
                const QString two = c->localPeer;
                QTimer::singleShot(0, q, [this, two] { endAnswerWait(two); });
            }
            if (c->isLocalTwo && channels.contains(c->localPeer) && channels[c->localPeer].state != u"Up"_s) {
                const QString one = c->localPeer;
                answerChannel(id);
                deviceStateEvent(channels[one].endpoint, u"INUSE"_s);
                answerChannel(one);
                EventTargets t;
                t.channels = { one };
                emitEvent(u"Dial"_s, { { u"dialstatus"_s, u"ANSWER"_s }, { u"forward"_s, QString() },
                                      { u"dialstring"_s, channels[one].dialstring }, { u"peer"_s, channels[one].toJson() } }, t);
                if (!channels[one].pendingApp.isEmpty())
                    enterStasis(one, channels[one].pendingApp, channels[one].pendingArgs);
                deviceStateEvent(channels[one].endpoint, u"INUSE"_s);
            } else {
                answerChannel(id);
            }
            return Reply::empty();
        }
        if ((n == u"ring"_s || n == u"ringStop"_s || n == u"progress"_s) && c->createdOnly && !c->dialled)
            return Reply::error(412, u"Channel in invalid state"_s); // o_broadcast_claim
        if (n == u"ring"_s) {
            c->ringing = true;
            if (c->isLocalTwo && channels.contains(c->localPeer)) {
                const QString one = c->localPeer;
                setChannelState(one, u"Ringing"_s);
                deviceStateEvent(channels[one].endpoint, u"INUSE"_s);
                EventTargets t;
                t.channels = { one };
                emitEvent(u"Dial"_s, { { u"dialstatus"_s, u"RINGING"_s }, { u"forward"_s, QString() },
                                      { u"dialstring"_s, channels[one].dialstring }, { u"peer"_s, channels[one].toJson() } }, t);
            }
            return Reply::empty();
        }
        if (n == u"ringStop"_s) {
            c->ringing = false;
            return Reply::empty();
        }
        if (n == u"mute"_s || n == u"unmute"_s) {
            static const QStringList directions { u"both"_s, u"in"_s, u"out"_s };
            if (!directions.contains(r.value(u"direction"_s, u"both"_s)))
                return Reply::error(400, u"Invalid direction specified"_s);
        }
        if (n == u"progress"_s || n == u"hold"_s || n == u"unhold"_s || n == u"startSilence"_s
            || n == u"stopSilence"_s || n == u"mute"_s || n == u"unmute"_s) {
            // a Local channel passes hold on to its peer: no event on either (o_broadcast_claim)
            const bool local = c->endpoint.startsWith(u"Local/"_s, Qt::CaseInsensitive);
            if (n == u"hold"_s && !local)
                channelEvent(u"ChannelHold"_s, id);
            else if (n == u"unhold"_s && !local)
                channelEvent(u"ChannelUnhold"_s, id);
            return Reply::empty();
        }
        if (n == u"startMoh"_s || n == u"stopMoh"_s)
            return Reply::empty();
        if (n == u"sendDTMF"_s) {
            QString dtmf = r.value(u"dtmf"_s);
            if (dtmf.isEmpty())
                return Reply::error(400, u"DTMF is required"_s);
            static const QString valid = u"0123456789ABCDabcd*#"_s;
            dtmf.removeIf([](QChar ch) { return !valid.contains(ch); });
            const QString peer = c->localPeer;
            const SimChannel *pc = channel(peer);
            if (pc && !pc->stasisApp.isEmpty()) {
                const int between = r.intValue(u"between"_s, 100);
                const int duration = r.intValue(u"duration"_s, 100);
                const int before = r.intValue(u"before"_s, 0);
                for (int i = 0; i < dtmf.size(); ++i) {
                    later(peer, before + (i + 1) * (between + duration), [this, peer, duration, digit = dtmf.mid(i, 1)] {
                        channelEvent(u"ChannelDtmfReceived"_s, peer, { { u"digit"_s, digit }, { u"duration_ms"_s, duration } });
                    });
                }
            }
            return Reply::empty();
        }
        if (n == u"play"_s || n == u"playWithId"_s) {
            const QString pid = n == u"playWithId"_s ? pp(u"playbackId") : r.value(u"playbackId"_s);
            return startPlayback(u"channel:"_s + id, pid, r.value(u"media"_s), r.value(u"lang"_s));
        }
        if (n == u"record"_s)
            return startRecording(r, u"channel:"_s + id);
        if (n == u"continueInDialplan"_s) {
            if (!c->bridgeId.isEmpty())
                removeFromBridge(c->bridgeId, id);
            leaveStasis(id, false);
            SimChannel *cc = channel(id);
            if (!r.value(u"context"_s).isEmpty())
                cc->context = r.value(u"context"_s);
            if (!r.value(u"extension"_s).isEmpty())
                cc->exten = r.value(u"extension"_s);
            cc->priority = qMax(cc->priority + 1, r.intValue(u"priority"_s, 0));
            static const QHash<QString, std::pair<QString, QString>> plan {
                { u"200"_s, { u"Echo"_s, QString() } }, { u"400"_s, { u"Wait"_s, u"300"_s } },
                { u"600"_s, { u"MusicOnHold"_s, u"default,300"_s } }, { u"500"_s, { u"Playback"_s, u"demo-congrats"_s } },
            };
            static const QStringList contexts { u"ari-test"_s, u"trace"_s, u"default"_s };
            if (!contexts.contains(cc->context)) {
                // no such context: the channel is hung up at once, quietly (o_broadcast_claim)
                cc->stasisStatusPending = false;
                setVar(id, u"STASISSTATUS"_s, u"SUCCESS"_s);
                QTimer::singleShot(0, q, [this, id] { destroyChannel(id, 16, false, false, true); });
                return Reply::empty();
            }
            if (cc->context == u"trace"_s && cc->exten == u"701"_s) {
                // Set(TRACE_STATUS=${STASISSTATUS}), Wait(3), Hangup (trace n)
                cc->stasisStatusPending = false;
                afterTraceStasis(id, u"SUCCESS"_s, 3);
                return Reply::empty();
            }
            if (cc->context == u"trace"_s && cc->exten == u"720"_s) { // Answer, Wait(300), Hangup
                cc->priority = 1;
                setDialplan(id, u"Answer"_s, QString());
                channels[id].priority = 2;
                setDialplan(id, u"Wait"_s, u"300"_s);
                return Reply::empty();
            }
            const auto step = plan.value(cc->exten, { u"NoOp"_s, QString() });
            setDialplan(id, step.first, step.second);
            return Reply::empty();
        }
        if (n == u"move"_s) {
            const QString newApp = r.value(u"app"_s);
            const QStringList args = r.value(u"appArgs"_s).isEmpty() ? QStringList() : r.value(u"appArgs"_s).split(u',');
            if (!apps.count(newApp)) {
                EventTargets t;
                t.onlyApp = c->stasisApp;
                emitEvent(u"ApplicationMoveFailed"_s, { { u"channel"_s, c->toJson() }, { u"destination"_s, newApp },
                                                        { u"args"_s, QJsonArray::fromStringList(args) } }, t);
                return Reply::empty();
            }
            leaveStasis(id);
            enterStasis(id, newApp, args);
            return Reply::empty();
        }
        if (n == u"redirect"_s) {
            const QString endpoint = r.value(u"endpoint"_s);
            if (!endpoint.contains(u'/'))
                return Reply::error(400, u"Endpoint parameter is malformed"_s);
            const QString tech = endpoint.section(u'/', 0, 0), own = c->endpoint.section(u'/', 0, 0);
            if (tech.compare(own, Qt::CaseInsensitive) != 0) // o_broadcast_claim
                return Reply::error(422, u"Endpoint technology '%1' does not match channel technology '%2'"_s.arg(tech, own));
            return Reply::empty();
        }
        if (n == u"transfer_progress"_s)
            return Reply::empty();
    }

    // ---- bridges
    if (r.op->resource == u"bridges"_s) {
        const QString n = r.op->nickname;
        if (n == u"list"_s)
            return Reply::json(200, q->bridges());
        if (n == u"create"_s || n == u"createWithId"_s) {
            const QString id = n == u"createWithId"_s ? pp(u"bridgeId") : r.value(u"bridgeId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
            static const QStringList types { u"mixing"_s, u"holding"_s, u"dtmf_events"_s, u"proxy_media"_s,
                                             u"video_sfu"_s, u"video_single"_s, u"sdp_label"_s };
            const QStringList requested = r.value(u"type"_s, u"mixing"_s).split(u',', Qt::SkipEmptyParts);
            for (const QString &t : requested) {
                if (!types.contains(t))
                    return Reply::error(500, u"Unable to create bridge. Possible duplicate bridge id '(null)'"_s);
            }
            if (bridges.contains(id)) // whatever the type (k_conflicts_ids)
                return Reply::error(409, u"Bridge with id '%1' already exists"_s.arg(id));
            SimBridge b;
            b.id = id;
            b.name = r.value(u"name"_s);
            b.type = requested.contains(u"holding"_s) ? u"holding"_s : u"mixing"_s;
            b.technology = b.type == u"holding"_s ? u"holding_bridge"_s : u"simple_bridge"_s;
            if (requested.contains(u"video_sfu"_s))
                b.videoMode = u"sfu"_s;
            b.creationtime = now();
            bridges.insert(id, b);
            bridgeOrder.append(id);
            EventTargets t;
            t.bridges = { id };
            emitEvent(u"BridgeCreated"_s, { { u"bridge"_s, b.toJson() } }, t);
            qCInfo(lcSim) << "bridge" << id << "created";
            return Reply::json(200, b.toJson());
        }
        const QString id = pp(u"bridgeId");
        SimBridge *b = bridge(id);
        if (!b) // destroy answers with a phrase of its own (j_headers_users)
            return Reply::error(404, u"Bridge not found"_s, n == u"destroy"_s ? "Not found" : QByteArray());
        if (n == u"get"_s)
            return Reply::json(200, b->toJson());
        if (n == u"destroy"_s) {
            destroyBridge(id);
            return Reply::empty();
        }
        if (n == u"addChannel"_s) {
            const QStringList ids = r.value(u"channel"_s).split(u',', Qt::SkipEmptyParts);
            for (const QString &cid : ids) {
                const SimChannel *c = channel(cid);
                if (!c)
                    return Reply::error(400, u"Channel not found"_s);
                if (c->stasisApp.isEmpty())
                    return Reply::error(422, u"Channel not in Stasis application"_s);
            }
            for (const QString &cid : ids)
                addToBridge(id, cid);
            bridgePeerVars(this, id, bridges[id].announcerName);
            return Reply::empty();
        }
        if (n == u"removeChannel"_s) {
            const QStringList ids = r.value(u"channel"_s).split(u',', Qt::SkipEmptyParts);
            for (const QString &cid : ids) {
                if (!channel(cid))
                    return Reply::error(400, u"Channel not found"_s);
                if (!b->channels.contains(cid))
                    return Reply::error(422, u"Channel not in this bridge"_s);
            }
            for (const QString &cid : ids)
                removeFromBridge(id, cid);
            return Reply::empty();
        }
        if (n == u"setVideoSource"_s) {
            const QString cid = pp(u"channelId");
            if (!channel(cid))
                return Reply::error(404, u"Channel not found"_s);
            if (!b->channels.contains(cid))
                return Reply::error(422, u"Channel not in bridge"_s);
            b->videoSourceId = cid;
            b->videoMode = u"single"_s;
            EventTargets t;
            t.bridges = { id };
            emitEvent(u"BridgeVideoSourceChanged"_s, { { u"bridge"_s, b->toJson() }, { u"old_video_source_id"_s, QString() } }, t);
            return Reply::empty();
        }
        if (n == u"clearVideoSource"_s) {
            b->videoSourceId.clear();
            b->videoMode = u"talker"_s;
            return Reply::empty();
        }
        if (n == u"startMoh"_s || n == u"stopMoh"_s) {
            if (n == u"stopMoh"_s && !b->moh)
                return Reply::error(409, u"Bridge isn't playing music on hold"_s);
            b->moh = n == u"startMoh"_s;
            return Reply::empty();
        }
        if (n == u"play"_s || n == u"playWithId"_s) {
            const QString pid = n == u"playWithId"_s ? pp(u"playbackId") : r.value(u"playbackId"_s);
            return startPlayback(u"bridge:"_s + id, pid, r.value(u"media"_s), r.value(u"lang"_s));
        }
        if (n == u"record"_s)
            return startRecording(r, u"bridge:"_s + id);
        if (n == u"setBridgeVar"_s) {
            b->vars.insert(r.value(u"variable"_s), r.value(u"value"_s));
            return Reply::empty();
        }
        if (n == u"getBridgeVar"_s) {
            const QString var = r.value(u"variable"_s);
            if (!b->vars.contains(var))
                return Reply::error(404, u"Provided variable was not found"_s);
            return Reply::json(200, QJsonObject { { u"value"_s, b->vars.value(var) } });
        }
        if (n == u"setBridgeVars"_s) {
            const QJsonObject vars = r.variables();
            for (auto it = vars.constBegin(); it != vars.constEnd(); ++it)
                b->vars.insert(it.key(), it.value().toString());
            return Reply::empty();
        }
        if (n == u"getBridgeVars"_s) {
            return variablesReply(b->vars, r.value(u"variables"_s));
        }
    }

    // ---- playbacks
    if (r.op->resource == u"playbacks"_s) {
        const QString id = pp(u"playbackId");
        auto it = playbacks.find(id);
        if (it == playbacks.end())
            return Reply::error(404, u"Playback not found"_s);
        const QString n = r.op->nickname;
        if (n == u"get"_s)
            return Reply::json(200, it->toJson());
        if (n == u"stop"_s) {
            finishPlayback(id, u"done"_s);
            return Reply::empty();
        }
        if (n == u"control"_s) {
            const QString op = r.value(u"operation"_s);
            if (op == u"pause"_s) {
                if (it->timer)
                    it->timer->stop();
                if (it->state == u"playing"_s)
                    it->state = u"paused"_s;
            } else if (op == u"unpause"_s) {
                if (it->state == u"paused"_s) {
                    it->state = u"playing"_s;
                    if (it->timer)
                        it->timer->start();
                    playbackEvent(u"PlaybackStarted"_s, *it);
                }
            } else if (op == u"restart"_s) {
                if (it->timer)
                    it->timer->start(); // from the top again; Asterisk reports nothing
            } else if (op == u"reverse"_s || op == u"forward"_s) {
                // position moves; nothing observable
            } else {
                return Reply::error(400, u"Invalid operation %1"_s.arg(op));
            }
            return Reply::empty();
        }
    }

    // ---- recordings
    if (r.op->resource == u"recordings"_s) {
        const QString n = r.op->nickname;
        const QString name = pp(u"recordingName");
        auto storedJson = [](const QString &nm, const QString &fmt) {
            return QJsonObject { { u"name"_s, nm }, { u"format"_s, fmt } };
        };
        if (n == u"listStored"_s) {
            QJsonArray out;
            for (auto it = storedRecordings.constBegin(); it != storedRecordings.constEnd(); ++it)
                out.append(storedJson(it.key(), it.value()));
            return Reply::json(200, out);
        }
        if (n == u"getStored"_s || n == u"deleteStored"_s || n == u"getStoredFile"_s || n == u"copyStored"_s) {
            if (!storedRecordings.contains(name))
                return Reply::error(404, u"Recording not found"_s);
            const QString fmt = storedRecordings.value(name);
            if (n == u"getStored"_s)
                return Reply::json(200, storedJson(name, fmt));
            if (n == u"deleteStored"_s) {
                QFile::remove(recordingPath(name, fmt));
                storedRecordings.remove(name);
                return Reply::empty();
            }
            if (n == u"getStoredFile"_s) {
                QFile f(recordingPath(name, fmt));
                if (!f.open(QIODevice::ReadOnly))
                    return Reply::error(500, u"Internal Server Error"_s);
                Reply rep;
                rep.status = 200;
                rep.body = f.readAll();
                rep.contentType = fmt == u"wav"_s ? QByteArray("audio/wav") : QByteArray("application/octet-stream");
                return rep;
            }
            const QString dest = r.value(u"destinationRecordingName"_s);
            if (storedRecordings.contains(dest))
                return Reply::error(409, u"A recording with the same name already exists on the system"_s);
            QFile::copy(recordingPath(name, fmt), recordingPath(dest, fmt));
            storedRecordings.insert(dest, fmt);
            return Reply::json(200, storedJson(dest, fmt));
        }
        auto it = liveRecordings.find(name);
        if (it == liveRecordings.end())
            return Reply::error(404, u"Recording not found"_s);
        if (n == u"getLive"_s)
            return Reply::json(200, it->toJson());
        if (n == u"stop"_s) {
            finishRecording(name, true);
            return Reply::empty();
        }
        if (n == u"cancel"_s) {
            finishRecording(name, false);
            return Reply::empty();
        }
        if (n == u"pause"_s) {
            if (it->pausedAt < 0 && it->clock.isValid())
                it->pausedAt = it->clock.elapsed();
            it->state = u"paused"_s;
            return Reply::empty();
        }
        if (n == u"unpause"_s) {
            if (it->pausedAt >= 0)
                it->pausedMs += it->clock.elapsed() - it->pausedAt;
            it->pausedAt = -1;
            it->state = u"recording"_s;
            return Reply::empty();
        }
        if (n == u"mute"_s || n == u"unmute"_s) {
            it->muted = n == u"mute"_s;
            return Reply::empty();
        }
    }

    // ---- sounds
    if (r.op->resource == u"sounds"_s) {
        const QJsonArray all = soundsJson();
        if (r.op->nickname == u"list"_s) {
            QJsonArray matching;
            for (const QJsonValue &v : all) {
                for (const QJsonValue &f : v.toObject().value(u"formats"_s).toArray()) {
                    const QJsonObject fo = f.toObject();
                    if ((!r.has(u"lang"_s) || fo.value(u"language"_s).toString() == r.value(u"lang"_s))
                        && (!r.has(u"format"_s) || fo.value(u"format"_s).toString() == r.value(u"format"_s))) {
                        matching.append(v);
                        break;
                    }
                }
            }
            if (matching.isEmpty())
                return Reply::error(404, u"No sounds found that matched the query"_s);
            return Reply::json(200, matching);
        }
        for (const QJsonValue &v : all) {
            if (v.toObject().value(u"id"_s).toString() == pp(u"soundId"))
                return Reply::json(200, v);
        }
        return Reply::error(404, u"Sound not found"_s);
    }

    // ---- device states
    if (r.op->resource == u"deviceStates"_s) {
        const QString n = r.op->nickname;
        const QString name = pp(u"deviceName");
        if (n == u"list"_s) {
            QJsonArray out;
            for (auto it = deviceStates.constBegin(); it != deviceStates.constEnd(); ++it)
                out.append(QJsonObject { { u"name"_s, it.key() }, { u"state"_s, it.value() } });
            return Reply::json(200, out);
        }
        if (n == u"get"_s)
            return Reply::json(200, QJsonObject { { u"name"_s, name }, { u"state"_s, deviceStates.value(name, u"UNKNOWN"_s) } });
        if (!name.startsWith(u"Stasis:"_s))
            return Reply::error(409, u"Uncontrolled device specified"_s);
        if (n == u"update"_s) {
            static const QStringList states { u"UNKNOWN"_s, u"NOT_INUSE"_s, u"INUSE"_s, u"BUSY"_s, u"INVALID"_s,
                                              u"UNAVAILABLE"_s, u"RINGING"_s, u"RINGINUSE"_s, u"ONHOLD"_s };
            const QString state = r.value(u"deviceState"_s);
            if (!states.contains(state))
                return Reply::error(500, u"Unknown device"_s);
            const bool changed = deviceStates.value(name) != state;
            deviceStates.insert(name, state);
            if (changed)
                deviceStateEvent(name, state);
            return Reply::empty();
        }
        if (n == u"delete"_s) {
            deviceStates.remove(name);
            return Reply::empty();
        }
    }

    // ---- mailboxes
    if (r.op->resource == u"mailboxes"_s) {
        const QString n = r.op->nickname;
        const QString name = pp(u"mailboxName");
        auto json = [](const QString &nm, const MailboxState &m) {
            return QJsonObject { { u"name"_s, nm }, { u"old_messages"_s, m.oldMessages }, { u"new_messages"_s, m.newMessages } };
        };
        if (n == u"list"_s) {
            QJsonArray out;
            for (auto it = mailboxes.constBegin(); it != mailboxes.constEnd(); ++it)
                out.append(json(it.key(), it.value()));
            return Reply::json(200, out);
        }
        if (n == u"get"_s) {
            if (!mailboxes.contains(name))
                return Reply::error(404, u"Mailbox is does not exist"_s);
            return Reply::json(200, json(name, mailboxes.value(name)));
        }
        if (n == u"update"_s) {
            MailboxState m { r.intValue(u"oldMessages"_s, 0), r.intValue(u"newMessages"_s, 0) };
            const bool wasBusy = mailboxes.contains(name) && mailboxes.value(name).newMessages > 0;
            const bool existed = mailboxes.contains(name);
            mailboxes.insert(name, m);
            if (!existed || wasBusy != (m.newMessages > 0))
                deviceStateEvent(u"MWI:"_s + name, m.newMessages > 0 ? u"INUSE"_s : u"NOT_INUSE"_s);
            return Reply::empty();
        }
        if (n == u"delete"_s) {
            if (!mailboxes.remove(name))
                return Reply::error(404, u"Mailbox does not exist"_s);
            deviceStateEvent(u"MWI:"_s + name, u"NOT_INUSE"_s);
            return Reply::empty();
        }
    }

    // ---- events
    if (r.op->resource == u"events"_s) {
        const QString n = r.op->nickname;
        if (n == u"eventWebsocket"_s)
            return Reply::error(400, u"WebSocket upgrade required"_s);
        if (n == u"userEvent"_s) {
            const QString appName = r.value(u"application"_s);
            if (!app(appName))
                return Reply::error(404, u"Application not found"_s);
            QJsonObject userevent = r.variables();
            userevent.insert(u"eventname"_s, pp(u"eventName"));
            QJsonObject fields { { u"eventname"_s, pp(u"eventName") },
                                 { u"userevent"_s, userevent } };
            for (const QString &src : r.value(u"source"_s).split(u',', Qt::SkipEmptyParts)) {
                const QString kind = src.section(u':', 0, 0);
                const QString sid = src.section(u':', 1);
                if (kind == u"channel"_s && channels.contains(sid))
                    fields.insert(u"channel"_s, channels[sid].toJson());
                else if (kind == u"bridge"_s && bridges.contains(sid))
                    fields.insert(u"bridge"_s, bridges[sid].toJson());
                else if (kind == u"endpoint"_s)
                    fields.insert(u"endpoint"_s, endpointJson(sid.section(u'/', 0, 0), sid.section(u'/', 1)));
                else
                    return Reply::error(422, u"Event source was not found"_s);
            }
            EventTargets t;
            t.onlyApp = appName;
            emitEvent(u"ChannelUserevent"_s, fields, t);
            return Reply::empty();
        }
        if (n == u"claimChannel"_s) {
            return claimBroadcast(r.value(u"channelId"_s), r.value(u"application"_s));
        }
    }

    // ---- applications
    if (r.op->resource == u"applications"_s) {
        const QString n = r.op->nickname;
        if (n == u"list"_s) {
            QJsonArray out;
            for (const auto &[name, a] : apps)
                out.append(appJson(a));
            return Reply::json(200, out);
        }
        SimApp *a = app(pp(u"applicationName"));
        if (!a)
            return Reply::error(404, u"Application not found"_s);
        if (n == u"get"_s)
            return Reply::json(200, appJson(*a));
        if (n == u"subscribe"_s || n == u"unsubscribe"_s) {
            const QStringList sources = r.value(u"eventSource"_s).split(u',', Qt::SkipEmptyParts);
            if (sources.isEmpty()) // "eventSource=" (l_app_subscriptions)
                return Reply::error(400, u"Invalid event source URI scheme"_s);
            // check everything first: Asterisk applies all or nothing
            for (const QString &src : sources) {
                const QString kind = src.section(u':', 0, 0);
                QString sid = src.section(u':', 1);
                QStringList *list = kind == u"channel"_s ? &a->channelIds : kind == u"bridge"_s ? &a->bridgeIds
                        : kind == u"endpoint"_s ? &a->endpointIds : kind == u"deviceState"_s ? &a->deviceNames : nullptr;
                if (!list || !src.contains(u':'))
                    return Reply::error(400, u"Invalid event source URI scheme"_s);
                if (kind == u"channel"_s && sid.isEmpty()) // "channel:" means every channel
                    sid = QString::fromLatin1(kAllChannels);
                if (n == u"unsubscribe"_s) {
                    if (!list->contains(sid))
                        return Reply::error(422, u"Event source was not subscribed to"_s);
                    continue;
                }
                bool exists = false;
                if (kind == u"channel"_s)
                    exists = channels.contains(sid);
                else if (kind == u"bridge"_s)
                    exists = bridges.contains(sid);
                else if (kind == u"endpoint"_s) // Local channels make no endpoints
                    exists = sid.contains(u'/') && !sid.startsWith(u"Local/"_s, Qt::CaseInsensitive);
                else
                    exists = true;
                if (kind == u"channel"_s && sid == QString::fromLatin1(kAllChannels))
                    exists = true;
                if (!exists && isFloodObject(kind, sid))
                    continue; // a flood's channel or bridge: it exists in the flood's PBX
                if (!exists)
                    return Reply::error(422, u"Event source does not exist"_s);
            }
            for (const QString &src : sources) {
                const QString kind = src.section(u':', 0, 0);
                QString sid = src.section(u':', 1);
                if (kind == u"channel"_s && sid.isEmpty())
                    sid = QString::fromLatin1(kAllChannels);
                QStringList &list = kind == u"channel"_s ? a->channelIds : kind == u"bridge"_s ? a->bridgeIds
                        : kind == u"endpoint"_s ? a->endpointIds : a->deviceNames;
                if (n == u"subscribe"_s && !list.contains(sid) && isFloodObject(kind, sid)
                    && !channels.contains(sid))
                    continue; // accepted and not kept: the flood's frames are sent regardless
                if (n == u"subscribe"_s) {
                    if (!list.contains(sid))
                        list.append(sid);
                } else {
                    list.removeAll(sid);
                }
            }
            return Reply::json(200, appJson(*a));
        }
        if (n == u"filter"_s) {
            QJsonObject f = r.bodyValue.toObject();
            if (f.isEmpty() && r.body.contains(u"filter"_s))
                f = r.body.value(u"filter"_s).toObject();
            auto valid = [](const QJsonValue &v) {
                if (v.isUndefined())
                    return true;
                if (!v.isArray())
                    return false;
                for (const QJsonValue &e : v.toArray()) {
                    if (!e.isObject() || !e.toObject().value(u"type"_s).isString())
                        return false;
                }
                return true;
            };
            if (!valid(f.value(u"allowed"_s)) || !valid(f.value(u"disallowed"_s)))
                return Reply::error(400, u"Invalid format definition"_s);
            if (f.contains(u"allowed"_s) || f.isEmpty())
                a->eventsAllowed = f.value(u"allowed"_s).toArray();
            if (f.contains(u"disallowed"_s) || f.isEmpty())
                a->eventsDisallowed = f.value(u"disallowed"_s).toArray();
            return Reply::json(200, appJson(*a));
        }
    }

    // Anything the spec has that has no behaviour above still answers, shaped by its response type.
    const QString resp = r.op->response;
    if (resp == u"void"_s)
        return Reply::empty();
    if (resp.startsWith(u"List["_s))
        return Reply::json(200, QJsonArray());
    return Reply::json(200, QJsonObject());
}

// --- public scripting API ------------------------------------------------------------------------

QString Simulator::startCall(const QString &app, const QStringList &args, const QString &channelId)
{
    const QString id = channelId.isEmpty() ? d->newUniqueId() : channelId;
    if (d->channels.contains(id)) {
        qCWarning(lcSim) << "startCall: channel id already in use:" << id;
        return {};
    }
    const int n = int(d->nameCounter);
    const QString number = QString::number(1000 + n % 9000);
    d->createChannelRecord(u"PJSIP/"_s + number, id, u"PJSIP/%1-%2"_s.arg(number, d->nextChannelSuffix()));
    SimChannel &c = d->channels[id];
    c.state = u"Ring"_s;
    c.callerName = u"Caller %1"_s.arg(number);
    c.callerNumber = number;
    c.context = u"from-external"_s;
    c.exten = u"100"_s;
    d->channelEvent(u"ChannelCreated"_s, id);
    d->setDialplan(id, u"Stasis"_s, QStringList(app + (args.isEmpty() ? QString() : u","_s + args.join(u','))).join(QString()));
    d->enterStasis(id, app, args);
    return id;
}

void Simulator::hangupChannel(const QString &channelId, int cause)
{
    d->destroyChannel(channelId, cause, false, false);
}

void Simulator::sendDtmf(const QString &channelId, const QString &digits)
{
    if (!d->channels.contains(channelId)) {
        qCWarning(lcSim) << "sendDtmf: no channel" << channelId;
        return;
    }
    for (const QChar digit : digits)
        d->channelEvent(u"ChannelDtmfReceived"_s, channelId, { { u"digit"_s, QString(digit) }, { u"duration_ms"_s, 100 } });
}

void Simulator::setEndpointBehaviour(const QString &endpointPrefix, const EndpointBehaviour &behaviour)
{
    for (auto &entry : d->endpointBehaviours) {
        if (entry.first == endpointPrefix) {
            entry.second = behaviour;
            return;
        }
    }
    d->endpointBehaviours.append({ endpointPrefix, behaviour });
}

void Simulator::setTimeScale(double factor)
{
    d->timeScale = factor > 0 ? factor : 1.0;
}

void Simulator::setTraffic(const Traffic &traffic)
{
    d->traffic = traffic;
    if (traffic.callsPerSecond <= 0) {
        d->trafficTimer.stop();
        return;
    }
    d->trafficTimer.start(qMax(1, int(1000.0 / traffic.callsPerSecond)));
    qCInfo(lcSim) << "traffic:" << traffic.callsPerSecond << "calls/s, mean duration" << traffic.meanDurationMs << "ms";
}

void SimulatorPrivate::trafficTick()
{
    const QString appName = traffic.app;
    const QString id = q->startCall(appName, { u"traffic"_s }, u"sim-call-%1"_s.arg(++trafficCounter));
    if (id.isEmpty())
        return;
    auto *rng = QRandomGenerator::global();
    const int duration = qMax(200, int(traffic.meanDurationMs * (0.5 + rng->generateDouble())));
    later(id, 200, [this, id] { answerChannel(id); });
    if (traffic.dtmf)
        later(id, qMin(duration / 3, 3000), [this, id] { q->sendDtmf(id, u"1#"_s); });
    if (traffic.playbacks) {
        later(id, qMin(duration / 4, 1500), [this, id] {
            startPlayback(u"channel:"_s + id, QString(), u"sound:hello-world"_s, QString());
        });
    }
    if (traffic.bridging && trafficCounter % 2 == 0) {
        const QString other = u"sim-call-%1"_s.arg(trafficCounter - 1);
        if (channels.contains(other) && channels[other].bridgeId.isEmpty()) {
            later(id, 400, [this, id, other] {
                if (!channels.contains(other))
                    return;
                const QString bid = u"sim-bridge-%1"_s.arg(trafficCounter);
                SimBridge b;
                b.id = bid;
                b.creationtime = now();
                bridges.insert(bid, b);
                bridgeOrder.append(bid);
                EventTargets t;
                t.bridges = { bid };
                emitEvent(u"BridgeCreated"_s, { { u"bridge"_s, b.toJson() } }, t);
                addToBridge(bid, other);
                addToBridge(bid, id);
                bridgePeerVars(this, bid, QString());
            });
        }
    }
    later(id, duration, [this, id] {
        const QString bid = channels.value(id).bridgeId;
        destroyChannel(id, 16, false, false);
        if (!bid.isEmpty() && bridges.contains(bid) && bridges[bid].channels.isEmpty())
            destroyBridge(bid);
    });
}

} // namespace QtAri::Testing
