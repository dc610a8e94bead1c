// Private parts of QtAri::Testing::Simulator (never installed).
#pragma once

#include <QtAri/Testing/simulator.h>

#include <QtCore/QDateTime>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QHash>
#include <QtCore/QJsonDocument>
#include <QtCore/QLoggingCategory>
#include <QtCore/QMap>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtCore/QUrlQuery>
#include <QtHttpServer/QAbstractHttpServer>
#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponder>
#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcSim)

namespace QtAri::Testing {

class SimulatorPrivate;
struct Request;

// --- the spec (lib/spec/ari.json, compiled in as :/qtari/spec/ari.json) -------------------------
struct SpecParam
{
    QString name;
    QString in;   // path | query | body
    QString type; // string int long double boolean containers object List[string] ...
    bool required = false;
    bool allowMultiple = false;
    QStringList allowed;
    std::optional<std::pair<double, double>> range;
    QString defaultValue;
};

struct SpecOperation
{
    QString resource;
    QString nickname;
    QString method;
    QString path; // "/channels/{channelId}" (below /ari)
    QStringList segments;
    QString response;
    QList<SpecParam> params;
    QList<int> errors;
    QStringList newerParams; // parameters only a later Asterisk has (ignored, as Asterisk does)
    QString key() const { return resource + u'.' + nickname; }
};

struct Spec
{
    QJsonObject raw;
    QList<SpecOperation> operations;
    bool load();
    // Returns the operation matching method+path; sets pathParams. methodMismatch = path known.
    const SpecOperation *match(const QString &method, const QStringList &segments,
                               QHash<QString, QString> *pathParams, bool *pathKnown) const;
    QJsonObject resourcesJson(const QString &basePath) const;
    QJsonObject resourceJson(const QString &resource, const QString &basePath) const;

    // Version modes (docs/simulator.md): what lib/spec's `since` leaves out of this version.
    int version = 22;                         // Asterisk major version we behave as
    QSet<QString> newerModels;                // models and event types this version lacks
    QHash<QString, QStringList> newerFields;  // per model: fields this version lacks
    QHash<QString, QHash<QString, QString>> fieldTypes; // per model: field -> type
    static QList<int> versions();             // 18, 20, 22, 23
    bool load(int asteriskVersion);
    QString versionString() const;            // "22.10.1"
    QString apiVersion() const;               // "10.0.0"
    bool hasModel(const QString &name) const { return !newerModels.contains(name); }
    void stripNewerFields(const QString &model, QJsonObject &object, int depth = 0) const;
    void ignoreNewerParams(Request &r) const;
};

// --- HTTP -----------------------------------------------------------------------------------------
// One request as read from a connection. The simulator parses HTTP itself: Asterisk's status lines
// (reason phrases of its own), header spelling and request targets (raw UTF-8, '+' as a space) need
// byte-level control that QtHttpServer does not give.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // as sent, up to the first blank after it (as Asterisk reads it)
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray bodyBytes;
    bool keepAlive = true;
    QByteArray value(const QByteArray &name) const; // a header, name in any case
    QByteArray encodedPath() const { return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?')); }
    QByteArray queryString() const { return target.indexOf('?') < 0 ? QByteArray() : target.mid(target.indexOf('?') + 1); }
    QUrlQuery query() const; // '+' read as a space, like Asterisk
    QByteArray body() const { return bodyBytes; }
};

// Accepts TCP connections, peeks at the request head and routes WebSocket upgrades to the
// QWebSocketServer (after checking credentials and parameters like Asterisk does); everything
// else is read as HTTP requests by SimulatorPrivate::readHttp().
class FrontServer : public QTcpServer
{
public:
    explicit FrontServer(SimulatorPrivate *sim, QObject *parent) : QTcpServer(parent), sim(sim) { }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    SimulatorPrivate *sim;
};

// A simple HTTP reply, written through the responder.
struct Reply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray reason; // the status line's phrase when Asterisk uses one of its own ("Not found")
    static Reply json(int status, const QJsonValue &v);
    static Reply error(int status, const QString &message, const QByteArray &reason = {});
    static Reply empty(int status = 204) { return Reply { status, {}, {}, {}, {} }; }
    static QByteArray standardReason(int status);
};

