#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QIODevice>

#include <algorithm>
#include <cstring>

// An append-only byte buffer for exporters. Appending a few bytes is a memcpy; QByteArray::append goes through its
// general insert, which was a sixth of a 100,000-row export's time.
class ByteBuffer final
{
public:
    explicit ByteBuffer(qsizetype capacity = 1 << 16) { m_data.resize(capacity); }

    void append(QByteArrayView bytes)
    {
        if (bytes.isEmpty()) {
            return; // an empty view's data() may be null, which memcpy must not be given
        }
        reserveMore(bytes.size());
        std::memcpy(m_data.data() + m_size, bytes.data(), size_t(bytes.size()));
        m_size += bytes.size();
    }
    void append(const char *text) { append(QByteArrayView(text, qsizetype(std::strlen(text)))); }
    void append(char c)
    {
        reserveMore(1);
        m_data.data()[m_size++] = c;
    }
    void appendNumber(qint64 n)
    {
        char digits[24];
        int length = 0;
        const bool negative = n < 0;
        quint64 v = negative ? quint64(0) - quint64(n) : quint64(n);
        do {
            digits[length++] = char('0' + v % 10);
            v /= 10;
        } while (v);
        if (negative) {
            digits[length++] = '-';
        }
        std::reverse(digits, digits + length);
        append(QByteArrayView(digits, length));
    }

    // For writers that fill bytes in place: room for at most n more bytes; then commitTail with how many were written.
    char *reserveTail(qsizetype n)
    {
        reserveMore(n);
        return m_data.data() + m_size;
    }
    void commitTail(qsizetype written) { m_size += written; }

    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    void clear() { m_size = 0; }
    void truncate(qsizetype size) { m_size = std::min(size, m_size); }
    QByteArrayView view() const { return {m_data.constData(), m_size}; }
    QByteArray toByteArray() const { return QByteArray(m_data.constData(), m_size); }

private:
    void reserveMore(qsizetype n)
    {
        if (m_size + n > m_data.size()) {
            m_data.resize(std::max(m_data.size() * 2, m_size + n + 4096));
        }
    }

    QByteArray m_data;
    qsizetype m_size = 0;
};
