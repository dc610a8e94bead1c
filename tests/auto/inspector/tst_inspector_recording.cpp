// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Session recording, offline recordings and replay into the simulator, through the main window.

#include "mainwindow.h"
#include "models/ariformat.h"
#include "models/bridgesmodel.h"
#include "models/channelsmodel.h"
#include "models/eventlogmodel.h"
#include "models/recordingmodel.h"
#include "models/roles.h"
#include "options.h"
#include "profiles.h"
#include "recorder.h"
#include "recordingtimeline.h"
#include "session.h"
#include "widgets/recordingview.h"
#include "widgets/serverview.h"

#include <QtAri/Client>
#include <QtAri/Error>
#include <QtAri/Event>
#include <QtAri/Testing/Simulator>
#include <QtAri/Transport>

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimeZone>
#include <QtGui/QAction>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>

#include <algorithm>
#include <memory>

#undef QTRY_VERIFY
#define QTRY_VERIFY(expr) QTRY_VERIFY_WITH_TIMEOUT(expr, 20000)
#undef QTRY_COMPARE
#define QTRY_COMPARE(expr, expected) QTRY_COMPARE_WITH_TIMEOUT(expr, expected, 20000)

using namespace Qt::StringLiterals;
using namespace QtAri::Inspector;
using QtAri::Testing::Simulator;

namespace {

const QString testApp = u"recording-test"_s;
const QString password = u"s3cret-pw"_s;
const QString badId = u"no/such?id#%+"_s;

QList<QJsonObject> readLines(const QString &fileName)
{
    QFile f(fileName);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QJsonObject> out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (!line.isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    }
    return out;
}

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

// The channels alive after \a rows rows of a recording, from its ChannelCreated / ChannelDestroyed.
QStringList channelsAfter(const RecordingModel *model, int row)
{
    QStringList alive;
    for (int r = 0; r <= row; ++r) {
        const QJsonObject e = model->json(r);
        const QString type = e.value("type"_L1).toString();
        const QString id = e.value("channel"_L1).toObject().value("id"_L1).toString();
        if (type == "ChannelCreated"_L1 && !alive.contains(id))
            alive.append(id);
        else if (type == "ChannelDestroyed"_L1)
            alive.removeAll(id);
    }
    return sorted(alive);
}

} // namespace

class tst_InspectorRecording : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void recordsEventsAndRestExchanges();
    void restLinesMaskSecretsAndCarryErrors();
    void opensRecordingOffline();
    void tablesAsOfSelectedRow();
    void malformedLinesAreSkipped();
    void replayIntoSimulatorOpensLiveTab();
    void commandLineOptions();
    void recordingActionsHaveTheirOwnShortcuts();

private:
    QString recordSession(QList<QJsonObject> *received);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<MainWindow> m_window;
};

void tst_InspectorRecording::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<QtAri::Error>();
}

void tst_InspectorRecording::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings =
        std::make_unique<QSettings>(m_dir->filePath(u"inspector.ini"_s), QSettings::IniFormat);
    m_store = std::make_unique<ProfileStore>(m_settings.get());
    m_store->setKeychainEnabled(false);
    m_sim = std::make_unique<Simulator>();
    m_sim->addUser(u"recorder"_s, password);
    QVERIFY(m_sim->start());
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->show();
}

void tst_InspectorRecording::cleanup()
{
    m_window.reset();
    m_sim.reset();
    m_store.reset();
    m_settings.reset();
    m_dir.reset();
}

