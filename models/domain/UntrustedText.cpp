#include "UntrustedText.h"

namespace UntrustedText {

bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

namespace {

QString mark(char32_t c)
{
    return QStringLiteral("[U+") + QString::number(uint(c), 16).toUpper().rightJustified(4, u'0') + u']';
}

// The length of the bidi control that starts at utf8[i] (its UTF-8 bytes), or 0.
int bidiAt(QByteArrayView utf8, qsizetype i, char32_t &c)
{
    const auto b = [&](qsizetype k) { return static_cast<unsigned char>(utf8[k]); };
    if (b(i) == 0xE2 && i + 2 < utf8.size()) {
        c = char32_t(((b(i) & 0x0F) << 12) | ((b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F));
        return isBidiControl(c) ? 3 : 0;
    }
    if (b(i) == 0xD8 && i + 1 < utf8.size() && b(i + 1) == 0x9C) {
        c = 0x061C;
        return 2;
    }
    return 0;
}

} // namespace

QString forTerminal(const QString &text, bool oneLine)
{
    QString out;
    out.reserve(text.size());
    for (auto it = text.cbegin(); it != text.cend(); ++it) {
        char32_t c = it->unicode();
        if (it->isHighSurrogate() && it + 1 != text.cend() && (it + 1)->isLowSurrogate()) {
            out.append(*it);
            out.append(*++it);
            continue;
        }
        if (c == u'\n' && !oneLine) {
            out.append(u'\n');
        } else if (c == u'\n') {
            out.append(QStringLiteral("\\n"));
        } else if (c == u'\t' && !oneLine) {
            out.append(u'\t');
        } else if (c == 0x1B) {
            out.append(QStringLiteral("\\e"));
        } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
            out.append(QStringLiteral("\\x%1").arg(uint(c), 2, 16, QChar(u'0')));
        } else if (isBidiControl(c)) {
            out.append(QStringLiteral("\\u%1").arg(uint(c), 4, 16, QChar(u'0')));
        } else {
            out.append(*it);
        }
    }
    return out;
}

bool hasBidiControl(QByteArrayView utf8)
{
    char32_t c = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (bidiAt(utf8, i, c) > 0) {
            return true;
        }
    }
    return false;
}

QByteArray markingBidi(QByteArrayView utf8)
{
    QByteArray out;
    out.reserve(utf8.size() + 16);
    qsizetype from = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        char32_t c = 0;
        const int length = bidiAt(utf8, i, c);
        if (length == 0) {
            continue;
        }
        out.append(utf8.sliced(from, i - from));
        out.append(mark(c).toLatin1());
        i += length - 1;
        from = i + 1;
    }
    out.append(utf8.sliced(from));
    return out;
}

QString markingBidi(const QString &text)
{
    QString out;
    for (QChar ch : text) {
        if (isBidiControl(ch.unicode())) {
            out.append(mark(ch.unicode()));
        } else {
            out.append(ch);
        }
    }
    return out;
}

} // namespace UntrustedText
