// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// <QtAri/Qml>: what a C++ application linking QtAri::Qml reaches of the QML module.

#include <QtAri/Channel>
#include <QtAri/Client>
#include <QtAri/Qml>

#include <QtQml/QQmlComponent>
#include <QtQml/QQmlEngine>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;

class tst_QmlHeader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void registeredWithoutThePlugin();
    void coreClientAndWrappers();
};

// No import path: the types come from registerTypes() alone.
void tst_QmlHeader::registeredWithoutThePlugin()
{
    QtAri::Qml::registerTypes();
    QtAri::Qml::registerTypes(); // harmless twice
    QQmlEngine engine;
    QQmlComponent component(&engine);
    component.setData("import QtAri\nAriClient { applications: [\"cpp\"] }", QUrl());
    std::unique_ptr<QObject> ari(component.create());
    QVERIFY2(ari, qPrintable(component.errorString()));
    QtAri::Client *client = QtAri::Qml::coreClient(ari.get());
    QVERIFY(client);
    QCOMPARE(client->applicationNames(), QStringList { u"cpp"_s });
}

void tst_QmlHeader::coreClientAndWrappers()
{
    QtAri::Qml::registerTypes();
    QQmlEngine engine;
    QQmlComponent component(&engine);
    component.setData("import QtAri\nAriClient { property var made: newChannel() }", QUrl());
    std::unique_ptr<QObject> ari(component.create());
    QVERIFY2(ari, qPrintable(component.errorString()));
    QtAri::Client *client = QtAri::Qml::coreClient(ari.get());
    QVERIFY(client);

    // the same QML object QML code holds for that channel
    auto *fromQml = ari->property("made").value<QObject *>();
    QVERIFY(fromQml);
    QtAri::Channel *core = client->channel(fromQml->property("id").toString());
    QVERIFY(core);
    QCOMPARE(QtAri::Qml::qmlObjectFor(ari.get(), core), fromQml);

    // made on demand for a core object QML has not met yet, then stable
    QtAri::Channel *other = client->newChannel();
    QObject *wrapper = QtAri::Qml::qmlObjectFor(ari.get(), other);
    QVERIFY(wrapper);
    QCOMPARE(wrapper->property("id").toString(), other->id());
    QCOMPARE(QtAri::Qml::qmlObjectFor(ari.get(), other), wrapper);

    // anything else
    QCOMPARE(QtAri::Qml::qmlObjectFor(ari.get(), ari.get()), nullptr);
    QCOMPARE(QtAri::Qml::qmlObjectFor(ari.get(), nullptr), nullptr);
    QObject plain;
    QCOMPARE(QtAri::Qml::coreClient(&plain), nullptr);
    QCOMPARE(QtAri::Qml::qmlObjectFor(&plain, core), nullptr);
}

QTEST_GUILESS_MAIN(tst_QmlHeader)

#include "tst_qmlheader.moc"
