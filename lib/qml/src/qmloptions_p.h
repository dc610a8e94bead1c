// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/error.h>

#include <QtCore/QJsonObject>
#include <QtCore/QSet>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtQml/QJSValue>

#include <optional>

namespace QtAri::Qml {

//! \brief Reads an options struct from a plain JS object, refusing what it does not know.
//!
//! \code
//! OptionsReader in(options, u"channels.hangup"_s);
//! ChannelsApi::HangupOptions o;
//! in.read(u"reason", o.reason);
//! if (const auto error = in.finish())
//!     return promises->rejected(*error);     // InvalidArgument naming the key
//! \endcode
//! undefined and null mean "no options". Anything else must be an object; each key must be one
//! read() names and hold the right type (a string, an integral number, a boolean, an object, an
//! array of strings). The first problem is kept and reported by finish().
class OptionsReader
{
public:
    OptionsReader(const QJSValue &options, const QString &operation);

    void read(QStringView key, std::optional<QString> &out);
    void read(QStringView key, std::optional<int> &out);
    void read(QStringView key, std::optional<qint64> &out);
    void read(QStringView key, std::optional<bool> &out);
    void read(QStringView key, std::optional<QJsonObject> &out);
    void read(QStringView key, std::optional<QStringList> &out);

    //! The first problem (an InvalidArgument Error naming the key), or nothing.
    std::optional<Error> finish();

private:
    QJSValue take(QStringView key);
    void fail(const QString &message);

    QJSValue m_options;
    QString m_operation;
    QSet<QString> m_keys;
    std::optional<Error> m_error;
};

//! A string, or a non-empty array of strings (media URIs, variable names, event sources); with
//! \a nonEmptyItems an empty string anywhere makes it invalid. nullopt when it is neither.
std::optional<QStringList> stringList(const QJSValue &value, bool nonEmptyItems = false);

} // namespace QtAri::Qml
