// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Connect to ARI, then list the channels and bridges the server has.

#include <QtAri/BridgesApi>
#include <QtAri/ChannelsApi>
#include <QtAri/Client>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QTimer>

#include <cstdio>

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
        std::fprintf(stderr, "timed out\n");
        QCoreApplication::exit(1);
    });

    client.connectToServer().then(&client, [&client](const QtAri::Result<void> &connected) {
        if (!connected) {
            std::fprintf(stderr, "connect failed: %s\n", qPrintable(connected.error().toString()));
            QCoreApplication::exit(1);
            return;
        }
        std::printf("connected to %s\n", qPrintable(client.url().toDisplayString()));
        client.channels()->list().then(
                &client, [&client](const QtAri::Result<QList<QtAri::ChannelInfo>> &channels) {
            if (!channels) {
                std::fprintf(stderr, "%s\n", qPrintable(channels.error().toString()));
                QCoreApplication::exit(1);
                return;
            }
            std::printf("%lld channel(s)\n", qlonglong(channels->size()));
            for (const QtAri::ChannelInfo &channel : *channels)
                std::printf("  %s  %s  %s\n", qPrintable(channel.id()), qPrintable(channel.name()),
                            qPrintable(channel.state()));
            client.bridges()->list().then(
                    &client, [](const QtAri::Result<QList<QtAri::BridgeInfo>> &bridges) {
                if (!bridges) {
                    std::fprintf(stderr, "%s\n", qPrintable(bridges.error().toString()));
                    QCoreApplication::exit(1);
                    return;
                }
                std::printf("%lld bridge(s)\n", qlonglong(bridges->size()));
                for (const QtAri::BridgeInfo &bridge : *bridges)
                    std::printf("  %s  %s\n", qPrintable(bridge.id()),
                                qPrintable(bridge.bridgeType()));
                QCoreApplication::exit(0);
            });
        });
    });
    return app.exec();
}
