// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/Transport>

#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTableView;
QT_END_NAMESPACE

namespace QtAri::Inspector {

class RequestLogModel;
class Session;

//! Formatting shared by the request log and the composer's response pane.
namespace ExchangeText {
    //! \a body indented if it is JSON, else as text.
    QString prettyBody(const QByteArray &body);
    //! The request line, the operation and the body of \a request; \a base is the server URL.
    QString request(const QUrl &base, const QtAri::Request &request);
    //! Status and reason, content type, latency and the pretty body (or the transport error).
    QString response(const QtAri::Result<QtAri::Response> &result, qint64 elapsedNs);
}

//! \brief A session's REST exchanges: the table, request and response of the selected one, and
//! actions to resend it, edit it in the composer and copy it as curl or QtAri C++.
class RequestLogWidget : public QWidget
{
    Q_OBJECT
public:
    explicit RequestLogWidget(Session *session, QWidget *parent = nullptr);

    RequestLogModel *model() const;
    QTableView *view() const { return m_view; }
    QPlainTextEdit *detailsView() const { return m_details; }
    QCheckBox *hideInternalBox() const { return m_hideInternal; }
    QAction *resendAction() const { return m_resend; }
    QAction *editAction() const { return m_edit; }
    QAction *copyCurlAction() const { return m_copyCurl; }
    QAction *copyCppAction() const { return m_copyCpp; }

    //! Selects the newest row shown (the log flushed first), or the newest of \a operation
    //! ("channels.hangup") if given; false if there is none.
    bool selectLast(const QString &operation = {});
    //! The exchange of the current row, or nullptr.
    const QtAri::Exchange *currentExchange() const;
    //! The curl and C++ text for the current row (empty without one).
    QString currentCurl() const;
    QString currentCpp() const;

    void resendCurrent();

Q_SIGNALS:
    //! "Edit in Composer…" on \a request.
    void editRequested(const QtAri::Request &request);

private:
    void showCurrent();
    void updateActions();

    Session *m_session;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QCheckBox *m_hideInternal;
    QLabel *m_count;
    QPlainTextEdit *m_details;
    QAction *m_resend;
    QAction *m_edit;
    QAction *m_copyCurl;
    QAction *m_copyCpp;
    bool m_follow = true;
};

} // namespace QtAri::Inspector
