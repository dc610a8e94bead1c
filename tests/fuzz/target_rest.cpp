// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Fuzz target: REST response decoding (status, content type, body -> Result<T>).
//
// A Transport that answers every request with the fuzzed Response is given to the generated API
// classes, and one operation per distinct result type is called: the path the client's answers
// take (Private::call, decodeValue / decodeList / decodeVoid / decodeBinary, httpError, fromJson).
//
// Input:  "<operation> <status>\n<content type>\n<body>"
// e.g.    "channels.get 200\napplication/json\n{\"id\":\"1\",...}". An unknown operation name picks
// one by the name's length, so every input reaches a decoder.
//
// Invariants: the future is finished when the call returns (the transport answered at once); a
// 2xx answer gives a value or an InvalidResponse error; any other status gives an Http error
// carrying that status.

#include "fuzzcommon.h"

#include <QtAri/ApplicationsApi>
#include <QtAri/AsteriskApi>
#include <QtAri/BridgesApi>
#include <QtAri/ChannelsApi>
#include <QtAri/DeviceStatesApi>
#include <QtAri/EndpointsApi>
#include <QtAri/MailboxesApi>
#include <QtAri/PlaybacksApi>
#include <QtAri/RecordingsApi>
#include <QtAri/SoundsApi>
#include <QtAri/Transport>

#include <QtCore/QFuture>
#include <QtCore/QPromise>

#include <cstring>
#include <iterator>
#include <string>

using namespace QtAri;
using QtAriFuzz::check;