// Connects, records from the start, originates a call, hangs it up and hangs up an id that does
// not exist (404); returns the file. \a received gets every event the client saw, as JSON.
QString tst_InspectorRecording::recordSession(QList<QJsonObject> *received)
{
    ConnectionProfile p;
    p.name = u"rec"_s;
    p.url = m_sim->url();
    p.user = u"recorder"_s;
    p.password = password;
    p.applications = { testApp };
    p.restTransport = u"http"_s;
    ServerView *view = m_window->openProfile(p);
    Session *session = view->session();
    connect(session->client(), &QtAri::Client::eventReceived, this,
        [received](const QtAri::Event &e) { received->append(e.json()); });
    const QString file = m_dir->filePath(u"session.jsonl"_s);
    if (!m_window->recordSessionTo(file))
        return {};
    if (!m_window->action(u"actionRecord"_s)->isChecked())
        return {};
    if (!QTest::qWaitFor(
            [&] { return session->state() == QtAri::Client::State::Connected; }, 20000))
        return {};

    session->originate(u"PJSIP/alice"_s, testApp, {}, {}, 0);
    if (!QTest::qWaitFor([&] { return session->channels()->rowCount() == 1; }, 20000))
        return {};
    const QString id = session->channels()->idAt(0);
    QSignalSpy failed(session, &Session::actionFailed);
    session->hangup({ id });
    if (!QTest::qWaitFor([&] { return session->channels()->rowCount() == 0; }, 20000))
        return {};
    session->hangup({ badId });
    if (!failed.wait(20000) || failed.at(0).at(1).value<QtAri::Error>().httpStatus() != 404)
        return {};
    QTest::qWait(100); // the last events
    m_window->stopSessionRecording();
    if (m_window->action(u"actionRecord"_s)->isChecked() || session->recorder()->isRecording())
        return {};
    return file;
}

