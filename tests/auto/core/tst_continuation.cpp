// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// QtAri::onFinished(): the callback runs in the context's thread, never after the context is
// gone, never inside the call, and the future it returns always finishes. The cases where the
// context dies first are the ones `.then(context, …)` on Qt 6.4 fails (ASSERT: "context" in
// qfuture_impl.h in a debug build; a QPointer read across threads).

#include <QtAri/Channel>
#include <QtAri/Client>
#include <QtAri/Continuation>
#include <QtAri/Testing/Simulator>

#include <QtCore/QPointer>
#include <QtCore/QPromise>
#include <QtCore/QThread>
#include <QtTest/QTest>

#include <atomic>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using QtAri::Result;

namespace {

// A QThread with its event loop running, stopped and joined on destruction.
class Worker
{
public:
    Worker()
    {
        m_anchor.moveToThread(&m_thread);
        m_thread.start();
    }
    ~Worker()
    {
        m_thread.quit(); // the thread runs the deferred deletes left for it before it ends
        m_thread.wait();
    }
    QThread *thread() { return &m_thread; }
    // Returns once every event posted to the thread before this call has been handled.
    void drain()
    {
        QMetaObject::invokeMethod(&m_anchor, [] { }, Qt::BlockingQueuedConnection);
    }
    // Runs \a f in the thread and waits for it.
    template<typename F>
    void run(F f)
    {
        QMetaObject::invokeMethod(&m_anchor, f, Qt::BlockingQueuedConnection);
    }

private:
    QThread m_thread;
    QObject m_anchor;
};

} // namespace

class TestContinuation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void passesTheValue();
    void neverRunsInsideTheCall();
    void voidAndFutureCallbacks();
    void contextDestroyedBeforeFinish();
    void contextDestroyedWhileFinishIsQueued();
    void callbackMayDeleteContext();
    void runsInContextThread();
    void calledFromAnotherThread();
    void contextDiesInItsThreadWhileFutureFinishes();
    void cancelledResultFutureGivesAbortedError();
    void nullContext();
    void liveObjectDeletedBeforeReply();
};

void TestContinuation::passesTheValue()
{
    QPromise<Result<int>> promise;
    promise.start();
    QObject context;
    int seen = 0;
    QFuture<void> done = QtAri::onFinished(promise.future(), &context,
                                           [&](const Result<int> &r) { seen = r.value(); });
    promise.addResult(Result<int>(42));
    promise.finish();
    QTRY_VERIFY(done.isFinished());
    QCOMPARE(seen, 42);
    QVERIFY(!done.isCanceled());
}

void TestContinuation::neverRunsInsideTheCall()
{
    QPromise<int> promise;
    promise.start();
    promise.addResult(7);
    promise.finish();
    QObject context;
    int seen = 0;
    QtAri::onFinished(promise.future(), &context, [&](int v) { seen = v; });
    QCOMPARE(seen, 0); // an already finished future still goes through the event loop
    QTRY_COMPARE(seen, 7);
}

void TestContinuation::voidAndFutureCallbacks()
{
    QObject context;
    QPromise<void> plain;
    plain.start();
    bool voidCalled = false;
    QtAri::onFinished(plain.future(), &context, [&] { voidCalled = true; });

    QPromise<Result<QString>> withValue;
    withValue.start();
    bool noArgCalled = false;
    QtAri::onFinished(withValue.future(), &context, [&] { noArgCalled = true; });
    QString fromFuture;
    QtAri::onFinished(withValue.future(), &context, [&](const QFuture<Result<QString>> &f) {
        fromFuture = f.result().value();
    });

    QString fromGeneric; // a generic lambda gets the value, not the future
    QtAri::onFinished(withValue.future(), &context,
                      [&](const auto &r) { fromGeneric = r.value(); });

    plain.finish();
    withValue.addResult(Result<QString>(u"x"_s));
    withValue.finish();
    QTRY_VERIFY(voidCalled);
    QTRY_VERIFY(noArgCalled);
    QTRY_COMPARE(fromFuture, u"x"_s);
    QTRY_COMPARE(fromGeneric, u"x"_s);
}

