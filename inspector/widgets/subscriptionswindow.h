// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTreeWidget;
QT_END_NAMESPACE

namespace QtAri {
class ApplicationInfo;
class Error;
}

namespace QtAri::Inspector {

class EventLogFilter;
class EventTypesModel;
class Session;

//! \brief "Why didn't I get that event?": per event type what arrived, what is captured and
//! shown; per application what it is subscribed to and its event filter, both editable.
class SubscriptionsWindow : public QWidget
{
    Q_OBJECT
public:
    SubscriptionsWindow(Session *session, EventLogFilter *filter, QWidget *parent = nullptr);

    EventTypesModel *typesModel() const { return m_types; }
    QTableView *typesView() const { return m_typesView; }
    QComboBox *applicationCombo() const { return m_application; }
    QTreeWidget *subscriptionsTree() const { return m_tree; }
    QLineEdit *sourceEdit() const { return m_source; }
    QLineEdit *allowedEdit() const { return m_allowed; }
    QLineEdit *disallowedEdit() const { return m_disallowed; }
    QLabel *statusLabel() const { return m_status; }

    //! Reads the selected application again (GET /applications/{name}).
    void refresh();
    //! Subscribes to the event sources in sourceEdit() (comma-separated).
    void subscribe();
    //! Unsubscribes from the sources selected in the tree.
    void unsubscribeSelected();
    //! Sets the event filter from allowedEdit() and disallowedEdit() (comma-separated types;
    //! both empty: no filter).
    void applyFilter();

Q_SIGNALS:
    //! The application's subscriptions and filter were read or changed (or that failed).
    void refreshed();

private:
    void showApplication(const QtAri::ApplicationInfo &info);
    void fail(const QString &what, const QtAri::Error &error);

    QPointer<Session> m_session;
    EventTypesModel *m_types;
    QTableView *m_typesView;
    QComboBox *m_application;
    QTreeWidget *m_tree;
    QLineEdit *m_source;
    QLineEdit *m_allowed;
    QLineEdit *m_disallowed;
    QLabel *m_status;
};

} // namespace QtAri::Inspector
