// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include "models/operationcatalog.h"

#include <QtCore/QPointer>
#include <QtWidgets/QDialog>

#include <optional>

QT_BEGIN_NAMESPACE
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
QT_END_NAMESPACE

namespace QtAri::Inspector {

class Session;

//! \brief The request composer: any operation of the spec as a form, sent through the session's
//! client, with its answer.
//!
//! The form is made from lib/spec/ari.json: path, query and body parameters, required ones
//! marked and checked before sending, allowed values offered in a combo box, numbers, booleans,
//! lists (comma-separated) and JSON bodies validated; the operation's and the set parameters'
//! `since` are compared with the server's Asterisk version. Requests go out with
//! QtAri::Client::send(), so they show in the request log and the mirror sees their answers.
class ComposerDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ComposerDialog(Session *session, QWidget *parent = nullptr);
    ~ComposerDialog() override;

    Session *session() const { return m_session; }
    QTreeWidget *operationTree() const { return m_tree; }
    QLineEdit *searchEdit() const { return m_search; }
    QPlainTextEdit *responseView() const { return m_response; }
    QPushButton *sendButton() const { return m_send; }

    //! Shows the form of \a name ("channels.hangup"); false if the spec has no such operation.
    bool setOperation(const QString &name);
    QString operation() const;
    //! The number of operations the picker offers (all of the spec's).
    int operationCount() const;

    //! Fills the field of parameter \a name (combo boxes take the text if it is one of theirs).
    void setValue(const QString &name, const QString &value);
    QString value(const QString &name) const;
    //! The editor of parameter \a name (QLineEdit, QComboBox or QPlainTextEdit), or nullptr.
    QWidget *field(const QString &name) const;
    //! Loads \a request: its operation's form, filled from its path, query and body.
    bool setRequest(const QtAri::Request &request);

    //! The request the form describes, or nothing (and a message in messageText()).
    std::optional<QtAri::Request> currentRequest(QString *error = nullptr) const;
    //! Checks the form and sends; false (with messageText() saying why) if it is not valid.
    bool send();
    //! The validation message ("endpoint: required"), or the since warning.
    QString messageText() const;
    QString sinceText() const;
    //! True while a sent request has not been answered.
    bool isBusy() const { return m_busy; }

    QString curlText() const;
    QString cppText() const;

Q_SIGNALS:
    //! The answer to a request sent with send() is shown.
    void responseShown();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filterOperations(const QString &text);
    void buildForm(const OperationSpec *op);
    void updateSince();
    ParameterValues values() const;

    QPointer<Session> m_session;
    QLineEdit *m_search;
    QTreeWidget *m_tree;
    QLabel *m_title;
    QLabel *m_doc;
    QLabel *m_since;
    QWidget *m_formHost;
    QFormLayout *m_form = nullptr;
    QLabel *m_message;
    QPushButton *m_send;
    QPlainTextEdit *m_response;
    const OperationSpec *m_op = nullptr;
    QHash<QString, QWidget *> m_fields;
    bool m_busy = false;
};

} // namespace QtAri::Inspector
