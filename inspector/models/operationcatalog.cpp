// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "operationcatalog.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>

#include <limits>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

namespace {
    // As the generated code's Private::encodeSegment: "." and ".." are encoded too.
    QByteArray encodeSegment(const QString &value)
    {
        if (value == u"." || value == u"..")
            return QUrl::toPercentEncoding(value, QByteArray(), QByteArrayLiteral("."));
        return QUrl::toPercentEncoding(value);
    }

    QStringList listItems(const QString &value)
    {
        QStringList items;
        for (const QString &item : value.split(u',')) {
            const QString trimmed = item.trimmed();
            if (!trimmed.isEmpty())
                items.append(trimmed);
        }
        return items;
    }

    QString decode(QByteArrayView bytes)
    {
        return QUrl::fromPercentEncoding(bytes.toByteArray());
    }
} // namespace

const ParameterSpec *OperationSpec::parameter(const QString &name) const
{
    for (const ParameterSpec &p : parameters) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

OperationCatalog::OperationCatalog()
{
    QFile file(u":/qtari/inspector/spec/ari.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("qtari-inspector: the ARI spec resource :/qtari/inspector/spec/ari.json is missing");
    const QJsonObject spec = QJsonDocument::fromJson(file.readAll()).object();
    for (const QJsonValue &rv : spec.value("resources"_L1).toArray()) {
        const QJsonObject res = rv.toObject();
        for (const QJsonValue &ov : res.value("operations"_L1).toArray()) {
            const QJsonObject o = ov.toObject();
            OperationSpec op;
            op.resource = res.value("name"_L1).toString();
            op.nickname = o.value("nickname"_L1).toString();
            op.method = o.value("method"_L1).toString().toLatin1();
            op.path = o.value("path"_L1).toString();
            op.since = o.value("since"_L1).toInt(18);
            op.upgrade = o.contains("upgrade"_L1);
            op.doc = o.value("doc"_L1).toString();
            op.response = o.value("response"_L1).toString();
            for (const QJsonValue &pv : o.value("parameters"_L1).toArray()) {
                const QJsonObject po = pv.toObject();
                ParameterSpec p;
                p.name = po.value("name"_L1).toString();
                const QString in = po.value("in"_L1).toString();
                p.location = in == u"path" ? ParameterSpec::Location::Path
                    : in == u"body"        ? ParameterSpec::Location::Body
                                           : ParameterSpec::Location::Query;
                p.type = po.value("type"_L1).toString();
                p.required = po.value("required"_L1).toBool() || p.location == ParameterSpec::Location::Path;
                p.allowMultiple = po.value("allowMultiple"_L1).toBool();
                for (const QJsonValue &a : po.value("allowed"_L1).toArray())
                    p.allowed.append(a.toString());
                const QJsonObject range = po.value("allowedRange"_L1).toObject();
                if (range.contains("min"_L1))
                    p.minimum = qint64(range.value("min"_L1).toDouble());
                if (range.contains("max"_L1))
                    p.maximum = qint64(range.value("max"_L1).toDouble());
                p.defaultValue = po.value("default"_L1).toVariant().toString();
                p.since = po.value("since"_L1).toInt(op.since);
                p.doc = po.value("doc"_L1).toString();
                op.parameters.append(p);
            }
            m_byName.insert(op.name(), m_operations.size());
            m_operations.append(op);
        }
    }
}

const OperationCatalog &OperationCatalog::instance()
{
    static const OperationCatalog catalog;
    return catalog;
}

const OperationSpec *OperationCatalog::find(const QString &name) const
{
    const auto it = m_byName.constFind(name);
    return it == m_byName.constEnd() ? nullptr : &m_operations.at(*it);
}

QStringList OperationCatalog::resources() const
{
    QStringList names;
    for (const OperationSpec &op : m_operations) {
        if (!names.contains(op.resource))
            names.append(op.resource);
    }
    return names;
}

int OperationCatalog::majorOf(const QString &version)
{
    return version.section(u'.', 0, 0).toInt();
}

QString OperationCatalog::validate(const ParameterSpec &p, const QString &value)
{
    const QString text = p.isJson() ? value.trimmed() : value;
    if (text.isEmpty())
        return p.required ? tr("required") : QString();
    if (p.isJson()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            return tr("not valid JSON: %1").arg(error.errorString());
        if (!doc.isObject())
            return tr("must be a JSON object");
        return {};
    }
    const QStringList items = p.allowMultiple ? listItems(text) : QStringList { text };
    if (items.isEmpty())
        return p.required ? tr("required") : QString();
    for (const QString &item : items) {
        if (p.isNumber()) {
            bool ok = false;
            const qint64 n = item.trimmed().toLongLong(&ok);
            if (!ok)
                return tr("“%1” is not a whole number").arg(item);
            if (p.type == u"int"
                && (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max()))
                return tr("%1 is too large").arg(item);
            if (p.minimum && n < *p.minimum)
                return tr("must be at least %1").arg(*p.minimum);
            if (p.maximum && n > *p.maximum)
                return tr("must be at most %1").arg(*p.maximum);
        } else if (p.type == u"boolean") {
            if (item != u"true" && item != u"false")
                return tr("must be true or false");
        }
        if (!p.allowed.isEmpty() && !p.allowed.contains(item))
            return tr("“%1” is not one of %2").arg(item, p.allowed.join(u", "_s));
    }
    return {};
}

std::optional<Request> OperationCatalog::build(
    const OperationSpec &op, const ParameterValues &values, QString *error)
{
    for (const ParameterSpec &p : op.parameters) {
        const QString problem = validate(p, values.value(p.name));
        if (!problem.isEmpty()) {
            if (error)
                *error = tr("%1: %2").arg(p.name, problem);
            return std::nullopt;
        }
    }
    Request request;
    request.method = op.method;
    request.operation = op.name();
    if (op.since > 18)
        request.since = op.since;
    // The path: literal pieces as written, each {name} one encoded segment.
    static const QRegularExpression placeholder(u"\\{([^}]+)\\}"_s);
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(op.path); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        request.path += op.path.mid(last, m.capturedStart() - last).toUtf8();
        request.path += encodeSegment(values.value(m.captured(1)));
        last = m.capturedEnd();
    }
    request.path += op.path.mid(last).toUtf8();

    QJsonObject body;
    for (const ParameterSpec &p : op.parameters) {
        const QString value = values.value(p.name);
        if ((p.isJson() ? value.trimmed() : value).isEmpty())
            continue;
        if (p.since > request.since && p.since > 18) {
            request.since = p.since;
            request.sinceWhat = u"%1 parameter %2"_s.arg(op.name(), p.name);
        }
        switch (p.location) {
        case ParameterSpec::Location::Path:
            break;
        case ParameterSpec::Location::Query: {
            if (!request.query.isEmpty())
                request.query += '&';
            request.query += p.name.toUtf8() + '=';
            if (p.allowMultiple) {
                QByteArrayList encoded;
                for (const QString &item : listItems(value))
                    encoded.append(p.isNumber() ? QByteArray::number(item.toLongLong())
                                                : QUrl::toPercentEncoding(item));
                request.query += encoded.join(',');
            } else if (p.isNumber()) {
                request.query += QByteArray::number(value.trimmed().toLongLong());
            } else {
                request.query += QUrl::toPercentEncoding(value);
            }
            break;
        }
        case ParameterSpec::Location::Body: {
            const QJsonObject object = QJsonDocument::fromJson(value.trimmed().toUtf8()).object();
            if (p.type == u"object")
                body = object; // the parameter is the whole body (applications.filter)
            else
                body.insert(p.name, object);
            break;
        }
        }
    }
    if (!body.isEmpty())
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

ParameterValues OperationCatalog::parse(const OperationSpec &op, const Request &request)
{
    ParameterValues values;
    const QStringList templ = op.path.split(u'/');
    const QList<QByteArray> segments = request.path.split('/');
    if (templ.size() == segments.size()) {
        for (qsizetype i = 0; i < templ.size(); ++i) {
            const QString &t = templ.at(i);
            if (t.startsWith(u'{') && t.endsWith(u'}'))
                values.insert(t.mid(1, t.size() - 2), decode(segments.at(i)));
        }
    }
    for (const QByteArray &pair : request.query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QString key = decode(pair.left(eq < 0 ? pair.size() : eq));
        const QByteArray raw = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        const ParameterSpec *p = op.parameter(key);
        if (p && p->allowMultiple) {
            QStringList items;
            for (const QByteArray &item : raw.split(','))
                items.append(decode(item));
            values.insert(key, items.join(u','));
        } else {
            values.insert(key, decode(QByteArray(raw).replace('+', ' ')));
        }
    }
    if (!request.body.isEmpty()) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        for (const ParameterSpec &p : op.parameters) {
            if (!p.isJson())
                continue;
            if (p.type == u"object") {
                values.insert(p.name, QString::fromUtf8(QJsonDocument(body).toJson()));
            } else if (body.contains(p.name)) {
                values.insert(p.name,
                    QString::fromUtf8(QJsonDocument(body.value(p.name).toObject()).toJson()));
            }
        }
    }
    return values;
}

} // namespace QtAri::Inspector
