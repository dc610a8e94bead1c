// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// The request composer, the request log, copy as curl / QtAri C++ and the command palette,
// driven through the Inspector's UI against the in-process simulator.

#include "mainwindow.h"
#include "models/channelsmodel.h"
#include "models/operationcatalog.h"
#include "models/requestexport.h"
#include "models/requestlogmodel.h"
#include "profiles.h"
#include "session.h"
#include "widgets/commandpalette.h"
#include "widgets/composer.h"
#include "widgets/requestlogwidget.h"
#include "widgets/serverview.h"

#include <QtAri/Testing/Simulator>

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QRegularExpression>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTreeWidget>

#include <memory>

// CI runs these under ASan on two busy cores: give late-settling state more time than QtTest's 5 s.
#undef QTRY_VERIFY
#define QTRY_VERIFY(expr) QTRY_VERIFY_WITH_TIMEOUT(expr, 20000)
#undef QTRY_COMPARE
#define QTRY_COMPARE(expr, expected) QTRY_COMPARE_WITH_TIMEOUT(expr, expected, 20000)

using namespace Qt::StringLiterals;
using namespace QtAri::Inspector;
using QtAri::Testing::Simulator;

namespace {
const QString testApp = u"composer-test"_s;
const QString hostileId = u"no/such?id#%+"_s;
const QByteArray hostilePath = "/channels/no%2Fsuch%3Fid%23%25%2B";
} // namespace

class tst_InspectorComposer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void requestLogModelBatchesAndCaps();
    void requestLogMasksSecrets();
    void composerListsEveryOperation();
    void formFollowsTheSpec();
    void requiredFieldBlocksSending();
    void badValuesAreRefused_data();
    void badValuesAreRefused();
    void buildEncodesLikeTheLibrary();
    void originateCreatesChannelAndIsLogged();
    void hangupOfUnknownIdShows404();
    void resendFromTheLogRepeatsTheRequest();
    void editInComposerFillsTheForm();
    void copyAsCurl();
    void copyAsCpp_data();
    void copyAsCpp();
    void cppSnippetsForEveryOperationWereCompiled();
    void sinceWarnsForAnOlderServer();
    void composerOutlivesItsTab();
    void paletteFiltersAndRunsActions();
    void paletteShowsDisabledActionsWithoutRunningThem();
    void paletteFindsActionsAddedLater();
    void shortcutsAreUniqueAndListed();

private:
    ServerView *connectWindow();
    QString waitForCall();
    int countRequests(const QString &method, const QString &path) const;
    ComposerDialog *openComposer();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<MainWindow> m_window;
    ServerView *m_view = nullptr;
    QList<std::pair<QString, QString>> m_requests;
};

void tst_InspectorComposer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_InspectorComposer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings =
        std::make_unique<QSettings>(m_dir->filePath(u"inspector.ini"_s), QSettings::IniFormat);
    m_store = std::make_unique<ProfileStore>(m_settings.get());
    m_store->setKeychainEnabled(false);
    m_sim = std::make_unique<Simulator>();
    m_requests.clear();
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->show();
    m_view = nullptr;
}

void tst_InspectorComposer::cleanup()
{
    m_window.reset();
    m_sim.reset();
    m_store.reset();
    m_settings.reset();
    m_dir.reset();
}

ServerView *tst_InspectorComposer::connectWindow()
{
    if (!m_sim->isListening() && !m_sim->start())
        return nullptr;
    connect(m_sim.get(), &Simulator::requestReceived, this,
        [this](const QString &method, const QString &path) { m_requests.append({ method, path }); });
    ConnectionProfile p;
    p.name = u"sim"_s;
    p.url = m_sim->url();
    p.user = u"asterisk"_s;
    p.password = u"asterisk"_s;
    p.applications = { testApp };
    p.subscribeAll = true;
    ServerView *view = m_window->openProfile(p);
    if (!QTest::qWaitFor(
            [view] { return view->session()->state() == QtAri::Client::State::Connected; }, 20000))
        return nullptr;
    // The version is read once connected; the composer compares with it.
    if (!QTest::qWaitFor([view] { return !view->session()->asteriskVersion().isEmpty(); }, 20000))
        return nullptr;
    m_view = view;
    return view;
}

QString tst_InspectorComposer::waitForCall()
{
    const QString id = m_sim->startCall(testApp);
    ChannelsModel *channels = m_view->session()->channels();
    if (!QTest::qWaitFor([&] { return channels->contains(id); }, 20000))
        return {};
    return id;
}

int tst_InspectorComposer::countRequests(const QString &method, const QString &path) const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(),
        [&](const auto &r) { return r.first == method && r.second.endsWith(path); }));
}

ComposerDialog *tst_InspectorComposer::openComposer()
{
    QAction *compose = m_window->action(u"actionComposeRequest"_s);
    if (!compose || !compose->isEnabled())
        return nullptr;
    compose->trigger();
    return m_window->composer();
}

// --- the request log model ------------------------------------------------------------------

