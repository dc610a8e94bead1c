// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "traffic.h"

#include <QtAri/Transport>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

namespace {

    // What a JSON object in an event or a REST answer is, as an object key; empty if none.
    QString snapshotKey(const QJsonObject &o)
    {
        const QString id = o.value("id"_L1).toString();
        if (!id.isEmpty()) {
            if (o.contains("bridge_type"_L1) || o.contains("bridge_class"_L1))
                return u"bridge:"_s + id;
            if (o.contains("media_uri"_L1))
                return u"playback:"_s + id;
            if (o.contains("name"_L1) && o.contains("state"_L1))
                return u"channel:"_s + id;
            return {};
        }
        const QString name = o.value("name"_L1).toString();
        if (!name.isEmpty() && o.contains("format"_L1) && o.contains("state"_L1))
            return u"recording:"_s + name;
        return {};
    }

    // "channel:ID" from a playback's or recording's target_uri ("channel:ID", "bridge:ID").
    QString targetKey(const QString &uri)
    {
        const QString kind = uri.section(u':', 0, 0);
        const QString id = uri.section(u':', 1);
        if (id.isEmpty())
            return {};
        if (kind == "channel"_L1 || kind == "bridge"_L1)
            return kind + u':' + id;
        return {};
    }

    void addUnique(QStringList &keys, const QString &key)
    {
        if (!key.isEmpty() && !keys.contains(key))
            keys.append(key);
    }

    // The field an event is mainly about, by its type.
    QLatin1StringView primaryField(const QString &type)
    {
        if (type.startsWith("Playback"_L1))
            return "playback"_L1;
        if (type.startsWith("Recording"_L1))
            return "recording"_L1;
        if (type.startsWith("Bridge"_L1))
            return "bridge"_L1;
        if (type == "Dial"_L1)
            return "peer"_L1;
        return "channel"_L1;
    }

    QString asteriskTime(const QDateTime &t)
    {
        return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u"+0000"_s;
    }

} // namespace

QString keyKind(const QString &key)
{
    return key.section(u':', 0, 0);
}

QString keyId(const QString &key)
{
    return key.section(u':', 1);
}

Traffic::Traffic(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_started = QDateTime::currentDateTimeUtc();
    m_batch.setInterval(100);
    m_batch.setSingleShot(true);
    connect(&m_batch, &QTimer::timeout, this, [this] { Q_EMIT appended(lastSeq()); });
}

Traffic::~Traffic() = default;

QStringList Traffic::eventKeys(const QJsonObject &event)
{
    QStringList keys;
    const QString type = event.value("type"_L1).toString();
    const QLatin1StringView primary = primaryField(type);
    addUnique(keys, snapshotKey(event.value(primary).toObject()));
    for (auto it = event.constBegin(); it != event.constEnd(); ++it) {
        if (it.value().isObject()) {
            const QJsonObject o = it.value().toObject();
            addUnique(keys, snapshotKey(o));
            if (it.key() == "playback"_L1 || it.key() == "recording"_L1)
                addUnique(keys, targetKey(o.value("target_uri"_L1).toString()));
        } else if (it.value().isString() && it.key().endsWith("_bridge"_L1)) {
            // BridgeAttendedTransfer names some bridges by id only.
            const QString id = it.value().toString();
            if (!id.isEmpty())
                addUnique(keys, u"bridge:"_s + id);
        }
    }
    return keys;
}

void Traffic::addNameLinks(const QJsonObject &channel, QStringList &keys)
{
    const QString id = channel.value("id"_L1).toString();
    const QString name = channel.value("name"_L1).toString();
    if (id.isEmpty() || name.isEmpty())
        return;
    m_nodes[size_t(nodeOf(u"channel:"_s + id))].snapshot = channel;
    if (name.startsWith("Local/"_L1)) {
        // "Local/100@ctx-0000002a;1" and ";2" are the two halves of one Local channel.
        const qsizetype semi = name.lastIndexOf(u';');
        if (semi > 0) {
            const QString half = name.left(semi);
            const auto it = m_localHalves.constFind(half);
            if (it == m_localHalves.constEnd())
                m_localHalves.insert(half, id);
            else if (it.value() != id)
                addUnique(keys, u"channel:"_s + it.value());
        }
    } else if (name.startsWith("Snoop/"_L1)) {
        // Asterisk names a snoop channel "Snoop/<spied channel's id>-<8 hex digits>".
        const QString spied = name.mid(6).section(u'-', 0, -2);
        if (!spied.isEmpty() && spied != id)
            addUnique(keys, u"channel:"_s + spied);
    }
}

