// Flood mode (../shared/BENCH-PROTOCOL.md): pre-serialised events written as fast as the socket drains.
#include "simulator_p.h"

#include <QtCore/QJsonArray>

#include <algorithm>
#include <array>

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

// --- the realistic mix -----------------------------------------------------------------------
//
// One call of the realistic mix, as a Stasis application sees it without subscribeAll (the traces
// b2_bridge_playback_no_subscribeall, d_dtmf and v2/o_broadcast_claim): an inbound channel A
// enters Stasis, is answered, hears a prompt and sends DTMF; the application creates an outbound
// Local channel B into Stasis and dials it (Dial carries both channels' snapshots); B's far half C
// runs its dialplan (Answer, Playback, SendDTMF, Wait) and sends DTMF to B; A and B share a mixing
// bridge; then everything hangs up in Asterisk's order. Every channel event carries the full
// snapshot as of that moment. "@S@" stands for the call's number and "@P@" for a padding
// counter; both are filled in as the frames are sent.

enum Role { RoleA, RoleB, RoleC, RoleNone };

struct Step
{
    QString type;
    Role role; // the channel the event is about (per-object handlers), if any
    QJsonObject event;
};

struct Snap
{
    QString id, name, state, callerName, callerNumber, connectedName, connectedNumber;
    QString context, exten, appName, appData;
    int priority = 1;
    QJsonObject json() const
    {
        return QJsonObject {
            { u"id"_s, id },
            { u"name"_s, name },
            { u"state"_s, state },
            { u"protocol_id"_s, id.endsWith(u";2"_s) || name.startsWith(u"Local/"_s) ? QString() : id + u"@pbx.example"_s },
            { u"caller"_s, QJsonObject { { u"name"_s, callerName }, { u"number"_s, callerNumber } } },
            { u"connected"_s, QJsonObject { { u"name"_s, connectedName }, { u"number"_s, connectedNumber } } },
            { u"accountcode"_s, QString() },
            { u"dialplan"_s, QJsonObject { { u"context"_s, context }, { u"exten"_s, exten },
                                           { u"priority"_s, priority }, { u"app_name"_s, appName },
                                           { u"app_data"_s, appData } } },
            { u"creationtime"_s, u"2026-12-01T07:08:58.161+0000"_s },
            { u"language"_s, u"en"_s },
        };
    }
};

// Steps kPadStep and kGlobalPadStep are the padding events that make a slot's events come out
// exact (see planFor()); the others are the call script.
constexpr int kPadStep = -1;
constexpr int kGlobalPadStep = -2;

struct Script
{
    QList<Step> steps;
    Step pad;       // ChannelVarset on A
    Step globalPad; // a global ChannelVarset (no channel)
    int padAt = 0;  // full calls: padding goes in before this step (A's hangup request)
    QList<int> reducedHead, reducedTail; // short calls: the steps kept around the padding
};

