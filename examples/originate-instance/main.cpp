// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Create a channel object first, wire its signals, then originate with its id: no event can be
// missed, because the object exists before Asterisk knows the channel.

#include <QtAri/Channel>
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
            u"Calls --endpoint into the application and hangs up once it is in Stasis."_s);
    parser.addHelpOption();
    parser.addOptions({ { u"url"_s, u"ARI server"_s, u"url"_s, u"http://127.0.0.1:8088"_s },
                        { u"user"_s, u"ARI user"_s, u"user"_s, u"asterisk"_s },
                        { u"password"_s, u"ARI password"_s, u"password"_s, u"asterisk"_s },
                        { u"app"_s, u"Stasis application"_s, u"app"_s, u"hello"_s },
                        { u"endpoint"_s, u"Endpoint to call"_s, u"endpoint"_s, u"PJSIP/1000"_s },
                        { u"timeout"_s, u"Give up after this many seconds"_s, u"s"_s, u"20"_s } });
    parser.process(app);
    const QString appName = parser.value(u"app"_s);

    QtAri::Client client;
    client.setUrl(QUrl(parser.value(u"url"_s)));
    client.setCredentials(parser.value(u"user"_s), parser.value(u"password"_s));
    client.setApplicationNames({ appName });
    QTimer::singleShot(parser.value(u"timeout"_s).toInt() * 1000, &app, [] {
        std::fprintf(stderr, "timed out\n");
        QCoreApplication::exit(1);
    });

    QtAri::onFinished(client.connectToServer(), &client, [&](const QtAri::Result<void> &connected) {
        if (!connected) {
            std::fprintf(stderr, "connect failed: %s\n", qPrintable(connected.error().toString()));
            QCoreApplication::exit(1);
            return;
        }
        // ari.Channel(): an object with a client-side id, ready for signal connections.
        QtAri::Channel *channel = client.newChannel();
        QObject::connect(channel, &QtAri::Channel::stasisStarted, channel,
                         [channel](const QStringList &args) {
                             std::printf("%s entered Stasis with args [%s]\n",
                                         qPrintable(channel->id()),
                                         qPrintable(args.join(u',')));
                             channel->hangup();
                         });
        QObject::connect(channel, &QtAri::Channel::hungUp, &client,
                         [](int cause, const QString &causeText) {
                             std::printf("hung up: %d %s\n", cause, qPrintable(causeText));
                             QCoreApplication::exit(0);
                         });
        // On a real PBX Stasis starts when the endpoint answers; no dialplan is involved.
        QtAri::onFinished(channel->originate(parser.value(u"endpoint"_s),
                                             { .app = appName, .appArgs = u"dialed"_s }),
                          &client, [](const QtAri::Result<QtAri::Channel *> &originated) {
                              if (!originated) {
                                  std::fprintf(stderr, "originate failed: %s\n",
                                               qPrintable(originated.error().toString()));
                                  QCoreApplication::exit(1);
                              }
                          });
    });
    return app.exec();
}
