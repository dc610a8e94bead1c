// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Fuzz target: fromJson() of every generated model, through one dispatcher.
//
// Input: the first byte picks the model (modulo the number of models, in the order of the generated
// models.h, listed at build time by list_models.py), the rest is a JSON document; fromJson() takes
// an object, so other documents stop after parsing.
//
// Invariants: toJson() of a decoded model decodes again, to an equal value (operator== and every
// Q_PROPERTY), with the same JSON.

#include "fuzzcommon.h"

#include <QtAri/models.h>

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QJsonParseError>
#include <QtCore/QMetaProperty>

#include <iterator>

using namespace QtAri;
using QtAriFuzz::check;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QtAriFuzz::setUp();
    return 0;
}

template <class T> static void roundTrip(const QJsonObject &json)
{
    const Result<T> decoded = T::fromJson(json);
    if (!decoded) {
        check(decoded.error().kind() == Error::Kind::InvalidResponse,
            "a bad model is an InvalidResponse");
        (void)decoded.error().toString();
        return;
    }
    (void)QtAriFuzz::debugString(*decoded);
    const QJsonObject encoded = decoded->toJson();
    const Result<T> again = T::fromJson(encoded);
    check(bool(again), "the encoding of a decoded model decodes again");
    check(*again == *decoded, "fromJson(toJson(x)) == x");
    // operator== compares the JSON forms, which would hide a lossy encoding (a date written as
    // another instant compares equal to itself): compare every property's value as well.
    const QMetaObject &meta = T::staticMetaObject;
    for (int i = meta.propertyOffset(); i < meta.propertyCount(); ++i) {
        const QMetaProperty property = meta.property(i);
        check(property.readOnGadget(&*decoded) == property.readOnGadget(&*again),
            "every property survives toJson()/fromJson()");
    }
    check(again->toJson() == encoded, "toJson(fromJson(toJson(x))) == toJson(x)");
    const T copy = *decoded; // implicitly shared copy
    check(copy == *decoded, "a copy compares equal");
}

using Decoder = void (*)(const QJsonObject &);

static const Decoder decoders[] = {
#define QTARI_FUZZ_MODEL(Name) &roundTrip<Name>,
#include <fuzz_models_table.h>
#undef QTARI_FUZZ_MODEL
};

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const Decoder decode = decoders[data[0] % std::size(decoders)];
    const QByteArray json = QtAriFuzz::bytes(data + 1, size - 1);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return 0;
    decode(document.object());
    return 0;
}
