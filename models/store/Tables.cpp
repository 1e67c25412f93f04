#include "Tables.h"

#include <algorithm>

namespace {

ColumnSpec col(const char *sql, const char *exchange, ColumnType type, bool nullable = false, const char *ref = "")
{
    return {QString::fromLatin1(sql), QString::fromLatin1(exchange), type, nullable, QString::fromLatin1(ref)};
}

// A column added in a later format version.
ColumnSpec since(int version, ColumnSpec c)
{
    c.since = version;
    return c;
}

QString revisionActionKey(TimelineRevision::Action action)
{
    return action == TimelineRevision::Action::Delete ? QStringLiteral("delete") : QStringLiteral("edit");
}

QString sourceKey(TimelineEntry::Source source)
{
    return TimelineEntry::sourceKey(source);
}

QString kindKey(TimelineEntry::Kind kind)
{
    return TimelineEntry::kindKey(kind);
}

} // namespace

const RowTable<Incident> &Tables::incidents()
{
    using namespace Columns;
    using I = Incident;
    static const RowTable<I> t{
        {QStringLiteral("incidents"), QStringLiteral("incidents"), {}, QStringLiteral("id = ?"), {}},
        {id(&I::id), text("title", "title", &I::title), text("summary", "summary", &I::summary),
         numbered("severity", "severity", &I::severity, &Severities::fromNumber),
         enumerated("stage", "stage", &I::stage, Stages::all(), &Stages::key),
         time("declared_at", "declaredAt", &I::declaredAt), time("detected_at", "detectedAt", &I::detectedAt, true),
         time("mitigated_at", "mitigatedAt", &I::mitigatedAt, true),
         time("resolved_at", "resolvedAt", &I::resolvedAt, true), flag("is_drill", "drill", &I::drill),
         since(2, time("postmortem_due_at", "postmortemDueAt", &I::postmortemDueAt, true)),
         since(2, flag("is_security", "security", &I::security)), since(4, text("impact", "impact", &I::impact)),
         since(4, text("eta", "eta", &I::eta))}};
    return t;
}

const RowTable<TimelineEntry> &Tables::timelineEntries()
{
    using namespace Columns;
    using E = TimelineEntry;
    static const RowTable<E> t{
        {QStringLiteral("timeline_entries"),
         QStringLiteral("timelineEntries"),
         {},
         QStringLiteral("incident_id = ?"),
         {}},
        {id(&E::id), reference("incident_id", "incidentId", "incidents", &E::incidentId),
         time("occurred_at", "occurredAt", &E::occurredAt), time("recorded_at", "recordedAt", &E::recordedAt),
         enumerated("kind", "kind", &E::kind, E::kinds(), &kindKey), text("author", "author", &E::author),
         text("text", "text", &E::text), enumerated("source", "source", &E::source, E::sources(), &sourceKey),
         flag("is_key_moment", "keyMoment", &E::keyMoment),
         flag("customer_visible", "customerVisible", &E::customerVisible),
         since(3, time("deleted_at", "deletedAt", &E::deletedAt, true)),
         since(3, time("original_occurred_at", "originalOccurredAt", &E::originalOccurredAt, true)),
         since(6, time("edited_at", "editedAt", &E::editedAt, true)),
         since(6, text("edited_by", "editedBy", &E::editedBy))}};
    return t;
}

const RowTable<TimelineRevision> &Tables::timelineRevisions()
{
    using namespace Columns;
    using R = TimelineRevision;
    static const RowTable<R> t{
        {QStringLiteral("timeline_revisions"),
         QStringLiteral("timelineRevisions"),
         {},
         QStringLiteral("entry_id IN (SELECT id FROM timeline_entries WHERE incident_id = ?)"),
         {}},
        {id(&R::id), reference("entry_id", "entryId", "timeline_entries", &R::entryId),
         time("revised_at", "revisedAt", &R::revisedAt), text("author", "author", &R::author),
         enumerated("action", "action", &R::action, {R::Action::Edit, R::Action::Delete}, &revisionActionKey),
         text("reason", "reason", &R::reason), text("old_text", "oldText", &R::oldText),
         enumerated("old_kind", "oldKind", &R::oldKind, TimelineEntry::kinds(), &kindKey),
         time("old_occurred_at", "oldOccurredAt", &R::oldOccurredAt),
         flag("old_key_moment", "oldKeyMoment", &R::oldKeyMoment),
         flag("old_customer_visible", "oldCustomerVisible", &R::oldCustomerVisible)}};
    return t;
}

