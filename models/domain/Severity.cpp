#include "Severity.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Severities {

QList<Severity> all()
{
    return {Severity::Sev1, Severity::Sev2, Severity::Sev3};
}

QString label(Severity s)
{
    return QStringLiteral("SEV-%1").arg(int(s));
}

std::optional<Severity> fromNumber(int n)
{
    if (n < 1 || n > 3) {
        return std::nullopt;
    }
    return Severity(n);
}

std::optional<Severity> fromLabel(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(?:sev[-_ ]?)?([0-9]+)\\s*$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    return fromNumber(m.captured(1).toInt());
}

QString definition(Severity s)
{
    switch (s) {
    case Severity::Sev1:
        return QCoreApplication::translate("Severity", "Full outage or security breach affecting >50% of users");
    case Severity::Sev2:
        return QCoreApplication::translate("Severity", "Major degradation impacting gameplay or latency SLOs");
    case Severity::Sev3:
        return QCoreApplication::translate("Severity", "Minor issues or isolated errors");
    }
    return {};
}

QString examples(Severity s)
{
    switch (s) {
    case Severity::Sev1:
        return QCoreApplication::translate("Severity", "Authentication failure, data exposure");
    case Severity::Sev2:
        return QCoreApplication::translate("Severity", "Socket latency >100 ms P95, persistent rate limiting");
    case Severity::Sev3:
        return QCoreApplication::translate("Severity", "Specific room failures, avatar upload failures");
    }
    return {};
}

} // namespace Severities
