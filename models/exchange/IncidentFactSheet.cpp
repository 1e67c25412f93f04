#include "IncidentFactSheet.h"

#include "IncidentInsights.h"
#include "IncidentStore.h"
#include "TimeDisplay.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace IncidentFactSheet {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("IncidentFactSheet", text);
}

// How the stage reads on a status page.
QString customerStatus(Stage stage)
{
    switch (stage) {
    case Stage::Detection:
    case Stage::Triage:
        return tr("Investigating");
    case Stage::Containment:
        return tr("Identified");
    case Stage::Recovery:
        return tr("Monitoring");
    case Stage::Review:
    case Stage::Closed:
        return tr("Resolved");
    }
    return {};
}
// What a postmortem adds: the review's own sections, the severity history with time in each level, everyone who
// held a role, and the action items.
Status addPostmortemFacts(TemplateEngine::Data &d, const IncidentStore &store, const Incident &i, const QDateTime &nowUtc,
                          const QTimeZone &zone, const std::function<bool(const char *)> &wants)
{
    auto when = [&](const QDateTime &t) { return t.isValid() ? TimeDisplay::dateTime(t, zone) : tr("not yet"); };
    d.values.insert(QStringLiteral("detected_at"), when(i.detectedAt));
    d.values.insert(QStringLiteral("mitigated_at"), when(i.mitigatedAt));
    d.values.insert(QStringLiteral("postmortem_due_at"), when(i.postmortemDueAt));

    const auto postmortem = store.postmortem(i.id);
    if (!postmortem) {
        return postmortem.status();
    }
    setPostmortemSections(d, postmortem.value());
    d.values.insert(QStringLiteral("postmortem_published_at"), when(postmortem->publishedAt));

    const auto history = store.severityChanges(i.id);
    if (!history) {
        return history.status();
    }
    const QDateTime end = i.resolvedAt.isValid() ? i.resolvedAt : nowUtc;
    QList<QHash<QString, QString>> steps;
    Severity highest = i.severity;
    for (qsizetype n = 0; n < history->size(); ++n) {
        const SeverityChange &c = history->at(n);
        highest = std::min(highest, c.severity); // SEV-1 is the lowest number
        const QDateTime until = n + 1 < history->size() ? history->at(n + 1).changedAt : end;
        steps.append({{QStringLiteral("time"), when(c.changedAt)},
                      {QStringLiteral("severity"), Severities::label(c.severity)},
                      {QStringLiteral("reason"), c.reason},
                      {QStringLiteral("duration"), TimeDisplay::duration(std::max<qint64>(0, c.changedAt.secsTo(until)))}});
    }
    d.values.insert(QStringLiteral("highest_severity"), Severities::label(highest));
    d.lists.insert(QStringLiteral("severity_history"), steps);
    const auto spent = IncidentInsights::timeInSeverity(i, history.value(), nowUtc);
    QList<QHash<QString, QString>> levels;
    for (Severity s : {Severity::Sev1, Severity::Sev2, Severity::Sev3}) {
        if (const qint64 seconds = spent.at(int(s) - 1); seconds > 0) {
            levels.append({{QStringLiteral("severity"), Severities::label(s)},
                           {QStringLiteral("duration"), TimeDisplay::duration(seconds)}});
        }
    }
    d.lists.insert(QStringLiteral("time_in_severity"), levels);

    if (wants("role_history")) {
        const auto roles = store.roles();
        const auto assignments = store.assignments(i.id);
        if (!roles || !assignments) {
            return roles ? assignments.status() : roles.status();
        }
        QHash<qint64, QString> roleNames;
        for (const Role &r : roles.value()) {
            roleNames.insert(r.id, r.name);
        }
        QList<QHash<QString, QString>> held;
        for (const RoleAssignment &a : assignments.value()) {
            // A role still held when the incident was resolved was held until then; only an open incident's is "now".
            QString to;
            QString until;
            if (!a.isCurrent()) {
                to = when(a.releasedAt);
                until = tr("until %1").arg(to);
            } else if (i.resolvedAt.isValid()) {
                to = when(i.resolvedAt);
                until = tr("until resolved at %1").arg(to);
            } else {
                to = tr("now");
                until = tr("and still held");
            }
            held.append({{QStringLiteral("role"), roleNames.value(a.roleId)},
                         {QStringLiteral("holder"), a.personName},
                         {QStringLiteral("from"), when(a.assumedAt)},
                         {QStringLiteral("to"), to},
                         {QStringLiteral("until"), until}});
        }
        d.lists.insert(QStringLiteral("role_history"), held);
    } else {
        d.lists.insert(QStringLiteral("role_history"), {});
    }

    const auto items = store.actionItems(i.id);
    const auto people = store.people();
    if (!items || !people) {
        return items ? people.status() : items.status();
    }
    QHash<qint64, QString> names;
    for (const Person &p : people.value()) {
        names.insert(p.id, p.name);
    }
    QList<QHash<QString, QString>> actions;
    for (const ActionItem &a : items.value()) {
        actions.append({{QStringLiteral("title"), a.title},
                        {QStringLiteral("owner"), a.ownerId ? names.value(a.ownerId) : tr("nobody yet")},
                        {QStringLiteral("due"), a.dueAt.isValid() ? when(a.dueAt) : tr("not set")},
                        {QStringLiteral("state"), ActionItem::stateTitle(a.state)}});
    }
    d.lists.insert(QStringLiteral("action_items"), actions);
    return Status::success();
}
} // namespace

