#include "AlertDecoder.h"

#include "FastIsoTime.h"
#include "LabelHash.h"

#include <QJsonParseError>

#include <QCoreApplication>
#include <QJsonDocument>

#include <simdjson.h>

#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace dom = simdjson::dom;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AlertDecoder", text);
}

struct TransparentHash
{
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

using Views = std::vector<std::pair<std::string_view, std::string_view>>;

// The raw fields of one alert, as views into the parser's buffers, before any conversion.
struct RawAlert
{
    Views labels;
    Views annotations;
    std::string_view state;
    std::string_view activeSince;
    std::string_view value;
    std::string_view generatorUrl;
    std::vector<std::string_view> silencedBy;
    std::vector<std::string_view> inhibitedBy;

    void clear()
    {
        labels.clear();
        annotations.clear();
        state = activeSince = value = generatorUrl = {};
        silencedBy.clear();
        inhibitedBy.clear();
    }
};

} // namespace

struct AlertDecoder::Impl
{
    dom::parser parser;
    std::string padded;
    // Label names and common values repeat across thousands of alerts: convert each once, share the QString.
    std::unordered_map<std::string, QString, TransparentHash, std::equal_to<>> interned;
    RawAlert raw;

    QString text(std::string_view v)
    {
        if (v.size() > 40) {
            return QString::fromUtf8(v.data(), qsizetype(v.size()));
        }
        if (const auto it = interned.find(v); it != interned.end()) {
            return it->second;
        }
        if (interned.size() > 200000) {
            interned.clear(); // bounded: a flood of unique values must not grow it forever
        }
        return interned.emplace(std::string(v), QString::fromUtf8(v.data(), qsizetype(v.size()))).first->second;
    }

    Alert::Pairs pairs(Views &views)
    {
        if (!std::is_sorted(views.begin(), views.end())) {
            std::sort(views.begin(), views.end());
        }
        Alert::Pairs out;
        out.reserve(qsizetype(views.size()));
        for (const auto &[k, v] : views) {
            out.append({text(k), text(v)});
        }
        return out;
    }

    Alert convert(quint64 identity)
    {
        Alert a;
        a.identity = Alert::identityText(identity);
        a.labels = pairs(raw.labels);
        a.annotations = pairs(raw.annotations);
        a.activeSince = FastIsoTime::toDateTime(raw.activeSince);
        a.value = text(raw.value);
        a.generatorUrl = QString::fromUtf8(raw.generatorUrl.data(), qsizetype(raw.generatorUrl.size()));
        for (auto s : raw.silencedBy) {
            a.silencedBy.append(text(s));
        }
        for (auto s : raw.inhibitedBy) {
            a.inhibitedBy.append(text(s));
        }
        if (raw.state == "pending") {
            a.state = Alert::State::Pending;
        } else if (raw.state == "suppressed") {
            a.state = Alert::State::Suppressed;
        } else {
            a.state = Alert::State::Firing; // "firing", "active", and Alertmanager's "unprocessed"
        }
        return a;
    }

    static bool readPairs(dom::element value, Views &out)
    {
        dom::object object;
        if (value.get_object().get(object)) {
            return false;
        }
        for (dom::key_value_pair field : object) {
            std::string_view v;
            if (field.value.get_string().get(v)) {
                return false;
            }
            out.emplace_back(field.key, v);
        }
        return true;
    }

    static bool readStrings(dom::element value, std::vector<std::string_view> &out)
    {
        dom::array array;
        if (value.get_array().get(array)) {
            return false;
        }
        for (dom::element element : array) {
            std::string_view v;
            if (element.get_string().get(v)) {
                return false;
            }
            out.push_back(v);
        }
        return true;
    }