void Traffic::addEvent(const QJsonObject &event)
{
    TrafficItem item;
    item.kind = TrafficItem::Kind::Event;
    item.ns = m_clock.nsecsElapsed();
    item.time = m_started.addMSecs(item.ns / 1000000);
    item.type = event.value("type"_L1).toString();
    item.keys = eventKeys(event);
    for (auto it = event.constBegin(); it != event.constEnd(); ++it) {
        if (!it.value().isObject())
            continue;
        const QJsonObject o = it.value().toObject();
        const QString key = snapshotKey(o);
        if (key.startsWith("channel:"_L1))
            addNameLinks(o, item.links);
        else if (key.startsWith("bridge:"_L1))
            setBridgeType(keyId(key), o.value("bridge_type"_L1).toString());
    }
    item.json = event;
    push(std::move(item));
}

void Traffic::addExchange(const QtAri::Exchange &exchange)
{
    TrafficItem item;
    item.kind = TrafficItem::Kind::Request;
    const QtAri::Request &request = exchange.request;
    const qint64 now = m_clock.nsecsElapsed();
    item.ns = std::max<qint64>(0, now - exchange.elapsedNs);
    item.time = exchange.sentAt.isValid() ? exchange.sentAt.toUTC()
                                          : m_started.addMSecs(item.ns / 1000000);
    item.type = request.operation;
    item.method = request.method;
    item.path = QString::fromUtf8(request.path);
    if (!request.query.isEmpty())
        item.path += u'?' + QString::fromUtf8(request.query);
    item.elapsedNs = exchange.elapsedNs;
    item.internal = exchange.internal;
    item.overWebSocket = exchange.overWebSocket;

    // The objects it names: ids in the path, in the query, and the object that came back.
    const QStringList segments = QString::fromUtf8(request.path).split(u'/', Qt::SkipEmptyParts);
    const auto segment = [&segments](qsizetype i) {
        return i < segments.size() ? QUrl::fromPercentEncoding(segments.at(i).toUtf8()) : QString();
    };
    const QString resource = segment(0);
    if (resource == "channels"_L1 || resource == "bridges"_L1 || resource == "playbacks"_L1) {
        const QString kind = resource.chopped(1);
        addUnique(item.keys, segments.size() > 1 ? kind + u':' + segment(1) : QString());
        const QString sub = segment(2);
        if (segments.size() > 3 && (sub == "play"_L1))
            addUnique(item.keys, u"playback:"_s + segment(3));
        if (segments.size() > 3 && sub == "snoop"_L1)
            addUnique(item.keys, u"channel:"_s + segment(3));
    } else if (resource == "recordings"_L1 && segment(1) == "live"_L1 && segments.size() > 2) {
        addUnique(item.keys, u"recording:"_s + segment(2));
    }
    const QUrlQuery query(QString::fromUtf8(request.query));
    const auto param = [&query](const QString &name) {
        return query.queryItemValue(name, QUrl::FullyDecoded);
    };
    for (const QString &name : { u"channelId"_s, u"otherChannelId"_s, u"snoopId"_s }) {
        const QString v = param(name);
        if (!v.isEmpty())
            addUnique(item.keys, u"channel:"_s + v);
    }
    if (!param(u"playbackId"_s).isEmpty())
        addUnique(item.keys, u"playback:"_s + param(u"playbackId"_s));
    if (resource == "bridges"_L1) {
        const QString channels = param(u"channel"_s);
        for (const QString &id : channels.split(u',', Qt::SkipEmptyParts))
            addUnique(item.keys, u"channel:"_s + id);
    }
    if (segment(2) == "record"_L1 && !param(u"name"_s).isEmpty())
        addUnique(item.keys, u"recording:"_s + param(u"name"_s));

    if (exchange.result) {
        const QtAri::Response &response = *exchange.result;
        item.status = response.status;
        QJsonObject json = requestJson(item);
        // Only an object answer names an object (a listing is an array, and can be megabytes
        // that the GUI thread should not parse twice): the rest is kept as text, cut short.
        const qsizetype start = response.body.indexOf('{');
        const bool object = start >= 0 && response.body.left(start).trimmed().isEmpty()
            && response.body.size() <= 256 * 1024;
        QJsonParseError error;
        const QJsonDocument doc =
            object ? QJsonDocument::fromJson(response.body, &error) : QJsonDocument();
        if (object && error.error == QJsonParseError::NoError) {
            json.insert(u"response"_s, doc.object());
            {
                const QJsonObject body = doc.object();
                const QString key = snapshotKey(body);
                addUnique(item.keys, key);
                if (key.startsWith("channel:"_L1))
                    addNameLinks(body, item.links);
                else if (key.startsWith("bridge:"_L1))
                    setBridgeType(keyId(key), body.value("bridge_type"_L1).toString());
            }
        } else if (!response.body.isEmpty()) {
            QString text = QString::fromUtf8(response.body.left(4096));
            if (response.body.size() > 4096)
                text += tr(" … (%n bytes)", nullptr, int(std::min<qsizetype>(response.body.size(), std::numeric_limits<int>::max())));
            json.insert(u"response"_s, text);
        }
        if (!request.body.isEmpty()) {
            const QJsonDocument body = QJsonDocument::fromJson(request.body);
            json.insert(u"request_body"_s,
                body.isObject() ? QJsonValue(body.object()) : QJsonValue(QString::fromUtf8(request.body)));
        }
        item.json = json;
    } else {
        item.error = exchange.result.error().message();
        item.json = requestJson(item);
    }
    push(std::move(item));
}

