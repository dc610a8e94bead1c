// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Fuzz target: one event WebSocket text frame, handled as the client handles it.
//
// The socket hands Connection a QString; Connection::deliver() parses it with QJsonDocument and
// passes the object on; ClientPrivate::handleFrame() decodes it with Event::decode() and logs or
// emits the Event. Both halves are private to the client, so this target repeats their public
// steps, then also feeds the raw bytes to Event::decode(QByteArray).
//
// Invariants: a decoded event encodes to JSON that decodes again to the same type, and that second
// encoding equals the first (decode(encode(x)) is stable).

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

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw = QtAriFuzz::bytes(data, size);

    // Connection::deliver(): the frame as text, parsed; anything but an object is rejected there.
    const QString frame = QString::fromUtf8(raw);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(frame.toUtf8(), &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        // ClientPrivate::handleFrame()
        const QJsonObject object = document.object();
        const Result<Event> decoded = Event::decode(object);
        exercise(decoded);
        if (decoded && decoded->type() == EventType::Unknown)
            (void)object.value(QLatin1StringView("type")).toString().left(80);
    }

    // The byte-array overload on the untouched bytes.
    exercise(Event::decode(raw));
    return 0;
}
