// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "mergedmodel.h"

#include "roles.h"

namespace QtAri::Inspector {

MergedModel::MergedModel(int sourceColumns, QObject *parent)
    : QAbstractItemModel(parent), m_sourceColumns(sourceColumns)
{
}

MergedModel::~MergedModel()
{
    for (const Source &s : std::as_const(m_sources)) {
        for (const QMetaObject::Connection &c : s.connections)
            disconnect(c);
    }
}

int MergedModel::sourceOf(const QAbstractItemModel *model) const
{
    for (int i = 0; i < m_sources.size(); ++i) {
        if (m_sources.at(i).model == model)
            return i;
    }
    return -1;
}

int MergedModel::offsetOf(int source) const
{
    int offset = 0;
    for (int i = 0; i < source; ++i)
        offset += m_sources.at(i).rows;
    return offset;
}

bool MergedModel::locate(int row, int *source, int *sourceRow) const
{
    if (row < 0)
        return false;
    for (int i = 0; i < m_sources.size(); ++i) {
        const int rows = m_sources.at(i).rows;
        if (row < rows) {
            *source = i;
            *sourceRow = row;
            return true;
        }
        row -= rows;
    }
    return false;
}

void MergedModel::addSource(
    QAbstractItemModel *source, QObject *server, const QString &title, const QColor &colour)
{
    if (!source || sourceOf(source) >= 0)
        return;
    const int rows = source->rowCount();
    const int first = rowCount();
    if (rows > 0)
        beginInsertRows({}, first, first + rows - 1);
    m_sources.append(Source { source, server, title, colour, rows, {} });
    connectSource(int(m_sources.size()) - 1);
    if (rows > 0)
        endInsertRows();
    if (m_sources.size() == 1)
        Q_EMIT headerDataChanged(Qt::Horizontal, 1, m_sourceColumns);
}

void MergedModel::removeSource(QAbstractItemModel *source)
{
    const int i = sourceOf(source);
    if (i < 0)
        return;
    const int offset = offsetOf(i);
    const int rows = m_sources.at(i).rows;
    if (rows > 0)
        beginRemoveRows({}, offset, offset + rows - 1);
    for (const QMetaObject::Connection &c : std::as_const(m_sources[i].connections))
        disconnect(c);
    m_sources.removeAt(i);
    if (rows > 0)
        endRemoveRows();
}

void MergedModel::connectSource(int source)
{
    QAbstractItemModel *model = m_sources.at(source).model;
    QList<QMetaObject::Connection> &c = m_sources[source].connections;
    // Each handler finds its source again: earlier sources may have gone since.
    const auto at = [this, model] { return sourceOf(model); };
    c << connect(model, &QObject::destroyed, this, [this, model] { removeSource(model); });
    c << connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
        [this, at](const QModelIndex &parent, int first, int last) {
            if (parent.isValid())
                return;
            const int offset = offsetOf(at());
            beginInsertRows({}, offset + first, offset + last);
        });
    c << connect(model, &QAbstractItemModel::rowsInserted, this,
        [this, at](const QModelIndex &parent, int first, int last) {
            if (parent.isValid())
                return;
            m_sources[at()].rows += last - first + 1;
            endInsertRows();
        });
    c << connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
        [this, at](const QModelIndex &parent, int first, int last) {
            if (parent.isValid())
                return;
            const int offset = offsetOf(at());
            beginRemoveRows({}, offset + first, offset + last);
        });
    c << connect(model, &QAbstractItemModel::rowsRemoved, this,
        [this, at](const QModelIndex &parent, int first, int last) {
            if (parent.isValid())
                return;
            m_sources[at()].rows -= last - first + 1;
            endRemoveRows();
        });
    // A reset, a layout change or a move of the source resets the merged rows: rare (the
    // library's models only reset), and cheaper to follow than to map persistent indexes.
    const auto beginReset = [this] { beginResetModel(); };
    const auto endReset = [this, at, model] {
        m_sources[at()].rows = model->rowCount();
        endResetModel();
    };
    c << connect(model, &QAbstractItemModel::modelAboutToBeReset, this, beginReset);
    c << connect(model, &QAbstractItemModel::modelReset, this, endReset);
    c << connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, beginReset);
    c << connect(model, &QAbstractItemModel::layoutChanged, this, endReset);
    c << connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this,
        [beginReset](const QModelIndex &from, int, int, const QModelIndex &to) {
            if (!from.isValid() && !to.isValid())
                beginReset();
        });
    c << connect(model, &QAbstractItemModel::rowsMoved, this,
        [endReset](const QModelIndex &from, int, int, const QModelIndex &to) {
            if (!from.isValid() && !to.isValid())
                endReset();
        });
    c << connect(model, &QAbstractItemModel::dataChanged, this,
        [this, at](const QModelIndex &topLeft, const QModelIndex &bottomRight,
            const QList<int> &roles) {
            if (topLeft.parent().isValid())
                return;
            const int offset = offsetOf(at());
            // The server column reads the other roles from the source's first column.
            const int left = topLeft.column() == 0 ? 0 : topLeft.column() + 1;
            Q_EMIT dataChanged(index(offset + topLeft.row(), left),
                index(offset + bottomRight.row(), bottomRight.column() + 1), roles);
        });
    c << connect(model, &QAbstractItemModel::headerDataChanged, this,
        [this](Qt::Orientation orientation, int first, int last) {
            if (orientation == Qt::Horizontal)
                Q_EMIT headerDataChanged(orientation, first + 1, last + 1);
        });
}

