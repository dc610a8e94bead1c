// The control API of the simulator (docs/simulator.md): start calls, send DTMF, answer and hang up
// from the far side, device states, mailboxes, faults, raw frames, state, reset, scripts; and the
// small Simulator methods it needs that the scripting API did not have.
#include "control_p.h"
#include "simulator_p.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QRegularExpression>
#include <QtCore/QUrl>

using namespace Qt::StringLiterals;

namespace QtAri::Testing {

namespace {

    const QStringList kDeviceStates { u"UNKNOWN"_s, u"NOT_INUSE"_s, u"INUSE"_s, u"BUSY"_s,
        u"INVALID"_s, u"UNAVAILABLE"_s, u"RINGING"_s, u"RINGINUSE"_s, u"ONHOLD"_s };

    struct Endpoint
    {
        const char16_t *method;
        const char16_t *path;
        const char16_t *doc;
    };

    // What GET /control lists; docs/simulator.md has the same table with the bodies.
    const Endpoint kEndpoints[] = {
        { u"GET", u"/control", u"this list" },
        { u"GET", u"/control/state",
            u"channels, bridges, applications, playbacks, recordings, devices, mailboxes" },
        { u"POST", u"/control/reset",
            u"end everything, forget state and faults; answers the new state" },
        { u"GET", u"/control/version", u"the Asterisk version the simulator behaves as" },
        { u"PUT", u"/control/version", u"{asterisk: 18|20|22|23}" },
        { u"POST", u"/control/calls",
            u"{app, args, channelId, endpoint, callerName, callerNumber, variables, context, "
            u"extension}" },
        { u"POST", u"/control/channels/{id}/dtmf", u"{digits}" },
        { u"POST", u"/control/channels/{id}/answer", u"{} the far end answers" },
        { u"POST", u"/control/channels/{id}/hangup", u"{cause} the far end hangs up" },
        { u"POST", u"/control/broadcasts",
            u"{appFilter, timeoutMs, args, notifyClaimed, channelId, endpoint, callerName, "
            u"callerNumber, called} a call offered by StasisBroadcast" },
        { u"PUT", u"/control/device-states/{name}", u"{state}" },
        { u"PUT", u"/control/mailboxes/{name}", u"{oldMessages, newMessages}" },
        { u"PUT", u"/control/endpoints/{prefix}",
            u"{answerAfterMs, busy, noAnswer, dtmf, hangupAfterMs} for dialled endpoints" },
        { u"POST", u"/control/sockets/drop", u"{code} close every event socket (1006: abort)" },
        { u"POST", u"/control/sockets/stall", u"{stalled}" },
        { u"POST", u"/control/connections/refuse", u"{refuse}" },
        { u"POST", u"/control/rest/fail", u"{count, status} the next count ARI requests fail" },
        { u"POST", u"/control/rest/delay", u"{ms} delay every ARI reply" },
        { u"POST", u"/control/frames", u"{text} a raw text frame, or {event} an event object" },
    };

    // A number from a JSON body: numbers, and strings holding one; \a fallback when absent.
    std::optional<int> intField(const QJsonObject &body, const QString &name, int fallback)
    {
        const QJsonValue v = body.value(name);
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (v.isDouble())
            return v.toInt();
        bool ok = false;
        const int n = v.toString().toInt(&ok);
        if (v.isString() && ok)
            return n;
        return std::nullopt;
    }

    bool boolField(const QJsonObject &body, const QString &name, bool fallback)
    {
        const QJsonValue v = body.value(name);
        if (v.isBool())
            return v.toBool();
        if (v.isString())
            return v.toString() == u"true"_s || v.toString() == u"1"_s || v.toString() == u"yes"_s;
        if (v.isDouble())
            return v.toInt() != 0;
        return fallback;
    }

    QString methodName(QHttpServerRequest::Method method)
    {
        switch (method) {
        case QHttpServerRequest::Method::Get:
            return u"GET"_s;
        case QHttpServerRequest::Method::Put:
            return u"PUT"_s;
        case QHttpServerRequest::Method::Delete:
            return u"DELETE"_s;
        case QHttpServerRequest::Method::Post:
            return u"POST"_s;
        case QHttpServerRequest::Method::Head:
            return u"HEAD"_s;
        case QHttpServerRequest::Method::Options:
            return u"OPTIONS"_s;
        case QHttpServerRequest::Method::Patch:
            return u"PATCH"_s;
        default:
            return u"UNKNOWN"_s;
        }
    }

