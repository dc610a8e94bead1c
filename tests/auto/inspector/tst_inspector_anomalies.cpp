// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Anomaly badges against the simulator: repeated events, playbacks that never finish, REST errors
// with Asterisk's message, channels outside Stasis, and what changed while disconnected.

#include "inspectortest.h"
#include "mainwindow.h"
#include "models/anomalymodel.h"
#include "models/channelsmodel.h"
#include "profiles.h"
#include "session.h"
#include "widgets/anomalywindow.h"
#include "widgets/ladderwindow.h"
#include "models/laddermodel.h"
#include "widgets/serverview.h"

#include <QtAri/Testing/Simulator>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtGui/QAction>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QTest>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolButton>

#include <memory>

using namespace Qt::StringLiterals;
using namespace QtAri::Inspector;
using QtAri::Testing::Simulator;
using Kind = AnomalyModel::Kind;

namespace {
const QString testApp = u"anomaly-test"_s;

QString messagesOf(const AnomalyModel *model, Kind kind)
{
    QStringList out;
    for (int r = 0; r < model->count(); ++r) {
        if (model->at(r).kind == kind)
            out.append(model->at(r).object + u": "_s + model->at(r).message);
    }
    return out.join(u'\n');
}
} // namespace

class tst_InspectorAnomalies : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void repeatedEvent();
    void playbackThatNeverFinishes();
    void restErrorsCarryAsterisksMessage();
    void channelOutsideStasis();
    void changedWhileDisconnected();
    void badgeAndWindow();

private:
    Session *connectSession();

    InspectorTest::Env m_env;
    ServerView *m_view = nullptr;
};

void tst_InspectorAnomalies::init()
{
    QVERIFY(m_env.start());
}

void tst_InspectorAnomalies::cleanup()
{
    m_env.reset();
}

Session *tst_InspectorAnomalies::connectSession()
{
    m_view = m_env.connect(testApp);
    if (!m_view)
        return nullptr;
    m_view->session()->anomalies()->setCheckInterval(50);
    return m_view->session();
}

void tst_InspectorAnomalies::repeatedEvent()
{
    Session *s = connectSession();
    QVERIFY(s);
    AnomalyModel *model = s->anomalies();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString id = m_env.sim->startCall(testApp);
    QTRY_VERIFY(s->channels()->contains(id));
    QCOMPARE(model->countOf(Kind::RepeatedEvent), 0);
    QJsonObject varset { { u"type"_s, u"ChannelVarset"_s }, { u"variable"_s, u"X"_s },
        { u"value"_s, u"1"_s }, { u"timestamp"_s, u"2026-12-02T10:00:00.000+0000"_s },
        { u"channel"_s, m_env.sim->channels().at(0).toObject() } };
    m_env.sim->pushEvent(varset);
    // The same variable set again a moment later is not a repeat: its time differs.
    varset.insert(u"timestamp"_s, u"2026-12-02T10:00:00.001+0000"_s);
    m_env.sim->pushEvent(varset);
    m_env.sim->pushEvent(varset); // this one is
    QTRY_COMPARE(model->countOf(Kind::RepeatedEvent), 1);
    QVERIFY(messagesOf(model, Kind::RepeatedEvent).contains(u"ChannelVarset arrived again"_s));
    QCOMPARE(model->at(0).object, u"channel:"_s + id);
}

void tst_InspectorAnomalies::playbackThatNeverFinishes()
{
    Session *s = connectSession();
    QVERIFY(s);
    AnomalyModel *model = s->anomalies();
    model->setPlaybackTimeout(300);
    m_env.sim->setTimeScale(0.01); // hello-world lasts a few milliseconds
    const QString id = m_env.sim->startCall(testApp);
    QTRY_VERIFY(s->channels()->contains(id));
    s->play(id, u"sound:hello-world"_s); // finishes
    s->play(id, u"bogus:thing"_s); // Asterisk 22: 201, PlaybackStarted, never finished
    QTRY_COMPARE(model->countOf(Kind::PlaybackNeverFinished), 1);
    QVERIFY(model->at(model->count() - 1).object.startsWith(u"playback:"_s));
    // Reported once, not at every check.
    QTest::qWait(400);
    QCOMPARE(model->countOf(Kind::PlaybackNeverFinished), 1);
}

void tst_InspectorAnomalies::restErrorsCarryAsterisksMessage()
{
    Session *s = connectSession();
    QVERIFY(s);
    AnomalyModel *model = s->anomalies();
    s->hangup({ u"no/such?id#%+"_s });
    QTRY_COMPARE(model->countOf(Kind::RestError), 1);
    const QString text = messagesOf(model, Kind::RestError);
    QVERIFY2(text.contains(u"HTTP 404: Channel not found"_s), qPrintable(text));
    QVERIFY2(text.contains(u"DELETE /channels/no/such?id#%+"_s), qPrintable(text));
    QVERIFY(text.startsWith(u"channels.hangup"_s));
}

