#include "AlertJson.h"

#include "ByteBuffer.h"

#include "FastIsoTime.h"
#include "StoredTime.h"
#include "Utf8.h"

#include <QJsonArray>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
// Writes the text narrowed to one byte per unit if every unit is printable ASCII other than '"' and '\\' (what JSON
// takes as it is); false otherwise, with `out` partly written. Eight units at a time with SSE2, which every x86-64
// has: the scalar loop was a tenth of printing 10,000 alerts.
bool narrowPlainAscii(const char16_t *in, qsizetype n, char *out)
{
    qsizetype i = 0;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi16(u'"');
    const __m128i backslash = _mm_set1_epi16(u'\\');
    for (; i + 8 <= n; i += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in + i));
        // v - 0x20 above 0x5f (unsigned, so below 0x20 wraps round) means outside 0x20..0x7f.
        const __m128i outside = _mm_subs_epu16(_mm_sub_epi16(v, _mm_set1_epi16(0x20)), _mm_set1_epi16(0x5f));
        const __m128i bad = _mm_or_si128(outside, _mm_or_si128(_mm_cmpeq_epi16(v, quote), _mm_cmpeq_epi16(v, backslash)));
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(bad, _mm_setzero_si128())) != 0xffff) {
            return false;
        }
        _mm_storel_epi64(reinterpret_cast<__m128i *>(out + i), _mm_packus_epi16(v, v));
    }
#endif
    for (; i < n; ++i) {
        const char16_t c = in[i];
        if (c >= 0x80 || c < 0x20 || c == u'"' || c == u'\\') {
            return false;
        }
        out[i] = char(c);
    }
    return true;
}

// UTF-16 straight to escaped UTF-8 in the output: a toUtf8() copy per label was a tenth of printing 10,000 alerts.
void appendString(ByteBuffer &out, QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    // Worst case per UTF-16 unit: "\u00XX" (6 bytes); a surrogate pair (2 units) becomes 4 bytes.
    char *const start = out.reserveTail(text.size() * 6 + 2);
    char *p = start;
    *p++ = '"';
    const qsizetype n = text.size();
    // Nearly every label is plain ASCII needing no escape: copy it narrowed; anything else starts over on the
    // general path below.
    if (narrowPlainAscii(text.utf16(), n, p)) {
        p += n;
        *p++ = '"';
        out.commitTail(p - start);
        return;
    }
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\') {
                *p++ = char(c);
                continue;
            }
            *p++ = '\\';
            switch (c) {
            case u'"':
                *p++ = '"';
                break;
            case u'\\':
                *p++ = '\\';
                break;
            case u'\n':
                *p++ = 'n';
                break;
            case u'\r':
                *p++ = 'r';
                break;
            case u'\t':
                *p++ = 't';
                break;
            default:
                *p++ = 'u';
                *p++ = '0';
                *p++ = '0';
                *p++ = hex[(c >> 4) & 0xf];
                *p++ = hex[c & 0xf];
            }
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(text[i + 1].unicode())) {
            p = writeUtf8(QChar::surrogateToUcs4(c, text[++i].unicode()), p);
        } else {
            p = writeUtf8(QChar::isSurrogate(c) ? U'\uFFFD' : char32_t(c), p); // an unpaired one is not valid UTF-8
        }
    }
    *p++ = '"';
    out.commitTail(p - start);
}

// UTF-8 (already valid: checked by the parser) to a JSON string, escaped exactly as appendString escapes UTF-16.
void appendString(ByteBuffer &out, std::string_view text)
{
    static const char hex[] = "0123456789abcdef";
    char *const start = out.reserveTail(qsizetype(text.size()) * 6 + 2);
    char *p = start;
    *p++ = '"';
    size_t i = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time while none needs an escape (a control character, '"' or '\\').
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i lastControl = _mm_set1_epi8(0x1f);
    for (; i + 16 <= text.size(); i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(text.data() + i));
        const __m128i control = _mm_cmpeq_epi8(_mm_subs_epu8(v, lastControl), _mm_setzero_si128());
        const __m128i bad = _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        if (_mm_movemask_epi8(bad) != 0) {
            break;
        }
        _mm_storeu_si128(reinterpret_cast<__m128i *>(p), v);
        p += 16;
    }
#endif
    for (; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') {
            *p++ = char(c);
            continue;
        }
        *p++ = '\\';
        switch (c) {
        case '"':
            *p++ = '"';
            break;
        case '\\':
            *p++ = '\\';
            break;
        case '\n':
            *p++ = 'n';
            break;
        case '\r':
            *p++ = 'r';
            break;
        case '\t':
            *p++ = 't';
            break;
        default:
            *p++ = 'u';
            *p++ = '0';
            *p++ = '0';
            *p++ = hex[(c >> 4) & 0xf];
            *p++ = hex[c & 0xf];
        }
    }
    *p++ = '"';
    out.commitTail(p - start);
}

