#include "Silence.h"

#include "TimeDisplay.h"

#include <QCoreApplication>
#include <QStringList>

QString Silence::matchersText() const
{
    QStringList parts;
    for (const LabelMatcher &m : matchers) {
        const char *op = m.op == LabelMatcher::Op::Equal      ? "="
                         : m.op == LabelMatcher::Op::NotEqual ? "!="
                         : m.op == LabelMatcher::Op::Regex    ? "=~"
                                                              : "!~";
        parts.append(QStringLiteral("%1%2\"%3\"").arg(m.name, QLatin1String(op), m.value));
    }
    return parts.join(QStringLiteral(", "));
}

QString Silence::timeLeft(const QDateTime &now) const
{
    if (state == State::Expired || (endsAt.isValid() && endsAt <= now)) {
        return QCoreApplication::translate("Silence", "expired");
    }
    if (startsAt.isValid() && startsAt > now) {
        return QCoreApplication::translate("Silence", "starts in %1").arg(TimeDisplay::duration(now.secsTo(startsAt)));
    }
    if (!endsAt.isValid()) {
        return {};
    }
    return QCoreApplication::translate("Silence", "%1 left").arg(TimeDisplay::duration(now.secsTo(endsAt)));
}

QString Silence::missingDetails(const QString &createdBy, const QString &comment)
{
    const bool noAuthor = createdBy.trimmed().isEmpty();
    const bool noComment = comment.trimmed().isEmpty();
    if (noAuthor && noComment) {
        return QCoreApplication::translate("Silence", "A silence needs an author and a comment saying why.");
    }
    if (noAuthor) {
        return QCoreApplication::translate("Silence", "A silence needs an author: who is silencing it.");
    }
    if (noComment) {
        return QCoreApplication::translate("Silence", "A silence needs a comment saying why, and until what.");
    }
    return {};
}
