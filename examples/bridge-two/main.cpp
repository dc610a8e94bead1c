// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Create a mixing bridge, call two endpoints into the application and bridge them.

#include <QtAri/Bridge>
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
            u"Calls the two --endpoints, bridges them once both answered, then hangs both up."_s);
    parser.addHelpOption();
    parser.addOptions({ { u"url"_s, u"ARI server"_s, u"url"_s, u"http://127.0.0.1:8088"_s },
                        { u"user"_s, u"ARI user"_s, u"user"_s, u"asterisk"_s },
                        { u"password"_s, u"ARI password"_s, u"password"_s, u"asterisk"_s },
                        { u"app"_s, u"Stasis application"_s, u"app"_s, u"hello"_s },
                        { u"endpoints"_s, u"The two endpoints to call, comma-separated"_s,
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
    const auto fail = [](const QtAri::Error &error) {
        std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
        QCoreApplication::exit(1);
    };

    QList<QtAri::Channel *> calls;
    int hungUp = 0;
    QtAri::onFinished(client.connectToServer(), &client, [&](const QtAri::Result<void> &connected) {
        if (!connected)
            return fail(connected.error());
        QtAri::Bridge *bridge = client.newBridge();
        QObject::connect(bridge, &QtAri::Bridge::channelEntered, bridge,
                         [&, bridge](QtAri::Channel *channel) {
                             std::printf("%s entered bridge %s\n", qPrintable(channel->id()),
                                         qPrintable(bridge->id()));
                             if (bridge->channels().size() < 2)
                                 return;
                             std::printf("both calls are bridged\n");
                             for (QtAri::Channel *call : std::as_const(calls))
                                 call->hangup();
                             bridge->destroy();
                         });
        QtAri::onFinished(
                bridge->create({ .type = u"mixing"_s, .name = u"example"_s }), bridge,
                [&, bridge](const QtAri::Result<QtAri::Bridge *> &created) {
                    if (!created)
                        return fail(created.error());
                    for (const QString &endpoint : endpoints) {
                        QtAri::Channel *channel = client.newChannel();
                        calls << channel;
                        QObject::connect(channel, &QtAri::Channel::stasisStarted, channel,
                                         [channel, bridge] {
                                             channel->answer();
                                             bridge->addChannel({ channel->id() });
                                         });
                        QObject::connect(channel, &QtAri::Channel::hungUp, &client, [&] {
                            if (++hungUp == 2)
                                QCoreApplication::exit(0);
                        });
                        QtAri::onFinished(channel->originate(endpoint, { .app = appName }),
                                          &client,
                                          [&](const QtAri::Result<QtAri::Channel *> &r) {
                                              if (!r)
                                                  fail(r.error());
                                          });
                    }
                });
    });
    return app.exec();
}
