#pragma once

#include "Person.h"

#include <QDialog>
#include <QList>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class Workspace;

// The people who can take roles: name, handle and contact, kept in the file. Adding and editing are undoable.
class RosterDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RosterDialog)

public:
    RosterDialog(Workspace *workspace, QWidget *parent);

private:
    void reload();
    void showSelected();
    void save(bool asNew);

    Workspace *m_workspace;
    QList<Person> m_people;
    QTableWidget *m_table;
    QLineEdit *m_name;
    QLineEdit *m_handle;
    QLineEdit *m_contact;
    QPushButton *m_add;
    QPushButton *m_save;
    QLabel *m_problem;
};