struct Request
{
    QString method;
    QStringList segments; // below /ari, decoded
    QString path;
    QHash<QString, QString> pathParams;
    QHash<QString, QString> query; // query string merged with JSON body scalars
    QJsonObject body;              // parsed JSON body (if any)
    QJsonValue bodyValue;
    bool bodyInvalid = false;
    bool readOnlyUser = false;
    const SpecOperation *op = nullptr;

    bool has(const QString &name) const { return query.contains(name); }
    QString value(const QString &name, const QString &fallback = {}) const
    {
        return query.value(name, fallback);
    }
    int intValue(const QString &name, int fallback) const;
    bool boolValue(const QString &name, bool fallback) const;
    QJsonObject variables() const; // {"variables": {...}} body
};

struct SimChannel
{
    QString id;
    QString name;
    QString state = QStringLiteral("Down");
    QString callerName, callerNumber, connectedName, connectedNumber;
    QString accountcode;
    QString context = QStringLiteral("default"), exten = QStringLiteral("s");
    int priority = 1;
    QString appName, appData;
    QString creationtime;
    QString language = QStringLiteral("en");
    QString protocolId;
    QString endpoint;       // "PJSIP/1000", "Local/100@ari-test"
    QString stasisApp;      // empty = not in Stasis
    QStringList stasisArgs;
    QStringList watchers;   // apps that follow this channel until it is destroyed
    QString pendingApp;     // app to enter once answered (originate)
    QStringList pendingArgs;
    QString bridgeId;
    QString localPeer;      // the other half of a Local pair
    bool isLocalTwo = false;
    bool wasInStasis = false;  // has entered Stasis at least once
    bool answerWaiting = false; // a Local ;2 in Answer(), waiting for media from ;1
    bool createdOnly = false; // made by POST /channels/create, not dialled yet
    bool dialled = false;
    bool ringing = false;
    bool dying = false;
    bool stasisStatusPending = false; // left Stasis by continue: STASISSTATUS is set at hangup
    bool dialplanPlayback = false;    // running Playback() in the dialplan
    QString lastDeviceState;
    QString dialstring;
    QMap<QString, QString> vars;
    QSet<QString> reportedVars; // set with report_events: carried in snapshots as "channelvars"
    QList<QPointer<QTimer>> timers;
    QJsonObject toJson() const;
};

struct SimBridge
{
    QString id;
    QString technology = QStringLiteral("simple_bridge");
    QString type = QStringLiteral("mixing");
    QString bridgeClass = QStringLiteral("stasis");
    QString creator = QStringLiteral("Stasis");
    QString name;
    QStringList channels;
    QString creationtime;
    QString videoMode = QStringLiteral("talker");
    QString videoSourceId;
    QMap<QString, QString> vars;
    bool moh = false;
    QString announcerName;
    QJsonObject toJson() const;
};

struct SimPlayback
{
    QString id;
    QString mediaUri;
    QStringList mediaList;
    int mediaIndex = 0;
    QString targetUri;
    QString language = QStringLiteral("en");
    QString state = QStringLiteral("queued");
    bool paused = false;
    QPointer<QTimer> timer;
    QJsonObject toJson() const;
};

struct SimRecording
{
    QString name;
    QString format;
    QString state = QStringLiteral("queued");
    QString targetUri;
    QElapsedTimer clock;
    qint64 pausedMs = 0;
    qint64 pausedAt = -1;
    bool muted = false;
    int maxDurationSeconds = 0;
    double timeScale = 1.0;
    QPointer<QTimer> timer;
    QJsonObject toJson(bool finished = false) const;
    int durationSeconds() const;
};

// A channel that StasisBroadcast offers to applications (trace o_broadcast_claim). It stays here
// from the CallBroadcast until the offer times out, or, once claimed, until the winner's Stasis
// session ends: a claim meanwhile answers 409, one after it 404.
struct SimBroadcast
{
    QStringList apps;           // the applications the CallBroadcast went to (CallClaimed goes there)
    QStringList args;           // the winner's StasisStart args
    bool notifyClaimed = false;
    QString winner;             // empty while nobody has claimed it
};

inline constexpr char kAllChannels[] = "__AST_CHANNEL_ALL_TOPIC"; // the "channel:" subscription

struct OutboundLink;

