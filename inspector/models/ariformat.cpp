// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "ariformat.h"

#include <QtCore/QJsonArray>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

QDateTime parseAriTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

QString formatCallerId(const QJsonObject &callerId)
{
    const QString name = callerId.value("name"_L1).toString();
    const QString number = callerId.value("number"_L1).toString();
    if (name.isEmpty())
        return number;
    if (number.isEmpty())
        return name;
    return u"%1 <%2>"_s.arg(name, number);
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds / 60) % 60;
    const qint64 s = seconds % 60;
    if (h > 0)
        return u"%1:%2:%3"_s.arg(h).arg(m, 2, 10, QChar(u'0')).arg(s, 2, 10, QChar(u'0'));
    return u"%1:%2"_s.arg(m).arg(s, 2, 10, QChar(u'0'));
}

namespace {

    void addId(QStringList &ids, const QString &id)
    {
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }

    // Resource-typed fields and the key that identifies each (ids for channels, bridges and
    // playbacks; names for recordings and device states; technology/resource for endpoints).
    void collectIds(const QJsonObject &event, QStringList &ids)
    {
        for (auto it = event.begin(); it != event.end(); ++it) {
            if (!it.value().isObject())
                continue;
            const QJsonObject obj = it.value().toObject();
            if (obj.contains("id"_L1) && obj.value("id"_L1).isString()) {
                addId(ids, obj.value("id"_L1).toString());
                // A playback names what it plays on: "channel:<id>" or "bridge:<id>".
                const QString target = obj.value("target_uri"_L1).toString();
                if (!target.isEmpty())
                    addId(ids, target.section(u':', 1));
            } else if (obj.contains("technology"_L1) && obj.contains("resource"_L1)) {
                addId(ids,
                    obj.value("technology"_L1).toString() + u'/'
                        + obj.value("resource"_L1).toString());
            } else if (obj.contains("name"_L1) && obj.value("name"_L1).isString()
                && (it.key() == "recording"_L1 || it.key() == "device_state"_L1
                    || it.key() == "mailbox"_L1)) {
                addId(ids, obj.value("name"_L1).toString());
                const QString target = obj.value("target_uri"_L1).toString();
                if (!target.isEmpty())
                    addId(ids, target.section(u':', 1));
            }
        }
    }

    QString channelName(const QJsonObject &event, QLatin1StringView key = "channel"_L1)
    {
        const QJsonObject ch = event.value(key).toObject();
        const QString name = ch.value("name"_L1).toString();
        return name.isEmpty() ? ch.value("id"_L1).toString() : name;
    }

} // namespace

QStringList eventObjectIds(const QJsonObject &event)
{
    QStringList ids;
    collectIds(event, ids);
    return ids;
}

QString eventSummary(const QJsonObject &event)
{
    const QString type = event.value("type"_L1).toString();
    const QJsonObject channel = event.value("channel"_L1).toObject();
    const QJsonObject bridge = event.value("bridge"_L1).toObject();

    if (type == "ChannelDtmfReceived"_L1)
        return u"%1: %2 (%3 ms)"_s.arg(channelName(event), event.value("digit"_L1).toString())
            .arg(event.value("duration_ms"_L1).toInt());
    if (type == "ChannelStateChange"_L1 || type == "ChannelCreated"_L1)
        return u"%1: %2"_s.arg(channelName(event), channel.value("state"_L1).toString());
    if (type == "ChannelDestroyed"_L1 || type == "ChannelHangupRequest"_L1)
        return u"%1: cause %2 %3"_s.arg(channelName(event))
            .arg(event.value("cause"_L1).toInt())
            .arg(event.value("cause_txt"_L1).toString())
            .trimmed();
    if (type == "StasisStart"_L1) {
        QStringList args;
        for (const QJsonValue &v : event.value("args"_L1).toArray())
            args.append(v.toString());
        return u"%1 (%2)"_s.arg(channelName(event), args.join(u','));
    }
    if (type == "ChannelEnteredBridge"_L1 || type == "ChannelLeftBridge"_L1)
        return u"%1 / %2"_s.arg(channelName(event), bridge.value("id"_L1).toString());
    if (type == "ChannelVarset"_L1)
        return u"%1 %2=%3"_s.arg(channelName(event), event.value("variable"_L1).toString(),
            event.value("value"_L1).toString());
    if (type == "ChannelDialplan"_L1)
        return u"%1: %2(%3)"_s.arg(channelName(event), event.value("dialplan_app"_L1).toString(),
            event.value("dialplan_app_data"_L1).toString());
    if (type.startsWith("Playback"_L1)) {
        const QJsonObject pb = event.value("playback"_L1).toObject();
        return u"%1 %2 on %3"_s.arg(pb.value("media_uri"_L1).toString(),
            pb.value("state"_L1).toString(), pb.value("target_uri"_L1).toString());
    }
    if (type.startsWith("Recording"_L1)) {
        const QJsonObject rec = event.value("recording"_L1).toObject();
        return u"%1 %2"_s.arg(rec.value("name"_L1).toString(), rec.value("state"_L1).toString());
    }
    if (type == "Dial"_L1)
        return u"%1 %2"_s
            .arg(channelName(event, "peer"_L1), event.value("dialstatus"_L1).toString())
            .trimmed();
    if (type == "ChannelUserevent"_L1)
        return event.value("eventname"_L1).toString();
    if (type == "DeviceStateChanged"_L1) {
        const QJsonObject ds = event.value("device_state"_L1).toObject();
        return u"%1 %2"_s.arg(ds.value("name"_L1).toString(), ds.value("state"_L1).toString());
    }
    if (!bridge.isEmpty())
        return u"%1 (%2)"_s.arg(
            bridge.value("id"_L1).toString(), bridge.value("bridge_type"_L1).toString());
    if (!channel.isEmpty())
        return channelName(event);
    return eventObjectIds(event).join(u", "_s);
}

QString stasisAppOf(const QJsonObject &channel)
{
    const QJsonObject dialplan = channel.value("dialplan"_L1).toObject();
    if (dialplan.value("app_name"_L1).toString() != "Stasis"_L1)
        return {};
    return dialplan.value("app_data"_L1).toString().section(u',', 0, 0);
}

} // namespace QtAri::Inspector
