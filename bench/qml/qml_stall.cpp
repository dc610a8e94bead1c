// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// qml-stall: a Qt Quick window with a ListView over `import QtAri`'s ChannelModel (delegates bound
// to name, state, callerNumber, bridgeId, duration), N channels and R events/s from the simulator;
// reports the longest GUI-thread stall and the event-loop latency percentiles.
//
// Same method as bench/inspector/inspector_stall.cpp: the simulator runs in its own thread (a real
// server is another process); a probe thread posts a timestamped call into the GUI thread every
// millisecond, and how long each waits to run is the event-loop latency.

#include <QtAri/Client>
#include <QtAri/Testing/Simulator>

#include "stallbench.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRandomGenerator>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtGui/QGuiApplication>
#include <QtQml/QQmlApplicationEngine>
#include <QtQuick/QQuickWindow>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <mutex>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

const QString benchApp = u"qml-stall"_s;

const QByteArray qml = R"(
import QtQuick
import QtAri

Window {
    id: root
    width: 900
    height: 700
    visible: true
    required property url serverUrl
    property alias count: channels.count
    property alias ari: client
    property int delegatesMade: 0

    AriClient {
        id: client
        url: root.serverUrl
        user: "asterisk"
        password: "asterisk"
        applications: ["qml-stall"]
        subscribeAll: true
    }
    ChannelModel {
        id: channels
        client: client
    }
    ListView {
        id: list
        anchors.fill: parent
        model: channels
        delegate: Rectangle {
            required property string name
            required property string state
            required property string callerNumber
            required property string bridgeId
            required property int duration
            width: ListView.view.width
            height: 24
            color: state === "Up" ? "#e8f5e9" : "#fff8e1"
            Component.onCompleted: ++root.delegatesMade
            Text {
                anchors.verticalCenter: parent.verticalCenter
                text: parent.name + "  " + parent.callerNumber + "  " + parent.state + "  "
                      + parent.bridgeId + "  " + parent.duration + " s"
            }
        }
    }
    // Scrolls through the list while the events arrive, so delegates are made and bound too.
    Timer {
        interval: 16
        repeat: true
        running: true
        onTriggered: list.contentY = (list.contentY + 37) % Math.max(1, list.contentHeight - list.height)
    }
}
)";

using QtAriBench::Probe;
using QtAriBench::Server;

