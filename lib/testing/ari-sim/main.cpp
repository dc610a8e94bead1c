// ari-sim: the QtAri ARI simulator as a standalone program.
#include <QtAri/Testing/Simulator>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QLoggingCategory>
#include <QtCore/QTimer>

#include <cstdio>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

// "calls=5/s,duration=20s,dtmf=1,bridge=0,play=1,app=demo"
bool parseTraffic(const QString &spec, QtAri::Testing::Simulator::Traffic *traffic)
{
    for (const QString &part : spec.split(u',', Qt::SkipEmptyParts)) {
        const QString key = part.section(u'=', 0, 0).trimmed();
        QString value = part.section(u'=', 1).trimmed();
        bool ok = true;
        if (key == u"calls"_s) {
            if (value.endsWith(u"/s"_s))
                value.chop(2);
            else if (value.endsWith(u"/m"_s)) {
                value.chop(2);
                traffic->callsPerSecond = value.toDouble(&ok) / 60.0;
                if (!ok)
                    return false;
                continue;
            }
            traffic->callsPerSecond = value.toDouble(&ok);
        } else if (key == u"duration"_s) {
            int factor = 1000;
            if (value.endsWith(u"ms"_s)) {
                value.chop(2);
                factor = 1;
            } else if (value.endsWith(u's')) {
                value.chop(1);
            }
            traffic->meanDurationMs = int(value.toDouble(&ok) * factor);
        } else if (key == u"dtmf"_s) {
            traffic->dtmf = value != u"0"_s && value != u"no"_s;
        } else if (key == u"bridge"_s || key == u"bridging"_s) {
            traffic->bridging = value != u"0"_s && value != u"no"_s;
        } else if (key == u"play"_s || key == u"playbacks"_s) {
            traffic->playbacks = value != u"0"_s && value != u"no"_s;
        } else if (key == u"app"_s) {
            traffic->app = value;
        } else {
            return false;
        }
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"ari-sim"_s);
    QCoreApplication::setApplicationVersion(u"0.1"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Simulated Asterisk ARI server (QtAri). The control API, the --script format "
                                     "and the version modes are described in docs/simulator.md."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption portOpt(u"port"_s, u"Port to listen on (0 = any)."_s, u"port"_s, u"8088"_s);
    QCommandLineOption bindOpt(u"bind"_s, u"Address to listen on."_s, u"address"_s, u"127.0.0.1"_s);
    QCommandLineOption userOpt(u"user"_s,
                               u"Add an ARI user (asterisk/asterisk is always there): NAME:PASSWORD, or "
                               "NAME:PASSWORD:readonly for a user whose writes get 403. Repeatable. A bare NAME "
                               "takes its password from --password."_s,
                               u"name:password[:readonly]"_s);
    QCommandLineOption passOpt({ u"password"_s, u"pass"_s }, u"Password of a bare --user NAME (repeatable, in order)."_s,
                               u"password"_s);
    QCommandLineOption roOpt(u"readonly-user"_s, u"Add a read-only user, as user:password."_s, u"user:password"_s);
    QCommandLineOption trafficOpt(u"traffic"_s,
                                  u"Scripted traffic, e.g. calls=5/s,duration=20s,dtmf=1,bridge=1,play=1,app=demo"_s,
                                  u"spec"_s);
    QCommandLineOption floodOpt(u"flood"_s, u"Flood every new event socket with N events."_s, u"N"_s);
    QCommandLineOption floodChannelsOpt(u"flood-channels"_s, u"Spread flood events over K channels."_s, u"K"_s,
                                        u"1000"_s);
    QCommandLineOption floodDelayOpt(u"flood-delay"_s, u"Milliseconds to wait before a flood starts."_s, u"ms"_s,
                                     u"300"_s);
    QCommandLineOption floodMixOpt(u"flood-mix"_s,
                                   u"The flood's events: realistic (calls with lifecycles, the default) or simple."_s,
                                   u"mix"_s, u"realistic"_s);
    QCommandLineOption quietOpt(u"quiet"_s, u"Log warnings only."_s);
    parser.addOptions({ portOpt, bindOpt, userOpt, passOpt, roOpt, trafficOpt, floodOpt, floodChannelsOpt,
                        floodDelayOpt, floodMixOpt, quietOpt });
    // Control API, scripts and version modes (docs/simulator.md).
    QCommandLineOption versionModeOpt(u"asterisk-version"_s,
                                      u"Behave as this Asterisk major version: 18, 20, 22 or 23 (default 22)."_s,
                                      u"major"_s, u"22"_s);
    QCommandLineOption controlPortOpt(u"control-port"_s,
                                      u"Serve the control API (HTTP + JSON, /control/...) on this port of the --bind "
                                      "address (0 = any free port; the URL is printed at start-up)."_s,
                                      u"port"_s);
    QCommandLineOption controlTokenOpt(u"control-token"_s,
                                       u"Require \"Authorization: Bearer TOKEN\" on every control request (401 "
                                       "otherwise)."_s,
                                       u"token"_s);
    QCommandLineOption scriptOpt(u"script"_s,
                                 u"Play a scenario: JSON lines of control requests with delays. An \"exit\" line "
                                 "ends ari-sim with its code; a step that misses its \"expect\" ends it with 1."_s,
                                 u"file"_s);
    parser.addOptions({ versionModeOpt, controlPortOpt, controlTokenOpt, scriptOpt });
    // Outbound WebSockets (Asterisk 22.5's ari.conf type=outbound_websocket, trace n).
    QCommandLineOption outboundOpt(u"outbound"_s,
                                   u"Connect to an application listening at this ws:// or wss:// URL "
                                   "(user:password@ in the URL are sent as Basic credentials), as an "
                                   "outbound_websocket of ari.conf does."_s,
                                   u"url"_s);
    QCommandLineOption outboundModeOpt(u"outbound-mode"_s,
                                       u"persistent (one connection, reconnected every second) or per-call "
                                       "(one connection per call entering Stasis)."_s,
                                       u"mode"_s, u"persistent"_s);
    QCommandLineOption outboundAppOpt(u"outbound-app"_s,
                                      u"Application(s) the outbound connection carries, comma-separated "
                                      "(ari.conf apps)."_s,
                                      u"names"_s, u"demo"_s);
    parser.addOptions({ outboundOpt, outboundModeOpt, outboundAppOpt });
    // Replaying a recording (docs/simulator.md, "Replaying a recording").
    QCommandLineOption replayOpt(u"replay"_s,
                                 u"Replay the event frames of this recording (.jsonl: a recorded trace or an "
                                 "Inspector recording) to the applications they name, once the first event "
                                 "WebSocket has connected; GET /channels and /bridges follow the replayed "
                                 "snapshots."_s,
                                 u"file"_s);
    QCommandLineOption speedOpt(u"speed"_s,
                                u"Replay speed: the recorded spacing divided by X (default 1; 0 = as fast as "
                                "possible)."_s,
                                u"X"_s, u"1"_s);
    QCommandLineOption replayDelayOpt(u"replay-delay"_s,
                                      u"Milliseconds between the first event WebSocket and the replay's start "
                                      "(default 500, time for the client's first listings)."_s,
                                      u"ms"_s, u"500"_s);
    QCommandLineOption replayExitOpt(u"replay-exit"_s,
                                     u"Exit (code 0) a second after the replay has sent its last frame."_s);
    parser.addOptions({ replayOpt, speedOpt, replayDelayOpt, replayExitOpt });
    parser.process(app);

    if (parser.isSet(quietOpt))
        QLoggingCategory::setFilterRules(u"qtari.sim.info=false"_s);

    QtAri::Testing::Simulator sim;
    {
        bool ok = false;
        const int major = parser.value(versionModeOpt).toInt(&ok);
        if (!ok || !sim.setAsteriskVersion(major)) {
            std::fprintf(stderr, "ari-sim: --asterisk-version must be 18, 20, 22 or 23\n");
            return 2;
        }
    }
    {
        const QStringList passwords = parser.values(passOpt);
        qsizetype bare = 0;
        for (const QString &v : parser.values(userOpt)) {
            const qsizetype colon = v.indexOf(u':');
            if (colon < 0) { // --user NAME --password PASSWORD
                if (passwords.isEmpty()) {
                    std::fprintf(stderr, "ari-sim: --user %s needs a password (NAME:PASSWORD or --password)\n",
                                 qPrintable(v));
                    return 2;
                }
                sim.addUser(v, passwords.value(bare, passwords.constLast()));
                ++bare;
                continue;
            }
            QString password = v.mid(colon + 1);
            const bool readOnly = password.endsWith(u":readonly"_s);
            if (readOnly)
                password.chop(9);
            if (colon == 0) {
                std::fprintf(stderr, "ari-sim: --user %s has no name\n", qPrintable(v));
                return 2;
            }
            sim.addUser(v.left(colon), password, readOnly);
        }
    }
    if (parser.isSet(roOpt)) {
        const QString v = parser.value(roOpt);
        sim.addUser(v.section(u':', 0, 0), v.section(u':', 1), true);
    }
    if (parser.isSet(floodOpt)) {
        bool ok = false;
        const int n = parser.value(floodOpt).toInt(&ok);
        const int k = parser.value(floodChannelsOpt).toInt();
        if (!ok || n < 0 || k <= 0) {
            std::fprintf(stderr, "ari-sim: bad --flood/--flood-channels value\n");
            return 2;
        }
        const QString mix = parser.value(floodMixOpt);
        if (mix != u"realistic"_s && mix != u"simple"_s) {
            std::fprintf(stderr, "ari-sim: --flood-mix is realistic or simple\n");
            return 2;
        }
        sim.setFlood(n, k, parser.value(floodDelayOpt).toInt(),
                     mix == u"simple"_s ? QtAri::Testing::Simulator::FloodMix::Simple
                                        : QtAri::Testing::Simulator::FloodMix::Realistic);
    }
    bool portOk = false;
    const uint port = parser.value(portOpt).toUInt(&portOk);
    if (!portOk || port > 65535) {
        std::fprintf(stderr, "ari-sim: bad --port value\n");
        return 2;
    }
    if (!sim.start(QHostAddress(parser.value(bindOpt)), quint16(port)))
        return 1;
    if (parser.isSet(trafficOpt)) {
        QtAri::Testing::Simulator::Traffic traffic;
        if (!parseTraffic(parser.value(trafficOpt), &traffic)) {
            std::fprintf(stderr, "ari-sim: cannot parse --traffic %s\n", qPrintable(parser.value(trafficOpt)));
            return 2;
        }
        sim.setTraffic(traffic);
    }
    if (parser.isSet(outboundOpt)) {
        const QUrl target(parser.value(outboundOpt));
        const QString mode = parser.value(outboundModeOpt);
        if (!target.isValid() || (target.scheme() != u"ws"_s && target.scheme() != u"wss"_s)
            || (mode != u"persistent"_s && mode != u"per-call"_s)) {
            std::fprintf(stderr, "ari-sim: --outbound needs a ws:// or wss:// URL and --outbound-mode "
                                 "persistent or per-call\n");
            return 2;
        }
        QtAri::Testing::Simulator::OutboundConnection connection;
        connection.uri = target.adjusted(QUrl::RemoveUserInfo);
        connection.user = target.userName();
        connection.password = target.password();
        connection.perCall = mode == u"per-call"_s;
        connection.apps = parser.value(outboundAppOpt).split(u',', Qt::SkipEmptyParts);
        sim.addOutboundConnection(connection);
    }
    // Machine-readable line for scripts that start us with --port 0.
    std::printf("ari-sim listening on %s\n", qPrintable(sim.url().toString()));
    if (parser.isSet(controlPortOpt)) {
        bool ok = false;
        const uint controlPort = parser.value(controlPortOpt).toUInt(&ok);
        if (!ok || controlPort > 65535) {
            std::fprintf(stderr, "ari-sim: bad --control-port value\n");
            return 2;
        }
        if (!sim.startControl(QHostAddress(parser.value(bindOpt)), quint16(controlPort),
                              parser.value(controlTokenOpt)))
            return 1;
        std::printf("ari-sim control API on %s/control\n", qPrintable(sim.controlUrl().toString()));
    } else if (parser.isSet(controlTokenOpt)) {
        std::fprintf(stderr, "ari-sim: --control-token needs --control-port\n");
        return 2;
    }
    std::fflush(stdout);
    if (parser.isSet(replayOpt)) {
        const QString replayFile = parser.value(replayOpt);
        if (QFile file(replayFile); !file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "ari-sim: cannot read --replay %s\n", qPrintable(replayFile));
            return 2;
        }
        bool speedOk = false;
        bool delayOk = false;
        const double speed = parser.value(speedOpt).toDouble(&speedOk);
        const int delay = parser.value(replayDelayOpt).toInt(&delayOk);
        if (!speedOk || speed < 0 || !delayOk || delay < 0) {
            std::fprintf(stderr, "ari-sim: --speed needs a number >= 0 and --replay-delay milliseconds\n");
            return 2;
        }
        auto started = std::make_shared<bool>(false);
        QObject::connect(&sim, &QtAri::Testing::Simulator::webSocketConnected, &sim,
                         [&sim, replayFile, started, speed, delay](const QStringList &) {
                             if (std::exchange(*started, true))
                                 return;
                             QTimer::singleShot(delay, &sim, [&sim, replayFile, speed] {
                                 QString error;
                                 if (!sim.replayFile(replayFile, speed, &error)) {
                                     std::fprintf(stderr, "ari-sim: cannot read --replay %s: %s\n",
                                                  qPrintable(replayFile), qPrintable(error));
                                     QCoreApplication::exit(2);
                                 }
                             });
                         });
        QObject::connect(&sim, &QtAri::Testing::Simulator::replayFinished, &app,
                         [exit = parser.isSet(replayExitOpt)](qint64 events, qint64 skipped) {
                             std::printf("ari-sim replay finished: %lld events, %lld lines skipped\n",
                                         static_cast<long long>(events), static_cast<long long>(skipped));
                             std::fflush(stdout);
                             if (exit) // a second for the frames still in the sockets' buffers
                                 QTimer::singleShot(1000, qApp, [] { QCoreApplication::exit(0); });
                         });
    } else if (parser.isSet(replayExitOpt)) {
        std::fprintf(stderr, "ari-sim: --replay-exit needs --replay\n");
        return 2;
    }
    if (parser.isSet(scriptOpt)) {
        QFile file(parser.value(scriptOpt));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "ari-sim: cannot read --script %s\n", qPrintable(file.fileName()));
            return 2;
        }
        QObject::connect(&sim, &QtAri::Testing::Simulator::scriptFinished, &app, [](int exitCode) {
            if (exitCode >= 0)
                QCoreApplication::exit(exitCode);
        });
        QString error;
        if (!sim.playScript(file.readAll(), &error)) {
            std::fprintf(stderr, "ari-sim: --script %s: %s\n", qPrintable(file.fileName()), qPrintable(error));
            return 2;
        }
    }
    return app.exec();
}
