// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// ari-qml-dashboard: an operator dashboard in Qt Quick over `import QtAri`.
//
//   ari-qml-dashboard --demo                          the in-process simulator, calls arriving
//   ari-qml-dashboard --url http://pbx:8088 --user u --password p [--app dashboard]
//   ari-qml-dashboard --demo --screenshot shot.png    save the window after a moment, then quit

#include <QtCore/QCommandLineParser>
#include <QtCore/QTimer>
#include <QtGui/QGuiApplication>
#include <QtGui/QImage>
#include <QtQml/QQmlApplicationEngine>
#include <QtQuick/QQuickWindow>
#include <QtQuickControls2/QQuickStyle>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"ari-qml-dashboard"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"An operator dashboard for Asterisk ARI, in Qt Quick."_s);
    parser.addHelpOption();
    const QCommandLineOption demo(u"demo"_s, u"Run on the in-process simulator, with calls."_s);
    const QCommandLineOption url(u"url"_s, u"ARI server, e.g. http://pbx:8088."_s, u"url"_s);
    const QCommandLineOption user(u"user"_s, u"ARI user."_s, u"user"_s, u"asterisk"_s);
    const QCommandLineOption password(u"password"_s, u"ARI password."_s, u"password"_s);
    const QCommandLineOption application(u"app"_s, u"Stasis application."_s, u"name"_s,
                                         u"dashboard"_s);
    const QCommandLineOption screenshot(u"screenshot"_s, u"Save the window to this file and quit."_s,
                                        u"file"_s);
    const QCommandLineOption delay(u"screenshot-delay"_s, u"Milliseconds before the screenshot."_s,
                                   u"ms"_s, u"3000"_s);
    parser.addOptions({ demo, url, user, password, application, screenshot, delay });
    parser.process(app);
    if (!parser.isSet(demo) && !parser.isSet(url)) {
        std::fprintf(stderr, "ari-qml-dashboard: give --demo or --url (see --help)\n");
        return 2;
    }

    const QString shotFile = parser.value(screenshot);
    if (!shotFile.isEmpty()) // offscreen has no GPU: render in software, which grabs reliably
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QQuickStyle::setStyle(u"Material"_s);

    QQmlApplicationEngine engine;
#ifdef QTARI_QML_IMPORT_DIR
    engine.addImportPath(QStringLiteral(QTARI_QML_IMPORT_DIR));
#endif
    engine.setInitialProperties({
            { u"demo"_s, parser.isSet(demo) },
            { u"serverUrl"_s, parser.value(url) },
            { u"serverUser"_s, parser.value(user) },
            { u"serverPassword"_s, parser.value(password) },
            { u"application"_s, parser.value(application) },
    });
    engine.load(QUrl(u"qrc:/Dashboard/Main.qml"_s));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return 1;

    if (!shotFile.isEmpty()) {
        QTimer::singleShot(parser.value(delay).toInt(), window, [window, shotFile] {
            const bool saved = window->grabWindow().save(shotFile);
            const bool connected = window->property("everConnected").toBool();
            if (!saved)
                std::fprintf(stderr, "ari-qml-dashboard: could not save %s\n", qPrintable(shotFile));
            if (!connected)
                std::fprintf(stderr, "ari-qml-dashboard: never connected\n");
            QCoreApplication::exit(saved && connected ? 0 : 1);
        });
    }
    return app.exec();
}
