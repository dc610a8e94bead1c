// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QHash>
#include <QtCore/QPointer>
#include <QtGui/QColor>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
QT_END_NAMESPACE

namespace QtAri::Inspector {

class ChannelFilterModel;
class DetailsWidget;
class MergedModel;
class ServerView;
class Session;

//! \brief Every server's channels and bridges in one window (View › All Servers), each row tagged
//! with its server's colour.
//!
//! The tables stand on the servers' own models (MergedModel over each ServerView's ChannelsModel
//! and BridgesModel), so they show exactly what the server tabs show. Actions act on one server
//! at a time: selectionView() is the server tab whose rows are selected, and nothing when the
//! selection spans several servers (the main window then disables every action on it). Rows
//! cannot be dragged, so no channel can be dropped into another server's bridge.
class MergedView : public QWidget
{
    Q_OBJECT
public:
    explicit MergedView(QWidget *parent = nullptr);
    ~MergedView() override;

    //! Adds the rows of \a view's server, tagged with \a view's colour (ServerView::tagColour()).
    void addServer(ServerView *view);
    //! Takes \a view's rows out (before the tab closes).
    void removeServer(ServerView *view);
    QList<ServerView *> servers() const;

    QTableView *channelView() const { return m_channelView; }
    QTableView *bridgeView() const { return m_bridgeView; }
    ChannelFilterModel *channelProxy() const { return m_channelProxy; }
    MergedModel *channelModel() const { return m_channels; }
    MergedModel *bridgeModel() const { return m_bridges; }
    QLineEdit *filterEdit() const { return m_filter; }

    //! How many servers the selected rows belong to.
    int selectedServerCount() const;
    //! The server tab of the selected rows when they are all one server's, else nullptr.
    ServerView *selectionView() const;
    //! The selected channels (when the channel table was used last) of the selection's server.
    QStringList selectedChannelIds() const;
    //! The selected bridges (when the bridge table was used last) of the selection's server.
    QStringList selectedBridgeIds() const;
    //! What play / MOH / record act on: the bridges if their table was used last, else channels.
    QStringList selectedTargets() const;
    //! Selects channel \a id of \a session's server; false if it is not a row.
    bool selectChannel(Session *session, const QString &id);

    void setChannelActions(const QList<QAction *> &actions);
    void setBridgeActions(const QList<QAction *> &actions);

Q_SIGNALS:
    void selectionChanged();

private:
    enum class Focus { Channels, Bridges };
    QTableView *currentTable() const;
    //! The selected rows of the table in focus, as (server, id) pairs.
    QList<QPair<Session *, QString>> selectedRows() const;
    //! The ids of the selected rows if \a table was used last and they are one server's.
    QStringList selectedIds(Focus table) const;
    void followSelection();
    void showDetails();
    DetailsWidget *detailsFor(Session *session);
    void updateHint();

    MergedModel *m_channels;
    MergedModel *m_bridges;
    ChannelFilterModel *m_channelProxy;
    QSortFilterProxyModel *m_bridgeProxy;
    QTableView *m_channelView;
    QTableView *m_bridgeView;
    QLineEdit *m_filter;
    QCheckBox *m_stasisOnly;
    QLabel *m_hint;
    QStackedWidget *m_details;
    QWidget *m_noDetails;
    QList<QPointer<ServerView>> m_views;
    QHash<Session *, DetailsWidget *> m_detailWidgets;
    Focus m_focus = Focus::Channels;
    int m_selectedServers = 0;
    QPointer<ServerView> m_selectionView;
};

} // namespace QtAri::Inspector