    // Reads one alert object's fields into `raw`; on a wrong shape names the field.
    QString readAlert(dom::element value, Format format)
    {
        raw.clear();
        dom::object object;
        if (value.get_object().get(object)) {
            return QStringLiteral("not an object");
        }
        for (dom::key_value_pair field : object) {
            const std::string_view key = field.key;
            bool ok = true;
            if (key == "labels") {
                ok = readPairs(field.value, raw.labels);
            } else if (key == "annotations") {
                ok = readPairs(field.value, raw.annotations);
            } else if (format == Format::PrometheusV1 && key == "state") {
                ok = !field.value.get_string().get(raw.state);
            } else if (format == Format::PrometheusV1 && key == "activeAt") {
                ok = !field.value.get_string().get(raw.activeSince);
            } else if (format == Format::PrometheusV1 && key == "value") {
                ok = !field.value.get_string().get(raw.value);
            } else if (format == Format::AlertmanagerV2 && key == "startsAt") {
                ok = !field.value.get_string().get(raw.activeSince);
            } else if (format == Format::AlertmanagerV2 && key == "generatorURL") {
                ok = !field.value.get_string().get(raw.generatorUrl);
            } else if (format == Format::AlertmanagerV2 && key == "status") {
                dom::object status;
                ok = !field.value.get_object().get(status);
                if (ok) {
                    for (dom::key_value_pair s : status) {
                        if (s.key == "state") {
                            ok = !s.value.get_string().get(raw.state);
                        } else if (s.key == "silencedBy") {
                            ok = readStrings(s.value, raw.silencedBy);
                        } else if (s.key == "inhibitedBy") {
                            ok = readStrings(s.value, raw.inhibitedBy);
                        }
                        if (!ok) {
                            return QStringLiteral("\"status.%1\" has the wrong type")
                                .arg(QString::fromUtf8(s.key.data(), qsizetype(s.key.size())));
                        }
                    }
                }
            }
            if (!ok) {
                return QStringLiteral("\"%1\" has the wrong type").arg(QString::fromUtf8(key.data(), qsizetype(key.size())));
            }
        }
        if (raw.labels.empty()) {
            return QStringLiteral("it has no labels");
        }
        return {};
    }

    // Identity from the sorted label set; content from everything the console shows.
    void hashes(quint64 &identity, quint64 &content)
    {
        // Both servers write labels sorted; sorting is only for a server that does not.
        if (!std::is_sorted(raw.labels.begin(), raw.labels.end())) {
            std::sort(raw.labels.begin(), raw.labels.end());
        }
        quint64 h = LabelHash::kSeed;
        for (const auto &[k, v] : raw.labels) {
            h = LabelHash::add(LabelHash::add(h, k), v);
        }
        identity = h;
        for (const auto &[k, v] : raw.annotations) {
            h = LabelHash::add(LabelHash::add(h, k), v);
        }
        h = LabelHash::add(h, raw.state);
        h = LabelHash::add(h, raw.activeSince);
        h = LabelHash::add(h, raw.value);
        h = LabelHash::add(h, raw.generatorUrl);
        for (auto s : raw.silencedBy) {
            h = LabelHash::add(h, s);
        }
        for (auto s : raw.inhibitedBy) {
            h = LabelHash::add(h, s);
        }
        content = h;
    }
};

AlertDecoder::AlertDecoder() : d(std::make_unique<Impl>()) {}
AlertDecoder::~AlertDecoder() = default;

