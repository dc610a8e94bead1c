// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "eventlogwidget.h"
#include "viewhelpers.h"

#include "models/eventlogfilter.h"
#include "models/eventlogmodel.h"
#include "models/roles.h"

#include <QtCore/QJsonDocument>
#include <QtGui/QFontDatabase>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

EventLogWidget::EventLogWidget(EventLogModel *model, QWidget *parent)
    : QWidget(parent), m_model(model)
{
    m_filter = new EventLogFilter(this);
    m_filter->setSourceModel(model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    auto *title = new QLabel(tr("<b>Event log</b>"), this);
    bar->addWidget(title);
    m_pause = new QToolButton(this);
    m_pause->setObjectName(u"pauseEventLog"_s);
    m_pause->setCheckable(true);
    m_pause->setText(tr("Pause"));
    m_pause->setToolTip(tr("Stop adding events to the log (they are kept and shown on resume)"));
    m_pause->setIcon(QIcon::fromTheme(u"media-playback-pause"_s));
    m_pause->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addWidget(m_pause);
    m_type = new QComboBox(this);
    m_type->setObjectName(u"eventTypeFilter"_s);
    m_type->addItem(tr("All event types"), QString());
    m_type->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    bar->addWidget(m_type);
    m_id = new QLineEdit(this);
    m_id->setObjectName(u"eventIdFilter"_s);
    m_id->setPlaceholderText(tr("Channel, bridge or playback id"));
    m_id->setClearButtonEnabled(true);
    bar->addWidget(m_id, 1);
    m_text = new QLineEdit(this);
    m_text->setObjectName(u"eventTextFilter"_s);
    m_text->setPlaceholderText(tr("Search text in events"));
    m_text->setClearButtonEnabled(true);
    bar->addWidget(m_text, 1);
    auto *clear = new QToolButton(this);
    clear->setText(tr("Clear"));
    clear->setIcon(QIcon::fromTheme(u"edit-clear"_s));
    clear->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addWidget(clear);
    m_count = new QLabel(this);
    bar->addWidget(m_count);
    layout->addLayout(bar);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_view = new QTableView(split);
    m_view->setObjectName(u"eventLogView"_s);
    m_view->setModel(m_filter);
    setUpRowTable(m_view, QAbstractItemView::SingleSelection);
    m_view->setColumnWidth(int(EventColumn::Time), 95);
    m_view->setColumnWidth(int(EventColumn::Type), 170);
    m_view->setColumnWidth(int(EventColumn::Application), 110);
    m_view->setColumnWidth(int(EventColumn::Objects), 170);
    m_json = new QPlainTextEdit(split);
    m_json->setObjectName(u"eventJsonView"_s);
    m_json->setReadOnly(true);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setPlaceholderText(tr("Select an event to see its JSON"));
    split->addWidget(m_view);
    split->addWidget(m_json);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({ 800, 460 });
    layout->addWidget(split, 1);

    for (const QString &t : model->knownTypes())
        addType(t);
    connect(model, &EventLogModel::typeSeen, this, &EventLogWidget::addType);
    connect(m_pause, &QToolButton::toggled, model, &EventLogModel::setPaused);
    connect(model, &EventLogModel::pausedChanged, m_pause, &QToolButton::setChecked);
    connect(model, &EventLogModel::pendingCountChanged, this, &EventLogWidget::updateCount);
    connect(clear, &QToolButton::clicked, model, &EventLogModel::clear);
    connect(m_type, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setTypeFilter(m_type->currentData().toString()); });
    connect(m_id, &QLineEdit::textChanged, m_filter, &EventLogFilter::setIdFilter);
    connect(m_text, &QLineEdit::textChanged, m_filter, &EventLogFilter::setTextFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &EventLogWidget::showCurrent);
    // Follow the newest events while the view is scrolled to the bottom.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
        [this](int value) { m_follow = value >= m_view->verticalScrollBar()->maximum() - 2; });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            m_view->scrollToBottom();
        updateCount();
    });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &EventLogWidget::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &EventLogWidget::updateCount);
    updateCount();
}

void EventLogWidget::setIdFilter(const QString &id)
{
    m_id->setText(id);
}

void EventLogWidget::addType(const QString &type)
{
    if (type.isEmpty() || m_type->findData(type) >= 0)
        return;
    // Keep the list sorted after the "all" entry.
    int at = 1;
    while (at < m_type->count() && m_type->itemData(at).toString() < type)
        ++at;
    m_type->insertItem(at, type, type);
}

void EventLogWidget::showCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_json->clear();
        return;
    }
    const QJsonObject json = current.data(JsonRole).toJsonObject();
    m_json->setPlainText(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
}

void EventLogWidget::updateCount()
{
    QString text = tr("%1 shown").arg(m_filter->rowCount());
    if (m_model->isPaused() && m_model->pendingCount() > 0)
        text += u" · "_s + tr("%1 waiting").arg(m_model->pendingCount());
    m_count->setText(text);
}

} // namespace QtAri::Inspector