void tst_InspectorComposer::requestLogModelBatchesAndCaps()
{
    RequestLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMaxRows(3);
    for (int i = 0; i < 5; ++i) {
        QtAri::Exchange e;
        e.request.method = "GET";
        e.request.path = "/channels/" + QByteArray::number(i);
        e.request.operation = u"channels.get"_s;
        e.result = QtAri::Response { 404, "{}", "application/json", {} };
        e.sentAt = QDateTime::currentDateTimeUtc();
        e.elapsedNs = 1'500'000;
        model.append(e);
    }
    QCOMPARE(model.rowCount(), 0); // batched
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, int(RequestColumn::Path)).data().toString(), u"/channels/2"_s);
    QCOMPARE(model.index(2, int(RequestColumn::Path)).data().toString(), u"/channels/4"_s);
    QCOMPARE(model.index(2, int(RequestColumn::Status)).data().toString(), u"404 Not Found"_s);
    QCOMPARE(model.index(2, int(RequestColumn::Latency)).data().toString(), u"1.5"_s);
    QCOMPARE(model.index(2, int(RequestColumn::Transport)).data().toString(), u"HTTP"_s);

    QtAri::Exchange failed;
    failed.request.method = "POST";
    failed.request.path = "/channels";
    failed.result = QtAri::Error(QtAri::Error::Kind::Timeout, u"no answer"_s);
    failed.overWebSocket = true;
    failed.internal = true;
    model.append(failed);
    model.flush();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2, int(RequestColumn::Status)).data().toString(), u"Timeout"_s);
    QCOMPARE(model.index(2, int(RequestColumn::Transport)).data().toString(), u"WebSocket"_s);
    QVERIFY(model.index(2, 0).data(RequestLogModel::InternalRole).toBool());
    model.clear();
    QCOMPARE(model.rowCount(), 0);

    // A burst is one insertion, capped.
    model.setMaxRows(5000);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QtAri::Exchange e;
    e.request.method = "GET";
    e.request.path = "/channels";
    e.result = QtAri::Response { 200, "[]", "application/json", {} };
    for (int i = 0; i < 20000; ++i)
        model.append(e);
    QTRY_COMPARE(model.rowCount(), 5000);
    QCOMPARE(inserted.size(), 1);
}

void tst_InspectorComposer::requestLogMasksSecrets()
{
    QtAri::Request r;
    r.method = "GET";
    r.path = "/events";
    r.query = "app=x&api_key=asterisk%3Asecret&Password=p&token=t";
    QCOMPARE(RequestExport::maskedQuery(r.query),
        QByteArray("app=x&api_key=***&Password=***&token=***"));
    const QString curl = RequestExport::curl(QUrl(u"http://u:pw@127.0.0.1:8088/"_s), u"u"_s, r);
    QVERIFY(!curl.contains(u"secret"_s));
    QVERIFY(!curl.contains(u"pw"_s));
    QCOMPARE(curl,
        u"curl -u \"u:$ARI_PASSWORD\" 'http://127.0.0.1:8088/ari/events?app=x&api_key=***&Password=***&token=***'"_s);
    RequestLogModel model;
    QtAri::Exchange e;
    e.request = r;
    e.result = QtAri::Response { 200, {}, {}, {} };
    model.append(e);
    model.flush();
    QVERIFY(!model.index(0, int(RequestColumn::Path)).data().toString().contains(u"secret"_s));
}

// --- the composer ---------------------------------------------------------------------------

void tst_InspectorComposer::composerListsEveryOperation()
{
    QVERIFY(connectWindow());
    ComposerDialog *composer = openComposer();
    QVERIFY(composer);
    QVERIFY(composer->isVisible());
    QCOMPARE(m_window->action(u"actionComposeRequest"_s)->shortcut(),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));

    // Count the spec's operations independently of the catalog.
    QFile file(QStringLiteral(QTARI_SOURCE_DIR) + u"/lib/spec/ari.json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject spec = QJsonDocument::fromJson(file.readAll()).object();
    QStringList names;
    for (const QJsonValue &res : spec.value("resources"_L1).toArray()) {
        for (const QJsonValue &op : res.toObject().value("operations"_L1).toArray())
            names.append(res.toObject().value("name"_L1).toString() + u'.'
                + op.toObject().value("nickname"_L1).toString());
    }
    QCOMPARE(names.size(), 109);
    QCOMPARE(composer->operationCount(), int(names.size()));
    QCOMPARE(composer->operationTree()->topLevelItemCount(),
        int(OperationCatalog::instance().resources().size()));
    for (const QString &name : std::as_const(names)) {
        QVERIFY2(composer->setOperation(name), qPrintable(name));
        QCOMPARE(composer->operation(), name);
        for (const ParameterSpec &p : OperationCatalog::instance().find(name)->parameters)
            QVERIFY2(composer->field(p.name), qPrintable(name + u' ' + p.name));
    }

    // The search narrows the picker.
    composer->searchEdit()->setText(u"hangup"_s);
    int shown = 0;
    QTreeWidget *tree = composer->operationTree();
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j)
            shown += tree->topLevelItem(i)->child(j)->isHidden() ? 0 : 1;
    }
    QCOMPARE(shown, 1);
    QCOMPARE(composer->operation(), u"channels.hangup"_s);
    // Enter in the search goes to the form, not to Send.
    const int before = int(m_requests.size());
    QTest::keyClick(composer->searchEdit(), Qt::Key_Return);
    QTest::qWait(100);
    QCOMPARE(int(m_requests.size()), before);
    QVERIFY(composer->messageText().isEmpty());
}