const Script &script()
{
    static const Script s = [] {
        Script sc;
        Snap a { u"flood-@S@"_s, u"PJSIP/caller-@S@"_s, u"Ring"_s, u"Caller @S@"_s, u"2@S@"_s, QString(),
                 QString(), u"from-external"_s, u"100"_s, u"Stasis"_s, u"flood,inbound"_s, 3 };
        Snap b { u"flood-@S@-out"_s, u"Local/200@flood-@S@;1"_s, u"Down"_s, QString(), QString(), QString(),
                 QString(), u"default"_s, u"s"_s, u"Stasis"_s, u"flood,outbound"_s, 1 };
        Snap c { u"flood-@S@-out;2"_s, u"Local/200@flood-@S@;2"_s, u"Ring"_s, QString(), QString(), QString(),
                 QString(), u"flood"_s, u"200"_s, u"AppDial2"_s, u"(Outgoing Line)"_s, 1 };
        const QString bridgeId = u"flood-@S@-br"_s;
        const auto bridge = [&](const QStringList &members) {
            return QJsonObject { { u"id"_s, bridgeId }, { u"technology"_s, u"simple_bridge"_s },
                                 { u"bridge_type"_s, u"mixing"_s }, { u"bridge_class"_s, u"stasis"_s },
                                 { u"creator"_s, u"Stasis"_s }, { u"name"_s, u"call-@S@"_s },
                                 { u"channels"_s, QJsonArray::fromStringList(members) },
                                 { u"creationtime"_s, u"2026-12-01T07:08:58.561+0000"_s },
                                 { u"video_mode"_s, u"talker"_s } };
        };
        const auto playback = [&](const QString &state) {
            return QJsonObject { { u"id"_s, u"flood-@S@-pb"_s }, { u"media_uri"_s, u"sound:hello-world"_s },
                                 { u"target_uri"_s, u"channel:flood-@S@"_s }, { u"language"_s, u"en"_s },
                                 { u"state"_s, state } };
        };
        auto add = [&sc](const QString &type, Role role, QJsonObject e) {
            sc.steps.append({ type, role, std::move(e) });
        };
        auto snapOf = [&](Role r) -> Snap & { return r == RoleA ? a : r == RoleB ? b : c; };
        auto channelEvent = [&](const QString &type, Role r, QJsonObject extra = {}) {
            extra.insert(u"channel"_s, snapOf(r).json());
            add(type, r, extra);
        };
        auto varset = [&](Role r, const QString &name, const QString &value) {
            channelEvent(u"ChannelVarset"_s, r, { { u"variable"_s, name }, { u"value"_s, value } });
        };
        auto dialplan = [&](Role r, const QString &app, const QString &data) {
            Snap &x = snapOf(r);
            x.appName = app;
            x.appData = data;
            ++x.priority;
            channelEvent(u"ChannelDialplan"_s, r, { { u"dialplan_app"_s, app }, { u"dialplan_app_data"_s, data } });
        };
        auto state = [&](Role r, const QString &st) {
            snapOf(r).state = st;
            channelEvent(u"ChannelStateChange"_s, r);
        };
        auto dtmf = [&](Role r, const QString &digit) {
            channelEvent(u"ChannelDtmfReceived"_s, r, { { u"digit"_s, digit }, { u"duration_ms"_s, 100 } });
        };
        auto dial = [&](const QString &status) {
            add(u"Dial"_s, RoleNone, { { u"dialstatus"_s, status }, { u"forward"_s, QString() },
                                       { u"dialstring"_s, u"200@flood"_s }, { u"caller"_s, a.json() },
                                       { u"peer"_s, b.json() } });
        };
        auto bridgeEvent = [&](const QString &type, Role r, const QStringList &members) {
            add(type, r, { { u"bridge"_s, bridge(members) }, { u"channel"_s, snapOf(r).json() } });
        };
        auto hangup = [&](Role r, int cause) {
            channelEvent(u"ChannelHangupRequest"_s, r, { { u"cause"_s, cause } });
        };
        auto destroyed = [&](Role r) {
            channelEvent(u"ChannelDestroyed"_s, r, { { u"cause"_s, 16 }, { u"cause_txt"_s, u"Normal Clearing"_s } });
        };

        // answer, play, DTMF
        channelEvent(u"StasisStart"_s, RoleA, { { u"args"_s, QJsonArray { u"inbound"_s } } });
        state(RoleA, u"Up"_s);
        add(u"PlaybackStarted"_s, RoleNone, { { u"playback"_s, playback(u"playing"_s) } });
        add(u"PlaybackFinished"_s, RoleNone, { { u"playback"_s, playback(u"done"_s) } });
        for (const QString &d : { u"1"_s, u"2"_s, u"3"_s, u"#"_s })
            dtmf(RoleA, d);
        varset(RoleA, u"IVR_CHOICE"_s, u"123"_s);
        // the outbound leg
        channelEvent(u"StasisStart"_s, RoleB, { { u"args"_s, QJsonArray { u"outbound"_s } } });
        dialplan(RoleB, u"AppDial2"_s, u"(Outgoing Line)"_s);
        dial(QString());
        dialplan(RoleC, u"Answer"_s, QString());
        state(RoleC, u"Up"_s);
        state(RoleB, u"Up"_s);
        dial(u"ANSWER"_s);
        a.connectedName = u"Agent"_s;
        a.connectedNumber = u"200"_s;
        channelEvent(u"ChannelConnectedLine"_s, RoleA);
        // the bridge
        bridgeEvent(u"ChannelEnteredBridge"_s, RoleA, { a.id });
        bridgeEvent(u"ChannelEnteredBridge"_s, RoleB, { a.id, b.id });
        varset(RoleA, u"BRIDGEPEER"_s, b.name);
        varset(RoleB, u"BRIDGEPEER"_s, a.name);
        dialplan(RoleC, u"NoOp"_s, u"agent leg @S@"_s);
        dialplan(RoleC, u"Wait"_s, u"1"_s);
        dialplan(RoleC, u"Playback"_s, u"hello-world"_s);
        varset(RoleC, u"PLAYBACKSTATUS"_s, u"SUCCESS"_s);
        dialplan(RoleC, u"SendDTMF"_s, u"45,250,100"_s);
        dtmf(RoleB, u"4"_s);
        dtmf(RoleB, u"5"_s);
        dialplan(RoleC, u"Wait"_s, u"300"_s);
        // hang up
        varset(RoleA, u"BRIDGEPEER"_s, QString());
        varset(RoleB, u"BRIDGEPEER"_s, QString());
        bridgeEvent(u"ChannelLeftBridge"_s, RoleA, { b.id });
        bridgeEvent(u"ChannelLeftBridge"_s, RoleB, {});
        add(u"BridgeDestroyed"_s, RoleNone, { { u"bridge"_s, bridge({}) } });
        const int hangupA = int(sc.steps.size());
        hangup(RoleA, 16);
        const int stasisEndA = int(sc.steps.size());
        channelEvent(u"StasisEnd"_s, RoleA);
        varset(RoleA, u"STASISSTATUS"_s, u"SUCCESS"_s);
        const int destroyedA = int(sc.steps.size());
        destroyed(RoleA);
        hangup(RoleB, 32);
        channelEvent(u"StasisEnd"_s, RoleB);
        varset(RoleB, u"STASISSTATUS"_s, u"SUCCESS"_s);
        hangup(RoleC, 16);
        destroyed(RoleB);
        hangup(RoleC, 16);
        destroyed(RoleC);

        sc.padAt = hangupA;
        sc.reducedHead = { 0, 1 };
        sc.reducedTail = { hangupA, stasisEndA, destroyedA };
        a.state = u"Up"_s;
        sc.pad = { u"ChannelVarset"_s, RoleA,
                   { { u"variable"_s, u"FLOOD_PAD"_s }, { u"value"_s, u"@P@"_s }, { u"channel"_s, a.json() } } };
        sc.globalPad = { u"ChannelVarset"_s, RoleNone, { { u"variable"_s, u"FLOOD_PAD"_s }, { u"value"_s, u"@P@"_s } } };
        return sc;
    }();
    return s;
}

