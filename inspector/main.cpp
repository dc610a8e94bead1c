// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// qtari-inspector: wires the command line, translations, the demo and the main window together.

#include "demo.h"
#include "mainwindow.h"
#include "widgets/ladderview.h"
#include "widgets/anomalywindow.h"
#include "session.h"
#include "widgets/composer.h"
#include "widgets/ladderwindow.h"
#include "widgets/subscriptionswindow.h"
#include "options.h"
#include "profiles.h"

#include <QtAri/qtari_version.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QTimer>
#include <QtWidgets/QApplication>
#include <QtWidgets/QMessageBox>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace QtAri::Inspector;

namespace {

void setNames()
{
    QCoreApplication::setOrganizationName(u"QtAri"_s);
    QCoreApplication::setApplicationName(u"qtari-inspector"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(QTARI_VERSION_STR));
}

// --lang must be known before anything is translated, the parser's help text included.
QString languageFrom(const QStringList &args)
{
    QString lang;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == "--lang"_L1 && i + 1 < args.size())
            lang = args.at(i + 1);
        else if (args.at(i).startsWith("--lang="_L1))
            lang = args.at(i).mid(7);
    }
    return lang;
}

// --help and --version print and exit; they must work without a display (over ssh, in a
// package build), so they are answered before any QGuiApplication exists.
bool onlyPrints(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QLatin1StringView arg(argv[i]);
        if (arg == "--"_L1)
            return false;
        if (arg == "-h"_L1 || arg == "--help"_L1 || arg == "-?"_L1 || arg == "--help-all"_L1
            || arg == "-v"_L1 || arg == "--version"_L1)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        setNames();
        const QStringList args = QCoreApplication::arguments();
        installTranslations(&app, languageFrom(args));
        const Options options = parseOptions(args); // prints and exits
        std::fprintf(stderr, "qtari-inspector: %s\n", qPrintable(options.error));
        return 2;
    }

    QApplication app(argc, argv);
    setNames();
    QApplication::setApplicationDisplayName(u"QtAri Inspector"_s);
    QGuiApplication::setDesktopFileName(u"org.qtari.inspector"_s);
    const QStringList args = QApplication::arguments();
    installTranslations(&app, languageFrom(args));

    const Options options = parseOptions(args);
    if (!options.error.isEmpty()) {
        std::fprintf(stderr, "qtari-inspector: %s\n", qPrintable(options.error));
        return 2;
    }

    ProfileStore store;
    MainWindow window(&store);
    std::vector<std::unique_ptr<Demo>> demos;
    for (int i = 0; options.demo && i < options.demoServers; ++i) {
        auto demo = std::make_unique<Demo>();
        demo->setSeed(20261126 + quint32(i));
        if (!demo->start()) {
            std::fprintf(stderr, "qtari-inspector: the demo simulator could not start\n");
            return 1;
        }
        window.openProfile(demo->profile(i + 1));
        demos.push_back(std::move(demo));
    }
    if (options.demoServers > 1)
        window.tabs()->setCurrentIndex(0);
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
    if (options.listenPort > 0) {
        ConnectionProfile p = ProfileStore::defaultProfile();
        p.listen = true;
        p.listenPort = quint16(options.listenPort);
        p.name = u"listen :"_s + QString::number(options.listenPort);
        p.user = options.user;
        p.password = options.password;
        if (!options.applications.isEmpty())
            p.applications = options.applications;
        window.openProfile(p);
    }
    if (!options.recordFile.isEmpty() && !window.recordSessionTo(options.recordFile)) {
        std::fprintf(stderr, "qtari-inspector: cannot record to %s (--record needs --url with "
                             "--password, --listen or --demo)\n",
            qPrintable(options.recordFile));
        return 1;
    }
    if (!options.openFile.isEmpty() && !window.openRecording(options.openFile)) {
        std::fprintf(stderr, "qtari-inspector: cannot open %s\n", qPrintable(options.openFile));
        return 1;
    }
    window.show();
    if (!options.demo && options.url.isEmpty() && options.listenPort == 0
        && options.screenshotFile.isEmpty() && options.openFile.isEmpty())
        QTimer::singleShot(0, &window, &MainWindow::showConnectionDialog);

    if (!options.screenshotFile.isEmpty()) {
        // A second before the picture: the windows fetch what they show from the server.
        QTimer::singleShot(std::max(0, options.screenshotDelayMs - 1000), &window,
            [&window, &options] {
                window.prepareScreenshot();
                if (options.screenshotView == "ladder"_L1)
                    window.action(u"actionCallLadder"_s)->trigger();
                else if (options.screenshotView == "anomalies"_L1)
                    window.action(u"actionAnomalies"_s)->trigger();
                else if (options.screenshotView == "subscriptions"_L1)
                    window.action(u"actionSubscriptions"_s)->trigger();
                else if (options.screenshotView == "merged"_L1)
                    window.prepareMergedScreenshot();
                else if (options.screenshotView == "requests"_L1)
                    window.action(u"actionShowRequestLog"_s)->trigger();
                else if (options.screenshotView == "composer"_L1)
                    window.showComposerExample();
            });
        QTimer::singleShot(options.screenshotDelayMs, &window, [&window, &options] {
            QWidget *shown = &window;
            if (options.screenshotView == "ladder"_L1 && window.lastLadder()) {
                shown = window.lastLadder();
                window.lastLadder()->view()->selectRow(0); // deltas from the first row
            } else if (options.screenshotView == "anomalies"_L1 && window.anomalyWindow()) {
                shown = window.anomalyWindow();
            } else if (options.screenshotView == "subscriptions"_L1
                && window.subscriptionsWindow()) {
                shown = window.subscriptionsWindow();
            } else if (options.screenshotView == "composer"_L1 && window.composer()) {
                shown = window.composer();
            }
            const bool saved = shown->grab().save(options.screenshotFile);
            if (!saved)
                std::fprintf(stderr, "qtari-inspector: cannot write %s\n",
                    qPrintable(options.screenshotFile));
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
