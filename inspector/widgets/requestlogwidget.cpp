// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "requestlogwidget.h"
#include "viewhelpers.h"

#include "models/operationcatalog.h"
#include "models/requestexport.h"
#include "models/requestlogmodel.h"
#include "session.h"

#include <QtAri/Client>
#include <QtAri/Error>

#include <QtCore/QJsonDocument>
#include <QtCore/QSortFilterProxyModel>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QFontDatabase>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

namespace {
    // Hides the client's own requests when asked to.
    class RequestLogFilter : public QSortFilterProxyModel
    {
    public:
        using QSortFilterProxyModel::QSortFilterProxyModel;
        void setHideInternal(bool hide)
        {
            m_hideInternal = hide;
            invalidateFilter();
        }

    protected:
        bool filterAcceptsRow(int row, const QModelIndex &parent) const override
        {
            if (!m_hideInternal)
                return true;
            return !sourceModel()->index(row, 0, parent).data(RequestLogModel::InternalRole).toBool();
        }

    private:
        bool m_hideInternal = false;
    };
} // namespace

QString ExchangeText::prettyBody(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && !doc.isNull())
        return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
    return QString::fromUtf8(body);
}

QString ExchangeText::request(const QUrl &base, const QtAri::Request &request)
{
    QString text = QString::fromLatin1(request.method) + u' ' + RequestExport::url(base, request);
    text += u'\n' + RequestLogWidget::tr("Operation: %1").arg(request.operation);
    if (!request.body.isEmpty())
        text += u"\n\n"_s + prettyBody(request.body);
    return text;
}

QString ExchangeText::response(const QtAri::Result<QtAri::Response> &result, qint64 elapsedNs)
{
    const QString latency = RequestLogWidget::tr("%1 ms").arg(double(elapsedNs) / 1e6, 0, 'f', 1);
    if (!result) {
        QtAri::Exchange e;
        e.result = result;
        return RequestLogWidget::tr("%1 after %2: %3")
            .arg(RequestLogModel::statusText(e), latency, result.error().message());
    }
    QtAri::Exchange e;
    e.result = result;
    QString text = RequestLogModel::statusText(e);
    if (!result->contentType.isEmpty())
        text += u" · "_s + QString::fromLatin1(result->contentType);
    text += u" · "_s + latency;
    if (!result->body.isEmpty())
        text += u"\n\n"_s + prettyBody(result->body);
    return text;
}

RequestLogWidget::RequestLogWidget(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    auto *filter = new RequestLogFilter(this);
    m_proxy = filter;
    m_proxy->setSourceModel(session->requestLog());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_hideInternal = new QCheckBox(tr("Hide the client's own requests"), this);
    m_hideInternal->setObjectName(u"hideInternalRequests"_s);
    m_hideInternal->setToolTip(
        tr("Hide connect checks, listings and subscriptions the client sends by itself"));
    connect(m_hideInternal, &QCheckBox::toggled, this,
        [filter](bool hide) { filter->setHideInternal(hide); });
    bar->addWidget(m_hideInternal);
    bar->addStretch(1);
    auto *clear = new QToolButton(this);
    clear->setObjectName(u"clearRequestLog"_s);
    clear->setText(tr("Clear"));
    clear->setIcon(QIcon::fromTheme(u"edit-clear"_s));
    clear->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(clear, &QToolButton::clicked, session->requestLog(), &RequestLogModel::clear);
    bar->addWidget(clear);
    m_count = new QLabel(this);
    bar->addWidget(m_count);
    layout->addLayout(bar);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_view = new QTableView(split);
    m_view->setObjectName(u"requestLogView"_s);
    m_view->setModel(m_proxy);
    setUpRowTable(m_view, QAbstractItemView::SingleSelection);
    m_view->setColumnWidth(int(RequestColumn::Time), 95);
    m_view->setColumnWidth(int(RequestColumn::Method), 60);
    m_view->setColumnWidth(int(RequestColumn::Path), 260);
    m_view->setColumnWidth(int(RequestColumn::Operation), 150);
    m_view->setColumnWidth(int(RequestColumn::Status), 110);
    m_view->setColumnWidth(int(RequestColumn::Latency), 55);
    m_view->setColumnWidth(int(RequestColumn::Transport), 80);
    m_details = new QPlainTextEdit(split);
    m_details->setObjectName(u"requestDetails"_s);
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select a request to see it and its answer"));
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    m_resend = new QAction(QIcon::fromTheme(u"view-refresh"_s), tr("&Resend"), this);
    m_resend->setObjectName(u"actionResendRequest"_s);
    connect(m_resend, &QAction::triggered, this, &RequestLogWidget::resendCurrent);
    m_edit = new QAction(QIcon::fromTheme(u"document-edit"_s), tr("&Edit in Composer…"), this);
    m_edit->setObjectName(u"actionEditRequest"_s);
    connect(m_edit, &QAction::triggered, this, [this] {
        if (const QtAri::Exchange *e = currentExchange())
            Q_EMIT editRequested(e->request);
    });
    m_copyCurl = new QAction(QIcon::fromTheme(u"edit-copy"_s), tr("Copy as &curl"), this);
    m_copyCurl->setObjectName(u"actionCopyCurl"_s);
    connect(m_copyCurl, &QAction::triggered, this,
        [this] { QGuiApplication::clipboard()->setText(currentCurl()); });
    m_copyCpp = new QAction(QIcon::fromTheme(u"edit-copy"_s), tr("Copy as QtAri C&++"), this);
    m_copyCpp->setObjectName(u"actionCopyCpp"_s);
    connect(m_copyCpp, &QAction::triggered, this,
        [this] { QGuiApplication::clipboard()->setText(currentCpp()); });
    m_view->addActions({ m_resend, m_edit, m_copyCurl, m_copyCpp });
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showCurrent();
        updateActions();
    });
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
        [this](int value) { m_follow = value == m_view->verticalScrollBar()->maximum(); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            m_view->scrollToBottom();
        m_count->setText(tr("%n request(s)", nullptr, m_proxy->rowCount()));
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        m_count->setText(tr("%n request(s)", nullptr, m_proxy->rowCount()));
        showCurrent();
        updateActions();
    });
    updateActions();
}