void setPostmortemSections(TemplateEngine::Data &d, const Postmortem &postmortem)
{
    auto written = [](const QString &text) { return text.trimmed().isEmpty() ? tr("(not written yet)") : text; };
    d.values.insert(QStringLiteral("root_cause"), written(postmortem.rootCause));
    d.values.insert(QStringLiteral("went_well"), written(postmortem.wentWell));
    d.values.insert(QStringLiteral("went_badly"), written(postmortem.wentBadly));
    d.markdownValues += {QStringLiteral("root_cause"), QStringLiteral("went_well"), QStringLiteral("went_badly")};
}

QList<std::pair<QString, QString>> describeVariables()
{
    return {
        {QStringLiteral("reference"), tr("INC-42")},
        {QStringLiteral("title"), tr("the incident's title")},
        {QStringLiteral("customer_title"), tr("the title as customers see it")},
        {QStringLiteral("severity"), tr("SEV-1, SEV-2 or SEV-3")},
        {QStringLiteral("severity_definition"), tr("the playbook's definition of the level")},
        {QStringLiteral("stage"), tr("the workflow stage")},
        {QStringLiteral("customer_status"), tr("Investigating, Identified, Monitoring or Resolved")},
        {QStringLiteral("summary"), tr("the incident's summary")},
        {QStringLiteral("impact"), tr("who is affected and how")},
        {QStringLiteral("eta"), tr("when a fix is expected")},
        {QStringLiteral("declared_at"), tr("when it was declared")},
        {QStringLiteral("resolved_at"), tr("when it was resolved, or \"not yet\"")},
        {QStringLiteral("elapsed"), tr("time since it was declared (to resolution)")},
        {QStringLiteral("now"), tr("the time of writing")},
        {QStringLiteral("commander"), tr("the Incident Commander")},
        {QStringLiteral("comms_lead"), tr("the Communications Lead")},
        {QStringLiteral("last_update_at"), tr("when the last update was published")},
        {QStringLiteral("next_update_at"), tr("when the update after this one is due (the audience's cadence)")},
        {QStringLiteral("roles"), tr("list: role, holder, since")},
        {QStringLiteral("mitigation_steps"), tr("list: time, text (timeline actions and ticked containment and recovery items)")},
        {QStringLiteral("key_moments"), tr("list: time, kind, text")},
        {QStringLiteral("entries"), tr("list: every timeline entry, time, kind, text")},
        {QStringLiteral("linked_alerts"), tr("list: name, severity, state, summary")},
        {QStringLiteral("detected_at"), tr("when it was detected")},
        {QStringLiteral("mitigated_at"), tr("when it was mitigated, or \"not yet\"")},
        {QStringLiteral("highest_severity"), tr("the highest level it reached")},
        {QStringLiteral("postmortem_due_at"), tr("when the postmortem is due (48 hours after resolution)")},
        {QStringLiteral("postmortem_published_at"), tr("when the postmortem was distributed, or \"not yet\"")},
        {QStringLiteral("root_cause"), tr("the postmortem's root cause, as the team wrote it")},
        {QStringLiteral("went_well"), tr("what went well, as the team wrote it")},
        {QStringLiteral("went_badly"), tr("what went badly, as the team wrote it")},
        {QStringLiteral("severity_history"), tr("list: time, severity, reason, duration")},
        {QStringLiteral("time_in_severity"), tr("list: severity, duration (levels it spent time in)")},
        {QStringLiteral("role_history"), tr("list: role, holder, from, to, until (everyone who held a role; until reads \"until 16:05 UTC\")")},
        {QStringLiteral("action_items"), tr("list: title, owner, due, state")},
    };
}

