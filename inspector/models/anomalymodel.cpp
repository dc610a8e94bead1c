// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "anomalymodel.h"

#include "ariformat.h"
#include "traffic.h"

#include <QtAri/Bridge>
#include <QtAri/Channel>
#include <QtAri/Client>
#include <QtAri/Transport>

#include <QtCore/QJsonDocument>
#include <QtCore/QMetaEnum>
#include <QtCore/QUrl>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

namespace {

    constexpr int recentEvents = 256; // how far back a repeat is looked for

    QString stateText(QtAri::Channel::State state)
    {
        return QString::fromLatin1(
            QMetaEnum::fromType<QtAri::Channel::State>().valueToKey(int(state)));
    }

} // namespace

AnomalyModel::AnomalyModel(QtAri::Client *client, QObject *parent)
    : QAbstractTableModel(parent), m_client(client)
{
    m_clock.start();
    m_check.setInterval(1000);
    connect(&m_check, &QTimer::timeout, this, &AnomalyModel::check);
    m_check.start();
    if (client) {
        connect(client, &QtAri::Client::stateChanged, this, [this](QtAri::Client::State state) {
            // The mirror as it was when the socket went down, to compare after the resync.
            if (state == QtAri::Client::State::Reconnecting && !m_haveSnapshot)
                takeSnapshot();
        });
        connect(client, &QtAri::Client::connected, this, &AnomalyModel::compareSnapshot);
        connect(client, &QtAri::Client::disconnected, this, [this] { m_haveSnapshot = false; });
    }
}

AnomalyModel::~AnomalyModel() = default;

QString AnomalyModel::kindText(Kind kind)
{
    switch (kind) {
    case Kind::RepeatedEvent:
        return tr("Repeated event");
    case Kind::PlaybackNeverFinished:
        return tr("Playback never finished");
    case Kind::RestError:
        return tr("REST error");
    case Kind::OutsideStasis:
        return tr("Outside Stasis");
    case Kind::ChangedWhileDisconnected:
        return tr("Changed while disconnected");
    }
    return {};
}

void AnomalyModel::add(Kind kind, const QString &object, const QString &message)
{
    if (int(m_rows.size()) >= m_maxRows) {
        beginRemoveRows({}, 0, 0);
        m_rows.pop_front();
        endRemoveRows();
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back({ QDateTime::currentDateTimeUtc(), kind, object, message });
    endInsertRows();
    Q_EMIT found(m_rows.back());
    Q_EMIT countChanged(count());
}

void AnomalyModel::setMaxRows(int rows)
{
    m_maxRows = std::max(1, rows);
    const int excess = int(m_rows.size()) - m_maxRows;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
        endRemoveRows();
        Q_EMIT countChanged(count());
    }
}

int AnomalyModel::countOf(Kind kind) const
{
    return int(std::count_if(
        m_rows.cbegin(), m_rows.cend(), [kind](const Finding &f) { return f.kind == kind; }));
}

void AnomalyModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    Q_EMIT countChanged(0);
}

void AnomalyModel::noteEvent(const QJsonObject &event)
{
    const QString type = event.value("type"_L1).toString();
    const QStringList ids = eventObjectIds(event);
    // A repeat has the same type, timestamp and objects; only then is the whole event compared.
    const QString fingerprint =
        type + u'\x1f' + event.value("timestamp"_L1).toString() + u'\x1f' + ids.join(u'\x1f');
    const auto seen = m_recent.constFind(fingerprint);
    if (seen != m_recent.constEnd() && seen.value() == event) {
        const QString key = Traffic::eventKeys(event).value(0);
        add(Kind::RepeatedEvent, key.isEmpty() ? ids.value(0) : key,
            tr("%1 arrived again, identical (%2)").arg(type, eventSummary(event)));
    } else if (seen == m_recent.constEnd()) {
        m_recent.insert(fingerprint, event);
        m_recentOrder.push_back(fingerprint);
        if (int(m_recentOrder.size()) > recentEvents) {
            m_recent.remove(m_recentOrder.front());
            m_recentOrder.pop_front();
        }
    }

    if (type.startsWith("Playback"_L1)) {
        const QJsonObject playback = event.value("playback"_L1).toObject();
        const QString id = playback.value("id"_L1).toString();
        if (type == "PlaybackFinished"_L1 || playback.value("state"_L1).toString() == "done"_L1
            || playback.value("state"_L1).toString() == "failed"_L1) {
            m_playing.remove(id);
            m_reportedPlaybacks.remove(id);
        } else if (!id.isEmpty() && !m_playing.contains(id)) {
            m_playing.insert(id, m_clock.elapsed());
        }
    }
}

void AnomalyModel::noteExchange(const QtAri::Exchange &exchange)
{
    const QString what = QString::fromLatin1(exchange.request.method) + u' '
        + QUrl::fromPercentEncoding(exchange.request.path);
    if (!exchange.result) {
        add(Kind::RestError, exchange.request.operation,
            tr("%1: %2").arg(what, exchange.result.error().toString()));
        return;
    }
    const QtAri::Response &response = *exchange.result;
    if (response.status < 400)
        return;
    // Asterisk explains itself in {"message": …} (or {"error": …}).
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    QString message = body.value("message"_L1).toString();
    if (message.isEmpty())
        message = body.value("error"_L1).toString();
    add(Kind::RestError, exchange.request.operation,
        message.isEmpty() ? tr("%1: HTTP %2").arg(what).arg(response.status)
                          : tr("%1: HTTP %2: %3").arg(what).arg(response.status).arg(message));
}

