// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// QtAri with QCoro: an application co_awaits QtAri operations (their QFutures) and events (their
// signals) against the simulator, failures included.

#include <QtAri/Channel>
#include <QtAri/ChannelsApi>
#include <QtAri/Client>
#include <QtAri/Testing/Simulator>

#include <QCoroAsyncGenerator>
#include <QCoroFuture>
#include <QCoroSignal>
#include <QCoroTask>

#include <QtCore/QPointer>
#include <QtNetwork/QTcpServer>
#include <QtTest/QTest>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using QtAri::Result;

namespace {

// What the coroutine under test saw, step by step; the test compares it afterwards.
struct Trace
{
    QStringList steps;
    QString failure;
    bool failed(const QString &why)
    {
        failure = why;
        return false;
    }
};

// An incoming call: wait for it, answer it, collect digits until '#', hang up.
QCoro::Task<bool> ivr(QtAri::Testing::Simulator &sim, QtAri::Client &client, Trace &trace)
{
    const Result<void> connected = co_await client.connectToServer();
    if (!connected)
        co_return trace.failed(connected.error().toString());
    trace.steps << u"connected"_s;

    auto arrived = qCoro(&client, &QtAri::Client::stasisStarted, 5s);
    const QString id = sim.startCall(u"coro"_s, { u"sales"_s });
    const auto start = co_await std::move(arrived);
    if (!start)
        co_return trace.failed(u"no StasisStart"_s);
    QPointer<QtAri::Channel> channel = std::get<0>(*start);
    if (!channel || channel->id() != id)
        co_return trace.failed(u"StasisStart for another channel"_s);
    trace.steps << u"stasis "_s + std::get<1>(*start).join(u',');

    const Result<void> answered = co_await channel->answer();
    if (!answered || !channel)
        co_return trace.failed(answered ? u"channel gone"_s : answered.error().toString());
    trace.steps << u"answered "_s + QVariant::fromValue(channel->state()).toString();

    // A signal that fires again and again is a stream: a listener queues every emission (a
    // fresh qCoro() per digit would miss, or worse, the digits that come in one burst).
    QString digits;
    auto keys = qCoroSignalListener(channel.data(), &QtAri::Channel::dtmfReceived, 5s);
    sim.sendDtmf(id, u"42#"_s);
    auto key = co_await keys.begin();
    for (; key != keys.end(); co_await ++key) {
        if (std::get<0>(*key) == u"#")
            break;
        digits += std::get<0>(*key);
    }
    if (key == keys.end())
        co_return trace.failed(u"no '#' within 5 s"_s);
    trace.steps << u"digits "_s + digits;

    if (!channel)
        co_return trace.failed(u"channel gone"_s);
    auto ended = qCoro(channel.data(), &QtAri::Channel::hungUp, 5s);
    const Result<void> hangup = co_await channel->hangup();
    if (!hangup)
        co_return trace.failed(hangup.error().toString());
    const auto cause = co_await std::move(ended);
    if (!cause)
        co_return trace.failed(u"no hangup event"_s);
    trace.steps << u"hung up %1"_s.arg(std::get<0>(*cause));
    co_return true;
}

// Errors arrive through co_await like values: a 404 from Asterisk, a refused connection.
QCoro::Task<QStringList> failures(QtAri::Client &client, QtAri::Client &offline)
{
    const auto describe = [](const QtAri::Error &e) {
        return QVariant::fromValue(e.kind()).toString()
                + (e.httpStatus() ? u" %1"_s.arg(e.httpStatus()) : QString());
    };
    QStringList seen;
    const Result<void> connected = co_await client.connectToServer();
    if (!connected)
        co_return QStringList { describe(connected.error()) };
    const Result<QtAri::ChannelInfo> missing = co_await client.channels()->get(u"no-such-call"_s);
    seen << (missing ? u"a channel"_s : describe(missing.error()));
    const Result<void> refused = co_await offline.connectToServer();
    seen << (refused ? u"connected"_s : describe(refused.error()));
    co_return seen;
}

quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

void configure(QtAri::Client &client, const QUrl &url)
{
    client.setUrl(url);
    client.setCredentials(u"asterisk"_s, u"asterisk"_s);
    client.setApplicationNames({ u"coro"_s });
}

} // namespace

class TestCoroutines : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void operationsAndEvents();
    void errorsAreValues();
};

void TestCoroutines::operationsAndEvents()
{
    QtAri::Testing::Simulator sim;
    QVERIFY(sim.start());
    QtAri::Client client;
    configure(client, sim.url());
    Trace trace;
    const bool ok = QCoro::waitFor(ivr(sim, client, trace));
    QVERIFY2(ok, qPrintable(trace.failure));
    QCOMPARE(trace.steps, QStringList({ u"connected"_s, u"stasis sales"_s, u"answered Up"_s,
                                        u"digits 42"_s, u"hung up 16"_s }));
}

void TestCoroutines::errorsAreValues()
{
    QtAri::Testing::Simulator sim;
    QVERIFY(sim.start());
    QtAri::Client client;
    configure(client, sim.url());
    QtAri::Client offline;
    configure(offline, QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort())));
    // (the first connectToServer() is not retried: it reports its error)
    QCOMPARE(QCoro::waitFor(failures(client, offline)),
             QStringList({ u"Http 404"_s, u"Network"_s }));
}

QTEST_GUILESS_MAIN(TestCoroutines)
#include "tst_coroutines.moc"
