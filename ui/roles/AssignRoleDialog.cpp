#include "AssignRoleDialog.h"

#include "ConsolePalette.h"
#include "PersonMatch.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QAbstractItemView>
#include <QPushButton>

AssignRoleDialog::AssignRoleDialog(const QList<Role> &roles, const QList<Person> &people, qint64 roleId,
                                   QWidget *parent)
    : QDialog(parent), m_people(people)
{
    setWindowTitle(tr("Assign Role"));
    setMinimumWidth(460); // the title and the roster's longest names stay whole
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
    m_person->completer()->setFilterMode(Qt::MatchContains);
    m_choice = new QLabel(this);
    m_choice->setObjectName(QStringLiteral("personChoiceLabel"));
    m_choice->setTextFormat(Qt::PlainText);
    m_choice->setWordWrap(true);
    m_addNew = new QCheckBox(this);
    m_addNew->setObjectName(QStringLiteral("addPersonCheck"));
    m_addNew->hide();
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("&Person:"), m_person);
    form->addRow(QString(), m_choice);
    form->addRow(QString(), m_addNew);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Assign"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    form->addRow(m_buttons);
    connect(m_person, &QComboBox::editTextChanged, this, &AssignRoleDialog::updateChoice);
    connect(m_addNew, &QCheckBox::toggled, this, &AssignRoleDialog::updateChoice);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_buttons->button(QDialogButtonBox::Ok)->isEnabled()) {
            accept();
        }
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter in the name takes the person it means and assigns: the completer's choice needs no second Enter.
    connect(m_person->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        m_person->completer()->popup()->hide();
        if (m_buttons->button(QDialogButtonBox::Ok)->isEnabled()) {
            accept();
        }
    });
    m_person->setFocus();
}

void AssignRoleDialog::updateChoice()
{
    const QString typed = m_person->currentText().simplified();
    const QList<Person> matches = PersonMatch::matching(m_people, typed);
    m_chosen.clear();
    bool addable = false;
    if (typed.isEmpty()) {
        m_choice->clear();
    } else if (matches.size() == 1) {
        m_chosen = matches.first().name;
        m_choice->setText(tr("→ %1 from the roster").arg(m_chosen));
        m_choice->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::ok()));
    } else if (matches.size() > 1) {
        QStringList names;
        for (const Person &p : matches) {
            names.append(p.name);
        }
        m_choice->setText(tr("Several people match: %1. Type more of the name.").arg(names.join(QStringLiteral(", "))));
        m_choice->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::caution()));
    } else {
        addable = true;
        m_choice->setText(tr("Nobody on the roster is called \"%1\".").arg(typed));
        m_choice->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::caution()));
        m_addNew->setText(tr("Add \"%1\" to the roster as a new person").arg(typed));
        if (m_addNew->isChecked()) {
            m_chosen = typed;
        }
    }
    if (!addable && m_addNew->isChecked()) {
        const QSignalBlocker quiet(m_addNew);
        m_addNew->setChecked(false); // a tick given for another name does not carry over
    }
    m_addNew->setVisible(addable);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_chosen.isEmpty());
}

qint64 AssignRoleDialog::roleId() const
{
    return m_role->currentData().toLongLong();
}

QString AssignRoleDialog::personName() const
{
    return m_chosen;
}