void tst_InspectorComposer::formFollowsTheSpec()
{
    QVERIFY(connectWindow());
    ComposerDialog *composer = openComposer();
    QVERIFY(composer);
    QVERIFY(composer->setOperation(u"channels.hangup"_s));
    // Allowed values are offered; an optional one starts empty.
    auto *reason = qobject_cast<QComboBox *>(composer->field(u"reason"_s));
    QVERIFY(reason);
    QCOMPARE(reason->itemText(0), QString());
    QVERIFY(reason->findText(u"busy"_s) > 0);
    QVERIFY(reason->findText(u"answered_elsewhere"_s) > 0);
    QVERIFY(qobject_cast<QLineEdit *>(composer->field(u"channelId"_s)));
    // Booleans are a choice, JSON bodies a text editor.
    QVERIFY(composer->setOperation(u"channels.setChannelVar"_s));
    auto *report = qobject_cast<QComboBox *>(composer->field(u"report_events"_s));
    QVERIFY(report);
    QVERIFY(report->findText(u"true"_s) >= 0 && report->findText(u"false"_s) >= 0);
    QVERIFY(composer->setOperation(u"channels.originate"_s));
    QVERIFY(qobject_cast<QPlainTextEdit *>(composer->field(u"variables"_s)));
    QVERIFY(composer->sinceText().contains(u"18"_s));
}

void tst_InspectorComposer::requiredFieldBlocksSending()
{
    QVERIFY(connectWindow());
    ComposerDialog *composer = openComposer();
    QVERIFY(composer);
    QVERIFY(composer->setOperation(u"channels.originate"_s));
    composer->setValue(u"app"_s, testApp);
    const int before = int(m_requests.size());
    QVERIFY(!composer->send());
    QVERIFY2(composer->messageText().contains(u"endpoint"_s), qPrintable(composer->messageText()));
    QVERIFY(composer->messageText().contains(u"required"_s));
    QVERIFY(!composer->isBusy());
    QTest::qWait(200);
    QCOMPARE(int(m_requests.size()), before); // nothing was sent
}

void tst_InspectorComposer::badValuesAreRefused_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QString>("value");
    QTest::newRow("int letters") << u"channels.originate"_s << u"timeout"_s << u"abc"_s;
    QTest::newRow("int trailing") << u"channels.originate"_s << u"timeout"_s << u"12x"_s;
    QTest::newRow("int too large") << u"channels.originate"_s << u"timeout"_s << u"99999999999"_s;
    QTest::newRow("long") << u"channels.originate"_s << u"priority"_s << u"1.5"_s;
    QTest::newRow("json") << u"channels.originate"_s << u"variables"_s << u"{ nope"_s;
    QTest::newRow("json array") << u"channels.originate"_s << u"variables"_s << u"[1]"_s;
    QTest::newRow("range") << u"channels.record"_s << u"maxDurationSeconds"_s << u"-3"_s;
}

void tst_InspectorComposer::badValuesAreRefused()
{
    QFETCH(QString, operation);
    QFETCH(QString, parameter);
    QFETCH(QString, value);
    QVERIFY(connectWindow());
    ComposerDialog *composer = openComposer();
    QVERIFY(composer);
    QVERIFY(composer->setOperation(operation));
    // Everything else required is filled.
    for (const ParameterSpec &p : OperationCatalog::instance().find(operation)->parameters) {
        if (p.required)
            composer->setValue(p.name, p.allowed.value(0, u"x"_s));
    }
    composer->setValue(parameter, value);
    const int before = int(m_requests.size());
    QVERIFY(!composer->send());
    QVERIFY2(composer->messageText().startsWith(parameter + u':'), qPrintable(composer->messageText()));
    QTest::qWait(100);
    QCOMPARE(int(m_requests.size()), before);
    // And the value fixed, it goes.
    composer->setValue(parameter, parameter == u"variables" ? u"{}"_s : u"7"_s);
    QString error;
    QVERIFY2(composer->currentRequest(&error).has_value(), qPrintable(error));
}

