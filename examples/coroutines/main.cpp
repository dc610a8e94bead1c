// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// The play-playback idea written as one coroutine (QCoro): each step co_awaits an operation's
// future or an event's signal, and reads top to bottom like the script of the call.

#include <QtAri/Channel>
#include <QtAri/ChannelsApi>
#include <QtAri/Client>
#include <QtAri/Playback>

#include <QCoroFuture>
#include <QCoroSignal>
#include <QCoroTask>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

#include <chrono>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

struct Settings
{
    QString app;
    QString endpoint;
    QString media;
};

int fail(const QString &what)
{
    std::fprintf(stderr, "%s\n", qPrintable(what));
    return 1;
}

void say(const QString &what)
{
    std::printf("%s\n", qPrintable(what));
}

// Returns the exit code. A coroutine has no context object: the live objects it uses are held
// in QPointers and checked after every co_await, since each one gives the event loop a turn.
QCoro::Task<int> call(QtAri::Client &client, Settings settings)
{
    const QtAri::Result<void> connected = co_await client.connectToServer();
    if (!connected)
        co_return fail(connected.error().toString());

    // Listen before the call exists: qCoro() on a signal connects as soon as it is called.
    QPointer<QtAri::Channel> channel = client.newChannel();
    auto inStasis = qCoro(channel.data(), &QtAri::Channel::stasisStarted, 60s);
    const QtAri::ChannelsApi::OriginateWithIdOptions options { .app = settings.app };
    const QtAri::Result<QtAri::Channel *> originated =
            co_await channel->originate(settings.endpoint, options);
    if (!originated)
        co_return fail(originated.error().toString());
    const auto stasisArgs = co_await std::move(inStasis);
    if (!stasisArgs || !channel)
        co_return fail(u"the call did not reach the application"_s);
    say(settings.endpoint + u" answered"_s);

    QPointer<QtAri::Playback> playback = client.newPlayback();
    auto played = qCoro(playback.data(), &QtAri::Playback::finished, 60s);
    // (a braced list inside a co_await expression trips GCC 12: name the list first)
    const QStringList media { settings.media };
    const QtAri::Result<QtAri::Playback *> started =
            co_await channel->playWithId(playback->id(), media);
    if (!started)
        co_return fail(started.error().toString());
    const auto finished = co_await std::move(played);
    if (!finished)
        co_return fail(u"the playback did not finish"_s);
    say(u"played "_s + settings.media);

    if (!channel)
        co_return fail(u"the call ended early"_s);
    auto hungUp = qCoro(channel.data(), &QtAri::Channel::hungUp, 10s);
    const QtAri::Result<void> hangup = co_await channel->hangup();
    if (!hangup)
        co_return fail(hangup.error().toString());
    const auto ended = co_await std::move(hungUp);
    if (!ended)
        co_return fail(u"no hangup event"_s);
    say(u"hung up: "_s + std::get<1>(*ended));
    co_return 0;
}

QCoro::Task<> run(QtAri::Client &client, Settings settings)
{
    QCoreApplication::exit(co_await call(client, std::move(settings)));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Calls --endpoint, plays --media once answered and hangs up, as one coroutine."_s);
    parser.addHelpOption();
    parser.addOptions({ { u"url"_s, u"ARI server"_s, u"url"_s, u"http://127.0.0.1:8088"_s },
                        { u"user"_s, u"ARI user"_s, u"user"_s, u"asterisk"_s },
                        { u"password"_s, u"ARI password"_s, u"password"_s, u"asterisk"_s },
                        { u"app"_s, u"Stasis application"_s, u"app"_s, u"hello"_s },
                        { u"endpoint"_s, u"Endpoint to call"_s, u"endpoint"_s, u"PJSIP/1000"_s },
                        { u"media"_s, u"Media to play"_s, u"uri"_s, u"sound:hello-world"_s },
                        { u"timeout"_s, u"Give up after this many seconds"_s, u"s"_s, u"20"_s } });
    parser.process(app);

    QtAri::Client client;
    client.setUrl(QUrl(parser.value(u"url"_s)));
    client.setCredentials(parser.value(u"user"_s), parser.value(u"password"_s));
    client.setApplicationNames({ parser.value(u"app"_s) });
    QTimer::singleShot(parser.value(u"timeout"_s).toInt() * 1000, &app, [] {
        std::fprintf(stderr, "timed out\n");
        QCoreApplication::exit(1);
    });
    run(client, { parser.value(u"app"_s), parser.value(u"endpoint"_s), parser.value(u"media"_s) });
    return app.exec();
}
