#include "AlertDecoder.h"

#include "FastIsoTime.h"
#include "LabelHash.h"
#include "Utf8.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

namespace od = simdjson::ondemand;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AlertDecoder", text);
}

QString fromUtf8(std::string_view v)
{
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

using Views = AlertDecoder::Views;

// The text between a JSON string's quotes, unescaped into UTF-8. False on a broken escape.
bool unescape(std::string_view in, std::string &out)
{
    out.clear();
    auto hex4 = [&](size_t at, char32_t &v) {
        if (at + 4 > in.size()) {
            return false;
        }
        v = 0;
        for (size_t k = at; k < at + 4; ++k) {
            const char h = in[k];
            v <<= 4;
            if (h >= '0' && h <= '9') {
                v |= char32_t(h - '0');
            } else if (h >= 'a' && h <= 'f') {
                v |= char32_t(h - 'a' + 10);
            } else if (h >= 'A' && h <= 'F') {
                v |= char32_t(h - 'A' + 10);
            } else {
                return false;
            }
        }
        return true;
    };
    for (size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '\\') {
            out.push_back(in[i]);
            continue;
        }
        if (++i == in.size()) {
            return false;
        }
        switch (in[i]) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
            char32_t cp = 0;
            if (!hex4(i + 1, cp)) {
                return false;
            }
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) { // a surrogate pair: the low half must follow
                char32_t low = 0;
                if (i + 2 >= in.size() || in[i + 1] != '\\' || in[i + 2] != 'u' || !hex4(i + 3, low) || low < 0xDC00
                    || low > 0xDFFF) {
                    return false;
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 6;
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return false;
            }
            char bytes[4];
            out.append(bytes, size_t(writeUtf8(cp, bytes) - bytes));
            break;
        }
        default:
            return false;
        }
    }
    return true;
}

// Reads a JSON object whose values are all strings (labels, annotations) from its text as the server wrote it.
// The parser has found where its strings and brackets are and checked the UTF-8; everything else (colons, commas,
// value types, escapes) is checked here. Strings without escapes are views into that text; the others are
// unescaped into buffers kept here until the next alert.
class StringObjectReader
{
public:
    void startAlert() { m_used = 0; }
    bool lastFailureWasEscape() const { return m_badEscape; }

    bool read(std::string_view json, Views &out)
    {
        m_badEscape = false;
        m_json = json;
        m_at = 0;
        skipSpace();
        if (!take('{')) {
            return false;
        }
        skipSpace();
        if (take('}')) {
            return true;
        }
        for (;;) {
            std::string_view key;
            std::string_view value;
            if (!string(key)) {
                return false;
            }
            skipSpace();
            if (!take(':')) {
                return false;
            }
            skipSpace();
            if (!string(value)) {
                return false;
            }
            out.emplace_back(key, value);
            skipSpace();
            if (take(',')) {
                skipSpace();
                continue;
            }
            return take('}');
        }
    }

private:
    bool take(char c)
    {
        if (m_at < m_json.size() && m_json[m_at] == c) {
            ++m_at;
            return true;
        }
        return false;
    }

    void skipSpace()
    {
        while (m_at < m_json.size() && (m_json[m_at] == ' ' || m_json[m_at] == '\n' || m_json[m_at] == '\r' || m_json[m_at] == '\t')) {
            ++m_at;
        }
    }

    bool string(std::string_view &out)
    {
        if (!take('"')) {
            return false;
        }
        const char *begin = m_json.data() + m_at;
        const char *end = m_json.data() + m_json.size();
        const char *p = begin;
        bool escaped = false;
        for (;;) {
            // memchr is vectorised: most strings are found with two calls and no byte loop.
            const auto *quote = static_cast<const char *>(std::memchr(p, '"', size_t(end - p)));
            if (!quote) {
                return false;
            }
            const auto *backslash = static_cast<const char *>(std::memchr(p, '\\', size_t(quote - p)));
            if (!backslash) {
                p = quote;
                break;
            }
            escaped = true;
            p = backslash + 2; // past the escaped character, which may be a quote
            if (p > end) {
                return false;
            }
        }
        m_at = size_t(p - m_json.data()) + 1;
        out = std::string_view(begin, size_t(p - begin));
        if (escaped) {
            if (m_used == m_buffers.size()) {
                m_buffers.emplace_back();
            }
            std::string &buffer = m_buffers[m_used++];
            if (!unescape(out, buffer)) {
                m_badEscape = true;
                return false;
            }
            out = buffer;
        }
        return true;
    }

