#include "codegen_p.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QTimeZone>
#include <QtCore/QUrl>

namespace QtAri::Private {

namespace {

    int digits(const QChar *p, int count)
    {
        int value = 0;
        for (int i = 0; i < count; ++i) {
            const char16_t c = p[i].unicode();
            if (c < u'0' || c > u'9')
                return -1;
            value = value * 10 + (c - u'0');
        }
        return value;
    }

    QDateTime makeDateTime(QDate date, QTime time, int offsetSeconds)
    {
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
        return QDateTime(date, time,
            offsetSeconds == 0 ? QTimeZone(QTimeZone::UTC)
                               : QTimeZone::fromSecondsAheadOfUtc(offsetSeconds));
#else
        return offsetSeconds == 0 ? QDateTime(date, time, Qt::UTC)
                                  : QDateTime(date, time, Qt::OffsetFromUTC, offsetSeconds);
#endif
    }

} // namespace

bool parseAriDate(const QString &text, QDateTime &out)
{
    // Fast path for Asterisk's own form: yyyy-MM-ddTHH:mm:ss.zzz+hhmm (28 characters).
    if (text.size() == 28) {
        const QChar *p = text.constData();
        if (p[4] == u'-' && p[7] == u'-' && p[10] == u'T' && p[13] == u':' && p[16] == u':'
            && p[19] == u'.' && (p[23] == u'+' || p[23] == u'-')) {
            const int year = digits(p, 4), month = digits(p + 5, 2), day = digits(p + 8, 2);
            const int hour = digits(p + 11, 2), minute = digits(p + 14, 2),
                      second = digits(p + 17, 2), ms = digits(p + 20, 3);
            const int offH = digits(p + 24, 2), offM = digits(p + 26, 2);
            // An offset is at most 23:59, like Qt's ISO parser takes it: "+9999" would be read as
            // +100:39 and written back as "+0039", another instant.
            if (offH > 23 || offM > 59)
                return false;
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0
                && ms >= 0 && offH >= 0 && offM >= 0) {
                const QDate date(year, month, day);
                const QTime time(hour, minute, second, ms);
                if (date.isValid() && time.isValid()) {
                    const int offset = (offH * 3600 + offM * 60) * (p[23] == u'-' ? -1 : 1);
                    out = makeDateTime(date, time, offset);
                    return out.isValid();
                }
            }
        }
    }
    // Anything else ISO 8601 ("+hh:mm", "Z", no milliseconds).
    out = QDateTime::fromString(text, Qt::ISODateWithMs);
    return out.isValid();
}

QString formatAriDate(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return QString();
    const QDate date = dateTime.date();
    const QTime time = dateTime.time();
    const int offset = dateTime.offsetFromUtc();
    const int absOffset = offset < 0 ? -offset : offset;
    // "+hhmm" holds whole minutes below 24 hours; any other offset is written as the same
    // instant in UTC.
    if (absOffset % 60 != 0 || absOffset >= 24 * 3600)
        return formatAriDate(dateTime.toUTC());
    const int year = date.year();
    if (year < 0 || year > 9999) // outside Asterisk's form: plain ISO 8601
        return dateTime.toString(Qt::ISODateWithMs);
    // yyyy-MM-ddTHH:mm:ss.zzz+hhmm, written without a format parser (events are encoded often).
    char16_t text[28];
    auto put = [&text](int at, int value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            text[at + i] = char16_t(u'0' + value % 10);
    };
    put(0, year, 4);
    text[4] = u'-';
    put(5, date.month(), 2);
    text[7] = u'-';
    put(8, date.day(), 2);
    text[10] = u'T';
    put(11, time.hour(), 2);
    text[13] = u':';
    put(14, time.minute(), 2);
    text[16] = u':';
    put(17, time.second(), 2);
    text[19] = u'.';
    put(20, time.msec(), 3);
    text[23] = offset < 0 ? u'-' : u'+';
    put(24, absOffset / 3600, 2);
    put(26, (absOffset % 3600) / 60, 2);
    return QString(reinterpret_cast<const QChar *>(text), 28);
}

