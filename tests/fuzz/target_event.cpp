// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Fuzz target: one event WebSocket text frame, handled as the client handles it.
//
// The socket hands Connection a QString; Connection::deliver() decodes its UTF-8 bytes with the
// simdjson decoders (Event::decode(QByteArray) takes the same path), which hand anything they
// cannot take exactly to QJsonDocument and Event::decode(QJsonObject). This target feeds the text
// and the raw bytes to the byte path and compares it with the QJsonObject path.
//
// Invariants: a decoded event encodes to JSON that decodes again to the same type, and that second
// encoding equals the first (decode(encode(x)) is stable); the byte path and the QJsonObject path
// agree on every frame (the same error, or the same type, JSON, encoding and unknown fields).

#include "fuzzcommon.h"

#include <QtAri/Event>

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QJsonParseError>

using namespace QtAri;
using QtAriFuzz::check;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QtAriFuzz::setUp();
    return 0;
}

static void exercise(const Result<Event> &decoded)
{
    if (!decoded) {
        const Error &error = decoded.error();
        check(error.kind() == Error::Kind::InvalidResponse, "a bad frame is an InvalidResponse");
        (void)error.toString();
        (void)QtAriFuzz::debugString(error);
        return;
    }
    const Event &event = *decoded;
    (void)event.typeName();
    (void)event.json();
    (void)QtAriFuzz::debugString(event);
    const QJsonObject encoded = event.toJson();
    const Result<Event> again = Event::decode(encoded);
    check(bool(again), "the encoding of a decoded event decodes again");
    check(again->type() == event.type(), "the event type survives encode/decode");
    check(again->toJson() == encoded, "encode(decode(encode(x))) == encode(x)");
}

// The byte path (simdjson) against the QJsonObject path, on the same bytes.
static void compare(const QByteArray &bytes)
{
    const Result<Event> fast = Event::decode(bytes);
    exercise(fast);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        check(!fast, "a frame Qt cannot parse as an object is an error on the byte path too");
        return;
    }
    const QJsonObject object = document.object();
    const Result<Event> slow = Event::decode(object);
    exercise(slow);
    check(bool(fast) == bool(slow), "both paths accept or both reject");
    if (!slow) {
        check(fast.error().message() == slow.error().message(), "both paths give the same error");
        return;
    }
    check(fast->type() == slow->type(), "both paths give the same type");
    check(fast->typeName() == slow->typeName(), "both paths give the same type name");
    check(fast->json() == slow->json(), "both paths give the same JSON");
    check(fast->toJson() == slow->toJson(), "both paths give the same struct");
    if (fast->type() == EventType::Unknown)
        (void)object.value(QLatin1StringView("type")).toString().left(80);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw = QtAriFuzz::bytes(data, size);

    // Connection::deliver(): the socket's text, as UTF-8 again.
    const QString frame = QString::fromUtf8(raw);
    compare(frame.toUtf8());

    // The byte-array overload on the untouched bytes.
    compare(raw);
    return 0;
}
