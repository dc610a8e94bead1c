// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QDateTime>
#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QTimer>

#include <deque>
#include <limits>

namespace QtAri {
struct Exchange;
}

namespace QtAri::Inspector {

//! \brief One thing a session saw: an ARI event, or a REST exchange and its answer.
struct TrafficItem
{
    enum class Kind { Event, Request };
    Kind kind = Kind::Event;
    quint64 seq = 0; //!< Arrival number in the session, from 1.
    qint64 ns = 0; //!< When it happened on the session's steady clock (a request: when sent).
    QDateTime time; //!< The same moment on the wall clock (UTC).
    QString type; //!< Event type, or the operation ("channels.answer").
    //! The objects it names, as keys ("channel:ID", "bridge:ID", "playback:ID",
    //! "recording:NAME"), the main one first.
    QStringList keys;
    //! Other legs its channels' names point to (the other half of a Local channel, the channel a
    //! snoop spies on): they join the call, but the item does not name them.
    QStringList links;
    QJsonObject json; //!< The event as received; for a request, see requestJson().
    //! Traffic's own numbers for keys and links (its grouping's nodes), in that order.
    QList<int> nodes;

    // Requests only.
    QByteArray method;
    QString path; //!< As sent, percent-encoded, with "?query" if any.
    int status = 0; //!< HTTP status; 0 when no answer came (see error).
    QString error; //!< The transport error ("Timeout: …") when there was no answer.
    qint64 elapsedNs = 0;
    bool internal = false;
    bool overWebSocket = false;

    bool isRequest() const { return kind == Kind::Request; }
};

//! The kind of an object key: "channel", "bridge", "playback" or "recording".
QString keyKind(const QString &key);
//! The id or name in an object key.
QString keyId(const QString &key);

//! \brief What a session saw, newest last, bounded, with the calls its objects belong to.
//!
//! Feeds the call ladder. Holds the last maxItems() events and REST exchanges. Objects that take
//! part in one call are grouped (callOf()): the two halves of a Local channel, a Dial's caller,
//! peer and forwarded channel, the channels that share a bridge (not a holding bridge, whose
//! members do not hear each other), a snoop channel and the one it spies on, the legs of a
//! transfer, a playback or recording and what it plays to or records, and whatever one REST
//! exchange names together (addChannel, originate with otherChannelId, snoop, play …).
//! The grouping is rebuilt from the items still held when old ones are dropped, so it never
//! grows without bound.
class Traffic : public QObject
{
    Q_OBJECT
public:
    explicit Traffic(QObject *parent = nullptr);
    ~Traffic() override;

    //! Records an event as received.
    void addEvent(const QJsonObject &event);
    //! Records a finished REST exchange (Client::requestFinished()).
    void addExchange(const QtAri::Exchange &exchange);

    //! Items held: the last maxItems() at most.
    int size() const { return int(m_items.size()); }
    const TrafficItem &at(int index) const { return m_items.at(size_t(index)); }
    //! The item with arrival number \a seq, or nullptr if it is not held (any more).
    const TrafficItem *bySeq(quint64 seq) const;
    quint64 firstSeq() const { return m_items.empty() ? m_nextSeq : m_items.front().seq; }
    quint64 lastSeq() const { return m_nextSeq - 1; }

    int maxItems() const { return m_maxItems; }
    void setMaxItems(int items);

    //! The call \a key belongs to: a representative key shared by every object of the call.
    QString callOf(const QString &key) const;
    //! How many objects the call of \a key has (1 for an object seen alone or never).
    int callSize(const QString &key) const;
    //! Every object key of the call \a key belongs to, in order of first appearance.
    QStringList callMembers(const QString &key) const;
    //! Changes each time calls merge or the grouping is rebuilt.
    quint64 groupingGeneration() const { return m_generation; }
    //! The last channel snapshot seen for a channel id (for names in lanes), or empty.
    QJsonObject channelSnapshot(const QString &id) const;
    //! Bridge type of a bridge id, if a snapshot showed it.
    QString bridgeType(const QString &id) const;

    //! Steady-clock nanoseconds since the session started.
    qint64 nowNs() const { return m_clock.nsecsElapsed(); }

    //! The JSON shown for a request item: method, path, status, latency, bodies.
    static QJsonObject requestJson(const TrafficItem &item);
    //! The object keys named by an event (without name-based links).
    static QStringList eventKeys(const QJsonObject &event);

Q_SIGNALS:
    //! Items up to \a lastSeq are held now (emitted in batches, at most every 100 ms).
    void appended(quint64 lastSeq);
    //! The oldest items up to \a seq were dropped, or the grouping was rebuilt.
    void trimmed(quint64 seq);

private:
    void push(TrafficItem &&item);
    //! The node of \a key, made if it has none.
    int nodeOf(const QString &key);
    void link(const QList<int> &nodes);
    int find(int node) const;
    void rebuild();
    void setBridgeType(const QString &id, const QString &type);
    void addNameLinks(const QJsonObject &channel, QStringList &keys);

    std::deque<TrafficItem> m_items;
    QElapsedTimer m_clock;
    QDateTime m_started;
    quint64 m_nextSeq = 1;
    int m_maxItems = 20000;
    int m_droppedSinceRebuild = 0;
    quint64 m_generation = 0;
    QTimer m_batch;
    // Union-find over object keys, by number: hashing the keys' strings once per item, not on
    // every step, keeps rebuild() a few milliseconds for 20,000 items.
    struct Node
    {
        int parent; // itself for a representative
        int size; // objects in the call (valid on the representative)
        quint64 order; // first appearance: the older key represents a merged call
        bool holding; // a holding bridge: joins no call
        QJsonObject snapshot; // a channel's last snapshot
        QString bridgeType; // a bridge's type, once a snapshot showed it
    };
    //! The node of \a key, or -1.
    int nodeIfAny(const QString &key) const;
    static constexpr quint64 unordered = std::numeric_limits<quint64>::max(); // not in an item yet
    QHash<QString, int> m_nodeIds;
    QList<QString> m_keys; // node -> key
    mutable std::vector<Node> m_nodes;
    quint64 m_nextOrder = 0;
    QHash<QString, QString> m_localHalves; // "Local/100@ctx-00000001" -> a channel id
};

} // namespace QtAri::Inspector
