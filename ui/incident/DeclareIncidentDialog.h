#pragma once

#include "Incident.h"

#include <QDialog>

class QButtonGroup;
class QCheckBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

// Declaring an incident: a title, a severity from the playbook's table, and a short summary.
class DeclareIncidentDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeclareIncidentDialog)

public:
    explicit DeclareIncidentDialog(QWidget *parent);

    QString title() const;
    Severity severity() const;
    QString summary() const;
    bool isDrill() const;
    bool isSecurity() const;
    // Everything filled in, as the record takes it.
    Declaration declaration() const;

    void setTitle(const QString &title);
    void setSeverity(Severity severity);
    void setSummary(const QString &summary);
    // Filled in from evidence: Declare has the focus, so Enter declares what is shown.
    void focusDeclare();

private:
    QLineEdit *m_title;
    QButtonGroup *m_severity;
    QPlainTextEdit *m_summary;
    QCheckBox *m_drill;
    QCheckBox *m_security;
    QDialogButtonBox *m_buttons;
};
