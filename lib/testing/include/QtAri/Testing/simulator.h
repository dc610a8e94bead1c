// QtAri::Testing::Simulator — an ARI server in a QObject, for tests, demos and benchmarks.
#pragma once

#include <QtAri/Testing/qtaritesting_export.h>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QMap>
#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QUrl>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QSslConfiguration>
#include <QtWebSockets/QWebSocketProtocol>

#include <memory>

namespace QtAri::Testing {

class SimulatorPrivate;

//! \brief A simulated Asterisk (ARI 10, Asterisk 22) serving REST and the events WebSocket.
//!
//! Listens on 127.0.0.1 by default. Default user asterisk/asterisk (read-write). State changes made
//! through the scripting API emit the events Asterisk would on every subscribed event socket.
class QTARITESTING_EXPORT Simulator : public QObject
{
    Q_OBJECT
public:
    //! How a simulated (non-Local) endpoint behaves when a channel dials it.
    struct EndpointBehaviour
    {
        int answerAfterMs = 0;      //!< ring this long, then answer (ignored when busy/noAnswer)
        bool busy = false;          //!< hang up at once with cause 17 (User busy)
        bool noAnswer = false;      //!< keep ringing until hung up or the originate timeout
        QString dtmf;               //!< digits the far end sends once answered
        int hangupAfterMs = -1;     //!< far end hangs up this long after answering (-1 = never)
    };

    //! Scripted traffic (also `ari-sim --traffic calls=5/s,duration=20s,dtmf=1,bridge=1,play=1`).
    struct Traffic
    {
        double callsPerSecond = 1.0; //!< New calls per second.
        int meanDurationMs = 20000; //!< Average call length.
        QString app = QStringLiteral("demo"); //!< The Stasis application the calls enter.
        bool dtmf = true; //!< Whether callers send DTMF.
        bool bridging = true; //!< Whether calls get bridged in pairs.
        bool playbacks = true; //!< Whether calls get playbacks.
    };

    explicit Simulator(QObject *parent = nullptr); //!< A stopped simulator; start() makes it listen.
    ~Simulator() override;