QJsonObject Traffic::requestJson(const TrafficItem &item)
{
    QJsonObject json {
        { u"method"_s, QString::fromLatin1(item.method) },
        { u"path"_s, item.path },
        { u"operation"_s, item.type },
        { u"sent"_s, asteriskTime(item.time) },
        { u"latency_ms"_s, double(item.elapsedNs) / 1e6 },
        { u"transport"_s, item.overWebSocket ? u"websocket"_s : u"http"_s },
    };
    if (item.internal)
        json.insert(u"internal"_s, true);
    if (item.error.isEmpty())
        json.insert(u"status"_s, item.status);
    else
        json.insert(u"error"_s, item.error);
    if (!item.json.isEmpty()) {
        for (auto it = item.json.constBegin(); it != item.json.constEnd(); ++it) {
            if (!json.contains(it.key()))
                json.insert(it.key(), it.value());
        }
    }
    return json;
}

void Traffic::push(TrafficItem &&item)
{
    item.seq = m_nextSeq++;
    item.nodes.clear();
    item.nodes.reserve(item.keys.size() + item.links.size());
    for (const QString &key : std::as_const(item.keys))
        item.nodes.append(nodeOf(key));
    for (const QString &key : std::as_const(item.links))
        item.nodes.append(nodeOf(key));
    // First appearance counts from the first item naming it, in the item's order (main key first).
    for (int node : std::as_const(item.nodes)) {
        if (m_nodes[size_t(node)].order == unordered)
            m_nodes[size_t(node)].order = m_nextOrder++;
    }
    link(item.nodes);
    m_items.push_back(std::move(item));
    int dropped = 0;
    while (int(m_items.size()) > m_maxItems) {
        m_items.pop_front();
        ++dropped;
    }
    if (dropped > 0) {
        m_droppedSinceRebuild += dropped;
        // Rebuild the grouping from what is held once half of it has gone, so that the maps
        // follow the items instead of growing for ever.
        if (m_droppedSinceRebuild >= std::max(1, m_maxItems / 2))
            rebuild();
    }
    if (!m_batch.isActive())
        m_batch.start();
}

void Traffic::setMaxItems(int items)
{
    m_maxItems = std::max(1, items);
    bool dropped = false;
    while (int(m_items.size()) > m_maxItems) {
        m_items.pop_front();
        dropped = true;
    }
    if (dropped)
        rebuild();
}

const TrafficItem *Traffic::bySeq(quint64 seq) const
{
    if (m_items.empty() || seq < m_items.front().seq || seq > m_items.back().seq)
        return nullptr;
    return &m_items.at(size_t(seq - m_items.front().seq));
}

void Traffic::setBridgeType(const QString &id, const QString &type)
{
    Node &node = m_nodes[size_t(nodeOf(u"bridge:"_s + id))];
    node.bridgeType = type;
    node.holding = type == "holding"_L1;
}

int Traffic::nodeIfAny(const QString &key) const
{
    return m_nodeIds.value(key, -1);
}

