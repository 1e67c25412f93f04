#include "JsonStreamReader.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringDecoder>

#include <algorithm>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JsonStreamReader", text);
}

constexpr qint64 kChunk = 1 << 20;

void appendUtf8(QByteArray &out, char32_t c)
{
    if (c < 0x80) {
        out.append(char(c));
    } else if (c < 0x800) {
        out.append(char(0xC0 | (c >> 6)));
        out.append(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.append(char(0xE0 | (c >> 12)));
        out.append(char(0x80 | ((c >> 6) & 0x3F)));
        out.append(char(0x80 | (c & 0x3F)));
    } else {
        out.append(char(0xF0 | (c >> 18)));
        out.append(char(0x80 | ((c >> 12) & 0x3F)));
        out.append(char(0x80 | ((c >> 6) & 0x3F)));
        out.append(char(0x80 | (c & 0x3F)));
    }
}

} // namespace

JsonStreamReader::JsonStreamReader(QIODevice &device) : m_device(device) {}

QString JsonStreamReader::describe(Token token)
{
    switch (token) {
    case Token::BeginObject:
        return tr("an object");
    case Token::BeginArray:
        return tr("a list");
    case Token::String:
        return tr("text");
    case Token::Number:
        return tr("a number");
    case Token::Bool:
        return tr("true/false");
    case Token::Null:
        return tr("null");
    default:
        return tr("nothing");
    }
}

QString JsonStreamReader::place() const
{
    return tr("line %1, column %2 (byte %3)").arg(m_tokenLine).arg(m_tokenColumn).arg(m_tokenOffset);
}

bool JsonStreamReader::fill()
{
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_base += m_pos;
        m_pos = 0;
    }
    const qsizetype had = m_buffer.size();
    m_buffer.resize(had + kChunk);
    const qint64 got = m_device.read(m_buffer.data() + had, kChunk);
    m_buffer.resize(had + std::max<qint64>(got, 0));
    return got > 0;
}

bool JsonStreamReader::peekByte(char &c)
{
    if (m_pos >= m_buffer.size() && !fill()) {
        return false;
    }
    c = m_buffer.at(m_pos);
    return true;
}

void JsonStreamReader::advance()
{
    if (m_buffer.at(m_pos) == '\n') {
        ++m_line;
        m_lineStart = m_base + m_pos + 1;
    }
    ++m_pos;
}

bool JsonStreamReader::fail(const QString &message)
{
    if (!m_failed) {
        m_failed = true;
        m_error = message;
    }
    return false;
}

JsonStreamReader::Token JsonStreamReader::next()
{
    if (m_failed) {
        return Token::Error;
    }
    char c = 0;
    auto skipSpace = [&] {
        while (peekByte(c) && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
            advance();
        }
    };
    auto mark = [&] {
        m_tokenOffset = m_base + m_pos;
        m_tokenLine = m_line;
        m_tokenColumn = m_tokenOffset - m_lineStart + 1;
    };
    skipSpace();
    mark();
    const bool more = peekByte(c);
    if (m_done) {
        if (more) {
            fail(tr("unexpected text after the end"));
            return Token::Error;
        }
        return Token::End;
    }
    if (!more) {
        fail(tr("the text ends before the JSON does"));
        return Token::Error;
    }
    if (!m_levels.empty()) {
        Level &level = m_levels.back();
        const bool waitingForSeparator = level.object ? !level.expectKey && !level.expectValue : !level.expectValue;
        if (waitingForSeparator) {
            if (c == (level.object ? '}' : ']')) {
                advance();
                const bool object = level.object;
                m_levels.pop_back();
                value(Token::Null);
                return object ? Token::EndObject : Token::EndArray;
            }
            if (c != ',') {
                fail(level.object ? tr("expected ',' or '}'") : tr("expected ',' or ']'"));
                return Token::Error;
            }
            advance();
            if (level.object) {
                level.expectKey = true;
            } else {
                level.expectValue = true;
            }
            level.first = false;
            skipSpace();
            mark();
            if (!peekByte(c)) {
                fail(tr("the text ends before the JSON does"));
                return Token::Error;
            }
        } else if (level.first && c == (level.object ? '}' : ']')) {
            advance();
            const bool object = level.object;
            m_levels.pop_back();
            value(Token::Null);
            return object ? Token::EndObject : Token::EndArray;
        }
        if (level.object && level.expectKey) {
            if (c != '"') {
                fail(tr("expected a key in quotes"));
                return Token::Error;
            }
            if (!readString() || !checkKey()) {
                return Token::Error;
            }
            skipSpace();
            if (!peekByte(c) || c != ':') {
                fail(tr("expected ':' after the key"));
                return Token::Error;
            }
            advance();
            level.expectKey = false;
            level.expectValue = true;
            level.first = false;
            return Token::Key;
        }
    }
    // A value.
    switch (c) {
    case '{':
    case '[': {
        if (m_levels.size() >= kMaxDepth) {
            fail(tr("nested deeper than %1 levels").arg(kMaxDepth));
            return Token::Error;
        }
        advance();
        const bool object = c == '{';
        const Token begin = object ? Token::BeginObject : Token::BeginArray;
        value(begin);
        m_levels.push_back({object, object, !object, true, {}, {}});
        return begin;
    }
    case '"':
        return readString() ? value(Token::String) : Token::Error;
    case 't':
        m_bool = true;
        return readWord("true") ? value(Token::Bool) : Token::Error;
    case 'f':
        m_bool = false;
        return readWord("false") ? value(Token::Bool) : Token::Error;
    case 'n':
        return readWord("null") ? value(Token::Null) : Token::Error;
    default:
        if (c == '-' || (c >= '0' && c <= '9')) {
            return readNumber() ? value(Token::Number) : Token::Error;
        }
        fail(tr("expected a value"));
        return Token::Error;
    }
}

