// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QUrl>
#include <QtQml/QJSValue>
#include <QtQml/QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

namespace QtAri {
class Bridge;
class Channel;
class ChannelInfo;
class Client;
class DeviceState;
class Endpoint;
class Error;
class LiveRecording;
class Mailbox;
class Playback;
} // namespace QtAri

namespace QtAri::Qml {

class Promises;
class QmlBridge;
class QmlChannel;
class QmlDeviceState;
class QmlEndpoint;
class QmlLiveObject;
class QmlLiveRecording;
class QmlMailbox;
class QmlPlayback;

//! \brief `AriClient`: a QtAri::Client for QML.
//!
//! \qml
//! AriClient {
//!     id: ari
//!     url: "http://pbx:8088"; user: "asterisk"; password: secret
//!     applications: ["ivr"]
//!     onStasisStarted: (channel, args) => channel.answer()
//!     onErrorOccurred: (error) => console.warn(error.kind, error.status, error.message)
//!     Component.onCompleted: connect().catch(e => console.warn(e.message))
//! }
//! \endqml
//! Every operation returns a Promise (see Promises); the live objects it hands out are the QML
//! Channel, Bridge, Playback and LiveRecording types, one per ARI id.
class QmlClient : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_MOC_INCLUDE("qmlobjects_p.h")
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(AriClient)
    Q_PROPERTY(QUrl url READ url WRITE setUrl NOTIFY urlChanged FINAL)
    Q_PROPERTY(QString user READ user WRITE setUser NOTIFY userChanged FINAL)
    //! Write-only: reads back as an empty string.
    Q_PROPERTY(QString password READ password WRITE setPassword NOTIFY passwordChanged FINAL)
    Q_PROPERTY(QStringList applications READ applications WRITE setApplications NOTIFY applicationsChanged FINAL)
    Q_PROPERTY(bool subscribeAll READ subscribeAll WRITE setSubscribeAll NOTIFY subscribeAllChanged FINAL)
    Q_PROPERTY(int requestTimeout READ requestTimeout WRITE setRequestTimeout NOTIFY requestTimeoutChanged FINAL)
    Q_PROPERTY(State state READ state NOTIFY stateChanged FINAL)
    //! The last error reported by errorOccurred() or a failed connect(), as one line; empty
    //! again once connected.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged FINAL)
    //! Promises not settled yet.
    Q_PROPERTY(int pendingOperations READ pendingOperations NOTIFY pendingOperationsChanged FINAL)
public:
    enum State { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    explicit QmlClient(QObject *parent = nullptr);
    ~QmlClient() override;

    QUrl url() const;
    void setUrl(const QUrl &url);
    QString user() const;
    void setUser(const QString &user);
    QString password() const { return QString(); }
    void setPassword(const QString &password);
    QStringList applications() const;
    void setApplications(const QStringList &applications);
    bool subscribeAll() const;
    void setSubscribeAll(bool subscribeAll);
    int requestTimeout() const;
    void setRequestTimeout(int ms);
    State state() const;
    QString errorString() const { return m_errorString; }
    int pendingOperations() const;

    //! Connects; resolves when Connected, rejects with the error.
    Q_INVOKABLE QJSValue connect();
    Q_INVOKABLE void disconnect();
    //! The live channel / bridge with that id, or null.
    Q_INVOKABLE QtAri::Qml::QmlChannel *channel(const QString &id);
    Q_INVOKABLE QtAri::Qml::QmlBridge *bridge(const QString &id);
    //! Objects with a client-side id, to wire before originate() / create().
    Q_INVOKABLE QtAri::Qml::QmlChannel *newChannel();
    Q_INVOKABLE QtAri::Qml::QmlBridge *newBridge();
    //! newChannel().originate(endpoint, options): resolves with the Channel.
    Q_INVOKABLE QJSValue originate(const QString &endpoint, const QJSValue &options = QJSValue());
    //! newBridge().create(options): resolves with the Bridge.
    Q_INVOKABLE QJSValue createBridge(const QJSValue &options = QJSValue());

    //! The live endpoint / device state the client holds (from events or earlier reads), or null.
    Q_INVOKABLE QtAri::Qml::QmlEndpoint *endpoint(const QString &technology, const QString &resource);
    Q_INVOKABLE QtAri::Qml::QmlDeviceState *deviceState(const QString &name);
    //! The live mailbox if fetchMailbox() read it before, or null.
    Q_INVOKABLE QtAri::Qml::QmlMailbox *mailbox(const QString &name);
    //! Reads mailbox \a name; resolves with the live Mailbox (404 rejects with Http).
    Q_INVOKABLE QJSValue fetchMailbox(const QString &name);
    //! Sets device state \a name ("Stasis:…" devices only) to Asterisk's state text.
    Q_INVOKABLE QJSValue updateDeviceState(const QString &name, const QString &state);
    //! Creates or changes mailbox \a name.
    Q_INVOKABLE QJSValue updateMailbox(const QString &name, int oldMessages, int newMessages);

