// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "laddermodel.h"

#include "ariformat.h"
#include "traffic.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

namespace {

    int kindRank(const QString &kind)
    {
        if (kind == "channel"_L1)
            return 0;
        if (kind == "bridge"_L1)
            return 1;
        if (kind == "playback"_L1)
            return 2;
        return 3;
    }

    QString shortId(const QString &id)
    {
        return id.size() > 14 ? id.left(6) + u'…' + id.right(6) : id;
    }

} // namespace

LadderModel::LadderModel(Traffic *traffic, QObject *parent)
    : QAbstractTableModel(parent), m_traffic(traffic)
{
    m_appTitle = tr("Application");
    if (traffic) {
        connect(traffic, &Traffic::appended, this, &LadderModel::onAppended);
        connect(traffic, &Traffic::trimmed, this, &LadderModel::onTrimmed);
    }
}

LadderModel::~LadderModel() = default;

void LadderModel::setAnchor(const QString &key)
{
    if (key == m_anchor)
        return;
    m_anchor = key;
    refresh();
}

void LadderModel::setFollowLegs(bool follow)
{
    if (follow == m_follow)
        return;
    m_follow = follow;
    refresh();
    Q_EMIT followLegsChanged(follow);
}

void LadderModel::setApplicationTitle(const QString &title)
{
    m_appTitle = title;
    if (!m_lanes.isEmpty()) {
        m_lanes[0].title = title;
        Q_EMIT ladderChanged();
    }
}

void LadderModel::setReferenceRow(int row)
{
    const int next = row >= 0 && row < m_rows.size() ? row : -1;
    if (next == m_reference)
        return;
    m_reference = next;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, DeltaColumn), index(int(m_rows.size()) - 1, DeltaColumn));
    Q_EMIT ladderChanged();
}

QSet<QString> LadderModel::members() const
{
    QSet<QString> out;
    if (m_anchor.isEmpty() || !m_traffic)
        return out;
    if (m_follow) {
        const QStringList all = m_traffic->callMembers(m_anchor);
        out = QSet<QString>(all.begin(), all.end());
    }
    out.insert(m_anchor);
    return out;
}

bool LadderModel::touches(const TrafficItem &item, const QSet<QString> &members) const
{
    if (!m_follow)
        return item.keys.contains(m_anchor);
    return std::any_of(item.keys.cbegin(), item.keys.cend(),
        [&members](const QString &key) { return members.contains(key); });
}

QString LadderModel::laneTitle(const QString &key) const
{
    const QString kind = keyKind(key);
    const QString id = keyId(key);
    if (kind == "channel"_L1) {
        const QString name = m_traffic ? m_traffic->channelSnapshot(id).value("name"_L1).toString()
                                       : QString();
        return name.isEmpty() ? id : name;
    }
    if (kind == "bridge"_L1) {
        const QString type = m_traffic ? m_traffic->bridgeType(id) : QString();
        return type.isEmpty() ? tr("Bridge %1").arg(shortId(id))
                              : tr("Bridge %1 (%2)").arg(shortId(id), type);
    }
    if (kind == "playback"_L1)
        return tr("Playback %1").arg(shortId(id));
    return tr("Recording %1").arg(id);
}

LadderModel::Row LadderModel::makeRow(const TrafficItem &item) const
{
    const QHash<QString, int> &laneOf = m_laneOf;
    Row row;
    row.seq = item.seq;
    row.ns = item.ns;
    row.request = item.isRequest();
    int primary = -1;
    for (const QString &key : item.keys) {
        const int lane = laneOf.value(key, -1);
        if (lane < 0)
            continue;
        if (primary < 0)
            primary = lane;
        else if (!row.marks.contains(lane) && lane != primary)
            row.marks.append(lane);
    }
    if (primary < 0)
        primary = 0;
    if (row.request) {
        row.from = 0;
        row.to = primary;
        const QString path = QUrl::fromPercentEncoding(item.path.toUtf8());
        if (!item.error.isEmpty()) {
            row.failed = true;
            row.label = u"%1 %2 → %3"_s.arg(QString::fromLatin1(item.method), path, item.error);
        } else {
            row.failed = item.status >= 400;
            row.label = u"%1 %2 → %3 (%4 ms)"_s.arg(QString::fromLatin1(item.method), path)
                            .arg(item.status)
                            .arg(double(item.elapsedNs) / 1e6, 0, 'f', 1);
        }
    } else {
        row.from = primary;
        row.to = 0;
        const QString summary = eventSummary(item.json);
        row.label = summary.isEmpty() ? item.type : item.type + u"  "_s + summary;
    }
    return row;
}

