#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QSet>
#include <QString>

#include <vector>

class QIODevice;

// Reads JSON from a device a token at a time, holding one buffer of it, never the whole document: a 500 MB export
// is imported in the memory of its largest row. Checks the grammar as it goes and refuses what an export never
// holds and QJsonDocument lets through: a key twice in one object, and NUL characters. Every error names its place
// as "line L, column C (byte B)".
class JsonStreamReader final
{
public:
    enum class Token { BeginObject, EndObject, BeginArray, EndArray, Key, String, Number, Bool, Null, End, Error };

    explicit JsonStreamReader(QIODevice &device);

    // The next token; Error (and error()) when the text is not JSON, End after the one top-level value.
    Token next();
    // The value that starts with `first` (a token just read), read whole: for small nested values such as labels.
    QJsonValue readValue(Token first);

    const QString &text() const { return m_text; } // of a Key or String
    double number() const { return m_number; }
    bool boolean() const { return m_bool; }
    QString error() const { return m_error; }
    // Where the last token began, "line 3, column 17 (byte 120)".
    QString place() const;
    qint64 bytesRead() const { return m_base + m_pos; }
    // A token's kind in words: "an object", "text", "a number", ...
    static QString describe(Token token);

private:
    bool fill();                  // reads more; false at the end of the device
    bool peekByte(char &c);       // the next byte, reading more if needed
    void advance();               // past one byte, counting lines
    bool fail(const QString &message);
    bool readString();
    bool readNumber();
    bool readWord(const char *word);
    Token value(Token token);     // a value has been read: what the container expects next changes
    bool checkKey();

    struct Level
    {
        bool object;
        bool expectKey;     // an object's next item is a key (after '{' or ',')
        bool expectValue;   // after ':' in an object, or an array's next item
        bool first;         // nothing in it yet: ']' or '}' may close it
        std::vector<QString> keys;
        QSet<QString> manyKeys; // once there are more than a few
    };
    static constexpr size_t kMaxDepth = 64; // an export nests four deep; a crafted file must not exhaust the stack

    QIODevice &m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_base = 0; // the device offset of m_buffer[0]
    qint64 m_line = 1;
    qint64 m_lineStart = 0;
    qint64 m_tokenOffset = 0;
    qint64 m_tokenLine = 1;
    qint64 m_tokenColumn = 1;
    std::vector<Level> m_levels;
    bool m_done = false; // the top-level value is complete
    bool m_failed = false;
    QString m_text;
    double m_number = 0;
    bool m_bool = false;
    QString m_error;
};
