#include "TemplatesDialog.h"

#include "ConsolePalette.h"

#include "IncidentFactSheet.h"
#include "TemplateEngine.h"
#include "Workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QVBoxLayout>

TemplatesDialog::TemplatesDialog(Workspace *workspace, QWidget *parent) : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("templatesDialog"));
    setWindowTitle(tr("Update templates"));
    auto *outer = new QHBoxLayout(this);
    auto *left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("templatesList"));
    left->addWidget(m_list, 1);
    auto *newButton = new QPushButton(tr("New"), this);
    auto *importButton = new QPushButton(tr("Import…"), this);
    auto *exportButton = new QPushButton(tr("Export…"), this);
    left->addWidget(newButton);
    left->addWidget(importButton);
    left->addWidget(exportButton);
    outer->addLayout(left);

    auto *right = new QVBoxLayout;
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("templateNameEdit"));
    m_audience = new QComboBox(this);
    m_audience->addItem(tr("Internal update"), QStringLiteral("internal"));
    m_audience->addItem(tr("Customer update"), QStringLiteral("customer"));
    m_audience->addItem(tr("Postmortem"), QStringLiteral("postmortem"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&For:"), m_audience);
    right->addLayout(form);
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(QStringLiteral("templateBodyEdit"));
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setMinimumSize(640, 360);
    right->addWidget(m_body, 1);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("templateProblems"));
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    right->addWidget(m_problems);
    QStringList help;
    for (const auto &[name, what] : IncidentFactSheet::describeVariables()) {
        help.append(QStringLiteral("{{%1}} %2").arg(name, what));
    }
    auto *variables = new QLabel(tr("Variables: %1. Lists are used as {{#roles}}…{{/roles}}; {{^list}}…{{/list}} "
                                    "shows when it is empty.")
                                     .arg(help.join(QStringLiteral(" · "))),
                                 this);
    variables->setTextFormat(Qt::PlainText);
    variables->setWordWrap(true);
    variables->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::quiet()));
    right->addWidget(variables);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("Save"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("templateSaveButton"));
    right->addWidget(buttons);
    outer->addLayout(right, 1);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &TemplatesDialog::save);
    connect(m_list, &QListWidget::currentRowChanged, this, &TemplatesDialog::showSelected);
    connect(m_body, &QPlainTextEdit::textChanged, this, &TemplatesDialog::check);
    connect(newButton, &QPushButton::clicked, this, [this] {
        m_list->clearSelection();
        m_editing = 0;
        m_name->setText(tr("New template"));
        m_body->setPlainText(QStringLiteral("## {{reference}} {{title}}\n\n"));
    });
    connect(importButton, &QPushButton::clicked, this, &TemplatesDialog::importFile);
    connect(exportButton, &QPushButton::clicked, this, &TemplatesDialog::exportFile);
    reload();
}

void TemplatesDialog::reload(qint64 select)
{
    const auto templates = m_workspace->store()->templates();
    m_templates = templates ? templates.value() : QList<MessageTemplate>();
    m_list->clear();
    int row = 0;
    for (int i = 0; i < m_templates.size(); ++i) {
        m_list->addItem(m_templates.at(i).builtin ? tr("%1 (built in)").arg(m_templates.at(i).name) : m_templates.at(i).name);
        if (m_templates.at(i).id == select) {
            row = i;
        }
    }
    if (!m_templates.isEmpty()) {
        m_list->setCurrentRow(row);
    }
}

void TemplatesDialog::showSelected()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_templates.size()) {
        return;
    }
    const MessageTemplate &t = m_templates.at(row);
    m_editing = t.id;
    m_name->setText(t.name);
    m_audience->setCurrentIndex(std::max(0, m_audience->findData(t.audience)));
    m_body->setPlainText(t.body);
}

void TemplatesDialog::check()
{
    const auto problems = TemplateEngine::check(m_body->toPlainText(), IncidentFactSheet::schema());
    QList<QTextEdit::ExtraSelection> marks;
    QStringList lines;
    for (const auto &p : problems) {
        lines.append(TemplateEngine::describe(p));
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_body->document()->findBlockByNumber(p.line - 1));
        mark.cursor.select(QTextCursor::LineUnderCursor);
        mark.format.setBackground(ConsolePalette::alarmTint());
        marks.append(mark);
    }
    m_body->setExtraSelections(marks);
    m_problems->setStyleSheet(problems.isEmpty() ? ConsolePalette::textStyle(ConsolePalette::ok())
                                                 : ConsolePalette::textStyle(ConsolePalette::alarm(), true));
    m_problems->setText(problems.isEmpty() ? tr("The template is sound.") : lines.join(u'\n'));
    m_save->setEnabled(problems.isEmpty() && !m_workspace->store()->isReadOnly());
}

void TemplatesDialog::save()
{
    MessageTemplate t;
    t.id = m_editing;
    t.name = m_name->text();
    t.audience = m_audience->currentData().toString();
    t.body = m_body->toPlainText();
    const auto id = m_workspace->saveTemplate(t);
    if (!id) {
        m_problems->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm(), true));
        m_problems->setText(tr("Not saved: %1").arg(id.error()));
        return;
    }
    reload(id.value());
}

void TemplatesDialog::importFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a template"), QString(),
                                                      tr("Mustache templates (*.mustache *.md *.txt);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    const auto text = TemplateEngine::readTemplateFile(path);
    if (!text) {
        m_problems->setText(text.error());
        return;
    }
    m_list->clearSelection();
    m_editing = 0;
    m_name->setText(QFileInfo(path).completeBaseName());
    m_body->setPlainText(text.value()); // checked as it lands; saved when Save is pressed
}

void TemplatesDialog::exportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the template"), m_name->text() + QStringLiteral(".mustache"),
                                                      tr("Mustache templates (*.mustache)"));
    if (path.isEmpty()) {
        return;
    }
    if (const Status s = TemplateEngine::writeTemplateFile(path, m_body->toPlainText()); !s) {
        m_problems->setText(s.error());
    }
}
