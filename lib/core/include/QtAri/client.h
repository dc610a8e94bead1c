// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtAri/asterisksystem.h>
#include <QtAri/clientevents.h>
#include <QtAri/error.h>
#include <QtAri/events.h>
#include <QtAri/reconnectpolicy.h>
#include <QtAri/result.h>
#include <QtAri/transport.h>

#include <QtCore/QFuture>
#include <QtCore/QList>
#include <QtCore/QStringList>
#include <QtCore/QUrl>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslConfiguration>

#include <memory>

namespace QtAri {

class ApplicationsApi;
class AsteriskApi;
class BridgesApi;
class ChannelsApi;
class DeviceStatesApi;
class EndpointsApi;
class EventsApi;
class MailboxesApi;
class PlaybacksApi;
class RecordingsApi;
class SoundsApi;
class StoredRecording;
class Mailbox;
class Sound;
class ClientPrivate;

//! \brief A connection to one Asterisk server's ARI: REST operations, the event stream, and the
//! live objects kept current from it.
//!
//! Configure the server, the credentials and the Stasis application names, then call
//! connectToServer(). The returned future finishes once REST answers and the event WebSocket is
//! open (the client is then Connected), or with a typed Error: a wrong password is an Http error
//! with status 401 and Asterisk's message, an unreachable server a Network error, a certificate
//! that does not verify a Network error naming the TLS problem, a server that does not answer
//! a Timeout. It never hangs longer than requestTimeout() per step.
//!
//! Once connected, a lost event socket (server gone, socket dropped, or no pong within the
//! keepalive timeout) makes the client go Reconnecting and retry as reconnectPolicy() says.
//! After every successful (re)connect it lists channels and bridges and reconciles its live
//! objects with them; events that arrive meanwhile are delivered after the listing, in order.
//! A listing the server refuses with 403, 404 or 501 (a module or a right missing) does not fail
//! the connect: it is logged, reported with errorOccurred(), and that kind is left as it is.
//!
//! \section mirror What the live objects and the models hold
//!
//! The live channels and bridges (liveChannels(), liveBridges(), ChannelModel, BridgeModel) are
//! the objects the client hears of, and they are always what the server has:
//! - With subscribeAll: every channel and bridge on the server.
//! - Without (the default): what the applications' subscriptions cover — channels in their Stasis,
//!   channels and bridges the application created or that an event told it of (a bridge its
//!   channel entered, the peer of a Dial), and what it subscribed to with
//!   ApplicationsApi::subscribe(). At a (re)connect the client adopts from the listings only
//!   those: channels in one of its applications' Stasis, what the applications are subscribed
//!   to, and bridges holding such a channel; other programs' calls are not shown.
//!
//! Asterisk tells an application nothing of a bridge it created, of a bridge once its channels
//! have left it, or of a channel that went back to the dialplan, so in the default mode the client
//! subscribes its first application to each channel and bridge it holds (a few batched
//! applications.subscribe requests; Asterisk drops these subscriptions by itself when the objects
//! end). That keeps every held object current until its end, at the price of events for calls
//! that have left the application's Stasis; we chose it over dropping such objects because an
//! application that shows a call should learn when it ends. applications.unsubscribe() of a
//! channel or bridge that the client holds only because of the application's own subscribe()
//! removes it from the mirror again (it still exists, so it does not end).
//!
//! An operation of this client that ends an object (Channel::hangup(), Bridge::destroy(),
//! Playback::stop(), LiveRecording::stop()/cancel(), the mailbox, device state and stored
//! recording deletes, through the live objects or the resource APIs) has ended the live object
//! by the time its future finishes — also when Asterisk sends no terminal event. When the event
//! does come (normally within milliseconds) its data wins (the hangup cause, for instance); the
//! future waits for it at most a second. A 404 from such an operation, or from a get of the object,
//! means the server no longer has it: the live object ends the same way. Nothing fires twice.
//!
//! Credentials go only into an Authorization header (REST and WebSocket), never into a URL or a
//! log line; user info or an api_key in the URL given to setUrl() is taken as the credentials and
//! removed from it.
//!
//! Operations: one API object per ARI resource (channels(), bridges() …) whose calls return
//! QFuture<Result<T>>; every such future finishes, with a value or an Error. When the client
//! disconnects, pending calls fail with NotConnected; when it is destroyed, with Aborted.
//!
//! Events: every decoded event is emitted as eventReceived(), and as the typed signal of
//! ClientEvents (stasisStarted(), channelDtmfReceived() …) and of each live object it names.
//! Frames that are not JSON objects, or events whose fields have the wrong types, are logged on
//! "qtari.events" and reported with errorOccurred() (kind InvalidResponse); unknown event types
//! are delivered through eventReceived() with a warning.
//!
//! \code
//! auto *client = new QtAri::Client(this);
//! client->setUrl(QUrl(u"http://pbx.example.com:8088"_s));
//! client->setCredentials(u"asterisk"_s, password);
//! client->setApplicationNames({u"ivr"_s});
//! connect(client, &QtAri::Client::stasisStarted, this, [](QtAri::Channel *channel) {
//!     channel->answer();
//! });
//! QtAri::onFinished(client->connectToServer(), this, [](const QtAri::Result<void> &r) {
//!     if (!r)
//!         qWarning() << "could not connect:" << r.error();
//! });
//! \endcode
class QTARI_EXPORT Client : public ClientEvents
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged FINAL)
    Q_PROPERTY(QUrl url READ url WRITE setUrl FINAL)
    Q_PROPERTY(QString user READ user FINAL)
    Q_PROPERTY(QStringList applicationNames READ applicationNames WRITE setApplicationNames FINAL)
    Q_PROPERTY(bool subscribeAll READ subscribeAll WRITE setSubscribeAll FINAL)
    Q_PROPERTY(QtAri::Client::RestTransport restTransport READ restTransport WRITE setRestTransport FINAL)
    Q_PROPERTY(int requestTimeout READ requestTimeout WRITE setRequestTimeout FINAL)
    Q_PROPERTY(QtAri::ReconnectPolicy reconnectPolicy READ reconnectPolicy WRITE setReconnectPolicy FINAL)