const TemplateEngine::Schema &schema()
{
    static const TemplateEngine::Schema s = [] {
        TemplateEngine::Schema schema;
        const QSet<QString> lists{QStringLiteral("roles"),         QStringLiteral("mitigation_steps"),
                                  QStringLiteral("key_moments"),   QStringLiteral("entries"),
                                  QStringLiteral("linked_alerts"), QStringLiteral("severity_history"),
                                  QStringLiteral("time_in_severity"), QStringLiteral("role_history"),
                                  QStringLiteral("action_items")};
        for (const auto &[name, what] : describeVariables()) {
            if (!lists.contains(name)) {
                schema.values.insert(name);
            }
        }
        schema.lists.insert(QStringLiteral("roles"), {QStringLiteral("role"), QStringLiteral("holder"), QStringLiteral("since")});
        schema.lists.insert(QStringLiteral("mitigation_steps"), {QStringLiteral("time"), QStringLiteral("text")});
        schema.lists.insert(QStringLiteral("key_moments"), {QStringLiteral("time"), QStringLiteral("at"),
                                                            QStringLiteral("kind"), QStringLiteral("text")});
        schema.lists.insert(QStringLiteral("entries"), {QStringLiteral("time"), QStringLiteral("at"),
                                                        QStringLiteral("kind"), QStringLiteral("text")});
        schema.lists.insert(QStringLiteral("severity_history"), {QStringLiteral("time"), QStringLiteral("severity"),
                                                                 QStringLiteral("reason"), QStringLiteral("duration")});
        schema.lists.insert(QStringLiteral("time_in_severity"), {QStringLiteral("severity"), QStringLiteral("duration")});
        schema.lists.insert(QStringLiteral("role_history"), {QStringLiteral("role"), QStringLiteral("holder"),
                                                             QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("until")});
        schema.lists.insert(QStringLiteral("action_items"), {QStringLiteral("title"), QStringLiteral("owner"),
                                                             QStringLiteral("due"), QStringLiteral("state")});
        schema.lists.insert(QStringLiteral("linked_alerts"), {QStringLiteral("name"), QStringLiteral("severity"),
                                                              QStringLiteral("state"), QStringLiteral("summary")});
        return schema;
    }();
    return s;
}