    std::string_view m_json;
    size_t m_at = 0;
    std::deque<std::string> m_buffers; // a deque: adding one never moves the others, so views stay valid
    size_t m_used = 0;
    bool m_badEscape = false;
};

// The same few label names and values repeat across thousands of alerts: convert each once and share the QString.
// Direct-mapped, so a miss costs one conversion and no allocation of its own, and the memory stays bounded.
class TextCache
{
public:
    QString operator()(std::string_view v)
    {
        if (v.size() > kLongest) {
            return fromUtf8(v);
        }
        const quint64 hash = quickHash(v);
        Slot &slot = m_slots[hash & (kSlots - 1)];
        if (slot.hash != hash || slot.key != v) {
            slot.hash = hash;
            slot.key.assign(v);
            slot.text = fromUtf8(v);
        }
        return slot.text;
    }

private:
    // Only picks a slot (the text itself is compared), so a few words of the text will do: its length, start,
    // middle and end.
    static quint64 quickHash(std::string_view v)
    {
        const size_t n = v.size();
        quint64 a = n;
        quint64 b = 0;
        quint64 c = 0;
        if (n >= 8) {
            std::memcpy(&b, v.data(), 8);
            std::memcpy(&c, v.data() + n - 8, 8);
            if (n > 16) {
                quint64 middle;
                std::memcpy(&middle, v.data() + n / 2 - 4, 8);
                a ^= middle * 0x9E3779B97F4A7C15ULL;
            }
        } else if (n > 0) {
            b = (quint64(uchar(v[0])) << 16) | (quint64(uchar(v[n / 2])) << 8) | uchar(v[n - 1]);
        }
        quint64 h = (a ^ (b * 0xc6a4a7935bd1e995ULL)) + c * 0xff51afd7ed558ccdULL;
        h ^= h >> 29;
        h *= 0xbf58476d1ce4e5b9ULL;
        return h ^ (h >> 32);
    }

    static constexpr size_t kSlots = 8192;
    static constexpr size_t kLongest = 128; // longer texts are rarely repeated: not worth hashing and copying
    struct Slot
    {
        quint64 hash = 0;
        std::string key;
        QString text;
    };
    std::vector<Slot> m_slots = std::vector<Slot>(kSlots);
};

// Alerts of one answer mostly have the same label names in the same order: the name at each position is compared
// with the previous alert's before asking the cache.
class NameCache
{
public:
    QString operator()(size_t position, std::string_view name, TextCache &cache)
    {
        if (position >= m_last.size()) {
            m_last.resize(position + 1);
        }
        auto &[key, text] = m_last[position];
        if (key != name) {
            key.assign(name);
            text = cache(name);
        }
        return text;
    }

private:
    std::vector<std::pair<std::string, QString>> m_last;
};

// One alert's fields, as views into the answer or the parser's buffers, before any conversion.
struct RawAlert
{
    std::string_view labelsJson; // the objects exactly as the server wrote them
    std::string_view annotationsJson;
    std::string_view state;
    std::string_view activeSince;
    std::string_view value;
    std::string_view generatorUrl;
    std::vector<std::string_view> silencedBy;
    std::vector<std::string_view> inhibitedBy;
    Views labels; // read from the JSON text only for a new or changed alert
    Views annotations;

    void clear()
    {
        labelsJson = annotationsJson = state = activeSince = value = generatorUrl = {};
        silencedBy.clear();
        inhibitedBy.clear();
        labels.clear();
        annotations.clear();
    }
};

bool readObjectText(od::value &value, std::string_view &out)
{
    od::object object;
    return !value.get_object().get(object) && !object.raw_json().get(out);
}

bool readStrings(od::value &value, std::vector<std::string_view> &out)
{
    od::array array;
    if (value.get_array().get(array)) {
        return false;
    }
    for (auto element : array) {
        std::string_view v;
        if (element.get_string().get(v)) {
            return false;
        }
        out.push_back(v);
    }
    return true;
}

} // namespace

struct AlertDecoder::Impl
{
    od::parser parser;
    std::string padded;
    TextCache text;
    NameCache labelNames;
    NameCache annotationNames;
    StringObjectReader objects;
    RawAlert raw;

    Alert::Pairs pairs(const Views &views, NameCache &names)
    {
        Alert::Pairs out;
        out.reserve(qsizetype(views.size()));
        for (size_t i = 0; i < views.size(); ++i) {
            out.append({names(i, views[i].first, text), text(views[i].second)});
        }
        return out;
    }