    QByteArray reasonPhrase(int status)
    {
        switch (status) {
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 409:
            return "Conflict";
        case 501:
            return "Not Implemented";
        default:
            return "Status";
        }
    }

} // namespace

ControlReply ControlReply::error(int status, const QString &message)
{
    return ControlReply { status, QJsonObject { { u"message"_s, message } } };
}

// --- the server ----------------------------------------------------------------------------------

ControlServer::ControlServer(Simulator *sim) : HttpServerBase(sim), m_sim(sim)
{
    m_stepTimer.setSingleShot(true);
    connect(&m_stepTimer, &QTimer::timeout, this, &ControlServer::runNextStep);
}

ControlServer::~ControlServer() = default;

bool ControlServer::listen(const QHostAddress &address, quint16 port)
{
    if (m_tcp && m_tcp->isListening())
        return true;
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(address, port)) {
        qCWarning(lcSim) << "control API: cannot listen on" << address << port
                         << tcp->errorString();
        delete tcp;
        return false;
    }
    m_tcp = tcp;
    bind(tcp);
    qCInfo(lcSim) << "control API listening on" << url().toString();
    return true;
}

QUrl ControlServer::url() const
{
    if (!m_tcp || !m_tcp->isListening())
        return {};
    QUrl u;
    u.setScheme(u"http"_s);
    const QHostAddress a = m_tcp->serverAddress();
    u.setHost(a.isNull() || a == QHostAddress::Any || a == QHostAddress::AnyIPv4 ? u"127.0.0.1"_s
                                                                                 : a.toString());
    u.setPort(m_tcp->serverPort());
    return u;
}

HttpAnswer ControlServer::answer(const QHttpServerRequest &request)
{
    ControlReply reply;
    HttpAnswer out;
    if (!m_token.isEmpty() && request.value("authorization") != "Bearer " + m_token.toUtf8()) {
        reply =
            ControlReply::error(401, u"This control API needs \"Authorization: Bearer <token>\""_s);
        out.headers.append(qMakePair(
            QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"ari-sim control\"")));
    } else {
        QJsonValue body = QJsonObject();
        bool bodyOk = true;
        if (!request.body().trimmed().isEmpty()) {
            QJsonParseError err;
            const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &err);
            bodyOk = err.error == QJsonParseError::NoError && doc.isObject();
            body = doc.object();
        }
        if (!bodyOk)
            reply = ControlReply::error(400, u"The body must be a JSON object"_s);
        else
            reply =
                perform(methodName(request.method()), request.url().path(QUrl::FullyEncoded), body);
    }
    out.status = reply.status;
    out.headers.prepend(qMakePair(QByteArray("Server"), QByteArray("ari-sim control")));
    out.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    out.body = reply.body.isArray()
        ? QJsonDocument(reply.body.toArray()).toJson(QJsonDocument::Compact)
        : QJsonDocument(reply.body.toObject()).toJson(QJsonDocument::Compact);
    qCDebug(lcSim) << "control" << methodName(request.method()) << request.url().path() << "->"
                   << reply.status << reasonPhrase(reply.status);
    return out;
}

ControlReply ControlServer::perform(
    const QString &method, const QString &path, const QJsonValue &body)
{
    // path is percent-encoded: split first so that %2F stays inside a device or channel name
    QString p = path.section(u'?', 0, 0);
    QStringList segments;
    for (const QString &s : p.split(u'/', Qt::SkipEmptyParts))
        segments.append(QUrl::fromPercentEncoding(s.toUtf8()));
    if (segments.value(0) != u"control"_s)
        return ControlReply::error(404, u"Unknown control path; GET /control lists them"_s);
    segments.removeFirst();
    return route(method.toUpper(), segments, body.toObject());
}

bool ControlServer::hasChannel(const QString &id) const
{
    const QJsonArray list = m_sim->channels();
    for (const QJsonValue &c : list) {
        if (c.toObject().value(u"id"_s).toString() == id)
            return true;
    }
    return false;
}