Result<AlertDecoder::Outcome> AlertDecoder::decode(Format format, QByteArray body, AlertSnapshot &state)
{
    const QString kindName = format == Format::PrometheusV1 ? tr("a Prometheus alerts response")
                                                            : tr("an Alertmanager alerts response");
    Outcome out;
    if (body == state.lastBody && !state.lastBody.isNull()) {
        out.unchanged = true; // one memcmp instead of a parse: most polls during a long incident
        return out;
    }
    if (body.trimmed().isEmpty()) {
        return Status::failure(tr("the answer was empty, not %1").arg(kindName));
    }

    // simdjson reads a little past the end. Parse in place when the buffer has room (reading into spare
    // capacity is safe even if the bytes are shared); otherwise copy into one reused padded buffer, so a
    // 9 MB answer never costs a fresh allocation.
    const char *data = body.constData();
    // Free space after the data, not capacity() - size(): a buffer may also have free space before its data.
    if (body.data_ptr().freeSpaceAtEnd() < qsizetype(simdjson::SIMDJSON_PADDING)) {
        if (d->padded.size() < size_t(body.size()) + simdjson::SIMDJSON_PADDING) {
            d->padded.resize(size_t(body.size()) + simdjson::SIMDJSON_PADDING + size_t(body.size()) / 8);
        }
        std::memcpy(d->padded.data(), body.constData(), size_t(body.size()));
        data = d->padded.data();
    }
    dom::element root;
    if (auto e = d->parser.parse(data, size_t(body.size()), false).get(root)) {
        // simdjson says what, Qt's parser says where: worth the second pass only on a broken answer.
        QJsonParseError where;
        QJsonDocument::fromJson(body, &where);
        if (where.error != QJsonParseError::NoError) {
            return Status::failure(tr("not %1 at byte %2: %3").arg(kindName).arg(where.offset).arg(where.errorString()));
        }
        return Status::failure(tr("not %1: %2").arg(kindName, QString::fromLatin1(simdjson::error_message(e))));
    }
    auto shapeError = [&](const QString &path, const QString &what) {
        return Status::failure(tr("not %1: %2 %3").arg(kindName, path, what));
    };

    dom::array alerts;
    if (format == Format::PrometheusV1) {
        dom::object object;
        if (root.get_object().get(object)) {
            return Status::failure(tr("not %1 at byte 0: expected a JSON object").arg(kindName));
        }
        std::string_view status;
        [[maybe_unused]] const auto statusError = object["status"].get_string().get(status);
        if (status == "error") {
            std::string_view errorText;
            std::string_view errorType;
            [[maybe_unused]] const auto e1 = object["error"].get_string().get(errorText);
            [[maybe_unused]] const auto e2 = object["errorType"].get_string().get(errorType);
            return Status::failure(tr("Prometheus answered with an error: %1 (%2)")
                                       .arg(QString::fromUtf8(errorText.data(), qsizetype(errorText.size())),
                                            QString::fromUtf8(errorType.data(), qsizetype(errorType.size()))));
        }
        dom::element data;
        if (object["data"].get(data)) {
            return shapeError(QStringLiteral("the answer"), tr("has no \"data\""));
        }
        if (data.at_key("alerts").get_array().get(alerts)) {
            return shapeError(QStringLiteral("\"data\""), tr("has no \"alerts\" list"));
        }
    } else if (root.get_array().get(alerts)) {
        return Status::failure(tr("not %1 at byte 0: expected a JSON list of alerts").arg(kindName));
    }

    // First pass: read everything, convert only what is new or changed, and touch nothing in `state` but the
    // generation marks, so a broken answer halfway leaves the state as it was.
    // Used up even if this answer turns out broken, so its marks never count for the next one.
    const quint32 generation = ++state.generation;
    struct Pending
    {
        quint64 identity;
        AlertSnapshot::Entry entry;
        bool isNew;
    };
    std::vector<Pending> pending;
    QHash<quint64, size_t> pendingIndex; // the same labels twice in one answer: the last copy counts
    qsizetype position = 0;
    for (dom::element element : alerts) {
        if (const QString problem = d->readAlert(element, format); !problem.isEmpty()) {
            return shapeError(QStringLiteral("alert %1").arg(position), problem);
        }
        ++position;
        quint64 identity = 0;
        quint64 content = 0;
        d->hashes(identity, content);
        const auto before = state.byIdentity.find(identity);
        if (before != state.byIdentity.end() && before->contentHash == content) {
            before->seen = generation;
            continue;
        }
        Pending p{identity, {content, generation, d->convert(identity)}, before == state.byIdentity.end()};
        if (const auto seenBefore = pendingIndex.constFind(identity); seenBefore != pendingIndex.cend()) {
            pending[*seenBefore] = std::move(p);
        } else {
            pendingIndex.insert(identity, pending.size());
            pending.push_back(std::move(p));
        }
    }

    // Commit.
    for (Pending &p : pending) {
        auto it = state.byIdentity.find(p.identity);
        if (it == state.byIdentity.end()) {
            out.delta.added.append(p.entry.alert);
            state.byIdentity.insert(p.identity, std::move(p.entry));
        } else {
            out.delta.changed.append(p.entry.alert);
            *it = std::move(p.entry);
        }
    }
    for (auto it = state.byIdentity.begin(); it != state.byIdentity.end();) {
        if (it->seen != generation) {
            out.delta.resolved.append(it->alert.identity);
            it = state.byIdentity.erase(it);
        } else {
            ++it;
        }
    }
    state.lastBody = body;
    return out;
}
