// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "commandpalette.h"

#include <QtGui/QAction>
#include <QtGui/QKeyEvent>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMainWindow>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QToolBar>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

namespace {
    constexpr int ActionIndexRole = Qt::UserRole + 1;

    QString plain(const QString &text)
    {
        QString t = text;
        t.replace(u"&&"_s, u"\x01"_s).remove(u'&').replace(u'\x01', u'&');
        if (t.endsWith(u'…'))
            t.chop(1);
        if (t.endsWith(u"..."_s))
            t.chop(3);
        return t;
    }

    void walk(QMenu *menu, const QString &path, QList<std::pair<QString, QAction *>> &out)
    {
        for (QAction *a : menu->actions()) {
            if (a->isSeparator() || !a->isVisible())
                continue;
            if (QMenu *sub = a->menu()) {
                walk(sub, path + u" › "_s + plain(a->text()), out);
                continue;
            }
            out.append({ path + u" › "_s + plain(a->text()), a });
        }
    }
} // namespace

CommandPalette::CommandPalette(QMainWindow *window)
    : QFrame(window, Qt::Popup | Qt::FramelessWindowHint), m_window(window)
{
    setObjectName(u"commandPalette"_s);
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"paletteFilter"_s);
    m_filter->setPlaceholderText(tr("Type a command"));
    m_filter->installEventFilter(this);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"paletteList"_s);
    m_list->setColumnCount(2);
    m_list->setHeaderHidden(true);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    connect(m_filter, &QLineEdit::textChanged, this, &CommandPalette::refilter);
    connect(m_list, &QTreeWidget::itemActivated, this, [this] { runCurrent(); });
    connect(m_list, &QTreeWidget::itemClicked, this, [this] { runCurrent(); });
}

CommandPalette::~CommandPalette() = default;

QList<std::pair<QString, QAction *>> CommandPalette::collect(QMainWindow *window)
{
    QList<std::pair<QString, QAction *>> out;
    for (QAction *top : window->menuBar()->actions()) {
        if (QMenu *menu = top->menu(); menu && top->isVisible())
            walk(menu, plain(top->text()), out);
    }
    // Tool bar actions that no menu has.
    for (QToolBar *bar : window->findChildren<QToolBar *>()) {
        for (QAction *a : bar->actions()) {
            if (a->isSeparator() || !a->isVisible() || a->menu())
                continue;
            const bool known = std::any_of(
                out.cbegin(), out.cend(), [a](const auto &entry) { return entry.second == a; });
            if (!known)
                out.append({ plain(bar->windowTitle()) + u" › "_s + plain(a->text()), a });
        }
    }
    return out;
}

int CommandPalette::score(const QString &query, const QString &text)
{
    const QStringList words = query.simplified().split(u' ', Qt::SkipEmptyParts);
    int total = 0;
    for (const QString &word : words) {
        const qsizetype at = text.indexOf(word, 0, Qt::CaseInsensitive);
        if (at >= 0) {
            // A substring: best at the start of a word, better the earlier.
            const bool wordStart = at == 0 || !text.at(at - 1).isLetterOrNumber();
            total += (wordStart ? 300 : 200) - int(std::min<qsizetype>(at, 100));
            continue;
        }
        // The letters in order, within the action's own name (not its menu's: "hang" should not
        // find "Channel › Ring").
        const QString name = text.section(u" › "_s, -1);
        qsizetype pos = 0;
        int gaps = 0;
        for (const QChar c : word) {
            const qsizetype found = name.indexOf(c, pos, Qt::CaseInsensitive);
            if (found < 0)
                return -1;
            gaps += int(found - pos);
            pos = found + 1;
        }
        total += std::max(1, 100 - gaps);
    }
    return total;
}

void CommandPalette::popup()
{
    m_actions.clear();
    for (const auto &[path, action] : collect(m_window))
        m_actions.append({ path, QPointer<QAction>(action) });
    m_filter->blockSignals(true);
    m_filter->clear();
    m_filter->blockSignals(false);
    refilter();
    const int width = std::min(640, std::max(360, m_window->width() / 2));
    resize(width, 420);
    const QPoint topCenter = m_window->mapToGlobal(QPoint(m_window->width() / 2, 0));
    move(topCenter.x() - width / 2, topCenter.y() + 60);
    show();
    raise();
    activateWindow();
    m_filter->setFocus(Qt::PopupFocusReason);
}

QList<QAction *> CommandPalette::actions() const
{
    QList<QAction *> list;
    for (const auto &entry : m_actions) {
        if (entry.second)
            list.append(entry.second);
    }
    return list;
}

void CommandPalette::refilter()
{
    const QString query = m_filter->text();
    QList<std::pair<int, int>> ranked; // (score, index)
    for (int i = 0; i < int(m_actions.size()); ++i) {
        if (!m_actions.at(i).second)
            continue;
        const int s = query.trimmed().isEmpty() ? 0 : score(query, m_actions.at(i).first);
        if (s >= 0)
            ranked.append({ s, i });
    }
    std::stable_sort(ranked.begin(), ranked.end(),
        [](const auto &a, const auto &b) { return a.first > b.first; });
    m_list->clear();
    QTreeWidgetItem *firstEnabled = nullptr;
    for (const auto &[s, i] : std::as_const(ranked)) {
        QAction *a = m_actions.at(i).second;
        auto *item = new QTreeWidgetItem(m_list,
            { m_actions.at(i).first, a->shortcut().toString(QKeySequence::NativeText) });
        item->setData(0, ActionIndexRole, i);
        item->setIcon(0, a->icon());
        item->setToolTip(0, a->toolTip());
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        if (!a->isEnabled())
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        else if (!firstEnabled)
            firstEnabled = item;
    }
    if (firstEnabled)
        m_list->setCurrentItem(firstEnabled);
    else if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
}

QStringList CommandPalette::shownCommands() const
{
    QStringList out;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        out.append(m_list->topLevelItem(i)->text(0));
    return out;
}

bool CommandPalette::runCurrent()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return false;
    const int index = item->data(0, ActionIndexRole).toInt();
    QPointer<QAction> action = m_actions.value(index).second;
    if (!action || !action->isEnabled())
        return false;
    hide();
    action->trigger(); // a checkable action toggles, as from its menu
    return true;
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const int rows = m_list->topLevelItemCount();
        const int current = m_list->indexOfTopLevelItem(m_list->currentItem());
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Up:
        case Qt::Key_PageDown:
        case Qt::Key_PageUp: {
            if (rows == 0)
                return true;
            const int step = key->key() == Qt::Key_Down ? 1
                : key->key() == Qt::Key_Up              ? -1
                : key->key() == Qt::Key_PageDown        ? 10
                                                        : -10;
            const int next = std::clamp(current + step, 0, rows - 1);
            m_list->setCurrentItem(m_list->topLevelItem(next));
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
            runCurrent();
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace QtAri::Inspector
