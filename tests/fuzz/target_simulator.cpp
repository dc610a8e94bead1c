// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Fuzz target: the simulator's REST routing and parameter validation.
//
// SimulatorPrivate::handleRestRequest() turns method, path below /ari, query, body and content
// type into a Reply: spec matching, parameter checks, then the operation itself. It is what both
// HTTP and REST-over-WebSocket requests reach after authentication. The simulator's sources are
// compiled into this program (CMakeLists.txt), so the private class is at hand; the Simulator's d
// pointer is reached with the explicit-instantiation rule below, without touching its header.
//
// Input: requests separated by a line "%%", each "METHOD /path?query[ ro]\n<body>", e.g.
//   POST /channels?endpoint=PJSIP/100&app=a
//   %%
//   POST /channels/1/answer
// A fresh Simulator per input; zero-delay timers run after every request, so state built by one
// request is what the next one sees.
//
// Invariants: a status in 100..599; a non-empty JSON reply body is valid JSON.

#include "fuzzcommon.h"
#include "simulator_p.h"

#include <QtAri/Testing/Simulator>

#include <QtCore/QEventLoop>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonParseError>
#include <QtCore/QUrlQuery>

#include <memory>

using namespace QtAri::Testing;
using QtAriFuzz::check;

namespace {

// Naming a private member in an explicit instantiation is allowed ([temp.spec.general]); the friend
// defined inside hands the member out.
using SimulatorD = std::unique_ptr<SimulatorPrivate> Simulator::*;
template <SimulatorD member> struct DPointer
{
    friend SimulatorPrivate *simulatorPrivate(Simulator &simulator)
    {
        return (simulator.*member).get();
    }
};
SimulatorPrivate *simulatorPrivate(Simulator &simulator);
template struct DPointer<&Simulator::d>;

void runZeroTimers()
{
    for (int i = 0; i < 4; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
}

void handle(SimulatorPrivate *sim, const QByteArray &request)
{
    const qsizetype lineEnd = request.indexOf('\n');
    QByteArray line = request.left(lineEnd < 0 ? request.size() : lineEnd);
    const QByteArray body = lineEnd < 0 ? QByteArray() : request.mid(lineEnd + 1);
    bool readOnly = false;
    if (line.endsWith(" ro")) {
        readOnly = true;
        line.chop(3);
    }
    const qsizetype space = line.indexOf(' ');
    const QString method = QString::fromUtf8(line.left(space < 0 ? 0 : space)).toUpper();
    const QByteArray target = line.mid(space + 1);
    const qsizetype mark = target.indexOf('?');
    // Like the HTTP side: the encoded path, the query as a QUrlQuery of the encoded text.
    const QString path = QString::fromUtf8(target.left(mark < 0 ? target.size() : mark));
    const QUrlQuery query(mark < 0 ? QString() : QString::fromUtf8(target.mid(mark + 1)));
    const QByteArray contentType = body.isEmpty() ? QByteArray() : QByteArrayLiteral("application/json");

    const Reply reply = sim->handleRestRequest(method, path, query, body, contentType, readOnly);
    check(reply.status >= 100 && reply.status <= 599, "the reply status is an HTTP status");
    if (!reply.body.isEmpty() && reply.contentType.startsWith("application/json")) {
        QJsonParseError error;
        (void)QJsonDocument::fromJson(reply.body, &error);
        check(error.error == QJsonParseError::NoError, "a JSON reply body is valid JSON");
    }
    runZeroTimers();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QtAriFuzz::setUp();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QtAriFuzz::bytes(data, size);
    auto simulator = std::make_unique<Simulator>();
    SimulatorPrivate *sim = simulatorPrivate(*simulator);
    const QByteArray separator = QByteArrayLiteral("\n%%\n");
    qsizetype from = 0;
    for (int count = 0; from <= input.size() && count < 64; ++count) { // 64: bounded run time
        qsizetype end = input.indexOf(separator, from);
        if (end < 0)
            end = input.size();
        handle(sim, input.mid(from, end - from));
        from = end + separator.size();
    }
    simulator.reset();
    runZeroTimers(); // deleteLater()s
    return 0;
}
