// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "detailswidget.h"

#include "models/bridgesmodel.h"
#include "models/channelsmodel.h"
#include "session.h"

#include <QtAri/ChannelModel>

#include <QtCore/QJsonArray>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

DetailsWidget::DetailsWidget(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::RichText);
    layout->addWidget(m_title);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(u"detailsTree"_s);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({ tr("Property"), tr("Value") });
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    layout->addWidget(m_tree, 1);
    auto *row = new QHBoxLayout;
    m_varName = new QLineEdit(this);
    m_varName->setObjectName(u"variableName"_s);
    m_varName->setPlaceholderText(tr("Channel variable, e.g. CALLERID(num)"));
    m_varGet = new QPushButton(tr("Get"), this);
    m_varGet->setObjectName(u"variableGet"_s);
    row->addWidget(m_varName, 1);
    row->addWidget(m_varGet);
    layout->addLayout(row);
    connect(m_varGet, &QPushButton::clicked, this, [this] { fetchVariable(m_varName->text()); });
    connect(m_varName, &QLineEdit::returnPressed, m_varGet, &QPushButton::click);
    // Stay current while the shown object changes.
    connect(session->channels(), &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &tl, const QModelIndex &br, const QList<int> &roles) {
            if (roles.contains(QtAri::ChannelModel::DurationRole) || !m_isChannel || !m_session)
                return; // the once-a-second duration tick changes nothing shown here
            const int row = m_session->channels()->rowOf(m_id);
            if (row >= tl.row() && row <= br.row())
                refresh();
        });
    connect(session->bridges(), &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &tl) {
            if (!m_isChannel && m_session && m_session->bridges()->bridgeIdAt(tl) == m_id)
                refresh();
        });
    showNothing();
}

void DetailsWidget::showNothing()
{
    m_id.clear();
    m_fetched.clear();
    m_title->setText(tr("<b>Details</b> — select a channel or a bridge"));
    m_tree->clear();
    m_varName->setEnabled(false);
    m_varGet->setEnabled(false);
}

void DetailsWidget::showChannel(const QString &channelId)
{
    if (m_id != channelId)
        m_fetched.clear();
    m_id = channelId;
    m_isChannel = true;
    m_varName->setEnabled(true);
    m_varGet->setEnabled(true);
    refresh();
}

void DetailsWidget::showBridge(const QString &bridgeId)
{
    m_fetched.clear();
    m_id = bridgeId;
    m_isChannel = false;
    m_varName->setEnabled(false);
    m_varGet->setEnabled(false);
    refresh();
}

void DetailsWidget::refresh()
{
    if (m_id.isEmpty() || !m_session)
        return;
    const QJsonObject json =
        m_isChannel ? m_session->channels()->json(m_id) : m_session->bridges()->json(m_id);
    const QString what = m_isChannel ? tr("Channel") : tr("Bridge");
    const QString name = json.value("name"_L1).toString();
    m_title->setText(u"<b>%1</b> %2"_s.arg(what, (name.isEmpty() ? m_id : name).toHtmlEscaped()));
    fill(json);
}

void DetailsWidget::fill(const QJsonObject &json)
{
    m_tree->setUpdatesEnabled(false);
    m_tree->clear();
    addJson(m_tree->invisibleRootItem(), json);
    if (m_isChannel) {
        QTreeWidgetItem *vars = variablesItem();
        const QJsonObject reported = json.value("channelvars"_L1).toObject();
        for (auto it = reported.begin(); it != reported.end(); ++it)
            new QTreeWidgetItem(vars, { it.key(), it.value().toVariant().toString() });
        for (auto it = m_fetched.cbegin(); it != m_fetched.cend(); ++it)
            new QTreeWidgetItem(vars, { it.key(), it.value() });
        if (vars->childCount() == 0)
            new QTreeWidgetItem(vars, { tr("(none reported; ask for one below)"), QString() });
        if (m_session) {
            for (const QString &p : m_session->playbacksOn(m_id))
                new QTreeWidgetItem(m_tree, { tr("Playback"), p });
            for (const QString &r : m_session->recordingsOn(m_id))
                new QTreeWidgetItem(m_tree, { tr("Recording"), r });
        }
    }
    m_tree->expandAll();
    m_tree->setUpdatesEnabled(true);
}

QTreeWidgetItem *DetailsWidget::variablesItem()
{
    auto *item = new QTreeWidgetItem(m_tree, { tr("Variables"), QString() });
    item->setData(0, Qt::UserRole, u"variables"_s);
    QFont f = item->font(0);
    f.setBold(true);
    item->setFont(0, f);
    return item;
}

void DetailsWidget::addJson(QTreeWidgetItem *parent, const QJsonObject &json)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() == "channelvars"_L1)
            continue;
        auto *item = new QTreeWidgetItem(parent, { it.key() });
        const QJsonValue v = it.value();
        if (v.isObject()) {
            addJson(item, v.toObject());
        } else if (v.isArray()) {
            QStringList parts;
            for (const QJsonValue &e : v.toArray())
                parts.append(e.isString() ? e.toString() : e.toVariant().toString());
            item->setText(1, parts.join(u", "_s));
        } else {
            item->setText(1, v.toVariant().toString());
        }
    }
}

void DetailsWidget::fetchVariable(const QString &nameIn)
{
    const QString name = nameIn.trimmed();
    if (name.isEmpty() || !m_isChannel || m_id.isEmpty() || !m_session)
        return;
    const QString channelId = m_id;
    m_session->fetchVariable(channelId, name, this,
        [this, channelId, name](const QString &value, const QtAri::Error *e) {
            if (m_id != channelId)
                return;
            m_fetched.insert(name, e ? tr("error: %1").arg(e->message()) : value);
            refresh();
        });
}

} // namespace QtAri::Inspector
