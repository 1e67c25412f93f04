#include "IncidentInsights.h"

#include "TimeDisplay.h"

#include <QCoreApplication>

#include <algorithm>

namespace IncidentInsights {

QList<MetricMark> chartMarks(const Incident &incident, const QList<TimelineEntry> &keyMoments)
{
    QList<MetricMark> marks;
    auto add = [&marks](const QDateTime &at, const QString &label) {
        if (at.isValid()) {
            marks.append({at, label});
        }
    };
    add(incident.detectedAt, QCoreApplication::translate("IncidentInsights", "Detected"));
    add(incident.declaredAt, QCoreApplication::translate("IncidentInsights", "Declared"));
    add(incident.mitigatedAt, QCoreApplication::translate("IncidentInsights", "Mitigated"));
    add(incident.resolvedAt, QCoreApplication::translate("IncidentInsights", "Resolved"));
    const QList<MetricMark> lifecycle = marks;
    for (const TimelineEntry &e : keyMoments) {
        if (!e.keyMoment || e.deletedAt.isValid()) {
            continue;
        }
        // The console's own entry for a declaration or resolution is already marked by its name.
        const bool restates = e.source == TimelineEntry::Source::System &&
                              std::any_of(lifecycle.begin(), lifecycle.end(), [&e](const MetricMark &m) { return m.at == e.occurredAt; });
        if (!restates) {
            add(e.occurredAt, e.text.section(u'\n', 0, 0).trimmed());
        }
    }
    std::stable_sort(marks.begin(), marks.end(), [](const MetricMark &a, const MetricMark &b) { return a.at < b.at; });
    return marks;
}

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("IncidentInsights", text);
}
} // namespace

std::array<qint64, 3> timeInSeverity(const Incident &incident, const QList<SeverityChange> &history, const QDateTime &now)
{
    std::array<qint64, 3> seconds{0, 0, 0};
    const QDateTime end = incident.resolvedAt.isValid() ? incident.resolvedAt : now;
    // Files imported from before the history existed have none: the current level held throughout.
    QDateTime from = incident.declaredAt;
    Severity level = history.isEmpty() ? incident.severity : history.first().severity;
    for (const SeverityChange &change : history) {
        const QDateTime at = std::clamp(change.changedAt, incident.declaredAt, std::max(end, incident.declaredAt));
        if (at > from) {
            seconds[int(level) - 1] += from.secsTo(at);
        }
        from = std::max(from, at);
        level = change.severity;
    }
    if (end > from) {
        seconds[int(level) - 1] += from.secsTo(end);
    }
    return seconds;
}

QString describeTimeInSeverity(const std::array<qint64, 3> &seconds)
{
    QStringList parts;
    for (Severity s : Severities::all()) {
        if (seconds[int(s) - 1] > 0) {
            parts.append(QStringLiteral("%1 %2").arg(Severities::label(s), TimeDisplay::duration(seconds[int(s) - 1])));
        }
    }
    return parts.isEmpty() ? tr("no time yet") : parts.join(QStringLiteral(" · "));
}

namespace {
// [audience][level - 1]; -1: the default
int g_cadence[2][3] = {{-1, -1, -1}, {-1, -1, -1}};
} // namespace

int updateIntervalMinutes(StatusUpdate::Audience audience, Severity severity)
{
    const int set = g_cadence[int(audience)][int(severity) - 1];
    return set >= 0 ? set : defaultUpdateIntervalMinutes(audience, severity);
}

void setUpdateIntervalMinutes(StatusUpdate::Audience audience, Severity severity, int minutes)
{
    g_cadence[int(audience)][int(severity) - 1] = std::max(-1, minutes);
}

int defaultUpdateIntervalMinutes(StatusUpdate::Audience audience, Severity severity)
{
    const bool customer = audience == StatusUpdate::Audience::Customer;
    switch (severity) {
    case Severity::Sev1:
        return customer ? 30 : 15;
    case Severity::Sev2:
        return customer ? 60 : 30;
    case Severity::Sev3:
        return 0;
    }
    return 0;
}

QDateTime nextUpdateDue(const Incident &incident, const IncidentStore::IncidentFacts &facts, StatusUpdate::Audience audience)
{
    const bool customer = audience == StatusUpdate::Audience::Customer;
    if (customer && incident.isOpen() && incident.isResolved()) {
        // Resolved: customers who were told about it are owed a final "resolved" update, due at once; the countdown
        // asks for it rather than stopping silently.
        const bool told = facts.lastCustomerUpdate.isValid();
        const bool owedByCadence = updateIntervalMinutes(audience, incident.severity) > 0;
        if ((told || owedByCadence) && (!told || facts.lastCustomerUpdate < incident.resolvedAt)) {
            return incident.resolvedAt;
        }
        return {};
    }
    if (!isActive(incident)) {
        return {};
    }
    const QDateTime announced = customer ? facts.nextCustomerDue : facts.nextInternalDue;
    if (announced.isValid()) {
        return announced;
    }
    const QDateTime last = customer ? facts.lastCustomerUpdate : facts.lastInternalUpdate;
    const int minutes = updateIntervalMinutes(audience, incident.severity);
    return minutes > 0 ? (last.isValid() ? last : incident.declaredAt).addSecs(qint64(minutes) * 60) : QDateTime();
}

