// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Answer incoming calls and collect their DTMF digits until '#'.

#include <QtAri/Channel>
#include <QtAri/Client>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({ { u"url"_s, u"ARI server"_s, u"url"_s, u"http://127.0.0.1:8088"_s },
                        { u"user"_s, u"ARI user"_s, u"user"_s, u"asterisk"_s },
                        { u"password"_s, u"ARI password"_s, u"password"_s, u"asterisk"_s },
                        { u"app"_s, u"Stasis application"_s, u"app"_s, u"hello"_s } });
    parser.process(app);

    QtAri::Client client;
    client.setUrl(QUrl(parser.value(u"url"_s)));
    client.setCredentials(parser.value(u"user"_s), parser.value(u"password"_s));
    client.setApplicationNames({ parser.value(u"app"_s) });
    QTimer::singleShot(20'000, &app, [] {
        std::fprintf(stderr, "timed out (no call sent '#')\n");
        QCoreApplication::exit(1);
    });

    // Every call that enters the application gets answered and its own digit buffer.
    QObject::connect(&client, &QtAri::Client::stasisStarted, &client, [](QtAri::Channel *channel) {
        std::printf("call %s\n", qPrintable(channel->id()));
        channel->answer();
        auto digits = std::make_shared<QString>();
        QObject::connect(channel, &QtAri::Channel::dtmfReceived, channel,
                         [channel, digits](const QString &digit, int durationMs) {
                             std::printf("%s pressed %s (%d ms)\n", qPrintable(channel->id()),
                                         qPrintable(digit), durationMs);
                             if (digit != u"#")
                                 digits->append(digit);
                             else {
                                 std::printf("%s entered \"%s\"\n", qPrintable(channel->id()),
                                             qPrintable(*digits));
                                 QCoreApplication::exit(0);
                             }
                         });
    });

    client.connectToServer().then(&client, [](const QtAri::Result<void> &connected) {
        if (!connected) {
            std::fprintf(stderr, "connect failed: %s\n", qPrintable(connected.error().toString()));
            QCoreApplication::exit(1);
            return;
        }
        std::printf("waiting for calls\n");
    });
    return app.exec();
}