void tst_InspectorRecording::recordsEventsAndRestExchanges()
{
    QList<QJsonObject> received;
    const QString file = recordSession(&received);
    QVERIFY(!file.isEmpty());

    QFile raw(file);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray bytes = raw.readAll();
    QVERIFY(!bytes.contains(password.toUtf8()));
    QVERIFY(!bytes.contains("Basic "));

    const QList<QJsonObject> lines = readLines(file);
    QVERIFY(lines.size() > 5);
    const QJsonObject header = lines.at(0);
    QCOMPARE(header.value("type"_L1).toString(), u"QtAriRecording"_s);
    QCOMPARE(header.value("version"_L1).toInt(), 1);
    QCOMPARE(header.value("server"_L1).toString(), m_sim->url().toString());
    QCOMPARE(header.value("applications"_L1).toArray(), QJsonArray { testApp });

    // The events, as received and in order.
    QList<QJsonObject> events;
    QHash<QString, QJsonObject> requests, responses;
    QList<QString> requestOrder;
    for (const QJsonObject &l : lines.mid(1)) {
        const QString type = l.value("type"_L1).toString();
        if (type == "RESTRequest"_L1) {
            requests.insert(l.value("request_id"_L1).toString(), l);
            requestOrder.append(l.value("request_id"_L1).toString());
        } else if (type == "RESTResponse"_L1) {
            responses.insert(l.value("request_id"_L1).toString(), l);
        } else {
            events.append(l);
        }
    }
    QCOMPARE(events, received);
    QVERIFY(std::any_of(events.cbegin(), events.cend(),
        [](const QJsonObject &e) { return e.value("type"_L1) == "StasisStart"_L1; }));
    QVERIFY(std::any_of(events.cbegin(), events.cend(),
        [](const QJsonObject &e) { return e.value("type"_L1) == "ChannelDestroyed"_L1; }));

    // Every request has its response, timestamps in Asterisk's form.
    QCOMPARE(requests.size(), responses.size());
    const QRegularExpression ariTime(
        u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000$"_s);
    bool sawOriginate = false, sawHangup = false, sawBadHangup = false, sawInternal = false;
    for (const QString &id : std::as_const(requestOrder)) {
        const QJsonObject rq = requests.value(id);
        const QJsonObject rs = responses.value(id);
        QVERIFY2(!rs.isEmpty(), qPrintable(id));
        QVERIFY(ariTime.match(rq.value("timestamp"_L1).toString()).hasMatch());
        QVERIFY(ariTime.match(rs.value("timestamp"_L1).toString()).hasMatch());
        QVERIFY(rs.value("timestamp"_L1).toString() >= rq.value("timestamp"_L1).toString());
        QCOMPARE(rq.value("qtari_transport"_L1).toString(), u"http"_s);
        QCOMPARE(rs.value("uri"_L1), rq.value("uri"_L1));
        sawInternal |= rq.value("qtari_internal"_L1).toBool();
        const QString method = rq.value("method"_L1).toString();
        const QString uri = rq.value("uri"_L1).toString();
        QVERIFY2(!uri.startsWith(u'/'), qPrintable(uri));
        if (method == "POST"_L1 && uri == "channels"_L1) {
            sawOriginate = true;
            QVERIFY(rq.value("query_strings"_L1)
                        .toArray()
                        .contains(QJsonObject {
                            { u"name"_s, u"endpoint"_s }, { u"value"_s, u"PJSIP/alice"_s } }));
            QCOMPARE(rs.value("status_code"_L1).toInt(), 200);
            QCOMPARE(rs.value("reason_phrase"_L1).toString(), u"OK"_s);
            const QJsonObject channel =
                QJsonDocument::fromJson(rs.value("message_body"_L1).toString().toUtf8()).object();
            QVERIFY(!channel.value("id"_L1).toString().isEmpty());
        } else if (method == "DELETE"_L1 && uri.startsWith("channels/no"_L1)) {
            sawBadHangup = true;
            QCOMPARE(QUrl::fromPercentEncoding(uri.mid(9).toUtf8()), badId);
            QCOMPARE(rs.value("status_code"_L1).toInt(), 404);
            QCOMPARE(rs.value("reason_phrase"_L1).toString(), u"Not Found"_s);
        } else if (method == "DELETE"_L1 && uri.startsWith("channels/"_L1)) {
            sawHangup = true;
            QCOMPARE(rs.value("status_code"_L1).toInt(), 204);
        }
    }
    QVERIFY(sawOriginate);
    QVERIFY(sawHangup);
    QVERIFY(sawBadHangup);
    QVERIFY(sawInternal); // the client's own listings after connecting
}

void tst_InspectorRecording::restLinesMaskSecretsAndCarryErrors()
{
    QtAri::Exchange e;
    e.request.method = "GET";
    e.request.path = "/events";
    e.request.query = "app=x%2Cy&api_key=asterisk%3Asecret&password=pw&subscribeAll=true";
    e.request.operation = u"events.eventWebsocket"_s;
    e.sentAt = QDateTime(QDate(2026, 12, 1), QTime(7, 11, 45, 664), Qt::UTC);
    e.elapsedNs = 12'000'000;
    e.overWebSocket = true;
    e.internal = true;
    e.result = QtAri::Error(QtAri::Error::Kind::Timeout, u"no answer in 10000 ms"_s);
    const QByteArray request = Recorder::requestLine(e, u"r-1"_s);
    QVERIFY(!request.contains("secret"));
    QVERIFY(!request.contains("\"pw\""));
    const QJsonObject rq = QJsonDocument::fromJson(request).object();
    QCOMPARE(rq.value("timestamp"_L1).toString(), u"2026-12-01T07:11:45.664+0000"_s);
    QCOMPARE(rq.value("uri"_L1).toString(), u"events"_s);
    QCOMPARE(rq.value("qtari_transport"_L1).toString(), u"websocket"_s);
    QCOMPARE(rq.value("qtari_internal"_L1).toBool(), true);
    const QJsonArray query = rq.value("query_strings"_L1).toArray();
    QCOMPARE(query.size(), 4);
    QCOMPARE(query.at(0).toObject().value("value"_L1).toString(), u"x,y"_s);
    QCOMPARE(query.at(1).toObject().value("value"_L1).toString(), u"***"_s);
    QCOMPARE(query.at(2).toObject().value("value"_L1).toString(), u"***"_s);

    const QJsonObject rs = QJsonDocument::fromJson(Recorder::responseLine(e, u"r-1"_s)).object();
    QCOMPARE(rs.value("type"_L1).toString(), u"RESTResponse"_s);
    QCOMPARE(rs.value("request_id"_L1).toString(), u"r-1"_s);
    QCOMPARE(rs.value("status_code"_L1).toInt(), 0);
    QCOMPARE(rs.value("timestamp"_L1).toString(), u"2026-12-01T07:11:45.676+0000"_s);
    QCOMPARE(rs.value("qtari_error"_L1).toObject().value("kind"_L1).toString(), u"Timeout"_s);
    QCOMPARE(rs.value("qtari_error"_L1).toObject().value("message"_L1).toString(),
        u"no answer in 10000 ms"_s);

    // An HTTP answer with a JSON body.
    e.result =
        QtAri::Response { 404, R"({"message":"Channel not found"})", "application/json", {} };
    const QJsonObject notFound =
        QJsonDocument::fromJson(Recorder::responseLine(e, u"r-2"_s)).object();
    QCOMPARE(notFound.value("status_code"_L1).toInt(), 404);
    QCOMPARE(notFound.value("reason_phrase"_L1).toString(), u"Not Found"_s);
    QCOMPARE(notFound.value("content_type"_L1).toString(), u"application/json"_s);
    QCOMPARE(
        notFound.value("message_body"_L1).toString(), u"{\"message\":\"Channel not found\"}"_s);
}

void tst_InspectorRecording::opensRecordingOffline()
{
    QList<QJsonObject> received;
    const QString file = recordSession(&received);
    QVERIFY(!file.isEmpty());
    const QList<QJsonObject> lines = readLines(file);

    QSignalSpy triggered(m_window->action(u"actionOpenRecording"_s), &QAction::triggered);
    RecordingView *view = m_window->openRecording(file);
    QVERIFY(view);
    QCOMPARE(m_window->tabs()->currentWidget(), view);
    QCOMPARE(m_window->currentView(), nullptr); // not a live tab: the actions stay off
    QVERIFY(!m_window->action(u"actionHangup"_s)->isEnabled());
    RecordingModel *model = view->model();
    QAbstractItemModelTester tester(model);
    QCOMPARE(model->header().value("type"_L1).toString(), u"QtAriRecording"_s);
    QCOMPARE(model->applications(), QStringList { testApp });
    QCOMPARE(model->rowCount(), lines.size() - 1); // the header is not a row
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(model->json(row), lines.at(row + 1));
        QCOMPARE(model->data(model->index(row, int(EventColumn::Type))).toString(),
            lines.at(row + 1).value("type"_L1).toString());
        QCOMPARE(model->lineNumberOf(row), row + 1);
    }
    // Columns as in the live log; REST rows summarised.
    int stasisRow = -1;
    int badRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QJsonObject e = model->json(row);
        if (stasisRow < 0 && e.value("type"_L1) == "StasisStart"_L1)
            stasisRow = row;
        if (e.value("type"_L1) == "RESTResponse"_L1 && e.value("status_code"_L1).toInt() == 404)
            badRow = row;
    }
    QVERIFY(stasisRow >= 0);
    QVERIFY(badRow >= 0);
    QCOMPARE(
        model->data(model->index(stasisRow, int(EventColumn::Application))).toString(), testApp);
    const QString channelId =
        model->json(stasisRow).value("channel"_L1).toObject().value("id"_L1).toString();
    QVERIFY(model->data(model->index(stasisRow, int(EventColumn::Objects)))
                .toString()
                .contains(channelId));
    QVERIFY(
        model->data(model->index(badRow, int(EventColumn::Summary))).toString().contains(u"404"_s));
    QVERIFY(!model->data(model->index(stasisRow, int(EventColumn::Time))).toString().isEmpty());

    // Find: the next line containing the text, wrapping; not found leaves the selection.
    const QString destroyed = u"ChannelDestroyed"_s;
    QVERIFY(view->findNext(destroyed));
    const int found = view->logView()->currentIndex().row();
    QCOMPARE(model->json(found).value("type"_L1).toString(), destroyed);
    QCOMPARE(model->findNext(destroyed.toUtf8(), found + 1), found); // only one: wraps to itself
    int firstWithId = -1;
    for (int row = 0; row < model->rowCount() && firstWithId < 0; ++row) {
        if (model->lineAt(row).contains(channelId.toUtf8()))
            firstWithId = row;
    }
    QVERIFY(firstWithId >= 0);
    QCOMPARE(model->findNext(channelId.toUtf8(), 0), firstWithId);
    QVERIFY(!view->findNext(u"no such text anywhere"_s));
    QCOMPARE(view->logView()->currentIndex().row(), found);

    // Selecting a row shows its JSON.
    view->selectRow(stasisRow);
    QVERIFY(view->jsonView()->toPlainText().contains(u"\"StasisStart\""_s));
    QCOMPARE(triggered.size(), 0);
}

