// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "ladderview.h"

#include "models/laddermodel.h"

#include <QtGui/QKeyEvent>
#include <QtGui/QMouseEvent>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>
#include <QtWidgets/QApplication>
#include <QtWidgets/QScrollBar>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

namespace {

    const QColor eventColor(0x1f, 0x5f, 0xbf);
    const QColor requestColor(0x2e, 0x7d, 0x32);
    const QColor failedColor(0xc6, 0x28, 0x28);

    QColor rowColor(const LadderModel::Row &row)
    {
        if (row.failed)
            return failedColor;
        return row.request ? requestColor : eventColor;
    }

    void drawArrowHead(QPainter &p, QPointF tip, bool pointsRight)
    {
        const qreal dx = pointsRight ? -7 : 7;
        QPainterPath head;
        head.moveTo(tip);
        head.lineTo(tip.x() + dx, tip.y() - 4);
        head.lineTo(tip.x() + dx, tip.y() + 4);
        head.closeSubpath();
        p.fillPath(head, p.pen().color());
    }

} // namespace

void paintLadder(QPainter &p, const LadderModel &model, const LadderGeometry &g, int first,
    int last, int selected, const QPalette &palette)
{
    const QList<LadderModel::Lane> &lanes = model.lanes();
    const int width = g.width(int(lanes.size()));
    const int bottom = g.headerHeight + (std::max(0, last - first + 1)) * g.rowHeight;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    const QFontMetrics fm(p.font());

    // Rows.
    for (int r = first; r <= last && r < model.rowCount(); ++r) {
        const int y = g.headerHeight + (r - first) * g.rowHeight;
        if (r == selected)
            p.fillRect(QRect(0, y, width, g.rowHeight), palette.color(QPalette::Highlight).lighter(170));
        else if (r % 2)
            p.fillRect(QRect(0, y, width, g.rowHeight), palette.color(QPalette::AlternateBase));
        p.setPen(palette.color(QPalette::Text));
        p.drawText(QRect(4, y, g.timeWidth - 8, g.rowHeight), Qt::AlignVCenter | Qt::AlignLeft,
            model.timeText(r));
        p.setPen(palette.color(QPalette::PlaceholderText));
        p.drawText(QRect(g.timeWidth, y, g.deltaWidth - 8, g.rowHeight),
            Qt::AlignVCenter | Qt::AlignRight, model.deltaText(r));
    }

    // Lane lines under the arrows.
    p.setPen(QPen(palette.color(QPalette::Mid), 1, Qt::DashLine));
    for (int lane = 0; lane < lanes.size(); ++lane)
        p.drawLine(g.laneX(lane), g.headerHeight, g.laneX(lane), bottom);

    for (int r = first; r <= last && r < model.rowCount(); ++r) {
        const LadderModel::Row &row = model.row(r);
        const int y = g.headerHeight + (r - first) * g.rowHeight;
        const qreal ay = y + g.rowHeight - 6;
        const QColor color = rowColor(row);
        p.setPen(QPen(color, 1.6));
        const int x1 = g.laneX(row.from);
        const int x2 = g.laneX(row.to);
        if (x1 == x2) {
            // An item on the application's own lane (nothing else of the call is named).
            p.drawLine(QPointF(x1, ay), QPointF(x1 + 16, ay));
            drawArrowHead(p, QPointF(x1 + 16, ay), true);
        } else {
            p.drawLine(QPointF(x1, ay), QPointF(x2, ay));
            drawArrowHead(p, QPointF(x2, ay), x2 > x1);
        }
        for (int mark : row.marks) {
            p.setBrush(color);
            p.drawEllipse(QPointF(g.laneX(mark), ay), 3.5, 3.5);
            p.setBrush(Qt::NoBrush);
        }
        const int textX = std::min(x1, x2) + 8;
        const int available = std::max(40, width - textX - 4);
        p.setPen(row.failed ? failedColor : palette.color(QPalette::Text));
        p.drawText(QRect(textX, y + 1, available, g.rowHeight - 9), Qt::AlignLeft | Qt::AlignBottom,
            fm.elidedText(row.label, Qt::ElideRight, available));
    }

    // The header last, so that it stays on top.
    p.fillRect(QRect(0, 0, width, g.headerHeight), palette.color(QPalette::Button));
    p.setPen(palette.color(QPalette::ButtonText));
    QFont bold = p.font();
    bold.setBold(true);
    p.setFont(bold);
    const QFontMetrics bfm(bold);
    p.drawText(QRect(4, 0, g.timeWidth - 8, g.headerHeight), Qt::AlignVCenter | Qt::AlignLeft,
        LadderModel::tr("Time"));
    p.drawText(QRect(g.timeWidth, 0, g.deltaWidth - 8, g.headerHeight),
        Qt::AlignVCenter | Qt::AlignRight, LadderModel::tr("Delta"));
    for (int lane = 0; lane < lanes.size(); ++lane) {
        const QRect box(g.laneX(lane) - g.laneWidth / 2 + 4, 4, g.laneWidth - 8, g.headerHeight - 8);
        p.setPen(palette.color(QPalette::Mid));
        p.drawRoundedRect(box, 4, 4);
        p.setPen(palette.color(QPalette::ButtonText));
        p.drawText(box, Qt::AlignCenter,
            bfm.elidedText(lanes.at(lane).title, Qt::ElideMiddle, box.width() - 6));
    }
    p.restore();
}

