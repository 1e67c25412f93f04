#include "AssignRoleDialog.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

AssignRoleDialog::AssignRoleDialog(const QList<Role> &roles, const QList<Person> &people, qint64 roleId,
                                   QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Assign Role"));
    auto *form = new QFormLayout(this);
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("roleCombo"));
    for (const Role &r : roles) {
        m_role->addItem(r.name, r.id);
        m_role->setItemData(m_role->count() - 1, r.responsibility, Qt::ToolTipRole);
    }
    if (const int row = m_role->findData(roleId); row >= 0) {
        m_role->setCurrentIndex(row);
    }
    m_person = new QComboBox(this);
    m_person->setObjectName(QStringLiteral("personCombo"));
    m_person->setEditable(true);
    m_person->setInsertPolicy(QComboBox::NoInsert);
    for (const Person &p : people) {
        m_person->addItem(p.name);
    }
    m_person->setCurrentIndex(-1);
    m_person->lineEdit()->setPlaceholderText(tr("Name from the roster, or a new name"));
    m_person->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_person->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("&Person:"), m_person);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Assign"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    form->addRow(m_buttons);
    connect(m_person, &QComboBox::editTextChanged, this,
            [this](const QString &text) { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_person->setFocus();
}

qint64 AssignRoleDialog::roleId() const
{
    return m_role->currentData().toLongLong();
}

QString AssignRoleDialog::personName() const
{
    return m_person->currentText().trimmed();
}