void appendKey(ByteBuffer &out, const char *key)
{
    out.append('"');
    out.append(key);
    out.append("\":");
}

template <typename Pairs>
void appendPairs(ByteBuffer &out, const Pairs &pairs)
{
    out.append('{');
    bool first = true;
    for (const auto &[key, value] : pairs) {
        if (!first) {
            out.append(',');
        }
        first = false;
        appendString(out, key);
        out.append(':');
        appendString(out, value);
    }
    out.append('}');
}

template <typename List>
void appendList(ByteBuffer &out, const List &list)
{
    out.append('[');
    bool first = true;
    for (const auto &item : list) {
        if (!first) {
            out.append(',');
        }
        first = false;
        appendString(out, item);
    }
    out.append(']');
}

// The fields of the normalised form, from either an Alert (UTF-16) or a decoder's view of one (UTF-8).
template <typename Text, typename Pairs, typename List>
struct Fields
{
    bool activeSinceValid;
    qint64 activeSinceMs;
    Text alertname;
    const Pairs &annotations;
    Text generatorUrl;
    Text identity;
    const List &inhibitedBy;
    const Pairs &labels;
    Text severity;
    const List &silencedBy;
    const QStringList &sources;
    Text state;
    Text value;
};

// Keys in the same (alphabetical) order QJsonDocument writes them, so both forms read the same.
template <typename Text, typename Pairs, typename List>
void appendFields(ByteBuffer &out, const Fields<Text, Pairs, List> &a)
{
    out.append('{');
    appendKey(out, "activeSince");
    if (a.activeSinceValid) {
        char time[26];
        time[0] = '"';
        const int length = FastIsoTime::formatUtc(time + 1, a.activeSinceMs);
        time[length + 1] = '"';
        out.append(QByteArrayView(time, length + 2));
    } else {
        out.append("null");
    }
    out.append(',');
    appendKey(out, "alertname");
    appendString(out, a.alertname);
    out.append(',');
    appendKey(out, "annotations");
    appendPairs(out, a.annotations);
    if (!a.generatorUrl.empty()) {
        out.append(',');
        appendKey(out, "generatorURL");
        appendString(out, a.generatorUrl);
    }
    out.append(',');
    appendKey(out, "identity");
    appendString(out, a.identity);
    if (!a.inhibitedBy.empty()) {
        out.append(',');
        appendKey(out, "inhibitedBy");
        appendList(out, a.inhibitedBy);
    }
    out.append(',');
    appendKey(out, "labels");
    appendPairs(out, a.labels);
    out.append(',');
    appendKey(out, "severity");
    appendString(out, a.severity);
    if (!a.silencedBy.empty()) {
        out.append(',');
        appendKey(out, "silencedBy");
        appendList(out, a.silencedBy);
    }
    out.append(',');
    appendKey(out, "sources");
    appendList(out, a.sources);
    out.append(',');
    appendKey(out, "state");
    appendString(out, a.state);
    if (!a.value.empty()) {
        out.append(',');
        appendKey(out, "value");
        appendString(out, a.value);
    }
    out.append('}');
}

} // namespace

namespace AlertJson {

void appendCompact(ByteBuffer &out, const Alert &a)
{
    const QString alertname = a.alertName();
    const QString severity = a.severity();
    const QString state = Alert::stateKey(a.state);
    appendFields(out, Fields<QStringView, Alert::Pairs, QStringList>{
                          a.activeSince.isValid(), a.activeSince.isValid() ? a.activeSince.toMSecsSinceEpoch() : 0,
                          alertname, a.annotations, a.generatorUrl, a.identity, a.inhibitedBy, a.labels, severity,
                          a.silencedBy, a.sources, state, a.value});
}

void appendCompact(ByteBuffer &out, const AlertDecoder::AlertView &a, const QStringList &sources)
{
    qint64 since = 0;
    const bool sinceValid = FastIsoTime::parse(a.activeSince, since);
    char identity[16];
    Alert::writeIdentity(a.identity, identity);
    const std::string_view state = Alert::stateWord(a.state);
    appendFields(out, Fields<std::string_view, AlertDecoder::Views, std::vector<std::string_view>>{
                          sinceValid, since, a.label("alertname"), a.annotations, a.generatorUrl,
                          std::string_view(identity, 16), a.inhibitedBy, a.labels, a.label("severity"),
                          a.silencedBy, sources, state, a.value});
}

} // namespace AlertJson