const QList<TableSpec> &Tables::exchanged()
{
    static const QList<TableSpec> t = {
        {QStringLiteral("roles"),
         QStringLiteral("roles"),
         {col("id", "id", ColumnType::Id), col("name", "name", ColumnType::Text),
          col("responsibility", "responsibility", ColumnType::Text), col("is_builtin", "builtin", ColumnType::Bool)},
         QStringLiteral("id IN (SELECT role_id FROM role_assignments WHERE incident_id = ?)"),
         {QStringLiteral("name")}},
        {QStringLiteral("people"),
         QStringLiteral("people"),
         {col("id", "id", ColumnType::Id), col("name", "name", ColumnType::Text),
          col("handle", "handle", ColumnType::Text), col("contact", "contact", ColumnType::Text)},
         QStringLiteral("id IN (SELECT person_id FROM role_assignments WHERE incident_id = ? "
                        "UNION SELECT owner_id FROM action_items WHERE incident_id = ?)"),
         {QStringLiteral("name"), QStringLiteral("handle"), QStringLiteral("contact")}},
        incidents().spec(),
        {QStringLiteral("alert_archive"),
         QStringLiteral("alertArchive"),
         {col("id", "id", ColumnType::Id), col("identity", "identity", ColumnType::Text),
          col("source", "source", ColumnType::Text), col("alert_name", "alertName", ColumnType::Text),
          col("labels", "labels", ColumnType::JsonObject), col("annotations", "annotations", ColumnType::JsonObject),
          col("state", "state", ColumnType::Text), col("value", "value", ColumnType::Text),
          col("first_seen", "firstSeen", ColumnType::Time), col("last_seen", "lastSeen", ColumnType::Time),
          col("resolved_at", "resolvedAt", ColumnType::Time, true)},
         QStringLiteral("id IN (SELECT alert_id FROM alert_links WHERE incident_id = ?)"),
         {QStringLiteral("identity")}},
        {QStringLiteral("templates"),
         QStringLiteral("templates"),
         {col("id", "id", ColumnType::Id), col("name", "name", ColumnType::Text),
          col("audience", "audience", ColumnType::Text), col("body", "body", ColumnType::Text),
          col("is_builtin", "builtin", ColumnType::Bool)},
         QStringLiteral("0 AND ? IS NULL"), // templates belong to the file, not to one incident
         {QStringLiteral("name")}},
        {QStringLiteral("status_update_drafts"),
         QStringLiteral("statusUpdateDrafts"),
         {col("id", "id", ColumnType::Id), col("incident_id", "incidentId", ColumnType::Reference, false, "incidents"),
          col("audience", "audience", ColumnType::Text), col("body", "body", ColumnType::Text),
          col("saved_at", "savedAt", ColumnType::Time)},
         QStringLiteral("incident_id = ?"),
         {}},
        {QStringLiteral("checklist_defaults"),
         QStringLiteral("checklistDefaults"),
         {col("id", "id", ColumnType::Id), col("stage", "stage", ColumnType::Text),
          col("text", "text", ColumnType::Text)},
         QStringLiteral("0 AND ? IS NULL"), // the file's playbook, not one incident's
         {QStringLiteral("stage"), QStringLiteral("text")}},
        {QStringLiteral("severity_changes"),
         QStringLiteral("severityChanges"),
         {col("id", "id", ColumnType::Id), col("incident_id", "incidentId", ColumnType::Reference, false, "incidents"),
          col("changed_at", "changedAt", ColumnType::Time), col("severity", "severity", ColumnType::Integer),
          col("origin", "origin", ColumnType::Text), col("suggested", "suggested", ColumnType::Integer, true),
          col("reason", "reason", ColumnType::Text), col("author", "author", ColumnType::Text)},
         QStringLiteral("incident_id = ?"),
         {}},
        {QStringLiteral("checklist_items"),
         QStringLiteral("checklistItems"),
         {col("id", "id", ColumnType::Id), col("incident_id", "incidentId", ColumnType::Reference, false, "incidents"),
          col("stage", "stage", ColumnType::Text), col("text", "text", ColumnType::Text),
          col("position", "position", ColumnType::Integer), col("is_default", "default", ColumnType::Bool),
          col("done_at", "doneAt", ColumnType::Time, true), col("done_by", "doneBy", ColumnType::Text)},
         QStringLiteral("incident_id = ?"),
         {}},
        {QStringLiteral("role_assignments"),
         QStringLiteral("roleAssignments"),
         {col("id", "id", ColumnType::Id), col("incident_id", "incidentId", ColumnType::Reference, false, "incidents"),
          col("role_id", "roleId", ColumnType::Reference, false, "roles"),
          col("person_id", "personId", ColumnType::Reference, false, "people"),
          col("assumed_at", "assumedAt", ColumnType::Time), col("released_at", "releasedAt", ColumnType::Time, true)},
         QStringLiteral("incident_id = ?"),
         {}},
        timelineEntries().spec(),
        timelineRevisions().spec(),
        {QStringLiteral("status_updates"),
         QStringLiteral("statusUpdates"),
         {col("id", "id", ColumnType::Id), col("incident_id", "incidentId", ColumnType::Reference, false, "incidents"),
          col("audience", "audience", ColumnType::Text), col("body", "body", ColumnType::Text),
          col("published_at", "publishedAt", ColumnType::Time),
          col("next_update_due", "nextUpdateDue", ColumnType::Time, true)},
         QStringLiteral("incident_id = ?"),
         {}},
        {QStringLiteral("action_items"),
         QStringLiteral("actionItems"),
         {col("id", "id", ColumnType::Id), col("incident_id", "incidentId", ColumnType::Reference, false, "incidents"),
          col("title", "title", ColumnType::Text), col("owner_id", "ownerId", ColumnType::Reference, true, "people"),
          col("due_at", "dueAt", ColumnType::Time, true), col("state", "state", ColumnType::Text),
          col("created_at", "createdAt", ColumnType::Time)},
         QStringLiteral("incident_id = ?"),
         {}},
        {QStringLiteral("postmortems"),
         QStringLiteral("postmortems"),
         {col("id", "id", ColumnType::Id),
          since(5, col("incident_id", "incidentId", ColumnType::Reference, false, "incidents")),
          since(5, col("root_cause", "rootCause", ColumnType::Text)),
          since(5, col("went_well", "wentWell", ColumnType::Text)),
          since(5, col("went_badly", "wentBadly", ColumnType::Text)),
          since(5, col("published_at", "publishedAt", ColumnType::Time, true)),
          since(5, col("updated_at", "updatedAt", ColumnType::Time))},
         QStringLiteral("incident_id = ?"),
         {}},
        {QStringLiteral("alert_acks"),
         QStringLiteral("alertAcks"),
         {col("id", "id", ColumnType::Id), col("identity", "identity", ColumnType::Text),
          col("note", "note", ColumnType::Text), col("author", "author", ColumnType::Text),
          col("acknowledged_at", "acknowledgedAt", ColumnType::Time)},
         QStringLiteral("identity IN (SELECT a.identity FROM alert_links l JOIN alert_archive a ON a.id = l.alert_id "
                        "WHERE l.incident_id = ?)"),
         {QStringLiteral("identity")}},
        {QStringLiteral("alert_links"),
         QStringLiteral("alertLinks"),
         {col("id", "id", ColumnType::Id), col("incident_id", "incidentId", ColumnType::Reference, false, "incidents"),
          col("alert_id", "alertId", ColumnType::Reference, false, "alert_archive"),
          col("linked_at", "linkedAt", ColumnType::Time), col("snapshot", "snapshot", ColumnType::JsonObject)},
         QStringLiteral("incident_id = ?"),
         {}},
    };
    return t;
}

int Tables::formatVersion()
{
    static const int version = [] {
        int latest = 1;
        for (const TableSpec &table : exchanged()) {
            for (const ColumnSpec &c : table.columns) {
                latest = std::max(latest, c.since);
            }
        }
        return latest;
    }();
    return version;
}