    Alert convert(quint64 identity)
    {
        Alert a;
        a.identity = Alert::identityText(identity);
        a.labels = pairs(raw.labels, labelNames);
        a.annotations = pairs(raw.annotations, annotationNames);
        a.activeSince = FastIsoTime::toDateTime(raw.activeSince);
        a.value = text(raw.value);
        a.generatorUrl = text(raw.generatorUrl);
        for (auto s : raw.silencedBy) {
            a.silencedBy.append(text(s));
        }
        for (auto s : raw.inhibitedBy) {
            a.inhibitedBy.append(text(s));
        }
        a.state = stateOf(raw.state);
        return a;
    }

    static Alert::State stateOf(std::string_view state)
    {
        if (state == "pending") {
            return Alert::State::Pending;
        }
        if (state == "suppressed") {
            return Alert::State::Suppressed;
        }
        return Alert::State::Firing; // "firing", "active", and Alertmanager's "unprocessed"
    }

    // Calls `read(key, value)` for each field of an object, stopping at the first problem it returns.
    template <typename Read>
    static QString forEachField(od::object object, Read read)
    {
        for (auto item : object) {
            od::field field;
            if (std::move(item).get(field)) {
                return QStringLiteral("is not valid JSON");
            }
            if (QString problem = read(field.key(), field.value()); !problem.isEmpty()) {
                return problem;
            }
        }
        return {};
    }

    static QString wrongType(const char *name) { return QStringLiteral("\"%1\" has the wrong type").arg(QLatin1String(name)); }

    // Reads one alert object's fields into `raw`; on a wrong shape names the field. Labels and annotations are
    // kept as their JSON text: most polls repeat them byte for byte, and then nothing more is read from them.
    // Keys are compared as written: a server that escaped letters in "labels" would not be understood.
    QString readAlert(od::value value, Format format)
    {
        raw.clear();
        od::object object;
        if (value.get_object().get(object)) {
            return QStringLiteral("not an object");
        }
        const QString problem = forEachField(object, [&](od::raw_json_string key, od::value &field) -> QString {
            auto text = [&](const char *name, std::string_view &out) {
                return field.get_string().get(out) ? wrongType(name) : QString();
            };
            if (key.unsafe_is_equal("labels")) {
                return readObjectText(field, raw.labelsJson) ? QString() : wrongType("labels");
            }
            if (key.unsafe_is_equal("annotations")) {
                return readObjectText(field, raw.annotationsJson) ? QString() : wrongType("annotations");
            }
            if (format == Format::PrometheusV1) {
                if (key.unsafe_is_equal("state")) {
                    return text("state", raw.state);
                }
                if (key.unsafe_is_equal("activeAt")) {
                    return text("activeAt", raw.activeSince);
                }
                if (key.unsafe_is_equal("value")) {
                    return text("value", raw.value);
                }
                return {};
            }
            if (key.unsafe_is_equal("startsAt")) {
                return text("startsAt", raw.activeSince);
            }
            if (key.unsafe_is_equal("generatorURL")) {
                return text("generatorURL", raw.generatorUrl);
            }
            if (key.unsafe_is_equal("status")) {
                return readStatus(field);
            }
            return {};
        });
        if (!problem.isEmpty()) {
            return problem;
        }
        if (raw.labelsJson.empty()) {
            return QStringLiteral("it has no labels");
        }
        return {};
    }

    QString readStatus(od::value &value)
    {
        od::object status;
        if (value.get_object().get(status)) {
            return wrongType("status");
        }
        return forEachField(status, [&](od::raw_json_string key, od::value &field) -> QString {
            if (key.unsafe_is_equal("state")) {
                return field.get_string().get(raw.state) ? wrongType("status.state") : QString();
            }
            if (key.unsafe_is_equal("silencedBy")) {
                return readStrings(field, raw.silencedBy) ? QString() : wrongType("status.silencedBy");
            }
            if (key.unsafe_is_equal("inhibitedBy")) {
                return readStrings(field, raw.inhibitedBy) ? QString() : wrongType("status.inhibitedBy");
            }
            return {};
        });
    }

