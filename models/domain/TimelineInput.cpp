#include "TimelineInput.h"

#include "StoredTime.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace TimelineInput {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("TimelineInput", text);
}

struct KindPrefix
{
    const char16_t *word;
    TimelineEntry::Kind kind;
};
constexpr KindPrefix kPrefixes[] = {
    {u"detection", TimelineEntry::Kind::Detection},         {u"det", TimelineEntry::Kind::Detection},
    {u"triage", TimelineEntry::Kind::Triage},               {u"tri", TimelineEntry::Kind::Triage},
    {u"action", TimelineEntry::Kind::Action},               {u"act", TimelineEntry::Kind::Action},
    {u"decision", TimelineEntry::Kind::Decision},           {u"dec", TimelineEntry::Kind::Decision},
    {u"communication", TimelineEntry::Kind::Communication}, {u"comm", TimelineEntry::Kind::Communication},
    {u"note", TimelineEntry::Kind::Note},
};

// A wall-clock time in the zone, on the day of `day` (a local date).
QDateTime localTime(QDate day, int hour, int minute, int second, const QTimeZone &zone)
{
    return QDateTime(day, QTime(hour, minute, second), zone).toUTC();
}

// "-10m", "-1h30m", "-90s": a duration ago, or -1.
qint64 agoSeconds(const QString &token)
{
    static const QRegularExpression ago(QStringLiteral("^-(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?$"));
    const auto m = ago.match(token);
    if (!m.hasMatch() || token.size() < 3) {
        return -1;
    }
    return m.captured(1).toLongLong() * 3600 + m.captured(2).toLongLong() * 60 + m.captured(3).toLongLong();
}

// An ISO-8601 date and time, with or without an offset (without: in the zone).
QDateTime isoTime(const QString &token, const QTimeZone &zone)
{
    static const QRegularExpression iso(QStringLiteral(
        "^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|[+-]\\d{2}:\\d{2})?$"));
    const auto m = iso.match(token);
    if (!m.hasMatch()) {
        return {};
    }
    const QDate date = QDate::fromString(m.captured(1), Qt::ISODate);
    const QTime time(m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt(),
                     m.captured(5).left(3).leftJustified(3, u'0').toInt());
    if (!date.isValid() || !time.isValid()) {
        return {};
    }
    const QString offset = m.captured(6);
    if (offset.isEmpty()) {
        return QDateTime(date, time, zone).toUTC();
    }
    if (offset == u"Z") {
        return QDateTime(date, time, QTimeZone::utc());
    }
    const int sign = offset.startsWith(u'-') ? -1 : 1;
    const int seconds = sign * (offset.mid(1, 2).toInt() * 3600 + offset.mid(4, 2).toInt() * 60);
    return QDateTime(date, time, QTimeZone(seconds)).toUTC();
}
} // namespace

std::optional<TimelineEntry::Kind> kindFromWord(const QString &word)
{
    const QString w = word.trimmed().toLower();
    for (const KindPrefix &p : kPrefixes) {
        if (w == QStringView(p.word)) {
            return p.kind;
        }
    }
    return TimelineEntry::kindFromKey(w);
}

QString kindPrefixHelp()
{
    return tr("Start with a time (14:05, -10m or 2026-11-29T14:05Z) to back-date; with det:, tri:, act:, dec:, "
              "comm: or note: to pick the kind; with TODO: to add an action item too.");
}

