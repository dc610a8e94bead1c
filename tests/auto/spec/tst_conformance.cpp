// Proves that lib/spec/ari.json describes each Asterisk version in ../shared/ari/api-docs:
// every operation, parameter, error status, model, field and message type with the same facts,
// `since` values that match where the items first appear, and our own doc line on every item.

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtTest/QTest>

#include <functional>
#include <map>

using namespace Qt::StringLiterals;

namespace {

// The Asterisk versions the spec covers, oldest first.
const QStringList kVersions = { u"18.26.4"_s, u"20.20.1"_s, u"22.10.1"_s, u"23.4.1"_s };

int majorOf(const QString &version)
{
    return version.section(u'.', 0, 0).toInt();
}

QJsonObject readObject(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot open "_s + path;
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = path + u": "_s + parseError.errorString();
        return {};
    }
    return doc.object();
}

// One Asterisk version's api-docs, turned into the same shapes the spec uses (minus since/doc).
struct AriVersion
{
    QString name;
    int major = 0;
    QString apiVersion;
    QStringList resourceOrder;
    QHash<QString, QJsonObject> operations; // "res.nick" -> {method, path, response, upgrade}
    QStringList operationOrder;
    QHash<QString, QJsonObject> parameters; // "res.nick.param" -> facts
    QStringList parameterOrder;
    QHash<QString, QList<int>> errors; // "res.nick" -> codes
    std::map<QString, QJsonObject> models; // name -> {resource, base, discriminator, subTypes}
    QHash<QString, QJsonObject> fields; // "Model.field" -> {type, required, allowed}
    QStringList fieldOrder;
    QHash<QString, QString> descriptions; // item key -> Asterisk's own text for that item
    QSet<QString> longSentences; // every Asterisk sentence of 30+ chars, lowercased
    QSet<QString> allTexts; // every Asterisk text, normalised
    QString error;
};

QString normalised(const QString &text)
{
    QString s = text.simplified().toLower();
    while (s.endsWith(u'.'))
        s.chop(1);
    return s;
}

void collectTexts(const QJsonValue &value, AriVersion &v)
{
    static const QSet<QString> textKeys = { u"description"_s, u"summary"_s, u"notes"_s, u"reason"_s,
        u"descriptioni"_s, u"__note"_s };
    static const QRegularExpression splitter(u"(?<=[.!?])\\s+|\\n+"_s);
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (textKeys.contains(it.key()) && it.value().isString()) {
                const QString text = it.value().toString();
                v.allTexts.insert(normalised(text));
                const QStringList sentences = text.split(splitter, Qt::SkipEmptyParts);
                for (const QString &sentence : sentences) {
                    const QString s = sentence.trimmed();
                    if (s.size() >= 30)
                        v.longSentences.insert(s.toLower());
                }
            } else {
                collectTexts(it.value(), v);
            }
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            collectTexts(item, v);
    }
}

// Asterisk writes defaultValue as a JSON string, number or boolean; the spec keeps it as text.
QString defaultText(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d == static_cast<double>(static_cast<qint64>(d)))
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    return value.toString();
}

void addAllowed(const QJsonObject &source, QJsonObject &target)
{
    const QJsonObject values = source.value(u"allowableValues"_s).toObject();
    const QString kind = values.value(u"valueType"_s).toString();
    if (kind == u"LIST"_s) {
        target.insert(u"allowed"_s, values.value(u"values"_s).toArray());
    } else if (kind == u"RANGE"_s) {
        QJsonObject range;
        for (const QString &key : { u"min"_s, u"max"_s }) {
            if (values.contains(key))
                range.insert(key, values.value(key).toDouble());
        }
        target.insert(u"allowedRange"_s, range);
    }
}

