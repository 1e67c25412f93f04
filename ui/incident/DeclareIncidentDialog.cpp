#include "DeclareIncidentDialog.h"

#include "ConsolePalette.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

DeclareIncidentDialog::DeclareIncidentDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Declare Incident"));
    setMinimumWidth(520);
    auto *form = new QFormLayout(this);

    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("declareTitleEdit"));
    m_title->setPlaceholderText(tr("What is broken, as you would say it on the call"));
    form->addRow(tr("&Title:"), m_title);

    auto *severityBox = new QVBoxLayout;
    m_severity = new QButtonGroup(this);
    for (Severity s : Severities::all()) {
        auto *button = new QRadioButton(QStringLiteral("%1 — %2").arg(Severities::label(s), Severities::definition(s)), this);
        button->setObjectName(QStringLiteral("severityRadio%1").arg(int(s)));
        button->setToolTip(tr("Examples: %1").arg(Severities::examples(s)));
        m_severity->addButton(button, int(s));
        severityBox->addWidget(button);
    }
    m_severity->button(int(Severity::Sev2))->setChecked(true);
    form->addRow(tr("Severity:"), severityBox);

    m_summary = new QPlainTextEdit(this);
    m_summary->setObjectName(QStringLiteral("declareSummaryEdit"));
    m_summary->setPlaceholderText(tr("Impact so far, what is known, what is being done"));
    m_summary->setTabChangesFocus(true);
    m_summary->setFixedHeight(m_summary->fontMetrics().height() * 5);
    form->addRow(tr("&Summary:"), m_summary);

    m_drill = new QCheckBox(tr("This is a drill"), this);
    m_drill->setObjectName(QStringLiteral("declareDrillCheck"));
    form->addRow(QString(), m_drill);
    m_security = new QCheckBox(tr("Security incident (abuse, intrusion, data exposure): needs a Security Engineer"), this);
    m_security->setObjectName(QStringLiteral("declareSecurityCheck"));
    form->addRow(QString(), m_security);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Declare"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    form->addRow(m_buttons);

    connect(m_title, &QLineEdit::textChanged, this,
            [this](const QString &t) { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!t.trimmed().isEmpty()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString DeclareIncidentDialog::title() const
{
    return m_title->text().trimmed();
}

Severity DeclareIncidentDialog::severity() const
{
    return Severities::fromNumber(m_severity->checkedId()).value_or(Severity::Sev2);
}

QString DeclareIncidentDialog::summary() const
{
    return m_summary->toPlainText().trimmed();
}

bool DeclareIncidentDialog::isSecurity() const
{
    return m_security->isChecked();
}

bool DeclareIncidentDialog::isDrill() const
{
    return m_drill->isChecked();
}

Declaration DeclareIncidentDialog::declaration() const
{
    return Declaration{title(), severity(), summary(), isDrill(), isSecurity(), {}};
}

void DeclareIncidentDialog::setTitle(const QString &title)
{
    m_title->setText(title);
    m_title->selectAll();
}

void DeclareIncidentDialog::setSeverity(Severity severity)
{
    m_severity->button(int(severity))->setChecked(true);
}

void DeclareIncidentDialog::focusDeclare()
{
    QPushButton *declare = m_buttons->button(QDialogButtonBox::Ok);
    declare->setDefault(true);
    declare->setFocus(Qt::OtherFocusReason);
}

void DeclareIncidentDialog::setSummary(const QString &summary)
{
    m_summary->setPlainText(summary);
}
