// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// The small dialogs behind the Inspector's actions. Each only collects input; the main window
// runs the action when the dialog is accepted.

#include <QtWidgets/QDialog>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QLabel;
class QCheckBox;
QT_END_NAMESPACE

namespace QtAri::Inspector {

//! Hang up with a cause (Asterisk's hangup reasons).
class HangupDialog : public QDialog
{
    Q_OBJECT
public:
    explicit HangupDialog(int channelCount, QWidget *parent = nullptr);
    //! ARI "reason" value: normal, busy, congestion, no_answer, …
    QString reason() const;
    void setReason(const QString &reason);

private:
    QComboBox *m_reason;
};

//! Digits to send as DTMF.
class DtmfDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DtmfDialog(QWidget *parent = nullptr);
    QString digits() const;
    void setDigits(const QString &digits);

private:
    QLineEdit *m_digits;
};

//! A new outgoing channel: endpoint, then either a Stasis app or a dialplan extension.
class OriginateDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OriginateDialog(const QStringList &applications, QWidget *parent = nullptr);
    QString endpoint() const;
    QString application() const;
    QString appArgs() const;
    QString callerId() const;
    int timeoutSeconds() const;
    void setEndpoint(const QString &endpoint);

private:
    QLineEdit *m_endpoint;
    QComboBox *m_app;
    QLineEdit *m_args;
    QLineEdit *m_callerId;
    QSpinBox *m_timeout;
};

//! Picks a sound from the server's sound list (or any media URI) to play.
class PlayMediaDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PlayMediaDialog(const QString &target, QWidget *parent = nullptr);
    //! Fills the list with sound ids ("hello-world" …); they are played as "sound:<id>".
    void setSounds(const QStringList &soundIds);
    //! Shows that the list could not be loaded (the URI can still be typed).
    void setSoundsError(const QString &message);
    //! The media URI to play, e.g. "sound:hello-world".
    QString mediaUri() const;
    void setMediaUri(const QString &uri);
    int soundCount() const;
    //! Selects the sound with id \a soundId (fills the URI).
    bool selectSound(const QString &soundId);

private:
    QLineEdit *m_filter;
    QListWidget *m_list;
    QLineEdit *m_uri;
    QLabel *m_status;
};

//! Name and format of a new recording.
class RecordDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RecordDialog(const QString &suggestedName, QWidget *parent = nullptr);
    QString name() const;
    QString format() const;
    int maxDurationSeconds() const;

private:
    QLineEdit *m_name;
    QComboBox *m_format;
    QSpinBox *m_maxDuration;
};

//! Type and name of a new bridge.
class CreateBridgeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CreateBridgeDialog(QWidget *parent = nullptr);
    QString type() const;
    QString name() const;

private:
    QComboBox *m_type;
    QLineEdit *m_name;
};

} // namespace QtAri::Inspector
