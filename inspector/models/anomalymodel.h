// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QAbstractTableModel>
#include <QtCore/QDateTime>
#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QTimer>

#include <deque>

namespace QtAri {
class Client;
struct Exchange;
}

namespace QtAri::Inspector {

//! \brief What looks wrong in a session, one row per finding, newest last.
//!
//! - **Repeated event**: the same event (type, time, object and every field) arrives again, as
//!   Asterisk does with bridge playback events under subscribeAll.
//! - **Playback never finished**: PlaybackStarted and no PlaybackFinished after
//!   playbackTimeout() (Asterisk 22 answers 201 for a media URI it cannot play, then never
//!   finishes it).
//! - **REST error**: a request answered 4xx/5xx (with Asterisk's message) or not at all.
//! - **Outside Stasis**: a channel the mirror holds has been outside every Stasis application
//!   for longer than stasisTimeout().
//! - **Changed while disconnected**: after a reconnect, each channel or bridge that appeared,
//!   vanished or changed state while the event socket was down, instead of a silent update.
//!
//! The model keeps at most maxRows() findings (the oldest go).
class AnomalyModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)
public:
    enum class Kind { RepeatedEvent, PlaybackNeverFinished, RestError, OutsideStasis, ChangedWhileDisconnected };
    Q_ENUM(Kind)
    enum Column { TimeColumn, KindColumn, ObjectColumn, MessageColumn, ColumnCount };
    enum Roles { KindRole = Qt::UserRole + 1, ObjectRole };

    struct Finding
    {
        QDateTime time;
        Kind kind;
        QString object; //!< "channel:ID", "playback:ID", an operation …
        QString message;
    };

    //! Watches \a client (its live channels and reconnects).
    explicit AnomalyModel(QtAri::Client *client, QObject *parent = nullptr);
    ~AnomalyModel() override;

    void noteEvent(const QJsonObject &event);
    void noteExchange(const QtAri::Exchange &exchange);

    int count() const { return int(m_rows.size()); }
    const Finding &at(int row) const { return m_rows.at(size_t(row)); }
    //! Findings of one kind.
    int countOf(Kind kind) const;
    void clear();

    int playbackTimeout() const { return m_playbackTimeoutMs; }
    void setPlaybackTimeout(int ms) { m_playbackTimeoutMs = ms; }
    int stasisTimeout() const { return m_stasisTimeoutMs; }
    void setStasisTimeout(int ms) { m_stasisTimeoutMs = ms; }
    int maxRows() const { return m_maxRows; }
    void setMaxRows(int rows);
    //! How often the timeouts are checked (default 1000 ms).
    void setCheckInterval(int ms) { m_check.setInterval(ms); }

    static QString kindText(Kind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void countChanged(int count);
    void found(const QtAri::Inspector::AnomalyModel::Finding &finding);

private:
    struct Snapshot
    {
        QString name;
        QString state;
        QString bridge;
    };
    void add(Kind kind, const QString &object, const QString &message);
    void check();
    void takeSnapshot();
    void compareSnapshot();

    QPointer<QtAri::Client> m_client;
    std::deque<Finding> m_rows;
    int m_maxRows = 2000;
    // Repeats: the last events by a cheap fingerprint, compared in full when it matches.
    QHash<QString, QJsonObject> m_recent;
    std::deque<QString> m_recentOrder;
    // Playbacks started and not finished, with when they started.
    QHash<QString, qint64> m_playing;
    QSet<QString> m_reportedPlaybacks;
    QHash<QString, qint64> m_outsideSince; // channel id -> when first seen outside Stasis
    QSet<QString> m_reportedOutside;
    QElapsedTimer m_clock;
    QTimer m_check;
    int m_playbackTimeoutMs = 60000;
    int m_stasisTimeoutMs = 30000;
    bool m_haveSnapshot = false;
    QHash<QString, Snapshot> m_channelsBefore;
    QHash<QString, Snapshot> m_bridgesBefore;
};

} // namespace QtAri::Inspector
