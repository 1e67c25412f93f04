#pragma once

#include "Alert.h"
#include "LabelMatcher.h"
#include "Result.h"
#include "Severity.h"

#include <QList>
#include <QString>

#include <optional>

// What the rules make of an incident's firing alerts: a level and the sentence that explains it.
struct SeveritySuggestion
{
    std::optional<Severity> level; // none: no firing alert matched a rule
    QString explanation;           // "2 firing alerts labelled SEV-2: SocketLatencyHigh, RateLimitPersistent"
    bool ambiguous = false;        // alerts pointed at different levels; the higher one is suggested

    bool operator==(const SeveritySuggestion &) const = default;
};

// The user-editable rules that map alert labels to the playbook's levels (resources/rules/severity-suggestions.txt).
class SeverityRules
{
public:
    struct Rule
    {
        Severity level = Severity::Sev3;
        QList<LabelMatcher> matchers;
        QString explanation;
        int line = 0;
    };

    // An error names the line and column: "line 4, column 12: expected a closing }".
    static Result<SeverityRules> parse(const QString &text);
    static QString builtinText();
    static const SeverityRules &builtin();

    // The user's own rules: a text file in the configuration directory, starting as a copy of the built-in ones.
    static QString userFilePath();
    static QString userText(); // the file's text, or the built-in text when there is no file
    // The rules in force: the user's file when it parses; otherwise the built-in rules and the error, with its place.
    static SeverityRules loadUserRules(QString *problem = nullptr);
    // Refuses text that does not parse and leaves the file as it was.
    static Status saveUserText(const QString &text);

    const QList<Rule> &rules() const { return m_rules; }
    // Alert label sets are sorted by name (as Alert::labels).
    SeveritySuggestion suggest(const QList<Alert::Pairs> &firingAlertLabels) const;

private:
    QList<Rule> m_rules;
};
