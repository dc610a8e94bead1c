// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <QtAri/Error>

#include <QtCore/QCoreApplication>
#include <QtCore/QDebug>
#include <QtCore/QSharedData>

namespace QtAri {

class ErrorPrivate : public QSharedData
{
public:
    Error::Kind kind = Error::Kind::Aborted;
    int httpStatus = 0;
    QString message;
    QString operation;
};

Error::Error() : d(new ErrorPrivate) { }

Error::Error(Kind kind, const QString &message, const QString &operation, int httpStatus)
    : d(new ErrorPrivate)
{
    d->kind = kind;
    d->message = message;
    d->operation = operation;
    d->httpStatus = kind == Kind::Http ? httpStatus : 0;
}

Error::Error(const Error &other) = default;
Error::Error(Error &&other) noexcept = default;
Error &Error::operator=(const Error &other) = default;
Error &Error::operator=(Error &&other) noexcept = default;
Error::~Error() = default;

Error Error::http(int status, const QString &message, const QString &operation)
{
    return Error(Kind::Http, message, operation, status);
}

Error::Kind Error::kind() const { return d->kind; }
int Error::httpStatus() const { return d->httpStatus; }
QString Error::message() const { return d->message; }
QString Error::operation() const { return d->operation; }

Error Error::withOperation(const QString &operation) const
{
    Error copy(*this);
    copy.d->operation = operation;
    return copy;
}

static QString kindText(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::Network:
        return QCoreApplication::translate("QtAri", "network error");
    case Error::Kind::Timeout:
        return QCoreApplication::translate("QtAri", "timed out");
    case Error::Kind::Http:
        return QCoreApplication::translate("QtAri", "HTTP error");
    case Error::Kind::InvalidResponse:
        return QCoreApplication::translate("QtAri", "invalid response");
    case Error::Kind::NotConnected:
        return QCoreApplication::translate("QtAri", "not connected");
    case Error::Kind::Aborted:
        return QCoreApplication::translate("QtAri", "aborted");
    case Error::Kind::InvalidArgument:
        return QCoreApplication::translate("QtAri", "invalid argument");
    case Error::Kind::Unsupported:
        return QCoreApplication::translate("QtAri", "unsupported by this server");
    }
    return QString();
}

QString Error::toString() const
{
    QString text;
    if (!d->operation.isEmpty())
        text = d->operation + QStringLiteral(": ");
    if (d->kind == Kind::Http)
        text += QStringLiteral("HTTP %1").arg(d->httpStatus);
    else
        text += kindText(d->kind);
    if (!d->message.isEmpty())
        text += QStringLiteral(": ") + d->message;
    return text;
}

bool operator==(const Error &a, const Error &b)
{
    return a.d == b.d
            || (a.d->kind == b.d->kind && a.d->httpStatus == b.d->httpStatus
                && a.d->message == b.d->message && a.d->operation == b.d->operation);
}

QDebug operator<<(QDebug debug, const Error &error)
{
    QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "QtAri::Error(" << error.toString() << ')';
    return debug;
}

} // namespace QtAri
