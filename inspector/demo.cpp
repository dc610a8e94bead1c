// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "demo.h"

#include <QtAri/BridgesApi>
#include <QtAri/Channel>
#include <QtAri/ChannelsApi>
#include <QtAri/Client>
#include <QtAri/Continuation>
#include <QtAri/SoundsApi>
#include <QtAri/Testing/Simulator>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

namespace {
    constexpr auto demoApp = "demo"_L1;
}

Demo::Demo(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(1500);
    connect(&m_timer, &QTimer::timeout, this, &Demo::tick);
}

Demo::~Demo()
{
    // The driver fails its pending futures as it goes; this object (their context) must still
    // be alive then (Qt 6.4 asserts it).
    m_timer.stop();
    delete m_driver;
    m_driver = nullptr;
    delete m_sim;
    m_sim = nullptr;
}

bool Demo::start()
{
    m_sim = new QtAri::Testing::Simulator(this);
    m_sim->setAsteriskId(u"02:42:ac:11:00:02"_s);
    if (!m_sim->start())
        return false;

    m_driver = new QtAri::Client(this);
    m_driver->setUrl(m_sim->url());
    m_driver->setCredentials(u"asterisk"_s, u"asterisk"_s);
    m_driver->setApplicationNames({ QString(demoApp) });
    connect(m_driver, &QtAri::Client::stasisStarted, this,
        [this](QtAri::Channel *channel, const QStringList &) { onStasisStart(channel->id()); });
    connect(m_driver, &QtAri::Client::channelDestroyed, this,
        [this](QtAri::Channel *channel, int, const QString &) {
            m_calls.removeAll(channel->id());
            m_waiting.removeAll(channel->id());
        });
    QtAri::onFinished(m_driver->connectToServer(), this, [this](const QtAri::Result<void> &r) {
        if (!r)
            return;
        QtAri::onFinished(
            m_driver->sounds()->list(), this, [this](const QtAri::Result<QList<SoundInfo>> &s) {
                if (s) {
                    for (const SoundInfo &info : *s)
                        m_sounds.append(info.id());
                }
            });
        // A few callers at once, so the console is not empty at the start.
        for (int i = 0; i < 4; ++i)
            m_calls.append(m_sim->startCall(
                QString(demoApp), { u"incoming"_s }, u"demo-call-%1"_s.arg(++m_callNumber)));
        m_timer.start();
    });
    return true;
}

void Demo::stop()
{
    m_timer.stop();
    if (m_driver)
        m_driver->disconnectFromServer();
}

ConnectionProfile Demo::profile(int number) const
{
    ConnectionProfile p;
    p.name = number > 1 ? tr("Demo %1").arg(number) : tr("Demo");
    p.url = m_sim ? m_sim->url() : QUrl();
    p.user = u"asterisk"_s;
    p.password = u"asterisk"_s;
    p.applications = { u"qtari-inspector"_s };
    p.subscribeAll = true;
    return p;
}

void Demo::tick()
{
    // A new caller every tick or two while there is room.
    if (int(m_calls.size()) < m_maxCalls && m_random.bounded(3) != 0) {
        const QString id = m_sim->startCall(
            QString(demoApp), { u"incoming"_s }, u"demo-call-%1"_s.arg(++m_callNumber));
        m_calls.append(id);
    }
    // Rooms whose callers have all gone are closed.
    for (const QJsonValue &b : m_sim->bridges()) {
        const QJsonObject bridge = b.toObject();
        if (bridge.value("channels"_L1).toArray().isEmpty())
            m_driver->bridges()->destroy(bridge.value("id"_L1).toString());
    }
    // Callers press keys now and then, and eventually hang up.
    for (const QString &id : QStringList(m_calls)) {
        const int roll = int(m_random.bounded(100));
        if (roll < 12)
            m_sim->sendDtmf(id, QString(QChar(u'0' + int(m_random.bounded(10)))));
        else if (roll < 18 && m_calls.size() > 3)
            m_sim->hangupChannel(id, 16);
    }
}

void Demo::onStasisStart(const QString &channelId)
{
    if (!m_calls.contains(channelId))
        m_calls.append(channelId);
    QTimer::singleShot(400 + int(m_random.bounded(900)), this, [this, channelId] {
        if (!m_calls.contains(channelId))
            return;
        QtAri::onFinished(m_driver->channels()->answer(channelId), this,
            [this, channelId](const QtAri::Result<void> &r) {
                if (r)
                    answered(channelId);
            });
    });
}

void Demo::answered(const QString &channelId)
{
    const QString sound = m_sounds.isEmpty()
        ? u"hello-world"_s
        : m_sounds.at(int(m_random.bounded(qsizetype(m_sounds.size()))));
    m_driver->channels()->play(channelId, { u"sound:"_s + sound });
    m_waiting.removeAll(channelId);
    if (m_waiting.isEmpty()) {
        m_waiting.append(channelId);
        return;
    }
    // Two answered callers: put them in a bridge together.
    const QStringList pair { m_waiting.takeFirst(), channelId };
    QtAri::BridgesApi::CreateOptions opts;
    opts.type = u"mixing"_s;
    opts.name = u"room-%1"_s.arg(++m_roomNumber);
    QtAri::onFinished(
        m_driver->bridges()->create(opts), this, [this, pair](const QtAri::Result<BridgeInfo> &b) {
            if (b)
                m_driver->bridges()->addChannel(b->id(), pair);
        });
}

} // namespace QtAri::Inspector
