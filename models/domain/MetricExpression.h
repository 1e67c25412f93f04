#pragma once

#include <QList>
#include <QString>

#include <optional>

// One chart of the live metrics panel: a PromQL expression with how to label it and where its alarm line is.
struct MetricExpression
{
    QString title;
    QString expression;              // PromQL, evaluated with /api/v1/query_range
    QString unit;                    // shown with the axis values: "ms", "/s"; may be empty
    std::optional<double> threshold; // drawn as a dashed line, in the expression's own unit

    // The playbook's signals, written against the game server's metric names (resources/rules/game-server.rules.yml).
    static QList<MetricExpression> defaults();

    bool operator==(const MetricExpression &) const = default;
};
