// Helpers shared by the generated models, events and operations (private, never installed).

#include <QtAri/result.h>
#include <QtAri/transport.h>

#include "futures_p.h"

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QDebug>
#include <QtCore/QFuture>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QJsonValue>
#include <QtCore/QList>
#include <QtCore/QPromise>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <cstddef>
#include <limits>
#include <optional>
#include <utility>

namespace QtAri::Private {

// --- Access to the models' data -----------------------------------------------------------------

//! The generated models befriend this: the fast decoders fill their data, and the live objects
//! tell a snapshot shared with the one they hold (then equal, nothing to compare) cheaply.
struct ModelAccess
{
    template <class T> static auto &data(T &value) { return *value.d; }
    template <class T> static bool sameData(const T &a, const T &b) { return a.d == b.d; }
};

// --- Dates ------------------------------------------------------------------------------------

//! Parses Asterisk's "2026-11-26T03:10:39.603+0000" (other ISO 8601 forms are accepted too).
bool parseAriDate(const QString &text, QDateTime &out);
//! Writes \a dateTime in Asterisk's form, keeping its UTC offset; empty for an invalid one.
QString formatAriDate(const QDateTime &dateTime);

// --- Reading JSON values into typed fields ------------------------------------------------------

//! Why a value could not be read; filled by the readers, prefixed with the field by the callers.
QString describeJsonType(QJsonValue::Type type);

template <class T> struct Codec
{
    // Models: anything with fromJson()/toJson().
    template <class V> static bool read(const V &value, T &out, QString &problem)
    {
        if (!value.isObject()) {
            problem = QStringLiteral("expected an object, got ") + describeJsonType(value.type());
            return false;
        }
        Result<T> result = T::fromJson(value.toObject());
        if (!result) {
            problem = result.error().message();
            return false;
        }
        out = std::move(*result);
        return true;
    }
    static QJsonValue write(const T &value) { return value.toJson(); }
};

template <> struct Codec<QString>
{
    template <class V> static bool read(const V &value, QString &out, QString &problem)
    {
        if (!value.isString()) {
            problem = QStringLiteral("expected a string, got ") + describeJsonType(value.type());
            return false;
        }
        out = value.toString();
        return true;
    }
    static QJsonValue write(const QString &value) { return value; }
};

QString integerProblem(QJsonValue::Type type, double value);

template <class V>
bool readInteger(const V &value, qint64 &out, qint64 min, qint64 max, QString &problem)
{
    const double d = value.toDouble(std::numeric_limits<double>::quiet_NaN());
    const qint64 i = value.toInteger(min);
    if (!value.isDouble() || double(i) != d || i < min || i > max) {
        problem = integerProblem(value.type(), d);
        return false;
    }
    out = i;
    return true;
}

template <> struct Codec<int>
{
    template <class V> static bool read(const V &value, int &out, QString &problem)
    {
        qint64 v = 0;
        if (!readInteger(value, v, std::numeric_limits<int>::min(), std::numeric_limits<int>::max(),
                problem))
            return false;
        out = int(v);
        return true;
    }
    static QJsonValue write(int value) { return value; }
};

template <> struct Codec<qint64>
{
    template <class V> static bool read(const V &value, qint64 &out, QString &problem)
    {
        return readInteger(value, out, std::numeric_limits<qint64>::min(),
            std::numeric_limits<qint64>::max(), problem);
    }
    static QJsonValue write(qint64 value) { return value; }
};

template <> struct Codec<double>
{
    template <class V> static bool read(const V &value, double &out, QString &problem)
    {
        if (!value.isDouble()) {
            problem = QStringLiteral("expected a number, got ") + describeJsonType(value.type());
            return false;
        }
        out = value.toDouble();
        return true;
    }
    static QJsonValue write(double value) { return value; }
};

template <> struct Codec<bool>
{
    template <class V> static bool read(const V &value, bool &out, QString &problem)
    {
        if (!value.isBool()) {
            problem = QStringLiteral("expected a boolean, got ") + describeJsonType(value.type());
            return false;
        }
        out = value.toBool();
        return true;
    }
    static QJsonValue write(bool value) { return value; }
};

template <> struct Codec<QDateTime>
{
    template <class V> static bool read(const V &value, QDateTime &out, QString &problem)
    {
        if (!value.isString()) {
            problem =
                QStringLiteral("expected a date string, got ") + describeJsonType(value.type());
            return false;
        }
        if (!parseAriDate(value.toString(), out)) {
            problem = QStringLiteral("expected a date, got \"%1\"").arg(value.toString());
            return false;
        }
        return true;
    }
    static QJsonValue write(const QDateTime &value) { return formatAriDate(value); }
};

template <> struct Codec<QJsonObject>
{
    template <class V> static bool read(const V &value, QJsonObject &out, QString &problem)
    {
        if (!value.isObject()) {
            problem = QStringLiteral("expected an object, got ") + describeJsonType(value.type());
            return false;
        }
        out = value.toObject();
        return true;
    }
    static QJsonValue write(const QJsonObject &value) { return value; }
};

template <class T> struct Codec<QList<T>>
{
    template <class V> static bool read(const V &value, QList<T> &out, QString &problem)
    {
        if (!value.isArray()) {
            problem = QStringLiteral("expected an array, got ") + describeJsonType(value.type());
            return false;
        }
        const QJsonArray array = value.toArray();
        out.clear();
        out.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            T item;
            if (!Codec<T>::read(array.at(i), item, problem)) {
                problem = QStringLiteral("[%1]: ").arg(i) + problem;
                return false;
            }
            out.append(std::move(item));
        }
        return true;
    }
    static QJsonValue write(const QList<T> &value)
    {
        QJsonArray array;
        for (const T &item : value)
            array.append(Codec<T>::write(item));
        return array;
    }
};

