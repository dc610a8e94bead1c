// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "session.h"

#include "models/bridgesmodel.h"
#include "models/channelsmodel.h"
#include "models/eventlogmodel.h"
#include "models/anomalymodel.h"
#include "models/traffic.h"
#include "models/requestlogmodel.h"
#include "recorder.h"

#include <QtAri/AsteriskApi>
#include <QtAri/Bridge>
#include <QtAri/BridgesApi>
#include <QtAri/Channel>
#include <QtAri/ChannelsApi>
#include <QtAri/Continuation>
#include <QtAri/OutboundServer>
#include <QtAri/Event>
#include <QtAri/PlaybacksApi>
#include <QtAri/RecordingsApi>
#include <QtAri/SoundsApi>

#include <QtCore/QJsonArray>
#include <QtCore/QLoggingCategory>
#include <QtCore/QPointer>
#include <QtCore/QUuid>
#include <QtNetwork/QSslCertificate>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcInspector, "qtari.inspector", QtInfoMsg)

namespace QtAri::Inspector {

namespace {

    // The one place that reads an event's JSON out of QtAri::Event.
    QJsonObject eventJson(const QtAri::Event &event)
    {
        return event.json();
    }

} // namespace

QtAri::Client::RestTransport restTransportOf(const ConnectionProfile &profile)
{
    if (profile.restTransport == "http"_L1)
        return QtAri::Client::RestTransport::Http;
    if (profile.restTransport == "websocket"_L1)
        return QtAri::Client::RestTransport::WebSocket;
    return QtAri::Client::RestTransport::Auto;
}

Session::Session(const ConnectionProfile &profile, QObject *parent)
    : QObject(parent), m_profile(profile)
{
    if (profile.listen) {
        // Asterisk dials us: the profile's user and password are what it must send.
        m_server = new QtAri::OutboundServer(this);
        m_server->setCredentials(profile.user, profile.password);
        m_server->setSubscribeAll(profile.subscribeAll);
        m_client = m_server->addApplication(profile.applications.value(0, u"qtari-inspector"_s));
    } else {
        m_client = new QtAri::Client(this);
    }
    m_channels = new ChannelsModel(m_client, this);
    m_bridges = new BridgesModel(m_client, this);
    m_eventLog = new EventLogModel(this);
    m_traffic = new Traffic(this);
    m_anomalies = new AnomalyModel(m_client, this);
    m_requestLog = new RequestLogModel(this);
    connect(m_client, &QtAri::Client::requestFinished, m_requestLog, &RequestLogModel::append);
    const QString tag = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_channels->setDragTag(tag);
    m_bridges->setDragTag(tag);
    connect(m_bridges, &BridgesModel::addChannelsRequested, this,
        [this](const QString &bridgeId, const QStringList &ids) {
            if (bridgeId.isEmpty())
                createBridge(u"mixing"_s, {}, ids);
            else
                addToBridge(bridgeId, ids);
        });

    if (!m_server) {
        m_client->setUrl(profile.url);
        m_client->setCredentials(profile.user, profile.password);
        m_client->setApplicationNames(profile.applications);
        m_client->setSubscribeAll(profile.subscribeAll);
        m_client->setRestTransport(restTransportOf(profile));
    }
    if (!m_server && profile.url.scheme() == "https"_L1) {
        if (!profile.caCertificateFile.isEmpty())
            m_client->addCaCertificates(QSslCertificate::fromPath(profile.caCertificateFile));
        m_client->setVerifyPeer(profile.verifyPeer);
    }

    connect(m_client, &QtAri::Client::eventReceived, this,
        [this](const QtAri::Event &event) { handleEvent(eventJson(event)); });
    connect(m_client, &QtAri::Client::requestFinished, m_traffic, &Traffic::addExchange);
    connect(m_client, &QtAri::Client::requestFinished, m_anomalies, &AnomalyModel::noteExchange);
    connect(m_client, &QtAri::Client::stateChanged, this, [this](QtAri::Client::State s) {
        if (s == QtAri::Client::State::Connected)
            m_reconnectAttempt = 0;
        Q_EMIT statusChanged();
    });
    connect(m_client, &QtAri::Client::reconnecting, this, [this](int attempt, int) {
        m_reconnectAttempt = attempt;
        Q_EMIT statusChanged();
    });
    connect(m_client, &QtAri::Client::connected, this, &Session::fetchAsteriskInfo);
    m_recorder = new Recorder(this); // listens to the client only while recording

    m_rateTimer.setInterval(1000);
    connect(&m_rateTimer, &QTimer::timeout, this, &Session::sampleRate);
    m_rateTimer.start();
    m_rateClock.start();
}

Session::~Session()
{
    // The client fails its pending futures as it is destroyed. The callbacks here are
    // QtAri::onFinished() ones with this session as context, so they only run from the event loop
    // and never once the session is gone; m_dying keeps anything reached meanwhile quiet.
    m_dying = true;
    delete m_client;
    m_client = nullptr;
}

QString Session::title() const
{
    if (!m_profile.name.isEmpty())
        return m_profile.name;
    if (m_server)
        return tr("listening on port %1").arg(m_profile.listenPort);
    return m_profile.url.host() + u':' + QString::number(m_profile.url.port(8088));
}

void Session::open()
{
    if (m_server && !m_server->isListening()
        && !m_server->listen(QHostAddress::Any, m_profile.listenPort)) {
        const QtAri::Error error(QtAri::Error::Kind::Network,
            tr("cannot listen on port %1: %2").arg(m_profile.listenPort).arg(m_server->errorString()));
        QTimer::singleShot(0, this, [this, error] { Q_EMIT openFailed(error); });
        return;
    }
    QtAri::onFinished(m_client->connectToServer(), this, [this](const QtAri::Result<void> &r) {
        if (m_dying)
            return; // the client is going away with this session
        if (r) {
            Q_EMIT opened();
        } else {
            Q_EMIT openFailed(r.error());
        }
        Q_EMIT statusChanged();
    });
}

void Session::close()
{
    m_client->disconnectFromServer();
}

QtAri::Client::State Session::state() const
{
    return m_client->state();
}

QString Session::stateText() const
{
    switch (m_client->state()) {
    case QtAri::Client::State::Disconnected:
        return tr("Disconnected");
    case QtAri::Client::State::Connecting:
        if (m_server)
            return tr("Waiting for Asterisk on port %1…").arg(m_server->serverPort());
        return tr("Connecting…");
    case QtAri::Client::State::Connected:
        return tr("Connected");
    case QtAri::Client::State::Reconnecting:
        if (m_server)
            return tr("Waiting for Asterisk to connect again");
        return tr("Reconnecting (attempt %1)").arg(m_reconnectAttempt);
    }
    return {};
}

QStringList Session::playbacksOn(const QString &objectId) const
{
    QStringList out;
    for (auto it = m_playbackTargets.cbegin(); it != m_playbackTargets.cend(); ++it) {
        if (it.value() == objectId)
            out.append(it.key());
    }
    return out;
}

QStringList Session::recordingsOn(const QString &objectId) const
{
    QStringList out;
    for (auto it = m_recordingTargets.cbegin(); it != m_recordingTargets.cend(); ++it) {
        if (it.value() == objectId)
            out.append(it.key());
    }
    return out;
}

void Session::sampleRate()
{
    const qint64 ms = m_rateClock.restart();
    if (ms > 0)
        m_eventsPerSecond = double(m_eventCount - m_lastCount) * 1000.0 / double(ms);
    m_lastCount = m_eventCount;
    Q_EMIT statusChanged();
}

static QString targetIdOf(const QString &targetUri)
{
    // "channel:ID", "bridge:ID", "channel:ID,bridge:ID2"? Asterisk gives one target.
    return targetUri.section(u':', 1);
}

void Session::handleEvent(const QJsonObject &event)
{
    // Channels and bridges are the client's (QtAri::ChannelModel / BridgeModel follow its
    // mirror); here only the log, the rate and which playbacks and recordings run where.
    ++m_eventCount;
    const QString type = event.value("type"_L1).toString();
    auto count = m_typeCounts.find(type);
    if (count == m_typeCounts.end()) {
        m_typeCounts.insert(type, 1);
        Q_EMIT eventTypeSeen(type);
    } else {
        ++count.value();
    }
    m_anomalies->noteEvent(event);
    if (m_uncaptured.isEmpty() || !m_uncaptured.contains(type)) {
        m_eventLog->append(event);
        m_traffic->addEvent(event);
    }

    if (type == "ChannelDestroyed"_L1 || type == "BridgeDestroyed"_L1) {
        const QString gone =
            event.value(type == "ChannelDestroyed"_L1 ? "channel"_L1 : "bridge"_L1)
                .toObject()
                .value("id"_L1)
                .toString();
        for (auto it = m_playbackTargets.begin(); it != m_playbackTargets.end();)
            it = it.value() == gone ? m_playbackTargets.erase(it) : std::next(it);
    } else if (type.startsWith("Playback"_L1)) {
        const QJsonObject pb = event.value("playback"_L1).toObject();
        const QString id = pb.value("id"_L1).toString();
        if (type == "PlaybackFinished"_L1 || pb.value("state"_L1).toString() == "done"_L1)
            m_playbackTargets.remove(id);
        else
            m_playbackTargets.insert(id, targetIdOf(pb.value("target_uri"_L1).toString()));
    } else if (type.startsWith("Recording"_L1)) {
        const QJsonObject rec = event.value("recording"_L1).toObject();
        const QString name = rec.value("name"_L1).toString();
        if (type == "RecordingStarted"_L1)
            m_recordingTargets.insert(name, targetIdOf(rec.value("target_uri"_L1).toString()));
        else
            m_recordingTargets.remove(name);
    }
}

void Session::setCaptured(const QString &type, bool captured)
{
    if (captured == isCaptured(type))
        return;
    if (captured)
        m_uncaptured.remove(type);
    else
        m_uncaptured.insert(type);
    Q_EMIT captureChanged(type, captured);
}

void Session::fetchAsteriskInfo()
{
    QtAri::onFinished(
        m_client->asterisk()->getInfo(), this, [this](const QtAri::Result<AsteriskInfo> &r) {
            if (!r)
                return; // read-only users and old servers may refuse; the status bar stays empty
            m_asteriskVersion =
                r->toJson().value("system"_L1).toObject().value("version"_L1).toString();
            Q_EMIT statusChanged();
        });
}

void Session::report(const QString &action, const QtAri::Error *error)
{
    if (m_dying)
        return;
    if (error) {
        qCInfo(lcInspector) << action << "failed:" << *error;
        Q_EMIT actionFailed(action, *error);
    } else {
        Q_EMIT actionSucceeded(action);
    }
}

template <class F> void Session::forEach(const QString &action, const QStringList &ids, F &&call)
{
    for (const QString &id : ids) {
        QtAri::onFinished(call(id), this, [this, action](const QtAri::Result<void> &r) {
            report(action, r ? nullptr : &r.error());
        });
    }
}

void Session::hangup(const QStringList &channelIds, const QString &reason)
{
    forEach(tr("Hang up"), channelIds, [this, reason](const QString &id) {
        QtAri::ChannelsApi::HangupOptions opts;
        if (!reason.isEmpty())
            opts.reason = reason;
        return m_client->channels()->hangup(id, opts);
    });
}

void Session::answer(const QStringList &channelIds)
{
    forEach(tr("Answer"), channelIds,
        [this](const QString &id) { return m_client->channels()->answer(id); });
}

void Session::ring(const QStringList &channelIds)
{
    forEach(tr("Ring"), channelIds,
        [this](const QString &id) { return m_client->channels()->ring(id); });
}

void Session::ringStop(const QStringList &channelIds)
{
    forEach(tr("Stop ringing"), channelIds,
        [this](const QString &id) { return m_client->channels()->ringStop(id); });
}

void Session::hold(const QStringList &channelIds)
{
    forEach(tr("Hold"), channelIds,
        [this](const QString &id) { return m_client->channels()->hold(id); });
}

void Session::unhold(const QStringList &channelIds)
{
    forEach(tr("Unhold"), channelIds,
        [this](const QString &id) { return m_client->channels()->unhold(id); });
}

void Session::mute(const QStringList &channelIds, const QString &direction)
{
    forEach(tr("Mute"), channelIds, [this, direction](const QString &id) {
        QtAri::ChannelsApi::MuteOptions opts;
        if (!direction.isEmpty())
            opts.direction = direction;
        return m_client->channels()->mute(id, opts);
    });
}

void Session::unmute(const QStringList &channelIds, const QString &direction)
{
    forEach(tr("Unmute"), channelIds, [this, direction](const QString &id) {
        QtAri::ChannelsApi::UnmuteOptions opts;
        if (!direction.isEmpty())
            opts.direction = direction;
        return m_client->channels()->unmute(id, opts);
    });
}

void Session::sendDtmf(const QStringList &channelIds, const QString &digits)
{
    forEach(tr("Send DTMF"), channelIds, [this, digits](const QString &id) {
        QtAri::ChannelsApi::SendDtmfOptions opts;
        opts.dtmf = digits;
        return m_client->channels()->sendDtmf(id, opts);
    });
}

void Session::originate(const QString &endpoint, const QString &app, const QString &appArgs,
    const QString &callerId, int timeoutSeconds)
{
    QtAri::ChannelsApi::OriginateOptions opts;
    if (!app.isEmpty())
        opts.app = app;
    if (!appArgs.isEmpty())
        opts.appArgs = appArgs;
    if (!callerId.isEmpty())
        opts.callerId = callerId;
    if (timeoutSeconds > 0)
        opts.timeout = timeoutSeconds;
    QtAri::onFinished(m_client->channels()->originate(endpoint, opts), this,
        [this](const QtAri::Result<ChannelInfo> &r) {
            // The client adds the channel it created to its mirror, and so to the table.
            report(tr("Originate"), r ? nullptr : &r.error());
        });
}

void Session::createBridge(const QString &type, const QString &name, const QStringList &channelIds)
{
    QtAri::BridgesApi::CreateOptions opts;
    if (!type.isEmpty())
        opts.type = type;
    if (!name.isEmpty())
        opts.name = name;
    QtAri::onFinished(m_client->bridges()->create(opts), this,
        [this, channelIds](const QtAri::Result<BridgeInfo> &r) {
            if (!r) {
                report(tr("Create bridge"), &r.error());
                return;
            }
            report(tr("Create bridge"), nullptr);
            if (!channelIds.isEmpty())
                addToBridge(r->id(), channelIds);
        });
}

void Session::destroyBridge(const QString &bridgeId)
{
    forEach(tr("Destroy bridge"), { bridgeId },
        [this](const QString &id) { return m_client->bridges()->destroy(id); });
}

void Session::addToBridge(const QString &bridgeId, const QStringList &channelIds)
{
    if (channelIds.isEmpty())
        return;
    forEach(tr("Add to bridge"), { bridgeId }, [this, channelIds](const QString &id) {
        return m_client->bridges()->addChannel(id, channelIds);
    });
}

void Session::removeFromBridge(const QStringList &channelIds)
{
    QHash<QString, QStringList> byBridge;
    for (const QString &c : channelIds) {
        const QString b = m_channels->bridgeOf(c);
        if (!b.isEmpty())
            byBridge[b].append(c);
    }
    for (auto it = byBridge.cbegin(); it != byBridge.cend(); ++it) {
        const QStringList members = it.value();
        forEach(tr("Remove from bridge"), { it.key() }, [this, members](const QString &id) {
            return m_client->bridges()->removeChannel(id, members);
        });
    }
}

void Session::play(const QString &targetId, const QString &mediaUri)
{
    const QString action = tr("Play media");
    auto done = [this, action](const QtAri::Result<PlaybackInfo> &r) {
        if (r)
            m_playbackTargets.insert(r->id(), targetIdOf(r->targetUri()));
        report(action, r ? nullptr : &r.error());
    };
    if (m_bridges->contains(targetId))
        QtAri::onFinished(m_client->bridges()->play(targetId, { mediaUri }), this, done);
    else
        QtAri::onFinished(m_client->channels()->play(targetId, { mediaUri }), this, done);
}

void Session::stopPlayback(const QStringList &playbackIds)
{
    forEach(tr("Stop playback"), playbackIds,
        [this](const QString &id) { return m_client->playbacks()->stop(id); });
}

void Session::pausePlayback(const QStringList &playbackIds)
{
    forEach(tr("Pause playback"), playbackIds,
        [this](const QString &id) { return m_client->playbacks()->control(id, u"pause"_s); });
}

void Session::resumePlayback(const QStringList &playbackIds)
{
    forEach(tr("Resume playback"), playbackIds,
        [this](const QString &id) { return m_client->playbacks()->control(id, u"unpause"_s); });
}

void Session::startMoh(const QStringList &targetIds, const QString &mohClass)
{
    forEach(tr("Start music on hold"), targetIds, [this, mohClass](const QString &id) {
        if (m_bridges->contains(id)) {
            QtAri::BridgesApi::StartMohOptions opts;
            if (!mohClass.isEmpty())
                opts.mohClass = mohClass;
            return m_client->bridges()->startMoh(id, opts);
        }
        QtAri::ChannelsApi::StartMohOptions opts;
        if (!mohClass.isEmpty())
            opts.mohClass = mohClass;
        return m_client->channels()->startMoh(id, opts);
    });
}

void Session::stopMoh(const QStringList &targetIds)
{
    forEach(tr("Stop music on hold"), targetIds, [this](const QString &id) {
        if (m_bridges->contains(id))
            return m_client->bridges()->stopMoh(id);
        return m_client->channels()->stopMoh(id);
    });
}

void Session::startRecording(
    const QString &targetId, const QString &name, const QString &format, int maxDurationSeconds)
{
    const QString action = tr("Start recording");
    auto done = [this, action](const QtAri::Result<LiveRecordingInfo> &r) {
        if (r)
            m_recordingTargets.insert(r->name(), targetIdOf(r->targetUri()));
        report(action, r ? nullptr : &r.error());
    };
    if (m_bridges->contains(targetId)) {
        QtAri::BridgesApi::RecordOptions opts;
        if (maxDurationSeconds > 0)
            opts.maxDurationSeconds = maxDurationSeconds;
        QtAri::onFinished(m_client->bridges()->record(targetId, name, format, opts), this, done);
    } else {
        QtAri::ChannelsApi::RecordOptions opts;
        if (maxDurationSeconds > 0)
            opts.maxDurationSeconds = maxDurationSeconds;
        QtAri::onFinished(m_client->channels()->record(targetId, name, format, opts), this, done);
    }
}

void Session::stopRecording(const QStringList &recordingNames)
{
    forEach(tr("Stop recording"), recordingNames,
        [this](const QString &name) { return m_client->recordings()->stop(name); });
}

void Session::fetchSounds(
    QObject *context, std::function<void(const QStringList &, const QtAri::Error *)> done)
{
    QtAri::onFinished(m_client->sounds()->list(), this,
        [guard = QPointer<QObject>(context), done = std::move(done)](
            const QtAri::Result<QList<SoundInfo>> &r) {
            if (!guard)
                return;
            if (!r) {
                done({}, &r.error());
                return;
            }
            QStringList ids;
            for (const SoundInfo &s : *r)
                ids.append(s.id());
            done(ids, nullptr);
        });
}

void Session::fetchVariable(const QString &channelId, const QString &name, QObject *context,
    std::function<void(const QString &, const QtAri::Error *)> done)
{
    QtAri::onFinished(m_client->channels()->getChannelVar(channelId, name), this,
        [guard = QPointer<QObject>(context), done = std::move(done)](
            const QtAri::Result<Variable> &r) {
            if (!guard)
                return;
            if (!r) {
                done({}, &r.error());
                return;
            }
            done(r->value(), nullptr);
        });
}

} // namespace QtAri::Inspector
