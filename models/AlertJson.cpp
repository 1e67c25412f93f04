#include "AlertJson.h"

#include "FastIsoTime.h"
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

namespace {
void appendString(QByteArray &out, QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    const bool plain = std::none_of(utf8.begin(), utf8.end(), [](char c) {
        return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
    });
    if (plain) { // nearly every label and annotation: one copy, no per-character work
        out += utf8;
        out += '"';
        return;
    }
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += "0123456789abcdef"[(c >> 4) & 0xf];
                out += "0123456789abcdef"[c & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendKey(QByteArray &out, const char *key)
{
    out += '"';
    out += key;
    out += "\":";
}

void appendPairs(QByteArray &out, const Alert::Pairs &pairs)
{
    out += '{';
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        appendString(out, pairs[i].first);
        out += ':';
        appendString(out, pairs[i].second);
    }
    out += '}';
}

void appendList(QByteArray &out, const QStringList &list)
{
    out += '[';
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        appendString(out, list[i]);
    }
    out += ']';
}
} // namespace

namespace AlertJson {

// Keys in the same (alphabetical) order QJsonDocument writes them, so both forms read the same.
void appendCompact(QByteArray &out, const Alert &a)
{
    out += '{';
    appendKey(out, "activeSince");
    if (a.activeSince.isValid()) {
        out += '"';
        FastIsoTime::appendUtc(out, a.activeSince.toMSecsSinceEpoch());
        out += '"';
    } else {
        out += "null";
    }
    out += ',';
    appendKey(out, "alertname");
    appendString(out, a.alertName());
    out += ',';
    appendKey(out, "annotations");
    appendPairs(out, a.annotations);
    if (!a.generatorUrl.isEmpty()) {
        out += ',';
        appendKey(out, "generatorURL");
        appendString(out, a.generatorUrl);
    }
    out += ',';
    appendKey(out, "identity");
    appendString(out, a.identity);
    if (!a.inhibitedBy.isEmpty()) {
        out += ',';
        appendKey(out, "inhibitedBy");
        appendList(out, a.inhibitedBy);
    }
    out += ',';
    appendKey(out, "labels");
    appendPairs(out, a.labels);
    out += ',';
    appendKey(out, "severity");
    appendString(out, a.severity());
    if (!a.silencedBy.isEmpty()) {
        out += ',';
        appendKey(out, "silencedBy");
        appendList(out, a.silencedBy);
    }
    out += ',';
    appendKey(out, "sources");
    appendList(out, a.sources);
    out += ',';
    appendKey(out, "state");
    appendString(out, Alert::stateKey(a.state));
    if (!a.value.isEmpty()) {
        out += ',';
        appendKey(out, "value");
        appendString(out, a.value);
    }
    out += '}';
}

} // namespace AlertJson
