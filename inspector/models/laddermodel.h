// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QAbstractTableModel>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QString>

namespace QtAri::Inspector {

class Traffic;
struct TrafficItem;

//! \brief A call ladder: lanes for the application and each object of a call, one row per event
//! or REST exchange, in time order.
//!
//! The anchor is a channel or bridge key ("channel:ID"). With followLegs (the default) the
//! ladder covers the whole call the anchor belongs to (Traffic::callOf(): Local halves, Dial
//! legs, bridge partners, snoops, transfers); without it only what names the anchor itself.
//! Events go from the object's lane to the application's lane (lane 0); requests go from the
//! application to the object they act on. Other objects of the call an item names are marked on
//! its row. The ladder follows the traffic as it arrives.
class LadderModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(bool followLegs READ followLegs WRITE setFollowLegs NOTIFY followLegsChanged FINAL)
public:
    enum Column { TimeColumn, DeltaColumn, FromColumn, ToColumn, MessageColumn, ColumnCount };
    enum Roles {
        SeqRole = Qt::UserRole + 1, //!< The item's Traffic seq (quint64).
        JsonRole, //!< The JSON shown for the row (QJsonObject).
        IsRequestRole,
    };

    struct Lane
    {
        QString key; //!< "" for the application's lane.
        QString title;
    };
    struct Row
    {
        quint64 seq = 0;
        qint64 ns = 0;
        int from = 0;
        int to = 0;
        QList<int> marks; //!< Other lanes the item names.
        QString label;
        bool request = false;
        bool failed = false; //!< A request with a 4xx/5xx answer or no answer.
    };

    explicit LadderModel(Traffic *traffic, QObject *parent = nullptr);
    ~LadderModel() override;

    //! The object the ladder is about ("channel:ID", "bridge:ID").
    QString anchor() const { return m_anchor; }
    void setAnchor(const QString &key);
    bool followLegs() const { return m_follow; }
    void setFollowLegs(bool follow);
    //! The title of lane 0 (the application's names).
    void setApplicationTitle(const QString &title);

    const QList<Lane> &lanes() const { return m_lanes; }
    const Row &row(int index) const { return m_rows.at(index); }
    //! The row deltas are measured from; -1: each row from the one before it.
    int referenceRow() const { return m_reference; }
    void setReferenceRow(int row);
    //! "+12.345 ms" from the reference row (or the previous row).
    QString deltaText(int row) const;
    QString timeText(int row) const;
    //! Channels, bridges, playbacks and recordings among the lanes.
    int laneCount(const QString &kind) const;

    //! The whole ladder as text: the lanes, then one line per row.
    QString toText() const;

    //! Rebuilds from the traffic held now (also done as traffic arrives).
    void refresh();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void followLegsChanged(bool follow);
    //! Lanes or rows were rebuilt.
    void ladderChanged();

private:
    void onAppended(quint64 lastSeq);
    void onTrimmed(quint64 firstSeq);
    bool touches(const TrafficItem &item, const QSet<QString> &members) const;
    bool inCall(const TrafficItem &item) const;
    QSet<QString> members() const;
    QString laneTitle(const QString &key) const;
    Row makeRow(const TrafficItem &item) const;

    QPointer<Traffic> m_traffic;
    QString m_anchor;
    QString m_appTitle;
    bool m_follow = true;
    int m_reference = -1;
    quint64 m_seenSeq = 0;
    QList<Lane> m_lanes;
    QHash<QString, int> m_laneOf;
    QList<Row> m_rows;
    QString m_root; // the call's representative at the last refresh()
    int m_callSize = 0; // and its size
};

} // namespace QtAri::Inspector