const Step &stepAt(int step)
{
    const Script &s = script();
    return step == kPadStep ? s.pad : step == kGlobalPadStep ? s.globalPad : s.steps.at(step);
}

// Events slot \a slot of \a slots sends: event i of the flood goes to slot i % slots.
int slotBudget(int events, int slots, int slot)
{
    return (events - slot + slots - 1) / slots;
}

// The steps of call \a call of a slot with \a budget events: as many full calls as fit, the last
// one padded with ChannelVarset events up to the budget; a budget smaller than one call gives one
// short call (StasisStart ... ChannelDestroyed) around the padding. Each call ends its ids.
QList<int> planFor(int budget, int call)
{
    const Script &s = script();
    const int length = int(s.steps.size());
    const int full = budget / length;
    QList<int> plan;
    if (full > 0) {
        if (call >= full)
            return plan;
        for (int i = 0; i < length; ++i) {
            if (i == s.padAt && call == full - 1)
                plan.insert(plan.size(), budget % length, kPadStep);
            plan.append(i);
        }
        return plan;
    }
    if (call > 0)
        return plan;
    if (budget == 1)
        return { kGlobalPadStep };
    const int kept = int(s.reducedHead.size() + s.reducedTail.size());
    if (budget < kept) { // StasisStart, padding, ChannelDestroyed
        plan = { s.reducedHead.first() };
        plan.insert(plan.size(), budget - 2, kPadStep);
        plan.append(s.reducedTail.last());
        return plan;
    }
    plan = s.reducedHead;
    plan.insert(plan.size(), budget - kept, kPadStep);
    plan.append(s.reducedTail);
    return plan;
}