Line parseLine(const QString &input, const QDateTime &nowUtc, const QTimeZone &zone)
{
    Line line;
    qsizetype at = 0;
    auto skipSpace = [&] {
        while (at < input.size() && (input.at(at) == u' ' || input.at(at) == u'\t')) {
            ++at;
        }
    };
    auto nextToken = [&]() -> QString {
        qsizetype end = at;
        while (end < input.size() && !input.at(end).isSpace()) {
            ++end;
        }
        return input.mid(at, end - at);
    };
    skipSpace();

    // A time first.
    static const QRegularExpression clock(QStringLiteral("^(\\d{1,2}):(\\d{2})(?::(\\d{2}))?$"));
    QString token = nextToken();
    qsizetype tokenLength = token.size();
    // "2026-11-29 14:05" is one time written as two words.
    if (QRegularExpression(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$")).match(token).hasMatch()) {
        qsizetype second = at + token.size();
        while (second < input.size() && input.at(second) == u' ') {
            ++second;
        }
        qsizetype secondEnd = second;
        while (secondEnd < input.size() && !input.at(secondEnd).isSpace()) {
            ++secondEnd;
        }
        const QString joined = token + u' ' + input.mid(second, secondEnd - second);
        if (isoTime(joined, zone).isValid()) {
            token = joined;
            tokenLength = secondEnd - at;
        }
    }
    const auto clockMatch = clock.match(token);
    if (clockMatch.hasMatch()) {
        const int hour = clockMatch.captured(1).toInt();
        const int minute = clockMatch.captured(2).toInt();
        const int second = clockMatch.captured(3).toInt();
        if (hour > 23 || minute > 59 || second > 59) {
            line.error = tr("%1 is not a time of day.").arg(token);
            return line;
        }
        const QDate today = nowUtc.toTimeZone(zone).date();
        QDateTime t = localTime(today, hour, minute, second, zone);
        if (t > nowUtc.addSecs(60)) {
            t = localTime(today.addDays(-1), hour, minute, second, zone); // 23:50 typed just after midnight
        }
        line.occurredAt = t;
        at += tokenLength;
    } else if (const qint64 ago = agoSeconds(token); ago >= 0) {
        line.occurredAt = nowUtc.addSecs(-ago);
        at += tokenLength;
    } else if (const QDateTime t = isoTime(token, zone); t.isValid()) {
        if (t > nowUtc.addSecs(60)) {
            line.error = tr("%1 is in the future; the timeline records what has happened.").arg(token);
            return line;
        }
        line.occurredAt = t;
        at += tokenLength;
    }
    skipSpace();

    // Then a kind.
    const qsizetype colon = input.indexOf(u':', at);
    if (colon > at) {
        const QString word = input.mid(at, colon - at).trimmed().toLower();
        for (const KindPrefix &p : kPrefixes) {
            if (word == QStringView(p.word)) {
                line.kind = p.kind;
                at = colon + 1;
                skipSpace();
                break;
            }
        }
    }

    // Then TODO: the line stays as typed on the timeline, and its rest becomes the action item.
    const QString rest = input.mid(at);
    if (rest.startsWith(QStringLiteral("TODO:"), Qt::CaseInsensitive)) {
        const QString title = rest.mid(5).trimmed();
        if (title.isEmpty()) {
            line.error = tr("Say what is to be done after TODO:.");
            return line;
        }
        line.actionItem = title;
    }
    if (rest.trimmed().isEmpty()) {
        line.error = tr("Type what happened after the time or kind.");
        return line;
    }
    line.text = rest;
    return line;
}

QDateTime parseTime(const QString &text, const QDateTime &nowUtc, const QTimeZone &zone, QString *error)
{
    const Line line = parseLine(text.trimmed() + QStringLiteral(" ."), nowUtc, zone);
    if (!line.error.isEmpty() || !line.occurredAt.isValid() || line.text != QStringLiteral(".")) {
        if (error) {
            *error = !line.error.isEmpty() ? line.error
                                           : tr("\"%1\" is not a time: use 14:05, -10m or 2026-11-29T14:05Z.")
                                                 .arg(text.trimmed());
        }
        return {};
    }
    return line.occurredAt;
}

Log parseLog(const QString &text, const QDateTime &nowUtc, const QTimeZone &zone, const std::function<bool(int)> &progress)
{
    // "[14:05] dana: text", "[2026-11-29 14:05:07] <dana> text", "14:05 dana: text", "2026-11-29T14:05:07Z text"
    static const QRegularExpression stamped(QStringLiteral(
        "^\\s*\\[?((?:\\d{4}-\\d{2}-\\d{2}[T ])?\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2})?)\\]?"
        "(?:\\s+(?:<([^>\\s]{1,64})>\\s*|([\\w.@-]{1,64}):\\s+)?(.*))?$"));
    Log log;
    const QDate today = nowUtc.toTimeZone(zone).date();
    QDate day = today;
    QDateTime previous;
    QList<int> dateless; // entries whose time had no date
    qsizetype start = 0;
    int number = 0;
    const qsizetype total = text.size();
    while (start <= total) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0) {
            end = total;
        }
        QString lineText = text.mid(start, end - start);
        if (lineText.endsWith(u'\r')) {
            lineText.chop(1);
        }
        start = end + 1;
        ++number;
        if (progress && number % 2000 == 0 && !progress(int(start * 100 / std::max<qsizetype>(total, 1)))) {
            log.problems.append(tr("Stopped at line %1.").arg(number));
            break;
        }
        if (lineText.trimmed().isEmpty()) {
            if (end >= total) {
                break;
            }
            continue;
        }
        const auto m = stamped.match(lineText);
        QDateTime at;
        if (m.hasMatch()) {
            const QString stamp = m.captured(1);
            if (stamp.contains(u'-') && stamp.indexOf(u'-') == 4) {
                at = isoTime(stamp, zone);
            } else if (stamp.endsWith(u'Z') || stamp.contains(u'+') || stamp.lastIndexOf(u'-') > 0) {
                // A time with its own offset but no date ("14:05Z", "14:05+02:00"): today, in that offset.
                const qsizetype cut = stamp.endsWith(u'Z') ? stamp.size() - 1 : std::max(stamp.lastIndexOf(u'+'), stamp.lastIndexOf(u'-'));
                const QString offset = stamp.mid(cut);
                const QTimeZone own = offset == u"Z" ? QTimeZone::utc()
                                                     : QTimeZone((offset.startsWith(u'-') ? -1 : 1)
                                                                 * (offset.mid(1, 2).toInt() * 3600 + offset.mid(4, 2).toInt() * 60));
                const QStringList parts = stamp.left(cut).split(u':');
                const QTime t(parts.value(0).toInt(), parts.value(1).toInt(), parts.value(2).left(2).toInt());
                if (t.isValid()) {
                    at = QDateTime(nowUtc.toTimeZone(own).date(), t, own).toUTC();
                }
            } else {
                const QStringList parts = stamp.split(u':');
                const int hour = parts.value(0).toInt();
                const int minute = parts.value(1).toInt();
                const int second = parts.value(2).left(2).toInt();
                if (hour <= 23 && minute <= 59 && second <= 59) {
                    at = localTime(day, hour, minute, second, zone);
                    // A log runs forward: a time well before the last one has crossed midnight.
                    if (previous.isValid() && at < previous.addSecs(-12 * 3600)) {
                        day = day.addDays(1);
                        at = localTime(day, hour, minute, second, zone);
                    }
                }
            }
        }
        if (!at.isValid()) {
            if (log.entries.isEmpty()) {
                log.problems.append(tr("line %1: no time at the start, and no entry before it; left out.").arg(number));
            } else {
                log.entries.last().text += u'\n' + lineText; // a message that goes on over several lines
            }
            if (end >= total) {
                break;
            }
            continue;
        }
        LogEntry entry;
        entry.occurredAt = at;
        entry.author = !m.captured(2).isEmpty() ? m.captured(2) : m.captured(3);
        entry.text = m.captured(4);
        entry.line = number;
        if (entry.text.trimmed().isEmpty()) {
            log.problems.append(tr("line %1: a time with nothing after it; left out.").arg(number));
        } else {
            if (!(m.captured(1).indexOf(u'-') == 4)) {
                dateless.append(int(log.entries.size()));
            }
            log.entries.append(entry);
            previous = at;
        }
        if (end >= total) {
            break;
        }
    }
    // Times without a date were put on today; a log pasted just after midnight is from yesterday.
    const QDateTime lastDateless = dateless.isEmpty() ? QDateTime() : log.entries.at(dateless.last()).occurredAt;
    if (lastDateless.isValid() && lastDateless > nowUtc.addSecs(60)) {
        for (int i : std::as_const(dateless)) {
            log.entries[i].occurredAt = log.entries.at(i).occurredAt.addDays(-1);
        }
    }
    for (const LogEntry &e : std::as_const(log.entries)) {
        if (e.occurredAt > nowUtc.addSecs(60)) {
            log.problems.append(tr("line %1: %2 is in the future.").arg(e.line).arg(StoredTime::toText(e.occurredAt)));
        }
    }
    if (progress) {
        progress(100);
    }
    return log;
}

QList<bool> alreadyOnTimeline(const QList<LogEntry> &entries, const QList<TimelineEntry> &timeline)
{
    QSet<std::pair<qint64, QString>> known;
    known.reserve(timeline.size());
    for (const TimelineEntry &e : timeline) {
        if (!e.deletedAt.isValid()) {
            known.insert({e.occurredAt.toMSecsSinceEpoch(), e.text.trimmed()});
        }
    }
    QList<bool> flags;
    flags.reserve(entries.size());
    for (const LogEntry &e : entries) {
        flags.append(known.contains({e.occurredAt.toMSecsSinceEpoch(), e.text.trimmed()}));
    }
    return flags;
}

} // namespace TimelineInput