NextUpdate nextUpdate(const Incident &incident, const IncidentStore::IncidentFacts &facts)
{
    NextUpdate next;
    for (const auto audience : {StatusUpdate::Audience::Internal, StatusUpdate::Audience::Customer}) {
        const QDateTime due = nextUpdateDue(incident, facts, audience);
        if (due.isValid() && (!next.due.isValid() || due < next.due)) {
            next.due = due;
            next.audience = audience;
        }
    }
    return next;
}

bool isActive(const Incident &incident)
{
    return incident.isOpen() && !incident.isResolved();
}

bool isSecurity(const Incident &incident, const IncidentStore::IncidentFacts &facts)
{
    return incident.security || facts.securityAlerts;
}

QList<qint64> requiredRoles(const Incident &incident, const IncidentStore::IncidentFacts &facts)
{
    QList<qint64> roles;
    if (incident.severity != Severity::Sev3) {
        roles = {Role::IncidentCommander, Role::CommunicationsLead, Role::OperationsEngineer};
    } else {
        roles = {Role::OperationsEngineer};
    }
    if (isSecurity(incident, facts)) {
        roles.append(Role::SecurityEngineer);
    }
    return roles;
}

QList<qint64> missingRoles(const Incident &incident, const IncidentStore::IncidentFacts &facts)
{
    QList<qint64> missing;
    for (qint64 role : requiredRoles(incident, facts)) {
        if (!facts.heldRoleIds.contains(role)) {
            missing.append(role);
        }
    }
    return missing;
}

QStringList warnings(const Incident &incident, const IncidentStore::IncidentFacts &facts, const QStringList &otherCommands)
{
    QStringList list;
    if (!isActive(incident)) {
        return list;
    }
    if (incident.severity != Severity::Sev3 && facts.commanderId == 0) {
        list.append(tr("%1 without an Incident Commander").arg(Severities::label(incident.severity)));
    }
    if (!otherCommands.isEmpty()) {
        list.append(tr("%1 is also Incident Commander of %2")
                        .arg(facts.commanderName, otherCommands.join(QStringLiteral(", "))));
    }
    if (isSecurity(incident, facts) && !facts.heldRoleIds.contains(Role::SecurityEngineer)) {
        list.append(tr("Security incident without a Security Engineer"));
    }
    return list;
}

std::optional<SeveritySuggestion> pendingSuggestion(const Incident &incident, const IncidentStore::IncidentFacts &facts,
                                                    const SeveritySuggestion &suggestion)
{
    if (!isActive(incident) || facts.firingAlertLabels.isEmpty()) {
        return std::nullopt;
    }
    if (!suggestion.level || *suggestion.level == incident.severity || facts.overriddenSuggestion == suggestion.level) {
        return std::nullopt;
    }
    return suggestion;
}

QString pageMessage(const Incident &incident, const IncidentStore::IncidentFacts &facts, const QList<Role> &roles,
                    const QDateTime &now)
{
    auto roleName = [&](qint64 id) {
        for (const Role &r : roles) {
            if (r.id == id) {
                return r.name;
            }
        }
        return tr("role %1").arg(id);
    };
    QStringList lines;
    lines.append(tr("Paging for %1 %2: %3")
                     .arg(Severities::label(incident.severity), incident.reference(), incident.title));
    const QList<qint64> missing = missingRoles(incident, facts);
    if (missing.isEmpty()) {
        lines.append(tr("All required roles are held."));
    } else {
        QStringList names;
        for (qint64 id : missing) {
            names.append(roleName(id));
        }
        lines.append(tr("Needed now: %1").arg(names.join(QStringLiteral(", "))));
    }
    lines.append(QString());
    lines.append(tr("Severity: %1 (%2)").arg(Severities::label(incident.severity), Severities::definition(incident.severity)));
    lines.append(tr("Stage: %1").arg(Stages::title(incident.stage)));
    lines.append(tr("Declared: %1 UTC (%2 ago)")
                     .arg(incident.declaredAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                          TimeDisplay::duration(incident.declaredAt.secsTo(now))));
    lines.append(tr("Incident Commander: %1").arg(facts.commanderName.isEmpty() ? tr("nobody yet") : facts.commanderName));
    if (facts.firingAlerts > 0) {
        QStringList names;
        for (const Alert::Pairs &labels : facts.firingAlertLabels) {
            Alert a;
            a.labels = labels;
            names.append(a.alertName());
        }
        names.removeDuplicates();
        lines.append(tr("Firing alerts: %1 (%2)").arg(facts.firingAlerts).arg(names.join(QStringLiteral(", "))));
    }
    if (isSecurity(incident, facts)) {
        lines.append(tr("This is a security incident."));
    }
    if (!incident.summary.trimmed().isEmpty()) {
        lines.append(QString());
        lines.append(incident.summary.trimmed());
    }
    return lines.join(u'\n');
}

} // namespace IncidentInsights
