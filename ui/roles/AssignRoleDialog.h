#pragma once

#include "Person.h"
#include "Role.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QDialogButtonBox;

// Picks a role and the person taking it: someone from the roster, or a new name typed on the spot.
class AssignRoleDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignRoleDialog)

public:
    AssignRoleDialog(const QList<Role> &roles, const QList<Person> &people, qint64 roleId, QWidget *parent);

    qint64 roleId() const;
    QString personName() const;

private:
    QComboBox *m_role;
    QComboBox *m_person;
    QDialogButtonBox *m_buttons;
};
