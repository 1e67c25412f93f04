#pragma once

#include "MessageTemplate.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class Workspace;

// The file's status update and postmortem templates: edited here with every problem shown at its line and column
// as you type, and imported from or exported to files.
class TemplatesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplatesDialog)

public:
    TemplatesDialog(Workspace *workspace, QWidget *parent);

private:
    void reload(qint64 select = 0);
    void showSelected();
    void check();
    void save();
    void importFile();
    void exportFile();

    Workspace *m_workspace;
    QList<MessageTemplate> m_templates;
    qint64 m_editing = 0; // 0: a new template
    QListWidget *m_list;
    QLineEdit *m_name;
    QComboBox *m_audience;
    QPlainTextEdit *m_body;
    QLabel *m_problems;
    QPushButton *m_save;
};