Result<TemplateEngine::Data> build(const IncidentStore &store, qint64 incidentId, const QDateTime &nowUtc,
                                   const QTimeZone &zone, const QSet<QString> &needed, StatusUpdate::Audience audience)
{
    auto wants = [&](const char *name) { return needed.isEmpty() || needed.contains(QLatin1String(name)); };
    const auto incident = store.incident(incidentId);
    if (!incident) {
        return incident.status();
    }
    const Incident &i = incident.value();
    auto when = [&](const QDateTime &t) { return t.isValid() ? TimeDisplay::dateTime(t, zone) : tr("not yet"); };
    auto clock = [&](const QDateTime &t) { return TimeDisplay::clock(t, zone).left(5); };

    TemplateEngine::Data d;
    d.values.insert(QStringLiteral("reference"), i.reference());
    d.values.insert(QStringLiteral("title"), i.title);
    d.values.insert(QStringLiteral("customer_title"), i.title);
    d.values.insert(QStringLiteral("severity"), Severities::label(i.severity));
    d.values.insert(QStringLiteral("severity_definition"), Severities::definition(i.severity));
    d.values.insert(QStringLiteral("stage"), Stages::title(i.stage));
    d.values.insert(QStringLiteral("customer_status"), customerStatus(i.stage));
    d.values.insert(QStringLiteral("summary"), i.summary.isEmpty() ? tr("(no summary yet)") : i.summary);
    d.values.insert(QStringLiteral("impact"), i.impact.isEmpty() ? tr("(impact not described yet)") : i.impact);
    d.values.insert(QStringLiteral("eta"), i.eta.isEmpty() ? tr("not known yet") : i.eta);
    d.values.insert(QStringLiteral("declared_at"), when(i.declaredAt));
    d.values.insert(QStringLiteral("resolved_at"), when(i.resolvedAt));
    d.values.insert(QStringLiteral("elapsed"),
                    TimeDisplay::duration(i.declaredAt.secsTo(i.resolvedAt.isValid() ? i.resolvedAt : nowUtc)));
    d.values.insert(QStringLiteral("now"), when(nowUtc));

    const auto facts = store.incidentFacts({incidentId});
    if (!facts) {
        return facts.status();
    }
    const IncidentStore::IncidentFacts f = facts->value(incidentId);
    // The update being written is the one due now; the next one follows at the audience's cadence.
    const int minutes = IncidentInsights::updateIntervalMinutes(audience, i.severity);
    d.values.insert(QStringLiteral("next_update_at"), minutes > 0 && IncidentInsights::isActive(i)
                                                          ? when(nowUtc.addSecs(qint64(minutes) * 60))
                                                          : tr("when there is news"));
    const QDateTime last = std::max(f.lastInternalUpdate, f.lastCustomerUpdate);
    d.values.insert(QStringLiteral("last_update_at"), when(last));

    const auto roles = store.roles();
    const auto assignments = store.assignments(incidentId);
    if (!roles || !assignments) {
        return roles ? assignments.status() : roles.status();
    }
    QList<QHash<QString, QString>> held;
    for (const Role &r : roles.value()) {
        for (const RoleAssignment &a : assignments.value()) {
            if (a.roleId == r.id && a.isCurrent()) {
                held.append({{QStringLiteral("role"), r.name},
                             {QStringLiteral("holder"), a.personName},
                             {QStringLiteral("since"), clock(a.assumedAt)}});
                if (r.id == Role::IncidentCommander) {
                    d.values.insert(QStringLiteral("commander"), a.personName);
                }
                if (r.id == Role::CommunicationsLead) {
                    d.values.insert(QStringLiteral("comms_lead"), a.personName);
                }
            }
        }
    }
    d.values.insert(QStringLiteral("commander"), d.values.value(QStringLiteral("commander"), tr("nobody yet")));
    d.values.insert(QStringLiteral("comms_lead"), d.values.value(QStringLiteral("comms_lead"), tr("nobody yet")));
    d.lists.insert(QStringLiteral("roles"), held);

    const bool allEntries = wants("entries");
    if (!allEntries && !wants("key_moments") && !wants("mitigation_steps")) {
        d.lists.insert(QStringLiteral("entries"), {});
        d.lists.insert(QStringLiteral("key_moments"), {});
        d.lists.insert(QStringLiteral("mitigation_steps"), {});
    }
    const auto timeline = allEntries ? store.timeline(incidentId)
                          : (wants("key_moments") || wants("mitigation_steps"))
                              ? store.keyMomentsAndActions(incidentId, wants("mitigation_steps"))
                                                                                 : Result<QList<TimelineEntry>>(QList<TimelineEntry>());
    if (!timeline) {
        return timeline.status();
    }
    QList<QHash<QString, QString>> entries;
    QList<QHash<QString, QString>> keyMoments;
    QList<std::pair<QDateTime, QString>> steps;
    entries.reserve(timeline->size());
    for (const TimelineEntry &e : timeline.value()) {
        QHash<QString, QString> item{{QStringLiteral("time"), clock(e.occurredAt)},
                                     {QStringLiteral("at"), when(e.occurredAt)},
                                     {QStringLiteral("kind"), TimelineEntry::kindTitle(e.kind)},
                                     {QStringLiteral("text"), e.text}};
        if (e.keyMoment) {
            keyMoments.append(item);
        }
        if (e.kind == TimelineEntry::Kind::Action && e.source == TimelineEntry::Source::Manual) {
            steps.append({e.occurredAt, e.text});
        }
        if (allEntries) {
            entries.append(std::move(item));
        }
    }
    const auto checklist = store.checklist(incidentId);
    if (!checklist) {
        return checklist.status();
    }
    // What was done about it: containment and recovery, not the triage chores ("Assess severity…").
    for (const ChecklistItem &c : checklist.value()) {
        if (c.isDone() && (c.stage == Stage::Containment || c.stage == Stage::Recovery)) {
            steps.append({c.doneAt, c.text});
        }
    }
    std::stable_sort(steps.begin(), steps.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<QHash<QString, QString>> mitigation;
    for (const auto &[at, text] : steps) {
        mitigation.append({{QStringLiteral("time"), clock(at)}, {QStringLiteral("text"), text}});
    }
    d.lists.insert(QStringLiteral("entries"), entries);
    d.lists.insert(QStringLiteral("key_moments"), keyMoments);
    d.lists.insert(QStringLiteral("mitigation_steps"), mitigation);

    QList<QHash<QString, QString>> alerts;
    for (const Alert::Pairs &labels : f.firingAlertLabels) {
        Alert a;
        a.labels = labels;
        alerts.append({{QStringLiteral("name"), a.alertName()},
                       {QStringLiteral("severity"), a.severity()},
                       {QStringLiteral("state"), tr("firing")},
                       {QStringLiteral("summary"), QString()}});
    }
    d.lists.insert(QStringLiteral("linked_alerts"), alerts);

    if (const Status s = addPostmortemFacts(d, store, i, nowUtc, zone, wants); !s) {
        return s;
    }
    return d;
}

} // namespace IncidentFactSheet
