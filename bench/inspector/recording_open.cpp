// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// recording-open: writes a recording of N events (the simulator's realistic flood mix, with a REST
// exchange every 100 events, 2,000 events/s of recorded time), then measures how long the
// Inspector takes to open it offline (RecordingModel, then the whole RecordingView tab) and the
// longest GUI-thread stall while scrolling through it, smoothly and by jumps of the scroll thumb.
// Prints one JSON line of figures (docs/benchmarks.md, "Offline recordings").

#include "models/recordingmodel.h"
#include "recorder.h"
#include "recordingtimeline.h"
#include "stallbench.h"
#include "widgets/recordingview.h"

#include <QtAri/Testing/Simulator>
#include <QtAri/Transport>

#include <QtCore/QCommandLineParser>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimeZone>
#include <QtNetwork/QNetworkRequest>
#include <QtWebSockets/QWebSocket>
#include <QtWidgets/QApplication>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTableView>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace QtAri::Inspector;

namespace {

const QString benchApp = u"recording-bench"_s;

// Receives a flood on a raw event socket and writes it as a recording.
qint64 writeRecording(const QString &fileName, int events, qint64 *bytes)
{
    QFile out(fileName);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return -1;
    QtAri::Testing::Simulator sim;
    sim.setFlood(events, 1000, 100, QtAri::Testing::Simulator::FloodMix::Realistic);
    if (!sim.start())
        return -1;
    const QDateTime start(QDate(2026, 12, 1), QTime(7, 0), Qt::UTC);
    const QJsonObject header { { u"type"_s, u"QtAriRecording"_s }, { u"version"_s, 1 },
        { u"server"_s, sim.url().toString() }, { u"applications"_s, QJsonArray { benchApp } },
        { u"started"_s, Recorder::ariTimestamp(start) } };
    QByteArray buffer = QJsonDocument(header).toJson(QJsonDocument::Compact) + '\n';
    qint64 received = 0;
    bool done = false;
    QWebSocket ws;
    QObject::connect(&ws, &QWebSocket::textMessageReceived, &ws, [&](const QString &text) {
        QByteArray frame = text.toUtf8();
        if (frame.contains("\"BenchDone\"")) {
            done = true;
            return;
        }
        // 2,000 events/s of recorded time instead of the flood's one timestamp.
        const QDateTime at = start.addMSecs(received / 2);
        const QByteArray stamp = Recorder::ariTimestamp(at).toLatin1();
        const qsizetype ts = frame.indexOf("\"timestamp\":\"");
        if (ts >= 0)
            frame.replace(ts + 13, 28, stamp);
        buffer += frame;
        buffer += '\n';
        ++received;
        if (received % 100 == 0) {
            QtAri::Exchange e;
            e.request.method = "GET";
            e.request.path = "/channels/flood-" + QByteArray::number(received % 1000);
            e.request.operation = u"channels.get"_s;
            e.sentAt = at;
            e.elapsedNs = 800'000;
            e.result = QtAri::Response { 404, R"({"message":"Channel not found"})",
                "application/json", {} };
            const QString id = u"qtari-%1"_s.arg(received / 100);
            buffer += Recorder::requestLine(e, id) + '\n' + Recorder::responseLine(e, id) + '\n';
        }
        if (buffer.size() > (8 << 20)) {
            out.write(buffer);
            buffer.clear();
        }
    });
    QUrl url = sim.url();
    url.setScheme(u"ws"_s);
    url.setPath(u"/ari/events"_s);
    url.setQuery(u"app=%1&subscribeAll=true"_s.arg(benchApp));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Basic " + QByteArray("asterisk:asterisk").toBase64());
    ws.open(request);
    QtAriBench::waitFor([&] { return done; }, 600'000);
    out.write(buffer);
    *bytes = out.size();
    return received;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Opening and scrolling a large recording offline"_s);
    parser.addHelpOption();
    parser.addOption(
        { u"events"_s, u"Events in the recording (default 1000000)."_s, u"n"_s, u"1000000"_s });
    parser.addOption({ u"file"_s, u"Write (and keep) the recording here."_s, u"path"_s });
    parser.addOption({ u"reuse"_s, u"Open --file as it is, without writing it."_s });
    parser.process(app);
    QLoggingCategory::setFilterRules(u"qtari.*.info=false\nqtari.*.warning=true"_s);

    QTemporaryDir dir;
    const QString file =
        parser.isSet(u"file"_s) ? parser.value(u"file"_s) : dir.filePath(u"bench.jsonl"_s);
    qint64 events = 0;
    qint64 bytes = 0;
    QElapsedTimer clock;
    clock.start();
    if (!parser.isSet(u"reuse"_s)) {
        events = writeRecording(file, parser.value(u"events"_s).toInt(), &bytes);
        if (events < 0) {
            std::fprintf(stderr, "recording-open: cannot write %s\n", qPrintable(file));
            return 1;
        }
        std::fprintf(stderr, "recording-open: %lld events (%lld bytes) written in %lld ms\n",
            static_cast<long long>(events), static_cast<long long>(bytes),
            static_cast<long long>(clock.elapsed()));
    }

    // Opening: the model alone, then the whole tab (model, simulator and session for the
    // tables, first paint).
    RecordingModel model;
    clock.restart();
    if (!model.open(file)) {
        std::fprintf(stderr, "recording-open: cannot open %s\n", qPrintable(file));
        return 1;
    }
    const qint64 modelOpenMs = clock.elapsed();
    const int rows = model.rowCount();
    clock.restart();
    const int absent = model.findNext("text that is in no line", 0); // reads every line once
    const qint64 findMs = clock.elapsed();
    model.close();

    RecordingView view;
    view.resize(1280, 800);
    clock.restart();
    view.open(file);
    view.show();
    view.logView()->viewport()->repaint();
    const qint64 viewOpenMs = clock.elapsed();
    QtAriBench::waitFor([] { return false; }, 500); // the tables' session connects

    // Scrolling: every step is a setValue() and a synchronous repaint of the log.
    QtAriBench::Probe probe(&view);
    probe.start();
    QScrollBar *bar = view.logView()->verticalScrollBar();
    double smoothMaxMs = 0;
    double jumpMaxMs = 0;
    std::vector<qint64> steps; // every step, for the p99
    QElapsedTimer step;
    for (int i = 0; i < 3000; ++i) { // wheel-like: 3 rows a step
        step.restart();
        bar->setValue(bar->value() + 3);
        view.logView()->viewport()->repaint();
        QCoreApplication::processEvents();
        steps.push_back(step.nsecsElapsed());
        if (step.nsecsElapsed() > 30'000'000 && qEnvironmentVariableIsSet("STALL_TRACE"))
            std::fprintf(stderr, "smooth step %d at row %d: %.1f ms\n", i, bar->value(),
                double(step.nsecsElapsed()) / 1e6);
        smoothMaxMs = std::max(smoothMaxMs, double(step.nsecsElapsed()) / 1e6);
    }
    QRandomGenerator random(20261202);
    for (int i = 0; i < 500; ++i) { // dragging the thumb: anywhere in the file
        step.restart();
        bar->setValue(int(random.bounded(bar->maximum() + 1)));
        view.logView()->viewport()->repaint();
        QCoreApplication::processEvents();
        steps.push_back(step.nsecsElapsed());
        jumpMaxMs = std::max(jumpMaxMs, double(step.nsecsElapsed()) / 1e6);
    }
    for (int i = 0; i < 200; ++i) { // paging from the end backwards
        step.restart();
        bar->setValue(bar->maximum() - i * bar->pageStep());
        view.logView()->viewport()->repaint();
        QCoreApplication::processEvents();
        steps.push_back(step.nsecsElapsed());
        jumpMaxMs = std::max(jumpMaxMs, double(step.nsecsElapsed()) / 1e6);
    }
    const QtAriBench::Stats scroll = QtAriBench::summarise(probe.takeSamples());
    const QtAriBench::Stats stepStats = QtAriBench::summarise(steps);

    // The tables as of the middle of the recording: the simulator replays half of it.
    clock.restart();
    view.selectRow(rows / 2);
    QtAriBench::waitFor([&] { return view.timeline() && view.timeline()->isSettled(); }, 600'000);
    const qint64 seekMs = clock.elapsed();
    const QtAriBench::Stats seek = QtAriBench::summarise(probe.takeSamples());
    probe.stop();

    const QJsonObject result { { u"measure"_s, u"recording-open"_s },
        { u"events"_s, double(events) }, { u"rows"_s, rows }, { u"bytes"_s, double(bytes) },
        { u"model_open_ms"_s, double(modelOpenMs) }, { u"find_through_all_ms"_s, double(findMs) },
        { u"find_found"_s, absent >= 0 }, { u"view_open_ms"_s, double(viewOpenMs) },
        { u"scroll_step_max_ms"_s, smoothMaxMs }, { u"jump_step_max_ms"_s, jumpMaxMs },
        { u"step_p50_ms"_s, stepStats.p50Ms }, { u"step_p99_ms"_s, stepStats.p99Ms },
        { u"scroll_max_stall_ms"_s, scroll.maxMs }, { u"scroll_p99_ms"_s, scroll.p99Ms },
        { u"seek_middle_ms"_s, double(seekMs) }, { u"seek_max_stall_ms"_s, seek.maxMs },
        { u"goal_open_s"_s, 10 }, { u"goal_stall_ms"_s, 50 },
        { u"goal_met"_s,
            viewOpenMs < 10000 && std::max({ smoothMaxMs, jumpMaxMs, scroll.maxMs }) <= 50.0 } };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
