// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtGui/QImage>
#include <QtWidgets/QAbstractScrollArea>

namespace QtAri::Inspector {

class LadderModel;

//! Sizes shared by the ladder's view, its SVG and its image.
struct LadderGeometry
{
    int timeWidth = 96;
    int deltaWidth = 104;
    int laneWidth = 180;
    int headerHeight = 44;
    int rowHeight = 26;

    int laneX(int lane) const { return timeWidth + deltaWidth + laneWidth * lane + laneWidth / 2; }
    int width(int lanes) const { return timeWidth + deltaWidth + laneWidth * lanes; }
};

//! \brief Draws a LadderModel: a header with the lanes, then one arrow per row.
//!
//! Only the visible rows are painted, so a long ladder scrolls as fast as a short one. A click
//! selects a row (rowSelected()); deltas are then measured from it.
class LadderView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit LadderView(LadderModel *model, QWidget *parent = nullptr);

    LadderModel *model() const { return m_model; }
    const LadderGeometry &geometry() const { return m_geometry; }
    int selectedRow() const { return m_selected; }
    void selectRow(int row);
    //! The row under viewport position \a y, or -1.
    int rowAt(int y) const;

Q_SIGNALS:
    void rowSelected(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateScrollBars();

    LadderModel *m_model;
    LadderGeometry m_geometry;
    int m_selected = -1;
};

//! Paints rows [\a first, \a last] of \a model with the header at y = 0 and row \a first just
//! below it; \a selected is highlighted.
void paintLadder(QPainter &painter, const LadderModel &model, const LadderGeometry &geometry,
    int first, int last, int selected, const QPalette &palette);
//! The whole ladder as an SVG document.
QString ladderSvg(const LadderModel &model, const LadderGeometry &geometry = {});
//! At most \a maxRows rows from \a first as an image.
QImage ladderImage(const LadderModel &model, int first = 0, int maxRows = 500,
    const LadderGeometry &geometry = {});

} // namespace QtAri::Inspector
