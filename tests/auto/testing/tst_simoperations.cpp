// Every operation of lib/spec/ari.json, called once against the simulator with valid parameters:
// it must succeed (2xx) and answer with the spec's response type, required fields included.
#include "simtestutil.h"

#include <QtAri/Testing/Simulator>

#include <QtCore/QFile>

using namespace Qt::StringLiterals;
using namespace simtest;
using QtAri::Testing::Simulator;

namespace {

QJsonObject loadSpec()
{
    QFile f(QStringLiteral(QTARI_SPEC_FILE));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

class tst_SimOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void everyOperationAnswers_data();
    void everyOperationAnswers();
    void apiDocsDescribeEverySpecOperation();

private:
    void checkModel(const QString &type, const QJsonValue &value, const QString &where);

    QJsonObject spec;
    QHash<QString, QJsonObject> models;
    std::unique_ptr<Simulator> sim;
    std::unique_ptr<QNetworkAccessManager> nam;
    std::unique_ptr<EventSocket> events;
};

void tst_SimOperations::initTestCase()
{
    spec = loadSpec();
    QVERIFY2(!spec.isEmpty(), "lib/spec/ari.json not readable");
    for (const QJsonValue &m : spec.value(u"models"_s).toArray())
        models.insert(m.toObject().value(u"name"_s).toString(), m.toObject());
}

// A fresh simulator with one of everything, so each operation finds what it works on.
void tst_SimOperations::init()
{
    sim = std::make_unique<Simulator>();
    sim->setTimeScale(0.05);
    QVERIFY(sim->start());
    nam = std::make_unique<QNetworkAccessManager>();
    events = std::make_unique<EventSocket>();
    QVERIFY(events->open(sim->url(), u"ops"_s));
    const QUrl base = sim->url();
    auto post = [&](const QString &method, const QString &path, const QString &query = {}, const QByteArray &body = {}) {
        const HttpResult r = call(*nam, base, method, path, QUrlQuery(query), body);
        QVERIFY2(r.status >= 200 && r.status < 300, qPrintable(method + u' ' + path + u" -> "_s + QString::number(r.status) + u' ' + QString::fromUtf8(r.body)));
    };
    sim->startCall(u"ops"_s, {}, u"op-chan"_s);
    sim->startCall(u"ops"_s, {}, u"op-chan2"_s);
    post(u"POST"_s, u"/ari/channels/op-chan/variable"_s, u"variable=OPVAR&value=1"_s);
    post(u"POST"_s, u"/ari/channels/create"_s, u"endpoint=PJSIP/2000&app=ops&channelId=op-created"_s);
    post(u"POST"_s, u"/ari/bridges"_s, u"bridgeId=op-bridge&type=mixing"_s);
    post(u"POST"_s, u"/ari/bridges/op-bridge/addChannel"_s, u"channel=op-chan"_s);
    post(u"POST"_s, u"/ari/bridges/op-bridge/variable"_s, u"variable=OPVAR&value=1"_s);
    post(u"POST"_s, u"/ari/bridges/op-bridge/moh"_s);
    post(u"POST"_s, u"/ari/asterisk/variable"_s, u"variable=OPVAR&value=1"_s);
    post(u"POST"_s, u"/ari/channels/op-chan/play/op-play"_s, u"media=bogus:thing"_s); // never finishes
    post(u"POST"_s, u"/ari/channels/op-chan2/record"_s, u"name=op-stored&format=wav"_s);
    QTRY_COMPARE(call(*nam, base, u"GET"_s, u"/ari/recordings/live/op-stored"_s).object().value(u"state"_s).toString(), u"recording"_s);
    post(u"POST"_s, u"/ari/recordings/live/op-stored/stop"_s);
    post(u"POST"_s, u"/ari/channels/op-chan2/record"_s, u"name=op-rec&format=wav"_s);
    QTRY_COMPARE(call(*nam, base, u"GET"_s, u"/ari/recordings/live/op-rec"_s).object().value(u"state"_s).toString(), u"recording"_s);
    post(u"PUT"_s, u"/ari/deviceStates/Stasis:op-dev"_s, u"deviceState=INUSE"_s);
    post(u"PUT"_s, u"/ari/mailboxes/op-mbox"_s, u"oldMessages=1&newMessages=2"_s);
    post(u"PUT"_s, u"/ari/asterisk/config/dynamic/res_pjsip/endpoint/op-obj"_s, {},
         R"({"fields":[{"attribute":"allow","value":"ulaw"}]})");
    post(u"DELETE"_s, u"/ari/asterisk/modules/chan_pjsip.so"_s);
    post(u"POST"_s, u"/ari/applications/ops/subscription"_s, u"eventSource=bridge:op-bridge"_s);
}

void tst_SimOperations::cleanup()
{
    events.reset();
    nam.reset();
    sim.reset();
}

void tst_SimOperations::everyOperationAnswers_data()
{
    QTest::addColumn<QJsonObject>("op");
    QTest::addColumn<QString>("resource");
    if (spec.isEmpty())
        spec = loadSpec();
    int count = 0;
    for (const QJsonValue &rv : spec.value(u"resources"_s).toArray()) {
        const QJsonObject res = rv.toObject();
        for (const QJsonValue &ov : res.value(u"operations"_s).toArray()) {
            const QJsonObject op = ov.toObject();
            const QString name = res.value(u"name"_s).toString() + u'.' + op.value(u"nickname"_s).toString();
            QTest::newRow(qPrintable(name)) << op << res.value(u"name"_s).toString();
            ++count;
        }
    }
    qInfo("%d operations in lib/spec", count);
}

void tst_SimOperations::checkModel(const QString &type, const QJsonValue &value, const QString &where)
{
    if (type.startsWith(u"List["_s)) {
        QVERIFY2(value.isArray(), qPrintable(where + u": expected a list"_s));
        const QString inner = type.mid(5).chopped(1);
        for (const QJsonValue &v : value.toArray())
            checkModel(inner, v, where + u"[]"_s);
        return;
    }
    if (!models.contains(type))
        return; // primitive
    QVERIFY2(value.isObject(), qPrintable(where + u": expected a "_s + type + u" object"_s));
    const QJsonObject obj = value.toObject();
    for (const QJsonValue &fv : models.value(type).value(u"fields"_s).toArray()) {
        const QJsonObject f = fv.toObject();
        const QString name = f.value(u"name"_s).toString();
        if (f.value(u"required"_s).toBool())
            QVERIFY2(obj.contains(name), qPrintable(where + u": "_s + type + u" lacks required field "_s + name));
        if (obj.contains(name))
            checkModel(f.value(u"type"_s).toString(), obj.value(name), where + u'.' + name);
    }
}

void tst_SimOperations::everyOperationAnswers()
{
    QFETCH(QJsonObject, op);
    QFETCH(QString, resource);
    const QString nickname = op.value(u"nickname"_s).toString();
    const QString key = resource + u'.' + nickname;
    const QString method = op.value(u"method"_s).toString();

    if (op.value(u"upgrade"_s).toString() == u"websocket"_s) {
        EventSocket ws;
        QVERIFY(ws.open(sim->url(), u"ops-upgrade"_s));
        QVERIFY(ws.socket.state() == QAbstractSocket::ConnectedState);
        return;
    }

    // Path parameters: the fixture's objects, or fresh ids where the operation creates one.
    QHash<QString, QString> pathValues {
        { u"channelId"_s, u"op-chan"_s }, { u"bridgeId"_s, u"op-bridge"_s }, { u"playbackId"_s, u"op-play"_s },
        { u"recordingName"_s, resource == u"recordings"_s && op.value(u"path"_s).toString().contains(u"/live/"_s) ? u"op-rec"_s : u"op-stored"_s },
        { u"soundId"_s, u"beep"_s }, { u"deviceName"_s, u"Stasis:op-dev"_s }, { u"mailboxName"_s, u"op-mbox"_s },
        { u"applicationName"_s, u"ops"_s }, { u"moduleName"_s, u"res_ari.so"_s }, { u"logChannelName"_s, u"console"_s },
        { u"configClass"_s, u"res_pjsip"_s }, { u"objectType"_s, u"endpoint"_s }, { u"id"_s, u"op-obj"_s },
        { u"tech"_s, u"PJSIP"_s }, { u"resource"_s, u"1000"_s }, { u"eventName"_s, u"op-event"_s },
        { u"snoopId"_s, u"op-snoop"_s },
    };
    if (key == u"channels.originateWithId"_s)
        pathValues[u"channelId"_s] = u"op-new"_s;
    if (key == u"channels.dial"_s)
        pathValues[u"channelId"_s] = u"op-created"_s;
    if (key == u"channels.playWithId"_s || key == u"bridges.playWithId"_s)
        pathValues[u"playbackId"_s] = u"op-play2"_s;
    if (key == u"bridges.createWithId"_s)
        pathValues[u"bridgeId"_s] = u"op-bridge2"_s;
    if (key == u"asterisk.loadModule"_s)
        pathValues[u"moduleName"_s] = u"chan_pjsip.so"_s;
    if (key == u"asterisk.addLog"_s)
        pathValues[u"logChannelName"_s] = u"op-log"_s;

    // Query parameter values (required ones, plus a few optional ones that make the call sensible).
    QHash<QString, QString> queryValues {
        { u"endpoint"_s, u"PJSIP/1000"_s }, { u"app"_s, u"ops"_s }, { u"media"_s, u"sound:beep"_s },
        { u"name"_s, u"op-rec2"_s }, { u"format"_s, u"wav"_s }, { u"variable"_s, u"OPVAR"_s },
        { u"variables"_s, u"OPVAR"_s }, { u"operation"_s, u"pause"_s }, { u"deviceState"_s, u"BUSY"_s },
        { u"oldMessages"_s, u"1"_s }, { u"newMessages"_s, u"3"_s }, { u"eventSource"_s, u"channel:op-chan"_s },
        { u"application"_s, u"ops"_s }, { u"channel"_s, u"op-chan2"_s }, { u"configuration"_s, u"notice"_s },
        { u"destinationRecordingName"_s, u"op-copy"_s }, { u"to"_s, u"pjsip:1000"_s },
        { u"from"_s, u"pjsip:2000"_s }, { u"refer_to"_s, u"pjsip:3000"_s }, { u"dtmf"_s, u"1"_s },
        { u"external_host"_s, u"127.0.0.1:40000"_s }, { u"channelId"_s, u"op-chan"_s },
        { u"states"_s, u"channel_progress"_s },
    };
    if (key == u"bridges.removeChannel"_s)
        queryValues[u"channel"_s] = u"op-chan"_s;
    if (key == u"applications.unsubscribe"_s)
        queryValues[u"eventSource"_s] = u"bridge:op-bridge"_s;
    if (key == u"events.claimChannel"_s) {
        // Asterisk answers 404 to a claim of a channel that no StasisBroadcast offers (trace
        // o_broadcast_claim, records 8 and 12: op-chan is in Stasis, so it is not claimable), and
        // so does the simulator. The claim with only its required parameters succeeds on a call
        // that is being broadcast.
        QtAri::Testing::Simulator::Broadcast offer;
        offer.channelId = u"op-bcast"_s;
        offer.timeoutMs = 60000;
        QVERIFY(!sim->startBroadcast(offer).isEmpty());
        queryValues[u"channelId"_s] = u"op-bcast"_s;
    }
    if (key == u"channels.externalMedia"_s) {
        queryValues[u"channelId"_s] = u"op-ext"_s;
        queryValues[u"format"_s] = u"ulaw"_s;
    }

    QString path = op.value(u"path"_s).toString();
    QUrlQuery query;
    QJsonObject body;
    bool objectBody = false;
    for (const QJsonValue &pv : op.value(u"parameters"_s).toArray()) {
        const QJsonObject p = pv.toObject();
        const QString name = p.value(u"name"_s).toString();
        const QString in = p.value(u"in"_s).toString();
        const bool required = p.value(u"required"_s).toBool();
        if (in == u"path"_s) {
            QVERIFY2(pathValues.contains(name), qPrintable(u"no value for path parameter "_s + name));
            path.replace(u'{' + name + u'}', QString::fromUtf8(QUrl::toPercentEncoding(pathValues.value(name))));
        } else if (in == u"query"_s) {
            const bool alsoSend = (key == u"channels.externalMedia"_s && (name == u"external_host"_s || name == u"channelId"_s))
                    || (key == u"channels.sendDTMF"_s && name == u"dtmf"_s)
                    || (key.startsWith(u"channels.originate"_s) && name == u"app"_s);
            if (!required && !alsoSend)
                continue;
            QString v = queryValues.value(name);
            const QJsonArray allowed = p.value(u"allowed"_s).toArray();
            if (!allowed.isEmpty() && !allowed.contains(v))
                v = allowed.at(0).toString();
            QVERIFY2(!v.isEmpty(), qPrintable(u"no value for query parameter "_s + name));
            query.addQueryItem(name, QString::fromUtf8(QUrl::toPercentEncoding(v)));
        } else if (in == u"body"_s) {
            if (p.value(u"type"_s).toString() == u"object"_s)
                objectBody = true;
            else if (name == u"fields"_s)
                body.insert(name, QJsonArray { QJsonObject { { u"attribute"_s, u"allow"_s }, { u"value"_s, u"ulaw"_s } } });
            else if (required || key.endsWith(u"Vars"_s))
                body.insert(name, QJsonObject { { u"OPVAR2"_s, u"2"_s } });
        }
    }
    QByteArray bodyBytes;
    if (objectBody)
        bodyBytes = "{}";
    else if (!body.isEmpty())
        bodyBytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const HttpResult r = call(*nam, sim->url(), method, u"/ari"_s + path, query, bodyBytes);
    QVERIFY2(r.status >= 200 && r.status < 300,
             qPrintable(method + u' ' + path + u'?' + query.toString() + u" -> "_s + QString::number(r.status) + u' ' + QString::fromUtf8(r.body)));
    const QString response = op.value(u"response"_s).toString();
    if (response == u"void"_s) {
        QVERIFY2(r.body.isEmpty(), r.body.constData());
    } else if (response == u"binary"_s) {
        QVERIFY(!r.body.isEmpty());
    } else {
        checkModel(response, r.json(), key);
    }
}

// Swagger clients (node ari-client) build themselves from /ari/api-docs/: it must hold every
// operation of the spec, with its method, parameters and the models of each resource.
void tst_SimOperations::apiDocsDescribeEverySpecOperation()
{
    const HttpResult index = call(*nam, sim->url(), u"GET"_s, u"/ari/api-docs/resources.json"_s);
    QCOMPARE(index.status, 200);
    const QJsonArray apis = index.object().value(u"apis"_s).toArray();
    const QJsonArray resources = spec.value(u"resources"_s).toArray();
    QCOMPARE(apis.size(), resources.size());
    QCOMPARE(index.object().value(u"basePath"_s).toString(), sim->url().toString() + u"/ari"_s);
    for (const QJsonValue &rv : resources) {
        const QJsonObject res = rv.toObject();
        const QString name = res.value(u"name"_s).toString();
        const HttpResult doc = call(*nam, sim->url(), u"GET"_s, u"/ari/api-docs/"_s + name + u".json"_s);
        QCOMPARE(doc.status, 200);
        QSet<QString> described;
        for (const QJsonValue &api : doc.object().value(u"apis"_s).toArray()) {
            for (const QJsonValue &op : api.toObject().value(u"operations"_s).toArray()) {
                const QJsonObject o = op.toObject();
                described.insert(o.value(u"httpMethod"_s).toString() + u' ' + api.toObject().value(u"path"_s).toString()
                                 + u' ' + o.value(u"nickname"_s).toString() + u' '
                                 + QString::number(o.value(u"parameters"_s).toArray().size()));
            }
        }
        QSet<QString> expected;
        for (const QJsonValue &ov : res.value(u"operations"_s).toArray()) {
            const QJsonObject o = ov.toObject();
            expected.insert(o.value(u"method"_s).toString() + u' ' + o.value(u"path"_s).toString() + u' '
                            + o.value(u"nickname"_s).toString() + u' '
                            + QString::number(o.value(u"parameters"_s).toArray().size()));
        }
        QCOMPARE(described, expected);
        const QJsonObject models = doc.object().value(u"models"_s).toObject();
        for (const QJsonValue &mv : spec.value(u"models"_s).toArray()) {
            if (mv.toObject().value(u"resource"_s).toString() == name)
                QVERIFY2(models.contains(mv.toObject().value(u"name"_s).toString()), qPrintable(name));
        }
    }
}

QTEST_GUILESS_MAIN(tst_SimOperations)
#include "tst_simoperations.moc"