void tst_InspectorRecording::tablesAsOfSelectedRow()
{
    QList<QJsonObject> received;
    const QString file = recordSession(&received);
    QVERIFY(!file.isEmpty());
    RecordingView *view = m_window->openRecording(file);
    QVERIFY(view);
    QVERIFY(view->tables());
    RecordingModel *model = view->model();
    ChannelsModel *channels = view->tables()->session()->channels();

    int stasisRow = -1;
    for (int row = 0; row < model->rowCount() && stasisRow < 0; ++row) {
        if (model->json(row).value("type"_L1) == "StasisStart"_L1)
            stasisRow = row;
    }
    QVERIFY(stasisRow >= 0);
    const QStringList atStasis = channelsAfter(model, stasisRow);
    QCOMPARE(atStasis.size(), 1);

    view->selectRow(stasisRow);
    QTRY_VERIFY(view->timeline()->isSettled());
    QTRY_COMPARE(sorted(channels->ids()), atStasis);
    // The simulator behind the tables answers GET /channels with that moment's channel.
    QCOMPARE(view->timeline()->simulator()->channels().size(), 1);
    QVERIFY(view->findChild<QLabel *>(u"recordingMoment"_s)
                ->text()
                .contains(QString::number(model->lineNumberOf(stasisRow) + 1)));
    // Its duration is the one it had then (the recording's time of the row), not up to now.
    const QDateTime created = parseAriTime(
        model->json(stasisRow).value("channel"_L1).toObject().value("creationtime"_L1).toString());
    QVERIFY(created.isValid());
    QCOMPARE(channels->channelModel()->durationsUntil(), model->timeAt(stasisRow));
    QVERIFY(model->timeAt(stasisRow).isValid());
    QCOMPARE(channels->index(0, int(ChannelColumn::Duration))
                 .data(QtAri::ChannelModel::DurationRole)
                 .toLongLong(),
        std::max<qint64>(0, created.secsTo(model->timeAt(stasisRow))));

    // The end: the call is gone.
    const int last = model->rowCount() - 1;
    view->selectRow(last);
    QTRY_VERIFY(view->timeline()->isSettled());
    QTRY_COMPARE(channels->rowCount(), 0);
    QCOMPARE(channelsAfter(model, last), QStringList());

    // Back again: the simulator starts over and replays up to the row.
    view->selectRow(stasisRow);
    QTRY_VERIFY(view->timeline()->isSettled());
    QTRY_COMPARE(sorted(channels->ids()), atStasis);

    // Before anything: empty.
    view->timeline()->showMoment(-1);
    QTRY_VERIFY(view->timeline()->isSettled());
    QTRY_COMPARE(channels->rowCount(), 0);
}

