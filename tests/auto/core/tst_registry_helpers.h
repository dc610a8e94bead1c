// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Shared by the objects tests (tst_registry, tst_livemodels, tst_soak): a Client connected to an
// in-process Simulator, and builders for ARI event JSON shaped like the recorded traces.

#include <QtAri/Client>
#include <QtAri/Testing/Simulator>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

namespace ObjectsTest {

using namespace Qt::StringLiterals;

inline const QString app = u"test-app"_s;
inline const QString stamp = u"2026-11-26T03:10:39.603+0000"_s;

inline QJsonObject callerId(const QString &name, const QString &number)
{
    return { { u"name"_s, name }, { u"number"_s, number } };
}

inline QJsonObject channelJson(const QString &id, const QString &state = u"Up"_s,
                               const QString &callerNumber = u"100"_s)
{
    return {
        { u"id"_s, id },
        { u"name"_s, u"PJSIP/"_s + id },
        { u"state"_s, state },
        { u"protocol_id"_s, QString() },
        { u"caller"_s, callerId(u"Caller"_s, callerNumber) },
        { u"connected"_s, callerId(QString(), QString()) },
        { u"accountcode"_s, QString() },
        { u"dialplan"_s,
          QJsonObject { { u"context"_s, u"default"_s },
                        { u"exten"_s, u"100"_s },
                        { u"priority"_s, 1 },
                        { u"app_name"_s, QString() },
                        { u"app_data"_s, QString() } } },
        { u"creationtime"_s, stamp },
        { u"language"_s, u"en"_s },
    };
}

inline QJsonObject bridgeJson(const QString &id, const QStringList &channels = {})
{
    return {
        { u"id"_s, id },
        { u"technology"_s, u"simple_bridge"_s },
        { u"bridge_type"_s, u"mixing"_s },
        { u"bridge_class"_s, u"stasis"_s },
        { u"creator"_s, u"Stasis"_s },
        { u"name"_s, QString() },
        { u"channels"_s, QJsonArray::fromStringList(channels) },
        { u"video_mode"_s, u"talker"_s },
        { u"creationtime"_s, stamp },
    };
}

inline QJsonObject endpointJson(const QString &technology, const QString &resource)
{
    return { { u"technology"_s, technology },
             { u"resource"_s, resource },
             { u"state"_s, u"online"_s },
             { u"channel_ids"_s, QJsonArray() } };
}

inline QJsonObject playbackJson(const QString &id, const QString &target,
                                const QString &state = u"playing"_s)
{
    return { { u"id"_s, id },
             { u"media_uri"_s, u"sound:hello-world"_s },
             { u"target_uri"_s, target },
             { u"language"_s, u"en"_s },
             { u"state"_s, state } };
}

inline QJsonObject recordingJson(const QString &name, const QString &target,
                                 const QString &state = u"recording"_s)
{
    return { { u"name"_s, name },
             { u"format"_s, u"wav"_s },
             { u"target_uri"_s, target },
             { u"state"_s, state } };
}

inline QJsonObject ariEvent(const QString &type, QJsonObject fields = {})
{
    fields.insert(u"type"_s, type);
    fields.insert(u"application"_s, app);
    fields.insert(u"timestamp"_s, stamp);
    fields.insert(u"asterisk_id"_s, u"02:fc:00:00:00:01"_s);
    return fields;
}

//! A simulator and a Client connected to it (application "test-app"). The tests push events about
//! objects the simulator does not hold, as a server-wide event stream does: the client runs with
//! subscribeAll, where it takes every event as the server's word. (Without subscribeAll it would
//! subscribe to each object it hears of and, told that it does not exist, end it: tst_mirror
//! covers that mode against the simulator's own objects.)
class Connected
{
public:
    explicit Connected(bool subscribeAll = true)
    {
        if (!sim.start())
            return;
        client = std::make_unique<QtAri::Client>();
        client->setUrl(sim.url());
        client->setCredentials(u"asterisk"_s, u"asterisk"_s);
        client->setApplicationNames({ app });
        client->setSubscribeAll(subscribeAll);
        received = std::make_unique<QSignalSpy>(client.get(), &QtAri::Client::eventReceived);
    }

    //! Connects; false (with a test failure message) if that did not work.
    bool connect()
    {
        if (!client)
            return false;
        auto future = client->connectToServer();
        if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10000))
            return false;
        return future.result().has_value();
    }

    //! Pushes \a events through the event socket and waits until the client has handled them all.
    bool push(const QList<QJsonObject> &events)
    {
        const qsizetype target = received->size() + events.size();
        for (const QJsonObject &e : events)
            sim.pushEvent(e);
        return QTest::qWaitFor([&] { return received->size() >= target; }, 20000);
    }
    bool push(const QJsonObject &e) { return push(QList<QJsonObject> { e }); }

    QtAri::Testing::Simulator sim;
    std::unique_ptr<QtAri::Client> client;
    std::unique_ptr<QSignalSpy> received;
};

} // namespace ObjectsTest
