// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QPointer>
#include <QtWidgets/QFrame>

QT_BEGIN_NAMESPACE
class QAction;
class QLineEdit;
class QMainWindow;
class QTreeWidget;
QT_END_NAMESPACE

namespace QtAri::Inspector {

//! \brief Ctrl+K: every action of the main window, filtered as you type, run with Enter.
//!
//! The actions are collected each time the palette opens by walking the window's menu bar
//! (submenus included) and its tool bars, so actions added later by anyone appear without being
//! listed here. Each row shows the menu path ("Channel › Hang up") and the shortcut; disabled
//! actions are shown greyed and cannot be run. Typing filters by words, each matching a substring
//! of the path or, failing that, the letters in order in the action's name ("hgup" finds
//! "Hang up"); Up/Down move, Enter runs and closes, Esc closes.
class CommandPalette : public QFrame
{
    Q_OBJECT
public:
    explicit CommandPalette(QMainWindow *window);
    ~CommandPalette() override;

    //! Collects the actions, clears the filter and shows the palette over the window.
    void popup();

    QLineEdit *filterEdit() const { return m_filter; }
    QTreeWidget *list() const { return m_list; }
    //! Every action the palette offers now (collected by popup()), in menu order.
    QList<QAction *> actions() const;
    //! The rows shown now (after filtering), as "Menu › Action".
    QStringList shownCommands() const;
    //! Runs the current row's action if it is enabled (and closes); false otherwise.
    bool runCurrent();

    //! Every action reachable from \a window's menu bar and tool bars, with its menu path.
    static QList<std::pair<QString, QAction *>> collect(QMainWindow *window);
    //! How well \a query matches \a text: -1 for not at all, higher is better.
    static int score(const QString &query, const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();

    QMainWindow *m_window;
    QLineEdit *m_filter;
    QTreeWidget *m_list;
    QList<std::pair<QString, QPointer<QAction>>> m_actions;
};

} // namespace QtAri::Inspector