void tst_InspectorRecording::malformedLinesAreSkipped()
{
    const QString file = m_dir->filePath(u"bad.jsonl"_s);
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QFile trace(QStringLiteral(QTARI_TRACES_DIR) + u"/a_originate_answer_hangup.jsonl"_s);
    QVERIFY(trace.open(QIODevice::ReadOnly));
    const QList<QByteArray> traceLines = trace.readAll().split('\n');
    f.write(traceLines.at(0) + '\n');
    f.write("garbage that is no JSON\n");
    f.write(R"({"type":"ChannelCreated","timestamp":"2026-11-26T03:)"
            "\n"); // cut off
    f.write("{not: json}\n");
    f.write(traceLines.at(1) + "\r\n");
    f.write("\n");
    f.close();

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"bad\\.jsonl:2: not a JSON object"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"bad\\.jsonl:3: not a JSON object"_s));
    RecordingView *view = m_window->openRecording(file);
    QVERIFY(view);
    RecordingModel *model = view->model();
    QCOMPARE(model->skippedLines(), 2);
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->lineNumberOf(1), 3);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"bad\\.jsonl:4: malformed line"_s));
    QCOMPARE(model->data(model->index(1, int(EventColumn::Type))).toString(), u"(malformed)"_s);
    QCOMPARE(model->json(2).value("type"_L1).toString(), u"ChannelCreated"_s);
    QVERIFY(view->findChild<QLabel *>(u"recordingInfo"_s)->text().contains(u"2"_s));

    // The tables replay it too; the simulator skips the malformed row with a warning.
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(u"replay: line 2 is not a JSON object"_s));
    view->selectRow(2);
    QTRY_VERIFY(view->timeline()->isSettled());
    QTRY_COMPARE(view->tables()->session()->channels()->rowCount(), 2);

    // A file that is not there.
    QVERIFY(!m_window->openRecording(m_dir->filePath(u"missing.jsonl"_s)));
}

