#pragma once

#include "Severity.h"
#include "Stage.h"

#include <QDateTime>
#include <QString>

// The playbook distributes the postmortem within 48 hours of resolution.
inline constexpr int kPostmortemDueHours = 48;

// What a person fills in to declare an incident; every field reaches the record, however it was declared.
struct Declaration
{
    QString title;
    Severity severity = Severity::Sev2;
    QString summary;
    bool drill = false;
    bool security = false;
    QDateTime detectedAt; // when the evidence began (the first linked alert's start); invalid when not known
};

struct Incident
{
    qint64 id = 0;
    QString title;
    QString summary;
    QString impact; // who is affected and how, as updates tell it
    QString eta;    // when the team expects it fixed, in words
    Severity severity = Severity::Sev3;
    Stage stage = Stage::Detection;
    QDateTime declaredAt;
    QDateTime detectedAt;
    QDateTime mitigatedAt;
    QDateTime resolvedAt;
    QDateTime postmortemDueAt; // set on resolution: the playbook's 48 hours
    bool drill = false;
    bool security = false; // a security incident needs a Security Engineer

    bool isOpen() const { return Stages::isOpen(stage); }
    bool isResolved() const { return resolvedAt.isValid(); }
    // The incident's short reference, as people say it on a call: "INC-42".
    QString reference() const { return referenceOf(id); }
    static QString referenceOf(qint64 incidentId) { return QStringLiteral("INC-%1").arg(incidentId); }
    // Empty when the incident obeys the domain rules, else what is wrong in words.
    QString validationError() const;

    bool operator==(const Incident &) const = default;
};
