// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "qmloptions_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonDocument>
#include <QtCore/QVariant>
#include <QtQml/QJSValueIterator>

#include <cmath>

using namespace Qt::StringLiterals;

namespace QtAri::Qml {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("QtAri", text);
}
} // namespace

OptionsReader::OptionsReader(const QJSValue &options, const QString &operation)
    : m_options(options), m_operation(operation)
{
    if (options.isUndefined() || options.isNull())
        return;
    if (!options.isObject() || options.isArray() || options.isCallable() || options.isQObject()) {
        fail(tr("the options must be a plain object"));
        return;
    }
    QJSValueIterator it(options);
    while (it.hasNext()) {
        it.next();
        m_keys.insert(it.name());
    }
}

void OptionsReader::fail(const QString &message)
{
    if (!m_error)
        m_error = Error(Error::Kind::InvalidArgument, message, m_operation);
}

QJSValue OptionsReader::take(QStringView key)
{
    const QString k = key.toString();
    if (!m_keys.remove(k))
        return QJSValue();
    return m_options.property(k);
}

void OptionsReader::read(QStringView key, std::optional<QString> &out)
{
    const QJSValue v = take(key);
    if (v.isUndefined())
        return;
    if (!v.isString())
        return fail(tr("option '%1' must be a string").arg(key));
    out = v.toString();
}

namespace {
bool integral(const QJSValue &v, double min, double max)
{
    if (!v.isNumber())
        return false;
    const double d = v.toNumber();
    return std::isfinite(d) && std::floor(d) == d && d >= min && d <= max;
}
} // namespace

void OptionsReader::read(QStringView key, std::optional<int> &out)
{
    const QJSValue v = take(key);
    if (v.isUndefined())
        return;
    if (!integral(v, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()))
        return fail(tr("option '%1' must be a whole number").arg(key));
    out = int(v.toNumber());
}

void OptionsReader::read(QStringView key, std::optional<qint64> &out)
{
    const QJSValue v = take(key);
    if (v.isUndefined())
        return;
    // Beyond 2^53 a JS number is no longer exact.
    if (!integral(v, -9007199254740992.0, 9007199254740992.0))
        return fail(tr("option '%1' must be a whole number").arg(key));
    out = qint64(v.toNumber());
}

void OptionsReader::read(QStringView key, std::optional<bool> &out)
{
    const QJSValue v = take(key);
    if (v.isUndefined())
        return;
    if (!v.isBool())
        return fail(tr("option '%1' must be true or false").arg(key));
    out = v.toBool();
}

void OptionsReader::read(QStringView key, std::optional<QJsonObject> &out)
{
    const QJSValue v = take(key);
    if (v.isUndefined())
        return;
    if (!v.isObject() || v.isArray() || v.isCallable() || v.isQObject())
        return fail(tr("option '%1' must be an object").arg(key));
    out = QJsonObject::fromVariantMap(v.toVariant().toMap());
}

void OptionsReader::read(QStringView key, std::optional<QStringList> &out)
{
    const QJSValue v = take(key);
    if (v.isUndefined())
        return;
    if (v.isString()) {
        out = QStringList { v.toString() };
        return;
    }
    if (!v.isArray())
        return fail(tr("option '%1' must be a string or an array of strings").arg(key));
    QStringList list;
    const int n = v.property(u"length"_s).toInt();
    for (int i = 0; i < n; ++i) {
        const QJSValue item = v.property(quint32(i));
        if (!item.isString())
            return fail(tr("option '%1' must be a string or an array of strings").arg(key));
        list.append(item.toString());
    }
    out = list;
}

std::optional<Error> OptionsReader::finish()
{
    if (!m_error && !m_keys.isEmpty()) {
        QStringList unknown(m_keys.begin(), m_keys.end());
        unknown.sort();
        fail(tr("unknown option '%1'").arg(unknown.join(u"', '"_s)));
    }
    return m_error;
}

std::optional<QStringList> stringList(const QJSValue &value, bool nonEmptyItems)
{
    if (value.isString()) {
        if (nonEmptyItems && value.toString().isEmpty())
            return std::nullopt;
        return QStringList { value.toString() };
    }
    if (!value.isArray())
        return std::nullopt;
    QStringList list;
    const int n = value.property(QStringLiteral("length")).toInt();
    for (int i = 0; i < n; ++i) {
        const QJSValue item = value.property(quint32(i));
        if (!item.isString() || (nonEmptyItems && item.toString().isEmpty()))
            return std::nullopt;
        list.append(item.toString());
    }
    if (list.isEmpty())
        return std::nullopt;
    return list;
}

} // namespace QtAri::Qml
