// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Helpers shared by the benchmark programs: process figures, the flood description, output.
#pragma once

#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

#include <array>
#include <cstddef>

namespace QtAri::Bench {

//! CPU time (user + system) this process has used, in microseconds (getrusage).
double cpuMicros();
//! Current resident set size in MiB (VmRSS of /proc/self/status).
double rssMb();
//! Peak resident set size in MiB (VmHWM of /proc/self/status).
double peakRssMb();
//! Bytes the C heap has handed out and not taken back (mallinfo2().uordblks).
double heapMb();

//! What a new events socket of a flood server will receive (GET /flood/info, BENCH-PROTOCOL.md).
struct FloodInfo
{
    qint64 events = 0;
    QStringList channelIds;
    QHash<QString, qint64> counts;
    QString mix; //!< "realistic", "simple", or empty from a server that does not say
    //! Per channel that enters Stasis: the ChannelStateChange, ChannelDtmfReceived and
    //! ChannelDestroyed events that name it (what its per-object handlers see), when announced.
    QHash<QString, std::array<qint64, 3>> perObject;
    QString error; //!< empty when the description was read
};
FloodInfo fetchFloodInfo(const QUrl &base);

//! The server's own channels (GET /ari/channels), for the REST measure against any ARI server.
QStringList fetchChannelIds(const QUrl &base, const QString &user, const QString &password);

//! http://host:port from what the user typed (a trailing /ari or / is dropped).
QUrl baseUrl(const QString &text);
//! ws(s)://host:port/ari/events?app=APP
QUrl eventsUrl(const QUrl &base, const QString &app);
QByteArray basicAuth(const QString &user, const QString &password);

inline bool isSentinel(const QString &type, const QString &eventName)
{
    return type == u"ChannelUserevent" && eventName == u"BenchDone";
}

double median(QList<double> values);
//! Nearest-rank percentile of sorted values.
double percentile(const QList<double> &sorted, double p);
double rounded(double value, int digits = 3);

//! Prints one compact JSON line on stdout ({"client": client, "measure": measure, ...}).
void printResult(const QString &client, const QString &measure, QJsonObject fields);

} // namespace QtAri::Bench
