// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "composer.h"

#include "models/requestexport.h"
#include "requestlogwidget.h"
#include "session.h"

#include <QtAri/Client>
#include <QtAri/Continuation>
#include <QtAri/Error>

#include <QtCore/QElapsedTimer>
#include <QtGui/QClipboard>
#include <QtGui/QFontDatabase>
#include <QtGui/QKeyEvent>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

namespace {
    constexpr int OperationRole = Qt::UserRole + 1;

    QString typeText(const ParameterSpec &p)
    {
        QString t = p.type == u"containers" ? u"JSON object"_s : p.type;
        if (p.allowMultiple)
            t = ComposerDialog::tr("comma-separated %1").arg(t);
        return t;
    }
} // namespace

ComposerDialog::ComposerDialog(Session *session, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Compose Request — %1").arg(session->title()));
    setObjectName(u"composerDialog"_s);
    setSizeGripEnabled(true);

    // The picker: every operation, grouped by resource, filtered as you type.
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(left);
    m_search->setObjectName(u"composerSearch"_s);
    m_search->setPlaceholderText(tr("Find an operation (e.g. hangup, POST /bridges)"));
    m_search->setClearButtonEnabled(true);
    m_tree = new QTreeWidget(left);
    m_tree->setObjectName(u"composerOperations"_s);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    const OperationCatalog &catalog = OperationCatalog::instance();
    for (const QString &resource : catalog.resources()) {
        auto *group = new QTreeWidgetItem(m_tree, { resource });
        group->setFlags(Qt::ItemIsEnabled);
        for (const OperationSpec &op : catalog.operations()) {
            if (op.resource != resource)
                continue;
            auto *item = new QTreeWidgetItem(group,
                { u"%1  %2 %3"_s.arg(op.nickname, QString::fromLatin1(op.method), op.path) });
            item->setData(0, OperationRole, op.name());
            item->setToolTip(0, op.doc);
        }
    }
    m_tree->expandAll();
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_tree, 1);
    connect(m_search, &QLineEdit::textChanged, this, &ComposerDialog::filterOperations);
    m_search->installEventFilter(this);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, OperationRole).toString().isEmpty())
            buildForm(OperationCatalog::instance().find(item->data(0, OperationRole).toString()));
    });

    // The form and the answer.
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(right);
    m_title->setObjectName(u"composerTitle"_s);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_doc = new QLabel(right);
    m_doc->setWordWrap(true);
    m_since = new QLabel(right);
    m_since->setObjectName(u"composerSince"_s);
    m_since->setWordWrap(true);
    auto *scroll = new QScrollArea(right);
    scroll->setWidgetResizable(true);
    m_formHost = new QWidget(scroll);
    scroll->setWidget(m_formHost);
    m_message = new QLabel(right);
    m_message->setObjectName(u"composerMessage"_s);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(u"color: #b00020"_s);
    auto *buttons = new QHBoxLayout;
    m_send = new QPushButton(QIcon::fromTheme(u"mail-send"_s), tr("&Send"), right);
    m_send->setObjectName(u"composerSend"_s);
    m_send->setDefault(true);
    m_send->setShortcut(Qt::CTRL | Qt::Key_Return);
    m_send->setToolTip(tr("Send the request (%1)")
                           .arg(m_send->shortcut().toString(QKeySequence::NativeText)));
    auto *curl = new QPushButton(QIcon::fromTheme(u"edit-copy"_s), tr("Copy as &curl"), right);
    curl->setObjectName(u"composerCopyCurl"_s);
    auto *cpp = new QPushButton(QIcon::fromTheme(u"edit-copy"_s), tr("Copy as QtAri C&++"), right);
    cpp->setObjectName(u"composerCopyCpp"_s);
    buttons->addWidget(m_send);
    buttons->addStretch(1);
    buttons->addWidget(curl);
    buttons->addWidget(cpp);
    connect(m_send, &QPushButton::clicked, this, [this] { send(); });
    connect(curl, &QPushButton::clicked, this, [this] {
        const QString text = curlText();
        if (!text.isEmpty())
            QGuiApplication::clipboard()->setText(text);
    });
    connect(cpp, &QPushButton::clicked, this, [this] {
        const QString text = cppText();
        if (!text.isEmpty())
            QGuiApplication::clipboard()->setText(text);
    });
    m_response = new QPlainTextEdit(right);
    m_response->setObjectName(u"composerResponse"_s);
    m_response->setReadOnly(true);
    m_response->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_response->setPlaceholderText(tr("The answer shows here"));
    auto *formAndAnswer = new QSplitter(Qt::Vertical, right);
    auto *formBox = new QWidget(formAndAnswer);
    auto *formBoxLayout = new QVBoxLayout(formBox);
    formBoxLayout->setContentsMargins(0, 0, 0, 0);
    formBoxLayout->addWidget(m_title);
    formBoxLayout->addWidget(m_doc);
    formBoxLayout->addWidget(m_since);
    formBoxLayout->addWidget(scroll, 1);
    formBoxLayout->addWidget(m_message);
    formBoxLayout->addLayout(buttons);
    formAndAnswer->addWidget(formBox);
    formAndAnswer->addWidget(m_response);
    rightLayout->addWidget(formAndAnswer, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 2);
    split->setSizes({ 300, 600 });
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(close);
    resize(1000, 700);

    connect(session, &Session::statusChanged, this, &ComposerDialog::updateSince);
    setOperation(u"channels.list"_s);
}