ControlReply ControlServer::route(
    const QString &method, const QStringList &s, const QJsonObject &body)
{
    auto only = [&method](const QString &allowed) { return method == allowed; };
    auto wrongMethod = [&method]() {
        return ControlReply::error(405, u"Method %1 is not allowed here"_s.arg(method));
    };
    const QString first = s.value(0);
    const qsizetype n = s.size();

    if (n == 0) {
        if (!only(u"GET"_s))
            return wrongMethod();
        QJsonArray list;
        for (const Endpoint &e : kEndpoints)
            list.append(QJsonObject { { u"method"_s, QString::fromUtf16(e.method) },
                { u"path"_s, QString::fromUtf16(e.path) },
                { u"doc"_s, QString::fromUtf16(e.doc) } });
        return ControlReply { 200, QJsonObject { { u"endpoints"_s, list } } };
    }
    if (n == 1 && first == u"state"_s) {
        if (!only(u"GET"_s))
            return wrongMethod();
        return ControlReply { 200, m_sim->state() };
    }
    if (n == 1 && first == u"reset"_s) {
        if (!only(u"POST"_s))
            return wrongMethod();
        m_sim->reset();
        return ControlReply { 200, m_sim->state() };
    }
    if (n == 1 && first == u"version"_s) {
        if (method == u"PUT"_s) {
            const auto major = intField(body, u"asterisk"_s, 0);
            if (!major || !m_sim->setAsteriskVersion(*major))
                return ControlReply::error(400, u"asterisk must be one of 18, 20, 22, 23"_s);
        } else if (!only(u"GET"_s)) {
            return wrongMethod();
        }
        return ControlReply { 200, m_sim->state().value(u"asterisk"_s) };
    }
    if (n == 1 && first == u"calls"_s) {
        if (!only(u"POST"_s))
            return wrongMethod();
        return startCall(body);
    }
    if (n == 3 && first == u"channels"_s) {
        const QString id = s.at(1);
        const QString action = s.at(2);
        if (action != u"dtmf"_s && action != u"answer"_s && action != u"hangup"_s)
            return ControlReply::error(404, u"Unknown channel action %1"_s.arg(action));
        if (!only(u"POST"_s))
            return wrongMethod();
        if (!hasChannel(id))
            return ControlReply::error(404, u"No channel %1"_s.arg(id));
        if (action == u"dtmf"_s) {
            const QString digits = body.value(u"digits"_s).toString();
            static const QRegularExpression valid(u"^[0-9A-Da-d*#]+$"_s);
            if (!valid.match(digits).hasMatch())
                return ControlReply::error(400, u"digits must be one or more of 0-9 A-D * #"_s);
            m_sim->sendDtmf(id, digits.toUpper());
            return ControlReply { 200,
                QJsonObject { { u"channelId"_s, id }, { u"digits"_s, digits.toUpper() } } };
        }
        if (action == u"answer"_s) {
            if (!m_sim->answerChannel(id))
                return ControlReply::error(409, u"Channel %1 is already up"_s.arg(id));
            return ControlReply { 200, QJsonObject { { u"channelId"_s, id } } };
        }
        const auto cause = intField(body, u"cause"_s, 16);
        if (!cause || *cause < 0 || *cause > 127)
            return ControlReply::error(400, u"cause must be a hangup cause from 0 to 127"_s);
        m_sim->hangupChannel(id, *cause);
        return ControlReply { 200, QJsonObject { { u"channelId"_s, id }, { u"cause"_s, *cause } } };
    }
    if (n == 1 && first == u"broadcasts"_s) {
        if (!only(u"POST"_s))
            return wrongMethod();
        return startBroadcast(body);
    }
    if (n == 2 && first == u"device-states"_s) {
        if (!only(u"PUT"_s))
            return wrongMethod();
        const QString state = body.value(u"state"_s).toString();
        if (!kDeviceStates.contains(state))
            return ControlReply::error(
                400, u"state must be one of %1"_s.arg(kDeviceStates.join(u", "_s)));
        m_sim->setDeviceState(s.at(1), state);
        return ControlReply { 200, QJsonObject { { u"name"_s, s.at(1) }, { u"state"_s, state } } };
    }
    if (n == 2 && first == u"mailboxes"_s) {
        if (!only(u"PUT"_s))
            return wrongMethod();
        const auto oldMessages = intField(body, u"oldMessages"_s, 0);
        const auto newMessages = intField(body, u"newMessages"_s, 0);
        if (!oldMessages || !newMessages || *oldMessages < 0 || *newMessages < 0)
            return ControlReply::error(
                400, u"oldMessages and newMessages must be numbers, 0 or more"_s);
        m_sim->setMailbox(s.at(1), *oldMessages, *newMessages);
        return ControlReply { 200,
            QJsonObject { { u"name"_s, s.at(1) }, { u"old_messages"_s, *oldMessages },
                { u"new_messages"_s, *newMessages } } };
    }
    if (n == 2 && first == u"endpoints"_s) {
        if (!only(u"PUT"_s))
            return wrongMethod();
        Simulator::EndpointBehaviour b;
        const auto answerAfter = intField(body, u"answerAfterMs"_s, b.answerAfterMs);
        const auto hangupAfter = intField(body, u"hangupAfterMs"_s, b.hangupAfterMs);
        if (!answerAfter || !hangupAfter || *answerAfter < 0 || *hangupAfter < -1)
            return ControlReply::error(
                400, u"answerAfterMs must be 0 or more, hangupAfterMs -1 or more"_s);
        b.answerAfterMs = *answerAfter;
        b.hangupAfterMs = *hangupAfter;
        b.busy = boolField(body, u"busy"_s, false);
        b.noAnswer = boolField(body, u"noAnswer"_s, false);
        b.dtmf = body.value(u"dtmf"_s).toString();
        m_sim->setEndpointBehaviour(s.at(1), b);
        return ControlReply { 200,
            QJsonObject { { u"prefix"_s, s.at(1) }, { u"answerAfterMs"_s, b.answerAfterMs },
                { u"busy"_s, b.busy }, { u"noAnswer"_s, b.noAnswer }, { u"dtmf"_s, b.dtmf },
                { u"hangupAfterMs"_s, b.hangupAfterMs } } };
    }
    if (n == 2 && first == u"sockets"_s && s.at(1) == u"drop"_s) {
        if (!only(u"POST"_s))
            return wrongMethod();
        const auto code =
            intField(body, u"code"_s, QWebSocketProtocol::CloseCodeAbnormalDisconnection);
        if (!code || *code < 1000 || *code > 4999)
            return ControlReply::error(400, u"code must be a WebSocket close code (1000-4999)"_s);
        const int count = m_sim->webSocketCount();
        m_sim->dropWebSockets(static_cast<QWebSocketProtocol::CloseCode>(*code));
        return ControlReply { 200, QJsonObject { { u"dropped"_s, count }, { u"code"_s, *code } } };
    }
    if (n == 2 && first == u"sockets"_s && s.at(1) == u"stall"_s) {
        if (!only(u"POST"_s))
            return wrongMethod();
        const bool stalled = boolField(body, u"stalled"_s, true);
        m_sim->setWebSocketsStalled(stalled);
        return ControlReply { 200, QJsonObject { { u"stalled"_s, stalled } } };
    }
    if (n == 2 && first == u"connections"_s && s.at(1) == u"refuse"_s) {
        if (!only(u"POST"_s))
            return wrongMethod();
        const bool refuse = boolField(body, u"refuse"_s, true);
        m_sim->setRefuseConnections(refuse);
        return ControlReply { 200, QJsonObject { { u"refuse"_s, refuse } } };
    }
    if (n == 2 && first == u"rest"_s && s.at(1) == u"fail"_s) {
        if (!only(u"POST"_s))
            return wrongMethod();
        const auto count = intField(body, u"count"_s, 1);
        const auto status = intField(body, u"status"_s, 500);
        if (!count || *count < 0 || !status || *status < 100 || *status > 599)
            return ControlReply::error(400, u"count must be 0 or more and status an HTTP status"_s);
        m_sim->failRestRequests(*count, *status);
        return ControlReply { 200,
            QJsonObject { { u"count"_s, *count }, { u"status"_s, *status } } };
    }
    if (n == 2 && first == u"rest"_s && s.at(1) == u"delay"_s) {
        if (!only(u"POST"_s))
            return wrongMethod();
        const auto ms = intField(body, u"ms"_s, 0);
        if (!ms || *ms < 0)
            return ControlReply::error(400, u"ms must be 0 or more"_s);
        m_sim->setRestDelay(*ms);
        return ControlReply { 200, QJsonObject { { u"ms"_s, *ms } } };
    }
    if (n == 1 && first == u"frames"_s) {
        if (!only(u"POST"_s))
            return wrongMethod();
        const int sockets = m_sim->webSocketCount();
        if (body.value(u"text"_s).isString()) {
            m_sim->sendRawFrame(body.value(u"text"_s).toString().toUtf8());
        } else if (body.value(u"event"_s).isObject()
            && body.value(u"event"_s).toObject().value(u"type"_s).isString()) {
            m_sim->pushEvent(body.value(u"event"_s).toObject());
        } else {
            return ControlReply::error(
                400, u"Give text (a raw frame) or event (an object with a type)"_s);
        }
        return ControlReply { 200, QJsonObject { { u"eventSockets"_s, sockets } } };
    }
    return ControlReply::error(404, u"Unknown control path; GET /control lists them"_s);
}