QModelIndex MergedModel::mapToSource(const QModelIndex &index) const
{
    int source = 0;
    int row = 0;
    if (!index.isValid() || index.model() != this || !locate(index.row(), &source, &row))
        return {};
    const int column = index.column() == 0 ? 0 : index.column() - 1;
    return m_sources.at(source).model->index(row, column);
}

QModelIndex MergedModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    const int source = sourceOf(sourceIndex.model());
    if (source < 0 || !sourceIndex.isValid() || sourceIndex.parent().isValid())
        return {};
    return index(offsetOf(source) + sourceIndex.row(), sourceIndex.column() + 1);
}

QObject *MergedModel::serverAt(int row) const
{
    int source = 0;
    int sourceRow = 0;
    return locate(row, &source, &sourceRow) ? m_sources.at(source).server.data() : nullptr;
}

QModelIndex MergedModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= rowCount() || column < 0
        || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex MergedModel::parent(const QModelIndex &) const
{
    return {};
}

int MergedModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    int rows = 0;
    for (const Source &s : m_sources)
        rows += s.rows;
    return rows;
}

int MergedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_sourceColumns + 1;
}

QVariant MergedModel::data(const QModelIndex &index, int role) const
{
    int source = 0;
    int row = 0;
    if (!index.isValid() || !locate(index.row(), &source, &row))
        return {};
    const Source &s = m_sources.at(source);
    if (role == ServerRole)
        return QVariant::fromValue(s.server.data());
    if (role == ServerColourRole)
        return s.colour;
    if (index.column() == 0) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return s.title;
        case Qt::DecorationRole:
            return s.colour;
        case Qt::EditRole:
        case SortRole:
            return s.title;
        default:
            break;
        }
    }
    const int column = index.column() == 0 ? 0 : index.column() - 1;
    return s.model->index(row, column).data(role);
}

QVariant MergedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (section == 0)
        return role == Qt::DisplayRole ? QVariant(tr("Server")) : QVariant();
    if (m_sources.isEmpty())
        return {};
    return m_sources.constFirst().model->headerData(section - 1, orientation, role);
}

Qt::ItemFlags MergedModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    // Selectable, never dragged or edited: nothing may carry one server's objects to another.
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace QtAri::Inspector
