// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "anomalywindow.h"

#include "models/anomalymodel.h"
#include "session.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

AnomalyWindow::AnomalyWindow(Session *session, QWidget *parent)
    : QWidget(parent, Qt::Window), m_session(session)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(u"anomalyWindow"_s);
    setWindowTitle(tr("Anomalies — %1").arg(session->title()));
    AnomalyModel *model = session->anomalies();
    m_view = new QTableView(this);
    m_view->setObjectName(u"anomalyView"_s);
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(AnomalyModel::TimeColumn, 100);
    m_view->setColumnWidth(AnomalyModel::KindColumn, 190);
    m_view->setColumnWidth(AnomalyModel::ObjectColumn, 220);

    auto *hint = new QLabel(tr("Repeated events, playbacks that never finish, REST errors, "
                               "channels left outside Stasis and what changed while the "
                               "connection was down."),
        this);
    hint->setWordWrap(true);
    auto *ladder = new QPushButton(tr("Show &ladder"), this);
    ladder->setObjectName(u"anomalyLadder"_s);
    ladder->setEnabled(false);
    auto *clear = new QPushButton(tr("&Clear"), this);
    clear->setObjectName(u"anomalyClear"_s);
    connect(clear, &QPushButton::clicked, model, &AnomalyModel::clear);
    const auto selectedKey = [this, model] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        const QString key =
            rows.isEmpty() ? QString() : model->data(rows.first(), AnomalyModel::ObjectRole).toString();
        return key.startsWith("channel:"_L1) || key.startsWith("bridge:"_L1) ? key : QString();
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [ladder, selectedKey] { ladder->setEnabled(!selectedKey().isEmpty()); });
    connect(ladder, &QPushButton::clicked, this, [this, selectedKey] {
        if (const QString key = selectedKey(); !key.isEmpty())
            Q_EMIT ladderRequested(key);
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(hint, 1);
    buttons->addWidget(ladder);
    buttons->addWidget(clear);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    resize(900, 400);
    connect(session, &QObject::destroyed, this, &QWidget::close);
}

} // namespace QtAri::Inspector