//! What became of one field while decoding an object.
enum class Field { Absent, Present, Bad };

template <class T>
Field readField(const QJsonObject &json, QLatin1StringView key, T &out, QString &problem)
{
    const auto it = json.constFind(key);
    if (it == json.constEnd())
        return Field::Absent;
    return Codec<T>::read(it.value(), out, problem) ? Field::Present : Field::Bad;
}

template <class T>
Field readField(
    const QJsonObject &json, QLatin1StringView key, std::optional<T> &out, QString &problem)
{
    const auto it = json.constFind(key);
    if (it == json.constEnd())
        return Field::Absent;
    T value;
    if (!Codec<T>::read(it.value(), value, problem))
        return Field::Bad;
    out = std::move(value);
    return Field::Present;
}

template <class T> void writeField(QJsonObject &json, QLatin1StringView key, const T &value)
{
    json.insert(key, Codec<T>::write(value));
}

template <class T>
void writeField(QJsonObject &json, QLatin1StringView key, const std::optional<T> &value)
{
    if (value)
        json.insert(key, Codec<T>::write(*value));
}

//! "Name({json})" on \a debug, for the QDebug operators of models and events.
QDebug debugJson(QDebug debug, const char *name, const QJsonObject &json);

//! The error for a field that is missing (\a problem empty) or could not be read.
Error fieldError(const char *model, const char *field, const QString &problem);

//! Reads member \a key of \a json into \a out. On success counts it in \a seen and sets \a bit
//! in \a present (if given); a missing required member or a wrong type sets \a error.
template <class T, std::size_t N>
bool readMember(const QJsonObject &json, const char *model, const char (&key)[N], bool required,
    T &out, quint64 *present, int bit, qsizetype &seen, Error &error)
{
    QString problem;
    switch (readField(json, QLatin1StringView(key, qsizetype(N - 1)), out, problem)) {
    case Field::Present:
        ++seen;
        if (present)
            *present |= quint64(1) << bit;
        return true;
    case Field::Absent:
        if (!required)
            return true;
        break;
    case Field::Bad:
        break;
    }
    error = fieldError(model, key, problem);
    return false;
}

