// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
//
// qtari-bench: the QtAri client's side of the benchmarks (bench/README.md). The same measures as
// bench/node/bench.js runs with node ari-client, against any ARI server; events and soak need a
// flood server (../shared/BENCH-PROTOCOL.md). Prints one JSON line per measure.
//
//   qtari-bench --measure connect|events|rest|memory|soak --url URL --user U --pass P --app NAME

#include "benchutil.h"

#include <QtAri/ChannelsApi>
#include <QtAri/Client>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFutureWatcher>
#include <QtCore/QJsonArray>
#include <QtCore/QSet>
#include <QtCore/QTimer>

#include <array>
#include <cstdlib>
#include <malloc.h>
#include <memory>

using namespace Qt::StringLiterals;
using namespace QtAri::Bench;
using QtAri::Channel;
using QtAri::Client;

namespace {

struct Options
{
    QString measure;
    QUrl base;
    QString user;
    QString password;
    QString app;
    QString endpoint;
    Client::RestTransport restTransport = Client::RestTransport::Auto;
    int attempts = 10;
    int requests = 20000;
    int inflight = 64;
    int warmup = 2000;
    int channels = 10000;
    int samples = 10;
    int timeoutS = 600;
};

const QString kClient = u"qtari"_s;
Options opts;

[[noreturn]] void fail(const QString &message)
{
    printResult(kClient, opts.measure, { { u"error"_s, message } });
    std::exit(1);
}

// Runs the event loop until \a future has finished (or the measure's timeout passes).
template <typename T> T await(const QFuture<T> &future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(
            opts.timeoutS * 1000, &loop, [] { fail(u"timed out waiting for a reply"_s); });
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

std::unique_ptr<Client> newClient()
{
    auto client = std::make_unique<Client>();
    client->setUrl(opts.base);
    client->setCredentials(opts.user, opts.password);
    client->setApplicationNames({ opts.app });
    client->setRestTransport(opts.restTransport);
    // No client pings: node ari-client sends none either, and while a flood is queued the server's
    // pong waits behind megabytes of events, which the keepalive would take for a dead socket.
    client->setKeepalive(0, 0);
    return client;
}

void connectOrFail(Client *client)
{
    const QtAri::Result<void> r = await(client->connectToServer());
    if (!r)
        fail(
            u"connect failed: %1 (HTTP %2)"_s.arg(r.error().message()).arg(r.error().httpStatus()));
}

// --- connect-to-ready
// ---------------------------------------------------------------------------------

void measureConnect()
{
    QList<double> times;
    for (int i = 0; i < opts.attempts; ++i) {
        QElapsedTimer clock;
        clock.start();
        auto client = newClient();
        connectOrFail(client.get());
        times.append(double(clock.nsecsElapsed()) / 1e6);
        client->disconnectFromServer();
        client.reset();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    printResult(kClient, opts.measure,
        { { u"attempts"_s, times.size() }, { u"median_ms"_s, rounded(median(times)) },
            { u"first_ms"_s, rounded(times.value(0)) },
            { u"min_ms"_s, rounded(*std::min_element(times.cbegin(), times.cend())) },
            { u"rss_mb"_s, rounded(peakRssMb(), 1) } });
}

// --- event dispatch
// -------------------------------------------------------------------------------------

// Every ARI message type and the Client signal that carries it.
enum Type {
    ApplicationMoveFailed,
    ApplicationRegistered,
    ApplicationReplaced,
    ApplicationUnregistered,
    BridgeAttendedTransfer,
    BridgeBlindTransfer,
    BridgeCreated,
    BridgeDestroyed,
    BridgeMerged,
    BridgeVideoSourceChanged,
    CallBroadcast,
    CallClaimed,
    ChannelCallerId,
    ChannelConnectedLine,
    ChannelCreated,
    ChannelDestroyed,
    ChannelDialplan,
    ChannelDtmfReceived,
    ChannelEnteredBridge,
    ChannelHangupRequest,
    ChannelHold,
    ChannelLeftBridge,
    ChannelStateChange,
    ChannelTalkingFinished,
    ChannelTalkingStarted,
    ChannelToneDetected,
    ChannelTransfer,
    ChannelUnhold,
    ChannelUserevent,
    ChannelVarset,
    ContactStatusChange,
    DeviceStateChanged,
    Dial,
    EndpointStateChange,
    PeerStatusChange,
    PlaybackContinuing,
    PlaybackFinished,
    PlaybackStarted,
    RecordingFailed,
    RecordingFinished,
    RecordingStarted,
    RestResponse,
    StasisEnd,
    StasisStart,
    TextMessageReceived,
    MissingParams,
    TypeCount
};
const std::array<QString, TypeCount> kTypeNames = {
    u"ApplicationMoveFailed"_s,
    u"ApplicationRegistered"_s,
    u"ApplicationReplaced"_s,
    u"ApplicationUnregistered"_s,
    u"BridgeAttendedTransfer"_s,
    u"BridgeBlindTransfer"_s,
    u"BridgeCreated"_s,
    u"BridgeDestroyed"_s,
    u"BridgeMerged"_s,
    u"BridgeVideoSourceChanged"_s,
    u"CallBroadcast"_s,
    u"CallClaimed"_s,
    u"ChannelCallerId"_s,
    u"ChannelConnectedLine"_s,
    u"ChannelCreated"_s,
    u"ChannelDestroyed"_s,
    u"ChannelDialplan"_s,
    u"ChannelDtmfReceived"_s,
    u"ChannelEnteredBridge"_s,
    u"ChannelHangupRequest"_s,
    u"ChannelHold"_s,
    u"ChannelLeftBridge"_s,
    u"ChannelStateChange"_s,
    u"ChannelTalkingFinished"_s,
    u"ChannelTalkingStarted"_s,
    u"ChannelToneDetected"_s,
    u"ChannelTransfer"_s,
    u"ChannelUnhold"_s,
    u"ChannelUserevent"_s,
    u"ChannelVarset"_s,
    u"ContactStatusChange"_s,
    u"DeviceStateChanged"_s,
    u"Dial"_s,
    u"EndpointStateChange"_s,
    u"PeerStatusChange"_s,
    u"PlaybackContinuing"_s,
    u"PlaybackFinished"_s,
    u"PlaybackStarted"_s,
    u"RecordingFailed"_s,
    u"RecordingFinished"_s,
    u"RecordingStarted"_s,
    u"RESTResponse"_s,
    u"StasisEnd"_s,
    u"StasisStart"_s,
    u"TextMessageReceived"_s,
    u"MissingParams"_s,
};

struct PerChannel
{
    qint64 stateChanges = 0;
    qint64 dtmf = 0;
    qint64 hungUp = 0;
};

// What the handlers saw during one flood.
struct Flood
{
    std::array<qint64, TypeCount> seen {};
    qint64 total = 0;
    QHash<QString, PerChannel> perChannel; // by channel id
    qint64 wrongObject = 0; // a per-object handler got something for another id
    qint64 attached = 0; // objects that got per-object handlers
    QElapsedTimer clock;
    double cpuFirst = 0;
    double seconds = 0;
    double cpu = 0;
    bool done = false;
    qint64 sampleEvery = 0;
    QList<double> rssSamples;
    QList<double> heapSamples;
    QList<qint64> liveSamples;
    Client *client = nullptr;

    void hit(Type type)
    {
        if (!clock.isValid()) {
            clock.start();
            cpuFirst = cpuMicros();
        }
        ++seen[type];
        ++total;
        if (sampleEvery && total % sampleEvery == 0) {
            rssSamples.append(rssMb());
            heapSamples.append(heapMb());
            liveSamples.append(client->liveChannels().size());
        }
    }
    void finish()
    {
        seconds = double(clock.nsecsElapsed()) / 1e9;
        cpu = cpuMicros() - cpuFirst;
        done = true;
    }
};

// A handler on every event type of the Client: each counts its type.
template <typename Signal> void countOn(Client *client, Signal signal, Flood *flood, Type type)
{
    QObject::connect(client, signal, client, [flood, type] { flood->hit(type); });
}

void connectTypeHandlers(Client *client, Flood *flood)
{
    countOn(client, &Client::applicationMoveFailed, flood, ApplicationMoveFailed);
    countOn(client, &Client::applicationRegistered, flood, ApplicationRegistered);
    countOn(client, &Client::applicationReplaced, flood, ApplicationReplaced);
    countOn(client, &Client::applicationUnregistered, flood, ApplicationUnregistered);
    countOn(client, &Client::bridgeAttendedTransfer, flood, BridgeAttendedTransfer);
    countOn(client, &Client::bridgeBlindTransfer, flood, BridgeBlindTransfer);
    countOn(client, &Client::bridgeCreated, flood, BridgeCreated);
    countOn(client, &Client::bridgeDestroyed, flood, BridgeDestroyed);
    countOn(client, &Client::bridgeMerged, flood, BridgeMerged);
    countOn(client, &Client::bridgeVideoSourceChanged, flood, BridgeVideoSourceChanged);
    countOn(client, &Client::callBroadcast, flood, CallBroadcast);
    countOn(client, &Client::callClaimed, flood, CallClaimed);
    countOn(client, &Client::channelCallerIdChanged, flood, ChannelCallerId);
    countOn(client, &Client::channelConnectedLineChanged, flood, ChannelConnectedLine);
    countOn(client, &Client::channelCreated, flood, ChannelCreated);
    countOn(client, &Client::channelDestroyed, flood, ChannelDestroyed);
    countOn(client, &Client::channelDialplanChanged, flood, ChannelDialplan);
    countOn(client, &Client::channelDtmfReceived, flood, ChannelDtmfReceived);
    countOn(client, &Client::channelEnteredBridge, flood, ChannelEnteredBridge);
    countOn(client, &Client::channelHangupRequested, flood, ChannelHangupRequest);
    countOn(client, &Client::channelHoldStarted, flood, ChannelHold);
    countOn(client, &Client::channelLeftBridge, flood, ChannelLeftBridge);
    countOn(client, &Client::channelStateChanged, flood, ChannelStateChange);
    countOn(client, &Client::channelTalkingFinished, flood, ChannelTalkingFinished);
    countOn(client, &Client::channelTalkingStarted, flood, ChannelTalkingStarted);
    countOn(client, &Client::channelToneDetected, flood, ChannelToneDetected);
    countOn(client, &Client::channelTransfer, flood, ChannelTransfer);
    countOn(client, &Client::channelHoldEnded, flood, ChannelUnhold);
    countOn(client, &Client::channelVarSet, flood, ChannelVarset);
    countOn(client, &Client::contactStatusChanged, flood, ContactStatusChange);
    countOn(client, &Client::deviceStateChanged, flood, DeviceStateChanged);
    countOn(client, &Client::dialed, flood, Dial);
    countOn(client, &Client::endpointStateChanged, flood, EndpointStateChange);
    countOn(client, &Client::peerStatusChanged, flood, PeerStatusChange);
    countOn(client, &Client::playbackContinuing, flood, PlaybackContinuing);
    countOn(client, &Client::playbackFinished, flood, PlaybackFinished);
    countOn(client, &Client::playbackStarted, flood, PlaybackStarted);
    countOn(client, &Client::recordingFailed, flood, RecordingFailed);
    countOn(client, &Client::recordingFinished, flood, RecordingFinished);
    countOn(client, &Client::recordingStarted, flood, RecordingStarted);
    countOn(client, &Client::restResponseReceived, flood, RestResponse);
    countOn(client, &Client::stasisEnded, flood, StasisEnd);
    countOn(client, &Client::stasisStarted, flood, StasisStart);
    countOn(client, &Client::textMessageReceived, flood, TextMessageReceived);
    countOn(client, &Client::missingParamsReceived, flood, MissingParams);
    // ChannelUserevent carries the sentinel, which ends the flood.
    QObject::connect(client, &Client::channelUserEvent, client, [flood](const QString &eventName) {
        if (eventName == u"BenchDone") {
            flood->finish();
            QCoreApplication::quit();
            return;
        }
        flood->hit(ChannelUserevent);
    });
}

// Per-object handlers for ChannelStateChange, ChannelDtmfReceived and ChannelDestroyed on a channel
// of the flood. A channel object exists from the first event or listing that names it, so the
// handlers are connected as each one enters the client's identity map.
void attachChannelHandlers(Channel *channel, Flood *flood)
{
    const QString id = channel->id();
    auto it = flood->perChannel.find(id);
    if (it == flood->perChannel.end())
        return; // not one of the flood's channels
    ++flood->attached;
    PerChannel *counts = &it.value();
    QObject::connect(channel, &Channel::stateChanged, channel,
        [flood, counts, channel, id](Channel::State state) {
            if (channel->id() != id || channel->state() != state)
                ++flood->wrongObject;
            ++counts->stateChanges;
        });
    QObject::connect(channel, &Channel::dtmfReceived, channel, [flood, counts, channel, id] {
        if (channel->id() != id)
            ++flood->wrongObject;
        ++counts->dtmf;
    });
    QObject::connect(channel, &Channel::hungUp, channel, [flood, counts, channel, id] {
        if (channel->id() != id)
            ++flood->wrongObject;
        ++counts->hungUp;
    });
}

struct FloodResult
{
    Flood flood;
    FloodInfo info;
    bool verified = false;
    qint64 perObjectState = 0;
    qint64 perObjectDtmf = 0;
    qint64 perObjectHungUp = 0;
};

void runFlood(FloodResult *result, qint64 samples)
{
    FloodInfo &info = result->info;
    info = fetchFloodInfo(opts.base);
    if (!info.error.isEmpty())
        fail(info.error);
    Flood &flood = result->flood;
    // Per-object handlers go on every channel that enters Stasis (the ids there at the start, and
    // with the realistic mix each new one as it appears); a server that does not announce them
    // gets them on its channel_ids.
    if (!info.perObject.isEmpty()) {
        for (auto it = info.perObject.cbegin(); it != info.perObject.cend(); ++it)
            flood.perChannel.insert(it.key(), {});
    } else {
        for (const QString &id : std::as_const(info.channelIds))
            flood.perChannel.insert(id, {});
    }
    flood.sampleEvery = samples > 0 ? std::max<qint64>(1, info.events / samples) : 0;

    auto client = newClient();
    flood.client = client.get();
    connectTypeHandlers(client.get(), &flood);
    QObject::connect(client.get(), &Client::channelAdded, client.get(),
        [&flood](Channel *channel) { attachChannelHandlers(channel, &flood); });
    QObject::connect(
        client.get(), &Client::errorOccurred, client.get(), [](const QtAri::Error &error) {
            fail(u"client error during the flood: %1"_s.arg(error.message()));
        });
    QTimer::singleShot(opts.timeoutS * 1000, client.get(),
        [&flood] { fail(u"flood did not finish (%1 events)"_s.arg(flood.total)); });
    // channelAdded also fires for the channels the connect's listing puts into the identity map.
    client->connectToServer();
    QCoreApplication::exec();

    bool ok = flood.done && flood.total == info.events && flood.wrongObject == 0;
    for (int t = 0; t < TypeCount; ++t)
        ok = ok && flood.seen[t] == info.counts.value(kTypeNames[t]);
    for (const PerChannel &c : std::as_const(flood.perChannel)) {
        result->perObjectState += c.stateChanges;
        result->perObjectDtmf += c.dtmf;
        result->perObjectHungUp += c.hungUp;
    }
    // Channel::stateChanged is the NOTIFY of the state property: it fires when a channel's state
    // changes, whichever event carried the change, and not for a ChannelStateChange that repeats
    // the state. So its count is reported, not compared (each call is checked to be for its own
    // channel).
    if (info.perObject.isEmpty()) {
        ok = ok && result->perObjectDtmf == info.counts.value(kTypeNames[ChannelDtmfReceived])
            && result->perObjectHungUp == info.counts.value(kTypeNames[ChannelDestroyed]);
    } else {
        // Each channel's handlers saw exactly its own events. In the realistic mix every
        // ChannelStateChange changes the state, so stateChanged is compared there too.
        const bool compareState = info.mix == u"realistic";
        for (auto it = flood.perChannel.cbegin(); it != flood.perChannel.cend(); ++it) {
            const std::array<qint64, 3> want = info.perObject.value(it.key());
            ok = ok && it->dtmf == want[1] && it->hungUp == want[2]
                && (!compareState || it->stateChanges == want[0]);
        }
    }
    result->verified = ok;
    client->disconnectFromServer();
}

void measureEvents()
{
    FloodResult r;
    runFlood(&r, 0);
    const Flood &f = r.flood;
    printResult(kClient, opts.measure,
        { { u"events"_s, f.total }, { u"channels"_s, r.info.channelIds.size() },
            { u"mix"_s, r.info.mix }, { u"stasis_channels"_s, f.attached },
            { u"listeners"_s, f.attached * 3 },
            { u"events_per_s"_s, qRound64(double(f.total) / f.seconds) },
            { u"cpu_us_per_event"_s, rounded(f.cpu / double(f.total)) },
            { u"rss_mb"_s, rounded(peakRssMb(), 1) },
            { u"per_object_state_changes"_s, r.perObjectState },
            { u"per_object_dtmf"_s, r.perObjectDtmf },
            { u"per_object_hungup"_s, r.perObjectHungUp }, { u"verified"_s, r.verified } });
}

void measureSoak()
{
    FloodResult r;
    runFlood(&r, opts.samples);
    const Flood &f = r.flood;
    const QList<double> &s = f.rssSamples;
    QJsonArray samples;
    for (double v : s)
        samples.append(rounded(v, 1));
    QJsonArray live;
    for (qint64 v : f.liveSamples)
        live.append(v);
    QJsonArray heap;
    for (double v : f.heapSamples)
        heap.append(rounded(v, 1));
    const double first = s.value(0), last = s.value(s.size() - 1);
    printResult(kClient, opts.measure,
        { { u"events"_s, f.total }, { u"events_per_s"_s, qRound64(double(f.total) / f.seconds) },
            { u"verified"_s, r.verified }, { u"rss_first_mb"_s, rounded(first, 1) },
            { u"rss_last_mb"_s, rounded(last, 1) },
            { u"rss_max_mb"_s,
                rounded(s.isEmpty() ? 0 : *std::max_element(s.cbegin(), s.cend()), 1) },
            { u"rss_delta_mb"_s, rounded(last - first, 1) }, { u"rss_samples_mb"_s, samples },
            { u"heap_samples_mb"_s, heap }, { u"live_channels_samples"_s, live } });
}

// --- REST
// -------------------------------------------------------------------------------------------------

void measureRest()
{
    auto client = newClient();
    connectOrFail(client.get());
    QStringList ids;
    if (const FloodInfo info = fetchFloodInfo(opts.base); info.error.isEmpty())
        ids = info.channelIds;
    if (ids.isEmpty())
        ids = fetchChannelIds(opts.base, opts.user, opts.password);
    if (ids.isEmpty())
        fail(u"the server has no channels to GET"_s);

    QtAri::ChannelsApi *api = client->channels();
    qint64 errors = 0;
    // Keeps opts.inflight requests going until count have finished; latencies in ms if wanted.
    const auto run = [&](int count, QList<double> *latencies) {
        int next = 0, finished = 0;
        QEventLoop loop;
        QElapsedTimer clock;
        clock.start();
        std::function<void()> issue = [&] {
            const QString id = ids.at(next++ % ids.size());
            const qint64 t0 = clock.nsecsElapsed();
            api->get(id).then(&loop, [&, id, t0](const QtAri::Result<QtAri::ChannelInfo> &r) {
                if (latencies)
                    latencies->append(double(clock.nsecsElapsed() - t0) / 1e6);
                if (!r || r->id() != id)
                    ++errors;
                if (++finished == count)
                    loop.quit();
                else if (next < count)
                    issue();
            });
        };
        for (int i = 0; i < std::min(opts.inflight, count); ++i)
            issue();
        loop.exec();
    };
    run(opts.warmup, nullptr);
    errors = 0;
    QList<double> latencies;
    latencies.reserve(opts.requests);
    const double cpu0 = cpuMicros();
    QElapsedTimer clock;
    clock.start();
    run(opts.requests, &latencies);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const double cpu = cpuMicros() - cpu0;
    std::sort(latencies.begin(), latencies.end());
    printResult(kClient, opts.measure,
        { { u"requests"_s, latencies.size() }, { u"inflight"_s, opts.inflight },
            { u"ops_per_s"_s, qRound64(double(latencies.size()) / seconds) },
            { u"p50_ms"_s, rounded(percentile(latencies, 50)) },
            { u"p99_ms"_s, rounded(percentile(latencies, 99)) },
            { u"cpu_us_per_op"_s, rounded(cpu / double(latencies.size()), 2) },
            { u"errors"_s, errors }, { u"verified"_s, errors == 0 },
            { u"rss_mb"_s, rounded(peakRssMb(), 1) } });
    client->disconnectFromServer();
}

// --- memory: the client's identity map holding N live channels, one per StasisStart
// -----------------------

void measureMemory()
{
    auto client = newClient();
    qint64 stasisStarts = 0;
    QEventLoop all;
    QObject::connect(client.get(), &Client::stasisStarted, client.get(), [&] {
        if (++stasisStarts >= opts.channels)
            all.quit();
    });
    connectOrFail(client.get());
    malloc_trim(0);
    const double rss0 = rssMb();
    const double heap0 = heapMb();
    const qsizetype live0 = client->liveChannels().size();

    // The server makes the channels (channels.create puts each into the application); the replies
    // are not kept, so what stays in memory is what the client holds for its live channels.
    QtAri::ChannelsApi *api = client->channels();
    int next = 0;
    qint64 errors = 0;
    QString lastError;
    std::function<void()> issue = [&] {
        const QString id = u"bench-mem-%1"_s.arg(next++);
        api->create(opts.endpoint, opts.app, { .channelId = id })
            .then(client.get(), [&](const QtAri::Result<QtAri::ChannelInfo> &r) {
                if (!r) {
                    lastError = r.error().message();
                    if (++errors > 10)
                        fail(u"channels.create failed: %1"_s.arg(lastError));
                }
                if (next < opts.channels)
                    issue();
            });
    };
    QTimer::singleShot(opts.timeoutS * 1000, &all,
        [&] { fail(u"only %1 StasisStart within the timeout"_s.arg(stasisStarts)); });
    for (int i = 0; i < std::min(opts.inflight, opts.channels); ++i)
        issue();
    if (stasisStarts < opts.channels)
        all.exec();
    // Let the last replies land, then measure.
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    malloc_trim(0);
    const double rss1 = rssMb();
    const double heap1 = heapMb();
    const qsizetype held = client->liveChannels().size() - live0;
    printResult(kClient, opts.measure,
        { { u"channels"_s, held }, { u"rss_before_mb"_s, rounded(rss0, 1) },
            { u"rss_after_mb"_s, rounded(rss1, 1) }, { u"rss_delta_mb"_s, rounded(rss1 - rss0, 1) },
            { u"heap_delta_mb"_s, rounded(heap1 - heap0, 1) },
            { u"rss_mb"_s, rounded(peakRssMb(), 1) },
            { u"verified"_s, held >= opts.channels && errors == 0 } });
    client->disconnectFromServer();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"qtari-bench"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"QtAri client benchmarks (one JSON line per measure)"_s);
    parser.addHelpOption();
    const auto option = [&](const QString &name, const QString &help, const QString &fallback) {
        parser.addOption({ name, help, name, fallback });
    };
    option(u"measure"_s, u"connect | events | rest | memory | soak"_s, u"connect"_s);
    option(u"url"_s, u"Server base URL (http://host:port)"_s, u"http://127.0.0.1:8088"_s);
    option(u"user"_s, u"ARI user"_s, u"asterisk"_s);
    option(u"pass"_s, u"ARI password"_s, u"asterisk"_s);
    option(u"app"_s, u"Stasis application name"_s, u"bench"_s);
    option(u"attempts"_s, u"connect: attempts"_s, u"10"_s);
    option(u"requests"_s, u"rest: timed requests"_s, u"20000"_s);
    option(u"inflight"_s, u"rest/memory: requests in flight"_s, u"64"_s);
    option(u"warmup"_s, u"rest: warm-up requests"_s, u"2000"_s);
    option(u"channels"_s, u"memory: live channels to hold"_s, u"10000"_s);
    option(u"endpoint"_s, u"memory: endpoint of the created channels"_s, u"Local/1000@bench"_s);
    option(u"samples"_s, u"soak: RSS samples"_s, u"10"_s);
    option(u"timeout"_s, u"Give up after this many seconds"_s, u"600"_s);
    option(u"rest-transport"_s, u"auto | http | websocket (Client::RestTransport)"_s, u"auto"_s);
    parser.process(app);

    opts.measure = parser.value(u"measure"_s);
    opts.base = baseUrl(parser.value(u"url"_s));
    opts.user = parser.value(u"user"_s);
    opts.password = parser.value(u"pass"_s);
    opts.app = parser.value(u"app"_s);
    opts.endpoint = parser.value(u"endpoint"_s);
    opts.attempts = std::max(1, parser.value(u"attempts"_s).toInt());
    opts.requests = std::max(1, parser.value(u"requests"_s).toInt());
    opts.inflight = std::max(1, parser.value(u"inflight"_s).toInt());
    opts.warmup = std::max(1, parser.value(u"warmup"_s).toInt());
    opts.channels = std::max(1, parser.value(u"channels"_s).toInt());
    opts.samples = std::max(2, parser.value(u"samples"_s).toInt());
    opts.timeoutS = std::max(1, parser.value(u"timeout"_s).toInt());
    const QString transport = parser.value(u"rest-transport"_s);
    if (transport == u"http")
        opts.restTransport = Client::RestTransport::Http;
    else if (transport == u"websocket")
        opts.restTransport = Client::RestTransport::WebSocket;
    else if (transport != u"auto")
        fail(u"unknown --rest-transport"_s);

    if (opts.measure == u"connect")
        measureConnect();
    else if (opts.measure == u"events")
        measureEvents();
    else if (opts.measure == u"soak")
        measureSoak();
    else if (opts.measure == u"rest")
        measureRest();
    else if (opts.measure == u"memory")
        measureMemory();
    else
        fail(u"unknown measure"_s);
    return 0;
}
