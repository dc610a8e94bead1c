// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Replays inputs through a fuzz target's LLVMFuzzerTestOneInput without libFuzzer, so the normal
// (gcc) build can run the seed corpus and every kept crash input under the sanitizers.
//   fuzzreplay_<name> <file or folder>...   (folders: every file in them, in name order)
// A missing folder counts as empty; at least one input overall is required.

#include "fuzzcommon.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QStringList>

#include <cstdio>

static bool replay(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return false;
    }
    const QByteArray data = file.readAll();
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size()));
    return true;
}

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    int count = 0;
    bool ok = true;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        const QFileInfo info(arg);
        QStringList files;
        if (info.isDir()) {
            const QDir dir(arg);
            for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden, QDir::Name))
                files.append(dir.filePath(name));
        } else if (info.exists()) {
            files.append(arg);
        }
        for (const QString &path : std::as_const(files)) {
            if (qEnvironmentVariableIsSet("QTARI_FUZZ_VERBOSE"))
                std::fprintf(stderr, "replaying %s\n", qPrintable(path));
            ok = replay(path) && ok;
            ++count;
        }
        std::printf("%s: %lld input(s)\n", argv[i], static_cast<long long>(files.size()));
    }
    std::printf("replayed %d input(s) without a crash\n", count);
    if (count == 0) {
        std::fprintf(stderr, "no inputs found\n");
        return 1;
    }
    return ok ? 0 : 1;
}