ControlReply ControlServer::startCall(const QJsonObject &body)
{
    Simulator::IncomingCall call;
    call.app = body.value(u"app"_s).toString();
    const QJsonValue args = body.value(u"args"_s);
    if (args.isArray()) {
        for (const QJsonValue &a : args.toArray())
            call.args.append(a.isString() ? a.toString() : QString::number(a.toDouble()));
    } else if (args.isString() && !args.toString().isEmpty()) {
        call.args = args.toString().split(u',');
    }
    call.channelId = body.value(u"channelId"_s).toString();
    call.endpoint = body.value(u"endpoint"_s).toString();
    call.callerName = body.value(u"callerName"_s).toString();
    call.callerNumber = body.value(u"callerNumber"_s).toString();
    call.context = body.value(u"context"_s).toString();
    call.extension = body.value(u"extension"_s).toString();
    const QJsonValue vars = body.value(u"variables"_s);
    if (!vars.isUndefined() && !vars.isObject())
        return ControlReply::error(400, u"variables must be an object of names and values"_s);
    const QJsonObject varObject = vars.toObject();
    for (auto it = varObject.constBegin(); it != varObject.constEnd(); ++it)
        call.variables.insert(it.key(),
            it.value().isString() ? it.value().toString() : it.value().toVariant().toString());
    if (call.app.isEmpty() && call.extension.isEmpty())
        return ControlReply::error(
            400, u"Give app (a Stasis application) or extension (with context)"_s);
    if (!call.endpoint.isEmpty() && !call.endpoint.contains(u'/'))
        return ControlReply::error(
            400, u"endpoint must look like tech/resource, e.g. PJSIP/alice"_s);
    if (!call.channelId.isEmpty() && hasChannel(call.channelId))
        return ControlReply::error(409, u"Channel %1 already exists"_s.arg(call.channelId));
    const QString id = m_sim->startIncomingCall(call);
    if (id.isEmpty())
        return ControlReply::error(400, u"The call could not be started"_s);
    QJsonObject channel;
    for (const QJsonValue &c : m_sim->channels()) {
        if (c.toObject().value(u"id"_s).toString() == id)
            channel = c.toObject();
    }
    // The channel may already be gone (a dialplan that hangs up at once): the id still tells.
    return ControlReply { 201, QJsonObject { { u"id"_s, id }, { u"channel"_s, channel } } };
}

