#pragma once

#include "Person.h"
#include "Role.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;

// Picks a role and the person taking it. What is typed picks from the roster ("Sam" and Enter takes Sam Whitfield
// when he is the only Sam); a name nobody on the roster has becomes a new person only when that box is ticked.
class AssignRoleDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignRoleDialog)

public:
    AssignRoleDialog(const QList<Role> &roles, const QList<Person> &people, qint64 roleId, QWidget *parent);

    qint64 roleId() const;
    // The roster's name for the person chosen, or the new name when adding one was chosen.
    QString personName() const;

private:
    void updateChoice();

    QList<Person> m_people;
    QComboBox *m_role;
    QComboBox *m_person;
    QLabel *m_choice;
    QCheckBox *m_addNew;
    QDialogButtonBox *m_buttons;
    QString m_chosen;
};