AriVersion loadVersion(const QString &folder, const QString &name)
{
    AriVersion v;
    v.name = name;
    v.major = majorOf(name);
    const QJsonObject listing = readObject(folder + u"/resources.json"_s, &v.error);
    if (!v.error.isEmpty())
        return v;
    v.apiVersion = listing.value(u"apiVersion"_s).toString();
    collectTexts(listing, v);
    const QJsonArray apis = listing.value(u"apis"_s).toArray();
    for (const QJsonValue &api : apis) {
        const QString file = api.toObject().value(u"path"_s).toString().section(u'/', -1);
        const QString resource = file.section(u'.', 0, 0);
        v.resourceOrder.append(resource);
        v.descriptions.insert(
            u"resource "_s + resource, api.toObject().value(u"description"_s).toString());
    }
    QHash<QString, QString> parentOf;
    for (const QString &resource : std::as_const(v.resourceOrder)) {
        const QJsonObject doc = readObject(folder + u'/' + resource + u".json"_s, &v.error);
        if (!v.error.isEmpty())
            return v;
        collectTexts(doc, v);
        const QJsonArray resourceApis = doc.value(u"apis"_s).toArray();
        for (const QJsonValue &apiValue : resourceApis) {
            const QJsonObject api = apiValue.toObject();
            const QJsonArray ops = api.value(u"operations"_s).toArray();
            for (const QJsonValue &opValue : ops) {
                const QJsonObject op = opValue.toObject();
                const QString opKey = resource + u'.' + op.value(u"nickname"_s).toString();
                QJsonObject facts { { u"method"_s, op.value(u"httpMethod"_s) },
                    { u"path"_s, api.value(u"path"_s) },
                    { u"response"_s, op.value(u"responseClass"_s) } };
                if (op.contains(u"upgrade"_s))
                    facts.insert(u"upgrade"_s, op.value(u"upgrade"_s));
                v.operations.insert(opKey, facts);
                v.operationOrder.append(opKey);
                v.descriptions.insert(opKey, op.value(u"summary"_s).toString());
                const QJsonArray params = op.value(u"parameters"_s).toArray();
                for (const QJsonValue &paramValue : params) {
                    const QJsonObject p = paramValue.toObject();
                    const QString in = p.value(u"paramType"_s).toString();
                    // A missing `required` means optional, except for path parameters.
                    const bool required = in == u"path"_s || p.value(u"required"_s).toBool(false);
                    QJsonObject pf { { u"in"_s, in }, { u"type"_s, p.value(u"dataType"_s) },
                        { u"required"_s, required },
                        { u"allowMultiple"_s, p.value(u"allowMultiple"_s).toBool(false) } };
                    addAllowed(p, pf);
                    if (p.contains(u"defaultValue"_s))
                        pf.insert(u"default"_s, defaultText(p.value(u"defaultValue"_s)));
                    const QString paramKey = opKey + u'.' + p.value(u"name"_s).toString();
                    v.parameters.insert(paramKey, pf);
                    v.parameterOrder.append(paramKey);
                    v.descriptions.insert(paramKey, p.value(u"description"_s).toString());
                }
                QList<int> codes;
                const QJsonArray errors = op.value(u"errorResponses"_s).toArray();
                for (const QJsonValue &e : errors) {
                    // Asterisk writes a few codes as strings ("404" on channels.move).
                    const int code = e.toObject().value(u"code"_s).toVariant().toInt();
                    codes.append(code);
                    v.descriptions.insert(opKey + u'#' + QString::number(code),
                        e.toObject().value(u"reason"_s).toString());
                }
                v.errors.insert(opKey, codes);
            }
        }
        const QJsonObject models = doc.value(u"models"_s).toObject();
        for (auto it = models.constBegin(); it != models.constEnd(); ++it) {
            const QJsonObject model = it.value().toObject();
            QJsonObject mf { { u"resource"_s, resource } };
            if (model.contains(u"discriminator"_s))
                mf.insert(u"discriminator"_s, model.value(u"discriminator"_s));
            if (model.contains(u"subTypes"_s)) {
                mf.insert(u"subTypes"_s, model.value(u"subTypes"_s));
                const QJsonArray subTypes = model.value(u"subTypes"_s).toArray();
                for (const QJsonValue &sub : subTypes)
                    parentOf.insert(sub.toString(), it.key());
            }
            v.models[it.key()] = mf;
            v.descriptions.insert(it.key(), model.value(u"description"_s).toString());
            const QJsonObject props = model.value(u"properties"_s).toObject();
            for (auto f = props.constBegin(); f != props.constEnd(); ++f) {
                const QJsonObject field = f.value().toObject();
                QJsonObject ff { { u"type"_s, field.value(u"type"_s) },
                    { u"required"_s, field.value(u"required"_s).toBool(false) } };
                addAllowed(field, ff);
                const QString fieldKey = it.key() + u'.' + f.key();
                v.fields.insert(fieldKey, ff);
                v.fieldOrder.append(fieldKey);
                v.descriptions.insert(fieldKey, field.value(u"description"_s).toString());
            }
        }
    }
    for (auto it = parentOf.constBegin(); it != parentOf.constEnd(); ++it) {
        auto model = v.models.find(it.key());
        if (model != v.models.end())
            model->second.insert(u"base"_s, it.value());
    }
    return v;
}