void tst_InspectorRecording::replayIntoSimulatorOpensLiveTab()
{
    const QString trace = QStringLiteral(QTARI_TRACES_DIR) + u"/a_originate_answer_hangup.jsonl"_s;
    RecordingView *offline = m_window->openRecording(trace);
    QVERIFY(offline);
    QCOMPARE(offline->model()->applications(), QStringList { u"test-app"_s });
    const int tabs = m_window->tabs()->count();
    QCOMPARE(offline->replaySpeed(), 1.0); // as recorded unless chosen
    auto *replay = offline->findChild<QAction *>(u"actionReplayRecording"_s);
    QVERIFY(replay);
    replay->trigger();
    QCOMPARE(m_window->tabs()->count(), tabs + 1);
    ServerView *live = m_window->currentView();
    QVERIFY(live);
    Session *session = live->session();
    QCOMPARE(session->profile().applications, QStringList { u"test-app"_s });
    // The live tab follows the replay at the recorded pace (about a second): both channels
    // appear, and are gone at the end.
    QTRY_VERIFY(session->channels()->rowCount() == 2 || session->eventCount() >= 33);
    QTRY_COMPARE(session->eventCount(), quint64(33));
    QTRY_COMPARE(session->channels()->rowCount(), 0);
    session->eventLog()->flush();
    QCOMPARE(session->eventLog()->rowCount(), 33);
    QCOMPARE(
        session->eventLog()->data(session->eventLog()->index(0, int(EventColumn::Type))).toString(),
        u"ChannelCreated"_s);
    // A live tab: the actions work on it.
    QVERIFY(m_window->action(u"actionRecord"_s)->isEnabled());

    // As fast as possible: the same events, at once.
    offline->speedCombo()->setCurrentIndex(offline->speedCombo()->findData(0.0));
    QCOMPARE(offline->replaySpeed(), 0.0);
    QSignalSpy asked(offline, &RecordingView::replayRequested);
    replay->trigger();
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.at(0).at(1).toDouble(), 0.0);
    ServerView *fast = m_window->currentView();
    QVERIFY(fast && fast != live);
    QTRY_COMPARE(fast->session()->eventCount(), quint64(33));
}

void tst_InspectorRecording::commandLineOptions()
{
    const Options o = parseOptions({ u"qtari-inspector"_s, u"--demo"_s, u"--record"_s,
        u"/tmp/a.jsonl"_s, u"--open"_s, u"/tmp/b.jsonl"_s });
    QVERIFY(o.error.isEmpty());
    QVERIFY(o.demo);
    QCOMPARE(o.recordFile, u"/tmp/a.jsonl"_s);
    QCOMPARE(o.openFile, u"/tmp/b.jsonl"_s);
    // --record without a session to record: refused with a message, nothing written.
    const QString file = m_dir->filePath(u"none.jsonl"_s);
    QVERIFY(!m_window->recordSessionTo(file));
    QVERIFY(!QFile::exists(file));
}

void tst_InspectorRecording::recordingActionsHaveTheirOwnShortcuts()
{
    // An ambiguous shortcut fires neither action (Ctrl+O is Originate).
    const QKeySequence open = m_window->action(u"actionOpenRecording"_s)->shortcut();
    QVERIFY(!open.isEmpty());
    for (QAction *a : m_window->findChildren<QAction *>()) {
        if (a->objectName() != "actionOpenRecording"_L1 && !a->shortcut().isEmpty())
            QVERIFY2(a->shortcut() != open, qPrintable(a->objectName()));
    }
    QVERIFY(m_window->action(u"actionRecord"_s)->isCheckable());
    QVERIFY(!m_window->action(u"actionRecord"_s)->isEnabled()); // no live tab yet
}

QTEST_MAIN(tst_InspectorRecording)
#include "tst_inspector_recording.moc"
