// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "ladderwindow.h"

#include "ladderview.h"
#include "models/laddermodel.h"
#include "models/traffic.h"
#include "session.h"

#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSaveFile>
#include <QtGui/QClipboard>
#include <QtGui/QFontDatabase>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QToolBar>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

LadderWindow::LadderWindow(Session *session, const QString &key, QWidget *parent)
    : QWidget(parent, Qt::Window), m_session(session)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(u"ladderWindow"_s);
    m_model = new LadderModel(session->traffic(), this);
    m_model->setApplicationTitle(
        tr("App %1").arg(session->profile().applications.join(u", "_s)));
    m_model->setAnchor(key);

    auto *toolBar = new QToolBar(this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_follow = toolBar->addAction(tr("&Follow the call's legs"));
    m_follow->setObjectName(u"actionFollowLegs"_s);
    m_follow->setCheckable(true);
    m_follow->setChecked(m_model->followLegs());
    m_follow->setShortcut(Qt::CTRL | Qt::Key_F);
    m_follow->setToolTip(tr("Show every leg of the call: Local halves, dialled peers, bridge "
                            "partners, snoops and transfers"));
    connect(m_follow, &QAction::toggled, m_model, &LadderModel::setFollowLegs);
    toolBar->addSeparator();
    QAction *svg = toolBar->addAction(tr("Export &SVG…"), this, [this] { exportAs(Format::Svg); });
    svg->setObjectName(u"actionExportSvg"_s);
    QAction *png = toolBar->addAction(tr("Export &PNG…"), this, [this] { exportAs(Format::Png); });
    png->setObjectName(u"actionExportPng"_s);
    QAction *text =
        toolBar->addAction(tr("Export &text…"), this, [this] { exportAs(Format::Text); });
    text->setObjectName(u"actionExportText"_s);
    QAction *copy = toolBar->addAction(tr("&Copy as text"), this,
        [this] { QGuiApplication::clipboard()->setText(m_model->toText()); });
    copy->setObjectName(u"actionCopyLadder"_s);
    copy->setShortcut(QKeySequence::Copy);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"ladderSummary"_s);
    toolBar->addSeparator();
    toolBar->addWidget(m_summary);

    m_view = new LadderView(m_model, this);
    m_view->setObjectName(u"ladderView"_s);
    m_json = new QPlainTextEdit(this);
    m_json->setObjectName(u"ladderJson"_s);
    m_json->setReadOnly(true);
    m_json->setPlaceholderText(tr("Click a row to see its JSON; deltas are then measured from it."));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_json);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolBar);
    layout->addWidget(splitter);

    connect(m_view, &LadderView::rowSelected, this, &LadderWindow::showRow);
    connect(m_model, &LadderModel::ladderChanged, this, &LadderWindow::updateSummary);
    updateSummary();

    const QString id = keyId(key);
    const QString name =
        session->traffic()->channelSnapshot(id).value("name"_L1).toString();
    setWindowTitle(tr("Call ladder — %1 — %2").arg(name.isEmpty() ? id : name, session->title()));
    resize(1200, 700);
    // A ladder of a session that goes away closes with it.
    connect(session, &QObject::destroyed, this, &QWidget::close);
}

LadderWindow::~LadderWindow() = default;

void LadderWindow::showRow(int row)
{
    if (row < 0) {
        m_json->clear();
        return;
    }
    const QJsonObject json =
        m_model->data(m_model->index(row, 0), LadderModel::JsonRole).toJsonObject();
    m_json->setPlainText(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
}

void LadderWindow::updateSummary()
{
    m_summary->setText(tr("%n channel(s)", nullptr, m_model->laneCount(u"channel"_s)) + u" · "_s
        + tr("%n bridge(s)", nullptr, m_model->laneCount(u"bridge"_s)) + u" · "_s
        + tr("%n row(s)", nullptr, m_model->rowCount()));
}

bool LadderWindow::exportTo(const QString &path, Format format, bool quiet)
{
    bool ok = false;
    QString error;
    if (format == Format::Png) {
        const int first = std::max(0, m_view->selectedRow());
        const QImage image = ladderImage(*m_model, first, 500, m_view->geometry());
        ok = image.save(path, "PNG");
        if (!ok)
            error = tr("could not write the image");
    } else {
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly)) {
            const QString text =
                format == Format::Svg ? ladderSvg(*m_model, m_view->geometry()) : m_model->toText();
            file.write(text.toUtf8());
            ok = file.commit();
        }
        if (!ok)
            error = file.errorString();
    }
    if (!ok && !quiet)
        QMessageBox::warning(this, tr("Export failed"), tr("%1: %2").arg(path, error));
    return ok;
}

void LadderWindow::exportAs(Format format)
{
    QString filter;
    QString suffix;
    switch (format) {
    case Format::Svg:
        filter = tr("SVG images (*.svg)");
        suffix = u".svg"_s;
        break;
    case Format::Png:
        // An image of a very long ladder would be huge: it holds 500 rows from the selected one.
        filter = tr("PNG images, 500 rows from the selected one (*.png)");
        suffix = u".png"_s;
        break;
    case Format::Text:
        filter = tr("Text files (*.txt)");
        suffix = u".txt"_s;
        break;
    }
    auto *dialog = new QFileDialog(this, tr("Export the call ladder"), QString(), filter);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(suffix.mid(1));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
        [this, format](const QString &path) { exportTo(path, format); });
    dialog->open();
}

} // namespace QtAri::Inspector
