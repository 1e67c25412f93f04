#pragma once

#include "Stage.h"

#include <QDateTime>
#include <QString>

// One step of a stage's checklist on one incident: a playbook default or an item added for this incident.
struct ChecklistItem
{
    qint64 id = 0;
    qint64 incidentId = 0;
    Stage stage = Stage::Triage;
    QString text;
    int position = 0;
    bool isDefault = false;
    QDateTime doneAt; // invalid while not done
    QString doneBy;

    bool isDone() const { return doneAt.isValid(); }
    bool operator==(const ChecklistItem &) const = default;
};

// A checklist item every new incident starts with, kept in the file so a team can adapt the playbook.
struct ChecklistDefault
{
    qint64 id = 0;
    Stage stage = Stage::Triage;
    QString text;
};