// A value is complete (or a container begins): its container now waits for a separator.
JsonStreamReader::Token JsonStreamReader::value(Token token)
{
    if (m_levels.empty()) {
        m_done = token != Token::BeginObject && token != Token::BeginArray;
        return token;
    }
    Level &level = m_levels.back();
    level.expectValue = false;
    level.expectKey = false;
    level.first = false;
    return token;
}

bool JsonStreamReader::checkKey()
{
    // A row has a dozen keys, best searched in a short list; a crafted object may have a million, which need a set.
    Level &level = m_levels.back();
    const bool seen = level.manyKeys.isEmpty() ? std::find(level.keys.cbegin(), level.keys.cend(), m_text) != level.keys.cend()
                                               : level.manyKeys.contains(m_text);
    if (seen) {
        return fail(tr("the key \"%1\" appears twice in one object").arg(m_text));
    }
    if (level.manyKeys.isEmpty() && level.keys.size() < 32) {
        level.keys.push_back(m_text);
    } else {
        if (level.manyKeys.isEmpty()) {
            level.manyKeys = QSet<QString>(level.keys.cbegin(), level.keys.cend());
        }
        level.manyKeys.insert(m_text);
    }
    return true;
}

bool JsonStreamReader::readString()
{
    advance(); // the opening quote
    QByteArray utf8;
    char c = 0;
    for (;;) {
        if (!peekByte(c)) {
            return fail(tr("unterminated text"));
        }
        // A run of plain bytes at once.
        qsizetype end = m_pos;
        while (end < m_buffer.size()) {
            const auto b = static_cast<unsigned char>(m_buffer.at(end));
            if (b == '"' || b == '\\' || b < 0x20) {
                break;
            }
            ++end;
        }
        utf8.append(m_buffer.constData() + m_pos, end - m_pos);
        m_pos = end; // no line breaks in the run
        if (!peekByte(c)) {
            return fail(tr("unterminated text"));
        }
        if (c == '"') {
            advance();
            break;
        }
        if (c == '\0') {
            return fail(tr("a NUL character in text"));
        }
        if (static_cast<unsigned char>(c) < 0x20) {
            return fail(tr("a control character in text (it must be escaped)"));
        }
        if (c != '\\') {
            continue; // the run stopped at the end of the buffer
        }
        advance();
        if (!peekByte(c)) {
            return fail(tr("unterminated text"));
        }
        advance();
        auto hex4 = [&](char32_t &unit) {
            unit = 0;
            for (int i = 0; i < 4; ++i) {
                char h = 0;
                if (!peekByte(h)) {
                    return false;
                }
                advance();
                const int digit = h >= '0' && h <= '9' ? h - '0'
                                  : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                  : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                                         : -1;
                if (digit < 0) {
                    return false;
                }
                unit = unit * 16 + char32_t(digit);
            }
            return true;
        };
        switch (c) {
        case '"': utf8.append('"'); break;
        case '\\': utf8.append('\\'); break;
        case '/': utf8.append('/'); break;
        case 'b': utf8.append('\b'); break;
        case 'f': utf8.append('\f'); break;
        case 'n': utf8.append('\n'); break;
        case 'r': utf8.append('\r'); break;
        case 't': utf8.append('\t'); break;
        case 'u': {
            char32_t unit = 0;
            if (!hex4(unit)) {
                return fail(tr("\\u takes four hexadecimal digits"));
            }
            if (unit == 0) {
                return fail(tr("a NUL character (\\u0000) in text"));
            }
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                char32_t low = 0;
                char b1 = 0;
                if (!peekByte(b1) || b1 != '\\') {
                    return fail(tr("a lone surrogate (\\u%1)").arg(uint(unit), 4, 16));
                }
                advance();
                if (!peekByte(b1) || b1 != 'u') {
                    return fail(tr("a lone surrogate (\\u%1)").arg(uint(unit), 4, 16));
                }
                advance();
                if (!hex4(low)) {
                    return fail(tr("\\u takes four hexadecimal digits"));
                }
                if (low < 0xDC00 || low > 0xDFFF) {
                    return fail(tr("a lone surrogate (\\u%1)").arg(uint(unit), 4, 16));
                }
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
                return fail(tr("a lone surrogate (\\u%1)").arg(uint(unit), 4, 16));
            }
            appendUtf8(utf8, unit);
            break;
        }
        default:
            return fail(tr("an unknown escape \\%1").arg(QChar::fromLatin1(c)));
        }
    }
    QStringDecoder decode(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    m_text = decode(utf8);
    if (decode.hasError()) {
        return fail(tr("text that is not UTF-8"));
    }
    return true;
}

