// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "mergedview.h"

#include "detailswidget.h"
#include "serverview.h"
#include "viewhelpers.h"
#include "models/bridgesmodel.h"
#include "models/channelsmodel.h"
#include "models/mergedmodel.h"
#include "models/roles.h"
#include "session.h"

#include <QtCore/QSet>
#include <QtCore/QSortFilterProxyModel>
#include <QtGui/QAction>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

namespace {
    void setUpTable(QTableView *view)
    {
        setUpRowTable(view, QAbstractItemView::ExtendedSelection);
        view->setSortingEnabled(true);
        view->sortByColumn(-1, Qt::AscendingOrder);
        view->setDragDropMode(QAbstractItemView::NoDragDrop);
        view->setColumnWidth(0, 120);
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
    }
} // namespace

MergedView::MergedView(QWidget *parent) : QWidget(parent)
{
    m_channels = new MergedModel(int(ChannelColumn::Count), this);
    m_channelProxy = new ChannelFilterModel(this);
    m_channelProxy->setSourceModel(m_channels);
    m_channelView = new QTableView(this);
    m_channelView->setObjectName(u"mergedChannelView"_s);
    m_channelView->setModel(m_channelProxy);
    setUpTable(m_channelView);
    placeColumns(
        m_channelView->horizontalHeader(), channelColumnOrder, int(ChannelColumn::Count), 1);
    setChannelColumnWidths(m_channelView, 1);

    m_bridges = new MergedModel(int(BridgeColumn::Count), this);
    m_bridgeProxy = new QSortFilterProxyModel(this);
    m_bridgeProxy->setSourceModel(m_bridges);
    m_bridgeProxy->setFilterKeyColumn(-1);
    m_bridgeProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_bridgeView = new QTableView(this);
    m_bridgeView->setObjectName(u"mergedBridgeView"_s);
    m_bridgeView->setModel(m_bridgeProxy);
    setUpTable(m_bridgeView);
    placeColumns(m_bridgeView->horizontalHeader(), bridgeColumnOrder, int(BridgeColumn::Count), 1);
    m_bridgeView->setColumnWidth(1 + int(BridgeColumn::Name), 170);

    auto *filters = makeChannelFilterBar(m_channelProxy, u"merged"_s, &m_filter, &m_stasisOnly, this);
    m_filter->setPlaceholderText(tr("Filter channels and bridges of every server"));
    connect(m_filter, &QLineEdit::textChanged, m_bridgeProxy,
        &QSortFilterProxyModel::setFilterFixedString);

    m_hint = new QLabel(this);
    m_hint->setObjectName(u"mergedHint"_s);
    m_hint->setWordWrap(true);

    m_details = new QStackedWidget(this);
    m_noDetails = new QLabel(tr("Select a channel or a bridge to see it here."), m_details);
    static_cast<QLabel *>(m_noDetails)->setAlignment(Qt::AlignCenter);
    m_details->addWidget(m_noDetails);

    auto *side = new QSplitter(Qt::Vertical, this);
    side->addWidget(titled(tr("Bridges"), nullptr, m_bridgeView, side));
    side->addWidget(m_details);
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(titled(tr("Channels of every server"), filters, m_channelView, top));
    top->addWidget(side);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    top->setSizes({ 800, 460 });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(top, 1);
    layout->addWidget(m_hint);

    connect(m_channelView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_focus = Focus::Channels;
        showDetails();
        followSelection();
    });
    connect(m_bridgeView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_focus = Focus::Bridges;
        showDetails();
        followSelection();
    });
    // Rows that go (a hangup) leave the selection without selectionChanged() telling the actions.
    for (QAbstractItemModel *model : { static_cast<QAbstractItemModel *>(m_channelProxy),
             static_cast<QAbstractItemModel *>(m_bridgeProxy) }) {
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MergedView::followSelection);
        connect(model, &QAbstractItemModel::modelReset, this, &MergedView::followSelection);
    }
    updateHint();
}

void MergedView::followSelection()
{
    // Kept, not computed when asked: the main window asks on every status update.
    QSet<Session *> sessions;
    for (const auto &row : selectedRows())
        sessions.insert(row.first);
    m_selectedServers = int(sessions.size());
    m_selectionView = nullptr;
    if (m_selectedServers == 1) {
        for (ServerView *v : servers()) {
            if (v->session() == *sessions.cbegin())
                m_selectionView = v;
        }
    }
    updateHint();
    Q_EMIT selectionChanged();
}