    // Reads the labels and annotations out of their JSON text, for an alert that is new or changed.
    QString readTexts()
    {
        objects.startAlert();
        auto failure = [this](const char *name) {
            return objects.lastFailureWasEscape() ? QStringLiteral("\"%1\" has a broken escape").arg(QLatin1String(name))
                                                  : wrongType(name);
        };
        if (!objects.read(raw.labelsJson, raw.labels)) {
            return failure("labels");
        }
        if (raw.labels.empty()) {
            return QStringLiteral("it has no labels");
        }
        if (!raw.annotationsJson.empty() && !objects.read(raw.annotationsJson, raw.annotations)) {
            return failure("annotations");
        }
        // Both servers write them sorted by name, each name once; the rest is for a server that does not. A name
        // written twice keeps its last value, as Alertmanager's own reading (into a map) does, so the window, the
        // archive and `alerts --json` all show the same one.
        const auto byName = [](const auto &a, const auto &b) { return a.first < b.first; };
        const auto sameName = [](const auto &a, const auto &b) { return a.first == b.first; };
        for (Views *views : {&raw.labels, &raw.annotations}) {
            if (std::is_sorted(views->begin(), views->end(), byName)
                && std::adjacent_find(views->begin(), views->end(), sameName) == views->end()) {
                continue;
            }
            std::stable_sort(views->begin(), views->end(), byName);
            auto kept = views->begin();
            for (auto it = views->begin(); it != views->end(); ++it) {
                if (std::next(it) == views->end() || std::next(it)->first != it->first) {
                    *kept++ = *it;
                }
            }
            views->erase(kept, views->end());
        }
        return {};
    }

    // Identity from the sorted label set, the same on every server (and stored in the file): see Alert::identityOf.
    quint64 identity() const
    {
        quint64 h = LabelHash::kSeed;
        for (const auto &[k, v] : raw.labels) {
            h = LabelHash::add(LabelHash::add(h, k), v);
        }
        return h;
    }

    // Everything the console shows besides labels and annotations; volatile fields (updatedAt, endsAt) left out.
    quint64 withScalars(quint64 h) const
    {
        h = LabelHash::add(h, raw.state);
        h = LabelHash::add(h, raw.activeSince);
        h = LabelHash::add(h, raw.value);
        h = LabelHash::add(h, raw.generatorUrl);
        const quint64 counts = (quint64(raw.silencedBy.size()) << 32) | quint64(raw.inhibitedBy.size());
        h = LabelHash::bytes(&counts, sizeof counts, h);
        for (auto s : raw.silencedBy) {
            h = LabelHash::add(h, s);
        }
        for (auto s : raw.inhibitedBy) {
            h = LabelHash::add(h, s);
        }
        return h;
    }

    // The content as the server wrote it: cheap, and equal from poll to poll while nothing changes.
    quint64 contentText() const { return withScalars(LabelHash::fastAdd(LabelHash::kSeed, raw.annotationsJson)); }

    // The content as read (after readTexts): equal for the same alert written differently.
    quint64 content() const
    {
        quint64 h = LabelHash::kSeed;
        for (const auto &[k, v] : raw.annotations) {
            h = LabelHash::fastAdd(LabelHash::fastAdd(h, k), v);
        }
        return withScalars(h);
    }
};

AlertDecoder::AlertDecoder() : d(std::make_unique<Impl>()) {}
AlertDecoder::~AlertDecoder() = default;

namespace {
QString kindName(AlertDecoder::Format format)
{
    return format == AlertDecoder::Format::PrometheusV1 ? tr("a Prometheus alerts response")
                                                        : tr("an Alertmanager alerts response");
}
} // namespace