void tst_InspectorComposer::buildEncodesLikeTheLibrary()
{
    const OperationCatalog &catalog = OperationCatalog::instance();
    const OperationSpec *hangup = catalog.find(u"channels.hangup"_s);
    QVERIFY(hangup);
    auto r = OperationCatalog::build(*hangup, { { u"channelId"_s, hostileId }, { u"reason"_s, u"busy"_s } });
    QVERIFY(r);
    QCOMPARE(r->method, QByteArray("DELETE"));
    QCOMPARE(r->path, hostilePath);
    QCOMPARE(r->query, QByteArray("reason=busy"));
    QCOMPARE(r->operation, u"channels.hangup"_s);
    // "." and ".." are encoded like the generated code does.
    r = OperationCatalog::build(*hangup, { { u"channelId"_s, u".."_s } });
    QVERIFY(r);
    QCOMPARE(r->path, QByteArray("/channels/%2E%2E"));
    // Lists, numbers and the body.
    const OperationSpec *play = catalog.find(u"channels.play"_s);
    r = OperationCatalog::build(*play,
        { { u"channelId"_s, u"c"_s }, { u"media"_s, u"sound:a, sound:b&c"_s }, { u"skipms"_s, u" 250"_s } });
    QVERIFY(r);
    QCOMPARE(r->query, QByteArray("media=sound%3Aa,sound%3Ab%26c&skipms=250"));
    const OperationSpec *originate = catalog.find(u"channels.originate"_s);
    r = OperationCatalog::build(*originate,
        { { u"endpoint"_s, u"PJSIP/1000"_s }, { u"variables"_s, u"{\"A\": \"b c\"}"_s } });
    QVERIFY(r);
    QCOMPARE(r->body, QByteArray(R"({"variables":{"A":"b c"}})"));
    // The one "object" body parameter is the body itself.
    const OperationSpec *filter = catalog.find(u"applications.filter"_s);
    r = OperationCatalog::build(*filter,
        { { u"applicationName"_s, u"a"_s }, { u"filter"_s, u"{\"allowed\": []}"_s } });
    QVERIFY(r);
    QCOMPARE(r->body, QByteArray(R"({"allowed":[]})"));
    // A parameter newer than its operation raises the request's since.
    const OperationSpec *setVar = catalog.find(u"channels.setChannelVar"_s);
    r = OperationCatalog::build(*setVar,
        { { u"channelId"_s, u"c"_s }, { u"variable"_s, u"X"_s }, { u"report_events"_s, u"true"_s } });
    QVERIFY(r);
    QCOMPARE(r->since, 20);
    QCOMPARE(r->sinceWhat, u"channels.setChannelVar parameter report_events"_s);
    // parse() reads it all back.
    const ParameterValues back = OperationCatalog::parse(*setVar, *r);
    QCOMPARE(back.value(u"report_events"_s), u"true"_s);
    QCOMPARE(back.value(u"channelId"_s), u"c"_s);
    const auto hostile = OperationCatalog::build(*hangup, { { u"channelId"_s, hostileId } });
    QCOMPARE(OperationCatalog::parse(*hangup, *hostile).value(u"channelId"_s), hostileId);
}

void tst_InspectorComposer::originateCreatesChannelAndIsLogged()
{
    QVERIFY(connectWindow());
    ComposerDialog *composer = openComposer();
    QVERIFY(composer);
    QVERIFY(composer->setOperation(u"channels.originate"_s));
    composer->setValue(u"endpoint"_s, u"PJSIP/1000"_s);
    composer->setValue(u"app"_s, testApp);
    composer->setValue(u"channelId"_s, u"composed-1"_s);
    composer->setValue(u"variables"_s, u"{ \"CALLERID(name)\": \"Alice\" }"_s);
    QSignalSpy shown(composer, &ComposerDialog::responseShown);
    QVERIFY2(composer->send(), qPrintable(composer->messageText()));
    QVERIFY(shown.wait(20000));
    QVERIFY2(composer->responseView()->toPlainText().contains(u"200 OK"_s),
        qPrintable(composer->responseView()->toPlainText()));
    QVERIFY(composer->responseView()->toPlainText().contains(u"\"id\": \"composed-1\""_s));
    // The channel appears in the channel table.
    QTRY_VERIFY(m_view->session()->channels()->contains(u"composed-1"_s));
    QTRY_VERIFY(m_view->selectChannel(u"composed-1"_s));
    QCOMPARE(countRequests(u"POST"_s, u"/channels"_s), 1);

    // It is in the request log, status 200, not internal.
    RequestLogModel *log = m_view->session()->requestLog();
    log->flush();
    int row = -1;
    for (int i = 0; i < log->rowCount(); ++i) {
        if (log->exchange(i).request.operation == u"channels.originate")
            row = i;
    }
    QVERIFY(row >= 0);
    QCOMPARE(log->index(row, 0).data(RequestLogModel::StatusRole).toInt(), 200);
    QVERIFY(!log->exchange(row).internal);
    QVERIFY(log->exchange(row).request.query.contains("endpoint=PJSIP%2F1000"));
    QCOMPARE(log->exchange(row).request.body, QByteArray(R"j({"variables":{"CALLERID(name)":"Alice"}})j"));
    // The client's own requests are there too, and can be hidden.
    RequestLogWidget *widget = m_view->requestLog();
    const int all = widget->view()->model()->rowCount();
    widget->hideInternalBox()->setChecked(true);
    QVERIFY(widget->view()->model()->rowCount() < all);
    QVERIFY(widget->view()->model()->rowCount() >= 1);
}

