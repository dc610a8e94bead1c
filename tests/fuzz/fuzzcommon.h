// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Shared by the fuzz targets: the libFuzzer entry points, one QCoreApplication per process, a
// message handler that keeps the (very chatty) warnings about bad input off stderr, and check(),
// which turns a broken invariant into a crash the fuzzer reports.

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QDebug>
#include <QtCore/QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace QtAriFuzz {

inline void dropMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    // Fatal messages still abort (Qt does that after the handler returns); show why.
    if (type == QtFatalMsg)
        std::fprintf(stderr, "qFatal: %s\n", message.toLocal8Bit().constData());
}

//! Creates the application object once; every target calls this from LLVMFuzzerInitialize.
inline void setUp()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "qtari-fuzz";
    static char *argv[] = { name, nullptr };
    // Never deleted: the targets run until the process exits.
    new QCoreApplication(argc, argv);
    if (qEnvironmentVariableIsEmpty("QTARI_FUZZ_VERBOSE"))
        qInstallMessageHandler(dropMessages);
}

//! Aborts with \a what when \a condition is false: an invariant of the code under test is broken.
inline void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
        std::abort();
    }
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

//! Formats \a value with its QDebug operator (the code paths logging takes).
template <class T> QString debugString(const T &value)
{
    QString text;
    QDebug(&text) << value;
    return text;
}

} // namespace QtAriFuzz