RequestLogModel *RequestLogWidget::model() const
{
    return m_session->requestLog();
}

const QtAri::Exchange *RequestLogWidget::currentExchange() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return nullptr;
    const QModelIndex source = m_proxy->mapToSource(current);
    if (!source.isValid())
        return nullptr;
    return &model()->exchange(source.row());
}

bool RequestLogWidget::selectLast(const QString &operation)
{
    model()->flush();
    for (int row = m_proxy->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = m_proxy->index(row, int(RequestColumn::Path));
        if (!operation.isEmpty() && index.data(RequestLogModel::OperationRole).toString() != operation)
            continue;
        m_view->selectRow(row);
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        return true;
    }
    return false;
}

QString RequestLogWidget::currentCurl() const
{
    const QtAri::Exchange *e = currentExchange();
    if (!e)
        return {};
    return RequestExport::curl(m_session->profile().url, m_session->profile().user, e->request);
}

QString RequestLogWidget::currentCpp() const
{
    const QtAri::Exchange *e = currentExchange();
    if (!e)
        return {};
    const OperationSpec *op = OperationCatalog::instance().find(e->request.operation);
    if (!op)
        return {};
    return RequestExport::cpp(*op, OperationCatalog::parse(*op, e->request));
}

void RequestLogWidget::resendCurrent()
{
    const QtAri::Exchange *e = currentExchange();
    if (!e)
        return;
    // Through the client: the answer reaches the mirror and comes back into this log.
    m_session->client()->send(e->request);
}

void RequestLogWidget::showCurrent()
{
    const QtAri::Exchange *e = currentExchange();
    if (!e) {
        m_details->clear();
        return;
    }
    QString text = ExchangeText::request(m_session->profile().url, e->request);
    text += u"\n"_s + tr("Sent %1 over %2%3")
                          .arg(e->sentAt.toLocalTime().toString(u"HH:mm:ss.zzz"_s),
                              e->overWebSocket ? tr("the event WebSocket") : tr("HTTP"),
                              e->internal ? tr(", by the client itself") : QString());
    text += u"\n\n── "_s + tr("Response") + u" ──\n"_s + ExchangeText::response(e->result, e->elapsedNs);
    m_details->setPlainText(text);
}

void RequestLogWidget::updateActions()
{
    const QtAri::Exchange *e = currentExchange();
    const bool known = e && OperationCatalog::instance().find(e->request.operation);
    m_resend->setEnabled(e != nullptr);
    m_edit->setEnabled(known);
    m_copyCurl->setEnabled(e != nullptr);
    m_copyCpp->setEnabled(known);
}

} // namespace QtAri::Inspector
