// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "requestexport.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector::RequestExport {

namespace {
    // The generator's naming facts, from the same lib/codegen/config.json it reads.
    struct Naming
    {
        QList<std::pair<QRegularExpression, QString>> acronyms;
        QSet<QString> reserved;
        QString suffix = u"_"_s;
        QHash<QString, QString> renames;
        QSet<QString> noCall;

        Naming()
        {
            QFile file(u":/qtari/inspector/codegen/config.json"_s);
            if (!file.open(QIODevice::ReadOnly))
                qFatal("qtari-inspector: :/qtari/inspector/codegen/config.json is missing");
            const QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
            const QJsonObject acr = config.value("acronyms"_L1).toObject();
            for (auto it = acr.constBegin(); it != acr.constEnd(); ++it)
                acronyms.append({ QRegularExpression(it.key() + u"(?![a-z])"_s), it.value().toString() });
            for (const QJsonValue &v : config.value("reservedNames"_L1).toArray())
                reserved.insert(v.toString());
            suffix = config.value("reservedSuffix"_L1).toString(suffix);
            const QJsonObject ren = config.value("operationRenames"_L1).toObject();
            for (auto it = ren.constBegin(); it != ren.constEnd(); ++it)
                renames.insert(it.key(), it.value().toString());
            for (const QJsonValue &v : config.value("noCallOperations"_L1).toArray())
                noCall.insert(v.toString());
        }
    };

    const Naming &naming()
    {
        static const Naming n;
        return n;
    }

    QString upperFirst(const QString &text)
    {
        return text.left(1).toUpper() + text.mid(1);
    }

    // Generator's Names.words(): lowerCamel from snake_case or camelCase, acronyms as words.
    QString words(QString name)
    {
        for (const auto &[re, word] : naming().acronyms)
            name.replace(re, word);
        QStringList parts = name.split(u'_', Qt::SkipEmptyParts);
        QString text = parts.value(0);
        for (qsizetype i = 1; i < parts.size(); ++i)
            text += upperFirst(parts.at(i));
        return text.left(1).toLower() + text.mid(1);
    }

    QString shellQuote(const QString &text)
    {
        QString quoted = text;
        quoted.replace(u'\'', u"'\\''"_s);
        return u'\'' + quoted + u'\'';
    }

    // A C++ string literal body: backslash, quote, '?' (no trigraphs) and control characters escaped.
    QString escaped(const QString &text)
    {
        QString out;
        for (const QChar c : text) {
            switch (c.unicode()) {
            case '\\': out += u"\\\\"_s; break;
            case '"': out += u"\\\""_s; break;
            case '\n': out += u"\\n"_s; break;
            case '\t': out += u"\\t"_s; break;
            case '\r': out += u"\\r"_s; break;
            case '?': out += u"\\?"_s; break;
            default:
                if (c.unicode() < 0x20)
                    out += u"\\%1"_s.arg(int(c.unicode()), 3, 8, QChar(u'0'));
                else
                    out += c;
            }
        }
        return out;
    }

    QStringList items(const QString &value)
    {
        QStringList list;
        for (const QString &item : value.split(u','))
            if (!item.trimmed().isEmpty())
                list.append(item.trimmed());
        return list;
    }
} // namespace

bool isSecretKey(const QString &key)
{
    const QString k = key.toLower();
    return k == u"api_key" || k == u"apikey" || k.contains(u"password") || k.contains(u"secret")
        || k == u"pass" || k == u"token";
}

QByteArray maskedQuery(const QByteArray &query)
{
    QByteArrayList pairs = query.split('&');
    for (QByteArray &pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        if (eq > 0 && isSecretKey(QUrl::fromPercentEncoding(pair.left(eq))))
            pair = pair.left(eq + 1) + "***";
    }
    return pairs.join('&');
}

QString url(const QUrl &base, const Request &request)
{
    QString text = base.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
                                     | QUrl::StripTrailingSlash)
                       .toString(QUrl::FullyEncoded);
    while (text.endsWith(u'/'))
        text.chop(1); // "http://host:8088/" keeps its "/" through StripTrailingSlash
    text += u"/ari"_s + QString::fromLatin1(request.path);
    if (!request.query.isEmpty())
        text += u'?' + QString::fromLatin1(maskedQuery(request.query));
    return text;
}

QString curl(const QUrl &base, const QString &user, const Request &request)
{
    QStringList args { u"curl"_s };
    if (request.method != "GET")
        args << u"-X"_s << QString::fromLatin1(request.method);
    QString who = user.isEmpty() ? u"$ARI_USER"_s : user;
    who.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s).replace(u'`', u"\\`"_s);
    if (!user.isEmpty())
        who.replace(u'$', u"\\$"_s);
    args << u"-u"_s << u"\"%1:$ARI_PASSWORD\""_s.arg(who);
    if (!request.body.isEmpty()) {
        args << u"-H"_s << shellQuote(u"Content-Type: application/json"_s);
        args << u"-d"_s << shellQuote(QString::fromUtf8(request.body));
    }
    args << shellQuote(url(base, request));
    return args.join(u' ');
}