void AnomalyModel::check()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_playing.cbegin(); it != m_playing.cend(); ++it) {
        if (now - it.value() >= m_playbackTimeoutMs && !m_reportedPlaybacks.contains(it.key())) {
            m_reportedPlaybacks.insert(it.key());
            add(Kind::PlaybackNeverFinished, u"playback:"_s + it.key(),
                tr("no PlaybackFinished %n second(s) after it started (an unsupported media URI?)",
                    nullptr, int((now - it.value()) / 1000)));
        }
    }
    if (!m_client)
        return;
    QSet<QString> outside;
    int overdue = 0; // reported one by one up to a few per check, the rest as one line
    constexpr int perCheck = 10;
    for (QtAri::Channel *channel : m_client->liveChannels()) {
        if (channel->isInStasis())
            continue;
        const QString id = channel->id();
        outside.insert(id);
        const qint64 since = m_outsideSince.value(id, -1);
        if (since < 0) {
            m_outsideSince.insert(id, now);
        } else if (now - since >= m_stasisTimeoutMs && !m_reportedOutside.contains(id)) {
            m_reportedOutside.insert(id);
            if (++overdue > perCheck)
                continue;
            add(Kind::OutsideStasis, u"channel:"_s + id,
                tr("%1 has been outside Stasis for %n second(s) (%2)", nullptr,
                    int((now - since) / 1000))
                    .arg(channel->name(), channel->dialplan().appName()));
        }
    }
    if (overdue > perCheck)
        add(Kind::OutsideStasis, QString(),
            tr("and %n more channel(s) outside Stasis for more than %1 s", nullptr,
                overdue - perCheck)
                .arg(m_stasisTimeoutMs / 1000));
    // Channels that entered Stasis or ended are forgotten.
    for (auto it = m_outsideSince.begin(); it != m_outsideSince.end();) {
        if (outside.contains(it.key())) {
            ++it;
        } else {
            m_reportedOutside.remove(it.key());
            it = m_outsideSince.erase(it);
        }
    }
}

void AnomalyModel::takeSnapshot()
{
    m_channelsBefore.clear();
    m_bridgesBefore.clear();
    if (!m_client)
        return;
    for (QtAri::Channel *c : m_client->liveChannels()) {
        m_channelsBefore.insert(c->id(),
            { c->name(), stateText(c->state()), c->bridge() ? c->bridge()->id() : QString() });
    }
    for (QtAri::Bridge *b : m_client->liveBridges())
        m_bridgesBefore.insert(b->id(), { b->name(), b->bridgeType(), b->channelIds().join(u',') });
    m_haveSnapshot = true;
}

void AnomalyModel::compareSnapshot()
{
    if (!m_haveSnapshot || !m_client)
        return;
    m_haveSnapshot = false;
    // A few hundred lines say what happened; past that, one line counts the rest.
    int reported = 0;
    constexpr int limit = 200;
    const auto report = [this, &reported](const QString &object, const QString &message) {
        if (++reported <= limit)
            add(Kind::ChangedWhileDisconnected, object, message);
    };
    QSet<QString> nowChannels;
    for (QtAri::Channel *c : m_client->liveChannels()) {
        nowChannels.insert(c->id());
        const Snapshot now { c->name(), stateText(c->state()),
            c->bridge() ? c->bridge()->id() : QString() };
        const auto before = m_channelsBefore.constFind(c->id());
        if (before == m_channelsBefore.constEnd()) {
            report(u"channel:"_s + c->id(),
                tr("%1 appeared (%2)").arg(c->name(), now.state));
        } else if (before->state != now.state || before->bridge != now.bridge) {
            QStringList changes;
            if (before->state != now.state)
                changes.append(tr("state %1 → %2").arg(before->state, now.state));
            if (before->bridge != now.bridge)
                changes.append(tr("bridge %1 → %2")
                        .arg(before->bridge.isEmpty() ? tr("none") : before->bridge,
                            now.bridge.isEmpty() ? tr("none") : now.bridge));
            report(u"channel:"_s + c->id(),
                tr("%1: %2").arg(c->name(), changes.join(u", "_s)));
        }
    }
    for (auto it = m_channelsBefore.cbegin(); it != m_channelsBefore.cend(); ++it) {
        if (!nowChannels.contains(it.key()))
            report(u"channel:"_s + it.key(),
                tr("%1 ended").arg(it->name));
    }
    QSet<QString> nowBridges;
    for (QtAri::Bridge *b : m_client->liveBridges()) {
        nowBridges.insert(b->id());
        const auto before = m_bridgesBefore.constFind(b->id());
        const QString members = b->channelIds().join(u',');
        if (before == m_bridgesBefore.constEnd())
            report(u"bridge:"_s + b->id(),
                tr("bridge %1 appeared").arg(b->id()));
        else if (before->bridge != members)
            report(u"bridge:"_s + b->id(),
                tr("bridge %1: members changed").arg(b->id()));
    }
    for (auto it = m_bridgesBefore.cbegin(); it != m_bridgesBefore.cend(); ++it) {
        if (!nowBridges.contains(it.key()))
            report(u"bridge:"_s + it.key(),
                tr("bridge %1 was destroyed").arg(it.key()));
    }
    if (reported > limit)
        add(Kind::ChangedWhileDisconnected, QString(),
            tr("and %n more change(s) while disconnected", nullptr, reported - limit));
    m_channelsBefore.clear();
    m_bridgesBefore.clear();
}

int AnomalyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

int AnomalyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnomalyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Finding &f = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return f.time.toLocalTime().toString(u"HH:mm:ss.zzz"_s);
        case KindColumn:
            return kindText(f.kind);
        case ObjectColumn:
            return f.object;
        case MessageColumn:
            return f.message;
        }
        return {};
    case KindRole:
        return int(f.kind);
    case ObjectRole:
        return f.object;
    }
    return {};
}

QVariant AnomalyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Kind");
    case ObjectColumn:
        return tr("Object");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace QtAri::Inspector
