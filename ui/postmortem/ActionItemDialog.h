#pragma once

#include "ActionItem.h"
#include "Person.h"

#include <QDialog>
#include <QTimeZone>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;

// One action item's title, owner (from the roster), due time and state.
class ActionItemDialog final : public QDialog
{
    Q_OBJECT

public:
    ActionItemDialog(const ActionItem &item, const QList<Person> &roster, const QTimeZone &zone, QWidget *parent = nullptr);
    ActionItem item() const;

private:
    ActionItem m_item;
    QTimeZone m_zone;
    QLineEdit *m_title;
    QComboBox *m_owner;
    QCheckBox *m_hasDue;
    QDateTimeEdit *m_due;
    QComboBox *m_state;
};