QString describeJsonType(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString integerProblem(QJsonValue::Type type, double value)
{
    if (type != QJsonValue::Double)
        return QStringLiteral("expected an integer, got ") + describeJsonType(type);
    return QStringLiteral("expected an integer, got %1").arg(value);
}

QDebug debugJson(QDebug debug, const char *name, const QJsonObject &json)
{
    QDebugStateSaver saver(debug);
    debug.nospace().noquote() << name << '(' << QJsonDocument(json).toJson(QJsonDocument::Compact)
                              << ')';
    return debug;
}

Error fieldError(const char *model, const char *field, const QString &problem)
{
    const QString where = QLatin1StringView(model) + u'.' + QLatin1StringView(field);
    return Error(Error::Kind::InvalidResponse,
        problem.isEmpty() ? where + QStringLiteral(": required field is missing")
                          : where + QStringLiteral(": ") + problem);
}

void collectUnknown(
    const QJsonObject &json, const QLatin1StringView *known, qsizetype size, QJsonObject &unknown)
{
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const QString key = it.key();
        bool isKnown = false;
        for (qsizetype i = 0; i < size && !isKnown; ++i)
            isKnown = key == known[i];
        if (!isKnown)
            unknown.insert(key, it.value());
    }
}

QByteArray encodeSegment(const QString &value)
{
    // "." and ".." would be path navigation to a server or a URL normaliser: encode them too.
    if (value == u"." || value == u"..")
        return QUrl::toPercentEncoding(value, QByteArray(), QByteArrayLiteral("."));
    return QUrl::toPercentEncoding(value);
}

void QueryBuilder::addKey(const char *key)
{
    if (!m_query.isEmpty())
        m_query += '&';
    m_query += key;
    m_query += '=';
}

void QueryBuilder::add(const char *key, const QString &value)
{
    addKey(key);
    m_query += QUrl::toPercentEncoding(value);
}

void QueryBuilder::add(const char *key, const QStringList &values)
{
    addKey(key);
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            m_query += ',';
        m_query += QUrl::toPercentEncoding(values.at(i));
    }
}

void QueryBuilder::add(const char *key, int value)
{
    addKey(key);
    m_query += QByteArray::number(value);
}

void QueryBuilder::add(const char *key, qint64 value)
{
    addKey(key);
    m_query += QByteArray::number(value);
}

void QueryBuilder::add(const char *key, double value)
{
    addKey(key);
    m_query += QByteArray::number(value, 'g', 17);
}

void QueryBuilder::add(const char *key, bool value)
{
    addKey(key);
    m_query += value ? "true" : "false";
}

QByteArray encodeBody(const QJsonObject &body)
{
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Error missingParameter(const char *operation, const char *parameter)
{
    return Error(Error::Kind::InvalidArgument,
        QStringLiteral("required parameter '%1' is missing or empty")
            .arg(QLatin1StringView(parameter)),
        QLatin1StringView(operation));
}

Error httpError(const Response &response, const QString &operation)
{
    QString message;
    const QByteArray body = response.body.trimmed();
    if (!body.isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
            const QJsonObject object = doc.object();
            const QJsonValue text = object.contains(QLatin1StringView("message"))
                ? object.value(QLatin1StringView("message"))
                : object.value(QLatin1StringView("error"));
            message = text.toString();
        } else if (parseError.error != QJsonParseError::NoError) {
            message = QString::fromUtf8(body.left(512));
        }
    }
    return Error::http(response.status, message, operation);
}

Error invalidResponse(const QString &operation, const QString &problem)
{
    return Error(Error::Kind::InvalidResponse, problem, operation);
}

bool parseBody(const Response &response, bool wantArray, QJsonValue &out, QString &problem)
{
    if (response.body.trimmed().isEmpty()) {
        problem = QStringLiteral("the response body is empty");
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        problem = QStringLiteral("the response body is not JSON: ") + parseError.errorString();
        return false;
    }
    if (wantArray ? !doc.isArray() : !doc.isObject()) {
        problem = wantArray ? QStringLiteral("expected a JSON array")
                            : QStringLiteral("expected a JSON object");
        return false;
    }
    out = wantArray ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    return true;
}

Result<void> decodeVoid(const Response &response, const QString &operation)
{
    if (!isSuccess(response))
        return httpError(response, operation);
    return {};
}

Result<QByteArray> decodeBinary(const Response &response, const QString &operation)
{
    if (!isSuccess(response))
        return httpError(response, operation);
    return response.body;
}

} // namespace QtAri::Private
