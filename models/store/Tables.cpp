#include "Tables.h"

#include <algorithm>

namespace {

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

const RowTable<Role> &Tables::roles()
{
    using namespace Columns;
    using R = Role;
    static const RowTable<R> t{{QStringLiteral("roles"),
                                QStringLiteral("roles"),
                                {},
                                QStringLiteral("id IN (SELECT role_id FROM role_assignments WHERE incident_id = ?)"),
                                {QStringLiteral("name")}},
                               {id(&R::id), text("name", "name", &R::name),
                                text("responsibility", "responsibility", &R::responsibility),
                                flag("is_builtin", "builtin", &R::builtin)}};
    return t;
}

const RowTable<Person> &Tables::people()
{
    using namespace Columns;
    using P = Person;
    static const RowTable<P> t{{QStringLiteral("people"),
                                QStringLiteral("people"),
                                {},
                                QStringLiteral("id IN (SELECT person_id FROM role_assignments WHERE incident_id = ? "
                                               "UNION SELECT owner_id FROM action_items WHERE incident_id = ?)"),
                                {QStringLiteral("name"), QStringLiteral("handle"), QStringLiteral("contact")}},
                               {id(&P::id), text("name", "name", &P::name), text("handle", "handle", &P::handle),
                                text("contact", "contact", &P::contact)}};
    return t;
}

const RowTable<ArchivedAlert> &Tables::alertArchive()
{
    using namespace Columns;
    using A = ArchivedAlert;
    static const RowTable<A> t{
        {QStringLiteral("alert_archive"),
         QStringLiteral("alertArchive"),
         {},
         QStringLiteral("id IN (SELECT alert_id FROM alert_links WHERE incident_id = ?)"),
         {QStringLiteral("identity")}},
        {id(&A::id), text("identity", "identity", &A::identity), text("source", "source", &A::source),
         text("alert_name", "alertName", &A::alertName), json("labels", "labels", &A::labels),
         json("annotations", "annotations", &A::annotations), text("state", "state", &A::state),
         text("value", "value", &A::value), time("first_seen", "firstSeen", &A::firstSeen),
         time("last_seen", "lastSeen", &A::lastSeen), time("resolved_at", "resolvedAt", &A::resolvedAt, true)}};
    return t;
}

const RowTable<MessageTemplate> &Tables::templates()
{
    using namespace Columns;
    using M = MessageTemplate;
    static const RowTable<M> t{{QStringLiteral("templates"),
                                QStringLiteral("templates"),
                                {},
                                QStringLiteral("false AND ? IS NULL"), // templates belong to the file, not to one incident
                                {QStringLiteral("name")}},
                               {id(&M::id), text("name", "name", &M::name), text("audience", "audience", &M::audience),
                                text("body", "body", &M::body), flag("is_builtin", "builtin", &M::builtin)}};
    return t;
}

const RowTable<StatusUpdateDraft> &Tables::statusUpdateDrafts()
{
    using namespace Columns;
    using D = StatusUpdateDraft;
    static const RowTable<D> t{
        {QStringLiteral("status_update_drafts"),
         QStringLiteral("statusUpdateDrafts"),
         {},
         QStringLiteral("incident_id = ?"),
         {}},
        {id(&D::id), reference("incident_id", "incidentId", "incidents", &D::incidentId),
         enumerated("audience", "audience", &D::audience, StatusUpdate::audiences(), &StatusUpdate::audienceKey),
         text("body", "body", &D::body), time("saved_at", "savedAt", &D::savedAt)}};
    return t;
}

const RowTable<ChecklistDefault> &Tables::checklistDefaults()
{
    using namespace Columns;
    using D = ChecklistDefault;
    static const RowTable<D> t{{QStringLiteral("checklist_defaults"),
                                QStringLiteral("checklistDefaults"),
                                {},
                                QStringLiteral("false AND ? IS NULL"), // the file's playbook, not one incident's
                                {QStringLiteral("stage"), QStringLiteral("text")}},
                               {id(&D::id), enumerated("stage", "stage", &D::stage, Stages::all(), &Stages::key),
                                text("text", "text", &D::text)}};
    return t;
}

const RowTable<SeverityChange> &Tables::severityChanges()
{
    using namespace Columns;
    using C = SeverityChange;
    static const RowTable<C> t{{QStringLiteral("severity_changes"),
                                QStringLiteral("severityChanges"),
                                {},
                                QStringLiteral("incident_id = ?"),
                                {}},
                               {id(&C::id), reference("incident_id", "incidentId", "incidents", &C::incidentId),
                                time("changed_at", "changedAt", &C::changedAt),
                                numbered("severity", "severity", &C::severity, &Severities::fromNumber),
                                enumerated("origin", "origin", &C::origin, C::origins(), &C::originKey),
                                optionalNumbered("suggested", "suggested", &C::suggested, &Severities::fromNumber),
                                text("reason", "reason", &C::reason), text("author", "author", &C::author)}};
    return t;
}

const RowTable<ChecklistItem> &Tables::checklistItems()
{
    using namespace Columns;
    using I = ChecklistItem;
    static const RowTable<I> t{{QStringLiteral("checklist_items"),
                                QStringLiteral("checklistItems"),
                                {},
                                QStringLiteral("incident_id = ?"),
                                {}},
                               {id(&I::id), reference("incident_id", "incidentId", "incidents", &I::incidentId),
                                enumerated("stage", "stage", &I::stage, Stages::all(), &Stages::key),
                                text("text", "text", &I::text), integer("position", "position", &I::position),
                                flag("is_default", "default", &I::isDefault),
                                time("done_at", "doneAt", &I::doneAt, true), text("done_by", "doneBy", &I::doneBy)}};
    return t;
}

const RowTable<RoleAssignment> &Tables::roleAssignments()
{
    using namespace Columns;
    using A = RoleAssignment;
    static const RowTable<A> t{{QStringLiteral("role_assignments"),
                                QStringLiteral("roleAssignments"),
                                {},
                                QStringLiteral("incident_id = ?"),
                                {}},
                               {id(&A::id), reference("incident_id", "incidentId", "incidents", &A::incidentId),
                                reference("role_id", "roleId", "roles", &A::roleId),
                                reference("person_id", "personId", "people", &A::personId),
                                time("assumed_at", "assumedAt", &A::assumedAt),
                                time("released_at", "releasedAt", &A::releasedAt, true)}};
    return t;
}

const RowTable<StatusUpdate> &Tables::statusUpdates()
{
    using namespace Columns;
    using U = StatusUpdate;
    static const RowTable<U> t{
        {QStringLiteral("status_updates"), QStringLiteral("statusUpdates"), {}, QStringLiteral("incident_id = ?"), {}},
        {id(&U::id), reference("incident_id", "incidentId", "incidents", &U::incidentId),
         enumerated("audience", "audience", &U::audience, U::audiences(), &U::audienceKey),
         text("body", "body", &U::body), time("published_at", "publishedAt", &U::publishedAt),
         time("next_update_due", "nextUpdateDue", &U::nextUpdateDue, true)}};
    return t;
}

const RowTable<ActionItem> &Tables::actionItems()
{
    using namespace Columns;
    using A = ActionItem;
    static const RowTable<A> t{
        {QStringLiteral("action_items"), QStringLiteral("actionItems"), {}, QStringLiteral("incident_id = ?"), {}},
        {id(&A::id), reference("incident_id", "incidentId", "incidents", &A::incidentId),
         text("title", "title", &A::title), reference("owner_id", "ownerId", "people", &A::ownerId, true),
         time("due_at", "dueAt", &A::dueAt, true), enumerated("state", "state", &A::state, A::states(), &A::stateKey),
         time("created_at", "createdAt", &A::createdAt)}};
    return t;
}

const RowTable<Postmortem> &Tables::postmortems()
{
    using namespace Columns;
    using P = Postmortem;
    static const RowTable<P> t{
        {QStringLiteral("postmortems"), QStringLiteral("postmortems"), {}, QStringLiteral("incident_id = ?"), {}},
        {rowId<P>(), since(5, reference("incident_id", "incidentId", "incidents", &P::incidentId)),
         since(5, text("root_cause", "rootCause", &P::rootCause)),
         since(5, text("went_well", "wentWell", &P::wentWell)),
         since(5, text("went_badly", "wentBadly", &P::wentBadly)),
         since(5, time("published_at", "publishedAt", &P::publishedAt, true)),
         since(5, time("updated_at", "updatedAt", &P::updatedAt))}};
    return t;
}

const RowTable<AlertAck> &Tables::alertAcks()
{
    using namespace Columns;
    using A = AlertAck;
    static const RowTable<A> t{
        {QStringLiteral("alert_acks"),
         QStringLiteral("alertAcks"),
         {},
         QStringLiteral("identity IN (SELECT a.identity FROM alert_links l JOIN alert_archive a ON a.id = l.alert_id "
                        "WHERE l.incident_id = ?)"),
         {QStringLiteral("identity")}},
        {rowId<A>(), text("identity", "identity", &A::identity), text("note", "note", &A::note),
         text("author", "author", &A::author), time("acknowledged_at", "acknowledgedAt", &A::at)}};
    return t;
}

const RowTable<AlertLink> &Tables::alertLinks()
{
    using namespace Columns;
    using L = AlertLink;
    static const RowTable<L> t{
        {QStringLiteral("alert_links"), QStringLiteral("alertLinks"), {}, QStringLiteral("incident_id = ?"), {}},
        {id(&L::id), reference("incident_id", "incidentId", "incidents", &L::incidentId),
         reference("alert_id", "alertId", "alert_archive", &L::alertId), time("linked_at", "linkedAt", &L::linkedAt),
         jsonText("snapshot", "snapshot", &L::snapshot)}};
    return t;
}

const QList<TableSpec> &Tables::exchanged()
{
    static const QList<TableSpec> t = {
        roles().spec(),
        people().spec(),
        incidents().spec(),
        alertArchive().spec(),
        templates().spec(),
        statusUpdateDrafts().spec(),
        checklistDefaults().spec(),
        severityChanges().spec(),
        checklistItems().spec(),
        roleAssignments().spec(),
        timelineEntries().spec(),
        timelineRevisions().spec(),
        statusUpdates().spec(),
        actionItems().spec(),
        postmortems().spec(),
        alertAcks().spec(),
        alertLinks().spec(),
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