void LadderModel::refresh()
{
    beginResetModel();
    m_lanes.clear();
    m_laneOf.clear();
    m_rows.clear();
    m_reference = -1;
    m_seenSeq = m_traffic ? m_traffic->lastSeq() : 0;
    m_root = m_traffic && !m_anchor.isEmpty() ? m_traffic->callOf(m_anchor) : QString();
    m_callSize = m_traffic && !m_anchor.isEmpty() ? m_traffic->callSize(m_anchor) : 0;
    if (m_traffic && !m_anchor.isEmpty()) {
        const QSet<QString> group = members();
        // Lanes: the objects the rows name, channels first, then bridges, playbacks,
        // recordings, each in order of first appearance.
        QList<const TrafficItem *> items;
        QStringList keys;
        for (int i = 0; i < m_traffic->size(); ++i) {
            const TrafficItem &item = m_traffic->at(i);
            if (!touches(item, group))
                continue;
            items.append(&item);
            for (const QString &key : item.keys) {
                if ((group.contains(key) || !m_follow) && !keys.contains(key))
                    keys.append(key);
            }
        }
        std::stable_sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
            return kindRank(keyKind(a)) < kindRank(keyKind(b));
        });
        m_lanes.append({ QString(), m_appTitle });
        for (const QString &key : std::as_const(keys)) {
            m_laneOf.insert(key, int(m_lanes.size()));
            m_lanes.append({ key, laneTitle(key) });
        }
        for (const TrafficItem *item : std::as_const(items))
            m_rows.append(makeRow(*item));
        // Requests are timed from when they were sent, events from when they arrived.
        std::stable_sort(m_rows.begin(), m_rows.end(),
            [](const Row &a, const Row &b) { return a.ns < b.ns; });
    }
    endResetModel();
    Q_EMIT ladderChanged();
}

bool LadderModel::inCall(const TrafficItem &item) const
{
    if (!m_follow)
        return item.keys.contains(m_anchor);
    return std::any_of(item.keys.cbegin(), item.keys.cend(),
        [this](const QString &key) { return m_traffic->callOf(key) == m_root; });
}

void LadderModel::onAppended(quint64 lastSeq)
{
    if (!m_traffic || m_anchor.isEmpty()) {
        m_seenSeq = lastSeq;
        return;
    }
    // The call grew or merged with another (whose past then belongs here too): start again.
    if (m_follow
        && (m_traffic->callOf(m_anchor) != m_root || m_traffic->callSize(m_anchor) != m_callSize)) {
        const quint64 referenceSeq = m_reference >= 0 ? m_rows.at(m_reference).seq : 0;
        refresh();
        for (int i = 0; referenceSeq && i < m_rows.size(); ++i) {
            if (m_rows.at(i).seq == referenceSeq) {
                setReferenceRow(i);
                break;
            }
        }
        return;
    }
    // Otherwise the new rows go in where their time puts them (a request is timed from when it
    // was sent, so it can land before events that arrived while it was under way).
    const quint64 referenceSeq = m_reference >= 0 ? m_rows.at(m_reference).seq : 0;
    bool added = false;
    for (quint64 seq = std::max(m_seenSeq + 1, m_traffic->firstSeq()); seq <= lastSeq; ++seq) {
        const TrafficItem *item = m_traffic->bySeq(seq);
        if (!item || !inCall(*item))
            continue;
        // Without following, an item can name an object that has no lane yet.
        if (std::any_of(item->keys.cbegin(), item->keys.cend(), [this](const QString &key) {
                return !m_laneOf.contains(key) && (!m_follow || m_traffic->callOf(key) == m_root);
            })) {
            m_seenSeq = seq - 1;
            refresh();
            return;
        }
        const Row row = makeRow(*item);
        const auto at = std::upper_bound(m_rows.begin(), m_rows.end(), row.ns,
            [](qint64 ns, const Row &r) { return ns < r.ns; });
        const int index = int(at - m_rows.begin());
        beginInsertRows({}, index, index);
        m_rows.insert(index, row);
        endInsertRows();
        added = true;
    }
    m_seenSeq = lastSeq;
    if (added) {
        if (referenceSeq) {
            for (int i = 0; i < m_rows.size(); ++i) {
                if (m_rows.at(i).seq == referenceSeq) {
                    m_reference = i;
                    break;
                }
            }
        }
        Q_EMIT ladderChanged();
    }
}

