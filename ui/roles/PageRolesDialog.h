#pragma once

#include <QDialog>

class QPlainTextEdit;

// Shows the "page required roles" message, ready to copy into chat or a pager. The text can be edited first.
class PageRolesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageRolesDialog)

public:
    PageRolesDialog(const QString &message, QWidget *parent);
    QString message() const;

private:
    QPlainTextEdit *m_text;
};
