// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QIdentityProxyModel>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QSortFilterProxyModel>
#include <QtCore/QStringList>

namespace QtAri {
class Channel;
class ChannelModel;
class Client;
} // namespace QtAri

namespace QtAri::Inspector {

//! \brief The channel table of one server: QtAri::ChannelModel as the Inspector shows it.
//!
//! The rows are the client's live channels, kept by the library (QtAri::ChannelModel follows the
//! client's mirror: events, listings after a reconnect, the objects the client creates). This
//! proxy only adds what the Inspector shows and does on top: its column titles, the bridge's name
//! instead of its id, an icon, the channel's JSON for the details pane, and drag data
//! (channelIdsMimeType) for the bridge view. The duration ticks once a second.
class ChannelsModel : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit ChannelsModel(QtAri::Client *client, QObject *parent = nullptr);
    ~ChannelsModel() override;

    //! The library model behind the rows.
    QtAri::ChannelModel *channelModel() const { return m_source; }

    //! Whether \a id is a row.
    bool contains(const QString &id) const { return rowOf(id) >= 0; }
    //! The row of channel \a id, or -1.
    int rowOf(const QString &id) const;
    QString idAt(int row) const;
    QtAri::Channel *channelAt(int row) const;
    QString nameOf(const QString &id) const;
    //! The channel's last snapshot as ARI JSON (empty if it is not a row).
    QJsonObject json(const QString &id) const;
    //! The bridge channel \a id is in, or "".
    QString bridgeOf(const QString &id) const;
    //! Every row's channel id, in row order.
    QStringList ids() const;

    //! A session tag put into drag data so drops only reach the same server's bridges.
    void setDragTag(const QString &tag) { m_dragTag = tag; }
    QString dragTag() const { return m_dragTag; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    QtAri::Channel *channelOf(const QString &id) const;

    QPointer<QtAri::Client> m_client;
    QtAri::ChannelModel *m_source;
    QString m_dragTag;
};

//! \brief The channel table's filter and sort order: rows whose text contains the filter string
//! (any column, case-insensitive), optionally only the channels in a Stasis application; the
//! duration column sorts by seconds.
class ChannelFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ChannelFilterModel(QObject *parent = nullptr);

    //! Shows only channels in one of the server's Stasis applications (off by default).
    void setStasisOnly(bool only);
    bool stasisOnly() const { return m_stasisOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_stasisOnly = false;
};

//! Reads channel ids out of drag data made by ChannelsModel; \a tag receives its session tag.
QStringList channelIdsFromMime(const QMimeData *data, QString *tag = nullptr);

} // namespace QtAri::Inspector