void LadderModel::onTrimmed(quint64 firstSeq)
{
    // The oldest items are gone: so are their rows. The grouping was rebuilt from what is held,
    // which only forgets links through the items that went; the lanes stay as they are.
    int gone = 0;
    while (gone < m_rows.size() && m_rows.at(gone).seq < firstSeq)
        ++gone;
    const bool more = std::any_of(m_rows.cbegin() + gone, m_rows.cend(),
        [firstSeq](const Row &row) { return row.seq < firstSeq; });
    if (more) {
        refresh();
        return;
    }
    if (gone > 0) {
        beginRemoveRows({}, 0, gone - 1);
        m_rows.remove(0, gone);
        endRemoveRows();
        m_reference = m_reference >= gone ? m_reference - gone : -1;
    }
    if (m_traffic && !m_anchor.isEmpty()) {
        m_root = m_traffic->callOf(m_anchor);
        m_callSize = m_traffic->callSize(m_anchor);
    }
    if (gone > 0)
        Q_EMIT ladderChanged();
}

int LadderModel::laneCount(const QString &kind) const
{
    return int(std::count_if(m_lanes.cbegin(), m_lanes.cend(),
        [&kind](const Lane &lane) { return !lane.key.isEmpty() && keyKind(lane.key) == kind; }));
}

QString LadderModel::timeText(int row) const
{
    const TrafficItem *item = m_traffic ? m_traffic->bySeq(m_rows.at(row).seq) : nullptr;
    return item ? item->time.toLocalTime().toString(u"HH:mm:ss.zzz"_s) : QString();
}

QString LadderModel::deltaText(int row) const
{
    const int from = m_reference >= 0 ? m_reference : row - 1;
    if (from < 0 || from == row)
        return from == row ? u"0"_s : QString();
    const double ms = double(m_rows.at(row).ns - m_rows.at(from).ns) / 1e6;
    return (ms >= 0 ? u"+"_s : QString()) + QString::number(ms, 'f', 3) + u" ms"_s;
}

QString LadderModel::toText() const
{
    QString out;
    for (int i = 0; i < m_lanes.size(); ++i)
        out += u"lane %1: %2\n"_s.arg(i).arg(m_lanes.at(i).title);
    for (int r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows.at(r);
        out += u"%1  %2  %3 -> %4  %5\n"_s.arg(timeText(r), deltaText(r).rightJustified(14),
            m_lanes.value(row.from).title, m_lanes.value(row.to).title, row.label);
    }
    return out;
}

int LadderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LadderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LadderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return timeText(index.row());
        case DeltaColumn:
            return deltaText(index.row());
        case FromColumn:
            return m_lanes.value(row.from).title;
        case ToColumn:
            return m_lanes.value(row.to).title;
        case MessageColumn:
            return row.label;
        }
        return {};
    case SeqRole:
        return row.seq;
    case IsRequestRole:
        return row.request;
    case JsonRole: {
        const TrafficItem *item = m_traffic ? m_traffic->bySeq(row.seq) : nullptr;
        if (!item)
            return {};
        return item->isRequest() ? Traffic::requestJson(*item) : item->json;
    }
    }
    return {};
}

QVariant LadderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case DeltaColumn:
        return tr("Delta");
    case FromColumn:
        return tr("From");
    case ToColumn:
        return tr("To");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace QtAri::Inspector
