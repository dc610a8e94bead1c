// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Connect to ARI, then list the channels, bridges and endpoints the server has. On a real PBX the
// endpoint list shows what the other examples can be given as --endpoint.

#include <QtAri/BridgesApi>
#include <QtAri/ChannelsApi>
#include <QtAri/Client>
#include <QtAri/Continuation>
#include <QtAri/EndpointsApi>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Lists the channels, bridges and endpoints of an ARI server."_s);
    parser.addHelpOption();
    parser.addOptions({ { u"url"_s, u"ARI server"_s, u"url"_s, u"http://127.0.0.1:8088"_s },
                        { u"user"_s, u"ARI user"_s, u"user"_s, u"asterisk"_s },
                        { u"password"_s, u"ARI password"_s, u"password"_s, u"asterisk"_s },
                        { u"app"_s, u"Stasis application"_s, u"app"_s, u"hello"_s },
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
    const auto fail = [](const QtAri::Error &error) {
        std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
        QCoreApplication::exit(1);
    };

    // Each step runs only while `client` is alive, in its thread: QtAri::onFinished().
    const auto listEndpoints = [&] {
        QtAri::onFinished(client.endpoints()->list(), &client,
                          [&](const QtAri::Result<QList<QtAri::EndpointInfo>> &endpoints) {
                              if (!endpoints)
                                  return fail(endpoints.error());
                              std::printf("%lld endpoint(s)\n", qlonglong(endpoints->size()));
                              for (const QtAri::EndpointInfo &e : *endpoints)
                                  std::printf("  %s/%s  %s\n", qPrintable(e.technology()),
                                              qPrintable(e.resource()), qPrintable(e.state()));
                              QCoreApplication::exit(0);
                          });
    };
    const auto listBridges = [&] {
        QtAri::onFinished(client.bridges()->list(), &client,
                          [&](const QtAri::Result<QList<QtAri::BridgeInfo>> &bridges) {
                              if (!bridges)
                                  return fail(bridges.error());
                              std::printf("%lld bridge(s)\n", qlonglong(bridges->size()));
                              for (const QtAri::BridgeInfo &bridge : *bridges)
                                  std::printf("  %s  %s\n", qPrintable(bridge.id()),
                                              qPrintable(bridge.bridgeType()));
                              listEndpoints();
                          });
    };
    const auto listChannels = [&] {
        QtAri::onFinished(client.channels()->list(), &client,
                          [&](const QtAri::Result<QList<QtAri::ChannelInfo>> &channels) {
                              if (!channels)
                                  return fail(channels.error());
                              std::printf("%lld channel(s)\n", qlonglong(channels->size()));
                              for (const QtAri::ChannelInfo &channel : *channels)
                                  std::printf("  %s  %s  %s\n", qPrintable(channel.id()),
                                              qPrintable(channel.name()),
                                              qPrintable(channel.state()));
                              listBridges();
                          });
    };

    QtAri::onFinished(client.connectToServer(), &client, [&](const QtAri::Result<void> &connected) {
        if (!connected)
            return fail(connected.error());
        std::printf("connected to %s\n", qPrintable(client.url().toDisplayString()));
        listChannels();
    });
    return app.exec();
}