void tst_InspectorComposer::hangupOfUnknownIdShows404()
{
    QVERIFY(connectWindow());
    ComposerDialog *composer = openComposer();
    QVERIFY(composer);
    QVERIFY(composer->setOperation(u"channels.hangup"_s));
    composer->setValue(u"channelId"_s, hostileId);
    QSignalSpy shown(composer, &ComposerDialog::responseShown);
    QVERIFY(composer->send());
    QVERIFY(shown.wait(20000));
    const QString text = composer->responseView()->toPlainText();
    QVERIFY2(text.contains(u"404 Not Found"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Channel not found"_s), qPrintable(text)); // Asterisk's message
    QVERIFY(text.contains(QString::fromLatin1(hostilePath)));
    QVERIFY(text.contains(u"application/json"_s));
    QVERIFY(text.contains(u" ms"_s));

    RequestLogWidget *widget = m_view->requestLog();
    QVERIFY(widget->selectLast(u"channels.hangup"_s));
    const QtAri::Exchange *e = widget->currentExchange();
    QVERIFY(e);
    QCOMPARE(e->request.path, hostilePath);
    QCOMPARE(e->result->status, 404);
    QVERIFY(widget->detailsView()->toPlainText().contains(u"Channel not found"_s));
    QVERIFY(widget->detailsView()->toPlainText().contains(QString::fromLatin1(hostilePath)));
}

void tst_InspectorComposer::resendFromTheLogRepeatsTheRequest()
{
    QVERIFY(connectWindow());
    const QString id = waitForCall();
    QVERIFY(!id.isEmpty());
    ComposerDialog *composer = openComposer();
    QVERIFY(composer);
    QVERIFY(composer->setOperation(u"channels.setChannelVar"_s));
    composer->setValue(u"channelId"_s, id);
    composer->setValue(u"variable"_s, u"GREETING"_s);
    composer->setValue(u"value"_s, u"one"_s);
    QSignalSpy shown(composer, &ComposerDialog::responseShown);
    QVERIFY(composer->send());
    QVERIFY(shown.wait(20000));
    const QString path = u"/channels/"_s + id + u"/variable"_s;
    QTRY_COMPARE(countRequests(u"POST"_s, path), 1);

    RequestLogWidget *widget = m_view->requestLog();
    m_view->bottomTabs()->setCurrentWidget(widget);
    QVERIFY(widget->selectLast(u"channels.setChannelVar"_s));
    QCOMPARE(widget->currentExchange()->request.operation, u"channels.setChannelVar"_s);
    const QtAri::Request sent = widget->currentExchange()->request;
    RequestLogModel *log = widget->model();
    const auto rowsOf = [log] {
        log->flush();
        QList<int> rows;
        for (int i = 0; i < log->rowCount(); ++i) {
            if (log->exchange(i).request.operation == u"channels.setChannelVar")
                rows.append(i);
        }
        return rows;
    };
    QCOMPARE(rowsOf().size(), 1);
    QVERIFY(widget->resendAction()->isEnabled());
    widget->resendAction()->trigger();
    QTRY_COMPARE(countRequests(u"POST"_s, path), 2);
    QTRY_COMPARE(rowsOf().size(), 2);
    const QtAri::Exchange &again = log->exchange(rowsOf().last());
    QCOMPARE(again.request.path, sent.path);
    QCOMPARE(again.request.query, sent.query);
    QCOMPARE(again.result->status, 204);
    QVERIFY(!again.internal);
}

void tst_InspectorComposer::editInComposerFillsTheForm()
{
    QVERIFY(connectWindow());
    const QString id = waitForCall();
    m_view->session()->hangup({ id }, u"busy"_s); // through the Inspector's own action
    QTRY_VERIFY(!m_view->session()->channels()->contains(id));
    RequestLogWidget *widget = m_view->requestLog();
    QVERIFY(widget->selectLast(u"channels.hangup"_s));
    QCOMPARE(widget->currentExchange()->request.operation, u"channels.hangup"_s);
    QVERIFY(widget->editAction()->isEnabled());
    widget->editAction()->trigger();
    ComposerDialog *composer = m_window->composer();
    QVERIFY(composer);
    QVERIFY(composer->isVisible());
    QCOMPARE(composer->operation(), u"channels.hangup"_s);
    QCOMPARE(composer->value(u"channelId"_s), id);
    QCOMPARE(composer->value(u"reason"_s), u"busy"_s);
    // Edited and sent again: the channel is gone now, so 404.
    composer->setValue(u"reason"_s, u"normal"_s);
    QSignalSpy shown(composer, &ComposerDialog::responseShown);
    QVERIFY(composer->send());
    QVERIFY(shown.wait(20000));
    QVERIFY(composer->responseView()->toPlainText().contains(u"404"_s));
    QTRY_VERIFY(countRequests(u"DELETE"_s, u"/channels/"_s + id) == 2);
}

void tst_InspectorComposer::copyAsCurl()
{
    QVERIFY(connectWindow());
    const QString base = m_sim->url().toString(QUrl::StripTrailingSlash);
    ComposerDialog *composer = openComposer();
    QVERIFY(composer);
    QVERIFY(composer->setOperation(u"channels.hangup"_s));
    composer->setValue(u"channelId"_s, hostileId);
    composer->setValue(u"reason"_s, u"busy"_s);
    const QString expected = u"curl -X DELETE -u \"asterisk:$ARI_PASSWORD\" '%1/ari/channels/no%2Fsuch%3Fid%23%25%2B?reason=busy'"_s.arg(base);
    QCOMPARE(composer->curlText(), expected);
    QGuiApplication::clipboard()->clear();
    auto *copy = composer->findChild<QPushButton *>(u"composerCopyCurl"_s);
    QVERIFY(copy);
    copy->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);

    // A body, and a quote in it, for the shell.
    QVERIFY(composer->setOperation(u"channels.originate"_s));
    composer->setValue(u"endpoint"_s, u"PJSIP/1000"_s);
    composer->setValue(u"variables"_s, u"{\"NAME\": \"O'Brien\"}"_s);
    QCOMPARE(composer->curlText(),
        u"curl -X POST -u \"asterisk:$ARI_PASSWORD\" -H 'Content-Type: application/json' "
         "-d '{\"variables\":{\"NAME\":\"O'\\''Brien\"}}' '%1/ari/channels?endpoint=PJSIP%2F1000'"_s
            .arg(base));

    // From the log: the same text as for the request composed.
    QVERIFY(composer->setOperation(u"channels.hangup"_s));
    composer->setValue(u"channelId"_s, hostileId);
    composer->setValue(u"reason"_s, u"busy"_s);
    QSignalSpy shown(composer, &ComposerDialog::responseShown);
    QVERIFY(composer->send());
    QVERIFY(shown.wait(20000));
    RequestLogWidget *widget = m_view->requestLog();
    QVERIFY(widget->selectLast(u"channels.hangup"_s));
    QCOMPARE(widget->currentCurl(), expected);
    widget->copyCurlAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
    QVERIFY(!widget->currentCurl().contains(u"asterisk:asterisk"_s));
}

void tst_InspectorComposer::copyAsCpp_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QVariantMap>("values");
    QTest::addColumn<QString>("expected");
    QTest::newRow("path + allowed query") << u"channels.hangup"_s
        << QVariantMap { { u"channelId"_s, hostileId }, { u"reason"_s, u"busy"_s } }
        << u"// channels.hangup: DELETE /channels/{channelId} (#include <QtAri/ChannelsApi>)\n"
           "QtAri::ChannelsApi::HangupOptions options;\n"
           "options.reason = QStringLiteral(\"busy\");\n"
           "auto future = client->channels()->hangup(QStringLiteral(\"no/such\\?id#%+\"), options);\n"_s;
    QTest::newRow("required only") << u"channels.answer"_s
        << QVariantMap { { u"channelId"_s, u"c1"_s } }
        << u"// channels.answer: POST /channels/{channelId}/answer (#include <QtAri/ChannelsApi>)\n"
           "auto future = client->channels()->answer(QStringLiteral(\"c1\"));\n"_s;
    QTest::newRow("snake_case + numbers + body") << u"channels.originate"_s
        << QVariantMap { { u"endpoint"_s, u"PJSIP/1000"_s }, { u"timeout"_s, u"20"_s },
               { u"priority"_s, u"3"_s }, { u"variables"_s, u"{\"A\": \"x\"}"_s } }
        << u"// channels.originate: POST /channels (#include <QtAri/ChannelsApi>)\n"
           "QtAri::ChannelsApi::OriginateOptions options;\n"
           "options.priority = 3;\n"
           "options.timeout = 20;\n"
           "options.variables = QJsonDocument::fromJson(QByteArrayLiteral(\"{\\\"A\\\":\\\"x\\\"}\")).object();\n"
           "auto future = client->channels()->originate(QStringLiteral(\"PJSIP/1000\"), options);\n"_s;
    QTest::newRow("acronym + boolean") << u"channels.setChannelVar"_s
        << QVariantMap { { u"channelId"_s, u"c"_s }, { u"variable"_s, u"V"_s },
               { u"report_events"_s, u"true"_s } }
        << u"// channels.setChannelVar: POST /channels/{channelId}/variable (#include <QtAri/ChannelsApi>)\n"
           "QtAri::ChannelsApi::SetChannelVarOptions options;\n"
           "options.reportEvents = true;\n"
           "auto future = client->channels()->setChannelVar(QStringLiteral(\"c\"), QStringLiteral(\"V\"), options);\n"_s;
    QTest::newRow("list") << u"bridges.addChannel"_s
        << QVariantMap { { u"bridgeId"_s, u"b"_s }, { u"channel"_s, u"c1, c2"_s } }
        << u"// bridges.addChannel: POST /bridges/{bridgeId}/addChannel (#include <QtAri/BridgesApi>)\n"
           "auto future = client->bridges()->addChannel(QStringLiteral(\"b\"), QStringList { QStringLiteral(\"c1\"), QStringLiteral(\"c2\") });\n"_s;
    QTest::newRow("renamed") << u"deviceStates.delete"_s
        << QVariantMap { { u"deviceName"_s, u"Stasis:x"_s } }
        << u"// deviceStates.delete: DELETE /deviceStates/{deviceName} (#include <QtAri/DeviceStatesApi>)\n"
           "auto future = client->deviceStates()->deleteState(QStringLiteral(\"Stasis:x\"));\n"_s;
    QTest::newRow("DTMF") << u"channels.sendDTMF"_s
        << QVariantMap { { u"channelId"_s, u"c"_s }, { u"dtmf"_s, u"12#"_s } }
        << u"// channels.sendDTMF: POST /channels/{channelId}/dtmf (#include <QtAri/ChannelsApi>)\n"
           "QtAri::ChannelsApi::SendDtmfOptions options;\n"
           "options.dtmf = QStringLiteral(\"12#\");\n"
           "auto future = client->channels()->sendDtmf(QStringLiteral(\"c\"), options);\n"_s;
}