ControlReply ControlServer::startBroadcast(const QJsonObject &body)
{
    Simulator::Broadcast b;
    b.appFilter = body.value(u"appFilter"_s).toString();
    const auto timeout = intField(body, u"timeoutMs"_s, b.timeoutMs);
    if (!timeout || *timeout < 0 || *timeout > 60000)
        return ControlReply::error(400, u"timeoutMs must be a number from 0 to 60000"_s);
    b.timeoutMs = *timeout;
    if (!b.appFilter.isEmpty() && !QRegularExpression(b.appFilter).isValid())
        return ControlReply::error(400, u"appFilter is not a valid regular expression"_s);
    const QJsonValue args = body.value(u"args"_s);
    if (args.isArray()) {
        for (const QJsonValue &a : args.toArray())
            b.args.append(a.isString() ? a.toString() : QString::number(a.toDouble()));
    } else if (args.isString() && !args.toString().isEmpty()) {
        b.args = args.toString().split(u':');
    }
    b.notifyClaimed = boolField(body, u"notifyClaimed"_s, false);
    b.channelId = body.value(u"channelId"_s).toString();
    b.endpoint = body.value(u"endpoint"_s).toString();
    b.callerName = body.value(u"callerName"_s).toString();
    b.callerNumber = body.value(u"callerNumber"_s).toString();
    if (body.value(u"called"_s).isString())
        b.called = body.value(u"called"_s).toString();
    if (!b.endpoint.isEmpty() && !b.endpoint.contains(u'/'))
        return ControlReply::error(
            400, u"endpoint must look like tech/resource, e.g. PJSIP/alice"_s);
    if (!b.channelId.isEmpty() && hasChannel(b.channelId))
        return ControlReply::error(409, u"Channel %1 already exists"_s.arg(b.channelId));
    const QString id = m_sim->startBroadcast(b);
    if (id.isEmpty())
        return ControlReply::error(400, u"The broadcast could not be started"_s);
    QJsonObject channel;
    for (const QJsonValue &c : m_sim->channels()) {
        if (c.toObject().value(u"id"_s).toString() == id)
            channel = c.toObject();
    }
    return ControlReply { 201, QJsonObject { { u"id"_s, id }, { u"channel"_s, channel } } };
}

// --- scripts -------------------------------------------------------------------------------------

