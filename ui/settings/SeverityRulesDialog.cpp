#include "SeverityRulesDialog.h"

#include "ConsolePalette.h"

#include "SeverityRules.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QVBoxLayout>

SeverityRulesDialog::SeverityRulesDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("severityRulesDialog"));
    setWindowTitle(tr("Severity suggestion rules"));
    auto *layout = new QVBoxLayout(this);
    auto *where = new QLabel(tr("Kept in %1. Each rule: a level, label matchers in braces, and the words that "
                                "explain it on the board.")
                                 .arg(QDir::toNativeSeparators(SeverityRules::userFilePath())),
                             this);
    where->setWordWrap(true);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(where);
    m_text = new QPlainTextEdit(SeverityRules::userText(), this);
    m_text->setObjectName(QStringLiteral("severityRulesEdit"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setMinimumSize(900, 420);
    layout->addWidget(m_text, 1);
    m_verdict = new QLabel(this);
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setObjectName(QStringLiteral("severityRulesVerdict"));
    m_verdict->setWordWrap(true);
    layout->addWidget(m_verdict);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    auto *defaults = buttons->addButton(tr("Restore Defaults"), QDialogButtonBox::ResetRole);
    layout->addWidget(buttons);
    connect(defaults, &QPushButton::clicked, this, [this] { m_text->setPlainText(SeverityRules::builtinText()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &SeverityRulesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_text, &QPlainTextEdit::textChanged, this, &SeverityRulesDialog::check);
    check();
}

void SeverityRulesDialog::check()
{
    const auto parsed = SeverityRules::parse(m_text->toPlainText());
    m_save->setEnabled(parsed.ok());
    if (parsed) {
        m_verdict->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::ok()));
        const int count = int(parsed->rules().size());
        m_verdict->setText(count == 1 ? tr("1 rule, valid.") : tr("%1 rules, all valid.").arg(count));
    } else {
        m_verdict->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm(), true));
        m_verdict->setText(parsed.error());
    }
}

void SeverityRulesDialog::accept()
{
    if (const Status s = SeverityRules::saveUserText(m_text->toPlainText()); !s) {
        m_verdict->setText(s.error());
        return;
    }
    QDialog::accept();
}