namespace {

class AnsweringTransport : public Transport
{
public:
    QFuture<Result<Response>> send(const Request &) override
    {
        QPromise<Result<Response>> promise;
        QFuture<Result<Response>> future = promise.future();
        promise.start();
        promise.addResult(Result<Response>(response));
        promise.finish();
        return future;
    }
    Response response;
};

struct Apis
{
    explicit Apis(Transport *t)
        : applications(t), asterisk(t), bridges(t), channels(t), deviceStates(t), endpoints(t),
          mailboxes(t), playbacks(t), recordings(t), sounds(t)
    {
    }
    ApplicationsApi applications;
    AsteriskApi asterisk;
    BridgesApi bridges;
    ChannelsApi channels;
    DeviceStatesApi deviceStates;
    EndpointsApi endpoints;
    MailboxesApi mailboxes;
    PlaybacksApi playbacks;
    RecordingsApi recordings;
    SoundsApi sounds;
};

int g_status = 0;

template <class T> void touch(const T &value) { (void)value.toJson(); }
template <> void touch(const QByteArray &value) { (void)value.size(); }
template <class T> void touch(const QList<T> &values)
{
    for (const T &value : values)
        touch(value);
}

template <class T> void finish(QFuture<Result<T>> future)
{
    check(future.isFinished(), "a call on an answering transport finishes at once");
    const Result<T> result = future.result();
    const bool success = g_status >= 200 && g_status < 300;
    if (result) {
        check(success, "only a 2xx answer gives a value");
        if constexpr (!std::is_void_v<T>)
            touch(*result);
        return;
    }
    const Error &error = result.error();
    if (success) {
        check(error.kind() == Error::Kind::InvalidResponse, "a bad 2xx body is InvalidResponse");
    } else {
        check(error.kind() == Error::Kind::Http, "a non-2xx answer is an Http error");
        check(error.httpStatus() == g_status, "the Http error carries the status");
    }
    (void)error.toString();
    (void)QtAriFuzz::debugString(error);
}

using Call = void (*)(const Apis &);

struct Operation
{
    const char *name;
    Call call;
};

const QString id = QStringLiteral("fuzz-1");

// One operation for each result type the generated API has.
const Operation operations[] = {
    { "applications.list", [](const Apis &a) { finish(a.applications.list()); } },
    { "applications.get", [](const Apis &a) { finish(a.applications.get(id)); } },
    { "asterisk.getInfo", [](const Apis &a) { finish(a.asterisk.getInfo()); } },
    { "asterisk.ping", [](const Apis &a) { finish(a.asterisk.ping()); } },
    { "asterisk.listModules", [](const Apis &a) { finish(a.asterisk.listModules()); } },
    { "asterisk.getModule", [](const Apis &a) { finish(a.asterisk.getModule(id)); } },
    { "asterisk.listLogChannels", [](const Apis &a) { finish(a.asterisk.listLogChannels()); } },
    { "asterisk.getGlobalVar", [](const Apis &a) { finish(a.asterisk.getGlobalVar(id)); } },
    { "asterisk.getObject", [](const Apis &a) { finish(a.asterisk.getObject(id, id, id)); } },
    { "bridges.list", [](const Apis &a) { finish(a.bridges.list()); } },
    { "bridges.get", [](const Apis &a) { finish(a.bridges.get(id)); } },
    { "channels.list", [](const Apis &a) { finish(a.channels.list()); } },
    { "channels.get", [](const Apis &a) { finish(a.channels.get(id)); } },
    { "channels.getChannelVars",
        [](const Apis &a) { finish(a.channels.getChannelVars(id, { id })); } },
    { "channels.rtpstatistics", [](const Apis &a) { finish(a.channels.rtpstatistics(id)); } },
    { "channels.record",
        [](const Apis &a) { finish(a.channels.record(id, id, QStringLiteral("wav"))); } },
    { "channels.play",
        [](const Apis &a) { finish(a.channels.play(id, { QStringLiteral("sound:x") })); } },
    { "channels.answer", [](const Apis &a) { finish(a.channels.answer(id)); } },
    { "deviceStates.list", [](const Apis &a) { finish(a.deviceStates.list()); } },
    { "deviceStates.get", [](const Apis &a) { finish(a.deviceStates.get(id)); } },
    { "endpoints.list", [](const Apis &a) { finish(a.endpoints.list()); } },
    { "endpoints.get", [](const Apis &a) { finish(a.endpoints.get(id, id)); } },
    { "mailboxes.list", [](const Apis &a) { finish(a.mailboxes.list()); } },
    { "mailboxes.get", [](const Apis &a) { finish(a.mailboxes.get(id)); } },
    { "playbacks.get", [](const Apis &a) { finish(a.playbacks.get(id)); } },
    { "recordings.listStored", [](const Apis &a) { finish(a.recordings.listStored()); } },
    { "recordings.getStored", [](const Apis &a) { finish(a.recordings.getStored(id)); } },
    { "recordings.getStoredFile", [](const Apis &a) { finish(a.recordings.getStoredFile(id)); } },
    { "sounds.list", [](const Apis &a) { finish(a.sounds.list()); } },
    { "sounds.get", [](const Apis &a) { finish(a.sounds.get(id)); } },
};

AnsweringTransport *g_transport = nullptr;
Apis *g_apis = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QtAriFuzz::setUp();
    g_transport = new AnsweringTransport;
    g_apis = new Apis(g_transport);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QtAriFuzz::bytes(data, size);
    const qsizetype firstEnd = input.indexOf('\n');
    const QByteArray first = input.left(firstEnd < 0 ? input.size() : firstEnd);
    const qsizetype secondEnd = firstEnd < 0 ? -1 : input.indexOf('\n', firstEnd + 1);
    const QByteArray contentType =
        firstEnd < 0 ? QByteArray() : input.mid(firstEnd + 1, secondEnd < 0 ? -1 : secondEnd - firstEnd - 1);
    const QByteArray body = secondEnd < 0 ? QByteArray() : input.mid(secondEnd + 1);

    const qsizetype space = first.indexOf(' ');
    const std::string name = first.left(space < 0 ? first.size() : space).toStdString();
    bool statusOk = false;
    const int status = space < 0 ? 200 : first.mid(space + 1).toInt(&statusOk);
    g_status = statusOk || space < 0 ? status : 200;

    const Operation *operation = &operations[name.size() % std::size(operations)];
    for (const Operation &candidate : operations) {
        if (std::strcmp(candidate.name, name.c_str()) == 0)
            operation = &candidate;
    }
    g_transport->response = Response { g_status, body, contentType };
    operation->call(*g_apis);
    g_transport->response = Response();
    return 0;
}
