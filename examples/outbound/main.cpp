// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Asterisk connects to us (ari.conf type=outbound_websocket, Asterisk 20.15 / 22.5 and later): a
// small IVR that answers each call, plays a greeting and hangs up. With a persistent connection
// every call arrives on one Client; with per-call connections each call is a session of its own,
// and the program handles as many at once as Asterisk opens. README.md has the configuration.

#include <QtAri/Channel>
#include <QtAri/Client>
#include <QtAri/Continuation>
#include <QtAri/OutboundServer>
#include <QtAri/Playback>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// Answer, play the greeting, hang up when it has played (or at once if it cannot be played).
void handleCall(QtAri::Channel *channel, const QString &media, int *calls, int *done, int quitAfter)
{
    ++*calls;
    std::printf("call %s (%s)\n", qPrintable(channel->id()), qPrintable(channel->info().name()));
    QObject::connect(channel, &QtAri::Channel::hungUp, channel, [channel, done, quitAfter] {
        std::printf("call %s ended\n", qPrintable(channel->id()));
        if (++*done == quitAfter)
            QCoreApplication::exit(0);
    });
    QtAri::onFinished(channel->answer(), channel, [channel, media](const QtAri::Result<void> &answered) {
        if (!answered) {
            std::fprintf(stderr, "answer failed: %s\n", qPrintable(answered.error().toString()));
            return;
        }
        QtAri::onFinished(channel->play({ media }), channel,
                          [channel](const QtAri::Result<QtAri::Playback *> &playing) {
                              if (!playing) {
                                  channel->hangup();
                                  return;
                              }
                              QObject::connect(*playing, &QtAri::Playback::finished, channel,
                                               [channel] { channel->hangup(); });
                          });
    });
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Waits for Asterisk's outbound WebSocket; answers each call, plays a greeting and hangs up."_s);
    parser.addHelpOption();
    parser.addOptions({ { u"listen"_s, u"Address to listen on"_s, u"address"_s, u"0.0.0.0"_s },
                        { u"port"_s, u"Port to listen on (0: any free one)"_s, u"port"_s, u"8765"_s },
                        { u"user"_s, u"Username Asterisk sends (websocket_client.conf)"_s, u"user"_s },
                        { u"password"_s, u"Password Asterisk sends"_s, u"password"_s },
                        { u"app"_s, u"The persistent application (ari.conf apps)"_s, u"app"_s, u"ivr"_s },
                        { u"media"_s, u"What to play"_s, u"uri"_s, u"sound:hello-world"_s },
                        { u"calls"_s, u"Exit 0 after this many calls ended (0: never)"_s, u"n"_s, u"0"_s },
                        { u"timeout"_s, u"Exit 1 after this many seconds (0: never)"_s, u"s"_s, u"0"_s } });
    parser.process(app);

    QtAri::OutboundServer server;
    if (parser.isSet(u"user"_s))
        server.setCredentials(parser.value(u"user"_s), parser.value(u"password"_s));
    const QString media = parser.value(u"media"_s);
    const int quitAfter = parser.value(u"calls"_s).toInt();
    int calls = 0;
    int done = 0;

    // A persistent connection: one Client for the application, there before Asterisk connects.
    QtAri::Client *ivr = server.addApplication(parser.value(u"app"_s));
    QObject::connect(ivr, &QtAri::Client::stateChanged, &app, [](QtAri::Client::State state) {
        std::printf("persistent application: %s\n", QVariant::fromValue(state).toString().toUtf8().constData());
    });
    QObject::connect(ivr, &QtAri::Client::stasisStarted, &app, [&](QtAri::Channel *channel) {
        handleCall(channel, media, &calls, &done, quitAfter);
    });
    // Per-call connections: a short-lived Client per call, named "<app>:<channel name>".
    QObject::connect(&server, &QtAri::OutboundServer::sessionStarted, &app, [&](QtAri::Client *session) {
        std::printf("session %s (%lld open)\n", qPrintable(session->applicationNames().value(0)),
                    qlonglong(server.sessions().size()));
        QObject::connect(session, &QtAri::Client::stasisStarted, session, [&](QtAri::Channel *channel) {
            handleCall(channel, media, &calls, &done, quitAfter);
        });
    });
    QObject::connect(&server, &QtAri::OutboundServer::connectionRefused, &app,
                     [](const QString &peer, const QString &reason) {
                         std::fprintf(stderr, "refused %s: %s\n", qPrintable(peer), qPrintable(reason));
                     });

    if (!server.listen(QHostAddress(parser.value(u"listen"_s)), quint16(parser.value(u"port"_s).toUInt()))) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    // (a line scripts read when they start us with --port 0)
    std::printf("listening on ws://%s:%u/\n", qPrintable(parser.value(u"listen"_s)), unsigned(server.serverPort()));
    std::fflush(stdout);
    if (const int timeout = parser.value(u"timeout"_s).toInt(); timeout > 0) {
        QTimer::singleShot(timeout * 1000, &app, [&] {
            std::fprintf(stderr, "timed out after %d calls\n", calls);
            QCoreApplication::exit(1);
        });
    }
    return app.exec();
}
