// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QStringList>
#include <QtCore/QUrl>

QT_BEGIN_NAMESPACE
class QCoreApplication;
QT_END_NAMESPACE

namespace QtAri::Inspector {

//! The Inspector's command line.
struct Options
{
    bool demo = false;
    int demoServers = 1; //!< --demo-servers: how many demo simulators (each its own tab)
    QUrl url;
    QString user;
    QString password;
    QStringList applications;
    int listenPort = 0; //!< listen for Asterisk's outbound WebSocket on this port (0: no)
    QString language; //!< "de", "fr" … ("" = the system's)
    QString screenshotFile; //!< grab the window into this file and quit
    int screenshotDelayMs = 5000;
    //! What --screenshot grabs: "main" (the main window), "ladder" (the call ladder of the
    //! channel the screenshot selects), "anomalies" or "subscriptions" (those windows), "merged"
    //! (the main window on View › All Servers), "requests" (on the request log) or "composer".
    QString screenshotView = QStringLiteral("main");
    QString recordFile; //!< --record: record the first session to this file
    QString openFile; //!< --open: open this recording offline
    QString error; //!< set when the command line is wrong
};

//! Parses \a arguments (argv as strings, program name first).
Options parseOptions(const QStringList &arguments);

//! Loads the Inspector's catalogue (and Qt's own) for \a language, or the system locale when
//! empty. Returns the language loaded ("" for English / none found).
QString installTranslations(QCoreApplication *app, const QString &language);

} // namespace QtAri::Inspector