QJsonObject Traffic::channelSnapshot(const QString &id) const
{
    const int node = nodeIfAny(u"channel:"_s + id);
    return node < 0 ? QJsonObject() : m_nodes[size_t(node)].snapshot;
}

QString Traffic::bridgeType(const QString &id) const
{
    const int node = nodeIfAny(u"bridge:"_s + id);
    return node < 0 ? QString() : m_nodes[size_t(node)].bridgeType;
}

int Traffic::nodeOf(const QString &key)
{
    const auto it = m_nodeIds.constFind(key);
    if (it != m_nodeIds.constEnd())
        return it.value();
    const int node = int(m_nodes.size());
    // The members of a holding bridge do not hear each other: it does not join their calls
    // (setBridgeType() marks them).
    m_nodes.push_back({ node, 1, unordered, false, {}, {} });
    m_keys.append(key);
    m_nodeIds.insert(key, node);
    return node;
}

int Traffic::find(int node) const
{
    int root = node;
    while (m_nodes[size_t(root)].parent != root)
        root = m_nodes[size_t(root)].parent;
    while (node != root) { // path compression
        const int next = m_nodes[size_t(node)].parent;
        m_nodes[size_t(node)].parent = root;
        node = next;
    }
    return root;
}

void Traffic::link(const QList<int> &nodes)
{
    int root = -1;
    for (int node : nodes) {
        if (m_nodes[size_t(node)].holding)
            continue;
        int joining = find(node);
        if (root < 0) {
            root = joining;
        } else if (joining != root) {
            // The older key stays the representative.
            if (m_nodes[size_t(joining)].order < m_nodes[size_t(root)].order)
                std::swap(root, joining);
            m_nodes[size_t(joining)].parent = root;
            m_nodes[size_t(root)].size += m_nodes[size_t(joining)].size;
            ++m_generation;
        }
    }
}

void Traffic::rebuild()
{
    // The links are on the items (keys and name links): the calls are their union again. What
    // is known about objects no item names any more goes with them.
    m_droppedSinceRebuild = 0;
    std::vector<int> renumbered(m_nodes.size(), -1);
    for (const TrafficItem &item : m_items) {
        for (int node : item.nodes)
            renumbered[size_t(node)] = 0;
    }
    std::vector<Node> nodes;
    QList<QString> keys;
    m_nodeIds.clear();
    for (size_t old = 0; old < m_nodes.size(); ++old) {
        if (renumbered[old] < 0)
            continue;
        const int node = int(nodes.size());
        renumbered[old] = node;
        Node &was = m_nodes[old];
        nodes.push_back({ node, 1, was.order, was.holding, std::move(was.snapshot),
            std::move(was.bridgeType) });
        keys.append(m_keys.at(qsizetype(old)));
        m_nodeIds.insert(keys.constLast(), node);
    }
    m_nodes = std::move(nodes);
    m_keys = std::move(keys);
    for (TrafficItem &item : m_items) {
        for (int &node : item.nodes)
            node = renumbered[size_t(node)];
        link(item.nodes);
    }
    // Snapshots and bridge types went with their nodes; the Local halves are few.
    for (auto it = m_localHalves.begin(); it != m_localHalves.end();)
        it = m_nodeIds.contains(u"channel:"_s + it.value()) ? std::next(it) : m_localHalves.erase(it);
    ++m_generation;
    Q_EMIT trimmed(firstSeq());
}

int Traffic::callSize(const QString &key) const
{
    const auto it = m_nodeIds.constFind(key);
    return it == m_nodeIds.constEnd() ? 1 : m_nodes[size_t(find(it.value()))].size;
}

QString Traffic::callOf(const QString &key) const
{
    const auto it = m_nodeIds.constFind(key);
    return it == m_nodeIds.constEnd() ? key : m_keys.at(find(it.value()));
}

QStringList Traffic::callMembers(const QString &key) const
{
    const auto it = m_nodeIds.constFind(key);
    if (it == m_nodeIds.constEnd())
        return { key };
    const int root = find(it.value());
    std::vector<std::pair<quint64, int>> members;
    for (int node = 0; node < int(m_nodes.size()); ++node) {
        if (find(node) == root)
            members.push_back({ m_nodes[size_t(node)].order, node });
    }
    std::sort(members.begin(), members.end());
    QStringList out;
    out.reserve(qsizetype(members.size()));
    for (const auto &m : members)
        out.append(m_keys.at(m.second));
    return out;
}

} // namespace QtAri::Inspector
