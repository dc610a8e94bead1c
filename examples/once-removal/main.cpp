// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// "once" and "removeListener" are Qt connections: Qt::SingleShotConnection fires once and
// disconnects itself; QObject::disconnect() removes a handler; connections to a live object go
// with it when it is deleted after its terminal event.

#include <QtAri/Channel>
#include <QtAri/Client>
#include <QtAri/Continuation>
#include <QtAri/Playback>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Calls --endpoint twice; a once-handler and a removed handler see only the first."_s);
    parser.addHelpOption();
    parser.addOptions({ { u"url"_s, u"ARI server"_s, u"url"_s, u"http://127.0.0.1:8088"_s },
                        { u"user"_s, u"ARI user"_s, u"user"_s, u"asterisk"_s },
                        { u"password"_s, u"ARI password"_s, u"password"_s, u"asterisk"_s },
                        { u"app"_s, u"Stasis application"_s, u"app"_s, u"hello"_s },
                        { u"endpoint"_s, u"Endpoint to call (twice, one call after the other)"_s,
                          u"endpoint"_s, u"PJSIP/1000"_s },
                        { u"timeout"_s, u"Give up after this many seconds"_s, u"s"_s, u"20"_s } });
    parser.process(app);
    const QString appName = parser.value(u"app"_s);
    const QString endpoint = parser.value(u"endpoint"_s);

    QtAri::Client client;
    client.setUrl(QUrl(parser.value(u"url"_s)));
    client.setCredentials(parser.value(u"user"_s), parser.value(u"password"_s));
    client.setApplicationNames({ appName });
    QTimer::singleShot(parser.value(u"timeout"_s).toInt() * 1000, &app, [] {
        std::fprintf(stderr, "timed out\n");
        QCoreApplication::exit(1);
    });

    int once = 0, removable = 0, always = 0, playbackFinished = 0;

    // once(): a single-shot connection.
    QObject::connect(&client, &QtAri::Client::stasisStarted, &client, [&] { ++once; },
                     Qt::SingleShotConnection);
    // on() + removeListener(): keep the connection handle and disconnect it.
    QMetaObject::Connection removableConnection;
    removableConnection = QObject::connect(&client, &QtAri::Client::stasisStarted, &client, [&] {
        ++removable;
        QObject::disconnect(removableConnection);
    });

    const auto originate = [&] {
        QtAri::Channel *channel = client.newChannel();
        channel->originate(endpoint, { .app = appName });
    };
    QObject::connect(&client, &QtAri::Client::stasisStarted, &client,
                     [&](QtAri::Channel *channel) {
                         ++always;
                         channel->answer();
                         // A playback wired with a single-shot connection before it starts.
                         QtAri::Playback *playback = client.newPlayback();
                         QObject::connect(
                                 playback, &QtAri::Playback::finished, channel,
                                 [&, channel] {
                                     ++playbackFinished;
                                     channel->hangup();
                                 },
                                 Qt::SingleShotConnection);
                         channel->playWithId(playback->id(), { u"sound:beep"_s });
                     });
    QObject::connect(&client, &QtAri::Client::channelDestroyed, &client, [&] {
        if (always == 1) {
            originate(); // a second call: once and the removed handler must stay silent
            return;
        }
        std::printf("once: %d, removed after first: %d, always: %d, playbacks finished: %d\n",
                    once, removable, always, playbackFinished);
        QCoreApplication::exit(once == 1 && removable == 1 && always == 2 && playbackFinished == 2
                                       ? 0
                                       : 1);
    });

    QtAri::onFinished(client.connectToServer(), &client, [&](const QtAri::Result<void> &connected) {
        if (!connected) {
            std::fprintf(stderr, "%s\n", qPrintable(connected.error().toString()));
            QCoreApplication::exit(1);
            return;
        }
        originate();
    });
    return app.exec();
}
