#include "PersonMatch.h"

#include <QRegularExpression>

namespace PersonMatch {

QList<Person> matching(const QList<Person> &roster, const QString &typed)
{
    const QString wanted = typed.simplified();
    if (wanted.isEmpty()) {
        return {};
    }
    QString handle = wanted;
    if (handle.startsWith(u'@')) {
        handle.remove(0, 1);
    }
    for (const Person &p : roster) {
        QString theirs = p.handle;
        if (theirs.startsWith(u'@')) {
            theirs.remove(0, 1);
        }
        if (p.name.simplified().compare(wanted, Qt::CaseInsensitive) == 0
            || (!theirs.isEmpty() && theirs.compare(handle, Qt::CaseInsensitive) == 0)) {
            return {p}; // the whole name: nobody else is meant
        }
    }
    // Then a whole word of a name ("Sam" is Sam Whitfield, not Samira), then the start of a name or of a word.
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QList<Person> wholeWord;
    QList<Person> found;
    for (const Person &p : roster) {
        const QString name = p.name.simplified();
        bool word = false;
        bool start = name.startsWith(wanted, Qt::CaseInsensitive);
        for (const QString &part : name.split(spaces, Qt::SkipEmptyParts)) {
            word = word || part.compare(wanted, Qt::CaseInsensitive) == 0;
            start = start || part.startsWith(wanted, Qt::CaseInsensitive);
        }
        if (word) {
            wholeWord.append(p);
        }
        if (start) {
            found.append(p);
        }
    }
    if (!wholeWord.isEmpty()) {
        return wholeWord;
    }
    return found;
}

} // namespace PersonMatch