using QtAriBench::Stats;
using QtAriBench::summarise;
using QtAriBench::waitFor;

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"GUI-thread stalls of a QML ListView over ChannelModel"_s);
    parser.addHelpOption();
    parser.addOption({ u"channels"_s, u"Live channels (default 10000)."_s, u"n"_s, u"10000"_s });
    parser.addOption({ u"rate"_s, u"Events per second (default 2000)."_s, u"n"_s, u"2000"_s });
    parser.addOption({ u"seconds"_s, u"Seconds of steady traffic (default 10)."_s, u"s"_s, u"10"_s });
    parser.addOption({ u"calls-per-second"_s, u"How fast the channels arrive (default 1000)."_s,
                       u"n"_s, u"1000"_s });
    parser.process(app);
    const int channelCount = parser.value(u"channels"_s).toInt();
    const int rate = parser.value(u"rate"_s).toInt();
    const int seconds = parser.value(u"seconds"_s).toInt();
    const int callsPerSecond = parser.value(u"calls-per-second"_s).toInt();
    QLoggingCategory::setFilterRules(u"qtari.*.info=false\nqtari.*.warning=true"_s);

    QThread serverThread;
    serverThread.start();
    auto *server = new Server(benchApp);
    server->rate = rate;
    server->moveToThread(&serverThread);
    QUrl url;
    QMetaObject::invokeMethod(
            server, [server, &url] {
                server->setUp();
                url = server->sim->url();
            },
            Qt::BlockingQueuedConnection);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral(QTARI_QML_IMPORT_DIR));
    engine.setInitialProperties({ { u"serverUrl"_s, url } });
    engine.loadData(qml);
    if (engine.rootObjects().isEmpty())
        return 1;
    QObject *root = engine.rootObjects().constFirst();
    auto *ari = root->property("ari").value<QObject *>();
    auto *client = ari ? ari->findChild<QtAri::Client *>() : nullptr;
    if (!client)
        return 1;
    quint64 events = 0;
    QObject::connect(client, &QtAri::Client::eventReceived, client, [&events] { ++events; });
    const auto count = [root] { return root->property("count").toInt(); };

    Probe probe(root);
    probe.start();

    // Phase 1: connect to an empty server, then the calls arrive.
    QElapsedTimer load;
    load.start();
    bool connected = false;
    QObject::connect(client, &QtAri::Client::connected, client, [&connected] { connected = true; });
    QMetaObject::invokeMethod(ari, "connect");
    if (!waitFor([&] { return connected; }, 30000)) {
        std::fprintf(stderr, "qml-stall: could not connect\n");
        return 1;
    }
    const qint64 connectMs = load.elapsed();
    load.restart();
    QMetaObject::invokeMethod(
            server, [server, channelCount, callsPerSecond] { server->startRamp(channelCount, callsPerSecond); },
            Qt::BlockingQueuedConnection);
    const bool loaded = waitFor([&] { return count() >= channelCount; }, 120000);
    const qint64 loadMs = load.elapsed();
    waitFor([] { return false; }, 1000);
    const Stats loadStats = summarise(probe.takeSamples());

    // Phase 2: steady traffic while the view scrolls.
    const quint64 before = events;
    QMetaObject::invokeMethod(server, [server] { server->startTraffic(); }, Qt::BlockingQueuedConnection);
    QElapsedTimer run;
    run.start();
    waitFor([&] { return run.elapsed() >= qint64(seconds) * 1000; }, seconds * 1000 + 5000);
    qint64 sent = 0;
    QMetaObject::invokeMethod(
            server, [server, &sent] {
                server->timer->stop();
                sent = server->sent;
            },
            Qt::BlockingQueuedConnection);
    waitFor([&] { return events - before >= quint64(sent); }, 10000);
    const double runSeconds = double(run.elapsed()) / 1000.0;
    const Stats steady = summarise(probe.takeSamples());
    const quint64 received = events - before;
    const int delegates = root->property("delegatesMade").toInt();

    probe.stop();
    QMetaObject::invokeMethod(server, [server] { server->stop(); }, Qt::BlockingQueuedConnection);
    delete server;
    serverThread.quit();
    serverThread.wait();

    const double worst = std::max(loadStats.maxMs, steady.maxMs);
    const double worstP99 = std::max(loadStats.p99Ms, steady.p99Ms);
    const QJsonObject result {
        { u"measure"_s, u"qml-stall"_s },
        { u"phase1"_s, u"channels arriving at %1/s"_s.arg(callsPerSecond) },
        { u"channels"_s, count() },
        { u"channels_loaded"_s, loaded },
        { u"connect_ms"_s, double(connectMs) },
        { u"load_ms"_s, double(loadMs) },
        { u"load_max_stall_ms"_s, loadStats.maxMs },
        { u"load_p99_ms"_s, loadStats.p99Ms },
        { u"events_sent"_s, double(sent) },
        { u"events_received"_s, double(received) },
        { u"events_per_s"_s, double(received) / runSeconds },
        { u"max_stall_ms"_s, steady.maxMs },
        { u"p50_latency_ms"_s, steady.p50Ms },
        { u"p99_latency_ms"_s, steady.p99Ms },
        { u"delegates_made"_s, delegates },
        { u"probe_samples"_s, double(steady.samples) },
        { u"goal"_s, u"longest stall < 50 ms, p99 < 16 ms"_s },
        { u"goal_met"_s, loaded && worst < 50.0 && worstP99 < 16.0 },
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
