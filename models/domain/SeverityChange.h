#pragma once

#include "Severity.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// One step of an incident's severity history. The history starts with the declared level; time in each level
// is computed from it. An overridden suggestion is kept as a step that leaves the level as it was.
struct SeverityChange
{
    enum class Origin { Declared, Manual, SuggestionAccepted, SuggestionOverridden };

    qint64 id = 0;
    qint64 incidentId = 0;
    QDateTime changedAt;
    Severity severity = Severity::Sev3;
    Origin origin = Origin::Manual;
    std::optional<Severity> suggested; // the level the suggestion named, when one was accepted or overridden
    QString reason;
    QString author;

    static QList<Origin> origins();
    static QString originKey(Origin o);
    static std::optional<Origin> originFromKey(const QString &key);

    bool operator==(const SeverityChange &) const = default;
};
