// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QAbstractTableModel>
#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QSet>
#include <QtCore/QStringList>
#include <QtCore/QTimer>

#include <deque>

namespace QtAri::Inspector {

//! \brief The live event log: one row per ARI event, newest last.
//!
//! append() is cheap: events are buffered and inserted in one batch on a short timer, so thousands
//! of events per second cost a few model updates. The log keeps at most maxRows() rows (the oldest
//! go first). While paused, arriving events are held (up to maxRows()) and shown on resume.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(bool paused READ isPaused WRITE setPaused NOTIFY pausedChanged FINAL)
public:
    explicit EventLogModel(QObject *parent = nullptr);
    ~EventLogModel() override;

    //! Queues \a event (ARI JSON as received) for the next batch.
    void append(const QJsonObject &event);
    //! Inserts everything queued now (also done by the batch timer).
    void flush();
    void clear();

    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    //! Events waiting while paused.
    int pendingCount() const { return int(m_pending.size()); }

    int maxRows() const { return m_maxRows; }
    void setMaxRows(int rows);
    int batchInterval() const { return m_timer.interval(); }
    void setBatchInterval(int ms) { m_timer.setInterval(ms); }

    //! Every event type seen so far, sorted.
    QStringList knownTypes() const;
    //! Total events received (shown or not).
    quint64 totalReceived() const { return m_total; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    //! The title of the event columns (EventColumn) in the live and the offline log.
    static QString columnTitle(int section);
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void pausedChanged(bool paused);
    void typeSeen(const QString &type);
    void pendingCountChanged(int count);

private:
    struct Entry
    {
        QDateTime time;
        QString type;
        QString application;
        QStringList ids;
        QString summary;
        QJsonObject json;
    };
    static Entry makeEntry(const QJsonObject &event);

    std::deque<Entry> m_rows;
    std::deque<QJsonObject> m_pending;
    QSet<QString> m_types;
    QTimer m_timer;
    int m_maxRows = 5000;
    bool m_paused = false;
    quint64 m_total = 0;
};

} // namespace QtAri::Inspector
