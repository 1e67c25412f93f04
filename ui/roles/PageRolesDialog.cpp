#include "PageRolesDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

PageRolesDialog::PageRolesDialog(const QString &message, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("pageRolesDialog"));
    setWindowTitle(tr("Page required roles"));
    auto *layout = new QVBoxLayout(this);
    m_text = new QPlainTextEdit(message, this);
    m_text->setObjectName(QStringLiteral("pageMessageText"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setMinimumSize(560, 260);
    layout->addWidget(m_text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copy = buttons->addButton(tr("&Copy to Clipboard"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyPageMessageButton"));
    copy->setDefault(true);
    layout->addWidget(buttons);
    connect(copy, &QPushButton::clicked, this, [this, copy] {
        QApplication::clipboard()->setText(m_text->toPlainText());
        copy->setText(tr("Copied"));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString PageRolesDialog::message() const
{
    return m_text->toPlainText();
}
