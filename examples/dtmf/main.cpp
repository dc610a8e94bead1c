// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Answer the calls that enter the application and collect their DTMF digits until '#'. Calls come
// from the dialplan (Stasis(<app>)), or with --endpoint the example calls that phone itself.

#include <QtAri/Channel>
#include <QtAri/Client>
#include <QtAri/Continuation>

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
    parser.setApplicationDescription(
            u"Answers calls entering the application and prints their digits until '#'."_s);
    parser.addHelpOption();
    parser.addOptions({ { u"url"_s, u"ARI server"_s, u"url"_s, u"http://127.0.0.1:8088"_s },
                        { u"user"_s, u"ARI user"_s, u"user"_s, u"asterisk"_s },
                        { u"password"_s, u"ARI password"_s, u"password"_s, u"asterisk"_s },
                        { u"app"_s, u"Stasis application"_s, u"app"_s, u"hello"_s },
                        { u"endpoint"_s,
                          u"Also call this endpoint into the application (else only wait)"_s,
                          u"endpoint"_s },
                        { u"timeout"_s, u"Give up after this many seconds"_s, u"s"_s, u"20"_s } });
    parser.process(app);
    const QString endpoint = parser.value(u"endpoint"_s);

    QtAri::Client client;
    client.setUrl(QUrl(parser.value(u"url"_s)));
    client.setCredentials(parser.value(u"user"_s), parser.value(u"password"_s));
    client.setApplicationNames({ parser.value(u"app"_s) });
    QTimer::singleShot(parser.value(u"timeout"_s).toInt() * 1000, &app, [] {
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

    QtAri::onFinished(client.connectToServer(), &client, [&](const QtAri::Result<void> &connected) {
        if (!connected) {
            std::fprintf(stderr, "connect failed: %s\n", qPrintable(connected.error().toString()));
            QCoreApplication::exit(1);
            return;
        }
        std::printf("waiting for calls\n");
        if (endpoint.isEmpty())
            return;
        // The call enters the application when the phone answers; stasisStarted() above takes it.
        QtAri::onFinished(client.newChannel()->originate(endpoint,
                                                         { .app = parser.value(u"app"_s) }),
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