void tst_InspectorComposer::copyAsCpp()
{
    QFETCH(QString, operation);
    QFETCH(QVariantMap, values);
    QFETCH(QString, expected);
    const OperationSpec *op = OperationCatalog::instance().find(operation);
    QVERIFY(op);
    ParameterValues v;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        v.insert(it.key(), it.value().toString());
    QCOMPARE(RequestExport::cpp(*op, v), expected);
    // What the log offers for the same request, read back from its bytes, is the same code.
    const auto request = OperationCatalog::build(*op, v);
    QVERIFY(request);
    if (!v.contains(u"variables"_s)) // the JSON text is normalised on the way
        QCOMPARE(RequestExport::cpp(*op, OperationCatalog::parse(*op, *request)), expected);
}

void tst_InspectorComposer::cppSnippetsForEveryOperationWereCompiled()
{
    // The build wrote and compiled (-Werror, against QtAri::Core) a snippet per operation, twice
    // (all parameters / required only); this test's target depends on that object library.
    QFile file(QStringLiteral(QTARI_CPP_SNIPPETS));
    QVERIFY2(file.open(QIODevice::ReadOnly), QTARI_CPP_SNIPPETS);
    const QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression fn(u"^void snippet\\d+\\(QtAri::Client \\*client\\)$"_s,
        QRegularExpression::MultilineOption);
    QCOMPARE(int(text.count(fn)), 2 * int(OperationCatalog::instance().operations().size()));
    for (const OperationSpec &op : OperationCatalog::instance().operations())
        QVERIFY2(text.contains(u"// "_s + op.name() + u':'), qPrintable(op.name()));
}