// Parses the answer and reads each alert into `raw`, calling `eachAlert` with its position; a problem it returns
// stops the walk and is reported as that alert's.
Status AlertDecoder::walk(Format format, QByteArray body, const std::function<QString()> &eachAlert)
{
    // Not trimmed(): that copies the whole answer whenever it ends with a newline, as Alertmanager's does.
    if (std::all_of(body.cbegin(), body.cend(), [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; })) {
        return Status::failure(tr("the answer was empty, not %1").arg(kindName(format)));
    }

    // A broken answer: Qt's parser says where it breaks, worth its second pass only then. If the JSON itself is
    // sound, the shape is what is wrong, and `what` says which part.
    // `atStart`: what is wrong is the answer as a whole, which begins at byte 0.
    auto broken = [&](const QString &what, bool atStart = false) -> Status {
        QJsonParseError where;
        QJsonDocument::fromJson(body, &where);
        if (where.error != QJsonParseError::NoError) {
            return Status::failure(tr("not %1 at byte %2: %3").arg(kindName(format)).arg(where.offset).arg(where.errorString()));
        }
        return Status::failure(atStart ? tr("not %1 at byte 0: %2").arg(kindName(format), what)
                                       : tr("not %1: %2").arg(kindName(format), what));
    };

    // simdjson reads a little past the end. Parse in place when the buffer has room (reading into spare
    // capacity is safe even if the bytes are shared); otherwise copy into one reused padded buffer, so a
    // 9 MB answer never costs a fresh allocation.
    const char *data = body.constData();
    // Free space after the data, not capacity() - size(): a buffer may also have free space before its data.
    size_t capacity = size_t(body.size() + body.data_ptr().freeSpaceAtEnd());
    if (capacity < size_t(body.size()) + simdjson::SIMDJSON_PADDING) {
        if (d->padded.size() < size_t(body.size()) + simdjson::SIMDJSON_PADDING) {
            d->padded.resize(size_t(body.size()) + simdjson::SIMDJSON_PADDING + size_t(body.size()) / 8);
        }
        std::memcpy(d->padded.data(), body.constData(), size_t(body.size()));
        data = d->padded.data();
        capacity = d->padded.size();
    }
    od::document doc;
    if (auto e = d->parser.iterate(data, size_t(body.size()), capacity).get(doc)) {
        return broken(QString::fromLatin1(simdjson::error_message(e)));
    }

    qsizetype position = 0;
    auto readAlerts = [&](od::array alerts) -> QString {
        for (auto item : alerts) {
            od::value element;
            if (std::move(item).get(element)) {
                return tr("alert %1 is not valid JSON").arg(position);
            }
            QString problem = d->readAlert(element, format);
            if (problem.isEmpty()) {
                problem = eachAlert();
            }
            if (!problem.isEmpty()) {
                return QStringLiteral("alert %1 %2").arg(position).arg(problem);
            }
            ++position;
        }
        return {};
    };

    QString problem;
    if (format == Format::PrometheusV1) {
        od::object root;
        if (doc.get_object().get(root)) {
            return broken(tr("expected a JSON object"), true);
        }
        std::string_view status;
        std::string_view errorText;
        std::string_view errorType;
        bool sawData = false;
        bool sawAlerts = false;
        auto optionalText = [](od::value &value, std::string_view &out) {
            if (value.get_string().get(out)) {
                out = {};
            }
            return QString();
        };
        problem = Impl::forEachField(root, [&](od::raw_json_string key, od::value &field) -> QString {
            if (key.unsafe_is_equal("status")) {
                return optionalText(field, status);
            }
            if (key.unsafe_is_equal("error")) {
                return optionalText(field, errorText);
            }
            if (key.unsafe_is_equal("errorType")) {
                return optionalText(field, errorType);
            }
            if (!key.unsafe_is_equal("data")) {
                return {};
            }
            sawData = true;
            od::object dataObject;
            if (field.get_object().get(dataObject)) {
                return tr("\"data\" has no \"alerts\" list");
            }
            return Impl::forEachField(dataObject, [&](od::raw_json_string dataKey, od::value &dataField) -> QString {
                od::array alerts;
                if (!dataKey.unsafe_is_equal("alerts") || dataField.get_array().get(alerts)) {
                    return {};
                }
                sawAlerts = true;
                return readAlerts(alerts);
            });
        });
        // Prometheus writes its status first: its own error wins over whatever shape the rest has.
        if (status == "error") {
            return Status::failure(tr("Prometheus answered with an error: %1 (%2)").arg(fromUtf8(errorText), fromUtf8(errorType)));
        }
        if (!problem.isEmpty()) {
            return broken(problem);
        }
        if (!sawData) {
            return broken(tr("the answer has no \"data\""));
        }
        if (!sawAlerts) {
            return broken(tr("\"data\" has no \"alerts\" list"));
        }
    } else {
        od::array alerts;
        if (doc.get_array().get(alerts)) {
            return broken(tr("expected a JSON list of alerts"), true);
        }
        if (problem = readAlerts(alerts); !problem.isEmpty()) {
            return broken(problem);
        }
    }
    if (const char *rest = nullptr; !doc.current_location().get(rest)) {
        return broken(tr("more follows the answer at byte %1").arg(rest - data));
    }

    return Status::success();
}

