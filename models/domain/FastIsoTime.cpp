#include "FastIsoTime.h"

namespace {
bool digits(std::string_view s, size_t pos, size_t count, int &out)
{
    if (pos + count > s.size()) {
        return false;
    }
    int v = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9') {
            return false;
        }
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

// Days from 1970-01-01 to the given civil date (Howard Hinnant's algorithm).
qint64 daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + qint64(doe) - 719468;
}
// The civil date of a day count from 1970-01-01 (the inverse of daysFromCivil).
void civilFromDays(qint64 z, int &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = int(qint64(yoe) + era * 400 + (m <= 2));
}

void appendDigits(char *&p, unsigned value, int count)
{
    for (int i = count - 1; i >= 0; --i) {
        p[i] = char('0' + value % 10);
        value /= 10;
    }
    p += count;
}
} // namespace

namespace FastIsoTime {

bool appendUtc(QByteArray &out, qint64 msecs)
{
    char buffer[24];
    const int length = formatUtc(buffer, msecs);
    if (length == 0) {
        return false;
    }
    out.append(buffer, length);
    return true;
}

int formatUtc(char *buffer, qint64 msecs)
{
    const qint64 days = msecs >= 0 ? msecs / 86400000 : -((-msecs + 86399999) / 86400000);
    const qint64 inDay = msecs - days * 86400000;
    int y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    if (y < 0 || y > 9999) {
        return 0;
    }
    char *p = buffer;
    appendDigits(p, unsigned(y), 4);
    *p++ = '-';
    appendDigits(p, m, 2);
    *p++ = '-';
    appendDigits(p, d, 2);
    *p++ = 'T';
    appendDigits(p, unsigned(inDay / 3600000), 2);
    *p++ = ':';
    appendDigits(p, unsigned(inDay / 60000 % 60), 2);
    *p++ = ':';
    appendDigits(p, unsigned(inDay / 1000 % 60), 2);
    *p++ = '.';
    appendDigits(p, unsigned(inDay % 1000), 3);
    *p++ = 'Z';
    return int(p - buffer);
}


bool parse(std::string_view s, qint64 &msecs)
{
    int year, month, day, hour, minute, second;
    if (s.size() < 20 || !digits(s, 0, 4, year) || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-' ||
        !digits(s, 8, 2, day) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(s, 11, 2, hour) ||
        s[13] != ':' || !digits(s, 14, 2, minute) || s[16] != ':' || !digits(s, 17, 2, second)) {
        return false;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
        return false;
    }
    size_t pos = 19;
    int millis = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        int scale = 100;
        const size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (scale > 0) {
                millis += (s[pos] - '0') * scale;
                scale /= 10;
            }
            ++pos;
        }
        if (pos == start) {
            return false;
        }
    }
    int offsetMinutes = 0;
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int oh, om;
        if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' || !digits(s, pos + 4, 2, om)) {
            return false;
        }
        offsetMinutes = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return false;
    }
    if (pos != s.size()) {
        return false;
    }
    const qint64 days = daysFromCivil(year, unsigned(month), unsigned(day));
    msecs = ((days * 86400 + hour * 3600 + minute * 60 + second) - qint64(offsetMinutes) * 60) * 1000 + millis;
    return true;
}

QDateTime toDateTime(std::string_view text)
{
    qint64 ms = 0;
    if (!parse(text, ms)) {
        return {};
    }
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace FastIsoTime