QString folderFor(const QString &version)
{
    return QStringLiteral(QTARI_SHARED_DIR) + u"/ari/api-docs/"_s + version;
}

// Loaded once per version; the value stays valid for the whole run.
const AriVersion *ariVersion(const QString &version)
{
    static std::map<QString, AriVersion> cache;
    auto it = cache.find(version);
    if (it == cache.end())
        it = cache.emplace(version, loadVersion(folderFor(version), version)).first;
    return &it->second;
}

// The spec, keyed the same way as AriVersion.
struct Spec
{
    QJsonObject root;
    QHash<QString, int> resourceSince;
    QHash<QString, QJsonObject> operations;
    QHash<QString, QJsonObject> parameters;
    QHash<QString, QList<int>> errors;
    QHash<QString, QJsonObject> models;
    QHash<QString, QJsonObject> fields;
    // every item that carries a doc line: key -> (kind, doc)
    QList<std::pair<QString, QString>> docs;
    QString error;
};

QJsonObject without(QJsonObject object, std::initializer_list<QString> keys)
{
    for (const QString &key : keys)
        object.remove(key);
    return object;
}

Spec loadSpec()
{
    Spec s;
    s.root = readObject(QStringLiteral(QTARI_SOURCE_DIR) + u"/lib/spec/ari.json"_s, &s.error);
    const QJsonArray resources = s.root.value(u"resources"_s).toArray();
    for (const QJsonValue &resValue : resources) {
        const QJsonObject res = resValue.toObject();
        const QString r = res.value(u"name"_s).toString();
        s.resourceSince.insert(r, res.value(u"since"_s).toInt());
        s.docs.append({ u"resource "_s + r, res.value(u"doc"_s).toString() });
        const QJsonArray ops = res.value(u"operations"_s).toArray();
        for (const QJsonValue &opValue : ops) {
            const QJsonObject op = opValue.toObject();
            const QString opKey = r + u'.' + op.value(u"nickname"_s).toString();
            s.operations.insert(opKey, op);
            s.docs.append({ opKey, op.value(u"doc"_s).toString() });
            const QJsonArray params = op.value(u"parameters"_s).toArray();
            for (const QJsonValue &p : params) {
                const QString key = opKey + u'.' + p.toObject().value(u"name"_s).toString();
                s.parameters.insert(key, p.toObject());
                s.docs.append({ key, p.toObject().value(u"doc"_s).toString() });
            }
            QList<int> codes;
            const QJsonArray errors = op.value(u"errors"_s).toArray();
            for (const QJsonValue &e : errors) {
                const int code = e.toObject().value(u"code"_s).toInt();
                codes.append(code);
                s.docs.append({ opKey + u'#' + QString::number(code),
                    e.toObject().value(u"doc"_s).toString() });
            }
            s.errors.insert(opKey, codes);
        }
    }
    const QJsonArray models = s.root.value(u"models"_s).toArray();
    for (const QJsonValue &modelValue : models) {
        const QJsonObject model = modelValue.toObject();
        const QString m = model.value(u"name"_s).toString();
        s.models.insert(m, model);
        s.docs.append({ m, model.value(u"doc"_s).toString() });
        const QJsonArray fields = model.value(u"fields"_s).toArray();
        for (const QJsonValue &f : fields) {
            const QString key = m + u'.' + f.toObject().value(u"name"_s).toString();
            s.fields.insert(key, f.toObject());
            s.docs.append({ key, f.toObject().value(u"doc"_s).toString() });
        }
    }
    return s;
}

// Message types: models whose base chain reaches Message, without the abstract bases themselves.
bool reachesMessage(const QString &name, const std::function<QString(const QString &)> &baseOf)
{
    QString current = baseOf(name);
    for (int depth = 0; !current.isEmpty() && depth < 16; ++depth) {
        if (current == u"Message"_s)
            return true;
        current = baseOf(current);
    }
    return false;
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

class tst_Conformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void facts_data();
    void facts();
    void since_data();
    void since();
    void docLines_data();
    void docLines();

private:
    void versionRows();
    const AriVersion *fetchVersion();

    Spec m_spec;
};