MergedView::~MergedView() = default;

void MergedView::addServer(ServerView *view)
{
    if (!view || m_views.contains(view))
        return;
    m_views.append(view);
    Session *session = view->session();
    m_channels->addSource(session->channels(), session, session->title(), view->tagColour());
    m_bridges->addSource(session->bridges(), session, session->title(), view->tagColour());
    updateHint();
}

void MergedView::removeServer(ServerView *view)
{
    if (!view)
        return;
    m_views.removeAll(view);
    Session *session = view->session();
    m_channels->removeSource(session->channels());
    m_bridges->removeSource(session->bridges());
    if (DetailsWidget *details = m_detailWidgets.take(session)) {
        m_details->setCurrentWidget(m_noDetails);
        delete details;
    }
    followSelection();
}

QList<ServerView *> MergedView::servers() const
{
    QList<ServerView *> out;
    for (const QPointer<ServerView> &v : m_views) {
        if (v)
            out.append(v);
    }
    return out;
}

QTableView *MergedView::currentTable() const
{
    return m_focus == Focus::Bridges ? m_bridgeView : m_channelView;
}

QList<QPair<Session *, QString>> MergedView::selectedRows() const
{
    QList<QPair<Session *, QString>> rows;
    const QTableView *table = currentTable();
    for (const QModelIndex &i : table->selectionModel()->selectedRows()) {
        auto *session = qobject_cast<Session *>(i.data(MergedModel::ServerRole).value<QObject *>());
        const QString id = i.data(IdRole).toString();
        if (session && !id.isEmpty())
            rows.append({ session, id });
    }
    return rows;
}

int MergedView::selectedServerCount() const
{
    return m_selectedServers;
}

ServerView *MergedView::selectionView() const
{
    return m_selectionView;
}

QStringList MergedView::selectedIds(Focus table) const
{
    if (m_focus != table || !selectionView())
        return {};
    QStringList ids;
    for (const auto &row : selectedRows())
        ids.append(row.second);
    return ids;
}

QStringList MergedView::selectedChannelIds() const
{
    return selectedIds(Focus::Channels);
}

QStringList MergedView::selectedBridgeIds() const
{
    return selectedIds(Focus::Bridges);
}

QStringList MergedView::selectedTargets() const
{
    return m_focus == Focus::Bridges ? selectedBridgeIds() : selectedChannelIds();
}

bool MergedView::selectChannel(Session *session, const QString &id)
{
    if (!session)
        return false;
    const int row = session->channels()->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex merged = m_channels->mapFromSource(
        session->channels()->index(row, int(ChannelColumn::Name)));
    const QModelIndex index = m_channelProxy->mapFromSource(merged);
    if (!index.isValid())
        return false;
    m_channelView->selectionModel()->select(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_channelView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    m_focus = Focus::Channels;
    return true;
}

void MergedView::setChannelActions(const QList<QAction *> &actions)
{
    m_channelView->addActions(actions);
}

void MergedView::setBridgeActions(const QList<QAction *> &actions)
{
    m_bridgeView->addActions(actions);
}

DetailsWidget *MergedView::detailsFor(Session *session)
{
    DetailsWidget *&details = m_detailWidgets[session];
    if (!details) {
        details = new DetailsWidget(session, m_details);
        m_details->addWidget(details);
    }
    return details;
}

void MergedView::showDetails()
{
    const auto rows = selectedRows();
    if (rows.size() != 1) {
        if (rows.isEmpty())
            m_details->setCurrentWidget(m_noDetails);
        return;
    }
    DetailsWidget *details = detailsFor(rows.constFirst().first);
    if (m_focus == Focus::Bridges)
        details->showBridge(rows.constFirst().second);
    else
        details->showChannel(rows.constFirst().second);
    m_details->setCurrentWidget(details);
}

void MergedView::updateHint()
{
    const int count = int(servers().size());
    const int selected = selectedServerCount();
    if (selected > 1) {
        m_hint->setText(tr("The selection holds rows of %n server(s): actions act on one "
                           "server at a time, so select rows of one server.",
            nullptr, selected));
    } else {
        m_hint->setText(tr("%n server(s). Actions act on the server of the selected rows; "
                           "select a row to originate or create a bridge on its server.",
            nullptr, count));
    }
}

} // namespace QtAri::Inspector