bool JsonStreamReader::readNumber()
{
    QByteArray text;
    char c = 0;
    while (peekByte(c) && ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) {
        text.append(c);
        advance();
        if (text.size() > 64) {
            return fail(tr("a number too long to be one"));
        }
    }
    // JSON's own grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    qsizetype i = 0;
    auto digits = [&] {
        const qsizetype start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            ++i;
        }
        return i - start;
    };
    if (i < text.size() && text[i] == '-') {
        ++i;
    }
    const qsizetype integerStart = i;
    const qsizetype integerDigits = digits();
    bool ok = integerDigits > 0 && !(integerDigits > 1 && text[integerStart] == '0');
    if (ok && i < text.size() && text[i] == '.') {
        ++i;
        ok = digits() > 0;
    }
    if (ok && i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
            ++i;
        }
        ok = digits() > 0;
    }
    if (!ok || i != text.size()) {
        return fail(tr("\"%1\" is not a number").arg(QString::fromLatin1(text)));
    }
    m_number = text.toDouble(&ok);
    return ok || fail(tr("\"%1\" is not a number this reader can hold").arg(QString::fromLatin1(text)));
}

bool JsonStreamReader::readWord(const char *word)
{
    for (const char *w = word; *w; ++w) {
        char c = 0;
        if (!peekByte(c) || c != *w) {
            return fail(tr("expected a value"));
        }
        advance();
    }
    return true;
}

QJsonValue JsonStreamReader::readValue(Token first)
{
    switch (first) {
    case Token::String:
        return m_text;
    case Token::Number:
        return m_number;
    case Token::Bool:
        return m_bool;
    case Token::Null:
        return QJsonValue(QJsonValue::Null);
    case Token::BeginObject: {
        QJsonObject object;
        for (Token t = next(); t != Token::EndObject; t = next()) {
            if (t != Token::Key) {
                return QJsonValue(QJsonValue::Undefined);
            }
            const QString key = m_text;
            const QJsonValue v = readValue(next());
            if (m_failed) {
                return QJsonValue(QJsonValue::Undefined);
            }
            object.insert(key, v);
        }
        return object;
    }
    case Token::BeginArray: {
        QJsonArray array;
        for (Token t = next(); t != Token::EndArray; t = next()) {
            const QJsonValue v = readValue(t);
            if (m_failed) {
                return QJsonValue(QJsonValue::Undefined);
            }
            array.append(v);
        }
        return array;
    }
    default:
        return QJsonValue(QJsonValue::Undefined);
    }
}
