// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "serverview.h"

#include "viewhelpers.h"
#include "detailswidget.h"
#include "eventlogwidget.h"
#include "requestlogwidget.h"
#include "models/bridgesmodel.h"
#include "models/channelsmodel.h"
#include "models/roles.h"
#include "session.h"

#include <QtCore/QSortFilterProxyModel>
#include <QtGui/QAction>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

QWidget *makeChannelFilterBar(ChannelFilterModel *proxy, const QString &prefix, QLineEdit **edit,
    QCheckBox **stasisOnly, QWidget *parent)
{
    auto *bar = new QWidget(parent);
    *edit = new QLineEdit(bar);
    (*edit)->setObjectName(prefix + u"Filter"_s);
    (*edit)->setPlaceholderText(ServerView::tr("Filter channels"));
    (*edit)->setClearButtonEnabled(true);
    QObject::connect(
        *edit, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
    *stasisOnly = new QCheckBox(ServerView::tr("In Stasis only"), bar);
    (*stasisOnly)->setObjectName(prefix + u"StasisOnly"_s);
    (*stasisOnly)->setToolTip(
        ServerView::tr("Show only the channels that are in a Stasis application"));
    QObject::connect(*stasisOnly, &QCheckBox::toggled, proxy, &ChannelFilterModel::setStasisOnly);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(*edit, 1);
    layout->addWidget(*stasisOnly);
    return bar;
}

void setChannelColumnWidths(QTableView *view, int shift)
{
    view->setColumnWidth(shift + int(ChannelColumn::Name), 170);
    view->setColumnWidth(shift + int(ChannelColumn::State), 55);
    view->setColumnWidth(shift + int(ChannelColumn::Caller), 150);
    view->setColumnWidth(shift + int(ChannelColumn::Connected), 100);
    view->setColumnWidth(shift + int(ChannelColumn::Bridge), 110);
    view->setColumnWidth(shift + int(ChannelColumn::Duration), 65);
}

ServerView::ServerView(Session *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    session->setParent(this);

    m_channelView = new QTableView(this);
    m_channelView->setObjectName(u"channelView"_s);
    m_channelProxy = new ChannelFilterModel(this);
    m_channelProxy->setSourceModel(session->channels());
    m_channelView->setModel(m_channelProxy);
    setUpRowTable(m_channelView, QAbstractItemView::ExtendedSelection);
    m_channelView->setSortingEnabled(true);
    m_channelView->sortByColumn(-1, Qt::AscendingOrder);
    m_channelView->setDragEnabled(true);
    m_channelView->setDragDropMode(QAbstractItemView::DragOnly);
    placeColumns(m_channelView->horizontalHeader(), channelColumnOrder, int(ChannelColumn::Count));
    setChannelColumnWidths(m_channelView);
    m_channelView->setColumnWidth(int(ChannelColumn::Application), 80);
    m_channelView->setColumnWidth(int(ChannelColumn::Dialplan), 120);
    m_channelView->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *filters =
        makeChannelFilterBar(m_channelProxy, u"channel"_s, &m_channelFilter, &m_stasisOnly, this);
    m_stasisOnly->setObjectName(u"stasisOnly"_s);

    m_bridgeView = new QTreeView(this);
    m_bridgeView->setObjectName(u"bridgeView"_s);
    m_bridgeView->setModel(session->bridges());
    m_bridgeView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_bridgeView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_bridgeView->setAcceptDrops(true);
    m_bridgeView->setDragDropMode(QAbstractItemView::DropOnly);
    m_bridgeView->setDropIndicatorShown(true);
    m_bridgeView->setDefaultDropAction(Qt::CopyAction);
    m_bridgeView->setUniformRowHeights(true);
    m_bridgeView->setAlternatingRowColors(true);
    m_bridgeView->setContextMenuPolicy(Qt::ActionsContextMenu);
    placeColumns(m_bridgeView->header(), bridgeColumnOrder, int(BridgeColumn::Count));
    m_bridgeView->setTreePosition(int(BridgeColumn::Name));
    m_bridgeView->setColumnWidth(int(BridgeColumn::Name), 200);
    m_bridgeView->setColumnWidth(int(BridgeColumn::Type), 70);
    m_bridgeView->setColumnWidth(int(BridgeColumn::Technology), 100);
    m_bridgeView->setToolTip(tr("Drop channels here to bridge them"));
    connect(session->bridges(), &QAbstractItemModel::rowsInserted, m_bridgeView,
        [this](const QModelIndex &parent) {
            if (!parent.isValid())
                return;
            m_bridgeView->expand(parent);
        });

    m_details = new DetailsWidget(session, this);
    m_eventLog = new EventLogWidget(session->eventLog(), this);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(titled(tr("Channels"), filters, m_channelView, top));
    auto *side = new QSplitter(Qt::Vertical, top);
    side->addWidget(titled(tr("Bridges"), nullptr, m_bridgeView, side));
    side->addWidget(m_details);
    top->addWidget(side);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    auto *main = new QSplitter(Qt::Vertical, this);
    main->addWidget(top);
    // Bottom: the event log and the request log as tabs (composer branch).
    m_requestLog = new RequestLogWidget(session, this);
    m_bottomTabs = new QTabWidget(main);
    m_bottomTabs->setObjectName(u"bottomTabs"_s);
    m_bottomTabs->setDocumentMode(true);
    m_bottomTabs->addTab(m_eventLog, tr("Events"));
    m_bottomTabs->addTab(m_requestLog, tr("Requests"));
    main->addWidget(m_bottomTabs);
    main->setStretchFactor(0, 1);
    main->setStretchFactor(1, 1);
    main->setSizes({ 420, 330 });
    top->setSizes({ 760, 500 });
    side->setSizes({ 230, 190 });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(main);

    connect(m_channelView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ServerView::channelSelectionChanged);
    connect(m_bridgeView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ServerView::bridgeSelectionChanged);
}

ServerView::~ServerView() = default;

void ServerView::setChannelActions(const QList<QAction *> &actions)
{
    m_channelView->addActions(actions);
}

void ServerView::setBridgeActions(const QList<QAction *> &actions)
{
    m_bridgeView->addActions(actions);
}

QStringList ServerView::selectedChannelIds() const
{
    QStringList ids;
    if (m_focus == Focus::Bridges) {
        for (const QModelIndex &i : m_bridgeView->selectionModel()->selectedRows()) {
            const QString id = m_session->bridges()->channelIdAt(i);
            if (!id.isEmpty() && !ids.contains(id))
                ids.append(id);
        }
        return ids;
    }
    for (const QModelIndex &i : m_channelView->selectionModel()->selectedRows())
        ids.append(i.data(IdRole).toString());
    return ids;
}

QStringList ServerView::selectedBridgeIds() const
{
    QStringList ids;
    for (const QModelIndex &i : m_bridgeView->selectionModel()->selectedRows()) {
        const QString id = m_session->bridges()->bridgeIdAt(i);
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    return ids;
}

QStringList ServerView::selectedTargets() const
{
    if (m_focus == Focus::Bridges) {
        QStringList bridges;
        for (const QModelIndex &i : m_bridgeView->selectionModel()->selectedRows()) {
            if (m_session->bridges()->channelIdAt(i).isEmpty())
                bridges.append(m_session->bridges()->bridgeIdAt(i));
        }
        if (!bridges.isEmpty())
            return bridges;
    }
    return selectedChannelIds();
}

bool ServerView::selectChannel(const QString &id)
{
    const int row = m_session->channels()->rowOf(id);
    if (row < 0)
        return false;
    // The name column: the current index is what the view scrolls to, and it is leftmost.
    const QModelIndex index = m_channelProxy->mapFromSource(
        m_session->channels()->index(row, int(ChannelColumn::Name)));
    m_channelView->selectionModel()->select(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_channelView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    m_focus = Focus::Channels;
    return true;
}

bool ServerView::selectBridge(const QString &id)
{
    const QModelIndex index =
        m_session->bridges()->indexOf(id).siblingAtColumn(int(BridgeColumn::Name));
    if (!index.isValid())
        return false;
    m_bridgeView->selectionModel()->select(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_bridgeView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    m_focus = Focus::Bridges;
    return true;
}

void ServerView::channelSelectionChanged()
{
    m_focus = Focus::Channels;
    const QStringList ids = selectedChannelIds();
    if (ids.size() == 1)
        m_details->showChannel(ids.first());
    else if (ids.isEmpty())
        m_details->showNothing();
    Q_EMIT selectionChanged();
}

void ServerView::bridgeSelectionChanged()
{
    m_focus = Focus::Bridges;
    const QModelIndex current = m_bridgeView->selectionModel()->selectedRows().value(0);
    if (current.isValid()) {
        const QString channel = m_session->bridges()->channelIdAt(current);
        if (channel.isEmpty())
            m_details->showBridge(m_session->bridges()->bridgeIdAt(current));
        else
            m_details->showChannel(channel);
    }
    Q_EMIT selectionChanged();
}

} // namespace QtAri::Inspector