    // The resource APIs: lists resolve with arrays; an element is the live object when the
    // client holds one for it (Channel, Bridge, Endpoint, DeviceState, Mailbox), else the
    // info's JSON as a plain object.
    Q_INVOKABLE QJSValue listChannels();
    Q_INVOKABLE QJSValue listBridges();
    Q_INVOKABLE QJSValue listEndpoints();
    Q_INVOKABLE QJSValue listDeviceStates();
    Q_INVOKABLE QJSValue listMailboxes();
    //! Options: lang, format. Plain objects {id, text, formats: [{language, format}]}.
    Q_INVOKABLE QJSValue listSounds(const QJSValue &options = QJSValue());
    //! Plain objects {name, format}.
    Q_INVOKABLE QJSValue listStoredRecordings();
    //! Plain objects {name, channel_ids, bridge_ids, endpoint_ids, device_names, events_allowed …}.
    Q_INVOKABLE QJSValue listApplications();
    //! GET /asterisk/info: {build, system, config, status} as a plain object.
    Q_INVOKABLE QJSValue asteriskInfo();
    //! Subscribes application \a app to \a sources ("channel:ID", "bridge:ID",
    //! "endpoint:TECH/RES", "deviceState:NAME" …, a string or an array); resolves with the
    //! application as a plain object.
    Q_INVOKABLE QJSValue subscribe(const QString &app, const QJSValue &sources);
    Q_INVOKABLE QJSValue unsubscribe(const QString &app, const QJSValue &sources);
    //! A user event \a name to application \a app. Options: source (an event source or an
    //! array of them), variables (an object).
    Q_INVOKABLE QJSValue userEvent(const QString &name, const QString &app,
                                   const QJSValue &options = QJSValue());
    //! A channel to \a endpoint that is not dialled yet (Channel.dial() dials it), in
    //! application \a app. Options: appArgs, channelId, otherChannelId, originator, formats,
    //! variables. Resolves with the Channel (or its JSON if the client does not follow it).
    Q_INVOKABLE QJSValue createChannel(const QString &endpoint, const QString &app,
                                       const QJSValue &options = QJSValue());
    //! A channel for external media (RTP/AudioSocket/WebSocket) into application \a app.
    //! Options: channelId, variables, externalHost, encapsulation, transport, connectionType,
    //! direction, data, transportData. Resolves with the Channel (or its JSON if the client
    //! does not follow it).
    Q_INVOKABLE QJSValue externalMedia(const QString &app, const QString &format,
                                       const QJSValue &options = QJSValue());

    // C++ side, for the other QML types.
    Client *core() const { return m_client; }
    Promises *promises() const { return m_promises; }
    QmlChannel *wrap(Channel *channel);
    QmlBridge *wrap(Bridge *bridge);
    QmlPlayback *wrap(Playback *playback);
    QmlLiveRecording *wrap(LiveRecording *recording);
    QmlEndpoint *wrap(Endpoint *endpoint);
    QmlDeviceState *wrap(DeviceState *deviceState);
    QmlMailbox *wrap(Mailbox *mailbox);
    //! Called by a live object whose core object went away.
    void release(QmlLiveObject *object, QObject *core);

    void classBegin() override;
    void componentComplete() override;

Q_SIGNALS:
    void urlChanged();
    void userChanged();
    void passwordChanged();
    void applicationsChanged();
    void subscribeAllChanged();
    void requestTimeoutChanged();
    void stateChanged(QtAri::Qml::QmlClient::State state);
    void errorStringChanged();
    void pendingOperationsChanged();
    void connected();
    void disconnected();
    //! {kind, status, message, operation}, as a rejected promise carries.
    void errorOccurred(const QJSValue &error);
    void stasisStarted(QtAri::Qml::QmlChannel *channel, const QStringList &args);
    void stasisEnded(QtAri::Qml::QmlChannel *channel);
    void channelAdded(QtAri::Qml::QmlChannel *channel);
    void bridgeAdded(QtAri::Qml::QmlBridge *bridge);
    //! DeviceStateChanged (for the device states this client's applications see).
    void deviceStateChanged(QtAri::Qml::QmlDeviceState *deviceState);
    //! EndpointStateChange.
    void endpointStateChanged(QtAri::Qml::QmlEndpoint *endpoint);

private:
    void ensureEngine();
    void setErrorString(const QString &text);
    template<typename W, typename C>
    W *wrapAs(C *core);
    QJSValue toJs(const QJsonObject &json) const;
    QJSValue channelOrPlain(const ChannelInfo &info);
    QJSValue rejectInvalid(const QString &operation, const QString &message);

    Client *m_client = nullptr;
    Promises *m_promises = nullptr;
    QString m_password;
    QString m_errorString;
    QHash<QObject *, QmlLiveObject *> m_wrappers;
    bool m_dying = false;
};

} // namespace QtAri::Qml
