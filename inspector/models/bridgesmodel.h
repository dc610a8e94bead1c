// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QAbstractItemModel>
#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QStringList>

#include <memory>
#include <vector>

namespace QtAri::Inspector {

class ChannelsModel;

//! \brief The bridges of one server as a tree: each bridge, with its member channels below it.
//!
//! Fed with ARI bridge JSON (its "channels" list gives the members). Channel rows dragged from the
//! channel view (channelIdsMimeType) can be dropped on a bridge or one of its members; the model
//! then asks for the channels to be added by emitting addChannelsRequested(). Dropping outside
//! every bridge asks for a new bridge holding them (bridgeId empty).
class BridgesModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    explicit BridgesModel(QObject *parent = nullptr);
    ~BridgesModel() override;

    //! Member rows show channel names looked up here (optional).
    void setChannelsModel(ChannelsModel *channels);
    //! Only drags carrying this tag are accepted (see ChannelsModel::setDragTag()).
    void setDragTag(const QString &tag) { m_dragTag = tag; }

    //! Adds or updates a bridge from its snapshot; its member list is taken from "channels".
    void upsert(const QJsonObject &bridge);
    void remove(const QString &id);
    void reset(const QList<QJsonObject> &bridges);
    void clear();

    bool contains(const QString &id) const { return m_index.contains(id); }
    QStringList ids() const;
    QStringList members(const QString &bridgeId) const;
    QJsonObject json(const QString &id) const;
    QModelIndex indexOf(const QString &bridgeId) const;
    //! The bridge id of a bridge row or of a member row's bridge.
    QString bridgeIdAt(const QModelIndex &index) const;
    //! The channel id of a member row, else "".
    QString channelIdAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) override;

Q_SIGNALS:
    //! The user dropped \a channelIds on \a bridgeId (empty: on no bridge, make a new one).
    void addChannelsRequested(const QString &bridgeId, const QStringList &channelIds);

private:
    struct Node
    {
        QString id;
        QJsonObject json;
        QStringList members;
    };
    int rowOfNode(const Node *node) const;
    void rebuildIndex(int from);
    void channelRowsChanged(int first, int last);

    std::vector<std::unique_ptr<Node>> m_nodes;
    QHash<QString, int> m_index;
    QPointer<ChannelsModel> m_channels;
    QString m_dragTag;
};

} // namespace QtAri::Inspector