struct SimApp
{
    QString name;
    QPointer<QWebSocket> socket;
    OutboundLink *outbound = nullptr; // registered by an outbound connection (outbound.cpp)
    QList<QByteArray> heldFrames;     // outbound, persistent: what came while its socket was down
    bool subscribeAll = false;
    QStringList channelIds, bridgeIds, endpointIds, deviceNames;
    QJsonArray eventsAllowed, eventsDisallowed;
    // implicit: the channels the application hears of without a subscription (its Stasis, its
    // originations), which Asterisk lists in channel_ids beside the explicit subscriptions
    QJsonObject toJson(const QStringList &implicit = {}) const;
    bool filterAllows(const QString &type) const;
};

// Where one call slot of a realistic flood is (flood.cpp).
struct FloodCursor
{
    int call = 0;       // calls of this slot already sent
    int pos = 0;        // step in the current call's plan
    int pad = 0;        // padding events sent so far (their values count up)
    QList<int> plan;    // steps of the current call (empty: not planned yet)
};

// One step of a realistic flood's call script, pre-serialised for one application name: the JSON
// text cut where the call's number ('S') or the padding counter ('P') goes (flood.cpp).
struct FloodTemplate
{
    QList<QByteArray> pieces; // holes.size() + 1 pieces
    QByteArray holes;
    qsizetype fixedSize = 0;  // bytes of all pieces together
};

struct EventSocket
{
    QPointer<QWebSocket> socket;
    QPointer<QTcpSocket> tcp;
    QStringList apps;
    bool subscribeAll = false;
    bool replaced = false;
    // What a stalled server has not sent yet: sent in order once it resumes (TCP loses nothing)
    QList<QByteArray> held;
    // How it was opened, for REST over the socket: the Authorization header, or else the api_key
    QByteArray authorization;
    QString apiKey;
    // flood
    int floodSent = 0;
    bool floodStarted = false;
    QElapsedTimer floodClock;
    QPointer<QTimer> floodTimer;
    std::vector<FloodCursor> floodCursors; // realistic mix: one per call slot
};

// One outbound WebSocket: a persistent connection, or one per-call session (outbound.cpp).
struct OutboundLink
{
    Simulator::OutboundConnection config;
    QString appName;    // per-call: "<app>:<channel name>"
    QString channelId;  // per-call: the channel it was opened for
    QStringList args;   // per-call: the Stasis arguments
    QPointer<QWebSocket> socket;
    EventSocket *es = nullptr;
    QPointer<QTimer> retry;
    bool open = false;
    bool removed = false;
    int failures = 0;
};

struct EventTargets
{
    QStringList channels;   // channel ids the event is about
    QStringList bridges;
    QStringList endpoints;  // "tech/resource"
    QStringList devices;
    QString onlyApp;        // deliver only to this app (StasisStart/End, user events)
    bool duplicateForAll = false; // bridge playback events: twice under subscribeAll
};

// A replay under way (replay.cpp).
struct ReplayState
{
    QFile file;              // replayFile(): mapped; lines point into the mapping (declared first,
    QByteArray fileBytes;    // so destroyed last), or into fileBytes when it cannot be mapped
    QList<QByteArray> lines;
    qsizetype next = 0;  // next line to look at
    double speed = 1.0;
    qint64 firstMs = -1; // the first event's timestamp (ms since the epoch)
    qint64 sent = 0;
    qint64 skipped = 0;
    QElapsedTimer clock;
    QTimer timer;
    QSet<QString> destroyedChannels; // never brought back by a later snapshot
    QSet<QString> destroyedBridges;
};

class SimulatorPrivate
{
public:
    explicit SimulatorPrivate(Simulator *q);
    ~SimulatorPrivate();

    Simulator *q;
    Spec spec;
    QPointer<FrontServer> front; // a child of q
    std::unique_ptr<QWebSocketServer> wsServer;
    QHostAddress address;
    quint16 port = 0;
    bool listening = false;
    bool refusing = false;
    std::optional<QSslConfiguration> tls;

    struct User { QString password; bool readOnly = false; };
    QHash<QString, User> users;
    QString asteriskId = QStringLiteral("02:fc:00:00:00:01");
    QString systemName = QStringLiteral("qtari-sim");
    QDateTime startupTime = QDateTime::currentDateTimeUtc();
    QDateTime reloadTime = startupTime;