QString ladderSvg(const LadderModel &model, const LadderGeometry &g)
{
    const QList<LadderModel::Lane> &lanes = model.lanes();
    const int width = g.width(int(lanes.size()));
    const int height = g.headerHeight + model.rowCount() * g.rowHeight + 4;
    const auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString svg;
    svg += u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"_s;
    svg += u"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" "
           "viewBox=\"0 0 %1 %2\" font-family=\"sans-serif\" font-size=\"12\">\n"_s
               .arg(width)
               .arg(height);
    svg += u"<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"_s;
    for (int lane = 0; lane < lanes.size(); ++lane) {
        const int x = g.laneX(lane);
        svg += u"<line class=\"lane\" x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#999\" "
               "stroke-dasharray=\"4 3\"/>\n"_s.arg(x).arg(g.headerHeight).arg(height);
        svg += u"<rect x=\"%1\" y=\"4\" width=\"%2\" height=\"%3\" rx=\"4\" fill=\"#eeeeee\" "
               "stroke=\"#999\"/>\n"_s.arg(x - g.laneWidth / 2 + 4).arg(g.laneWidth - 8)
                   .arg(g.headerHeight - 8);
        svg += u"<text class=\"lane-title\" x=\"%1\" y=\"%2\" text-anchor=\"middle\" "
               "font-weight=\"bold\">%3</text>\n"_s.arg(x).arg(g.headerHeight / 2 + 4)
                   .arg(esc(lanes.at(lane).title));
    }
    for (int r = 0; r < model.rowCount(); ++r) {
        const LadderModel::Row &row = model.row(r);
        const int y = g.headerHeight + r * g.rowHeight;
        const int ay = y + g.rowHeight - 6;
        const QString color = rowColor(row).name();
        const int x1 = g.laneX(row.from);
        int x2 = g.laneX(row.to);
        if (x1 == x2)
            x2 = x1 + 16;
        const int dx = x2 > x1 ? -7 : 7;
        svg += u"<g class=\"row\">"_s;
        svg += u"<text x=\"4\" y=\"%1\">%2</text>"_s.arg(ay).arg(esc(model.timeText(r)));
        svg += u"<text x=\"%1\" y=\"%2\" text-anchor=\"end\" fill=\"#777\">%3</text>"_s
                   .arg(g.timeWidth + g.deltaWidth - 8)
                   .arg(ay)
                   .arg(esc(model.deltaText(r)));
        svg += u"<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"%4\" stroke-width=\"1.6\"/>"_s
                   .arg(x1)
                   .arg(ay)
                   .arg(x2)
                   .arg(color);
        svg += u"<polygon points=\"%1,%2 %3,%4 %3,%5\" fill=\"%6\"/>"_s.arg(x2)
                   .arg(ay)
                   .arg(x2 + dx)
                   .arg(ay - 4)
                   .arg(ay + 4)
                   .arg(color);
        for (int mark : row.marks)
            svg += u"<circle cx=\"%1\" cy=\"%2\" r=\"3.5\" fill=\"%3\"/>"_s.arg(g.laneX(mark))
                       .arg(ay)
                       .arg(color);
        svg += u"<text class=\"label\" x=\"%1\" y=\"%2\" fill=\"%3\">%4</text>"_s
                   .arg(std::min(x1, x2) + 8)
                   .arg(ay - 4)
                   .arg(row.failed ? color : u"#000000"_s)
                   .arg(esc(row.label));
        svg += u"</g>\n"_s;
    }
    svg += u"</svg>\n"_s;
    return svg;
}

