// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "benchutil.h"

#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <malloc.h>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace QtAri::Bench {

double cpuMicros()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const auto us = [](const timeval &tv) { return double(tv.tv_sec) * 1e6 + double(tv.tv_usec); };
    return us(usage.ru_utime) + us(usage.ru_stime);
}

static double statusFieldMb(QByteArrayView field)
{
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return 0;
    const QByteArray text = file.readAll();
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(field)) {
            // "VmRSS:\t   12345 kB"
            const QByteArray number = line.mid(field.size()).trimmed().split(' ').value(0);
            return number.toDouble() / 1024.0;
        }
    }
    return 0;
}

double rssMb()
{
    return statusFieldMb("VmRSS:");
}
double peakRssMb()
{
    return statusFieldMb("VmHWM:");
}

double heapMb()
{
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks) / 1048576.0;
}

static QByteArray syncGet(const QUrl &url, const QByteArray &authorization, QString *error)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    request.setTransferTimeout(10000);
    QNetworkReply *reply = manager.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError || status != 200) {
        *error = u"GET %1: HTTP %2 %3"_s.arg(url.path()).arg(status).arg(reply->errorString());
        body.clear();
    }
    delete reply;
    return body;
}

FloodInfo fetchFloodInfo(const QUrl &base)
{
    FloodInfo info;
    QUrl url = base;
    url.setPath(u"/flood/info"_s);
    const QByteArray body = syncGet(url, {}, &info.error);
    if (!info.error.isEmpty())
        return info;
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    if (!object.value("events"_L1).isDouble() || !object.value("channel_ids"_L1).isArray()) {
        info.error = u"/flood/info: not a flood description"_s;
        return info;
    }
    info.events = qint64(object.value("events"_L1).toDouble());
    for (const QJsonValue &id : object.value("channel_ids"_L1).toArray())
        info.channelIds.append(id.toString());
    const QJsonObject counts = object.value("counts"_L1).toObject();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        info.counts.insert(it.key(), qint64(it.value().toDouble()));
    info.mix = object.value("mix"_L1).toString();
    const QJsonObject perObject = object.value("per_object"_L1).toObject();
    const QJsonArray types = perObject.value("types"_L1).toArray();
    const QStringList expected { u"ChannelStateChange"_s, u"ChannelDtmfReceived"_s, u"ChannelDestroyed"_s };
    std::array<qsizetype, 3> column { -1, -1, -1 };
    for (qsizetype t = 0; t < types.size(); ++t) {
        if (const qsizetype e = expected.indexOf(types.at(t).toString()); e >= 0)
            column[e] = t;
    }
    const QJsonObject channels = perObject.value("channels"_L1).toObject();
    for (auto it = channels.begin(); it != channels.end(); ++it) {
        const QJsonArray a = it.value().toArray();
        std::array<qint64, 3> c {};
        for (int e = 0; e < 3; ++e)
            c[e] = column[e] >= 0 ? qint64(a.at(column[e]).toDouble()) : 0;
        info.perObject.insert(it.key(), c);
    }
    return info;
}

QStringList fetchChannelIds(const QUrl &base, const QString &user, const QString &password)
{
    QUrl url = base;
    url.setPath(u"/ari/channels"_s);
    QString error;
    const QByteArray body = syncGet(url, basicAuth(user, password), &error);
    QStringList ids;
    for (const QJsonValue &channel : QJsonDocument::fromJson(body).array())
        ids.append(channel.toObject().value("id"_L1).toString());
    return ids;
}

QUrl baseUrl(const QString &text)
{
    QUrl url(text);
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    if (path.endsWith(u"/ari"))
        path.chop(4);
    url.setPath(path);
    return url;
}

QUrl eventsUrl(const QUrl &base, const QString &app)
{
    QUrl url = base;
    url.setScheme(base.scheme() == u"https" ? u"wss"_s : u"ws"_s);
    url.setPath(base.path() + u"/ari/events"_s);
    QUrlQuery query;
    query.addQueryItem(u"app"_s, app);
    url.setQuery(query);
    return url;
}

QByteArray basicAuth(const QString &user, const QString &password)
{
    return "Basic " + (user + u':' + password).toUtf8().toBase64();
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2;
}

double percentile(const QList<double> &sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const qsizetype rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}

double rounded(double value, int digits)
{
    const double scale = std::pow(10.0, digits);
    return std::round(value * scale) / scale;
}

void printResult(const QString &client, const QString &measure, QJsonObject fields)
{
    fields.insert(u"client"_s, client);
    fields.insert(u"measure"_s, measure);
    const QByteArray line = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace QtAri::Bench