    double timeScale = 1.0;
    int scaled(int ms) const { return ms <= 0 ? ms : qMax(1, int(ms * timeScale)); }

    // fault injection
    int restDelayMs = 0;
    int failCount = 0;
    int failStatus = 500;
    bool stalled = false;

    // state
    QList<EventSocket *> sockets;
    std::map<QString, SimApp> apps;
    QMap<QString, SimChannel> channels; // by id
    QStringList channelOrder;
    QMap<QString, SimBridge> bridges;
    QStringList bridgeOrder;
    QMap<QString, SimBroadcast> broadcasts; // by channel id
    QMap<QString, SimPlayback> playbacks;
    QMap<QString, QList<SimPlayback>> queuedPlaybacks; // more playbacks given an id in use
    QMap<QString, SimRecording> liveRecordings;
    QMap<QString, QString> storedRecordings; // name -> format
    QMap<QString, QString> deviceStates;     // Stasis:x -> state
    struct MailboxState { int oldMessages = 0; int newMessages = 0; };
    QMap<QString, MailboxState> mailboxes;
    QMap<QString, QString> globalVars;
    QMap<QString, QString> logChannels;
    QSet<QString> unloadedModules;
    QMap<QString, QJsonArray> configObjects; // "class/type/id" -> tuples
    QList<std::pair<QString, Simulator::EndpointBehaviour>> endpointBehaviours;
    std::unique_ptr<QTemporaryDir> recordingDir;
    quint64 uniqueCounter = 0;
    quint64 nameCounter = 0;
    qint64 idEpoch = QDateTime::currentSecsSinceEpoch();

    // flood
    int floodEvents = 0;
    int floodChannels = 0;
    int floodDelayMs = 300;
    QList<QByteArray> floodFrames; // per app name? built for app "*" placeholder
    QString floodApp;
    QJsonObject floodInfo;
    QStringList floodChannelIds;
    QByteArray floodSentinel;
    QHash<QString, QJsonObject> floodChannelJson;
    Simulator::FloodMix floodMix = Simulator::FloodMix::Realistic;
    int floodSlots = 0; // realistic mix: calls in parallel
    std::vector<FloodTemplate> floodTemplates; // realistic mix: one per script step, for floodApp

    // traffic
    Simulator::Traffic traffic;
    QTimer trafficTimer;
    int trafficCounter = 0;

    // --- networking (simulator.cpp)
    bool startListening();
    void onIncoming(QTcpSocket *socket);
    void onHead(QTcpSocket *socket);
    void onWebSocket();
    void removeSocket(EventSocket *es);
    void readHttp(QTcpSocket *socket);
    void handleHttp(const HttpRequest &request, QTcpSocket *socket);
    Reply httpReply(const HttpRequest &request);
    void writeReply(QTcpSocket *socket, const Reply &reply, bool keepAlive);
    QByteArray allowedMethods(const QStringList &segments) const; // "OPTIONS,GET,POST"
    enum class AuthResult { Ok, Denied, ReadOnly };
    AuthResult authenticate(const QByteArray &authorization, const QUrlQuery &query);
    void handleWsText(EventSocket *es, const QString &text);
    Reply dispatch(Request &request);
    Reply handleRestRequest(const QString &method, const QString &pathBelowAri,
                            const QUrlQuery &query, const QByteArray &body,
                            const QByteArray &contentType, bool readOnly);

    // --- events
    QString now() const;
    void emitEvent(const QString &type, QJsonObject fields, const EventTargets &targets);
    void sendFrame(EventSocket *es, const QByteArray &frame);
    SimApp *app(const QString &name);
    bool appWants(const SimApp &app, const EventTargets &t) const;
    QJsonObject appJson(const SimApp &app) const;

