#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

// Where a team database is and how to get in: its address as libpq users write it, a password (or none, for
// PGPASSWORD and ~/.pgpass to answer), and whether this computer may remember it. Used to connect and to copy a file
// to a team database; a refused attempt comes back here with the reason and what was typed.
class ConnectTeamDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectTeamDialog)

public:
    ConnectTeamDialog(const QString &title, const QString &actionText, QWidget *parent = nullptr);

    void setAddress(const QString &address);
    void setProblem(const QString &problem); // shown in red above the buttons; empty: none
    QString address() const;
    QString password() const;
    bool rememberPassword() const;

private:
    void check();

    QLineEdit *m_address;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_problem;
};
