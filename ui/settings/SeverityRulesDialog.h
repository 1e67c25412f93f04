#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

// Edits the rules that suggest a severity from alert labels. Checked as you type: an error names its line and
// column, and rules that do not parse cannot be saved.
class SeverityRulesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeverityRulesDialog)

public:
    explicit SeverityRulesDialog(QWidget *parent);
    void accept() override;

private:
    void check();

    QPlainTextEdit *m_text;
    QLabel *m_verdict;
    QPushButton *m_save;
};
