#include "AlertJson.h"

#include "StoredTime.h"

#include <QJsonArray>

namespace AlertJson {

QJsonObject pairsToJson(const Alert::Pairs &pairs)
{
    QJsonObject o;
    for (const auto &[k, v] : pairs) {
        o.insert(k, v);
    }
    return o;
}

QJsonObject toJson(const Alert &a)
{
    QJsonObject o;
    o.insert(QStringLiteral("identity"), a.identity);
    o.insert(QStringLiteral("alertname"), a.alertName());
    o.insert(QStringLiteral("severity"), a.severity());
    o.insert(QStringLiteral("state"), Alert::stateKey(a.state));
    o.insert(QStringLiteral("activeSince"), a.activeSince.isValid() ? QJsonValue(StoredTime::toText(a.activeSince)) : QJsonValue());
    o.insert(QStringLiteral("labels"), pairsToJson(a.labels));
    o.insert(QStringLiteral("annotations"), pairsToJson(a.annotations));
    if (!a.value.isEmpty()) {
        o.insert(QStringLiteral("value"), a.value);
    }
    if (!a.generatorUrl.isEmpty()) {
        o.insert(QStringLiteral("generatorURL"), a.generatorUrl);
    }
    if (!a.silencedBy.isEmpty()) {
        o.insert(QStringLiteral("silencedBy"), QJsonArray::fromStringList(a.silencedBy));
    }
    if (!a.inhibitedBy.isEmpty()) {
        o.insert(QStringLiteral("inhibitedBy"), QJsonArray::fromStringList(a.inhibitedBy));
    }
    o.insert(QStringLiteral("sources"), QJsonArray::fromStringList(a.sources));
    return o;
}

} // namespace AlertJson