struct Next
{
    int step;
    int seq; // the call's number
    int pad;
};

Next advance(FloodCursor &cur, int events, int slots, int slot)
{
    if (cur.plan.isEmpty())
        cur.plan = planFor(slotBudget(events, slots, slot), cur.call);
    Q_ASSERT(!cur.plan.isEmpty());
    const Next n { cur.plan.at(cur.pos), cur.call * slots + slot, cur.pad };
    if (n.step < 0)
        ++cur.pad;
    if (++cur.pos == cur.plan.size()) {
        ++cur.call;
        cur.pos = 0;
        cur.plan.clear();
    }
    return n;
}

QString roleId(Role role, int seq)
{
    switch (role) {
    case RoleA: return u"flood-%1"_s.arg(seq);
    case RoleB: return u"flood-%1-out"_s.arg(seq);
    case RoleC: return u"flood-%1-out;2"_s.arg(seq);
    case RoleNone: break;
    }
    return QString();
}

FloodTemplate makeTemplate(const QByteArray &json)
{
    FloodTemplate t;
    qsizetype from = 0;
    while (true) {
        const qsizetype s = json.indexOf("@S@", from);
        const qsizetype p = json.indexOf("@P@", from);
        const qsizetype at = s < 0 ? p : p < 0 ? s : std::min(s, p);
        if (at < 0)
            break;
        t.pieces.append(json.mid(from, at - from));
        t.holes.append(json.at(at + 1));
        from = at + 3;
    }
    t.pieces.append(json.mid(from));
    for (const QByteArray &piece : std::as_const(t.pieces))
        t.fixedSize += piece.size();
    return t;
}

void appendTemplateFrame(QByteArray &out, const FloodTemplate &t, const QByteArray &seq, const QByteArray &pad)
{
    qsizetype n = t.fixedSize;
    for (char h : t.holes)
        n += h == 'S' ? seq.size() : pad.size();
    out.append(char(0x81));
    if (n < 126) {
        out.append(char(n));
    } else if (n < 65536) {
        out.append(char(126));
        out.append(char((n >> 8) & 0xff));
        out.append(char(n & 0xff));
    } else {
        out.append(char(127));
        for (int i = 7; i >= 0; --i)
            out.append(char((quint64(n) >> (8 * i)) & 0xff));
    }
    for (qsizetype i = 0; i < t.holes.size(); ++i) {
        out.append(t.pieces.at(i));
        out.append(t.holes.at(i) == 'S' ? seq : pad);
    }
    out.append(t.pieces.last());
}

const QStringList &perObjectTypes()
{
    static const QStringList types { u"ChannelStateChange"_s, u"ChannelDtmfReceived"_s, u"ChannelDestroyed"_s };
    return types;
}

} // namespace

