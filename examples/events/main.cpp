// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Client-level events (every channel) next to instance events (one channel only).

#include <QtAri/Channel>
#include <QtAri/ChannelsApi>
#include <QtAri/Client>
#include <QtAri/Continuation>

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
            u"Calls two endpoints: one through a live object, one through the resource API."_s);
    parser.addHelpOption();
    parser.addOptions({ { u"url"_s, u"ARI server"_s, u"url"_s, u"http://127.0.0.1:8088"_s },
                        { u"user"_s, u"ARI user"_s, u"user"_s, u"asterisk"_s },
                        { u"password"_s, u"ARI password"_s, u"password"_s, u"asterisk"_s },
                        { u"app"_s, u"Stasis application"_s, u"app"_s, u"hello"_s },
                        { u"endpoints"_s,
                          u"Two endpoints, comma-separated: the first is called through a live "
                          u"Channel, the second through the channels API"_s,
                          u"a,b"_s, u"PJSIP/1000,PJSIP/1001"_s },
                        { u"timeout"_s, u"Give up after this many seconds"_s, u"s"_s, u"20"_s } });
    parser.process(app);
    const QString appName = parser.value(u"app"_s);
    const QStringList endpoints = parser.value(u"endpoints"_s).split(u',', Qt::SkipEmptyParts);
    if (endpoints.size() != 2) {
        std::fprintf(stderr, "--endpoints needs two endpoints, e.g. PJSIP/1000,PJSIP/1001\n");
        return 2;
    }

    QtAri::Client client;
    client.setUrl(QUrl(parser.value(u"url"_s)));
    client.setCredentials(parser.value(u"user"_s), parser.value(u"password"_s));
    client.setApplicationNames({ appName });
    QTimer::singleShot(parser.value(u"timeout"_s).toInt() * 1000, &app, [] {
        std::fprintf(stderr, "timed out\n");
        QCoreApplication::exit(1);
    });

    int clientLevel = 0;   // StasisStart of any channel
    int instanceLevel = 0; // StasisStart of our own channel only
    int ended = 0;
    const auto check = [&] {
        if (ended < 2)
            return;
        std::printf("client-level StasisStart: %d, instance-level: %d\n", clientLevel,
                    instanceLevel);
        QCoreApplication::exit(clientLevel == 2 && instanceLevel == 1 ? 0 : 1);
    };

    // Client level: called for every channel that enters the application.
    QObject::connect(&client, &QtAri::Client::stasisStarted, &client,
                     [&](QtAri::Channel *channel, const QStringList &args) {
                         ++clientLevel;
                         std::printf("client: %s started [%s]\n", qPrintable(channel->id()),
                                     qPrintable(args.join(u',')));
                         channel->hangup();
                     });
    QObject::connect(&client, &QtAri::Client::channelDestroyed, &client, [&] {
        ++ended;
        check();
    });

    QtAri::onFinished(client.connectToServer(), &client, [&](const QtAri::Result<void> &connected) {
        if (!connected) {
            std::fprintf(stderr, "%s\n", qPrintable(connected.error().toString()));
            QCoreApplication::exit(1);
            return;
        }
        // Instance level: only this channel's events.
        QtAri::Channel *mine = client.newChannel();
        QObject::connect(mine, &QtAri::Channel::stasisStarted, mine, [&, mine] {
            ++instanceLevel;
            std::printf("instance: %s started\n", qPrintable(mine->id()));
        });
        mine->originate(endpoints.at(0), { .app = appName, .appArgs = u"mine"_s });
        // Another channel made through the resource API, with no instance of our own.
        client.channels()->originate(endpoints.at(1), { .app = appName, .appArgs = u"other"_s });
    });
    return app.exec();
}