ComposerDialog::~ComposerDialog() = default;

bool ComposerDialog::eventFilter(QObject *watched, QEvent *event)
{
    // In the search box, Down goes to the list and Enter to the form (not to Send).
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down) {
            m_tree->setFocus();
            return true;
        }
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            if (m_op && !m_op->parameters.isEmpty())
                m_fields.value(m_op->parameters.first().name)->setFocus();
            else
                m_send->setFocus();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

int ComposerDialog::operationCount() const
{
    int n = 0;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        n += m_tree->topLevelItem(i)->childCount();
    return n;
}

void ComposerDialog::filterOperations(const QString &text)
{
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    QTreeWidgetItem *firstShown = nullptr;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_tree->topLevelItem(i);
        int shown = 0;
        for (int j = 0; j < group->childCount(); ++j) {
            QTreeWidgetItem *item = group->child(j);
            const QString hay = item->data(0, OperationRole).toString() + u' ' + item->text(0)
                + u' ' + item->toolTip(0);
            const bool match = std::all_of(words.cbegin(), words.cend(),
                [&hay](const QString &w) { return hay.contains(w, Qt::CaseInsensitive); });
            item->setHidden(!match);
            if (match) {
                ++shown;
                if (!firstShown)
                    firstShown = item;
            }
        }
        group->setHidden(shown == 0);
    }
    if (firstShown && (!m_tree->currentItem() || m_tree->currentItem()->isHidden()))
        m_tree->setCurrentItem(firstShown);
}

bool ComposerDialog::setOperation(const QString &name)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_tree->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j) {
            if (group->child(j)->data(0, OperationRole).toString() == name) {
                m_tree->setCurrentItem(group->child(j));
                if (m_op && m_op->name() == name)
                    return true;
                buildForm(OperationCatalog::instance().find(name));
                return m_op != nullptr;
            }
        }
    }
    return false;
}

QString ComposerDialog::operation() const
{
    return m_op ? m_op->name() : QString();
}

