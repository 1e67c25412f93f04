#include "UpdateChecks.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace UpdateChecks {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UpdateChecks", text);
}

bool isAddress(const QString &host)
{
    static const QRegularExpression ip(QStringLiteral("^\\d{1,3}(\\.\\d{1,3}){3}$|^\\[?[0-9a-fA-F:]+\\]?$"));
    return ip.match(host).hasMatch();
}

// A host customers may see: one of the public domains the team keeps in Settings, or a name under one.
bool isPublicHost(const QString &host, const QStringList &publicDomains)
{
    const QString h = host.toLower();
    if (h == u"localhost" || !h.contains(u'.') || isAddress(h)) {
        return false;
    }
    return std::any_of(publicDomains.begin(), publicDomains.end(), [&](const QString &domain) {
        const QString d = domain.trimmed().toLower();
        return !d.isEmpty() && (h == d || h.endsWith(u'.' + d));
    });
}
} // namespace

QList<Finding> customerFindings(const QString &draft, const Context &context)
{
    QList<Finding> found;
    auto add = [&](qsizetype start, qsizetype length, const QString &what) {
        for (const Finding &f : std::as_const(found)) {
            if (start < f.start + f.length && f.start < start + length) {
                return; // already covered by an earlier, more specific finding
            }
        }
        found.append({start, length, what, draft.mid(start, length)});
    };
    // Every URL and dotted host name is internal unless it is under a public domain.
    static const QRegularExpression url(QStringLiteral("\\bhttps?://([^/\\s:?#]+)[^\\s)>\\]]*"),
                                        QRegularExpression::CaseInsensitiveOption);
    for (auto it = url.globalMatch(draft); it.hasNext();) {
        const auto m = it.next();
        if (!isPublicHost(m.captured(1), context.publicDomains)) {
            add(m.capturedStart(), m.capturedLength(), tr("internal URL"));
        }
    }
    static const QRegularExpression ipv4(QStringLiteral("\\b(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?::\\d+)?\\b"));
    for (auto it = ipv4.globalMatch(draft); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(), m.capturedLength(), tr("IP address"));
    }
    static const QRegularExpression ipv6(QStringLiteral("(?<![\\w:])(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{1,4}(?![\\w:])|(?<![\\w:])::1(?![\\w:])"));
    for (auto it = ipv6.globalMatch(draft); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(), m.capturedLength(), tr("IP address"));
    }
    // Dotted names whose last part is a lower-case word (not "3.8.1", "e.g." or "again.Thanks"): a host unless it
    // is public.
    static const QRegularExpression fqdn(
        QStringLiteral("(?<![\\w.-])[a-zA-Z0-9][a-zA-Z0-9-]*(?:\\.[a-zA-Z0-9-]+)*\\.[a-z][a-z0-9-]*[a-z](?![\\w-]|\\.[\\w])"));
    for (auto it = fqdn.globalMatch(draft); it.hasNext();) {
        const auto m = it.next();
        if (!isPublicHost(m.captured(0), context.publicDomains) && m.captured(0).contains(QRegularExpression(QStringLiteral("[a-zA-Z]")))) {
            add(m.capturedStart(), m.capturedLength(), tr("host name"));
        }
    }
    // Machine-like names, whole: "gs-42", "eu-lb-01", "db-7-replica". A word with a hyphen that starts with a
    // letter and holds a number; "SEV-1", "COVID-19", "P-95" and the like are vocabulary, not machines.
    static const QRegularExpression machine(QStringLiteral("(?<![\\w.-])[a-zA-Z][a-zA-Z0-9]*(?:-[a-zA-Z0-9]+)+(?![\\w-])"));
    static const QRegularExpression vocabulary(
        QStringLiteral("^(?:SEV|P|Q|H|v|step|RFC|ISO|UTC|GMT|COVID|Top|top|MP|mp|TLS|HTTP|IPv|UTF|ISO)-?\\d+$"),
        QRegularExpression::CaseInsensitiveOption);
    for (auto it = machine.globalMatch(draft); it.hasNext();) {
        const auto m = it.next();
        const QString word = m.captured(0);
        if (word.contains(QRegularExpression(QStringLiteral("\\d"))) && !vocabulary.match(word).hasMatch()) {
            add(m.capturedStart(), m.capturedLength(), tr("host name"));
        }
    }
    auto addWords = [&](const QStringList &words, const QString &what) {
        for (const QString &w : words) {
            const QString word = w.trimmed();
            if (word.size() < 3 || Severities::fromLabel(word)) {
                continue; // the playbook's levels are public vocabulary, not internal detail
            }
            const QRegularExpression exact(QStringLiteral("(?<![\\w.-])%1(?![\\w-])").arg(QRegularExpression::escape(word)),
                                           QRegularExpression::CaseInsensitiveOption);
            for (auto it = exact.globalMatch(draft); it.hasNext();) {
                const auto m = it.next();
                add(m.capturedStart(), m.capturedLength(), what);
            }
        }
    };
    addWords(context.alertNames, tr("alert name"));
    addWords(context.labelValues, tr("alert label value"));
    addWords(context.people, tr("person's name"));
    std::sort(found.begin(), found.end(), [](const Finding &a, const Finding &b) { return a.start < b.start; });
    return found;
}

QDateTime promisedNextUpdate(const QString &text, const QDateTime &nowUtc, const QTimeZone &zone)
{
    static const QRegularExpression promise(
        QStringLiteral("next update (?:at|by|around|before)\\s+(?:(\\d{4}-\\d{2}-\\d{2})[ T])?(\\d{1,2}):(\\d{2})\\s*(UTC|Z|GMT)?"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = promise.match(text);
    if (!m.hasMatch()) {
        return {};
    }
    const QTime time(m.captured(2).toInt(), m.captured(3).toInt());
    if (!time.isValid()) {
        return {};
    }
    const QTimeZone in = m.captured(4).isEmpty() ? zone : QTimeZone::utc();
    if (!m.captured(1).isEmpty()) {
        return QDateTime(QDate::fromString(m.captured(1), Qt::ISODate), time, in).toUTC();
    }
    QDateTime t(nowUtc.toTimeZone(in).date(), time, in);
    if (t < nowUtc) {
        t = t.addDays(1); // "next update at 00:15" written at 23:50
    }
    return t.toUTC();
}

QStringList lineDiff(const QString &before, const QString &after)
{
    const QStringList a = before.split(u'\n');
    const QStringList b = after.split(u'\n');
    // Longest common subsequence over lines; updates are short, so the table is small.
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    if (n * m > 4'000'000) {
        QStringList all;
        for (const QString &line : a) {
            all.append(u"- "_qs + line);
        }
        for (const QString &line : b) {
            all.append(u"+ "_qs + line);
        }
        return all;
    }
    QList<int> table((n + 1) * (m + 1), 0);
    auto at = [&](qsizetype i, qsizetype j) -> int & { return table[i * (m + 1) + j]; };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
        }
    }
    QStringList out;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n && j < m) {
        if (a[i] == b[j]) {
            out.append(u"  "_qs + a[i]);
            ++i;
            ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            out.append(u"- "_qs + a[i++]);
        } else {
            out.append(u"+ "_qs + b[j++]);
        }
    }
    while (i < n) {
        out.append(u"- "_qs + a[i++]);
    }
    while (j < m) {
        out.append(u"+ "_qs + b[j++]);
    }
    return out;
}

} // namespace UpdateChecks
