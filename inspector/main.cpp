// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// qtari-inspector: wires the command line, translations, the demo and the main window together.

#include "demo.h"
#include "mainwindow.h"
#include "options.h"
#include "profiles.h"

#include <QtCore/QTimer>
#include <QtWidgets/QApplication>
#include <QtWidgets/QMessageBox>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace QtAri::Inspector;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"QtAri"_s);
    QApplication::setApplicationName(u"qtari-inspector"_s);
    QApplication::setApplicationDisplayName(u"QtAri Inspector"_s);
    QApplication::setApplicationVersion(u"0.1.0"_s);

    // --lang must be known before anything is translated, the parser's help text included.
    QString lang;
    const QStringList args = QApplication::arguments();
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == "--lang"_L1 && i + 1 < args.size())
            lang = args.at(i + 1);
        else if (args.at(i).startsWith("--lang="_L1))
            lang = args.at(i).mid(7);
    }
    installTranslations(&app, lang);

    const Options options = parseOptions(args);
    if (!options.error.isEmpty()) {
        std::fprintf(stderr, "qtari-inspector: %s\n", qPrintable(options.error));
        return 2;
    }

    ProfileStore store;
    MainWindow window(&store);
    Demo demo;
    if (options.demo) {
        if (!demo.start()) {
            std::fprintf(stderr, "qtari-inspector: the demo simulator could not start\n");
            return 1;
        }
        window.openProfile(demo.profile());
    }
    if (options.url.isValid() && !options.url.isEmpty()) {
        ConnectionProfile p = ProfileStore::defaultProfile();
        p.name = options.url.host();
        p.url = options.url;
        if (!options.user.isEmpty())
            p.user = options.user;
        p.password = options.password;
        if (!options.applications.isEmpty())
            p.applications = options.applications;
        if (p.password.isEmpty()) // ask for it rather than fail with 401
            QTimer::singleShot(0, &window, [&window, p] { window.showConnectionDialogFor(p); });
        else
            window.openProfile(p);
    }
    window.show();
    if (!options.demo && options.url.isEmpty() && options.screenshotFile.isEmpty())
        QTimer::singleShot(0, &window, &MainWindow::showConnectionDialog);

    if (!options.screenshotFile.isEmpty()) {
        QTimer::singleShot(
            std::max(0, options.screenshotDelayMs - 300), &window, &MainWindow::prepareScreenshot);
        QTimer::singleShot(options.screenshotDelayMs, &window, [&window, &options] {
            const bool saved = window.grab().save(options.screenshotFile);
            if (!saved)
                std::fprintf(stderr, "qtari-inspector: cannot write %s\n",
                    qPrintable(options.screenshotFile));
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