void tst_InspectorComposer::sinceWarnsForAnOlderServer()
{
    QVERIFY(m_sim->setAsteriskVersion(18));
    QVERIFY(connectWindow());
    QVERIFY(m_view->session()->asteriskVersion().startsWith(u"18."_s));
    ComposerDialog *composer = openComposer();
    QVERIFY(composer);
    QVERIFY(composer->setOperation(u"channels.progress"_s));
    QVERIFY2(composer->sinceText().contains(u"needs Asterisk 20"_s), qPrintable(composer->sinceText()));
    composer->setValue(u"channelId"_s, u"c"_s);
    QSignalSpy shown(composer, &ComposerDialog::responseShown);
    QVERIFY(composer->send());
    QVERIFY(shown.wait(20000));
    QVERIFY2(composer->responseView()->toPlainText().contains(u"Unsupported"_s),
        qPrintable(composer->responseView()->toPlainText()));
    // An operation as old as the server is fine, until a newer parameter is set.
    QVERIFY(composer->setOperation(u"channels.setChannelVar"_s));
    QVERIFY(!composer->sinceText().contains(u"needs"_s));
    composer->setValue(u"report_events"_s, u"true"_s);
    QVERIFY(composer->sinceText().contains(u"report_events"_s));
    QVERIFY(composer->sinceText().contains(u"needs Asterisk 20"_s));
}

void tst_InspectorComposer::composerOutlivesItsTab()
{
    QVERIFY(connectWindow());
    QPointer<ComposerDialog> composer = openComposer();
    QVERIFY(composer);
    QVERIFY(composer->setOperation(u"channels.list"_s));
    // A request in flight when the tab goes: nothing runs on the dead session.
    m_sim->setRestDelay(300);
    QVERIFY(composer->send());
    QTabWidget *tabs = m_window->tabs();
    Q_EMIT tabs->tabCloseRequested(tabs->indexOf(m_view));
    m_view = nullptr;
    QTRY_COMPARE(tabs->count(), 0);
    QTest::qWait(500);
    QVERIFY(composer);
    QVERIFY(!composer->session());
    QVERIFY(!composer->send());
    QVERIFY(!composer->messageText().isEmpty());
    // Without a server there is nothing to compose for.
    QVERIFY(!m_window->action(u"actionComposeRequest"_s)->isEnabled());
    QVERIFY(!m_window->openComposer());
}

// --- the command palette --------------------------------------------------------------------

