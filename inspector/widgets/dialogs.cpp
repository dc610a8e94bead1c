// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "dialogs.h"

#include <QtGui/QRegularExpressionValidator>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace QtAri::Inspector {

namespace {
    QDialogButtonBox *addButtons(QDialog *dialog, QLayout *layout, const QString &okText)
    {
        auto *buttons =
            new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
        buttons->button(QDialogButtonBox::Ok)->setText(okText);
        QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
        QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
        layout->addWidget(buttons);
        return buttons;
    }
} // namespace

HangupDialog::HangupDialog(int channelCount, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Hang up"));
    auto *layout = new QFormLayout(this);
    layout->addRow(new QLabel(tr("Hang up %n channel(s) with the cause:", nullptr, channelCount)));
    m_reason = new QComboBox(this);
    const std::pair<QString, QString> reasons[] = {
        { u"normal"_s, tr("Normal clearing (16)") },
        { u"busy"_s, tr("User busy (17)") },
        { u"no_answer"_s, tr("No answer (19)") },
        { u"congestion"_s, tr("Congestion (34)") },
        { u"answered_elsewhere"_s, tr("Answered elsewhere (26)") },
        { u"rejected"_s, tr("Call rejected (21)") },
        { u"unallocated"_s, tr("Unallocated number (1)") },
        { u"no_route_destination"_s, tr("No route to destination (3)") },
    };
    for (const auto &[value, text] : reasons)
        m_reason->addItem(text, value);
    layout->addRow(tr("Cause:"), m_reason);
    addButtons(this, layout, tr("Hang up"));
}

QString HangupDialog::reason() const
{
    return m_reason->currentData().toString();
}

void HangupDialog::setReason(const QString &reason)
{
    m_reason->setCurrentIndex(std::max(0, m_reason->findData(reason)));
}

DtmfDialog::DtmfDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Send DTMF"));
    auto *layout = new QFormLayout(this);
    m_digits = new QLineEdit(this);
    m_digits->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"[0-9A-Da-d*#,]*"_s), m_digits));
    m_digits->setPlaceholderText(tr("e.g. 123#"));
    layout->addRow(tr("Digits:"), m_digits);
    addButtons(this, layout, tr("Send"));
}

QString DtmfDialog::digits() const
{
    return m_digits->text().toUpper();
}

void DtmfDialog::setDigits(const QString &digits)
{
    m_digits->setText(digits);
}

OriginateDialog::OriginateDialog(const QStringList &applications, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Originate"));
    auto *layout = new QFormLayout(this);
    m_endpoint = new QLineEdit(this);
    m_endpoint->setPlaceholderText(tr("e.g. PJSIP/1000"));
    layout->addRow(tr("Endpoint:"), m_endpoint);
    m_app = new QComboBox(this);
    m_app->setEditable(true);
    m_app->addItems(applications);
    layout->addRow(tr("Application:"), m_app);
    m_args = new QLineEdit(this);
    layout->addRow(tr("Arguments:"), m_args);
    m_callerId = new QLineEdit(this);
    m_callerId->setPlaceholderText(tr("e.g. \"Operator\" <100>"));
    layout->addRow(tr("Caller ID:"), m_callerId);
    m_timeout = new QSpinBox(this);
    m_timeout->setRange(1, 600);
    m_timeout->setValue(30);
    m_timeout->setSuffix(tr(" s"));
    layout->addRow(tr("Timeout:"), m_timeout);
    auto *buttons = addButtons(this, layout, tr("Originate"));
    auto *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_endpoint, &QLineEdit::textChanged, ok,
        [ok](const QString &text) { ok->setEnabled(text.contains(u'/')); });
}

QString OriginateDialog::endpoint() const
{
    return m_endpoint->text().trimmed();
}

QString OriginateDialog::application() const
{
    return m_app->currentText().trimmed();
}

QString OriginateDialog::appArgs() const
{
    return m_args->text().trimmed();
}

QString OriginateDialog::callerId() const
{
    return m_callerId->text().trimmed();
}

int OriginateDialog::timeoutSeconds() const
{
    return m_timeout->value();
}

void OriginateDialog::setEndpoint(const QString &endpoint)
{
    m_endpoint->setText(endpoint);
}

