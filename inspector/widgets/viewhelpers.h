// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace QtAri::Inspector {

//! Shows the model's columns \a order (shifted right by \a shift) from visual position \a shift
//! on and hides the model's other columns from \a shift on; the model keeps the library's column
//! numbers. The first \a shift columns (the merged view's server column) stay where they are.
template <class Column, size_t N>
void placeColumns(QHeaderView *header, const Column (&order)[N], int count, int shift = 0)
{
    for (int visual = 0; visual < int(N); ++visual)
        header->moveSection(header->visualIndex(int(order[visual]) + shift), visual + shift);
    for (int column = 0; column < count; ++column) {
        const bool shown =
            std::find(std::begin(order), std::end(order), Column(column)) != std::end(order);
        header->setSectionHidden(column + shift, !shown);
    }
}

//! A table of whole rows, one line each: row selection, alternating colours, no row numbers, fixed
//! row heights (a view of thousands of rows never measures them), the last column stretched.
inline void setUpRowTable(QTableView *view, QAbstractItemView::SelectionMode mode)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(mode);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
}

//! \a content under a bold \a title, with \a extra (a filter, or nullptr) beside the title.
inline QWidget *titled(const QString &title, QWidget *extra, QWidget *content, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *head = new QHBoxLayout;
    head->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), box));
    if (extra)
        head->addWidget(extra, 1);
    else
        head->addStretch(1);
    layout->addLayout(head);
    layout->addWidget(content, 1);
    return box;
}

} // namespace QtAri::Inspector
