// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// First operator to claim wins: StasisBroadcast offers a call to several operator applications
// (one Client each, "<app>-1" .. "<app>-N"); each claims it as soon as it hears of it. The winner
// answers, plays --media and hangs up; the others learn they lost (409, CallClaimed) and their
// clients let the call go.
// Calls come from the dialplan (StasisBroadcast, see README.md), or with --endpoint the first
// operator places one whose far side runs it.

#include <QtAri/Channel>
#include <QtAri/ClaimResult>
#include <QtAri/Client>
#include <QtAri/Continuation>
#include <QtAri/Playback>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QTimer>

#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Several operator applications race to claim a broadcast call; the winner answers "
            "and plays a sound."_s);
    parser.addHelpOption();
    parser.addOptions({ { u"url"_s, u"ARI server"_s, u"url"_s, u"http://127.0.0.1:8088"_s },
                        { u"user"_s, u"ARI user"_s, u"user"_s, u"asterisk"_s },
                        { u"password"_s, u"ARI password"_s, u"password"_s, u"asterisk"_s },
                        { u"app"_s, u"Prefix of the operator applications (<app>-1 ...)"_s,
                          u"app"_s, u"operator"_s },
                        { u"operators"_s, u"How many operators race"_s, u"n"_s, u"3"_s },
                        { u"media"_s, u"What the winner plays"_s, u"uri"_s, u"sound:hello-world"_s },
                        { u"endpoint"_s,
                          u"Also call this endpoint, whose far side runs StasisBroadcast (else "
                          "only wait for calls)"_s,
                          u"endpoint"_s },
                        { u"timeout"_s, u"Give up after this many seconds"_s, u"s"_s, u"20"_s } });
    parser.process(app);
    const QString prefix = parser.value(u"app"_s);
    const int count = qBound(1, parser.value(u"operators"_s).toInt(), 20);
    const QString media = parser.value(u"media"_s);
    const QString endpoint = parser.value(u"endpoint"_s);

    QTimer::singleShot(parser.value(u"timeout"_s).toInt() * 1000, &app, [] {
        std::fprintf(stderr, "timed out (no call was claimed and played)\n");
        QCoreApplication::exit(1);
    });
    const auto fail = [](const QtAri::Error &error) {
        std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
        QCoreApplication::exit(1);
    };

    // What the race came to, per call: one winner; everyone else knows they lost (a 409, or a
    // CallClaimed naming someone else, whichever came first).
    struct Tally
    {
        int won = 0;
        QSet<QString> lost;
    };
    auto tally = std::make_shared<QHash<QString, Tally>>();

    std::vector<std::unique_ptr<QtAri::Client>> operators;
    for (int i = 1; i <= count; ++i) {
        auto client = std::make_unique<QtAri::Client>();
        client->setUrl(QUrl(parser.value(u"url"_s)));
        client->setCredentials(parser.value(u"user"_s), parser.value(u"password"_s));
        const QString name = u"%1-%2"_s.arg(prefix).arg(i);
        client->setApplicationNames({ name });
        QtAri::Client *operatorClient = client.get();

        // A call is offered: claim it at once. Whoever's claim reaches Asterisk first wins.
        QObject::connect(operatorClient, &QtAri::Client::callBroadcast, operatorClient,
                         [=](QtAri::Channel *call, const QString &caller, const QString &called) {
            const QString id = call->id();
            std::printf("%s: call %s from %s to %s\n", qPrintable(name), qPrintable(id),
                        qPrintable(caller), qPrintable(called));
            // A lost call leaves this client's mirror (and is deleted): hold it by QPointer.
            const QPointer<QtAri::Channel> offered(call);
            QtAri::onFinished(call->claim(), operatorClient,
                              [=](const QtAri::Result<QtAri::ClaimResult> &claimed) {
                if (!claimed)
                    return fail(claimed.error());
                switch (*claimed) {
                case QtAri::ClaimResult::Lost:
                    std::printf("%s: lost %s (409)\n", qPrintable(name), qPrintable(id));
                    (*tally)[id].lost.insert(name);
                    return;
                case QtAri::ClaimResult::Unknown:
                    std::printf("%s: %s is no longer on offer\n", qPrintable(name), qPrintable(id));
                    return;
                case QtAri::ClaimResult::Won:
                    break;
                }
                ++(*tally)[id].won;
                std::printf("%s: won %s\n", qPrintable(name), qPrintable(id));
                QtAri::Channel *mine = offered.data(); // in this operator's Stasis now
                if (!mine)
                    return fail(QtAri::Error(QtAri::Error::Kind::Aborted, u"the call is gone"_s));
                // Answer, play, hang up; when it has hung up, see how the race went.
                QObject::connect(mine, &QtAri::Channel::hungUp, operatorClient, [=] {
                    const Tally t = tally->value(id);
                    std::printf("%s: %s done (%d won, %lld lost)\n", qPrintable(name),
                                qPrintable(id), t.won, qlonglong(t.lost.size()));
                    QCoreApplication::exit(t.won == 1 && t.lost.size() == count - 1 ? 0 : 1);
                });
                mine->answer();
                QtAri::Playback *playback = operatorClient->newPlayback();
                QObject::connect(playback, &QtAri::Playback::finished, mine,
                                 [mine] { mine->hangup(); });
                QtAri::onFinished(mine->playWithId(playback->id(), { media }), mine,
                                  [=](const QtAri::Result<QtAri::Playback *> &played) {
                                      if (!played)
                                          fail(played.error());
                                  });
            });
        });
        // Every operator that saw the offer hears who got it (StasisBroadcast's notify_claimed).
        QObject::connect(operatorClient, &QtAri::Client::callClaimed, operatorClient,
                         [=](QtAri::Channel *call, const QString &winner) {
                             std::printf("%s: %s went to %s\n", qPrintable(name),
                                         qPrintable(call->id()), qPrintable(winner));
                             if (winner != name)
                                 (*tally)[call->id()].lost.insert(name);
                         });
        operators.push_back(std::move(client));
    }

    // Connect every operator; then (with --endpoint) place the call that will be broadcast.
    auto connectedCount = std::make_shared<int>(0);
    for (const auto &client : operators) {
        QtAri::Client *operatorClient = client.get();
        QtAri::onFinished(operatorClient->connectToServer(), operatorClient,
                          [&, operatorClient](const QtAri::Result<void> &connected) {
            if (!connected)
                return fail(connected.error());
            if (++*connectedCount < count)
                return;
            std::printf("%d operators waiting for calls\n", count);
            if (endpoint.isEmpty())
                return;
            // The caller side enters the first operator's application when the call is answered;
            // the far side runs the dialplan, StasisBroadcast, which offers it to every operator.
            QtAri::onFinished(operatorClient->newChannel()->originate(
                                      endpoint, { .app = operatorClient->applicationNames().value(0) }),
                              operatorClient, [=](const QtAri::Result<QtAri::Channel *> &originated) {
                                  if (!originated)
                                      fail(originated.error());
                              });
        });
    }
    return app.exec();
}