PlayMediaDialog::PlayMediaDialog(const QString &target, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Play media"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Play on %1:").arg(target), this));
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter sounds"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_list = new QListWidget(this);
    layout->addWidget(m_list, 1);
    m_status = new QLabel(tr("Loading the server's sounds…"), this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *form = new QFormLayout;
    m_uri = new QLineEdit(this);
    m_uri->setPlaceholderText(tr("sound:hello-world, tone:ring, recording:name …"));
    form->addRow(tr("Media URI:"), m_uri);
    layout->addLayout(form);
    auto *buttons = addButtons(this, layout, tr("Play"));
    auto *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_uri, &QLineEdit::textChanged, ok,
        [ok](const QString &text) { ok->setEnabled(text.contains(u':')); });
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString &id) {
        if (!id.isEmpty())
            m_uri->setText(u"sound:"_s + id);
    });
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int i = 0; i < m_list->count(); ++i)
            m_list->item(i)->setHidden(
                !m_list->item(i)->text().contains(text, Qt::CaseInsensitive));
    });
    resize(420, 460);
}

void PlayMediaDialog::setSounds(const QStringList &soundIds)
{
    m_list->clear();
    QStringList sorted = soundIds;
    sorted.sort(Qt::CaseInsensitive);
    m_list->addItems(sorted);
    m_status->setText(tr("%n sound(s) on the server", nullptr, int(sorted.size())));
}

void PlayMediaDialog::setSoundsError(const QString &message)
{
    m_status->setText(tr("Could not load the sounds: %1").arg(message));
}

QString PlayMediaDialog::mediaUri() const
{
    return m_uri->text().trimmed();
}

void PlayMediaDialog::setMediaUri(const QString &uri)
{
    m_uri->setText(uri);
}

int PlayMediaDialog::soundCount() const
{
    return m_list->count();
}

bool PlayMediaDialog::selectSound(const QString &soundId)
{
    const auto items = m_list->findItems(soundId, Qt::MatchExactly);
    if (items.isEmpty())
        return false;
    m_list->setCurrentItem(items.first());
    return true;
}

RecordDialog::RecordDialog(const QString &suggestedName, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Start recording"));
    auto *layout = new QFormLayout(this);
    m_name = new QLineEdit(suggestedName, this);
    layout->addRow(tr("Name:"), m_name);
    m_format = new QComboBox(this);
    m_format->addItems({ u"wav"_s, u"gsm"_s, u"ulaw"_s, u"alaw"_s, u"sln"_s });
    layout->addRow(tr("Format:"), m_format);
    m_maxDuration = new QSpinBox(this);
    m_maxDuration->setRange(0, 24 * 3600);
    m_maxDuration->setSpecialValueText(tr("unlimited"));
    m_maxDuration->setSuffix(tr(" s"));
    layout->addRow(tr("Maximum duration:"), m_maxDuration);
    auto *buttons = addButtons(this, layout, tr("Record"));
    auto *ok = buttons->button(QDialogButtonBox::Ok);
    connect(m_name, &QLineEdit::textChanged, ok,
        [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
}

QString RecordDialog::name() const
{
    return m_name->text().trimmed();
}

QString RecordDialog::format() const
{
    return m_format->currentText();
}

int RecordDialog::maxDurationSeconds() const
{
    return m_maxDuration->value();
}

CreateBridgeDialog::CreateBridgeDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Create bridge"));
    auto *layout = new QFormLayout(this);
    m_type = new QComboBox(this);
    m_type->addItem(tr("Mixing"), u"mixing"_s);
    m_type->addItem(tr("Holding"), u"holding"_s);
    m_type->addItem(tr("Mixing, DTMF events"), u"mixing,dtmf_events"_s);
    m_type->addItem(tr("Mixing, proxy media"), u"mixing,proxy_media"_s);
    m_type->addItem(tr("Video SFU"), u"mixing,video_sfu"_s);
    layout->addRow(tr("Type:"), m_type);
    m_name = new QLineEdit(this);
    layout->addRow(tr("Name:"), m_name);
    addButtons(this, layout, tr("Create"));
}

QString CreateBridgeDialog::type() const
{
    return m_type->currentData().toString();
}

QString CreateBridgeDialog::name() const
{
    return m_name->text().trimmed();
}

} // namespace QtAri::Inspector