void TestContinuation::contextDestroyedBeforeFinish()
{
    QPromise<Result<int>> promise;
    promise.start();
    auto *context = new QObject;
    bool called = false;
    QFuture<void> done = QtAri::onFinished(promise.future(), context,
                                           [&](const Result<int> &) { called = true; });
    delete context;
    // The returned future tells the caller at once: finished, cancelled.
    QVERIFY(done.isFinished());
    QVERIFY(done.isCanceled());
    promise.addResult(Result<int>(1));
    promise.finish();
    QTest::qWait(50);
    QVERIFY(!called);
}

void TestContinuation::contextDestroyedWhileFinishIsQueued()
{
    QPromise<Result<int>> promise;
    promise.start();
    auto *context = new QObject;
    bool called = false;
    QFuture<void> done = QtAri::onFinished(promise.future(), context,
                                           [&](const Result<int> &) { called = true; });
    promise.addResult(Result<int>(1));
    promise.finish(); // the watcher's "finished" is now posted, not yet delivered
    delete context;
    QTest::qWait(50);
    QVERIFY(!called);
    QVERIFY(done.isFinished());
    QVERIFY(done.isCanceled());
}

void TestContinuation::callbackMayDeleteContext()
{
    QPromise<Result<void>> promise;
    promise.start();
    QPointer<QObject> context = new QObject;
    int calls = 0;
    QFuture<void> done = QtAri::onFinished(promise.future(), context.data(),
                                           [&](const Result<void> &) {
                                               ++calls;
                                               delete context.data();
                                           });
    promise.finish();
    QTRY_VERIFY(done.isFinished());
    QVERIFY(!done.isCanceled());
    QVERIFY(context.isNull());
    QTest::qWait(20);
    QCOMPARE(calls, 1);
}

void TestContinuation::runsInContextThread()
{
    Worker worker;
    auto *context = new QObject;
    context->moveToThread(worker.thread());
    QPromise<int> promise;
    promise.start();
    std::atomic<QThread *> ranIn { nullptr };
    QFuture<void> done = QtAri::onFinished(promise.future(), context,
                                           [&](int) { ranIn = QThread::currentThread(); });
    promise.addResult(3);
    promise.finish(); // from the test's thread
    done.waitForFinished();
    QCOMPARE(ranIn.load(), worker.thread());
    worker.run([context] { delete context; });
}

void TestContinuation::calledFromAnotherThread()
{
    // onFinished() called on a worker thread for a context in the test's thread.
    QObject context;
    QPromise<int> promise;
    promise.start();
    std::atomic<QThread *> ranIn { nullptr };
    QFuture<void> done;
    std::unique_ptr<QThread> caller(QThread::create([&] {
        done = QtAri::onFinished(promise.future(), &context,
                                 [&](int) { ranIn = QThread::currentThread(); });
    }));
    caller->start();
    caller->wait();
    promise.addResult(5);
    promise.finish();
    QTRY_VERIFY(done.isFinished());
    QCOMPARE(ranIn.load(), QThread::currentThread());
}

void TestContinuation::contextDiesInItsThreadWhileFutureFinishes()
{
    // The race `.then(context, …)` leaves open on 6.4: the future finishes in one thread while the
    // context is destroyed in its own. Each round must either run the callback (context alive) or
    // not, and every returned future must finish.
    Worker worker;
    std::atomic<int> called { 0 };
    std::atomic<int> calledDead { 0 };
    constexpr int rounds = 200;
    for (int i = 0; i < rounds; ++i) {
        auto *context = new QObject;
        context->moveToThread(worker.thread());
        auto alive = std::make_shared<std::atomic<bool>>(true);
        QObject::connect(context, &QObject::destroyed, context, [alive] { *alive = false; },
                         Qt::DirectConnection);
        QPromise<int> promise;
        promise.start();
        QFuture<void> done = QtAri::onFinished(promise.future(), context,
                                               [&called, &calledDead, alive](int) {
                                                   ++(alive->load() ? called : calledDead);
                                               });
        // A third thread finishes the future and has the context deleted, in either order.
        std::unique_ptr<QThread> finisher(QThread::create([&promise, context, i] {
            const auto destroy = [context] {
                QMetaObject::invokeMethod(context, [context] { delete context; },
                                          Qt::QueuedConnection);
            };
            if (i % 2)
                destroy();
            promise.addResult(i);
            promise.finish();
            if (!(i % 2))
                destroy();
        }));
        finisher->start();
        finisher->wait();
        done.waitForFinished();
        QVERIFY(done.isFinished());
    }
    worker.drain();
    QCOMPARE(calledDead.load(), 0);
    QVERIFY(called.load() <= rounds);
    qInfo("callback ran in %d of %d rounds", called.load(), rounds);
}