void tst_InspectorAnomalies::channelOutsideStasis()
{
    Session *s = connectSession();
    QVERIFY(s);
    AnomalyModel *model = s->anomalies();
    model->setStasisTimeout(300);
    // Extension 200: the ;2 half answers and runs Echo in the dialplan, never in Stasis.
    s->originate(u"Local/200@ari-test"_s, testApp, {}, {}, 30);
    QTRY_COMPARE(s->channels()->rowCount(), 2);
    QTRY_COMPARE(model->countOf(Kind::OutsideStasis), 1);
    const QString text = messagesOf(model, Kind::OutsideStasis);
    QVERIFY2(text.contains(u";2 has been outside Stasis"_s), qPrintable(text));
    QTest::qWait(400);
    QCOMPARE(model->countOf(Kind::OutsideStasis), 1);
}

void tst_InspectorAnomalies::changedWhileDisconnected()
{
    Session *s = connectSession();
    QVERIFY(s);
    AnomalyModel *model = s->anomalies();
    const QString stays = m_env.sim->startCall(testApp, { u"stays"_s });
    const QString ends = m_env.sim->startCall(testApp, { u"ends"_s });
    QTRY_COMPARE(s->channels()->rowCount(), 2);
    QCOMPARE(model->countOf(Kind::ChangedWhileDisconnected), 0);

    m_env.sim->setRefuseConnections(true);
    m_env.sim->dropWebSockets();
    QTRY_VERIFY(s->state() == QtAri::Client::State::Reconnecting);
    m_env.sim->hangupChannel(ends);
    const QString arrives = m_env.sim->startCall(testApp, { u"arrives"_s });
    m_env.sim->setRefuseConnections(false);
    QTRY_VERIFY(s->state() == QtAri::Client::State::Connected);
    QTRY_COMPARE(model->countOf(Kind::ChangedWhileDisconnected), 2);
    const QString text = messagesOf(model, Kind::ChangedWhileDisconnected);
    QVERIFY2(text.contains(u"channel:"_s + ends + u": "_s) && text.contains(u" ended"_s), qPrintable(text));
    QVERIFY2(text.contains(u"channel:"_s + arrives + u": "_s) && text.contains(u" appeared"_s),
        qPrintable(text));
    QVERIFY(!text.contains(stays));
}

void tst_InspectorAnomalies::badgeAndWindow()
{
    Session *s = connectSession();
    QVERIFY(s);
    auto *badge = m_env.window->findChild<QToolButton *>(u"anomalyBadge"_s);
    QVERIFY(badge);
    QVERIFY(!badge->isVisible());
    const QString id = m_env.sim->startCall(testApp);
    QTRY_VERIFY(s->channels()->contains(id));
    s->hangup({ id });
    QTRY_VERIFY(!s->channels()->contains(id));
    s->hangup({ id }); // 404
    QTRY_VERIFY(badge->isVisible());
    QVERIFY(badge->text().contains(u"1"_s));
    QVERIFY(m_env.window->action(u"actionAnomalies"_s)->shortcut() == QKeySequence(Qt::Key_F9));

    badge->click();
    AnomalyWindow *window = m_env.window->anomalyWindow();
    QVERIFY(window);
    QTableView *view = window->view();
    QCOMPARE(view->model()->rowCount(), 1);
    QVERIFY(view->model()->index(0, AnomalyModel::MessageColumn).data().toString().contains(u"404"_s));
    // The finding names the operation, not an object: no ladder for it.
    view->selectRow(0);
    auto *ladder = window->findChild<QPushButton *>(u"anomalyLadder"_s);
    QVERIFY(!ladder->isEnabled());
    window->findChild<QPushButton *>(u"anomalyClear"_s)->click();
    QCOMPARE(view->model()->rowCount(), 0);
    QTRY_VERIFY(!badge->isVisible());

    // A finding about a channel opens its ladder.
    s->anomalies()->setStasisTimeout(100);
    s->originate(u"Local/200@ari-test"_s, testApp, {}, {}, 30);
    const auto outsideRow = [view] {
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            if (view->model()->index(r, 0).data(AnomalyModel::KindRole).toInt()
                == int(Kind::OutsideStasis))
                return r;
        }
        return -1;
    };
    QTRY_VERIFY(outsideRow() >= 0);
    const int row = outsideRow();
    view->selectRow(row);
    QVERIFY2(ladder->isEnabled(),
        qPrintable(view->model()->index(row, AnomalyModel::ObjectColumn).data().toString() + u" / "_s
            + view->model()->index(row, AnomalyModel::MessageColumn).data().toString()));
    ladder->click();
    QVERIFY(m_env.window->lastLadder());
    QCOMPARE(m_env.window->lastLadder()->model()->anchor(),
        view->model()->index(row, 0).data(AnomalyModel::ObjectRole).toString());
}

QTEST_MAIN(tst_InspectorAnomalies)
#include "tst_inspector_anomalies.moc"
