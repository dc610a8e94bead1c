// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// AriClient's accessors for endpoints, device states and mailboxes, and the resource APIs that no
// live object covers (listings, Asterisk's info, subscriptions, user events, external media).
#include "qmlclient_p.h"

#include "qmlobjects_p.h"
#include "qmloptions_p.h"
#include "qmlpromise_p.h"

#include <QtAri/ApplicationsApi>
#include <QtAri/AsteriskApi>
#include <QtAri/BridgesApi>
#include <QtAri/ChannelsApi>
#include <QtAri/Client>
#include <QtAri/DeviceStatesApi>
#include <QtAri/EndpointsApi>
#include <QtAri/EventsApi>
#include <QtAri/MailboxesApi>
#include <QtAri/RecordingsApi>
#include <QtAri/SoundsApi>

#include <QtCore/QCoreApplication>
#include <QtCore/QPointer>

using namespace Qt::StringLiterals;

namespace QtAri::Qml {

namespace {

QString qtr(const char *text)
{
    return QCoreApplication::translate("QtAri", text);
}


} // namespace

QJSValue QmlClient::toJs(const QJsonObject &json) const
{
    QJSEngine *engine = m_promises ? m_promises->engine() : nullptr;
    return engine ? engine->toScriptValue(json.toVariantMap()) : QJSValue();
}

QJSValue QmlClient::rejectInvalid(const QString &operation, const QString &message)
{
    return m_promises->rejected(Error(Error::Kind::InvalidArgument, message, operation));
}

// One converter per kind of list: \a live finds the client's live object for an info (or null).
template<typename Info, typename Live>
static auto listOf(QmlClient *self, Live live)
{
    return [client = QPointer<QmlClient>(self), live](const QList<Info> &infos) {
        QJSEngine *engine = client ? client->promises()->engine() : nullptr;
        if (!engine)
            return QJSValue();
        QJSValue array = engine->newArray(quint32(infos.size()));
        for (qsizetype i = 0; i < infos.size(); ++i) {
            QObject *object = live(client.data(), infos.at(i));
            array.setProperty(quint32(i),
                              object ? engine->toScriptValue(object)
                                     : engine->toScriptValue(infos.at(i).toJson().toVariantMap()));
        }
        return array;
    };
}

template<typename Info>
static auto plainListOf(QmlClient *self)
{
    return listOf<Info>(self, [](QmlClient *, const Info &) -> QObject * { return nullptr; });
}

template<typename Info>
static auto plainOf(QmlClient *self)
{
    return [client = QPointer<QmlClient>(self)](const Info &info) {
        QJSEngine *engine = client ? client->promises()->engine() : nullptr;
        return engine ? engine->toScriptValue(info.toJson().toVariantMap()) : QJSValue();
    };
}

QmlEndpoint *QmlClient::endpoint(const QString &technology, const QString &resource)
{
    return wrap(m_client->endpoint(technology, resource));
}

QmlDeviceState *QmlClient::deviceState(const QString &name)
{
    return wrap(m_client->deviceState(name));
}

QmlMailbox *QmlClient::mailbox(const QString &name)
{
    return wrap(m_client->mailbox(name));
}

QJSValue QmlClient::fetchMailbox(const QString &name)
{
    ensureEngine();
    if (name.isEmpty())
        return rejectInvalid(u"mailboxes.get"_s, qtr("the mailbox name is empty"));
    QPointer<QmlClient> self = this;
    return m_promises->track(m_client->fetchMailbox(name), [self](Mailbox *m) {
        return self ? self->promises()->engine()->toScriptValue(self->wrap(m)) : QJSValue();
    });
}

QJSValue QmlClient::updateDeviceState(const QString &name, const QString &state)
{
    ensureEngine();
    const QString op = u"deviceStates.update"_s;
    if (name.isEmpty() || state.isEmpty())
        return rejectInvalid(op, qtr("the device name or the state is empty"));
    return m_promises->track(m_client->deviceStates()->update(name, state));
}

QJSValue QmlClient::updateMailbox(const QString &name, int oldMessages, int newMessages)
{
    ensureEngine();
    const QString op = u"mailboxes.update"_s;
    if (name.isEmpty())
        return rejectInvalid(op, qtr("the mailbox name is empty"));
    if (oldMessages < 0 || newMessages < 0)
        return rejectInvalid(op, qtr("message counts cannot be negative"));
    return m_promises->track(m_client->mailboxes()->update(name, oldMessages, newMessages));
}

QJSValue QmlClient::listChannels()
{
    ensureEngine();
    return m_promises->track(m_client->channels()->list(),
                             listOf<ChannelInfo>(this, [](QmlClient *c, const ChannelInfo &i) {
                                 return static_cast<QObject *>(c->wrap(c->core()->channel(i.id())));
                             }));
}

QJSValue QmlClient::listBridges()
{
    ensureEngine();
    return m_promises->track(m_client->bridges()->list(),
                             listOf<BridgeInfo>(this, [](QmlClient *c, const BridgeInfo &i) {
                                 return static_cast<QObject *>(c->wrap(c->core()->bridge(i.id())));
                             }));
}

QJSValue QmlClient::listEndpoints()
{
    ensureEngine();
    return m_promises->track(
            m_client->endpoints()->list(),
            listOf<EndpointInfo>(this, [](QmlClient *c, const EndpointInfo &i) {
                return static_cast<QObject *>(
                        c->wrap(c->core()->endpoint(i.technology(), i.resource())));
            }));
}

QJSValue QmlClient::listDeviceStates()
{
    ensureEngine();
    return m_promises->track(
            m_client->deviceStates()->list(),
            listOf<DeviceStateInfo>(this, [](QmlClient *c, const DeviceStateInfo &i) {
                return static_cast<QObject *>(c->wrap(c->core()->deviceState(i.name())));
            }));
}

QJSValue QmlClient::listMailboxes()
{
    ensureEngine();
    return m_promises->track(m_client->mailboxes()->list(),
                             listOf<MailboxInfo>(this, [](QmlClient *c, const MailboxInfo &i) {
                                 return static_cast<QObject *>(c->wrap(c->core()->mailbox(i.name())));
                             }));
}

QJSValue QmlClient::listSounds(const QJSValue &options)
{
    ensureEngine();
    const QString op = u"sounds.list"_s;
    OptionsReader in(options, op);
    SoundsApi::ListOptions o;
    in.read(u"lang", o.lang);
    in.read(u"format", o.format);
    if (const auto e = in.finish())
        return m_promises->rejected(*e);
    return m_promises->track(m_client->sounds()->list(o), plainListOf<SoundInfo>(this));
}

QJSValue QmlClient::listStoredRecordings()
{
    ensureEngine();
    return m_promises->track(m_client->recordings()->listStored(),
                             plainListOf<StoredRecordingInfo>(this));
}

QJSValue QmlClient::listApplications()
{
    ensureEngine();
    return m_promises->track(m_client->applications()->list(), plainListOf<ApplicationInfo>(this));
}

QJSValue QmlClient::asteriskInfo()
{
    ensureEngine();
    return m_promises->track(m_client->asterisk()->getInfo(), plainOf<AsteriskInfo>(this));
}

QJSValue QmlClient::subscribe(const QString &app, const QJSValue &sources)
{
    ensureEngine();
    const QString op = u"applications.subscribe"_s;
    const auto list = stringList(sources, true);
    if (app.isEmpty() || !list)
        return rejectInvalid(op, qtr("give an application and an event source or an array of them"));
    return m_promises->track(m_client->applications()->subscribe(app, *list),
                             plainOf<ApplicationInfo>(this));
}

QJSValue QmlClient::unsubscribe(const QString &app, const QJSValue &sources)
{
    ensureEngine();
    const QString op = u"applications.unsubscribe"_s;
    const auto list = stringList(sources, true);
    if (app.isEmpty() || !list)
        return rejectInvalid(op, qtr("give an application and an event source or an array of them"));
    return m_promises->track(m_client->applications()->unsubscribe(app, *list),
                             plainOf<ApplicationInfo>(this));
}

QJSValue QmlClient::userEvent(const QString &name, const QString &app, const QJSValue &options)
{
    ensureEngine();
    const QString op = u"events.userEvent"_s;
    OptionsReader in(options, op);
    EventsApi::UserEventOptions o;
    in.read(u"source", o.source);
    in.read(u"variables", o.variables);
    if (const auto e = in.finish())
        return m_promises->rejected(*e);
    if (name.isEmpty() || app.isEmpty())
        return rejectInvalid(op, qtr("the event name or the application is empty"));
    return m_promises->track(m_client->events()->userEvent(name, app, o));
}

QJSValue QmlClient::externalMedia(const QString &app, const QString &format, const QJSValue &options)
{
    ensureEngine();
    const QString op = u"channels.externalMedia"_s;
    OptionsReader in(options, op);
    ChannelsApi::ExternalMediaOptions o;
    in.read(u"channelId", o.channelId);
    in.read(u"variables", o.variables);
    in.read(u"externalHost", o.externalHost);
    in.read(u"encapsulation", o.encapsulation);
    in.read(u"transport", o.transport);
    in.read(u"connectionType", o.connectionType);
    in.read(u"direction", o.direction);
    in.read(u"data", o.data);
    in.read(u"transportData", o.transportData);
    if (const auto e = in.finish())
        return m_promises->rejected(*e);
    if (app.isEmpty() || format.isEmpty())
        return rejectInvalid(op, qtr("the application or the format is empty"));
    QPointer<QmlClient> self = this;
    return m_promises->track(m_client->channels()->externalMedia(app, format, o),
                             [self](const ChannelInfo &info) {
                                 return self ? self->channelOrPlain(info) : QJSValue();
                             });
}

QJSValue QmlClient::createChannel(const QString &endpoint, const QString &app, const QJSValue &options)
{
    ensureEngine();
    const QString op = u"channels.create"_s;
    OptionsReader in(options, op);
    ChannelsApi::CreateOptions o;
    in.read(u"appArgs", o.appArgs);
    in.read(u"channelId", o.channelId);
    in.read(u"otherChannelId", o.otherChannelId);
    in.read(u"originator", o.originator);
    in.read(u"formats", o.formats);
    in.read(u"variables", o.variables);
    if (const auto e = in.finish())
        return m_promises->rejected(*e);
    if (endpoint.isEmpty() || app.isEmpty())
        return rejectInvalid(op, qtr("the endpoint or the application is empty"));
    QPointer<QmlClient> self = this;
    return m_promises->track(m_client->channels()->create(endpoint, app, o),
                             [self](const ChannelInfo &info) {
                                 return self ? self->channelOrPlain(info) : QJSValue();
                             });
}

QJSValue QmlClient::channelOrPlain(const ChannelInfo &info)
{
    QJSEngine *engine = m_promises->engine();
    if (!engine)
        return QJSValue();
    if (QmlChannel *c = wrap(m_client->channel(info.id())))
        return engine->toScriptValue(c);
    return toJs(info.toJson());
}

} // namespace QtAri::Qml
