#include "ConnectTeamDialog.h"

#include "ConsolePalette.h"
#include "DatabaseAddress.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>

ConnectTeamDialog::ConnectTeamDialog(const QString &title, const QString &actionText, QWidget *parent)
    : QDialog(parent), m_address(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_remember(new QCheckBox(tr("&Remember the password on this computer (in a settings file only you can read)"),
                               this)),
      m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("connectTeamDialog"));
    setWindowTitle(title);
    setMinimumWidth(560);
    m_address->setObjectName(QStringLiteral("teamAddressEdit"));
    m_address->setPlaceholderText(QStringLiteral("postgresql://you@db.example.org:5432/incidents"));
    m_password->setObjectName(QStringLiteral("teamPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty: PGPASSWORD or ~/.pgpass"));
    m_remember->setObjectName(QStringLiteral("teamRememberCheck"));
    m_problem->setObjectName(QStringLiteral("teamProblemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText); // libpq's words quote hosts and names
    m_problem->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm()));
    m_problem->hide();

    auto *hint = new QLabel(tr("Several hosts fail over in order (postgresql://a:5432,b:5432/incidents?"
                               "target_session_attrs=read-write); TLS with ?sslmode=verify-full&sslrootcert=ca.pem."),
                            this);
    hint->setWordWrap(true);
    hint->setTextFormat(Qt::PlainText);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(QString(), hint);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *go = buttons->addButton(actionText, QDialogButtonBox::AcceptRole);
    go->setObjectName(QStringLiteral("teamConnectButton"));
    go->setDefault(true);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectTeamDialog::check);
}

void ConnectTeamDialog::setAddress(const QString &address)
{
    m_address->setText(address);
    (address.isEmpty() ? m_address : m_password)->setFocus();
}

void ConnectTeamDialog::setProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

QString ConnectTeamDialog::address() const
{
    return m_address->text().trimmed();
}

QString ConnectTeamDialog::password() const
{
    return m_password->text();
}

bool ConnectTeamDialog::rememberPassword() const
{
    return m_remember->isChecked();
}

void ConnectTeamDialog::check()
{
    // A mistyped address is said here, before anything is tried; it is never taken for a file name.
    if (const auto parsed = DatabaseAddress::parse(address()); !parsed) {
        setProblem(parsed.error());
        return;
    }
    accept();
}