bool ControlServer::playScript(const QByteArray &script, QString *error)
{
    auto fail = [error](int line, const QString &why) {
        if (error)
            *error = u"line %1: %2"_s.arg(line).arg(why);
        return false;
    };
    QList<ScriptStep> steps;
    const QList<QByteArray> lines = script.split('\n');
    static const QStringList keys { u"after_ms"_s, u"request"_s, u"body"_s, u"expect"_s,
        u"exit"_s };
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray text = lines.at(i).trimmed();
        if (text.isEmpty() || text.startsWith('#'))
            continue;
        const int lineNo = int(i) + 1;
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject())
            return fail(lineNo, u"not a JSON object"_s);
        const QJsonObject o = doc.object();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (!keys.contains(it.key()))
                return fail(lineNo, u"unknown key \"%1\""_s.arg(it.key()));
        }
        ScriptStep step;
        step.line = lineNo;
        const auto after = intField(o, u"after_ms"_s, 0);
        if (!after || *after < 0)
            return fail(lineNo, u"after_ms must be a number, 0 or more"_s);
        step.afterMs = *after;
        if (o.contains(u"exit"_s)) {
            const auto code = intField(o, u"exit"_s, 0);
            if (!code || *code < 0 || o.contains(u"request"_s))
                return fail(lineNo, u"exit takes a code of 0 or more and no request"_s);
            step.exitCode = *code;
        } else {
            const QString request = o.value(u"request"_s).toString();
            step.method = request.section(u' ', 0, 0).toUpper();
            step.path = request.section(u' ', 1).trimmed();
            if (step.method.isEmpty() || !step.path.startsWith(u"/control"_s))
                return fail(lineNo, u"request must look like \"POST /control/calls\""_s);
            if (o.contains(u"body"_s) && !o.value(u"body"_s).isObject())
                return fail(lineNo, u"body must be an object"_s);
            step.body = o.value(u"body"_s).toObject();
            const auto expect = intField(o, u"expect"_s, 0);
            if (!expect)
                return fail(lineNo, u"expect must be an HTTP status"_s);
            step.expect = *expect;
        }
        steps.append(step);
    }
    m_steps = steps;
    m_stepTimer.start(m_steps.isEmpty() ? 0 : m_steps.first().afterMs);
    return true;
}

void ControlServer::runNextStep()
{
    if (m_steps.isEmpty()) {
        Q_EMIT m_sim->scriptFinished(-1);
        return;
    }
    const ScriptStep step = m_steps.takeFirst();
    if (step.exitCode >= 0) {
        m_steps.clear();
        qCInfo(lcSim) << "script: exit" << step.exitCode << "at line" << step.line;
        Q_EMIT m_sim->scriptFinished(step.exitCode);
        return;
    }
    const ControlReply reply = perform(step.method, step.path, step.body);
    const bool ok = step.expect ? reply.status == step.expect : reply.status < 400;
    qCInfo(lcSim).noquote() << "script line" << step.line << step.method << step.path << "->"
                            << reply.status;
    if (!ok) {
        qCWarning(lcSim).noquote()
            << "script line" << step.line << "answered" << reply.status
            << QJsonDocument(reply.body.toObject()).toJson(QJsonDocument::Compact)
            << (step.expect ? u"expected %1"_s.arg(step.expect) : u"(a failure)"_s);
        if (step.expect) {
            m_steps.clear();
            Q_EMIT m_sim->scriptFinished(1);
            return;
        }
    }
    if (m_steps.isEmpty()) {
        Q_EMIT m_sim->scriptFinished(-1);
        return;
    }
    m_stepTimer.start(m_steps.first().afterMs);
}

// --- Simulator: the methods the control API stands on --------------------------------------------

static ControlServer *controlOf(const Simulator *sim)
{
    return sim->findChild<ControlServer *>(QString(), Qt::FindDirectChildrenOnly);
}

bool Simulator::startControl(const QHostAddress &address, quint16 port, const QString &token)
{
    ControlServer *c = controlOf(this);
    if (!c)
        c = new ControlServer(this);
    c->setToken(token);
    return c->listen(address, port);
}

QUrl Simulator::controlUrl() const
{
    const ControlServer *c = controlOf(this);
    return c ? c->url() : QUrl();
}

bool Simulator::playScript(const QByteArray &script, QString *error)
{
    ControlServer *c = controlOf(this);
    if (!c)
        c = new ControlServer(this); // scripts work without the HTTP side listening
    return c->playScript(script, error);
}

QString Simulator::startIncomingCall(const IncomingCall &call)
{
    const bool dialplan = !call.extension.isEmpty();
    if (call.app.isEmpty() && !dialplan)
        return {};
    const QString id = call.channelId.isEmpty() ? d->newUniqueId() : call.channelId;
    if (d->channels.contains(id)) {
        qCWarning(lcSim) << "startIncomingCall: channel id already in use:" << id;
        return {};
    }
    QString endpoint = call.endpoint;
    if (endpoint.isEmpty())
        endpoint = u"PJSIP/%1"_s.arg(1000 + int(d->nameCounter % 9000));
    if (!endpoint.contains(u'/'))
        return {};
    const QString number =
        call.callerNumber.isEmpty() ? endpoint.section(u'/', 1) : call.callerNumber;
    d->createChannelRecord(endpoint, id, u"%1-%2"_s.arg(endpoint, d->nextChannelSuffix()));
    SimChannel &c = d->channels[id];
    c.state = u"Ring"_s;
    c.callerName = call.callerName.isEmpty() ? u"Caller %1"_s.arg(number) : call.callerName;
    c.callerNumber = number;
    c.context =
        dialplan ? (call.context.isEmpty() ? u"default"_s : call.context) : u"from-external"_s;
    c.exten = dialplan ? call.extension : u"s"_s;
    d->channelEvent(u"ChannelCreated"_s, id);
    for (auto it = call.variables.constBegin(); it != call.variables.constEnd(); ++it)
        d->setVar(id, it.key(), it.value());
    if (dialplan) {
        // The recorded dialplan (ari-test 100-600); any other extension: Stasis(app, EXTEN).
        d->startLocalDialplan(id, call.app.isEmpty() ? u"test-app"_s : call.app);
        return id;
    }
    d->setDialplan(id, u"Stasis"_s,
        QStringList(call.app + (call.args.isEmpty() ? QString() : u","_s + call.args.join(u',')))
            .join(QString()));
    d->enterStasis(id, call.app, call.args);
    return id;
}

