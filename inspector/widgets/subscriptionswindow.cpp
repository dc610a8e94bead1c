// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "subscriptionswindow.h"

#include "models/eventtypesmodel.h"
#include "session.h"

#include <QtAri/ApplicationsApi>
#include <QtAri/Client>
#include <QtAri/Continuation>
#include <QtAri/Error>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

namespace {

    QStringList typesOf(const QList<QJsonObject> &entries)
    {
        QStringList out;
        for (const QJsonObject &e : entries)
            out.append(e.value("type"_L1).toString());
        return out;
    }

    QJsonArray typeEntries(const QString &text)
    {
        QJsonArray out;
        for (const QString &type : text.split(u',', Qt::SkipEmptyParts)) {
            const QString t = type.trimmed();
            if (!t.isEmpty())
                out.append(QJsonObject { { u"type"_s, t } });
        }
        return out;
    }

} // namespace

SubscriptionsWindow::SubscriptionsWindow(Session *session, EventLogFilter *filter, QWidget *parent)
    : QWidget(parent, Qt::Window), m_session(session)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(u"subscriptionsWindow"_s);
    setWindowTitle(tr("Event types and subscriptions — %1").arg(session->title()));

    m_types = new EventTypesModel(session, filter, this);
    m_typesView = new QTableView(this);
    m_typesView->setObjectName(u"eventTypesView"_s);
    m_typesView->setModel(m_types);
    m_typesView->verticalHeader()->hide();
    m_typesView->setAlternatingRowColors(true);
    m_typesView->horizontalHeader()->setSectionResizeMode(
        EventTypesModel::TypeColumn, QHeaderView::Stretch);
    auto *typesBox = new QWidget(this);
    auto *typesLayout = new QVBoxLayout(typesBox);
    typesLayout->setContentsMargins(0, 0, 0, 0);
    typesLayout->addWidget(new QLabel(tr("<b>Event types</b> — capture keeps them in the log, the "
                                         "ladder and recordings; show filters the event log"),
        typesBox));
    typesLayout->addWidget(m_typesView, 1);

    m_application = new QComboBox(this);
    m_application->setObjectName(u"subscriptionApplication"_s);
    m_application->addItems(session->profile().applications);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(u"subscriptionTree"_s);
    m_tree->setHeaderLabels({ tr("Subscribed to") });
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_source = new QLineEdit(this);
    m_source->setObjectName(u"subscriptionSource"_s);
    m_source->setPlaceholderText(tr("channel:ID, bridge:ID, endpoint:PJSIP/1000, deviceState:NAME"));
    auto *subscribeButton = new QPushButton(tr("&Subscribe"), this);
    auto *unsubscribeButton = new QPushButton(tr("&Unsubscribe selected"), this);
    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    m_allowed = new QLineEdit(this);
    m_allowed->setObjectName(u"filterAllowed"_s);
    m_allowed->setPlaceholderText(tr("every type (comma-separated to allow only some)"));
    m_disallowed = new QLineEdit(this);
    m_disallowed->setObjectName(u"filterDisallowed"_s);
    m_disallowed->setPlaceholderText(tr("none (comma-separated types to drop)"));
    auto *applyButton = new QPushButton(tr("&Apply event filter"), this);
    m_status = new QLabel(this);
    m_status->setObjectName(u"subscriptionStatus"_s);
    m_status->setWordWrap(true);
    auto *hint = new QLabel(session->profile().subscribeAll
            ? tr("This session uses subscribeAll: its applications hear of every channel, "
                 "bridge and endpoint whatever they are subscribed to. The event filter still "
                 "applies.")
            : tr("An event reaches an application when the application is subscribed to an "
                 "object it names (a channel in its Stasis is) and the event filter lets its "
                 "type through."),
        this);
    hint->setWordWrap(true);

    auto *subsBox = new QWidget(this);
    auto *subs = new QVBoxLayout(subsBox);
    subs->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("<b>Application</b>"), subsBox));
    top->addWidget(m_application, 1);
    top->addWidget(refreshButton);
    subs->addLayout(top);
    subs->addWidget(hint);
    subs->addWidget(m_tree, 1);
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_source, 1);
    sourceRow->addWidget(subscribeButton);
    subs->addLayout(sourceRow);
    subs->addWidget(unsubscribeButton);
    auto *form = new QFormLayout;
    form->addRow(tr("Allowed types:"), m_allowed);
    form->addRow(tr("Disallowed types:"), m_disallowed);
    subs->addLayout(form);
    subs->addWidget(applyButton);
    subs->addWidget(m_status);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(typesBox);
    splitter->addWidget(subsBox);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    resize(1100, 640);

    connect(refreshButton, &QPushButton::clicked, this, &SubscriptionsWindow::refresh);
    connect(subscribeButton, &QPushButton::clicked, this, &SubscriptionsWindow::subscribe);
    connect(m_source, &QLineEdit::returnPressed, this, &SubscriptionsWindow::subscribe);
    connect(unsubscribeButton, &QPushButton::clicked, this, &SubscriptionsWindow::unsubscribeSelected);
    connect(applyButton, &QPushButton::clicked, this, &SubscriptionsWindow::applyFilter);
    connect(m_application, &QComboBox::currentIndexChanged, this, &SubscriptionsWindow::refresh);
    connect(session, &QObject::destroyed, this, &QWidget::close);
    refresh();
}