    // --- state helpers (operations.cpp)
    QString newUniqueId();
    QString nextChannelSuffix();
    SimChannel *channel(const QString &id);
    SimBridge *bridge(const QString &id);
    QJsonObject channelJson(const QString &id) const;
    void channelEvent(const QString &type, const QString &id, QJsonObject extra = {});
    void setChannelState(const QString &id, const QString &state);
    void setDialplan(const QString &id, const QString &app, const QString &data, bool event = true);
    void setVar(const QString &id, const QString &name, const QString &value, bool event = true);
    void enterStasis(const QString &id, const QString &app, const QStringList &args);
    void leaveStasis(const QString &id, bool setStatus = true);
    void subscribeChannel(const QString &app, const QString &id);
    void destroyChannel(const QString &id, int cause, bool fromRest, bool softFirst, bool quiet = false);
    void answerChannel(const QString &id);
    void endAnswerWait(const QString &twoId);
    void deviceStateEvent(const QString &name, const QString &state);
    Reply channelIdError(const QStringList &ids) const;
    Reply originate(Request &r, const QString &channelId);
    Reply createChannel(Request &r);
    QString createChannelRecord(const QString &endpoint, const QString &id, const QString &name);
    void startLocalDialplan(const QString &twoId, const QString &app);
    // StasisBroadcast(timeoutMs, filter, args, notify) on channel id; appData as the dialplan shows it
    void startBroadcast(const QString &id, int timeoutMs, const QString &filter,
                        const QStringList &args, bool notifyClaimed, const QString &appData);
    Reply claimBroadcast(const QString &id, const QString &app);
    // StasisBroadcast returned with STASISSTATUS = status: the dialplan goes on
    void afterBroadcast(const QString &id, const QString &status);
    void dialEndpoint(const QString &id, int timeoutSec);
    void addToBridge(const QString &bridgeId, const QString &channelId);
    void removeFromBridge(const QString &bridgeId, const QString &channelId, bool event = true);
    void destroyBridge(const QString &bridgeId);
    Reply startPlayback(const QString &targetUri, const QString &playbackId, const QString &media,
                        const QString &lang);
    void advancePlayback(const QString &id);
    void finishPlayback(const QString &id, const QString &state);
    void playbackEvent(const QString &type, const SimPlayback &pb);
    Reply startRecording(Request &r, const QString &targetUri);
    void finishRecording(const QString &name, bool keep);
    void recordingEvent(const QString &type, const SimRecording &rec, bool finished = false);
    QString recordingPath(const QString &name, const QString &format) const;
    void writeWav(const QString &path, int seconds);
    QJsonObject endpointJson(const QString &tech, const QString &resource) const;
    QJsonArray soundsJson() const;
    QJsonObject asteriskInfo(const QString &only) const;
    Simulator::EndpointBehaviour behaviourFor(const QString &endpoint) const;
    void later(const QString &channelId, int ms, std::function<void()> fn);
    void trafficTick();

    // --- outbound websockets (outbound.cpp)
    std::vector<std::unique_ptr<OutboundLink>> outbound;
    QList<EventSocket *> retiredSockets; // outbound sockets gone, deleted on the next turn
    void dialOutbound(OutboundLink *link);
    void outboundUp(OutboundLink *link);
    void outboundDown(OutboundLink *link, const QString &reason);
    OutboundLink *perCallConfig(const QString &app) const;
    //! enterStasis() of a per-call application: opens the session; true when it took the call.
    bool startPerCall(const QString &channelId, const QString &app, const QStringList &args);
    void perCallChannelGone(const QString &channelId);
    void holdForOutbound(SimApp &app, const QByteArray &frame);
    void afterTraceStasis(const QString &id, const QString &status, int waitSeconds);

    // --- replay (replay.cpp)
    std::unique_ptr<ReplayState> replaying;
    qint64 lastReplayedEvents = 0;
    void startReplay(std::unique_ptr<ReplayState> state, double speed);
    void pumpReplay();
    void applyReplayedEvent(const QJsonObject &event);
    void upsertReplayedChannel(const QJsonObject &snapshot);
    void upsertReplayedBridge(const QJsonObject &snapshot);

    // --- flood (flood.cpp)
    void buildFlood();
    void startFlood(EventSocket *es);
    void pumpFlood(EventSocket *es);
    bool isFloodChannel(const QString &id) const { return floodChannelJson.contains(id); }
    // A channel or bridge id the realistic flood names (flood-<n>, flood-<n>-out, flood-<n>-out;2,
    // flood-<n>-br): applications.subscribe accepts it, as Asterisk would while the call is up.
    bool isFloodObject(const QString &kind, const QString &id) const;
};

QString ariTimestamp(const QDateTime &t = QDateTime::currentDateTimeUtc());

} // namespace QtAri::Testing
