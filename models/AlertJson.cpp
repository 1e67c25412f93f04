#include "AlertJson.h"

#include "ByteBuffer.h"

#include "FastIsoTime.h"
#include "StoredTime.h"

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
        } else if (c < 0x800) {
            *p++ = char(0xc0 | (c >> 6));
            *p++ = char(0x80 | (c & 0x3f));
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(text[i + 1].unicode())) {
            const char32_t u = QChar::surrogateToUcs4(c, text[++i].unicode());
            *p++ = char(0xf0 | (u >> 18));
            *p++ = char(0x80 | ((u >> 12) & 0x3f));
            *p++ = char(0x80 | ((u >> 6) & 0x3f));
            *p++ = char(0x80 | (u & 0x3f));
        } else if (QChar::isSurrogate(c)) { // unpaired: not valid in UTF-8, written as U+FFFD
            *p++ = char(0xef);
            *p++ = char(0xbf);
            *p++ = char(0xbd);
        } else {
            *p++ = char(0xe0 | (c >> 12));
            *p++ = char(0x80 | ((c >> 6) & 0x3f));
            *p++ = char(0x80 | (c & 0x3f));
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

void appendPairs(ByteBuffer &out, const Alert::Pairs &pairs)
{
    out.append('{');
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        if (i > 0) {
            out.append(',');
        }
        appendString(out, pairs[i].first);
        out.append(':');
        appendString(out, pairs[i].second);
    }
    out.append('}');
}

void appendList(ByteBuffer &out, const QStringList &list)
{
    out.append('[');
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0) {
            out.append(',');
        }
        appendString(out, list[i]);
    }
    out.append(']');
}
} // namespace

namespace AlertJson {

// Keys in the same (alphabetical) order QJsonDocument writes them, so both forms read the same.
void appendCompact(ByteBuffer &out, const Alert &a)
{
    out.append('{');
    appendKey(out, "activeSince");
    if (a.activeSince.isValid()) {
        char time[26];
        time[0] = '"';
        const int length = FastIsoTime::formatUtc(time + 1, a.activeSince.toMSecsSinceEpoch());
        time[length + 1] = '"';
        out.append(QByteArrayView(time, length + 2));
    } else {
        out.append("null");
    }
    out.append(',');
    appendKey(out, "alertname");
    appendString(out, a.alertName());
    out.append(',');
    appendKey(out, "annotations");
    appendPairs(out, a.annotations);
    if (!a.generatorUrl.isEmpty()) {
        out.append(',');
        appendKey(out, "generatorURL");
        appendString(out, a.generatorUrl);
    }
    out.append(',');
    appendKey(out, "identity");
    appendString(out, a.identity);
    if (!a.inhibitedBy.isEmpty()) {
        out.append(',');
        appendKey(out, "inhibitedBy");
        appendList(out, a.inhibitedBy);
    }
    out.append(',');
    appendKey(out, "labels");
    appendPairs(out, a.labels);
    out.append(',');
    appendKey(out, "severity");
    appendString(out, a.severity());
    if (!a.silencedBy.isEmpty()) {
        out.append(',');
        appendKey(out, "silencedBy");
        appendList(out, a.silencedBy);
    }
    out.append(',');
    appendKey(out, "sources");
    appendList(out, a.sources);
    out.append(',');
    appendKey(out, "state");
    appendString(out, Alert::stateKey(a.state));
    if (!a.value.isEmpty()) {
        out.append(',');
        appendKey(out, "value");
        appendString(out, a.value);
    }
    out.append('}');
}

} // namespace AlertJson