void ComposerDialog::buildForm(const OperationSpec *op)
{
    if (!op || op == m_op)
        return;
    m_op = op;
    m_fields.clear();
    m_message->clear();
    delete m_formHost->layout();
    qDeleteAll(m_formHost->findChildren<QWidget *>(Qt::FindDirectChildrenOnly));
    m_form = new QFormLayout(m_formHost);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_title->setText(u"<b>%1</b> &nbsp; <code>%2 %3</code>"_s.arg(op->name().toHtmlEscaped(),
        QString::fromLatin1(op->method), op->path.toHtmlEscaped()));
    m_doc->setText(op->doc);
    for (const ParameterSpec &p : op->parameters) {
        QWidget *editor = nullptr;
        if (p.isJson()) {
            auto *edit = new QPlainTextEdit(m_formHost);
            edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
            edit->setPlaceholderText(p.name == u"variables"
                    ? u"{ \"CALLERID(name)\": \"Alice\" }"_s
                    : u"{ }"_s);
            edit->setMaximumHeight(90);
            editor = edit;
        } else if ((!p.allowed.isEmpty() && !p.allowMultiple) || p.type == u"boolean") {
            auto *combo = new QComboBox(m_formHost);
            if (!p.required)
                combo->addItem(QString());
            const QStringList choices =
                p.type == u"boolean" ? QStringList { u"true"_s, u"false"_s } : p.allowed;
            combo->addItems(choices);
            editor = combo;
        } else {
            auto *edit = new QLineEdit(m_formHost);
            QString hint = p.defaultValue.isEmpty() ? QString() : tr("default %1").arg(p.defaultValue);
            if (p.allowMultiple) {
                const QString list = p.allowed.isEmpty()
                    ? tr("comma-separated")
                    : tr("comma-separated: %1").arg(p.allowed.join(u", "_s));
                hint = hint.isEmpty() ? list : list + u"; "_s + hint;
            }
            edit->setPlaceholderText(hint);
            editor = edit;
        }
        editor->setObjectName(u"param_"_s + p.name);
        QString tip = u"<b>%1</b> (%2, %3)"_s.arg(p.name.toHtmlEscaped(), typeText(p),
            p.location == ParameterSpec::Location::Path ? tr("path")
                : p.location == ParameterSpec::Location::Body ? tr("body")
                                                               : tr("query"));
        if (!p.doc.isEmpty())
            tip += u"<br>"_s + p.doc.toHtmlEscaped();
        if (p.since > 18)
            tip += u"<br>"_s + tr("Since Asterisk %1").arg(p.since);
        editor->setToolTip(tip);
        QString label = p.name;
        if (p.required)
            label += u" *"_s;
        if (p.since > op->since)
            label += u" (%1+)"_s.arg(p.since);
        auto *labelWidget = new QLabel(label, m_formHost);
        labelWidget->setToolTip(tip);
        labelWidget->setBuddy(editor);
        m_form->addRow(labelWidget, editor);
        m_fields.insert(p.name, editor);
        if (auto *edit = qobject_cast<QLineEdit *>(editor))
            connect(edit, &QLineEdit::textChanged, this, &ComposerDialog::updateSince);
        else if (auto *combo = qobject_cast<QComboBox *>(editor))
            connect(combo, &QComboBox::currentTextChanged, this, &ComposerDialog::updateSince);
        else if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
            connect(text, &QPlainTextEdit::textChanged, this, &ComposerDialog::updateSince);
    }
    if (op->parameters.isEmpty())
        m_form->addRow(new QLabel(tr("This operation takes no parameters."), m_formHost));
    if (op->upgrade)
        m_message->setText(tr("This opens the event WebSocket, which the client does itself; "
                              "sending it as a REST request gets no events."));
    updateSince();
}

QWidget *ComposerDialog::field(const QString &name) const
{
    return m_fields.value(name);
}

void ComposerDialog::setValue(const QString &name, const QString &value)
{
    QWidget *w = m_fields.value(name);
    if (auto *edit = qobject_cast<QLineEdit *>(w)) {
        edit->setText(value);
    } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
        const int index = combo->findText(value);
        if (index >= 0) {
            combo->setCurrentIndex(index);
        } else {
            // A value the spec does not list (e.g. a logged request from a newer server): keep it.
            combo->addItem(value);
            combo->setCurrentIndex(combo->count() - 1);
        }
    } else if (auto *text = qobject_cast<QPlainTextEdit *>(w)) {
        text->setPlainText(value);
    }
}

