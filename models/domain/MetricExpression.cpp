#include "MetricExpression.h"

QList<MetricExpression> MetricExpression::defaults()
{
    return {
        // The playbook's SEV-2 example: P95 socket latency over 100 ms. The histogram is in seconds; shown in ms.
        {QStringLiteral("P95 socket latency"),
         QStringLiteral(
             "histogram_quantile(0.95, sum by (le) (rate(game_server_socket_latency_seconds_bucket[1m]))) * 1000"),
         QStringLiteral("ms"), 100.0},
        {QStringLiteral("Error log rate"), QStringLiteral("sum by (component) (rate(game_server_error_log_total[1m]))"),
         QStringLiteral("/s"), std::nullopt},
        {QStringLiteral("Security events rate"),
         QStringLiteral("sum by (type) (rate(game_server_security_events_total[1m]))"), QStringLiteral("/s"),
         std::nullopt},
    };
}