void tst_Conformance::initTestCase()
{
    m_spec = loadSpec();
    QVERIFY2(m_spec.error.isEmpty(), qPrintable(m_spec.error));
    QCOMPARE(m_spec.root.value(u"format"_s).toInt(), 1);
    QVERIFY(!m_spec.operations.isEmpty());
    QVERIFY(!m_spec.models.isEmpty());
}

void tst_Conformance::versionRows()
{
    QTest::addColumn<QString>("version");
    for (const QString &version : kVersions)
        QTest::newRow(qPrintable(version)) << version;
}

const AriVersion *tst_Conformance::fetchVersion()
{
    QFETCH(QString, version);
    if (!QDir(folderFor(version)).exists())
        return nullptr;
    return ariVersion(version);
}

void tst_Conformance::facts_data()
{
    versionRows();
}

// Every item of this Asterisk version is in the spec with the same facts. The spec holds the
// newest facts, so an older version may differ only where Asterisk itself changed the fact later
// (the newest version then agrees with the spec); those cases are listed, not hidden.
void tst_Conformance::facts()
{
    QFETCH(QString, version);
    const AriVersion *v = fetchVersion();
    if (!v)
        QSKIP(qPrintable(
            u"no api-docs for "_s + version + u" in "_s + QStringLiteral(QTARI_SHARED_DIR)));
    QVERIFY2(v->error.isEmpty(), qPrintable(v->error));
    const AriVersion *newest = nullptr;
    if (QDir(folderFor(kVersions.last())).exists())
        newest = ariVersion(kVersions.last());
    const bool isNewest = version == kVersions.last();

    QStringList problems;
    QStringList changedLater;
    auto judge = [&](const QString &what, const QJsonObject &ours, const QJsonObject &theirs,
                     const std::function<QJsonObject(const AriVersion *)> &inNewest) {
        if (ours == theirs)
            return true;
        if (!isNewest && newest && inNewest(newest) == ours && ours != theirs) {
            changedLater.append(what + u": "_s + compact(theirs) + u" -> "_s + compact(ours));
            return true;
        }
        problems.append(what + u": spec "_s + compact(ours) + u", Asterisk "_s + compact(theirs));
        return false;
    };

    QCOMPARE(
        m_spec.root.value(u"apiVersions"_s).toObject().value(QString::number(v->major)).toString(),
        v->apiVersion);

    int opsOk = 0;
    for (const QString &key : v->operationOrder) {
        const auto found = m_spec.operations.constFind(key);
        if (found == m_spec.operations.constEnd()) {
            problems.append(u"missing operation "_s + key);
            continue;
        }
        QJsonObject ours { { u"method"_s, found->value(u"method"_s) },
            { u"path"_s, found->value(u"path"_s) },
            { u"response"_s, found->value(u"response"_s) } };
        if (found->contains(u"upgrade"_s))
            ours.insert(u"upgrade"_s, found->value(u"upgrade"_s));
        if (judge(u"operation "_s + key, ours, v->operations.value(key),
                [&](const AriVersion *n) { return n->operations.value(key); }))
            ++opsOk;
    }

    int paramsOk = 0;
    for (const QString &key : v->parameterOrder) {
        const auto found = m_spec.parameters.constFind(key);
        if (found == m_spec.parameters.constEnd()) {
            problems.append(u"missing parameter "_s + key);
            continue;
        }
        const QJsonObject ours = without(*found, { u"name"_s, u"since"_s, u"doc"_s });
        if (judge(u"parameter "_s + key, ours, v->parameters.value(key),
                [&](const AriVersion *n) { return n->parameters.value(key); }))
            ++paramsOk;
    }

    int errorsOk = 0;
    int errorsTotal = 0;
    for (const QString &key : v->operationOrder) {
        const QList<int> theirs = v->errors.value(key);
        const QList<int> ours = m_spec.errors.value(key);
        const QList<int> newestCodes = newest ? newest->errors.value(key) : QList<int>();
        for (int code : theirs) {
            ++errorsTotal;
            if (ours.contains(code))
                ++errorsOk;
            else
                problems.append(u"missing error %1 on %2"_s.arg(code).arg(key));
        }
        for (int code : ours) {
            if (theirs.contains(code))
                continue;
            if (!isNewest && newestCodes.contains(code))
                changedLater.append(u"error %1 on %2 (added later)"_s.arg(code).arg(key));
            else
                problems.append(u"error %1 on %2 is not in Asterisk's files"_s.arg(code).arg(key));
        }
    }

    int modelsOk = 0;
    for (const auto &[name, theirs] : v->models) {
        const auto found = m_spec.models.constFind(name);
        if (found == m_spec.models.constEnd()) {
            problems.append(u"missing model "_s + name);
            continue;
        }
        QJsonObject ours { { u"resource"_s, found->value(u"resource"_s) } };
        for (const QString &key : { u"base"_s, u"discriminator"_s, u"subTypes"_s }) {
            if (found->contains(key))
                ours.insert(key, found->value(key));
        }
        const QString modelName = name;
        if (judge(u"model "_s + name, ours, theirs, [&](const AriVersion *n) {
                const auto it = n->models.find(modelName);
                return it == n->models.end() ? QJsonObject() : it->second;
            }))
            ++modelsOk;
    }

    int fieldsOk = 0;
    for (const QString &key : v->fieldOrder) {
        const auto found = m_spec.fields.constFind(key);
        if (found == m_spec.fields.constEnd()) {
            problems.append(u"missing field "_s + key);
            continue;
        }
        const QJsonObject ours = without(*found, { u"name"_s, u"since"_s, u"doc"_s });
        if (judge(u"field "_s + key, ours, v->fields.value(key),
                [&](const AriVersion *n) { return n->fields.value(key); }))
            ++fieldsOk;
    }

    // Message types, found from Asterisk's subTypes and checked against the spec's base chain.
    auto asteriskBase = [v](const QString &name) {
        const auto it = v->models.find(name);
        return it == v->models.end() ? QString() : it->second.value(u"base"_s).toString();
    };
    auto specBase = [this](const QString &name) {
        return m_spec.models.value(name).value(u"base"_s).toString();
    };
    int messagesOk = 0;
    int messagesTotal = 0;
    for (const auto &[name, facts] : v->models) {
        if (facts.contains(u"subTypes"_s) || !reachesMessage(name, asteriskBase))
            continue;
        ++messagesTotal;
        if (m_spec.models.contains(name) && reachesMessage(name, specBase)
            && !m_spec.models.value(name).contains(u"subTypes"_s))
            ++messagesOk;
        else
            problems.append(u"message type "_s + name + u" is not a message type in the spec"_s);
    }
    if (isNewest) {
        int specMessages = 0;
        for (auto it = m_spec.models.constBegin(); it != m_spec.models.constEnd(); ++it) {
            if (!it->contains(u"subTypes"_s) && reachesMessage(it.key(), specBase))
                ++specMessages;
        }
        QCOMPARE(specMessages, messagesTotal);
    }

    qInfo().noquote()
        << u"%1: %2/%3 operations, %4/%5 parameters, %6/%7 error statuses, %8/%9 models, "
           "%10/%11 fields, %12/%13 message types"_s.arg(version)
               .arg(opsOk)
               .arg(v->operationOrder.size())
               .arg(paramsOk)
               .arg(v->parameterOrder.size())
               .arg(errorsOk)
               .arg(errorsTotal)
               .arg(modelsOk)
               .arg(v->models.size())
               .arg(fieldsOk)
               .arg(v->fieldOrder.size())
               .arg(messagesOk)
               .arg(messagesTotal);
    if (!changedLater.isEmpty()) {
        qInfo().noquote() << version
                          << u"facts that newer Asterisk changed (spec holds the newest):"_s;
        for (const QString &line : std::as_const(changedLater))
            qInfo().noquote() << u"  "_s + line;
    }
    for (const QString &line : std::as_const(problems))
        qWarning().noquote() << line;
    QVERIFY2(problems.isEmpty(), qPrintable(u"%1 mismatches"_s.arg(problems.size())));
    QCOMPARE(opsOk, v->operationOrder.size());
    QCOMPARE(paramsOk, v->parameterOrder.size());
    QCOMPARE(modelsOk, int(v->models.size()));
    QCOMPARE(messagesOk, messagesTotal);
}