QString ComposerDialog::value(const QString &name) const
{
    QWidget *w = m_fields.value(name);
    if (auto *edit = qobject_cast<QLineEdit *>(w))
        return edit->text();
    if (auto *combo = qobject_cast<QComboBox *>(w))
        return combo->currentText();
    if (auto *text = qobject_cast<QPlainTextEdit *>(w))
        return text->toPlainText();
    return {};
}

ParameterValues ComposerDialog::values() const
{
    ParameterValues v;
    for (auto it = m_fields.constBegin(); it != m_fields.constEnd(); ++it)
        v.insert(it.key(), value(it.key()));
    return v;
}

bool ComposerDialog::setRequest(const QtAri::Request &request)
{
    const OperationSpec *op = OperationCatalog::instance().find(request.operation);
    if (!op || !setOperation(op->name()))
        return false;
    const ParameterValues v = OperationCatalog::parse(*op, request);
    for (const ParameterSpec &p : op->parameters)
        setValue(p.name, v.value(p.name));
    return true;
}

std::optional<QtAri::Request> ComposerDialog::currentRequest(QString *error) const
{
    if (!m_op) {
        if (error)
            *error = tr("Choose an operation");
        return std::nullopt;
    }
    return OperationCatalog::build(*m_op, values(), error);
}

void ComposerDialog::updateSince()
{
    if (!m_op || !m_session) {
        m_since->clear();
        return;
    }
    int needed = m_op->since;
    QString what = m_op->name();
    const ParameterValues v = values();
    for (const ParameterSpec &p : m_op->parameters) {
        if (p.since > needed && !v.value(p.name).trimmed().isEmpty()) {
            needed = p.since;
            what = tr("parameter %1").arg(p.name);
        }
    }
    const QString server = m_session->asteriskVersion();
    const int major = OperationCatalog::majorOf(server);
    QString text = tr("Since Asterisk %1").arg(m_op->since);
    if (major > 0 && needed > major) {
        text += u" — "_s
            + tr("⚠ %1 needs Asterisk %2, the server runs %3").arg(what).arg(needed).arg(server);
        m_since->setStyleSheet(u"color: #b00020"_s);
    } else {
        if (!server.isEmpty())
            text += u" — "_s + tr("the server runs %1").arg(server);
        m_since->setStyleSheet(QString());
    }
    m_since->setText(text);
}

QString ComposerDialog::sinceText() const
{
    return m_since->text();
}

QString ComposerDialog::messageText() const
{
    return m_message->text();
}

bool ComposerDialog::send()
{
    QString error;
    const std::optional<QtAri::Request> request = currentRequest(&error);
    if (!request) {
        m_message->setText(error);
        if (m_op) {
            for (const ParameterSpec &p : m_op->parameters) {
                if (error.startsWith(p.name + u':')) {
                    if (QWidget *w = m_fields.value(p.name))
                        w->setFocus();
                    break;
                }
            }
        }
        return false;
    }
    if (!m_session) {
        m_message->setText(tr("The server's tab was closed; open the composer from another one"));
        return false;
    }
    m_message->clear();
    m_busy = true;
    m_send->setEnabled(false);
    const QString head = ExchangeText::request(m_session->profile().url, *request);
    m_response->setPlainText(head + u"\n\n"_s + tr("Waiting for the answer…"));
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QtAri::onFinished(m_session->client()->send(*request), this,
        [this, head, clock](const QtAri::Result<QtAri::Response> &result) {
            m_busy = false;
            m_send->setEnabled(true);
            m_response->setPlainText(head + u"\n\n── "_s + tr("Response") + u" ──\n"_s
                + ExchangeText::response(result, clock->nsecsElapsed()));
            Q_EMIT responseShown();
        });
    return true;
}

QString ComposerDialog::curlText() const
{
    QString error;
    const std::optional<QtAri::Request> request = currentRequest(&error);
    if (!request || !m_session) {
        m_message->setText(error);
        return {};
    }
    return RequestExport::curl(m_session->profile().url, m_session->profile().user, *request);
}

QString ComposerDialog::cppText() const
{
    if (!m_op)
        return {};
    return RequestExport::cpp(*m_op, values());
}

} // namespace QtAri::Inspector