QString apiClass(const OperationSpec &op)
{
    return upperFirst(op.resource) + u"Api"_s;
}

QString memberName(const QString &specName)
{
    const QString text = words(specName);
    return naming().reserved.contains(text) ? text + naming().suffix : text;
}

QString methodName(const OperationSpec &op)
{
    return naming().renames.value(op.name(), memberName(op.nickname));
}

QString cppType(const ParameterSpec &p)
{
    if (p.location == ParameterSpec::Location::Body)
        return u"QJsonObject"_s;
    QString t = p.type == u"int" ? u"int"_s
        : p.type == u"long"      ? u"qint64"_s
        : p.type == u"boolean"   ? u"bool"_s
        : p.type == u"double" || p.type == u"float" ? u"double"_s
                                                    : u"QString"_s;
    if (p.allowMultiple)
        t = t == u"QString" ? u"QStringList"_s : u"QList<%1>"_s.arg(t);
    return t;
}

QString cppLiteral(const ParameterSpec &p, const QString &value)
{
    const QString type = cppType(p);
    if (type == u"QJsonObject") {
        const QString trimmed = value.trimmed();
        if (trimmed.isEmpty())
            return u"QJsonObject()"_s;
        const QByteArray compact =
            QJsonDocument(QJsonDocument::fromJson(trimmed.toUtf8()).object()).toJson(QJsonDocument::Compact);
        return u"QJsonDocument::fromJson(QByteArrayLiteral(\"%1\")).object()"_s.arg(
            escaped(QString::fromUtf8(compact)));
    }
    if (type == u"bool")
        return value.trimmed() == u"true" ? u"true"_s : u"false"_s;
    if (type == u"int" || type == u"qint64" || type == u"double")
        return value.trimmed().isEmpty() ? u"0"_s : value.trimmed();
    if (type == u"QString")
        return u"QStringLiteral(\"%1\")"_s.arg(escaped(value));
    // lists
    QStringList parts;
    for (const QString &item : items(value)) {
        if (type == u"QStringList")
            parts.append(u"QStringLiteral(\"%1\")"_s.arg(escaped(item)));
        else
            parts.append(item);
    }
    return u"%1 { %2 }"_s.arg(type, parts.join(u", "_s));
}

QString cpp(const OperationSpec &op, const ParameterValues &values)
{
    // Required arguments: path parameters in path order, then the other required ones in spec
    // order (the generator's op_params()).
    static const QRegularExpression placeholder(u"\\{([^}]+)\\}"_s);
    QList<const ParameterSpec *> required;
    for (auto it = placeholder.globalMatch(op.path); it.hasNext();) {
        if (const ParameterSpec *p = op.parameter(it.next().captured(1)))
            required.append(p);
    }
    QList<const ParameterSpec *> optional;
    for (const ParameterSpec &p : op.parameters) {
        if (p.location == ParameterSpec::Location::Path)
            continue;
        if (p.required)
            required.append(&p);
        else if (!(p.isJson() ? values.value(p.name).trimmed() : values.value(p.name)).isEmpty())
            optional.append(&p);
    }
    const QString cls = u"QtAri::"_s + apiClass(op);
    const QString method = methodName(op);
    QStringList lines;
    lines << u"// %1: %2 %3 (#include <QtAri/%4>)"_s.arg(
        op.name(), QString::fromLatin1(op.method), op.path, apiClass(op));
    QStringList args;
    for (const ParameterSpec *p : std::as_const(required))
        args << cppLiteral(*p, values.value(p->name));
    if (!optional.isEmpty()) {
        const QString options = cls + u"::"_s + upperFirst(method) + u"Options"_s;
        lines << options + u" options;"_s;
        for (const ParameterSpec *p : std::as_const(optional))
            lines << u"options.%1 = %2;"_s.arg(memberName(p->name), cppLiteral(*p, values.value(p->name)));
        args << u"options"_s;
    }
    if (naming().noCall.contains(op.name())) {
        lines << u"// The client opens this itself (Client::connectToServer()); the request it sends:"_s;
        lines << u"const QtAri::Result<QtAri::Request> request = %1::%2Request(%3);"_s.arg(
            cls, method, args.join(u", "_s));
    } else {
        lines << u"auto future = client->%1()->%2(%3);"_s.arg(op.resource, method, args.join(u", "_s));
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace QtAri::Inspector::RequestExport
