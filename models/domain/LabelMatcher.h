#pragma once

#include "Alert.h"
#include "Result.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

// One label matcher in Alertmanager's syntax: name="value", name!="value", name=~"regex", name!~"regex".
struct LabelMatcher
{
    enum class Op { Equal, NotEqual, Regex, NotRegex };
    QString name;
    Op op = Op::Equal;
    QString value;
    QRegularExpression regex; // anchored, for the regex operators

    bool matches(const Alert &alert) const;

    // Parses "{a="x", b=~"y|z"}" or the same without braces. An error names the column (1-based) and what was expected.
    // columnOffset: where the text starts in a longer line, so the column names the place in that line.
    static Result<QList<LabelMatcher>> parseList(const QString &text, qsizetype columnOffset = 0);
    static bool matchesAll(const QList<LabelMatcher> &matchers, const Alert &alert);
};
