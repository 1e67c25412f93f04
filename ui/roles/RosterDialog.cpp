#include "RosterDialog.h"

#include "ConsolePalette.h"

#include "Workspace.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

RosterDialog::RosterDialog(Workspace *workspace, QWidget *parent) : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("rosterDialog"));
    setWindowTitle(tr("Roster"));
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("rosterTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Handle"), tr("Contact")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumSize(520, 220);
    layout->addWidget(m_table, 1);

    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("personNameEdit"));
    m_handle = new QLineEdit(this);
    m_handle->setObjectName(QStringLiteral("personHandleEdit"));
    m_handle->setPlaceholderText(tr("@chat-handle"));
    m_contact = new QLineEdit(this);
    m_contact->setObjectName(QStringLiteral("personContactEdit"));
    m_contact->setPlaceholderText(tr("phone or e-mail"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Handle:"), m_handle);
    form->addRow(tr("&Contact:"), m_contact);
    layout->addLayout(form);

    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("&Add to Roster"), this);
    m_add->setObjectName(QStringLiteral("addPersonButton"));
    m_save = new QPushButton(tr("&Save Changes"), this);
    m_save->setObjectName(QStringLiteral("savePersonButton"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_save);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_problem = new QLabel(this);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm()));
    m_problem->hide();
    layout->addWidget(m_problem);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RosterDialog::showSelected);
    connect(m_add, &QPushButton::clicked, this, [this] { save(true); });
    connect(m_save, &QPushButton::clicked, this, [this] { save(false); });
    reload();
}

void RosterDialog::reload()
{
    const auto people = m_workspace->store()->people();
    m_people = people ? people.value() : QList<Person>();
    if (!people) {
        m_problem->setText(people.error());
        m_problem->show();
    }
    m_table->setRowCount(int(m_people.size()));
    for (int row = 0; row < m_people.size(); ++row) {
        const Person &p = m_people.at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(p.name));
        m_table->setItem(row, 1, new QTableWidgetItem(p.handle));
        m_table->setItem(row, 2, new QTableWidgetItem(p.contact));
    }
    m_table->resizeColumnsToContents();
    showSelected();
}

void RosterDialog::showSelected()
{
    const int row = m_table->currentRow();
    const bool has = row >= 0 && row < m_people.size() && !m_table->selectedItems().isEmpty();
    m_save->setEnabled(has && !m_workspace->store()->isReadOnly());
    m_add->setEnabled(!m_workspace->store()->isReadOnly());
    if (has) {
        m_name->setText(m_people.at(row).name);
        m_handle->setText(m_people.at(row).handle);
        m_contact->setText(m_people.at(row).contact);
    }
}

void RosterDialog::save(bool asNew)
{
    Person person;
    const int row = m_table->currentRow();
    if (!asNew) {
        if (row < 0 || row >= m_people.size()) {
            return;
        }
        person.id = m_people.at(row).id;
    }
    person.name = m_name->text().trimmed();
    person.handle = m_handle->text().trimmed();
    person.contact = m_contact->text().trimmed();
    const auto saved = m_workspace->savePerson(person);
    if (!saved) {
        m_problem->setText(saved.error());
        m_problem->show();
        return;
    }
    m_problem->hide();
    reload();
    for (int r = 0; r < m_people.size(); ++r) {
        if (m_people.at(r).id == saved.value()) {
            m_table->selectRow(r);
        }
    }
}
