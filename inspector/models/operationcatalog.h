// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/Transport>

#include <QtCore/QCoreApplication>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

#include <optional>

namespace QtAri::Inspector {

//! One parameter of an ARI operation, as lib/spec/ari.json describes it.
struct ParameterSpec
{
    enum class Location { Path, Query, Body };
    QString name; //!< the wire name ("channelId", "reason_code")
    Location location = Location::Query;
    QString type; //!< "string", "int", "long", "boolean", "containers", "object"
    bool required = false;
    bool allowMultiple = false; //!< a comma-separated list in the query
    QStringList allowed; //!< the allowed values (LIST), empty when any value goes
    std::optional<qint64> minimum; //!< allowedRange's min
    std::optional<qint64> maximum; //!< allowedRange's max
    QString defaultValue; //!< Asterisk's default, as text
    int since = 18;
    QString doc;

    bool isNumber() const { return type == u"int" || type == u"long"; }
    bool isJson() const { return location == Location::Body; }
};

//! One ARI operation of lib/spec/ari.json.
struct OperationSpec
{
    QString resource; //!< "channels"
    QString nickname; //!< "hangup"
    QByteArray method; //!< "DELETE"
    QString path; //!< "/channels/{channelId}"
    int since = 18;
    bool upgrade = false; //!< the events WebSocket: not a REST call
    QString doc;
    QString response; //!< "Channel", "List[Bridge]", "void"
    QList<ParameterSpec> parameters;

    QString name() const { return resource + u'.' + nickname; } //!< "channels.hangup"
    const ParameterSpec *parameter(const QString &name) const;
};

//! What a form holds: parameter name -> text as typed (numbers as digits, booleans as
//! "true"/"false", lists comma-separated, body parameters as JSON text). Absent or empty means
//! not sent.
using ParameterValues = QHash<QString, QString>;

//! \brief Every operation of the spec compiled into the Inspector (lib/spec/ari.json, compiled in as
//! :/qtari/inspector/spec/ari.json), and the requests made from them.
//!
//! build() encodes exactly as the generated operation classes do (path segments and query values
//! percent-encoded with QUrl::toPercentEncoding, "." and ".." encoded too, lists joined with ','
//! after encoding each item, body parameters under their name in one JSON object, or, for an
//! "object" parameter, the object itself), so a composed request and the library's own are the
//! same bytes; parse() reads a Request back into form values.
class OperationCatalog
{
    Q_DECLARE_TR_FUNCTIONS(QtAri::Inspector::OperationCatalog)
public:
    //! The spec's operations, loaded once.
    static const OperationCatalog &instance();

    const QList<OperationSpec> &operations() const { return m_operations; }
    //! The operation called \a name ("channels.hangup"), or nullptr.
    const OperationSpec *find(const QString &name) const;
    //! The resources in spec order.
    QStringList resources() const;

    //! Checks \a value for \a p: empty if fine, else a translated reason ("not a whole number").
    static QString validate(const ParameterSpec &p, const QString &value);
    //! Builds the request for \a op from \a values; on failure returns nothing and sets \a error
    //! to a translated message naming the parameter.
    static std::optional<Request> build(
        const OperationSpec &op, const ParameterValues &values, QString *error = nullptr);
    //! Reads \a request (made by build() or by the library) back into values for \a op.
    static ParameterValues parse(const OperationSpec &op, const Request &request);
    //! Asterisk's major version from "22.10.1" (0 if unknown).
    static int majorOf(const QString &version);

private:
    OperationCatalog();
    QList<OperationSpec> m_operations;
    QHash<QString, qsizetype> m_byName;
};

} // namespace QtAri::Inspector
