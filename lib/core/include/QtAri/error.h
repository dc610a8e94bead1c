// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtCore/QMetaType>
#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>

QT_BEGIN_NAMESPACE
class QDebug;
QT_END_NAMESPACE

namespace QtAri {

class ErrorPrivate;

//! \brief Why an ARI operation, a decode or the connection failed.
//!
//! A small implicitly shared value: cheap to copy, safe to keep. Every QFuture that QtAri returns
//! finishes with either a value or one of these, never with an exception or a cancellation.
class QTARI_EXPORT Error
{
    Q_GADGET
    Q_PROPERTY(Kind kind READ kind CONSTANT FINAL)
    Q_PROPERTY(int httpStatus READ httpStatus CONSTANT FINAL)
    Q_PROPERTY(QString message READ message CONSTANT FINAL)
    Q_PROPERTY(QString operation READ operation CONSTANT FINAL)
public:
    enum class Kind {
        Network,         //!< the connection failed (refused, reset, DNS, TLS handshake …)
        Timeout,         //!< no answer within the client's request timeout
        Http,            //!< Asterisk answered with a 4xx/5xx status; see httpStatus() and message()
        InvalidResponse, //!< the answer (or an event) was not the JSON the spec describes
        NotConnected,    //!< the client is not connected, or stopped while the call was pending
        Aborted,         //!< the call was abandoned (client destroyed, transport replaced)
        InvalidArgument, //!< refused before sending: a required parameter is missing or empty
        Unsupported,     //!< refused before sending: the server's Asterisk is too old for it
    };
    Q_ENUM(Kind)

    //! An error of kind Aborted with no message; prefer the constructor that says what happened.
    Error();
    Error(Kind kind, const QString &message, const QString &operation = QString(),
          int httpStatus = 0); //!< An error of \a kind; \a httpStatus is for kind Http.
    Error(const Error &other); //!< Shares \a other's data.
    Error(Error &&other) noexcept; //!< Takes \a other's data.
    Error &operator=(const Error &other); //!< Shares \a other's data.
    Error &operator=(Error &&other) noexcept; //!< Takes \a other's data.
    ~Error();
    void swap(Error &other) noexcept { d.swap(other.d); } //!< Swaps with \a other.

    //! An Http error: \a status, and Asterisk's own text from the reply body if it sent one.
    static Error http(int status, const QString &message, const QString &operation);

    Kind kind() const; //!< What kind of failure this is.
    //! The HTTP status Asterisk answered with, or 0 unless kind() is Http.
    int httpStatus() const;
    //! Asterisk's message for Http errors (untranslated), otherwise a description of our own.
    QString message() const;
    //! The operation that failed as "resource.nickname", e.g. "channels.answer"; empty if none.
    QString operation() const;

    //! A copy that names \a operation (used when an error passes up through an operation).
    Error withOperation(const QString &operation) const;

    //! One line for logs and message boxes: "channels.answer: HTTP 404: Channel not found".
    QString toString() const;

    friend QTARI_EXPORT bool operator==(const Error &a, const Error &b);
    friend bool operator!=(const Error &a, const Error &b) { return !(a == b); }

private:
    QSharedDataPointer<ErrorPrivate> d;
};

QTARI_EXPORT QDebug operator<<(QDebug debug, const Error &error); //!< Writes "QtAri::Error(" + toString() + ")".

} // namespace QtAri

Q_DECLARE_SHARED(QtAri::Error)
Q_DECLARE_METATYPE(QtAri::Error)
