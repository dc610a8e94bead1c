// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QAbstractItemModel>
#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtGui/QColor>

namespace QtAri::Inspector {

//! \brief The top-level rows of several servers' tables one after the other, each tagged with its
//! server: the merged view's model.
//!
//! Column 0 is the server (its title, and its colour as the decoration); the sources' columns
//! follow, shifted by one. Roles the server column does not answer itself (IdRole, the library's
//! roles …) are read from the source's first column, so a proxy or a selection on column 0 sees
//! the same ids and filters as on a single server's table. Children of the sources' rows (a
//! bridge's members) are not shown.
//!
//! Rows follow the sources as they change: insertions, removals, resets and data changes are
//! passed on with the row numbers shifted. A source that changes its layout or moves rows is
//! passed on as a reset of the merged model.
class MergedModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    //! The server of a row: the \c QObject* given to addSource() (a Session).
    static constexpr int ServerRole = Qt::UserRole + 1100;
    //! The server's colour (QColor), on every column.
    static constexpr int ServerColourRole = Qt::UserRole + 1101;

    //! Every source has \a sourceColumns columns (the merged model one more).
    explicit MergedModel(int sourceColumns, QObject *parent = nullptr);
    ~MergedModel() override;

    //! Appends the rows of \a source, tagged \a server (shown as \a title in \a colour). A source
    //! that is destroyed leaves the model by itself.
    void addSource(QAbstractItemModel *source, QObject *server, const QString &title,
        const QColor &colour);
    //! Takes the rows of \a source out.
    void removeSource(QAbstractItemModel *source);
    int sourceCount() const { return int(m_sources.size()); }

    //! The source row behind \a index (column 0 of the source for the server column).
    QModelIndex mapToSource(const QModelIndex &index) const;
    //! The row showing \a sourceIndex (a top-level row of one of the sources).
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const;
    //! The server of row \a row, or nullptr.
    QObject *serverAt(int row) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Source
    {
        QAbstractItemModel *model = nullptr;
        QPointer<QObject> server;
        QString title;
        QColor colour;
        int rows = 0; // kept here, so a source being destroyed can still be taken out
        QList<QMetaObject::Connection> connections;
    };
    int sourceOf(const QAbstractItemModel *model) const;
    int offsetOf(int source) const;
    //! The source and its row for merged row \a row; false if out of range.
    bool locate(int row, int *source, int *sourceRow) const;
    void connectSource(int source);

    QList<Source> m_sources;
    int m_sourceColumns;
};

} // namespace QtAri::Inspector
