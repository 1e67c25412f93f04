#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// 10,000 realistic alerts for Alertmanager's POST /api/v2/alerts; `generation` changes the alerts picked by `every`.
// onlyChanged: post just those (Alertmanager updates alerts by label set), so the load itself stays light.
inline QByteArray alertLoad(int count, int every, int generation, bool onlyChanged = false)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray alerts;
    for (int i = 0; i < count; ++i) {
        const bool changed = every > 0 && i % every == generation % every;
        if (onlyChanged && !changed) {
            continue;
        }
        alerts.append(QJsonObject{
            {QStringLiteral("labels"),
             QJsonObject{{QStringLiteral("alertname"), QStringLiteral("SocketLatencyHigh%1").arg(i % 40)},
                         {QStringLiteral("severity"), QStringLiteral("SEV-%1").arg(1 + i % 3)},
                         {QStringLiteral("instance"), QStringLiteral("game-%1.eu-west.internal:9100").arg(i)},
                         {QStringLiteral("job"), QStringLiteral("game-server")},
                         {QStringLiteral("cluster"), QStringLiteral("eu-west-1")},
                         {QStringLiteral("service"), QStringLiteral("matchmaking")}}},
            {QStringLiteral("annotations"),
             QJsonObject{{QStringLiteral("summary"), QStringLiteral("P95 socket latency above 100 ms on game-%1").arg(i)},
                         {QStringLiteral("description"),
                          QStringLiteral("P95 has been %1 ms for 5 minutes; players see rubber-banding.")
                              .arg(120 + (changed ? generation : 0))},
                         {QStringLiteral("runbook_url"), QStringLiteral("https://runbooks.example.invalid/socket-latency")}}},
            {QStringLiteral("startsAt"), now.addSecs(-600).toString(Qt::ISODateWithMs)},
            {QStringLiteral("endsAt"), now.addSecs(3600).toString(Qt::ISODateWithMs)},
            {QStringLiteral("generatorURL"), QStringLiteral("http://127.0.0.1:9090/graph?g0.expr=histogram_quantile")}});
    }
    return QJsonDocument(alerts).toJson(QJsonDocument::Compact);
}