void tst_InspectorComposer::paletteFiltersAndRunsActions()
{
    QVERIFY(connectWindow());
    const QString keep = waitForCall();
    const QString id = waitForCall();
    QVERIFY(!id.isEmpty() && !keep.isEmpty());
    QVERIFY(m_view->selectChannel(id));
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_view->channelView()->setFocus();
    QTest::keyClick(m_view->channelView(), Qt::Key_K, Qt::ControlModifier);
    CommandPalette *palette = m_window->commandPalette();
    QTRY_VERIFY(palette->isVisible());
    // Every menu's actions are there, with their shortcuts.
    QVERIFY(palette->actions().contains(m_window->action(u"actionComposeRequest"_s)));
    QVERIFY(palette->actions().contains(m_window->action(u"actionQuit"_s)));
    QVERIFY(palette->shownCommands().contains(u"Channel › Hang up"_s));
    QList<QTreeWidgetItem *> rows =
        palette->list()->findItems(u"Channel › Hang up"_s, Qt::MatchExactly);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first()->text(1), QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText));

    QTest::keyClicks(palette->filterEdit(), u"hang"_s);
    QCOMPARE(palette->shownCommands().value(0), u"Channel › Hang up"_s);
    QCOMPARE(palette->shownCommands().value(1), u"Channel › Hang up with cause"_s);
    QVERIFY(!palette->shownCommands().contains(u"Channel › Answer"_s));
    QVERIFY(!palette->shownCommands().contains(u"Channel › Ring"_s)); // no letters from the menu
    QCOMPARE(CommandPalette::score(u"hgup"_s, u"Channel › Hang up"_s) > 0, true);
    QCOMPARE(CommandPalette::score(u"hang"_s, u"Channel › Ring"_s), -1);
    // Down moves, Up comes back.
    QTest::keyClick(palette->filterEdit(), Qt::Key_Down);
    QCOMPARE(palette->list()->currentItem()->text(0), u"Channel › Hang up with cause"_s);
    QTest::keyClick(palette->filterEdit(), Qt::Key_Up);
    QCOMPARE(palette->list()->currentItem()->text(0), u"Channel › Hang up"_s);
    QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
    QVERIFY(!palette->isVisible());
    QTRY_VERIFY(!m_view->session()->channels()->contains(id));
    QVERIFY(m_view->session()->channels()->contains(keep));

    // Letters in order find it too; nonsense finds nothing; Esc closes.
    m_window->action(u"actionCommandPalette"_s)->trigger();
    QTRY_VERIFY(palette->isVisible());
    QVERIFY(palette->filterEdit()->text().isEmpty());
    QTest::keyClicks(palette->filterEdit(), u"cmpsrq"_s);
    QCOMPARE(palette->shownCommands().value(0), u"Tools › Compose Request"_s);
    palette->filterEdit()->setText(u"zzzqqq"_s);
    QVERIFY(palette->shownCommands().isEmpty());
    QVERIFY(!palette->runCurrent());
    QTest::keyClick(palette->filterEdit(), Qt::Key_Escape);
    QVERIFY(!palette->isVisible());

    // A checkable action toggles as from its menu.
    QVERIFY(m_window->action(u"actionCommandPalette"_s)->isEnabled());
    m_window->action(u"actionCommandPalette"_s)->trigger();
    QTRY_VERIFY(palette->isVisible());
    QTest::keyClicks(palette->filterEdit(), u"pause event"_s);
    QCOMPARE(palette->shownCommands().value(0), u"View › Pause event log"_s);
    QTest::keyClick(palette->filterEdit(), Qt::Key_Enter);
    QVERIFY(m_window->action(u"actionPauseLog"_s)->isChecked());
    QVERIFY(m_view->session()->eventLog() != nullptr);
}

void tst_InspectorComposer::paletteShowsDisabledActionsWithoutRunningThem()
{
    // No server: the channel actions are disabled.
    QAction *hangup = m_window->action(u"actionHangup"_s);
    QVERIFY(!hangup->isEnabled());
    QSignalSpy triggered(hangup, &QAction::triggered);
    CommandPalette *palette = m_window->commandPalette();
    m_window->action(u"actionCommandPalette"_s)->trigger();
    QTRY_VERIFY(palette->isVisible());
    QTest::keyClicks(palette->filterEdit(), u"hang up"_s);
    QList<QTreeWidgetItem *> rows =
        palette->list()->findItems(u"Channel › Hang up"_s, Qt::MatchExactly);
    QCOMPARE(rows.size(), 1);
    QVERIFY(!(rows.first()->flags() & Qt::ItemIsEnabled));
    palette->list()->setCurrentItem(rows.first());
    QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
    QVERIFY(!palette->runCurrent());
    QCOMPARE(triggered.size(), 0);
    QVERIFY(palette->isVisible());
    QTest::keyClick(palette->filterEdit(), Qt::Key_Escape);
    QVERIFY(!palette->isVisible());
}

void tst_InspectorComposer::paletteFindsActionsAddedLater()
{
    QMenu *extra = m_window->menuBar()->addMenu(u"Recording"_s);
    QAction *later = extra->addAction(u"Open recorded session…"_s);
    bool ran = false;
    connect(later, &QAction::triggered, this, [&ran] { ran = true; });
    CommandPalette *palette = m_window->commandPalette();
    palette->popup();
    QVERIFY(palette->actions().contains(later));
    QTest::keyClicks(palette->filterEdit(), u"recorded"_s);
    QCOMPARE(palette->shownCommands(), QStringList { u"Recording › Open recorded session"_s });
    QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
    QVERIFY(ran);
}

void tst_InspectorComposer::shortcutsAreUniqueAndListed()
{
    QVERIFY(connectWindow());
    QHash<QKeySequence, QString> seen;
    const QList<QAction *> all = m_window->findChildren<QAction *>();
    QVERIFY(all.size() > 30);
    for (QAction *a : all) {
        for (const QKeySequence &key : a->shortcuts()) {
            QVERIFY2(!seen.contains(key),
                qPrintable(u"%1 is used by %2 and %3"_s.arg(key.toString(), seen.value(key), a->objectName())));
            seen.insert(key, a->objectName());
        }
    }
    // Every action in the menus has a shortcut, which the menu shows beside it.
    const auto entries = CommandPalette::collect(m_window.get());
    QVERIFY(entries.size() > 30);
    for (const auto &[path, action] : entries)
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(path));
    QCOMPARE(m_window->action(u"actionCommandPalette"_s)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));
    QCOMPARE(m_window->action(u"actionStartMoh"_s)->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_H));
}

QTEST_MAIN(tst_InspectorComposer)
#include "tst_inspector_composer.moc"
