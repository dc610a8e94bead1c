// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Play a sound with a playback object created (and wired) before the play request.

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
            u"Calls --endpoint, plays --media to it once answered, hangs up when it finished."_s);
    parser.addHelpOption();
    parser.addOptions({ { u"url"_s, u"ARI server"_s, u"url"_s, u"http://127.0.0.1:8088"_s },
                        { u"user"_s, u"ARI user"_s, u"user"_s, u"asterisk"_s },
                        { u"password"_s, u"ARI password"_s, u"password"_s, u"asterisk"_s },
                        { u"app"_s, u"Stasis application"_s, u"app"_s, u"hello"_s },
                        { u"endpoint"_s, u"Endpoint to call"_s, u"endpoint"_s, u"PJSIP/1000"_s },
                        { u"media"_s, u"Media to play"_s, u"uri"_s, u"sound:hello-world"_s },
                        { u"timeout"_s, u"Give up after this many seconds"_s, u"s"_s, u"20"_s } });
    parser.process(app);
    const QString appName = parser.value(u"app"_s);
    const QString media = parser.value(u"media"_s);

    QtAri::Client client;
    client.setUrl(QUrl(parser.value(u"url"_s)));
    client.setCredentials(parser.value(u"user"_s), parser.value(u"password"_s));
    client.setApplicationNames({ appName });
    QTimer::singleShot(parser.value(u"timeout"_s).toInt() * 1000, &app, [] {
        std::fprintf(stderr, "timed out\n");
        QCoreApplication::exit(1);
    });

    const auto fail = [](const QtAri::Error &error) {
        std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
        QCoreApplication::exit(1);
    };

    QtAri::onFinished(client.connectToServer(), &client, [&](const QtAri::Result<void> &connected) {
        if (!connected)
            return fail(connected.error());
        QtAri::Channel *channel = client.newChannel();
        QObject::connect(channel, &QtAri::Channel::stasisStarted, channel, [&, channel] {
            channel->answer();
            // ari.Playback(): wire finished() before the playback exists on the server.
            QtAri::Playback *playback = client.newPlayback();
            QObject::connect(playback, &QtAri::Playback::started, playback, [playback] {
                std::printf("playing %s\n", qPrintable(playback->mediaUri()));
            });
            QObject::connect(playback, &QtAri::Playback::finished, channel, [channel] {
                std::printf("playback finished\n");
                channel->hangup();
            });
            // The channel is the context: if it is gone when the reply comes, nothing runs.
            QtAri::onFinished(channel->playWithId(playback->id(), { media }), channel,
                              [&](const QtAri::Result<QtAri::Playback *> &played) {
                                  if (!played)
                                      fail(played.error());
                              });
        });
        QObject::connect(channel, &QtAri::Channel::hungUp, &client,
                         [] { QCoreApplication::exit(0); });
        QtAri::onFinished(channel->originate(parser.value(u"endpoint"_s), { .app = appName }),
                          &client, [&](const QtAri::Result<QtAri::Channel *> &originated) {
                              if (!originated)
                                  fail(originated.error());
                          });
    });
    return app.exec();
}