void TestContinuation::cancelledResultFutureGivesAbortedError()
{
    QObject context;
    QFuture<Result<int>> cancelled;
    {
        QPromise<Result<int>> promise;
        promise.start();
        cancelled = promise.future();
    } // destroyed unfinished: cancelled, no result
    QVERIFY(cancelled.isCanceled());
    std::optional<QtAri::Error::Kind> kind;
    QtAri::onFinished(cancelled, &context, [&](const Result<int> &r) {
        if (!r)
            kind = r.error().kind();
    });
    QTRY_VERIFY(kind.has_value());
    QCOMPARE(*kind, QtAri::Error::Kind::Aborted);

    // Without a value type to report the cancellation in, the callback is skipped.
    QFuture<int> plain;
    {
        QPromise<int> promise;
        promise.start();
        plain = promise.future();
    }
    bool plainCalled = false;
    QFuture<void> done = QtAri::onFinished(plain, &context, [&](int) { plainCalled = true; });
    QTRY_VERIFY(done.isFinished());
    QVERIFY(!plainCalled);
}

void TestContinuation::nullContext()
{
    QPromise<int> promise;
    promise.start();
    bool called = false;
    QFuture<void> done = QtAri::onFinished(promise.future(), nullptr, [&](int) { called = true; });
    QVERIFY(done.isFinished());
    QVERIFY(done.isCanceled());
    promise.addResult(1);
    promise.finish();
    QTest::qWait(20);
    QVERIFY(!called);
}

void TestContinuation::liveObjectDeletedBeforeReply()
{
    // A real operation: the object handling the call goes away before Asterisk answers the
    // request; the callback that would use it must not run.
    QtAri::Testing::Simulator sim;
    QVERIFY(sim.start());
    QtAri::Client client;
    client.setUrl(sim.url());
    client.setCredentials(u"asterisk"_s, u"asterisk"_s);
    client.setApplicationNames({ u"cont"_s });
    QFuture<Result<void>> connected = client.connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(connected.isFinished(), 10000);
    QVERIFY(connected.result());

    const QString id = sim.startCall(u"cont"_s);
    QTRY_VERIFY(client.channel(id));
    QtAri::Channel *channel = client.channel(id);
    auto *handler = new QObject;
    bool called = false;
    QFuture<Result<void>> answer = channel->answer();
    QFuture<void> done = QtAri::onFinished(answer, handler,
                                           [&](const Result<void> &) { called = true; });
    delete handler;
    QVERIFY(done.isFinished());
    QVERIFY(done.isCanceled());
    QTRY_VERIFY(answer.isFinished()); // Asterisk's answer arrives meanwhile
    QTest::qWait(50);
    QVERIFY(!called);

    // With the channel itself as context and alive, the callback gets the answer.
    const QString second = sim.startCall(u"cont"_s);
    QTRY_VERIFY(client.channel(second));
    QtAri::Channel *alive = client.channel(second);
    std::optional<bool> answered;
    QtAri::onFinished(alive->answer(), alive,
                      [&](const Result<void> &r) { answered = bool(r); });
    QTRY_VERIFY(answered.has_value());
    QVERIFY(*answered);
}

QTEST_GUILESS_MAIN(TestContinuation)
#include "tst_continuation.moc"
