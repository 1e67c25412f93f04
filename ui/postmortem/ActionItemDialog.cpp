#include "ActionItemDialog.h"

#include "Clock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

ActionItemDialog::ActionItemDialog(const ActionItem &item, const QList<Person> &roster, const QTimeZone &zone, QWidget *parent)
    : QDialog(parent), m_item(item), m_zone(zone)
{
    setWindowTitle(item.id ? tr("Edit Action Item") : tr("New Action Item for INC-%1").arg(item.incidentId));
    m_title = new QLineEdit(item.title, this);
    m_title->setObjectName(QStringLiteral("actionItemTitle"));
    m_title->setPlaceholderText(tr("What will be done, e.g. \"Alert on certificate expiry\""));
    m_owner = new QComboBox(this);
    m_owner->setObjectName(QStringLiteral("actionItemOwner"));
    m_owner->addItem(tr("Nobody yet"), qint64(0));
    for (const Person &p : roster) {
        m_owner->addItem(p.handle.isEmpty() ? p.name : tr("%1 (%2)").arg(p.name, p.handle), p.id);
    }
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(item.ownerId)));
    m_hasDue = new QCheckBox(tr("Due"), this);
    m_hasDue->setObjectName(QStringLiteral("actionItemHasDue"));
    m_due = new QDateTimeEdit(this);
    m_due->setObjectName(QStringLiteral("actionItemDue"));
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    // A week is the usual first promise for a follow-up; the team changes it.
    // The editor shows wall-clock time in the display zone; QDateTimeEdit of Qt 6.4 has no zone of its own.
    const QDateTime shown = (item.dueAt.isValid() ? item.dueAt : Clock::nowUtc().addDays(7)).toTimeZone(zone);
    m_due->setDate(shown.date());
    m_due->setTime(QTime(shown.time().hour(), shown.time().minute()));
    m_hasDue->setChecked(item.dueAt.isValid());
    m_due->setEnabled(item.dueAt.isValid());
    connect(m_hasDue, &QCheckBox::toggled, m_due, &QWidget::setEnabled);
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("actionItemState"));
    for (ActionItem::State s : ActionItem::states()) {
        m_state->addItem(ActionItem::stateTitle(s), int(s));
    }
    m_state->setCurrentIndex(m_state->findData(int(item.state)));

    auto *due = new QHBoxLayout;
    due->addWidget(m_hasDue);
    due->addWidget(m_due, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Action item:"), m_title);
    form->addRow(tr("Owner:"), m_owner);
    form->addRow(tr("Due:"), due);
    form->addRow(tr("State:"), m_state);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto updateSave = [this, buttons] { buttons->button(QDialogButtonBox::Save)->setEnabled(!m_title->text().trimmed().isEmpty()); };
    connect(m_title, &QLineEdit::textChanged, this, updateSave);
    updateSave();
    resize(520, sizeHint().height());
}

ActionItem ActionItemDialog::item() const
{
    ActionItem a = m_item;
    a.title = m_title->text().trimmed();
    a.ownerId = m_owner->currentData().toLongLong();
    a.dueAt = m_hasDue->isChecked()
                  ? QDateTime(m_due->date(), QTime(m_due->time().hour(), m_due->time().minute()), m_zone).toUTC()
                  : QDateTime();
    // The editor shows minutes; a due time it did not change keeps its seconds (no edit is made of nothing).
    if (a.dueAt.isValid() && m_item.dueAt.isValid() && a.dueAt.secsTo(m_item.dueAt) >= 0 && a.dueAt.secsTo(m_item.dueAt) < 60) {
        a.dueAt = m_item.dueAt;
    }
    a.state = ActionItem::State(m_state->currentData().toInt());
    return a;
}