QString Simulator::startBroadcast(const Broadcast &broadcast)
{
    const QString id = broadcast.channelId.isEmpty() ? d->newUniqueId() : broadcast.channelId;
    if (d->channels.contains(id)) {
        qCWarning(lcSim) << "startBroadcast: channel id already in use:" << id;
        return {};
    }
    QString endpoint = broadcast.endpoint;
    if (endpoint.isEmpty())
        endpoint = u"PJSIP/%1"_s.arg(1000 + int(d->nameCounter % 9000));
    if (!endpoint.contains(u'/'))
        return {};
    const QString number = broadcast.callerNumber.isEmpty() ? endpoint.section(u'/', 1)
                                                            : broadcast.callerNumber;
    d->createChannelRecord(endpoint, id, u"%1-%2"_s.arg(endpoint, d->nextChannelSuffix()));
    SimChannel &c = d->channels[id];
    c.state = u"Ring"_s;
    c.callerName = broadcast.callerName.isEmpty() ? u"Caller %1"_s.arg(number) : broadcast.callerName;
    c.callerNumber = number;
    c.context = u"from-external"_s;
    c.exten = broadcast.called.isEmpty() ? u"s"_s : broadcast.called;
    d->channelEvent(u"ChannelCreated"_s, id);
    // StasisBroadcast's own argument string: timeout, filter, colon-separated args, notify flag
    QString data = QString::number(broadcast.timeoutMs) + u',' + broadcast.appFilter + u','
            + broadcast.args.join(u':') + u',' + (broadcast.notifyClaimed ? u"yes"_s : u"no"_s);
    d->startBroadcast(id, qMax(0, broadcast.timeoutMs), broadcast.appFilter, broadcast.args,
                      broadcast.notifyClaimed, data);
    return id;
}

bool Simulator::answerChannel(const QString &channelId)
{
    SimChannel *c = d->channel(channelId);
    if (!c || c->dying || c->state == u"Up"_s)
        return false;
    const bool dialled = c->dialled && c->localPeer.isEmpty();
    if (dialled) {
        // The simulated endpoint's own ring/answer/no-answer timers are over.
        for (const QPointer<QTimer> &t : std::as_const(c->timers)) {
            if (t) {
                t->stop();
                t->deleteLater();
            }
        }
        c->timers.clear();
    }
    d->answerChannel(channelId);
    c = d->channel(channelId);
    if (dialled && c) {
        EventTargets t;
        t.channels = { channelId };
        d->emitEvent(u"Dial"_s,
            { { u"dialstatus"_s, u"ANSWER"_s }, { u"forward"_s, QString() },
                { u"dialstring"_s, c->dialstring }, { u"peer"_s, c->toJson() } },
            t);
    }
    c = d->channel(channelId);
    if (c && !c->pendingApp.isEmpty() && c->stasisApp.isEmpty())
        d->enterStasis(channelId, c->pendingApp, c->pendingArgs);
    return true;
}

void Simulator::setDeviceState(const QString &name, const QString &state)
{
    const bool changed = !d->deviceStates.contains(name) || d->deviceStates.value(name) != state;
    d->deviceStates.insert(name, state);
    if (changed)
        d->deviceStateEvent(name, state);
}

void Simulator::setMailbox(const QString &name, int oldMessages, int newMessages)
{
    const bool existed = d->mailboxes.contains(name);
    const bool wasBusy = existed && d->mailboxes.value(name).newMessages > 0;
    d->mailboxes.insert(name, SimulatorPrivate::MailboxState { oldMessages, newMessages });
    if (!existed || wasBusy != (newMessages > 0))
        d->deviceStateEvent(u"MWI:"_s + name, newMessages > 0 ? u"INUSE"_s : u"NOT_INUSE"_s);
}

