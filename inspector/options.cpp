// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "options.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QTranslator>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

Options parseOptions(const QStringList &arguments)
{
    Options o;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Options", "Operator's console for Asterisk's ARI"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(u"demo"_s,
        QCoreApplication::translate(
            "Options", "Start a built-in simulator with live calls and connect to it."));
    const QCommandLineOption url(u"url"_s,
        QCoreApplication::translate("Options", "Connect to this server (http://host:8088)."),
        u"url"_s);
    const QCommandLineOption user(
        u"user"_s, QCoreApplication::translate("Options", "ARI user."), u"user"_s);
    const QCommandLineOption password(u"password"_s,
        QCoreApplication::translate("Options", "ARI password (prefer the connection dialog)."),
        u"password"_s);
    const QCommandLineOption app(u"app"_s,
        QCoreApplication::translate("Options", "Stasis application to register (repeatable)."),
        u"name"_s);
    const QCommandLineOption lang(u"lang"_s,
        QCoreApplication::translate("Options", "User interface language (de, fr, en)."),
        u"language"_s);
    const QCommandLineOption shot(u"screenshot"_s,
        QCoreApplication::translate(
            "Options", "Save a picture of the main window to file and quit."),
        u"file"_s);
    const QCommandLineOption shotDelay(u"screenshot-delay"_s,
        QCoreApplication::translate("Options", "Milliseconds to wait before the screenshot."),
        u"ms"_s, u"5000"_s);
    const QCommandLineOption shotView(u"screenshot-view"_s,
        QCoreApplication::translate(
            "Options", "What --screenshot shows: main (the main window), ladder, anomalies, subscriptions, merged (every server in one tab), requests (the request log) or composer."),
        u"view"_s, u"main"_s);
    const QCommandLineOption listen(u"listen"_s,
        QCoreApplication::translate("Options",
            "Listen for Asterisk on this port (ari.conf type=outbound_websocket); --user and "
            "--password are what Asterisk must send."),
        u"port"_s);
    const QCommandLineOption demoServers(u"demo-servers"_s,
        QCoreApplication::translate(
            "Options", "With --demo: how many simulated servers to start and connect to (1-8)."),
        u"count"_s, u"1"_s);
    parser.addOptions({ demo, demoServers, url, user, password, app, listen, lang, shot,
        shotDelay, shotView });
    // Session recording and replay (docs/inspector.md, "Recording, offline files and replay").
    const QCommandLineOption record(u"record"_s,
        QCoreApplication::translate("Options",
            "Record the session opened by --url, --listen or --demo to this file (JSON lines)."),
        u"file"_s);
    const QCommandLineOption openRecording(u"open"_s,
        QCoreApplication::translate("Options", "Open a recorded session (.jsonl) offline."),
        u"file"_s);
    parser.addOptions({ record, openRecording });
    if (!parser.parse(arguments)) {
        o.error = parser.errorText();
        return o;
    }
    if (parser.isSet(u"help"_s) || parser.isSet(u"version"_s)) {
        // Let QCommandLineParser print and exit as usual.
        parser.process(arguments);
    }
    o.demo = parser.isSet(demo);
    bool countOk = false;
    o.demoServers = parser.value(demoServers).toInt(&countOk);
    if (!countOk || o.demoServers < 1 || o.demoServers > 8)
        o.error = QCoreApplication::translate("Options", "--demo-servers needs a count from 1 to 8");
    if (parser.isSet(url)) {
        o.url = QUrl::fromUserInput(parser.value(url));
        if (!o.url.isValid() || !o.url.scheme().startsWith(u"http"_s))
            o.error =
                QCoreApplication::translate("Options", "--url needs an http:// or https:// URL");
    }
    if (parser.isSet(listen)) {
        bool portOk = false;
        o.listenPort = parser.value(listen).toInt(&portOk);
        if (!portOk || o.listenPort < 1 || o.listenPort > 65535)
            o.error = QCoreApplication::translate("Options", "--listen needs a port number");
    }
    o.user = parser.value(user);
    o.password = parser.value(password);
    o.applications = parser.values(app);
    o.language = parser.value(lang);
    o.recordFile = parser.value(record);
    o.openFile = parser.value(openRecording);
    o.screenshotFile = parser.value(shot);
    bool ok = false;
    o.screenshotDelayMs = parser.value(shotDelay).toInt(&ok);
    if (!ok || o.screenshotDelayMs < 0)
        o.error = QCoreApplication::translate("Options", "--screenshot-delay needs milliseconds");
    o.screenshotView = parser.value(shotView);
    if (!QStringList { u"main"_s, u"ladder"_s, u"anomalies"_s, u"subscriptions"_s, u"merged"_s,
            u"requests"_s, u"composer"_s }
             .contains(o.screenshotView))
        o.error = QCoreApplication::translate("Options",
            "--screenshot-view is main, ladder, anomalies, subscriptions, merged, requests or "
            "composer");
    return o;
}

QString installTranslations(QCoreApplication *app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    auto *ours = new QTranslator(app);
    if (!ours->load(locale, u"qtari-inspector"_s, u"_"_s, u":/i18n"_s)) {
        delete ours;
        return {};
    }
    app->installTranslator(ours);
    auto *qt = new QTranslator(app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    else
        delete qt;
    return locale.name().section(u'_', 0, 0);
}

} // namespace QtAri::Inspector