void tst_Conformance::since_data()
{
    versionRows();
}

// An item is in this version exactly when its `since` is this major or older: so `since` names
// the first of 18/20/22/23 that has it, and nothing disappears afterwards.
void tst_Conformance::since()
{
    QFETCH(QString, version);
    const AriVersion *v = fetchVersion();
    if (!v)
        QSKIP(qPrintable(u"no api-docs for "_s + version));
    QVERIFY2(v->error.isEmpty(), qPrintable(v->error));

    QSet<int> majors;
    for (const QString &known : kVersions)
        majors.insert(majorOf(known));

    QStringList problems;
    int checked = 0;
    auto check = [&](const QString &what, const QJsonObject &item, bool present) {
        ++checked;
        const int since = item.value(u"since"_s).toInt();
        if (!majors.contains(since))
            problems.append(u"%1: since %2 is not one of 18/20/22/23"_s.arg(what).arg(since));
        else if ((since <= v->major) != present)
            problems.append(u"%1: since %2 but %3 in %4"_s.arg(what).arg(since).arg(
                present ? u"present"_s : u"absent"_s, v->name));
    };
    const QJsonArray resources = m_spec.root.value(u"resources"_s).toArray();
    for (const QJsonValue &res : resources) {
        const QString r = res.toObject().value(u"name"_s).toString();
        check(u"resource "_s + r, res.toObject(), v->resourceOrder.contains(r));
    }
    for (auto it = m_spec.operations.constBegin(); it != m_spec.operations.constEnd(); ++it)
        check(u"operation "_s + it.key(), *it, v->operations.contains(it.key()));
    for (auto it = m_spec.parameters.constBegin(); it != m_spec.parameters.constEnd(); ++it)
        check(u"parameter "_s + it.key(), *it, v->parameters.contains(it.key()));
    for (auto it = m_spec.models.constBegin(); it != m_spec.models.constEnd(); ++it)
        check(u"model "_s + it.key(), *it, v->models.count(it.key()) > 0);
    for (auto it = m_spec.fields.constBegin(); it != m_spec.fields.constEnd(); ++it)
        check(u"field "_s + it.key(), *it, v->fields.contains(it.key()));

    for (const QString &line : std::as_const(problems))
        qWarning().noquote() << line;
    QVERIFY2(problems.isEmpty(), qPrintable(u"%1 wrong since values"_s.arg(problems.size())));
    qInfo().noquote() << u"%1: since is right for %2 items"_s.arg(version).arg(checked);
}