    //! Starts listening; false (and a qWarning) when the port cannot be bound.
    bool start(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    //! Serve HTTPS/WSS with \a config (local certificate and private key) from the next start().
    //! url() then starts with "https".
    void setTlsConfiguration(const QSslConfiguration &config);
    void stop(); //!< Stops listening and closes every connection.
    bool isListening() const; //!< Whether start() succeeded and stop() was not called.
    //! "http://127.0.0.1:<port>" (no /ari suffix).
    QUrl url() const;
    quint16 port() const; //!< The ARI port (0 when not listening).

    //! Adds (or replaces) an ARI user. asterisk/asterisk exists by default.
    void addUser(const QString &user, const QString &password, bool readOnly = false);
    void setAsteriskId(const QString &id); //!< The asterisk_id sent in events and /asterisk/info.
    QString asteriskId() const; //!< See setAsteriskId().

    // --- scripted state (each emits the events Asterisk would) ---------------------------------
    //! An incoming call entering Stasis in \a app: ChannelCreated .. StasisStart. Returns its id.
    QString startCall(const QString &app, const QStringList &args = {}, const QString &channelId = {});
    //! The far end hangs up: ChannelHangupRequest, StasisEnd, ChannelDestroyed.
    void hangupChannel(const QString &channelId, int cause = 16);
    //! The far end sends DTMF: one ChannelDtmfReceived per digit.
    void sendDtmf(const QString &channelId, const QString &digits);
    //! Behaviour of endpoints whose "tech/resource" starts with \a endpointPrefix.
    void setEndpointBehaviour(const QString &endpointPrefix, const EndpointBehaviour &behaviour);
    //! Current state as ARI JSON (what GET /ari/channels and /ari/bridges return).
    QJsonArray channels() const;
    QJsonArray bridges() const; //!< Current bridges as ARI JSON (what GET /ari/bridges returns).
    //! Sends \a event to every socket whose apps match (fills application/timestamp/asterisk_id).
    void pushEvent(const QJsonObject &event);

    // --- outbound WebSockets (Asterisk 20.15 / 22.5 and later) -------------------------------------
    //! An ari.conf `type=outbound_websocket` section with its websocket_client.conf connection:
    //! the simulator dials the application instead of waiting for it (trace n).
    struct OutboundConnection
    {
        QUrl uri;                  //!< Where the application listens (ws:// or wss://).
        QStringList apps;          //!< The applications it carries (ari.conf `apps`).
        bool perCall = false;      //!< `connection_type = per_call_config`, else persistent.
        QString user;              //!< websocket_client.conf `username` (Basic), empty: none.
        QString password;          //!< websocket_client.conf `password`.
        QString protocol = QStringLiteral("ari"); //!< The subprotocol offered.
        int reconnectIntervalMs = 1000; //!< Between attempts (scaled by setTimeScale()).
        //! Per-call: attempts before the call goes back to the dialplan with STASISSTATUS FAILED.
        int reconnectAttempts = 4;
        bool subscribeAll = false; //!< ari.conf `subscribe_all`.
        QString localUser = QStringLiteral("asterisk"); //!< Whose rights REST over it has.
        //! TLS for a wss:// uri (the CAs that the application's certificate is checked against).
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    };
    //! Starts \a connection. Persistent: its applications are registered at once and stay
    //! registered while the socket is down; the simulator connects at once, again at once after a
    //! close and then every reconnectIntervalMs while refused, forever, and sends the events held
    //! meanwhile on the new socket before ApplicationRegistered. Per-call: each channel entering
    //! Stasis of one of its applications opens its own socket for `<app>:<channel name>`, which
    //! closes (1000) when the channel is gone.
    void addOutboundConnection(const OutboundConnection &connection);
    //! Removes every outbound connection as a config reload does: ApplicationUnregistered, then
    //! close 1000, no reconnects.
    void removeOutboundConnections();
    int outboundSocketCount() const; //!< Outbound sockets open now.

    // --- fault injection ------------------------------------------------------------------------
    //! Sends \a frame as one text frame, as is, to every event socket.
    void sendRawFrame(const QByteArray &frame);
    //! Closes every event socket with \a code (CloseCodeAbnormalDisconnection aborts the TCP link).
    void dropWebSockets(QWebSocketProtocol::CloseCode code
                        = QWebSocketProtocol::CloseCodeAbnormalDisconnection);
    //! Keeps event sockets open but sends nothing and answers no pings while \a stalled. What
    //! they would have sent meanwhile is sent, in order, when the stall ends to the sockets still
    //! open (a paused server over TCP loses nothing); a client that gave up hears none of it.
    void setWebSocketsStalled(bool stalled);
    //! Stops listening (new connections are refused) / listens again on the same port. Open
    //! connections stay; use dropWebSockets() to cut event sockets too.
    void setRefuseConnections(bool refuse);
    //! Delays every REST reply by \a ms.
    void setRestDelay(int ms);
    //! The next \a count REST replies fail with \a status.
    void failRestRequests(int count, int status = 500);
    int webSocketCount() const; //!< Number of open event WebSockets.

    // --- load -----------------------------------------------------------------------------------
    //! The events of a flood (docs/benchmarks.md, "The flood").
    enum class FloodMix {
        //! Calls with lifecycles, derived from the recorded traces: each call's channels enter
        //! Stasis, answer, play, take DTMF, dial, bridge and hang up; ended ids never come back and
        //! new ids appear. At most \a channels channels are live at once.
        Realistic,
        //! The first mix: \a channels channels that all live through the whole flood, a fixed
        //! cycle of twelve channel events between StasisStart and ChannelDestroyed.
        Simple,
    };
    //! Flood mode (../shared/BENCH-PROTOCOL.md): every new event socket receives \a events
    //! pre-serialised events over \a channels channel ids, then the BenchDone sentinel.
    //! events = 0 turns flood mode off.
    void setFlood(int events, int channels = 1000, int startDelayMs = 300,
                  FloodMix mix = FloodMix::Realistic);
    //! Starts (or with callsPerSecond <= 0 stops) scripted traffic.
    void setTraffic(const Traffic &traffic);
    //! Speeds up (< 1) or slows down (> 1) simulated time: ringing, dialplan waits, playback and
    //! recording durations. Reported durations stay in simulated seconds. Default 1.
    void setTimeScale(double factor);

    // --- control API, scripts, version modes (docs/simulator.md) ---------------------------------
    //! An incoming call for startIncomingCall(): into a Stasis app, or into the dialplan.
    struct IncomingCall
    {
        QString app;          //!< Stasis application (with extension: the app Stasis() names)
        QStringList args;     //!< StasisStart args
        QString channelId;    //!< empty = generated
        QString endpoint;     //!< "tech/resource" of the caller, e.g. "PJSIP/alice" (default PJSIP/\<n>)
        QString callerName;   //!< caller id (default "Caller <number>")
        QString callerNumber; //!< default: the endpoint's resource
        QString context;      //!< with extension: where the call enters the dialplan (default "default")
        QString extension;    //!< non-empty: run this extension (the recorded ones; others Stasis(app,EXTEN))
        QMap<QString, QString> variables; //!< channel variables set before Stasis (ChannelVarset each)
    };
    //! ChannelCreated, then StasisStart in call.app or the dialplan of call.extension. Returns the
    //! channel id, or empty (id in use, endpoint without '/', neither app nor extension).
    QString startIncomingCall(const IncomingCall &call);
    //! A call offered to applications by StasisBroadcast, for startBroadcast().
    struct Broadcast
    {
        //! Regular expression on application names: only the matching connected applications get
        //! the CallBroadcast. Empty: every connected application.
        QString appFilter;
        int timeoutMs = 500; //!< how long the offer stands (StasisBroadcast's default, 500 ms)
        QStringList args; //!< the winner's StasisStart args
        bool notifyClaimed = false; //!< CallClaimed to every application that got the CallBroadcast
        QString channelId; //!< empty = generated
        QString endpoint; //!< "tech/resource" of the caller (default PJSIP/\<n>)
        QString callerName; //!< caller id name (default "Caller <number>")
        QString callerNumber; //!< the CallBroadcast's "caller" (default: the endpoint's resource)
        QString called = QStringLiteral("s"); //!< the extension dialled: the CallBroadcast's "called"
    };
    //! An incoming call that runs StasisBroadcast (trace o_broadcast_claim): ChannelCreated, then a
    //! CallBroadcast to each matching connected application. The first POST /events/claim wins
    //! (CallClaimed when notifyClaimed, then the winner's StasisStart); later claims get 409 while
    //! the winner's Stasis session lasts. Unclaimed after timeoutMs, or once the winner's session
    //! ends, the call hangs up (cause 16). Returns the channel id, or empty (id in use, endpoint
    //! without '/').
    QString startBroadcast(const Broadcast &broadcast);
    //! The far end answers a channel that is not up yet: ChannelStateChange, Dial ANSWER when it
    //! was dialled, StasisStart of the originate's app. False for an unknown or answered channel.
    bool answerChannel(const QString &channelId);
    //! Sets device \a name to \a state (DeviceStateChanged when it changes), for any device name.
    void setDeviceState(const QString &name, const QString &state);
    //! Sets mailbox \a name as PUT /ari/mailboxes does (DeviceStateChanged on MWI:\<name>).
    void setMailbox(const QString &name, int oldMessages, int newMessages);
    //! Everything held, as ARI JSON: channels, bridges, applications (with subscriptions),
    //! playbacks, liveRecordings, storedRecordings, deviceStates, mailboxes, plus version and faults.
    QJsonObject state() const;
    //! Ends every call, bridge, playback and recording (with their events) and forgets stored
    //! recordings, device states, mailboxes, global variables, subscriptions, traffic and fault
    //! injection. Users, endpoint behaviours, the version and connected sockets stay.
    void reset();
    //! Behave as Asterisk \a major (18, 20, 22 or 23; default 22): what lib/spec's `since` leaves
    //! out is absent (routes 404, parameters ignored, events and fields never sent). False if unknown.
    bool setAsteriskVersion(int major);
    int asteriskVersion() const; //!< The Asterisk major version simulated (see setAsteriskVersion()).
    //! The version /ari/asterisk/info reports, e.g. "22.10.1".
    QString asteriskVersionString() const;
    //! Serves the control API (docs/simulator.md) on its own port; with a non-empty \a token every
    //! request needs "Authorization: Bearer <token>". False when the port cannot be bound.
    bool startControl(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0,
                      const QString &token = {});
    //! "http://127.0.0.1:<port>" of the control API (empty before startControl()).
    QUrl controlUrl() const;
    //! Plays \a script (JSON lines of control requests with delays, docs/simulator.md) in the
    //! background; scriptFinished() tells the end. False (and \a error) when a line cannot be parsed.
    bool playScript(const QByteArray &script, QString *error = nullptr);

    // --- replaying a recording (docs/simulator.md, "Replaying a recording") ---------------------
    //! Replays \a lines (JSON lines in the recorded traces' format, as written by the Inspector's
    //! recorder or found in tests/data/traces): each event frame goes, byte for byte, to the event
    //! sockets of the application it names (every socket when it names none), keeping the
    //! original spacing of the timestamps divided by \a speed (0: as fast as possible, in chunks
    //! between event-loop turns). RESTRequest, RESTResponse and QtAriRecording lines are skipped;
    //! a line that is not a JSON object is skipped with a warning on "qtari.sim". The snapshots
    //! in the events update the simulator's state as they are sent, so GET /channels and
    //! /bridges answer with what has been replayed so far: channels appear with their first
    //! snapshot (ChannelCreated, StasisStart …), follow later ones and go with ChannelDestroyed;
    //! bridges likewise (BridgeDestroyed). A replay under way is replaced. replayFinished() tells
    //! the end.
    void replay(const QList<QByteArray> &lines, double speed = 1.0);
    //! Reads \a fileName and replays its lines (see above); false (and \a error) when it cannot
    //! be read.
    bool replayFile(const QString &fileName, double speed = 1.0, QString *error = nullptr);
    void stopReplay(); //!< Stops a replay under way (replayFinished() is not emitted).
    bool isReplaying() const; //!< Whether a replay is under way.
    qint64 replayedEvents() const; //!< Event frames the current or last replay has sent.

Q_SIGNALS:
    //! A script ended: \a exitCode is -1 after its last line, the code of an "exit" line, or 1 when
    //! a step's status differed from its "expect".
    void scriptFinished(int exitCode);
    void requestReceived(const QString &method, const QString &path); //!< An ARI request arrived (\a path below /ari).
    //! A RESTRequest frame arrived on an event socket (REST over the WebSocket), as parsed; it is
    //! also reported by requestReceived() once it names a method and a uri.
    void restFrameReceived(const QJsonObject &frame);
    void webSocketConnected(const QStringList &apps); //!< An event WebSocket opened for \a apps.
    void webSocketDisconnected(); //!< An event WebSocket closed.
    //! An outbound connection attempt to \a uri failed (refused, 401, timeout): \a reason.
    void outboundAttemptFailed(const QUrl &uri, const QString &reason);
    //! A flood finished sending on one socket: events sent and the rate achieved.
    void floodFinished(int events, double eventsPerSecond);
    //! A replay sent its last frame: \a events event frames, \a skipped lines left out.
    void replayFinished(qint64 events, qint64 skipped);

private:
    friend class SimulatorPrivate;
    std::unique_ptr<SimulatorPrivate> d;
};

} // namespace QtAri::Testing