QImage ladderImage(const LadderModel &model, int first, int maxRows, const LadderGeometry &g)
{
    first = std::clamp(first, 0, std::max(0, model.rowCount() - 1));
    const int rows = std::max(0, std::min(maxRows, model.rowCount() - first));
    QImage image(g.width(int(model.lanes().size())), g.headerHeight + rows * g.rowHeight + 4,
        QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    QPalette palette = QApplication::palette();
    palette.setColor(QPalette::Text, Qt::black);
    palette.setColor(QPalette::AlternateBase, QColor(0xf4, 0xf4, 0xf4));
    palette.setColor(QPalette::Button, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::ButtonText, Qt::black);
    palette.setColor(QPalette::PlaceholderText, QColor(0x77, 0x77, 0x77));
    paintLadder(p, model, g, first, first + rows - 1, -1, palette);
    return image;
}

LadderView::LadderView(LadderModel *model, QWidget *parent)
    : QAbstractScrollArea(parent), m_model(model)
{
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    const int h = fontMetrics().height();
    m_geometry.rowHeight = std::max(m_geometry.rowHeight, h + 12);
    connect(model, &LadderModel::ladderChanged, this, [this] {
        if (m_selected >= m_model->rowCount())
            m_selected = -1;
        if (m_model->referenceRow() != m_selected)
            m_selected = m_model->referenceRow();
        updateScrollBars();
        viewport()->update();
    });
    updateScrollBars();
}

int LadderView::rowAt(int y) const
{
    if (y < m_geometry.headerHeight)
        return -1;
    const int row = verticalScrollBar()->value() + (y - m_geometry.headerHeight) / m_geometry.rowHeight;
    return row < m_model->rowCount() ? row : -1;
}

void LadderView::selectRow(int row)
{
    if (row < -1 || row >= m_model->rowCount())
        row = -1;
    m_selected = row;
    m_model->setReferenceRow(row);
    if (row >= 0) {
        QScrollBar *bar = verticalScrollBar();
        const int visible = std::max(1, (viewport()->height() - m_geometry.headerHeight) / m_geometry.rowHeight);
        if (row < bar->value())
            bar->setValue(row);
        else if (row >= bar->value() + visible)
            bar->setValue(row - visible + 1);
    }
    viewport()->update();
    Q_EMIT rowSelected(row);
}

void LadderView::updateScrollBars()
{
    const int visible = std::max(1, (viewport()->height() - m_geometry.headerHeight) / m_geometry.rowHeight);
    verticalScrollBar()->setRange(0, std::max(0, m_model->rowCount() - visible));
    verticalScrollBar()->setPageStep(visible);
    const int width = m_geometry.width(int(m_model->lanes().size()));
    horizontalScrollBar()->setRange(0, std::max(0, width - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
}

void LadderView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    p.translate(-horizontalScrollBar()->value(), 0);
    const int first = verticalScrollBar()->value();
    const int visible = (viewport()->height() - m_geometry.headerHeight) / m_geometry.rowHeight + 1;
    paintLadder(p, *m_model, m_geometry, first, first + visible, m_selected, palette());
}

void LadderView::mousePressEvent(QMouseEvent *event)
{
    const int row = rowAt(int(event->position().y()));
    if (row >= 0)
        selectRow(row);
    QAbstractScrollArea::mousePressEvent(event);
}

void LadderView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Down:
        selectRow(std::min(m_model->rowCount() - 1, m_selected + 1));
        return;
    case Qt::Key_Up:
        selectRow(std::max(0, m_selected - 1));
        return;
    case Qt::Key_Home:
        selectRow(0);
        return;
    case Qt::Key_End:
        selectRow(m_model->rowCount() - 1);
        return;
    case Qt::Key_Escape:
        selectRow(-1);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void LadderView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

} // namespace QtAri::Inspector