public:
    enum class State {
        Disconnected, //!< not connected and not trying to
        Connecting,   //!< connectToServer() is under way
        Connected,    //!< REST answers and the event socket is open
        Reconnecting, //!< the connection was lost; waiting for or making a reconnect attempt
    };
    Q_ENUM(State)

    //! How REST requests travel (see setRestTransport()).
    enum class RestTransport {
        Auto,      //!< over the event socket when the server has it and it is open, else HTTP
        Http,      //!< always HTTP, as with every Asterisk before 20.14 / 22.4
        WebSocket, //!< over the event socket; NotConnected while it is closed
    };
    Q_ENUM(RestTransport)

    explicit Client(QObject *parent = nullptr); //!< A disconnected client; set the URL, credentials and applications, then connectToServer().
    //! Fails pending futures with Aborted and deletes every live object.
    ~Client() override;

    State state() const; //!< The connection state.

    //! The server: "http://host:8088" or "https://host:8089", with a path prefix if http.conf sets
    //! one ("http://host:8088/asterisk"). Settings take effect on the next connection attempt.
    void setUrl(const QUrl &url);
    QUrl url() const; //!< See setUrl().

    //! ARI user and password (ari.conf), sent as a Basic Authorization header.
    void setCredentials(const QString &user, const QString &password);
    QString user() const; //!< See setCredentials().

    //! The Stasis applications this client registers (at least one is needed to connect).
    void setApplicationNames(const QStringList &names);
    QStringList applicationNames() const; //!< See setApplicationNames().

    //! Receive all events of the server, not only those of the applications' resources; the
    //! live objects and models then hold every channel and bridge of the server (see the class
    //! description for what they hold without). Default false.
    void setSubscribeAll(bool subscribeAll);
    bool subscribeAll() const; //!< See setSubscribeAll().

    //! How the API objects' requests reach Asterisk. Asterisk 20.14, 22.4 and later take REST
    //! requests as RESTRequest frames on the event socket and answer on it, which saves an HTTP
    //! connection and keeps answers in order with the events around them.
    //! - Auto (default): over the socket when the server's version (from its Server header) has
    //!   it and the socket is open; HTTP for older servers, while the socket is down, and for what
    //!   the socket cannot carry (a stored recording's file).
    //! - Http: always HTTP.
    //! - WebSocket: always the socket (the file download still uses HTTP); a request made while
    //!   the socket is closed fails with NotConnected.
    //! If the socket closes with requests unanswered, each GET is sent again over HTTP and every
    //! other request fails with Network: it may or may not have been carried out. Credentials are
    //! sent only in the socket's handshake, never inside a request frame. Takes effect at once.
    void setRestTransport(RestTransport transport);
    RestTransport restTransport() const; //!< See setRestTransport().

    //! TLS for https URLs; by default the system's CAs and full peer verification.
    void setSslConfiguration(const QSslConfiguration &configuration);
    QSslConfiguration sslConfiguration() const; //!< See setSslConfiguration().
    //! Extra certificate authorities trusted on top of sslConfiguration()'s.
    void addCaCertificates(const QList<QSslCertificate> &certificates);
    //! Explicit opt-out of certificate verification (for test servers only). Default true.
    void setVerifyPeer(bool verify);
    bool verifyPeer() const; //!< See setVerifyPeer().

    //! Milliseconds a REST request or the WebSocket handshake may go without progress before it
    //! fails with Timeout. Default 10 000.
    void setRequestTimeout(int ms);
    int requestTimeout() const; //!< See setRequestTimeout().

    void setReconnectPolicy(const ReconnectPolicy &policy); //!< How lost connections are retried (from the next loss on).
    ReconnectPolicy reconnectPolicy() const; //!< See setReconnectPolicy().

    //! Ping the server every \a pingIntervalMs; a pong missing for \a pongTimeoutMs marks the
    //! socket dead and starts a reconnect. 0 disables. Defaults 15 000 and 10 000.
    void setKeepalive(int pingIntervalMs, int pongTimeoutMs);
    int pingInterval() const; //!< See setKeepalive().
    int pongTimeout() const; //!< See setKeepalive().

    //! Connects (see the class description). Finishes at once if already Connected; while
    //! Connecting or Reconnecting it finishes with that attempt.
    QFuture<Result<void>> connectToServer();
    //! Closes the event socket, stops reconnecting, fails pending calls with NotConnected and
    //! removes every live object (their removal signals fire). Emits disconnected() if the client
    //! was Connected or Reconnecting.
    void disconnectFromServer();

    //! The HTTP transport (an HttpTransport, owned by the client), for its settings. The API
    //! objects send through the client, which looks at every answer for the mirror; a Request
    //! sent on this transport directly bypasses that.
    Transport *transport() const;

    //! \brief Sends a Request built elsewhere (an operation's static xRequest() builder, a
    //! request composer, a logged request sent again) the way the API objects send theirs.
    //!
    //! It takes the REST transport restTransport() chooses (HTTP or the event socket), the mirror
    //! looks at the answer as it does for the API objects' calls (a DELETE of a channel ends the
    //! live Channel before the future finishes), and requestFinished() reports it, not marked
    //! internal. Any HTTP answer, 4xx and 5xx included, is a Response; the future fails only with a
    //! transport-level Error (Network, Timeout, NotConnected, Aborted) or with Unsupported when
    //! \a request needs a newer Asterisk than the server's (Request::since). It always finishes.
    QFuture<Result<Response>> send(const Request &request);

    //! \name Resource APIs (owned by the client; ids passed explicitly)
    //! @{
    ChannelsApi *channels() const; //!< /channels operations.
    BridgesApi *bridges() const; //!< /bridges operations.
    PlaybacksApi *playbacks() const; //!< /playbacks operations.
    RecordingsApi *recordings() const; //!< /recordings operations.
    EndpointsApi *endpoints() const; //!< /endpoints operations.
    DeviceStatesApi *deviceStates() const; //!< /deviceStates operations.
    MailboxesApi *mailboxes() const; //!< /mailboxes operations.
    SoundsApi *sounds() const; //!< /sounds operations.
    ApplicationsApi *applications() const; //!< /applications operations.
    AsteriskApi *asterisk() const; //!< /asterisk operations.
    EventsApi *events() const; //!< /events operations.
    //! @}

    //! \name Live objects (owned by the client; nullptr when the id is unknown)
    //! @{
    Channel *channel(const QString &id) const;
    Bridge *bridge(const QString &id) const;
    Playback *playback(const QString &id) const;
    LiveRecording *liveRecording(const QString &name) const;
    StoredRecording *storedRecording(const QString &name) const;
    Endpoint *endpoint(const QString &technology, const QString &resource) const;
    DeviceState *deviceState(const QString &name) const;
    Mailbox *mailbox(const QString &name) const;
    //! Reads mailbox \a name (GET /mailboxes/{name}) and gives it as a live Mailbox, made now if
    //! the client does not hold it yet. Asterisk sends no events about mailboxes: the object
    //! follows this client's own update(), get() and deleteMailbox() (and the resource API's
    //! mailboxes() calls for that name), not changes made by others. 404 fails with Http.
    QFuture<Result<Mailbox *>> fetchMailbox(const QString &name);
    Sound *sound(const QString &id) const;
    Application *application(const QString &name) const;
    QList<Channel *> liveChannels() const;
    QList<Bridge *> liveBridges() const;
    QList<Playback *> livePlaybacks() const;
    QList<LiveRecording *> liveRecordings() const;
    //! The Asterisk server as seen through events; lives as long as the client.
    AsteriskSystem *asteriskSystem() const;
    //! @}

    //! \name Objects with a client-side id, to wire before the operation that creates them
    //! (originate(), create(), play(), record()) uses that id. Owned by the client.
    //! @{
    Channel *newChannel(); //!< A channel with a new client-side id, to wire before originate().
    Bridge *newBridge(); //!< A bridge with a new client-side id, to wire before create().
    Playback *newPlayback(); //!< A playback with a new client-side id, to pass to play().
    LiveRecording *newLiveRecording(); //!< A live recording with a new client-side name, to pass to record().
    //! @}

Q_SIGNALS:
    void stateChanged(QtAri::Client::State state); //!< Emitted when state changes (NOTIFY of the property).
    //! The client became Connected (after connectToServer() or a reconnect, after the resync).
    void connected();
    //! The client left Connected/Reconnecting for Disconnected (disconnectFromServer() or the
    //! reconnect policy gave up).
    void disconnected();
    //! Reconnect attempt \a attempt (from 1) starts in \a delayMs milliseconds.
    void reconnecting(int attempt, int delayMs);
    //! Something went wrong that no future reports: the socket was lost, a reconnect attempt or
    //! the initial connect failed, an event frame could not be decoded.
    void errorOccurred(const QtAri::Error &error);
    //! Every event, decoded or (for unknown types) raw.
    void eventReceived(const QtAri::Event &event);
    //! A REST request finished: every request the client sends, its own included (see
    //! Exchange). Emitted before the request's future finishes. Costs nothing while nothing is
    //! connected.
    void requestFinished(const QtAri::Exchange &exchange);

private:
    friend class OutboundServerPrivate; // attaches the sockets Asterisk opens to us
    std::unique_ptr<ClientPrivate> d;
    Q_DECLARE_PRIVATE_D(d, Client)
};

} // namespace QtAri