void tst_Conformance::docLines_data()
{
    versionRows();
}

// Every item has a doc line in our own words: not empty, not Asterisk's text for the item (nor any
// of its texts), and not containing any Asterisk sentence of 30 characters or more.
void tst_Conformance::docLines()
{
    QFETCH(QString, version);
    const AriVersion *v = fetchVersion();
    if (!v)
        QSKIP(qPrintable(u"no api-docs for "_s + version));
    QVERIFY2(v->error.isEmpty(), qPrintable(v->error));

    QStringList problems;
    for (const auto &[key, doc] : std::as_const(m_spec.docs)) {
        if (doc.trimmed().isEmpty()) {
            problems.append(key + u": no doc line"_s);
            continue;
        }
        if (doc.contains(u'\n'))
            problems.append(key + u": doc is more than one line"_s);
        const QString mine = normalised(doc);
        const QString theirs = v->descriptions.value(key);
        if (!theirs.isEmpty() && mine == normalised(theirs))
            problems.append(key + u": doc equals Asterisk's description"_s);
        else if (v->allTexts.contains(mine))
            problems.append(key + u": doc equals an Asterisk text"_s);
        const QString lower = doc.toLower();
        for (const QString &sentence : v->longSentences) {
            if (lower.contains(sentence) || lower.contains(sentence.chopped(1))) {
                problems.append(key + u": doc contains Asterisk's sentence \""_s + sentence + u'"');
                break;
            }
        }
    }
    for (const QString &line : std::as_const(problems))
        qWarning().noquote() << line;
    QVERIFY2(problems.isEmpty(), qPrintable(u"%1 doc lines to fix"_s.arg(problems.size())));
    qInfo().noquote() << u"%1: %2 doc lines, all our own"_s.arg(version).arg(m_spec.docs.size());
}

QTEST_GUILESS_MAIN(tst_Conformance)
#include "tst_conformance.moc"
