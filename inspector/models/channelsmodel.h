// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QAbstractTableModel>
#include <QtCore/QDateTime>
#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QSet>
#include <QtCore/QTimer>

namespace QtAri::Inspector {

//! \brief The live channels of one server: name, state, caller, connected line, bridge, live
//! duration and Stasis application, one row per channel id.
//!
//! Fed with ARI channel JSON (event snapshots and GET /channels); rows are dragged to the bridge
//! view as channelIdsMimeType. The Duration column ticks once a second.
class ChannelsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit ChannelsModel(QObject *parent = nullptr);
    ~ChannelsModel() override;

    //! Adds the channel or updates its row from a snapshot (keeps bridge and app unless given).
    void upsert(const QJsonObject &channel);
    void remove(const QString &id);
    //! Adds or updates many channels with one row insertion (fast for thousands).
    void upsertMany(const QList<QJsonObject> &channels);
    //! Removes every channel whose id is in \a ids.
    void removeMany(const QSet<QString> &ids);
    //! Makes the model hold exactly \a channels (after a (re)connect), keeping bridge/app columns.
    void reset(const QList<QJsonObject> &channels);
    void clear();

    //! The bridge a channel is in; \a label (the bridge's name) is shown instead of the id if set.
    void setBridge(const QString &channelId, const QString &bridgeId, const QString &label = {});
    void setApplication(const QString &channelId, const QString &application);

    bool contains(const QString &id) const { return m_index.contains(id); }
    int rowOf(const QString &id) const { return m_index.value(id, -1); }
    QString idAt(int row) const;
    QString nameOf(const QString &id) const;
    QJsonObject json(const QString &id) const;
    QString bridgeOf(const QString &id) const;
    QStringList ids() const;

    //! A session tag put into drag data so drops only reach the same server's bridges.
    void setDragTag(const QString &tag) { m_dragTag = tag; }
    QString dragTag() const { return m_dragTag; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    struct Row
    {
        QString id;
        QJsonObject json;
        QString name;
        QString state;
        QString caller;
        QString connected;
        QString bridge;
        QString bridgeLabel;
        QString application;
        QDateTime created;
    };
    static void fill(Row &row, const QJsonObject &channel);
    void rebuildIndex(int from);
    void tick();

    QList<Row> m_rows;
    QHash<QString, int> m_index;
    QTimer m_ticker;
    QString m_dragTag;
};

//! Reads channel ids out of drag data made by ChannelsModel; \a tag receives its session tag.
QStringList channelIdsFromMime(const QMimeData *data, QString *tag = nullptr);

} // namespace QtAri::Inspector