QJsonObject Simulator::state() const
{
    QJsonArray applications;
    for (const auto &[name, a] : d->apps)
        applications.append(d->appJson(a));
    QJsonArray playbacks;
    for (const SimPlayback &pb : std::as_const(d->playbacks))
        playbacks.append(pb.toJson());
    QJsonArray live;
    for (const SimRecording &rec : std::as_const(d->liveRecordings))
        live.append(rec.toJson());
    QJsonArray stored;
    for (auto it = d->storedRecordings.constBegin(); it != d->storedRecordings.constEnd(); ++it)
        stored.append(QJsonObject { { u"name"_s, it.key() }, { u"format"_s, it.value() } });
    QJsonArray devices;
    for (auto it = d->deviceStates.constBegin(); it != d->deviceStates.constEnd(); ++it)
        devices.append(QJsonObject { { u"name"_s, it.key() }, { u"state"_s, it.value() } });
    QJsonArray mailboxes;
    for (auto it = d->mailboxes.constBegin(); it != d->mailboxes.constEnd(); ++it)
        mailboxes.append(QJsonObject { { u"name"_s, it.key() },
            { u"old_messages"_s, it->oldMessages }, { u"new_messages"_s, it->newMessages } });
    QJsonArray broadcasts;
    for (auto it = d->broadcasts.constBegin(); it != d->broadcasts.constEnd(); ++it)
        broadcasts.append(QJsonObject { { u"channelId"_s, it.key() },
            { u"applications"_s, QJsonArray::fromStringList(it->apps) },
            { u"claimedBy"_s, it->winner } });
    QJsonObject globals;
    for (auto it = d->globalVars.constBegin(); it != d->globalVars.constEnd(); ++it)
        globals.insert(it.key(), it.value());
    return QJsonObject {
        { u"asterisk"_s,
            QJsonObject { { u"major"_s, d->spec.version },
                { u"version"_s, d->spec.versionString() },
                { u"ariVersion"_s, d->spec.apiVersion() } } },
        { u"channels"_s, channels() },
        { u"bridges"_s, bridges() },
        { u"broadcasts"_s, broadcasts },
        { u"applications"_s, applications },
        { u"playbacks"_s, playbacks },
        { u"liveRecordings"_s, live },
        { u"storedRecordings"_s, stored },
        { u"deviceStates"_s, devices },
        { u"mailboxes"_s, mailboxes },
        { u"globalVariables"_s, globals },
        { u"eventSockets"_s, webSocketCount() },
        { u"faults"_s,
            QJsonObject { { u"failNext"_s, d->failCount }, { u"failStatus"_s, d->failStatus },
                { u"restDelayMs"_s, d->restDelayMs }, { u"stalled"_s, d->stalled },
                { u"refusingConnections"_s, d->refusing } } },
    };
}

void Simulator::reset()
{
    d->trafficTimer.stop();
    d->failCount = 0;
    d->failStatus = 500;
    d->restDelayMs = 0;
    if (d->stalled)
        setWebSocketsStalled(false);
    if (d->refusing)
        setRefuseConnections(false);
    const QStringList channelIds = d->channelOrder;
    for (const QString &id : channelIds)
        d->destroyChannel(id, 16, false, false);
    const QStringList bridgeIds = d->bridgeOrder;
    for (const QString &id : bridgeIds)
        d->destroyBridge(id);
    const QStringList playbackIds = d->playbacks.keys();
    for (const QString &id : playbackIds) {
        if (d->playbacks.contains(id) && d->playbacks[id].timer)
            d->playbacks[id].timer->deleteLater();
        d->playbacks.remove(id); // what is left never finishes (unsupported media)
    }
    const QStringList recordingNames = d->liveRecordings.keys();
    for (const QString &name : recordingNames)
        d->finishRecording(name, false);
    d->storedRecordings.clear();
    d->recordingDir = std::make_unique<QTemporaryDir>();
    d->deviceStates.clear();
    d->mailboxes.clear();
    d->globalVars.clear();
    d->configObjects.clear();
    d->unloadedModules.clear();
    for (auto &[name, a] : d->apps) {
        a.channelIds.clear();
        a.bridgeIds.clear();
        a.endpointIds.clear();
        a.deviceNames.clear();
        a.eventsAllowed = {};
        a.eventsDisallowed = {};
    }
    qCInfo(lcSim) << "simulator reset";
}

bool Simulator::setAsteriskVersion(int major)
{
    if (!Spec::versions().contains(major))
        return false;
    Spec spec;
    if (!spec.load(major))
        return false;
    d->spec = std::move(spec);
    qCInfo(lcSim) << "behaving as Asterisk" << d->spec.versionString();
    return true;
}

int Simulator::asteriskVersion() const
{
    return d->spec.version;
}

QString Simulator::asteriskVersionString() const
{
    return d->spec.versionString();
}

} // namespace QtAri::Testing