//! Copies the members of \a json whose names are not in \a known (count \a size) to \a unknown.
void collectUnknown(
    const QJsonObject &json, const QLatin1StringView *known, qsizetype size, QJsonObject &unknown);

// --- Building requests ------------------------------------------------------------------------

//! A path segment with everything but unreserved characters percent-encoded, so '/', '?', '#',
//! '%', spaces and non-ASCII text stay inside their segment.
QByteArray encodeSegment(const QString &value);

class QueryBuilder
{
public:
    void add(const char *key, const QString &value);
    void add(const char *key, const QStringList &values); // joined with ','
    void add(const char *key, int value);
    void add(const char *key, qint64 value);
    void add(const char *key, double value);
    void add(const char *key, bool value);
    template <class T> void add(const char *key, const std::optional<T> &value)
    {
        if (value)
            add(key, *value);
    }
    QByteArray take() { return std::move(m_query); }

private:
    void addKey(const char *key);
    QByteArray m_query;
};

QByteArray encodeBody(const QJsonObject &body);

//! Notes that \a request needs Asterisk \a since for \a what (a parameter newer than its operation).
inline void needs(Request &request, int since, const char *what)
{
    if (since > request.since) {
        request.since = since;
        request.sinceWhat = QString::fromLatin1(what);
    }
}

//! The InvalidArgument error for a required parameter that is missing or empty.
Error missingParameter(const char *operation, const char *parameter);

// --- Decoding responses -----------------------------------------------------------------------

//! The Http error for a 4xx/5xx answer: Asterisk's "message" or "error" text, else the body text.
Error httpError(const Response &response, const QString &operation);
inline bool isSuccess(const Response &response)
{
    return response.status >= 200 && response.status < 300;
}
Error invalidResponse(const QString &operation, const QString &problem);
//! Parses a 2xx body as JSON; an invalidResponse() error when it is not \a wantArray's kind.
bool parseBody(const Response &response, bool wantArray, QJsonValue &out, QString &problem);

template <class T> Result<T> decodeValue(const Response &response, const QString &operation)
{
    if (!isSuccess(response))
        return httpError(response, operation);
    QJsonValue json;
    QString problem;
    T value;
    if (!parseBody(response, false, json, problem) || !Codec<T>::read(json, value, problem))
        return invalidResponse(operation, problem);
    return value;
}

template <class T> Result<QList<T>> decodeList(const Response &response, const QString &operation)
{
    if (!isSuccess(response))
        return httpError(response, operation);
    QJsonValue json;
    QString problem;
    QList<T> value;
    if (!parseBody(response, true, json, problem) || !Codec<QList<T>>::read(json, value, problem))
        return invalidResponse(operation, problem);
    return value;
}

Result<void> decodeVoid(const Response &response, const QString &operation);
Result<QByteArray> decodeBinary(const Response &response, const QString &operation);


//! Sends \a request (or reports why it could not be built) and decodes the answer with \a decode.
template <class T, class Decode>
QFuture<Result<T>> call(Transport *transport, Result<Request> request, Decode decode)
{
    if (!request)
        return readyFuture(Result<T>(request.error()));
    QString operation = request->operation;
    if (!transport)
        return readyFuture(
            Result<T>(Error(Error::Kind::NotConnected, QStringLiteral("no transport"), operation)));
    return transport->send(*request).then(
        [operation = std::move(operation), decode](const Result<Response> &response) {
            if (!response) {
                Result<T> failed(response.error().operation().isEmpty()
                        ? response.error().withOperation(operation)
                        : response.error());
                return failed;
            }
            return Result<T>(decode(*response, operation));
        });
}

} // namespace QtAri::Private