void SimulatorPrivate::buildFlood()
{
    floodChannelIds.clear();
    floodChannelJson.clear();
    floodFrames.clear();
    floodTemplates.clear();
    floodInfo = {};
    floodSlots = 0;
    if (floodEvents <= 0 || floodChannels <= 0)
        return;
    const int k = floodChannels;
    const int n = floodEvents;
    const bool realistic = floodMix == Simulator::FloodMix::Realistic;
    const int length = int(script().steps.size());
    // Realistic: a call has up to three channels live at once, so k channels carry k / 3 calls
    // in parallel (at least one, and no more than the events can fill with whole calls).
    if (realistic)
        floodSlots = std::max(1, std::min(k / 3, n / length));
    const int initial = realistic ? floodSlots : k;
    for (int i = 0; i < initial; ++i) {
        const QString id = u"flood-%1"_s.arg(i);
        floodChannelIds.append(id);
        if (!channels.contains(id)) {
            createChannelRecord(u"PJSIP/flood"_s, id, u"PJSIP/flood-%1"_s.arg(i, 8, 16, QLatin1Char('0')));
            SimChannel &c = channels[id];
            c.state = realistic ? u"Ring"_s : u"Up"_s;
            c.callerNumber = QString::number(2000 + i);
            c.context = u"flood"_s;
            c.exten = u"100"_s;
            c.appName = u"Stasis"_s;
            c.appData = u"flood"_s;
            c.stasisApp = u"flood"_s;
        }
        floodChannelJson.insert(id, channels[id].toJson());
    }
    // Counts per type and, for the per-object handlers, per channel (every channel that enters
    // Stasis: what its ChannelStateChange, ChannelDtmfReceived and ChannelDestroyed handlers see).
    QHash<QString, int> counts;
    QStringList objectOrder;
    QHash<QString, std::array<int, 3>> perObject;
    const QStringList &objectTypes = perObjectTypes();
    const auto count = [&](const QString &type, const QString &id) {
        counts[type]++;
        if (id.isEmpty())
            return;
        auto it = perObject.find(id);
        if (it == perObject.end()) {
            it = perObject.insert(id, { 0, 0, 0 });
            objectOrder.append(id);
        }
        const qsizetype t = objectTypes.indexOf(type);
        if (t >= 0)
            ++(*it)[t];
    };
    if (realistic) {
        std::vector<FloodCursor> cursors(floodSlots);
        QSet<QString> inStasis;
        for (int i = 0; i < n; ++i) {
            const int slot = i % floodSlots;
            const Next next = advance(cursors[slot], n, floodSlots, slot);
            const Step &step = stepAt(next.step);
            const QString id = step.role == RoleA || step.role == RoleB ? roleId(step.role, next.seq) : QString();
            if (step.type == u"StasisStart"_s)
                inStasis.insert(id);
            count(step.type, inStasis.contains(id) ? id : QString());
        }
    } else {
        for (int i = 0; i < n; ++i) {
            QString type;
            if (i < k && n >= 2 * k)
                type = u"StasisStart"_s;
            else if (i >= n - k && n >= 2 * k)
                type = u"ChannelDestroyed"_s;
            else
                type = QString::fromUtf16(kCycle[(i / k) % kCycleLength]);
            count(type, floodChannelIds.at(i % k));
        }
    }
    QJsonObject countsJson;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        countsJson.insert(it.key(), it.value());
    QJsonObject perChannelJson;
    std::array<qint64, 3> totals {};
    for (const QString &id : std::as_const(objectOrder)) {
        const std::array<int, 3> &c = perObject[id];
        perChannelJson.insert(id, QJsonArray { c[0], c[1], c[2] });
        for (int t = 0; t < 3; ++t)
            totals[t] += c[t];
    }
    QJsonObject totalsJson;
    for (int t = 0; t < 3; ++t)
        totalsJson.insert(objectTypes.at(t), totals[t]);
    floodInfo = QJsonObject { { u"events"_s, n },
                              { u"channels"_s, k },
                              { u"mix"_s, realistic ? u"realistic"_s : u"simple"_s },
                              { u"counts"_s, countsJson },
                              { u"channel_ids"_s, QJsonArray::fromStringList(floodChannelIds) },
                              { u"per_object"_s, QJsonObject { { u"types"_s, QJsonArray::fromStringList(objectTypes) },
                                                               { u"channels"_s, perChannelJson },
                                                               { u"totals"_s, totalsJson } } },
                              { u"sentinel"_s, QJsonObject { { u"type"_s, u"ChannelUserevent"_s },
                                                             { u"eventname"_s, u"BenchDone"_s } } } };
    qCInfo(lcSim) << "flood prepared:" << n << "events over" << k << "channels," << (realistic ? "realistic" : "simple")
                  << "mix," << objectOrder.size() << "channels enter Stasis";
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
    const bool realistic = floodMix == Simulator::FloodMix::Realistic;
    if (floodApp != appName || (realistic ? floodTemplates.empty() : floodFrames.isEmpty())) {
        floodApp = appName;
        floodFrames.clear();
        floodTemplates.clear();
        const QString ts = now();
        const int k = floodChannels;
        if (realistic) {
            const Script &sc = script();
            const auto toTemplate = [&](const Step &step) {
                QJsonObject e = step.event;
                e.insert(u"type"_s, step.type);
                e.insert(u"timestamp"_s, ts);
                e.insert(u"asterisk_id"_s, asteriskId);
                e.insert(u"application"_s, appName);
                return makeTemplate(QJsonDocument(e).toJson(QJsonDocument::Compact));
            };
            for (const Step &step : sc.steps)
                floodTemplates.push_back(toTemplate(step));
            floodTemplates.push_back(toTemplate(sc.pad));
            floodTemplates.push_back(toTemplate(sc.globalPad));
        }
        // simple: distinct frames, StasisStart, Destroyed, and each cycle type per channel
        if (!realistic)
            floodFrames.reserve(k * (kCycleLength + 2));
        for (int c = 0; c < k && !realistic; ++c) {
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
    es->floodCursors.assign(realistic ? floodSlots : 0, FloodCursor {});
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
            if (floodMix == Simulator::FloodMix::Realistic) {
                const int slot = i % floodSlots;
                const Next next = advance(es->floodCursors[slot], n, floodSlots, slot);
                const int length = int(floodTemplates.size()) - 2;
                const FloodTemplate &t = floodTemplates[next.step >= 0 ? next.step
                                                        : next.step == kPadStep ? length : length + 1];
                appendTemplateFrame(chunk, t, QByteArray::number(next.seq), QByteArray::number(next.pad));
                continue;
            }
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

bool SimulatorPrivate::isFloodObject(const QString &kind, const QString &id) const
{
    if (floodEvents <= 0 || floodMix != Simulator::FloodMix::Realistic || !id.startsWith(u"flood-"_s))
        return false;
    QStringView rest = QStringView(id).mid(6);
    qsizetype digits = 0;
    while (digits < rest.size() && rest.at(digits).isDigit())
        ++digits;
    if (digits == 0)
        return false;
    rest = rest.mid(digits);
    if (kind == u"bridge"_s)
        return rest == u"-br"_s;
    return kind == u"channel"_s && (rest.isEmpty() || rest == u"-out"_s || rest == u"-out;2"_s);
}

void Simulator::setFlood(int events, int channels, int startDelayMs, FloodMix mix)
{
    d->floodMix = mix;
    d->floodEvents = qMax(0, events);
    d->floodChannels = qMax(1, channels);
    d->floodDelayMs = qMax(0, startDelayMs);
    d->floodFrames.clear();
    d->buildFlood();
}

} // namespace QtAri::Testing
