// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
QT_END_NAMESPACE

namespace QtAri::Inspector {

class Session;

//! \brief Properties of the selected channel or bridge, and its channel variables.
//!
//! Channel variables are those Asterisk reports with the channel (channelvars) and any the
//! user asks for by name (GET /channels/{id}/variable).
class DetailsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsWidget(Session *session, QWidget *parent = nullptr);

    void showChannel(const QString &channelId);
    void showBridge(const QString &bridgeId);
    void showNothing();
    //! Re-reads the shown object from the models (after it changed).
    void refresh();

    QString shownId() const { return m_id; }
    QTreeWidget *tree() const { return m_tree; }
    //! Asks the server for variable \a name of the shown channel (as the Get button does).
    void fetchVariable(const QString &name);

private:
    void fill(const QJsonObject &json);
    void addJson(QTreeWidgetItem *parent, const QJsonObject &json);
    QTreeWidgetItem *variablesItem();

    QPointer<Session> m_session;
    QLabel *m_title;
    QTreeWidget *m_tree;
    QLineEdit *m_varName;
    QPushButton *m_varGet;
    QString m_id;
    bool m_isChannel = false;
    QHash<QString, QString> m_fetched; // variables fetched for the shown channel
};

} // namespace QtAri::Inspector
