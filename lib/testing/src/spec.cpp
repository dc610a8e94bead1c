// The simulator's view of lib/spec/ari.json: routing, parameter facts and /ari/api-docs/.
#include "simulator_p.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>

using namespace Qt::StringLiterals;

namespace QtAri::Testing {

bool Spec::load()
{
    return load(version);
}

QList<int> Spec::versions()
{
    return { 18, 20, 22, 23 };
}

QString Spec::versionString() const
{
    // Plausible late releases of each branch; 22.10.1 is the one the traces were recorded on.
    switch (version) {
    case 18: return u"18.26.0"_s;
    case 20: return u"20.15.0"_s;
    case 23: return u"23.4.1"_s;
    default: return u"22.10.1"_s;
    }
}

QString Spec::apiVersion() const
{
    return raw.value(u"apiVersions"_s).toObject().value(QString::number(version)).toString(u"10.0.0"_s);
}

// Drops what `since` says this version does not have, and remembers what was dropped.
static bool newer(const QJsonObject &o, int version)
{
    return o.contains(u"since"_s) && o.value(u"since"_s).toInt() > version;
}

void Spec::stripNewerFields(const QString &model, QJsonObject &object, int depth) const
{
    const auto gone = newerFields.constFind(model);
    if (gone != newerFields.constEnd()) {
        for (const QString &f : *gone)
            object.remove(f);
    }
    const auto types = fieldTypes.constFind(model);
    if (depth > 2 || types == fieldTypes.constEnd())
        return;
    for (auto it = types->constBegin(); it != types->constEnd(); ++it) {
        if (!object.value(it.key()).isObject() || !fieldTypes.contains(it.value()))
            continue;
        QJsonObject inner = object.value(it.key()).toObject();
        stripNewerFields(it.value(), inner, depth + 1);
        object.insert(it.key(), inner);
    }
}

void Spec::ignoreNewerParams(Request &r) const
{
    if (!r.op)
        return;
    for (const QString &name : r.op->newerParams) {
        r.query.remove(name);
        r.body.remove(name);
    }
}

bool Spec::load(int asteriskVersion)
{
    QFile file(u":/qtari/spec/ari.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    version = asteriskVersion;
    operations.clear();
    newerModels.clear();
    newerFields.clear();
    fieldTypes.clear();
    raw = QJsonDocument::fromJson(file.readAll()).object();
    QHash<QString, QStringList> newerParamsByOp;
    {
        QJsonArray keptResources;
        for (const QJsonValue &rv : raw.value(u"resources"_s).toArray()) {
            QJsonObject res = rv.toObject();
            if (newer(res, version))
                continue;
            QJsonArray keptOps;
            for (const QJsonValue &ov : res.value(u"operations"_s).toArray()) {
                QJsonObject o = ov.toObject();
                if (newer(o, version))
                    continue;
                QJsonArray keptParams;
                for (const QJsonValue &pv : o.value(u"parameters"_s).toArray()) {
                    if (newer(pv.toObject(), version))
                        newerParamsByOp[res.value(u"name"_s).toString() + u'.' + o.value(u"nickname"_s).toString()]
                                .append(pv.toObject().value(u"name"_s).toString());
                    else
                        keptParams.append(pv);
                }
                o.insert(u"parameters"_s, keptParams);
                keptOps.append(o);
            }
            res.insert(u"operations"_s, keptOps);
            keptResources.append(res);
        }
        raw.insert(u"resources"_s, keptResources);
        QJsonArray keptModels;
        for (const QJsonValue &mv : raw.value(u"models"_s).toArray()) {
            QJsonObject m = mv.toObject();
            const QString name = m.value(u"name"_s).toString();
            if (newer(m, version)) {
                newerModels.insert(name);
                continue;
            }
            QJsonArray keptFields;
            for (const QJsonValue &fv : m.value(u"fields"_s).toArray()) {
                const QJsonObject f = fv.toObject();
                fieldTypes[name].insert(f.value(u"name"_s).toString(), f.value(u"type"_s).toString());
                if (newer(f, version))
                    newerFields[name].append(f.value(u"name"_s).toString());
                else
                    keptFields.append(f);
            }
            m.insert(u"fields"_s, keptFields);
            keptModels.append(m);
        }
        raw.insert(u"models"_s, keptModels);
    }
    const QJsonArray resources = raw.value(u"resources"_s).toArray();
    for (const QJsonValue &rv : resources) {
        const QJsonObject res = rv.toObject();
        const QJsonArray ops = res.value(u"operations"_s).toArray();
        for (const QJsonValue &ov : ops) {
            const QJsonObject o = ov.toObject();
            SpecOperation op;
            op.resource = res.value(u"name"_s).toString();
            op.nickname = o.value(u"nickname"_s).toString();
            op.method = o.value(u"method"_s).toString();
            op.path = o.value(u"path"_s).toString();
            op.segments = op.path.split(u'/', Qt::SkipEmptyParts);
            op.response = o.value(u"response"_s).toString();
            const QJsonArray params = o.value(u"parameters"_s).toArray();
            for (const QJsonValue &pv : params) {
                const QJsonObject p = pv.toObject();
                SpecParam sp;
                sp.name = p.value(u"name"_s).toString();
                sp.in = p.value(u"in"_s).toString();
                sp.type = p.value(u"type"_s).toString();
                sp.required = p.value(u"required"_s).toBool();
                sp.allowMultiple = p.value(u"allowMultiple"_s).toBool();
                for (const QJsonValue &a : p.value(u"allowed"_s).toArray())
                    sp.allowed.append(a.toString());
                if (p.contains(u"allowedRange"_s)) {
                    const QJsonObject r = p.value(u"allowedRange"_s).toObject();
                    sp.range = std::make_pair(r.contains(u"min"_s) ? r.value(u"min"_s).toDouble() : -1e18,
                                              r.contains(u"max"_s) ? r.value(u"max"_s).toDouble() : 1e18);
                }
                const QJsonValue def = p.value(u"default"_s);
                sp.defaultValue = def.isString() ? def.toString() : def.isDouble() ? QString::number(def.toDouble()) : def.isBool() ? (def.toBool() ? u"true"_s : u"false"_s) : QString();
                op.params.append(sp);
            }
            for (const QJsonValue &e : o.value(u"errors"_s).toArray())
                op.errors.append(e.toObject().value(u"code"_s).toInt());
            op.newerParams = newerParamsByOp.value(op.key());
            operations.append(op);
        }
    }
    return !operations.isEmpty();
}

const SpecOperation *Spec::match(const QString &method, const QStringList &segments,
                                 QHash<QString, QString> *pathParams, bool *pathKnown) const
{
    const SpecOperation *best = nullptr;
    int bestLiterals = -1;
    *pathKnown = false;
    for (const SpecOperation &op : operations) {
        if (op.segments.size() != segments.size())
            continue;
        int literals = 0;
        bool ok = true;
        for (qsizetype i = 0; i < segments.size(); ++i) {
            const QString &t = op.segments.at(i);
            if (t.startsWith(u'{'))
                continue;
            if (t != segments.at(i)) {
                ok = false;
                break;
            }
            ++literals;
        }
        if (!ok)
            continue;
        *pathKnown = true;
        if (op.method != method)
            continue;
        if (literals > bestLiterals) {
            best = &op;
            bestLiterals = literals;
        }
    }
    if (best && pathParams) {
        for (qsizetype i = 0; i < segments.size(); ++i) {
            const QString &t = best->segments.at(i);
            if (t.startsWith(u'{'))
                pathParams->insert(t.mid(1, t.size() - 2), segments.at(i));
        }
    }
    return best;
}

QJsonObject Spec::resourcesJson(const QString &basePath) const
{
    QJsonArray apis;
    for (const QJsonValue &rv : raw.value(u"resources"_s).toArray()) {
        const QJsonObject res = rv.toObject();
        apis.append(QJsonObject { { u"path"_s, u"/api-docs/"_s + res.value(u"name"_s).toString() + u".{format}"_s },
                                  { u"description"_s, res.value(u"doc"_s).toString() } });
    }
    return QJsonObject { { u"_copyright"_s, u"QtAri contributors"_s },
                         { u"_author"_s, u"QtAri simulator"_s },
                         { u"_svn_revision"_s, u"qtari"_s },
                         { u"apiVersion"_s, apiVersion() },
                         { u"swaggerVersion"_s, u"1.1"_s },
                         { u"basePath"_s, basePath },
                         { u"apis"_s, apis } };
}

static QJsonObject swaggerModel(const QJsonObject &m)
{
    QJsonObject props;
    for (const QJsonValue &fv : m.value(u"fields"_s).toArray()) {
        const QJsonObject f = fv.toObject();
        QJsonObject p { { u"type"_s, f.value(u"type"_s) },
                        { u"required"_s, f.value(u"required"_s).toBool() },
                        { u"description"_s, f.value(u"doc"_s) } };
        if (f.contains(u"allowed"_s))
            p.insert(u"allowableValues"_s, QJsonObject { { u"valueType"_s, u"LIST"_s }, { u"values"_s, f.value(u"allowed"_s) } });
        props.insert(f.value(u"name"_s).toString(), p);
    }
    QJsonObject out { { u"id"_s, m.value(u"name"_s) }, { u"description"_s, m.value(u"doc"_s) },
                      { u"properties"_s, props } };
    if (m.contains(u"base"_s))
        out.insert(u"extends"_s, m.value(u"base"_s));
    if (m.contains(u"discriminator"_s))
        out.insert(u"discriminator"_s, m.value(u"discriminator"_s));
    if (m.contains(u"subTypes"_s))
        out.insert(u"subTypes"_s, m.value(u"subTypes"_s));
    return out;
}

QJsonObject Spec::resourceJson(const QString &resource, const QString &basePath) const
{
    QJsonObject resObj;
    for (const QJsonValue &rv : raw.value(u"resources"_s).toArray()) {
        if (rv.toObject().value(u"name"_s).toString() == resource)
            resObj = rv.toObject();
    }
    if (resObj.isEmpty())
        return {};
    // Group operations by path, keeping the spec's order.
    QStringList paths;
    QHash<QString, QJsonArray> opsByPath;
    for (const QJsonValue &ov : resObj.value(u"operations"_s).toArray()) {
        const QJsonObject o = ov.toObject();
        const QString path = o.value(u"path"_s).toString();
        if (!paths.contains(path))
            paths.append(path);
        QJsonArray params;
        for (const QJsonValue &pv : o.value(u"parameters"_s).toArray()) {
            const QJsonObject p = pv.toObject();
            QJsonObject sp { { u"name"_s, p.value(u"name"_s) },
                             { u"description"_s, p.value(u"doc"_s) },
                             { u"paramType"_s, p.value(u"in"_s) },
                             { u"required"_s, p.value(u"required"_s).toBool() },
                             { u"allowMultiple"_s, p.value(u"allowMultiple"_s).toBool() },
                             { u"dataType"_s, p.value(u"type"_s) } };
            if (p.contains(u"default"_s))
                sp.insert(u"defaultValue"_s, p.value(u"default"_s));
            if (p.contains(u"allowed"_s))
                sp.insert(u"allowableValues"_s, QJsonObject { { u"valueType"_s, u"LIST"_s }, { u"values"_s, p.value(u"allowed"_s) } });
            if (p.contains(u"allowedRange"_s)) {
                const QJsonObject r = p.value(u"allowedRange"_s).toObject();
                sp.insert(u"allowableValues"_s, QJsonObject { { u"valueType"_s, u"RANGE"_s }, { u"min"_s, r.value(u"min"_s) }, { u"max"_s, r.value(u"max"_s) } });
            }
            params.append(sp);
        }
        QJsonArray errors;
        for (const QJsonValue &ev : o.value(u"errors"_s).toArray()) {
            const QJsonObject e = ev.toObject();
            errors.append(QJsonObject { { u"code"_s, e.value(u"code"_s) }, { u"reason"_s, e.value(u"doc"_s) } });
        }
        QJsonObject op { { u"httpMethod"_s, o.value(u"method"_s) },
                         { u"summary"_s, o.value(u"doc"_s) },
                         { u"nickname"_s, o.value(u"nickname"_s) },
                         { u"responseClass"_s, o.value(u"response"_s) },
                         { u"parameters"_s, params },
                         { u"errorResponses"_s, errors } };
        if (o.contains(u"upgrade"_s))
            op.insert(u"upgrade"_s, o.value(u"upgrade"_s));
        opsByPath[path].append(op);
    }
    QJsonArray apis;
    for (const QString &p : std::as_const(paths))
        apis.append(QJsonObject { { u"path"_s, p }, { u"description"_s, resObj.value(u"doc"_s) }, { u"operations"_s, opsByPath.value(p) } });
    QJsonObject models;
    for (const QJsonValue &mv : raw.value(u"models"_s).toArray()) {
        const QJsonObject m = mv.toObject();
        if (m.value(u"resource"_s).toString() == resource)
            models.insert(m.value(u"name"_s).toString(), swaggerModel(m));
    }
    return QJsonObject { { u"_copyright"_s, u"QtAri contributors"_s },
                         { u"_author"_s, u"QtAri simulator"_s },
                         { u"_svn_revision"_s, u"qtari"_s },
                         { u"apiVersion"_s, apiVersion() },
                         { u"swaggerVersion"_s, u"1.2"_s },
                         { u"basePath"_s, basePath },
                         { u"resourcePath"_s, u"/api-docs/"_s + resource + u".{format}"_s },
                         { u"apis"_s, apis },
                         { u"models"_s, models } };
}

} // namespace QtAri::Testing
