// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// What the Inspector's GUI tests share: a profile store in a temporary directory, the simulator on
// 127.0.0.1, a main window, a tab connected to the simulator, and QTRY timeouts for busy CI.

#include "mainwindow.h"
#include "profiles.h"
#include "session.h"
#include "widgets/serverview.h"

#include <QtAri/Testing/Simulator>

#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <memory>

// CI runs these under ASan on two busy cores: give late-settling state more time than QtTest's 5 s.
#undef QTRY_VERIFY
#define QTRY_VERIFY(expr) QTRY_VERIFY_WITH_TIMEOUT(expr, 20000)
#undef QTRY_COMPARE
#define QTRY_COMPARE(expr, expected) QTRY_COMPARE_WITH_TIMEOUT(expr, expected, 20000)

namespace InspectorTest {

struct Env
{
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<QtAri::Inspector::ProfileStore> store;
    std::unique_ptr<QtAri::Testing::Simulator> sim;
    std::unique_ptr<QtAri::Inspector::MainWindow> window;

    //! A fresh store, simulator (listening) and shown window; false if the simulator cannot listen.
    bool start()
    {
        QStandardPaths::setTestModeEnabled(true);
        dir = std::make_unique<QTemporaryDir>();
        settings = std::make_unique<QSettings>(
            dir->filePath(QStringLiteral("inspector.ini")), QSettings::IniFormat);
        store = std::make_unique<QtAri::Inspector::ProfileStore>(settings.get());
        store->setKeychainEnabled(false);
        sim = std::make_unique<QtAri::Testing::Simulator>();
        if (!sim->start())
            return false;
        window = std::make_unique<QtAri::Inspector::MainWindow>(store.get());
        window->show();
        return true;
    }

    //! The window first (it owns the sessions and their dialogs), then the rest.
    void reset()
    {
        window.reset();
        sim.reset();
        store.reset();
        settings.reset();
        dir.reset();
    }

    //! A tab for \a application on the simulator, once it is connected (nullptr after 20 s).
    QtAri::Inspector::ServerView *connect(const QString &application, bool subscribeAll = true)
    {
        return connectTo(sim.get(), QStringLiteral("sim"), application, subscribeAll);
    }

    //! A tab called \a name for \a application on \a server, once it is connected (nullptr after
    //! 20 s).
    QtAri::Inspector::ServerView *connectTo(QtAri::Testing::Simulator *server, const QString &name,
        const QString &application, bool subscribeAll = true)
    {
        QtAri::Inspector::ConnectionProfile p;
        p.name = name;
        p.url = server->url();
        p.user = QStringLiteral("asterisk");
        p.password = QStringLiteral("asterisk");
        p.applications = { application };
        p.subscribeAll = subscribeAll;
        QtAri::Inspector::ServerView *view = window->openProfile(p);
        QtAri::Inspector::Session *s = view->session();
        if (!QTest::qWaitFor(
                [s] { return s->state() == QtAri::Client::State::Connected; }, 20000))
            return nullptr;
        return view;
    }
};

} // namespace InspectorTest