Status AlertDecoder::readEach(Format format, const QByteArray &body, const std::function<void(const AlertView &)> &visit)
{
    return walk(format, body, [&] {
        if (QString problem = d->readTexts(); !problem.isEmpty()) {
            return problem;
        }
        const RawAlert &raw = d->raw;
        visit(AlertView{d->identity(), raw.labels, raw.annotations, Impl::stateOf(raw.state), raw.activeSince, raw.value,
                        raw.generatorUrl, raw.silencedBy, raw.inhibitedBy});
        return QString();
    });
}

Result<AlertDecoder::Outcome> AlertDecoder::decode(Format format, QByteArray body, AlertSnapshot &state)
{
    Outcome out;
    if (body == state.lastBody && !state.lastBody.isNull()) {
        out.unchanged = true; // one memcmp instead of a parse: most polls during a long incident
        return out;
    }

    // One pass over the alerts: hash, look up, and convert only what is new or changed, touching nothing in
    // `state` but the generation marks, so a broken answer halfway leaves the state as it was.
    // Used up even if this answer turns out broken, so its marks never count for the next one.
    const quint32 generation = ++state.generation;
    struct Pending
    {
        quint64 identity;
        quint64 labelsText;
        quint64 contentText;
        quint64 content;
        bool rewritten; // the same alert, only written differently: nothing to convert or announce
        Alert alert;
    };
    std::vector<Pending> pending;
    QHash<quint64, size_t> pendingIndex; // the same labels twice in one answer: the last copy counts
    const Status walked = walk(format, body, [&] {
        const quint64 labelsText = LabelHash::fastAdd(LabelHash::kSeed, d->raw.labelsJson);
        const quint64 contentText = d->contentText();
        const auto seen = state.byLabelsText.find(labelsText);
        if (seen != state.byLabelsText.end() && seen->contentText == contentText) {
            seen->generation = generation; // the common case: this alert is written exactly as last time
            // Unless an earlier copy in this answer is queued as a change: this later copy counts, and it is
            // what the snapshot already holds.
            if (const auto queued = pendingIndex.constFind(seen->identity); queued != pendingIndex.cend()) {
                const auto known = state.byIdentity.constFind(seen->identity);
                pending[*queued] = Pending{seen->identity, labelsText, contentText,
                                           known != state.byIdentity.cend() ? known->content : 0, true, {}};
            }
            return QString();
        }
        if (QString problem = d->readTexts(); !problem.isEmpty()) {
            return problem;
        }
        const quint64 identity = seen != state.byLabelsText.end() ? seen->identity : d->identity();
        const quint64 content = d->content();
        const auto before = state.byIdentity.constFind(identity);
        Pending p{identity, labelsText, contentText, content, before != state.byIdentity.cend() && before->content == content, {}};
        if (!p.rewritten) {
            p.alert = d->convert(identity);
        }
        if (const auto seenBefore = pendingIndex.constFind(identity); seenBefore != pendingIndex.cend()) {
            pending[*seenBefore] = std::move(p);
        } else {
            pendingIndex.insert(identity, pending.size());
            pending.push_back(std::move(p));
        }
        return QString();
    });
    if (!walked) {
        return walked;
    }

    // Commit.
    state.byIdentity.reserve(state.byIdentity.size() + qsizetype(pending.size()));
    state.byLabelsText.reserve(state.byLabelsText.size() + qsizetype(pending.size()));
    out.delta.added.reserve(qsizetype(pending.size()));
    for (Pending &p : pending) {
        auto it = state.byIdentity.find(p.identity);
        if (it == state.byIdentity.end()) {
            out.delta.added.append(std::move(p.alert));
            state.byIdentity.insert(p.identity, {p.labelsText, p.content});
        } else {
            if (it->labelsText != p.labelsText) {
                state.byLabelsText.remove(it->labelsText);
                it->labelsText = p.labelsText;
            }
            it->content = p.content;
            if (!p.rewritten) {
                out.delta.changed.append(std::move(p.alert));
            }
        }
        state.byLabelsText.insert(p.labelsText, {p.identity, p.contentText, generation});
    }
    for (auto it = state.byLabelsText.begin(); it != state.byLabelsText.end();) {
        if (it->generation == generation) {
            ++it;
            continue;
        }
        const auto entry = state.byIdentity.find(it->identity);
        if (entry != state.byIdentity.end() && entry->labelsText == it.key()) {
            out.delta.resolved.append(Alert::identityText(entry.key()));
            state.byIdentity.erase(entry);
        }
        it = state.byLabelsText.erase(it);
    }
    state.lastBody = body;
    return out;
}
