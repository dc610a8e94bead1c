// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtGui/QColor>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QTabWidget;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTreeView;
class QAction;
QT_END_NAMESPACE

namespace QtAri::Inspector {

class ChannelFilterModel;
class DetailsWidget;
class EventLogWidget;
class RequestLogWidget;
class Session;

//! The channel table's filter bar: a line edit (into \a edit) filtering \a proxy's text and an
//! "In Stasis only" box (into \a stasisOnly); objectNames are \a prefix + "Filter" / "StasisOnly".
QWidget *makeChannelFilterBar(ChannelFilterModel *proxy, const QString &prefix, QLineEdit **edit,
    QCheckBox **stasisOnly, QWidget *parent);
//! The channel table's column widths, for a model whose channel columns start at \a shift.
void setChannelColumnWidths(QTableView *view, int shift = 0);

//! \brief One server's tab: channels, the bridge tree, details and the event log.
class ServerView : public QWidget
{
    Q_OBJECT
public:
    //! Takes ownership of \a session.
    explicit ServerView(Session *session, QWidget *parent = nullptr);
    ~ServerView() override;

    Session *session() const { return m_session; }
    QTableView *channelView() const { return m_channelView; }
    QTreeView *bridgeView() const { return m_bridgeView; }
    ChannelFilterModel *channelProxy() const { return m_channelProxy; }
    QCheckBox *stasisOnlyBox() const { return m_stasisOnly; }
    EventLogWidget *eventLog() const { return m_eventLog; }
    DetailsWidget *details() const { return m_details; }
    // --- request log (composer branch) ---
    RequestLogWidget *requestLog() const { return m_requestLog; }
    //! The bottom tabs: the event log and the request log.
    QTabWidget *bottomTabs() const { return m_bottomTabs; }

    //! The selected channels: rows of the channel table, or member rows of the bridge tree if
    //! that was selected last.
    QStringList selectedChannelIds() const;
    //! Bridges selected in the tree (a member row counts for its bridge).
    QStringList selectedBridgeIds() const;
    //! What play / MOH / record act on: selected bridges if the tree was used last, else channels.
    QStringList selectedTargets() const;
    //! Selects the channel \a id in the channel table (and makes the table the active selection).
    bool selectChannel(const QString &id);
    bool selectBridge(const QString &id);

    void setChannelActions(const QList<QAction *> &actions);
    void setBridgeActions(const QList<QAction *> &actions);

    //! The server's colour: its tab's text and its rows' tag in the merged view (MergedView).
    QColor tagColour() const { return m_tagColour; }
    void setTagColour(const QColor &colour) { m_tagColour = colour; }

Q_SIGNALS:
    void selectionChanged();

private:
    enum class Focus { Channels, Bridges };
    void channelSelectionChanged();
    void bridgeSelectionChanged();

    Session *m_session;
    QTableView *m_channelView;
    ChannelFilterModel *m_channelProxy;
    QLineEdit *m_channelFilter;
    QCheckBox *m_stasisOnly;
    QTreeView *m_bridgeView;
    DetailsWidget *m_details;
    EventLogWidget *m_eventLog;
    RequestLogWidget *m_requestLog; // composer branch
    QTabWidget *m_bottomTabs;
    Focus m_focus = Focus::Channels;
    QColor m_tagColour;
};

} // namespace QtAri::Inspector