void SubscriptionsWindow::showApplication(const QtAri::ApplicationInfo &info)
{
    m_tree->clear();
    const auto group = [this](const QString &title, const QString &scheme, const QStringList &ids) {
        auto *top = new QTreeWidgetItem(m_tree, { title.arg(ids.size()) });
        top->setFlags(Qt::ItemIsEnabled);
        for (const QString &id : ids) {
            auto *item = new QTreeWidgetItem(top, { scheme + u':' + id });
            item->setData(0, Qt::UserRole, scheme + u':' + id);
        }
        top->setExpanded(true);
    };
    group(tr("Channels (%1)"), u"channel"_s, info.channelIds());
    group(tr("Bridges (%1)"), u"bridge"_s, info.bridgeIds());
    group(tr("Endpoints (%1)"), u"endpoint"_s, info.endpointIds());
    group(tr("Device states (%1)"), u"deviceState"_s, info.deviceNames());
    m_allowed->setText(typesOf(info.eventsAllowed()).join(u", "_s));
    m_disallowed->setText(typesOf(info.eventsDisallowed()).join(u", "_s));
    m_status->setStyleSheet(QString());
    Q_EMIT refreshed();
}

void SubscriptionsWindow::fail(const QString &what, const QtAri::Error &error)
{
    m_status->setStyleSheet(u"color: #c62828"_s);
    m_status->setText(tr("%1 failed: %2").arg(what,
        error.message().isEmpty() ? error.toString() : error.message()));
    Q_EMIT refreshed();
}

void SubscriptionsWindow::refresh()
{
    if (!m_session || m_application->currentText().isEmpty())
        return;
    QtAri::onFinished(m_session->client()->applications()->get(m_application->currentText()), this,
        [this](const QtAri::Result<QtAri::ApplicationInfo> &r) {
            if (r) {
                m_status->clear();
                showApplication(*r);
            } else {
                fail(tr("Reading the application"), r.error());
            }
        });
}

void SubscriptionsWindow::subscribe()
{
    QStringList sources;
    for (const QString &s : m_source->text().split(u',', Qt::SkipEmptyParts))
        sources.append(s.trimmed());
    if (!m_session || sources.isEmpty())
        return;
    QtAri::onFinished(
        m_session->client()->applications()->subscribe(m_application->currentText(), sources), this,
        [this](const QtAri::Result<QtAri::ApplicationInfo> &r) {
            if (r) {
                m_source->clear();
                m_status->setText(tr("Subscribed."));
                showApplication(*r);
            } else {
                fail(tr("Subscribe"), r.error());
            }
        });
}

void SubscriptionsWindow::unsubscribeSelected()
{
    QStringList sources;
    for (QTreeWidgetItem *item : m_tree->selectedItems()) {
        const QString source = item->data(0, Qt::UserRole).toString();
        if (!source.isEmpty())
            sources.append(source);
    }
    if (!m_session || sources.isEmpty())
        return;
    QtAri::onFinished(
        m_session->client()->applications()->unsubscribe(m_application->currentText(), sources),
        this, [this](const QtAri::Result<QtAri::ApplicationInfo> &r) {
            if (r) {
                m_status->setText(tr("Unsubscribed."));
                showApplication(*r);
            } else {
                fail(tr("Unsubscribe"), r.error());
            }
        });
}

void SubscriptionsWindow::applyFilter()
{
    if (!m_session)
        return;
    QJsonObject filter;
    const QJsonArray allowed = typeEntries(m_allowed->text());
    const QJsonArray disallowed = typeEntries(m_disallowed->text());
    if (!allowed.isEmpty())
        filter.insert(u"allowed"_s, allowed);
    if (!disallowed.isEmpty())
        filter.insert(u"disallowed"_s, disallowed);
    QtAri::ApplicationsApi::FilterOptions options;
    options.filter = filter;
    QtAri::onFinished(
        m_session->client()->applications()->filter(m_application->currentText(), options), this,
        [this](const QtAri::Result<QtAri::ApplicationInfo> &r) {
            if (r) {
                m_status->setText(tr("Event filter set."));
                showApplication(*r);
            } else {
                fail(tr("Setting the event filter"), r.error());
            }
        });
}

} // namespace QtAri::Inspector
