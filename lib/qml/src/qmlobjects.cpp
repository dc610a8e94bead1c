// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "qmlobjects_p.h"

#include "qmlclient_p.h"
#include "qmloptions_p.h"
#include "qmlpromise_p.h"

#include <QtAri/Bridge>
#include <QtAri/Channel>
#include <QtAri/Client>
#include <QtAri/DeviceState>
#include <QtAri/Endpoint>
#include <QtAri/LiveRecording>
#include <QtAri/Mailbox>
#include <QtAri/Playback>
#include <QtAri/RtpStat>
#include <QtAri/Variable>
#include <QtAri/Variables>

#include <QtCore/QCoreApplication>
#include <QtCore/QMetaEnum>

using namespace Qt::StringLiterals;

namespace QtAri::Qml {

namespace {

QString qtr(const char *text)
{
    return QCoreApplication::translate("QtAri", text);
}

template<typename E>
QString lowerEnumName(E value)
{
    return QString::fromLatin1(QMetaEnum::fromType<E>().valueToKey(int(value))).toLower();
}

Error invalid(const QString &operation, const QString &message)
{
    return Error(Error::Kind::InvalidArgument, message, operation);
}

//! A converter for Promises::track() that resolves with the QML wrapper of the live object.
template<typename Live>
auto wrapper(QmlClient *client)
{
    return [client = QPointer<QmlClient>(client)](Live *live) {
        return client ? client->promises()->engine()->toScriptValue(client->wrap(live)) : QJSValue();
    };
}

//! A converter for Promises::track() that resolves with a value type's JSON as a plain object.
template<typename Info>
auto plainObject(QmlClient *client)
{
    return [client = QPointer<QmlClient>(client)](const Info &info) {
        return client ? client->promises()->engine()->toScriptValue(info.toJson().toVariantMap())
                      : QJSValue();
    };
}

} // namespace

// ---- QmlLiveObject ------------------------------------------------------------------------------

// Not a child of the client: QML's destroy() of the client marks its children deleted at once,
// and QML may hold these objects longer. The client deletes them or hands them to the JS heap.
QmlLiveObject::QmlLiveObject(QmlClient *client, QObject *core)
    : QObject(nullptr), m_client(client), m_coreKey(core)
{
    QObject::connect(core, &QObject::destroyed, this, [this] { coreGone(); });
}

void QmlLiveObject::coreGone()
{
    setEnded();
    if (m_client)
        m_client->release(this, m_coreKey);
}

void QmlLiveObject::setKnown(bool known)
{
    if (known == m_known)
        return;
    m_known = known;
    Q_EMIT knownChanged(known);
}

void QmlLiveObject::setEnded()
{
    if (m_ended)
        return;
    m_ended = true;
    Q_EMIT endedChanged(true);
}

void QmlLiveObject::setId(const QString &id)
{
    if (id == m_id)
        return;
    m_id = id;
    Q_EMIT idChanged(id);
}

QJSValue QmlLiveObject::rejectOptions(const Error &error)
{
    if (m_client)
        return m_client->promises()->rejected(error);
    QJSEngine *engine = qjsEngine(this);
    if (!engine)
        return QJSValue();
    Promises p;
    p.setEngine(engine);
    return p.rejected(error);
}

QJSValue QmlLiveObject::goneError(const QString &operation)
{
    return rejectOptions(Error(Error::Kind::NotConnected,
                               m_client ? qtr("the object has ended") : qtr("the client is gone"),
                               operation));
}

// ---- QmlChannel ---------------------------------------------------------------------------------

QmlChannel::QmlChannel(QmlClient *client, Channel *core) : QmlLiveObject(client, core), m_core(core)
{
    m_id = core->id();
    const auto update = [this] { refresh(); };
    QObject::connect(core, &Channel::nameChanged, this, update);
    QObject::connect(core, &Channel::stateChanged, this, update);
    QObject::connect(core, &Channel::callerChanged, this, update);
    QObject::connect(core, &Channel::connectedChanged, this, update);
    QObject::connect(core, &Channel::dialplanChanged, this, update);
    QObject::connect(core, &Channel::creationTimeChanged, this, update);
    QObject::connect(core, &Channel::languageChanged, this, update);
    QObject::connect(core, &Channel::variablesChanged, this, update);
    QObject::connect(core, &Channel::bridgeChanged, this, update);
    QObject::connect(core, &Channel::inStasisChanged, this, update);
    QObject::connect(core, &Channel::knownChanged, this, update);
    QObject::connect(core, &Channel::endedChanged, this, update);

    QObject::connect(core, &Channel::dtmfReceived, this, &QmlChannel::dtmfReceived);
    QObject::connect(core, &Channel::hangupRequested, this, &QmlChannel::hangupRequested);
    QObject::connect(core, &Channel::hungUp, this, [this](int cause, const QString &text) {
        refresh();
        setEnded();
        Q_EMIT hungUp(cause, text);
    });
    QObject::connect(core, &Channel::enteredBridge, this, [this](Bridge *b) {
        refresh();
        Q_EMIT enteredBridge(m_client ? m_client->wrap(b) : nullptr);
    });
    QObject::connect(core, &Channel::leftBridge, this, [this](Bridge *b) {
        refresh();
        Q_EMIT leftBridge(m_client ? m_client->wrap(b) : nullptr);
    });
    QObject::connect(core, &Channel::stasisStarted, this, [this](const QStringList &args) {
        refresh();
        Q_EMIT stasisStarted(args);
    });
    QObject::connect(core, &Channel::stasisEnded, this, &QmlChannel::stasisEnded);
    QObject::connect(core, &Channel::holdStarted, this, [this](const QString &musicClass) {
        if (!m_onHold) {
            m_onHold = true;
            Q_EMIT onHoldChanged(true);
        }
        Q_EMIT holdStarted(musicClass);
    });
    QObject::connect(core, &Channel::holdEnded, this, [this] {
        if (m_onHold) {
            m_onHold = false;
            Q_EMIT onHoldChanged(false);
        }
        Q_EMIT holdEnded();
    });
    QObject::connect(core, &Channel::talkingStarted, this, &QmlChannel::talkingStarted);
    QObject::connect(core, &Channel::talkingFinished, this, &QmlChannel::talkingFinished);
    QObject::connect(core, &Channel::varSet, this, &QmlChannel::varSet);
    refresh();
}

QmlBridge *QmlChannel::bridge() const
{
    return m_bridge;
}

void QmlChannel::refresh()
{
    Channel *c = m_core;
    if (!c)
        return;
    const auto set = [](auto &field, const auto &value, auto emitter) {
        if (field == value)
            return;
        field = value;
        emitter();
    };
    setId(c->id());
    set(m_name, c->name(), [this] { Q_EMIT nameChanged(m_name); });
    set(m_state, Channel::stateToString(c->state()), [this] { Q_EMIT stateChanged(m_state); });
    const CallerId caller = c->caller();
    if (caller.name() != m_callerName || caller.number() != m_callerNumber) {
        m_callerName = caller.name();
        m_callerNumber = caller.number();
        Q_EMIT callerChanged();
    }
    const CallerId connected = c->connected();
    if (connected.name() != m_connectedName || connected.number() != m_connectedNumber) {
        m_connectedName = connected.name();
        m_connectedNumber = connected.number();
        Q_EMIT connectedChanged();
    }
    const DialplanCep dialplan = c->dialplan();
    QString application;
    if (dialplan.appName().compare(u"Stasis"_s, Qt::CaseInsensitive) == 0)
        application = dialplan.appData().section(u',', 0, 0);
    if (dialplan.context() != m_context || dialplan.exten() != m_exten
        || application != m_application) {
        m_context = dialplan.context();
        m_exten = dialplan.exten();
        m_application = application;
        Q_EMIT dialplanChanged();
    }
    set(m_creationTime, c->creationTime(), [this] { Q_EMIT creationTimeChanged(m_creationTime); });
    set(m_language, c->language(), [this] { Q_EMIT languageChanged(m_language); });
    set(m_variables, c->variables(), [this] { Q_EMIT variablesChanged(m_variables); });
    QmlBridge *bridge = m_client ? m_client->wrap(c->bridge()) : nullptr;
    if (bridge != m_bridge.data()) {
        m_bridge = bridge;
        Q_EMIT bridgeChanged(bridge);
    }
    set(m_inStasis, c->isInStasis(), [this] { Q_EMIT inStasisChanged(m_inStasis); });
    set(m_stasisArgs, c->stasisArgs(), [this] { Q_EMIT stasisArgsChanged(m_stasisArgs); });
    setKnown(c->isKnown());
    if (c->isEnded())
        setEnded();
}

void QmlChannel::coreGone()
{
    if (m_bridge) {
        m_bridge = nullptr;
        Q_EMIT bridgeChanged(nullptr);
    }
    QmlLiveObject::coreGone();
}

// --- what channels and bridges share --------------------------------------------------------

template<class Options, class Core>
QJSValue QmlLiveObject::playOn(Core *core, const QString &op, const QJSValue &media, const QJSValue &options)
{
    if (!core || !m_client)
        return goneError(op);
    OptionsReader in(options, op);
    Options o;
    in.read(u"lang", o.lang);
    in.read(u"offsetms", o.offsetms);
    in.read(u"skipms", o.skipms);
    in.read(u"playbackId", o.playbackId);
    if (const auto e = in.finish())
        return rejectOptions(*e);
    const auto uris = stringList(media);
    if (!uris)
        return rejectOptions(invalid(op, qtr("media must be a URI or an array of URIs")));
    QPointer<QmlClient> client = m_client;
    return m_client->promises()->track(core->play(*uris, o), [client](Playback *p) {
        return client ? client->promises()->engine()->toScriptValue(client->wrap(p)) : QJSValue();
    });
}

template<class Options, class Core>
QJSValue QmlLiveObject::recordOn(Core *core, const QString &op, const QString &name, const QJSValue &options)
{
    if (!core || !m_client)
        return goneError(op);
    OptionsReader in(options, op);
    std::optional<QString> format;
    Options o;
    in.read(u"format", format);
    in.read(u"maxDurationSeconds", o.maxDurationSeconds);
    in.read(u"maxSilenceSeconds", o.maxSilenceSeconds);
    in.read(u"ifExists", o.ifExists);
    in.read(u"beep", o.beep);
    in.read(u"terminateOn", o.terminateOn);
    if (const auto e = in.finish())
        return rejectOptions(*e);
    QPointer<QmlClient> client = m_client;
    return m_client->promises()->track(
            core->record(name, format.value_or(u"wav"_s), o), [client](LiveRecording *r) {
                return client ? client->promises()->engine()->toScriptValue(client->wrap(r))
                              : QJSValue();
            });
}

template<class Options, class Core>
QJSValue QmlLiveObject::startMohOn(Core *core, const QString &op, const QJSValue &options)
{
    if (!core || !m_client)
        return goneError(op);
    OptionsReader in(options, op);
    Options o;
    in.read(u"mohClass", o.mohClass);
    if (const auto e = in.finish())
        return rejectOptions(*e);
    return m_client->promises()->track(core->startMoh(o));
}

#define QTARI_QML_LIVE(op)                                                                          \
    if (!m_core || !m_client)                                                                      \
    return goneError(op)

QJSValue QmlChannel::originate(const QString &endpoint, const QJSValue &options)
{
    const QString op = u"channels.originateWithId"_s;
    QTARI_QML_LIVE(op);
    OptionsReader in(options, op);
    ChannelsApi::OriginateWithIdOptions o;
    in.read(u"extension", o.extension);
    in.read(u"context", o.context);
    in.read(u"priority", o.priority);
    in.read(u"label", o.label);
    in.read(u"app", o.app);
    in.read(u"appArgs", o.appArgs);
    in.read(u"callerId", o.callerId);
    in.read(u"timeout", o.timeout);
    in.read(u"variables", o.variables);
    in.read(u"otherChannelId", o.otherChannelId);
    in.read(u"originator", o.originator);
    in.read(u"formats", o.formats);
    if (const auto e = in.finish())
        return rejectOptions(*e);
    if (endpoint.isEmpty())
        return rejectOptions(invalid(op, qtr("the endpoint is empty")));
    QPointer<QmlClient> client = m_client;
    return m_client->promises()->track(m_core->originate(endpoint, o), [client](Channel *c) {
        return client ? client->promises()->engine()->toScriptValue(client->wrap(c)) : QJSValue();
    });
}

QJSValue QmlChannel::answer()
{
    QTARI_QML_LIVE(u"channels.answer"_s);
    return m_client->promises()->track(m_core->answer());
}

QJSValue QmlChannel::hangup(const QJSValue &options)
{
    const QString op = u"channels.hangup"_s;
    QTARI_QML_LIVE(op);
    OptionsReader in(options, op);
    ChannelsApi::HangupOptions o;
    in.read(u"reason", o.reason);
    in.read(u"reasonCode", o.reasonCode);
    if (const auto e = in.finish())
        return rejectOptions(*e);
    return m_client->promises()->track(m_core->hangup(o));
}

QJSValue QmlChannel::ring()
{
    QTARI_QML_LIVE(u"channels.ring"_s);
    return m_client->promises()->track(m_core->ring());
}

QJSValue QmlChannel::ringStop()
{
    QTARI_QML_LIVE(u"channels.ringStop"_s);
    return m_client->promises()->track(m_core->ringStop());
}

QJSValue QmlChannel::hold()
{
    QTARI_QML_LIVE(u"channels.hold"_s);
    return m_client->promises()->track(m_core->hold());
}

QJSValue QmlChannel::unhold()
{
    QTARI_QML_LIVE(u"channels.unhold"_s);
    return m_client->promises()->track(m_core->unhold());
}

QJSValue QmlChannel::mute(const QJSValue &options)
{
    const QString op = u"channels.mute"_s;
    QTARI_QML_LIVE(op);
    OptionsReader in(options, op);
    ChannelsApi::MuteOptions o;
    in.read(u"direction", o.direction);
    if (const auto e = in.finish())
        return rejectOptions(*e);
    return m_client->promises()->track(m_core->mute(o));
}

QJSValue QmlChannel::unmute(const QJSValue &options)
{
    const QString op = u"channels.unmute"_s;
    QTARI_QML_LIVE(op);
    OptionsReader in(options, op);
    ChannelsApi::UnmuteOptions o;
    in.read(u"direction", o.direction);
    if (const auto e = in.finish())
        return rejectOptions(*e);
    return m_client->promises()->track(m_core->unmute(o));
}

QJSValue QmlChannel::sendDtmf(const QString &digits, const QJSValue &options)
{
    const QString op = u"channels.sendDtmf"_s;
    QTARI_QML_LIVE(op);
    OptionsReader in(options, op);
    ChannelsApi::SendDtmfOptions o;
    in.read(u"before", o.before);
    in.read(u"between", o.between);
    in.read(u"duration", o.duration);
    in.read(u"after", o.after);
    if (const auto e = in.finish())
        return rejectOptions(*e);
    if (digits.isEmpty())
        return rejectOptions(invalid(op, qtr("no digits to send")));
    o.dtmf = digits;
    return m_client->promises()->track(m_core->sendDtmf(o));
}

QJSValue QmlChannel::play(const QJSValue &media, const QJSValue &options)
{
    return playOn<ChannelsApi::PlayOptions>(m_core.data(), u"channels.play"_s, media, options);
}

QJSValue QmlChannel::record(const QString &name, const QJSValue &options)
{
    return recordOn<ChannelsApi::RecordOptions>(m_core.data(), u"channels.record"_s, name, options);
}

QJSValue QmlChannel::startMoh(const QJSValue &options)
{
    return startMohOn<ChannelsApi::StartMohOptions>(m_core.data(), u"channels.startMoh"_s, options);
}

QJSValue QmlChannel::stopMoh()
{
    QTARI_QML_LIVE(u"channels.stopMoh"_s);
    return m_client->promises()->track(m_core->stopMoh());
}

QJSValue QmlChannel::setVariable(const QString &name, const QString &value)
{
    QTARI_QML_LIVE(u"channels.setChannelVar"_s);
    ChannelsApi::SetChannelVarOptions o;
    o.value = value;
    return m_client->promises()->track(m_core->setChannelVar(name, o));
}

QJSValue QmlChannel::continueInDialplan(const QJSValue &options)
{
    const QString op = u"channels.continueInDialplan"_s;
    QTARI_QML_LIVE(op);
    OptionsReader in(options, op);
    ChannelsApi::ContinueInDialplanOptions o;
    in.read(u"context", o.context);
    in.read(u"extension", o.extension);
    in.read(u"priority", o.priority);
    in.read(u"label", o.label);
    if (const auto e = in.finish())
        return rejectOptions(*e);
    return m_client->promises()->track(m_core->continueInDialplan(o));
}

QJSValue QmlChannel::get()
{
    QTARI_QML_LIVE(u"channels.get"_s);
    return m_client->promises()->track(m_core->get(), wrapper<Channel>(m_client));
}

QJSValue QmlChannel::redirect(const QString &endpoint)
{
    const QString op = u"channels.redirect"_s;
    QTARI_QML_LIVE(op);
    if (endpoint.isEmpty())
        return rejectOptions(invalid(op, qtr("the endpoint is empty")));
    return m_client->promises()->track(m_core->redirect(endpoint));
}

QJSValue QmlChannel::move(const QString &app, const QJSValue &options)
{
    const QString op = u"channels.move"_s;
    QTARI_QML_LIVE(op);
    OptionsReader in(options, op);
    ChannelsApi::MoveOptions o;
    in.read(u"appArgs", o.appArgs);
    if (const auto e = in.finish())
        return rejectOptions(*e);
    if (app.isEmpty())
        return rejectOptions(invalid(op, qtr("the application is empty")));
    return m_client->promises()->track(m_core->move(app, o));
}

QJSValue QmlChannel::dial(const QJSValue &options)
{
    const QString op = u"channels.dial"_s;
    QTARI_QML_LIVE(op);
    OptionsReader in(options, op);
    ChannelsApi::DialOptions o;
    in.read(u"caller", o.caller);
    in.read(u"timeout", o.timeout);
    if (const auto e = in.finish())
        return rejectOptions(*e);
    return m_client->promises()->track(m_core->dial(o));
}

QJSValue QmlChannel::progress()
{
    QTARI_QML_LIVE(u"channels.progress"_s);
    return m_client->promises()->track(m_core->progress());
}

QJSValue QmlChannel::startSilence()
{
    QTARI_QML_LIVE(u"channels.startSilence"_s);
    return m_client->promises()->track(m_core->startSilence());
}

QJSValue QmlChannel::stopSilence()
{
    QTARI_QML_LIVE(u"channels.stopSilence"_s);
    return m_client->promises()->track(m_core->stopSilence());
}

QJSValue QmlChannel::getVariable(const QString &name)
{
    const QString op = u"channels.getChannelVar"_s;
    QTARI_QML_LIVE(op);
    if (name.isEmpty())
        return rejectOptions(invalid(op, qtr("the variable name is empty")));
    return m_client->promises()->track(m_core->getChannelVar(name),
                                       [](const Variable &v) { return QJSValue(v.value()); });
}

QJSValue QmlChannel::getVariables(const QJSValue &names)
{
    const QString op = u"channels.getChannelVars"_s;
    QTARI_QML_LIVE(op);
    const auto list = stringList(names);
    if (!list)
        return rejectOptions(invalid(op, qtr("give a variable name or an array of them")));
    QPointer<QmlClient> client = m_client;
    return m_client->promises()->track(m_core->getChannelVars(*list), [client](const Variables &v) {
        return client ? client->promises()->engine()->toScriptValue(v.variables().toVariantMap())
                      : QJSValue();
    });
}

QJSValue QmlChannel::setVariables(const QJSValue &variables)
{
    const QString op = u"channels.setChannelVars"_s;
    QTARI_QML_LIVE(op);
    if (!variables.isObject() || variables.isArray() || variables.isCallable()
        || variables.isQObject()) {
        return rejectOptions(invalid(op, qtr("the variables must be a plain object")));
    }
    return m_client->promises()->track(
            m_core->setChannelVars(QJsonObject::fromVariantMap(variables.toVariant().toMap())));
}

QJSValue QmlChannel::snoop(const QString &app, const QJSValue &options)
{
    const QString op = u"channels.snoopChannel"_s;
    QTARI_QML_LIVE(op);
    OptionsReader in(options, op);
    ChannelsApi::SnoopChannelOptions o;
    in.read(u"spy", o.spy);
    in.read(u"whisper", o.whisper);
    in.read(u"appArgs", o.appArgs);
    in.read(u"snoopId", o.snoopId);
    if (const auto e = in.finish())
        return rejectOptions(*e);
    if (app.isEmpty())
        return rejectOptions(invalid(op, qtr("the application is empty")));
    return m_client->promises()->track(m_core->snoopChannel(app, o), wrapper<Channel>(m_client));
}

QJSValue QmlChannel::rtpStatistics()
{
    QTARI_QML_LIVE(u"channels.rtpstatistics"_s);
    return m_client->promises()->track(m_core->rtpstatistics(), plainObject<RtpStat>(m_client));
}

QJSValue QmlChannel::transferProgress(const QString &states)
{
    const QString op = u"channels.transferProgress"_s;
    QTARI_QML_LIVE(op);
    if (states.isEmpty())
        return rejectOptions(invalid(op, qtr("the states are empty")));
    return m_client->promises()->track(m_core->transferProgress(states));
}

// ---- QmlBridge ----------------------------------------------------------------------------------

QmlBridge::QmlBridge(QmlClient *client, Bridge *core) : QmlLiveObject(client, core), m_core(core)
{
    m_id = core->id();
    const auto update = [this] { refresh(); };
    QObject::connect(core, &Bridge::nameChanged, this, update);
    QObject::connect(core, &Bridge::bridgeTypeChanged, this, update);
    QObject::connect(core, &Bridge::technologyChanged, this, update);
    QObject::connect(core, &Bridge::creatorChanged, this, update);
    QObject::connect(core, &Bridge::creationTimeChanged, this, update);
    QObject::connect(core, &Bridge::channelsChanged, this, update);
    QObject::connect(core, &Bridge::knownChanged, this, update);
    QObject::connect(core, &Bridge::endedChanged, this, update);
    QObject::connect(core, &Bridge::channelEntered, this, [this](Channel *c) {
        refresh();
        Q_EMIT channelEntered(m_client ? m_client->wrap(c) : nullptr);
    });
    QObject::connect(core, &Bridge::channelLeft, this, [this](Channel *c) {
        refresh();
        Q_EMIT channelLeft(m_client ? m_client->wrap(c) : nullptr);
    });
    refresh();
}

void QmlBridge::refresh()
{
    Bridge *b = m_core;
    if (!b)
        return;
    const auto set = [](QString &field, const QString &value) {
        if (field == value)
            return false;
        field = value;
        return true;
    };
    setId(b->id());
    if (set(m_name, b->name()))
        Q_EMIT nameChanged(m_name);
    if (set(m_bridgeType, b->bridgeType()))
        Q_EMIT bridgeTypeChanged(m_bridgeType);
    if (set(m_technology, b->technology()))
        Q_EMIT technologyChanged(m_technology);
    if (set(m_creator, b->creator()))
        Q_EMIT creatorChanged(m_creator);
    if (m_creationTime != b->creationTime()) {
        m_creationTime = b->creationTime();
        Q_EMIT creationTimeChanged(m_creationTime);
    }
    const QStringList ids = b->channelIds();
    if (ids != m_channelIds) {
        m_channelIds = ids;
        m_members.clear();
        for (QmlChannel *c : channels())
            m_members.append(c);
        Q_EMIT channelsChanged();
    }
    setKnown(b->isKnown());
    if (b->isEnded())
        setEnded();
}

void QmlBridge::coreGone()
{
    if (!m_channelIds.isEmpty()) {
        m_channelIds.clear();
        m_members.clear();
        Q_EMIT channelsChanged();
    }
    QmlLiveObject::coreGone();
}

QList<QmlChannel *> QmlBridge::channels() const
{
    QList<QmlChannel *> list;
    if (!m_core || !m_client)
        return list;
    const QList<Channel *> members = m_core->channels();
    list.reserve(members.size());
    for (Channel *c : members) {
        if (QmlChannel *w = m_client->wrap(c))
            list.append(w);
    }
    return list;
}

QQmlListProperty<QmlChannel> QmlBridge::channelList()
{
    return QQmlListProperty<QmlChannel>(this, nullptr, &QmlBridge::memberCount, &QmlBridge::memberAt);
}

qsizetype QmlBridge::memberCount(QQmlListProperty<QmlChannel> *list)
{
    return static_cast<QmlBridge *>(list->object)->m_members.size();
}

QmlChannel *QmlBridge::memberAt(QQmlListProperty<QmlChannel> *list, qsizetype index)
{
    const auto &members = static_cast<QmlBridge *>(list->object)->m_members;
    return index >= 0 && index < members.size() ? members.at(index).data() : nullptr;
}

QStringList QmlBridge::idsOf(const QJSValue &channels, bool *ok) const
{
    QStringList ids;
    *ok = true;
    const auto one = [&](const QJSValue &v) {
        if (v.isString() && !v.toString().isEmpty()) {
            ids.append(v.toString());
        } else if (auto *c = qobject_cast<QmlChannel *>(v.toQObject())) {
            ids.append(c->id());
        } else {
            *ok = false;
        }
    };
    if (channels.isArray()) {
        const int n = channels.property(u"length"_s).toInt();
        for (int i = 0; i < n; ++i)
            one(channels.property(quint32(i)));
    } else {
        one(channels);
    }
    if (ids.isEmpty())
        *ok = false;
    return ids;
}

QJSValue QmlBridge::create(const QJSValue &options)
{
    const QString op = u"bridges.createWithId"_s;
    QTARI_QML_LIVE(op);
    OptionsReader in(options, op);
    BridgesApi::CreateWithIdOptions o;
    in.read(u"type", o.type);
    in.read(u"name", o.name);
    if (const auto e = in.finish())
        return rejectOptions(*e);
    QPointer<QmlClient> client = m_client;
    return m_client->promises()->track(m_core->create(o), [client](Bridge *b) {
        return client ? client->promises()->engine()->toScriptValue(client->wrap(b)) : QJSValue();
    });
}

QJSValue QmlBridge::addChannel(const QJSValue &channels, const QJSValue &options)
{
    const QString op = u"bridges.addChannel"_s;
    QTARI_QML_LIVE(op);
    OptionsReader in(options, op);
    BridgesApi::AddChannelOptions o;
    in.read(u"role", o.role);
    in.read(u"absorbDtmf", o.absorbDtmf);
    in.read(u"mute", o.mute);
    in.read(u"inhibitConnectedLineUpdates", o.inhibitConnectedLineUpdates);
    if (const auto e = in.finish())
        return rejectOptions(*e);
    bool ok = false;
    const QStringList ids = idsOf(channels, &ok);
    if (!ok)
        return rejectOptions(invalid(op, qtr("give a Channel, a channel id or an array of them")));
    return m_client->promises()->track(m_core->addChannel(ids, o));
}

QJSValue QmlBridge::removeChannel(const QJSValue &channels)
{
    const QString op = u"bridges.removeChannel"_s;
    QTARI_QML_LIVE(op);
    bool ok = false;
    const QStringList ids = idsOf(channels, &ok);
    if (!ok)
        return rejectOptions(invalid(op, qtr("give a Channel, a channel id or an array of them")));
    return m_client->promises()->track(m_core->removeChannel(ids));
}

QJSValue QmlBridge::destroyBridge()
{
    QTARI_QML_LIVE(u"bridges.destroy"_s);
    return m_client->promises()->track(m_core->destroy());
}

QJSValue QmlBridge::play(const QJSValue &media, const QJSValue &options)
{
    return playOn<BridgesApi::PlayOptions>(m_core.data(), u"bridges.play"_s, media, options);
}

QJSValue QmlBridge::record(const QString &name, const QJSValue &options)
{
    return recordOn<BridgesApi::RecordOptions>(m_core.data(), u"bridges.record"_s, name, options);
}

QJSValue QmlBridge::startMoh(const QJSValue &options)
{
    return startMohOn<BridgesApi::StartMohOptions>(m_core.data(), u"bridges.startMoh"_s, options);
}

QJSValue QmlBridge::stopMoh()
{
    QTARI_QML_LIVE(u"bridges.stopMoh"_s);
    return m_client->promises()->track(m_core->stopMoh());
}

QJSValue QmlBridge::get()
{
    QTARI_QML_LIVE(u"bridges.get"_s);
    return m_client->promises()->track(m_core->get(), wrapper<Bridge>(m_client));
}

QJSValue QmlBridge::setVideoSource(const QJSValue &channel)
{
    const QString op = u"bridges.setVideoSource"_s;
    QTARI_QML_LIVE(op);
    bool ok = false;
    const QStringList ids = channel.isArray() ? QStringList() : idsOf(channel, &ok);
    if (!ok || ids.size() != 1)
        return rejectOptions(invalid(op, qtr("give a Channel or a channel id")));
    return m_client->promises()->track(m_core->setVideoSource(ids.first()));
}

QJSValue QmlBridge::clearVideoSource()
{
    QTARI_QML_LIVE(u"bridges.clearVideoSource"_s);
    return m_client->promises()->track(m_core->clearVideoSource());
}

QJSValue QmlBridge::getVariable(const QString &name)
{
    const QString op = u"bridges.getBridgeVar"_s;
    QTARI_QML_LIVE(op);
    if (name.isEmpty())
        return rejectOptions(invalid(op, qtr("the variable name is empty")));
    return m_client->promises()->track(m_core->getBridgeVar(name),
                                       [](const Variable &v) { return QJSValue(v.value()); });
}

QJSValue QmlBridge::setVariable(const QString &name, const QString &value, const QJSValue &options)
{
    const QString op = u"bridges.setBridgeVar"_s;
    QTARI_QML_LIVE(op);
    OptionsReader in(options, op);
    BridgesApi::SetBridgeVarOptions o;
    in.read(u"reportEvents", o.reportEvents);
    if (const auto e = in.finish())
        return rejectOptions(*e);
    if (name.isEmpty())
        return rejectOptions(invalid(op, qtr("the variable name is empty")));
    o.value = value;
    return m_client->promises()->track(m_core->setBridgeVar(name, o));
}

QJSValue QmlBridge::getVariables(const QJSValue &names)
{
    const QString op = u"bridges.getBridgeVars"_s;
    QTARI_QML_LIVE(op);
    const auto list = stringList(names);
    if (!list)
        return rejectOptions(invalid(op, qtr("give a variable name or an array of them")));
    QPointer<QmlClient> client = m_client;
    return m_client->promises()->track(m_core->getBridgeVars(*list), [client](const Variables &v) {
        return client ? client->promises()->engine()->toScriptValue(v.variables().toVariantMap())
                      : QJSValue();
    });
}

QJSValue QmlBridge::setVariables(const QJSValue &variables)
{
    const QString op = u"bridges.setBridgeVars"_s;
    QTARI_QML_LIVE(op);
    if (!variables.isObject() || variables.isArray() || variables.isCallable()
        || variables.isQObject()) {
        return rejectOptions(invalid(op, qtr("the variables must be a plain object")));
    }
    return m_client->promises()->track(
            m_core->setBridgeVars(QJsonObject::fromVariantMap(variables.toVariant().toMap())));
}

// ---- QmlPlayback --------------------------------------------------------------------------------

QmlPlayback::QmlPlayback(QmlClient *client, Playback *core)
    : QmlLiveObject(client, core), m_core(core)
{
    m_id = core->id();
    const auto update = [this] { refresh(); };
    QObject::connect(core, &Playback::stateChanged, this, update);
    QObject::connect(core, &Playback::mediaUriChanged, this, update);
    QObject::connect(core, &Playback::targetUriChanged, this, update);
    QObject::connect(core, &Playback::knownChanged, this, update);
    QObject::connect(core, &Playback::endedChanged, this, update);
    QObject::connect(core, &Playback::started, this, [this] {
        refresh();
        Q_EMIT started();
    });
    QObject::connect(core, &Playback::finished, this, [this] {
        refresh();
        setEnded();
        Q_EMIT finished();
    });
    refresh();
}

void QmlPlayback::refresh()
{
    Playback *p = m_core;
    if (!p)
        return;
    setId(p->id());
    const QString state = lowerEnumName(p->state());
    if (state != m_state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
    if (p->mediaUri() != m_mediaUri) {
        m_mediaUri = p->mediaUri();
        Q_EMIT mediaUriChanged(m_mediaUri);
    }
    if (p->targetUri() != m_targetUri) {
        m_targetUri = p->targetUri();
        Q_EMIT targetUriChanged(m_targetUri);
    }
    setKnown(p->isKnown());
    if (p->isEnded())
        setEnded();
}

void QmlPlayback::coreGone()
{
    QmlLiveObject::coreGone();
}

QJSValue QmlPlayback::stop()
{
    QTARI_QML_LIVE(u"playbacks.stop"_s);
    return m_client->promises()->track(m_core->stop());
}

QJSValue QmlPlayback::control(const QString &operation)
{
    QTARI_QML_LIVE(u"playbacks.control"_s);
    return m_client->promises()->track(m_core->control(operation));
}

QJSValue QmlPlayback::get()
{
    QTARI_QML_LIVE(u"playbacks.get"_s);
    return m_client->promises()->track(m_core->get(), wrapper<Playback>(m_client));
}

// ---- QmlLiveRecording ---------------------------------------------------------------------------

QmlLiveRecording::QmlLiveRecording(QmlClient *client, LiveRecording *core)
    : QmlLiveObject(client, core), m_core(core)
{
    m_id = core->name();
    const auto update = [this] { refresh(); };
    QObject::connect(core, &LiveRecording::stateChanged, this, update);
    QObject::connect(core, &LiveRecording::formatChanged, this, update);
    QObject::connect(core, &LiveRecording::targetUriChanged, this, update);
    QObject::connect(core, &LiveRecording::durationChanged, this, update);
    QObject::connect(core, &LiveRecording::causeChanged, this, update);
    QObject::connect(core, &LiveRecording::knownChanged, this, update);
    QObject::connect(core, &LiveRecording::endedChanged, this, update);
    QObject::connect(core, &LiveRecording::started, this, [this] {
        refresh();
        Q_EMIT started();
    });
    QObject::connect(core, &LiveRecording::finished, this, [this] {
        refresh();
        setEnded();
        Q_EMIT finished();
    });
    QObject::connect(core, &LiveRecording::failed, this, [this](const QString &cause) {
        refresh();
        setEnded();
        Q_EMIT failed(cause);
    });
    refresh();
}

void QmlLiveRecording::refresh()
{
    LiveRecording *r = m_core;
    if (!r)
        return;
    const QString state = lowerEnumName(r->state());
    if (state != m_state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
    if (r->format() != m_format) {
        m_format = r->format();
        Q_EMIT formatChanged(m_format);
    }
    if (r->targetUri() != m_targetUri) {
        m_targetUri = r->targetUri();
        Q_EMIT targetUriChanged(m_targetUri);
    }
    if (r->duration() != m_duration) {
        m_duration = r->duration();
        Q_EMIT durationChanged(m_duration);
    }
    if (r->cause() != m_cause) {
        m_cause = r->cause();
        Q_EMIT causeChanged(m_cause);
    }
    setKnown(r->isKnown());
    if (r->isEnded())
        setEnded();
}

void QmlLiveRecording::coreGone()
{
    QmlLiveObject::coreGone();
}

QJSValue QmlLiveRecording::stop()
{
    QTARI_QML_LIVE(u"recordings.stop"_s);
    return m_client->promises()->track(m_core->stop());
}

QJSValue QmlLiveRecording::cancel()
{
    QTARI_QML_LIVE(u"recordings.cancel"_s);
    return m_client->promises()->track(m_core->cancel());
}

QJSValue QmlLiveRecording::pause()
{
    QTARI_QML_LIVE(u"recordings.pause"_s);
    return m_client->promises()->track(m_core->pause());
}

QJSValue QmlLiveRecording::unpause()
{
    QTARI_QML_LIVE(u"recordings.unpause"_s);
    return m_client->promises()->track(m_core->unpause());
}

QJSValue QmlLiveRecording::mute()
{
    QTARI_QML_LIVE(u"recordings.mute"_s);
    return m_client->promises()->track(m_core->mute());
}

QJSValue QmlLiveRecording::unmute()
{
    QTARI_QML_LIVE(u"recordings.unmute"_s);
    return m_client->promises()->track(m_core->unmute());
}

QJSValue QmlLiveRecording::get()
{
    QTARI_QML_LIVE(u"recordings.getLive"_s);
    return m_client->promises()->track(m_core->getLive(), wrapper<LiveRecording>(m_client));
}

// ---- QmlEndpoint --------------------------------------------------------------------------------

QmlEndpoint::QmlEndpoint(QmlClient *client, Endpoint *core) : QmlLiveObject(client, core), m_core(core)
{
    m_id = core->technology() + u'/' + core->resource();
    m_technology = core->technology();
    m_resource = core->resource();
    const auto update = [this] { refresh(); };
    QObject::connect(core, &Endpoint::stateChanged, this, update);
    QObject::connect(core, &Endpoint::channelIdsChanged, this, update);
    QObject::connect(core, &Endpoint::contactStatusChanged, this, [this](const ContactInfo &c) {
        Q_EMIT contactStatusChanged(c.toJson().toVariantMap());
    });
    QObject::connect(core, &Endpoint::peerStatusChanged, this, [this](const Peer &p) {
        Q_EMIT peerStatusChanged(p.toJson().toVariantMap());
    });
    QObject::connect(core, &Endpoint::textMessageReceived, this, [this](const TextMessage &m) {
        Q_EMIT textMessageReceived(m.toJson().toVariantMap());
    });
    setKnown(true);
    refresh();
}

void QmlEndpoint::refresh()
{
    Endpoint *e = m_core;
    if (!e)
        return;
    const QString state = lowerEnumName(e->state());
    if (state != m_state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
    if (e->channelIds() != m_channelIds) {
        m_channelIds = e->channelIds();
        Q_EMIT channelIdsChanged(m_channelIds);
    }
}

QJSValue QmlEndpoint::get()
{
    QTARI_QML_LIVE(u"endpoints.get"_s);
    return m_client->promises()->track(m_core->get(), wrapper<Endpoint>(m_client));
}

QJSValue QmlEndpoint::sendMessage(const QString &from, const QJSValue &options)
{
    const QString op = u"endpoints.sendMessageToEndpoint"_s;
    QTARI_QML_LIVE(op);
    OptionsReader in(options, op);
    EndpointsApi::SendMessageToEndpointOptions o;
    in.read(u"body", o.body);
    in.read(u"variables", o.variables);
    if (const auto e = in.finish())
        return rejectOptions(*e);
    if (from.isEmpty())
        return rejectOptions(invalid(op, qtr("the sender is empty")));
    return m_client->promises()->track(m_core->sendMessage(from, o));
}

QJSValue QmlEndpoint::refer(const QString &from, const QString &referTo, const QJSValue &options)
{
    const QString op = u"endpoints.referToEndpoint"_s;
    QTARI_QML_LIVE(op);
    OptionsReader in(options, op);
    EndpointsApi::ReferToEndpointOptions o;
    in.read(u"toSelf", o.toSelf);
    in.read(u"variables", o.variables);
    if (const auto e = in.finish())
        return rejectOptions(*e);
    if (from.isEmpty() || referTo.isEmpty())
        return rejectOptions(invalid(op, qtr("the sender or the target is empty")));
    return m_client->promises()->track(m_core->refer(from, referTo, o));
}

// ---- QmlDeviceState -----------------------------------------------------------------------------

QmlDeviceState::QmlDeviceState(QmlClient *client, DeviceState *core)
    : QmlLiveObject(client, core), m_core(core)
{
    m_id = core->name();
    QObject::connect(core, &DeviceState::stateChanged, this, [this] { refresh(); });
    setKnown(true);
    refresh();
}

void QmlDeviceState::refresh()
{
    DeviceState *s = m_core;
    if (!s)
        return;
    QString state = s->info().state();
    if (state.isEmpty())
        state = u"UNKNOWN"_s;
    if (state != m_state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

QJSValue QmlDeviceState::get()
{
    QTARI_QML_LIVE(u"deviceStates.get"_s);
    return m_client->promises()->track(m_core->get(), wrapper<DeviceState>(m_client));
}

QJSValue QmlDeviceState::update(const QString &state)
{
    const QString op = u"deviceStates.update"_s;
    QTARI_QML_LIVE(op);
    if (state.isEmpty())
        return rejectOptions(invalid(op, qtr("the state is empty")));
    return m_client->promises()->track(m_core->update(state));
}

QJSValue QmlDeviceState::deleteState()
{
    QTARI_QML_LIVE(u"deviceStates.delete"_s);
    return m_client->promises()->track(m_core->deleteState());
}

// ---- QmlMailbox ---------------------------------------------------------------------------------

QmlMailbox::QmlMailbox(QmlClient *client, Mailbox *core) : QmlLiveObject(client, core), m_core(core)
{
    m_id = core->name();
    const auto update = [this] { refresh(); };
    QObject::connect(core, &Mailbox::oldMessagesChanged, this, update);
    QObject::connect(core, &Mailbox::newMessagesChanged, this, update);
    QObject::connect(core, &Mailbox::endedChanged, this, update);
    setKnown(true);
    refresh();
}

void QmlMailbox::refresh()
{
    Mailbox *m = m_core;
    if (!m)
        return;
    if (m->oldMessages() != m_oldMessages) {
        m_oldMessages = m->oldMessages();
        Q_EMIT oldMessagesChanged(m_oldMessages);
    }
    if (m->newMessages() != m_newMessages) {
        m_newMessages = m->newMessages();
        Q_EMIT newMessagesChanged(m_newMessages);
    }
    if (m->isEnded())
        setEnded();
}

// A deleted mailbox's core object lingers until deleteLater(): nothing may recreate it.
#define QTARI_QML_MAILBOX(op)                                                                       \
    if (!m_core || !m_client || isEnded())                                                         \
    return goneError(op)

QJSValue QmlMailbox::get()
{
    QTARI_QML_MAILBOX(u"mailboxes.get"_s);
    return m_client->promises()->track(m_core->get(), wrapper<Mailbox>(m_client));
}

QJSValue QmlMailbox::update(int oldMessages, int newMessages)
{
    const QString op = u"mailboxes.update"_s;
    QTARI_QML_MAILBOX(op);
    if (oldMessages < 0 || newMessages < 0)
        return rejectOptions(invalid(op, qtr("message counts cannot be negative")));
    return m_client->promises()->track(m_core->update(oldMessages, newMessages));
}

QJSValue QmlMailbox::deleteMailbox()
{
    QTARI_QML_MAILBOX(u"mailboxes.delete"_s);
    return m_client->promises()->track(m_core->deleteMailbox());
}

} // namespace QtAri::Qml
