// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// The runner of the Qt Quick Test suites (tst_*.qml): finds the modules in the build tree.

#include <QtQml/QQmlEngine>
#include <QtQuickTest/quicktest.h>

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral(QTARI_QML_IMPORT_DIR));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(qtari_qml, Setup)

#include "tst_qml.moc"
