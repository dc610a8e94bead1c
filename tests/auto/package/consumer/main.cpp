// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Connects to an in-process simulator and lists its channels; exits 0 when that worked.

#include <QtAri/ChannelsApi>
#include <QtAri/Client>
#include <QtAri/Continuation>
#include <QtAri/Testing/Simulator>
#include <QtAri/qtari_version.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QtAri::Testing::Simulator sim;
    if (!sim.start())
        return 1;
    const QString call = sim.startCall(QStringLiteral("consumer"));

    QtAri::Client client;
    client.setUrl(sim.url());
    client.setCredentials(QStringLiteral("asterisk"), QStringLiteral("asterisk"));
    client.setApplicationNames({ QStringLiteral("consumer") });
    QTimer::singleShot(20000, &app, [] { QCoreApplication::exit(1); });
    QtAri::onFinished(client.connectToServer(), &client, [&](const QtAri::Result<void> &r) {
        if (!r)
            return QCoreApplication::exit(1);
        QtAri::onFinished(client.channels()->list(), &client,
                          [&](const QtAri::Result<QList<QtAri::ChannelInfo>> &channels) {
                              const bool ok = channels && channels->size() == 1
                                      && channels->first().id() == call;
                              std::printf("QtAri %s: %s\n", QTARI_VERSION_STR,
                                          ok ? "listed the call" : "wrong answer");
                              QCoreApplication::exit(ok ? 0 : 1);
                          });
    });
    return app.exec();
}
