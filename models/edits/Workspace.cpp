#include "Workspace.h"

#include "Lifecycle.h"

#include "Clock.h"
#include "AlertCommands.h"
#include "IncidentCommands.h"
#include "IncidentFactSheet.h"
#include "IncidentInsights.h"
#include "TemplateEngine.h"
#include "UpdateChecks.h"

#include <QRegularExpression>

Workspace::Workspace(QObject *parent) : QObject(parent)
{
}

Workspace::~Workspace()
{
    m_undoStack.clear(); // commands refer to the store
}

Status Workspace::open(const QString &path, IncidentStore::Access access)
{
    m_undoStack.clear();
    return m_store.open(path, access);
}

void Workspace::close()
{
    m_undoStack.clear();
    m_store.close();
}

Status Workspace::push(std::unique_ptr<StoreCommand> command)
{
    if (const Status s = command->execute(); !s) {
        return s;
    }
    m_undoStack.push(command.release());
    return Status::success();
}

StoreCommand::FailureHandler Workspace::onFailure()
{
    return [this](const QString &m) { emit editFailed(m); };
}

TimelineEntry Workspace::systemEntry(qint64 incidentId, TimelineEntry::Kind kind, const QString &text) const
{
    TimelineEntry e;
    e.incidentId = incidentId;
    e.occurredAt = Clock::nowUtc();
    e.recordedAt = e.occurredAt;
    e.kind = kind;
    e.author = m_author;
    e.text = text;
    e.source = TimelineEntry::Source::System;
    return e;
}

Result<QList<ChecklistItem>> Workspace::defaultChecklist() const
{
    const auto defaults = m_store.checklistDefaults();
    if (!defaults) {
        return defaults.status();
    }
    QList<ChecklistItem> items;
    for (const ChecklistDefault &d : defaults.value()) {
        ChecklistItem item;
        item.stage = d.stage;
        item.text = d.text;
        item.position = int(items.size());
        item.isDefault = true;
        items.append(item);
    }
    return items;
}

Result<qint64> Workspace::declareIncident(const QString &title, Severity severity, const QString &summary, bool drill,
                                          bool security)
{
    Incident incident;
    incident.title = title.trimmed();
    incident.summary = summary.trimmed();
    incident.severity = severity;
    incident.stage = Stage::Triage; // declaring is the triage step of the playbook
    incident.declaredAt = Clock::nowUtc();
    incident.drill = drill;
    incident.security = security;
    if (const QString problem = incident.validationError(); !problem.isEmpty()) {
        return Status::failure(problem);
    }
    const auto checklist = defaultChecklist();
    if (!checklist) {
        return checklist.status();
    }
    TimelineEntry declared = systemEntry(0, TimelineEntry::Kind::Triage,
                                         tr("Declared %1%2: %3")
                                             .arg(Severities::label(severity), drill ? tr(" (drill)") : QString(),
                                                  incident.title));
    declared.keyMoment = true;
    auto command = std::make_unique<DeclareIncidentCommand>(
        m_store, onFailure(), incident, declared, checklist.value());
    auto *raw = command.get();
    if (const Status s = push(std::move(command)); !s) {
        return s;
    }
    return raw->incidentId();
}

Result<qint64> Workspace::addTimelineEntry(qint64 incidentId, const QString &text, TimelineEntry::Kind kind,
                                           const QDateTime &occurredAt)
{
    if (text.trimmed().isEmpty()) {
        return Status::failure(tr("A timeline entry needs some text."));
    }
    TimelineEntry entry;
    entry.incidentId = incidentId;
    entry.recordedAt = Clock::nowUtc();
    entry.occurredAt = occurredAt.isValid() ? occurredAt.toUTC() : entry.recordedAt;
    entry.kind = kind;
    entry.author = m_author;
    entry.text = text; // kept byte for byte, as typed
    entry.source = TimelineEntry::Source::Manual;
    auto command = std::make_unique<AddTimelineEntryCommand>(
        m_store, onFailure(), entry);
    auto *raw = command.get();
    if (const Status s = push(std::move(command)); !s) {
        return s;
    }
    return raw->entryId();
}

Result<qint64> Workspace::addTimelineLine(qint64 incidentId, const QString &input, TimelineEntry::Kind defaultKind,
                                          const QTimeZone &zone)
{
    const QDateTime now = Clock::nowUtc();
    const TimelineInput::Line line = TimelineInput::parseLine(input, now, zone);
    if (!line.error.isEmpty()) {
        return Status::failure(line.error);
    }
    TimelineEntry entry;
    entry.incidentId = incidentId;
    entry.recordedAt = now;
    entry.occurredAt = line.occurredAt.isValid() ? line.occurredAt : now;
    entry.kind = line.kind.value_or(defaultKind);
    entry.author = m_author;
    entry.text = line.text;
    entry.source = TimelineEntry::Source::Manual;
    std::optional<ActionItem> item;
    if (line.actionItem) {
        item = ActionItem();
        item->incidentId = incidentId;
        item->title = *line.actionItem;
        item->createdAt = now;
    }
    auto command = std::make_unique<AddTimelineEntryCommand>(
        m_store, onFailure(), entry, item);
    auto *raw = command.get();
    if (const Status s = push(std::move(command)); !s) {
        return s;
    }
    return raw->entryId();
}

Result<int> Workspace::addTimelineEntries(qint64 incidentId, const QList<TimelineInput::LogEntry> &entries,
                                          TimelineEntry::Kind kind)
{
    if (entries.isEmpty()) {
        return Status::failure(tr("There is nothing to add."));
    }
    const QDateTime now = Clock::nowUtc();
    QList<TimelineEntry> list;
    list.reserve(entries.size());
    for (const TimelineInput::LogEntry &e : entries) {
        TimelineEntry entry;
        entry.incidentId = incidentId;
        entry.recordedAt = now;
        entry.occurredAt = e.occurredAt;
        entry.kind = kind;
        entry.author = e.author.isEmpty() ? m_author : e.author;
        entry.text = e.text;
        entry.source = TimelineEntry::Source::Manual;
        list.append(entry);
    }
    if (const Status s = push(std::make_unique<AddTimelineEntriesCommand>(
            m_store, onFailure(), incidentId, list));
        !s) {
        return s;
    }
    return int(list.size());
}

Status Workspace::editTimelineEntry(const TimelineEntry &changed, const QString &reason)
{
    const auto before = m_store.timelineEntry(changed.id);
    if (!before) {
        return before.status();
    }
    if (before->isDeleted()) {
        return Status::failure(tr("This entry was deleted; undo the deletion to change it."));
    }
    TimelineEntry after = before.value();
    after.keyMoment = changed.keyMoment;
    after.customerVisible = changed.customerVisible;
    const bool wordsChanged = changed.text != before->text || changed.kind != before->kind;
    const bool timeChanged = changed.occurredAt.isValid() && changed.occurredAt != before->occurredAt;
    if ((wordsChanged || timeChanged) && before->source != TimelineEntry::Source::Manual) {
        return Status::failure(tr("Entries the console or an alert wrote keep their words and time; pin them, or add "
                                  "an entry of your own."));
    }
    if (wordsChanged && changed.text.trimmed().isEmpty()) {
        return Status::failure(tr("A timeline entry needs some text; delete it instead."));
    }
    after.text = changed.text;
    after.kind = changed.kind;
    if (timeChanged) {
        if (reason.trimmed().isEmpty()) {
            return Status::failure(tr("Say why the time changes; the first time is kept with the reason."));
        }
        if (changed.occurredAt > Clock::nowUtc().addSecs(60)) {
            return Status::failure(tr("That time is in the future; the timeline records what has happened."));
        }
        after.occurredAt = changed.occurredAt.toUTC();
        if (!after.originalOccurredAt.isValid()) {
            after.originalOccurredAt = before->occurredAt;
        }
    }
    if (after == before.value()) {
        return Status::success();
    }
    const auto revision =
        TimelineRevision::of(before.value(), TimelineRevision::Action::Edit, m_author, Clock::nowUtc(), reason);
    QString what = tr("Edit timeline entry");
    if (!wordsChanged && !timeChanged && after.keyMoment != before->keyMoment) {
        what = after.keyMoment ? tr("Pin key moment") : tr("Unpin key moment");
    } else if (timeChanged && !wordsChanged) {
        what = tr("Move timeline entry");
    }
    return push(std::make_unique<EditTimelineEntryCommand>(
        m_store, onFailure(), what, before.value(), after, revision));
}

Status Workspace::deleteTimelineEntry(qint64 entryId, const QString &reason)
{
    const auto before = m_store.timelineEntry(entryId);
    if (!before) {
        return before.status();
    }
    if (before->isDeleted()) {
        return Status::success();
    }
    TimelineEntry after = before.value();
    after.deletedAt = Clock::nowUtc();
    const auto revision =
        TimelineRevision::of(before.value(), TimelineRevision::Action::Delete, m_author, after.deletedAt, reason);
    return push(std::make_unique<EditTimelineEntryCommand>(
        m_store, onFailure(), tr("Delete timeline entry"), before.value(), after,
        revision));
}

Status Workspace::setKeyMoment(qint64 entryId, bool keyMoment)
{
    auto entry = m_store.timelineEntry(entryId);
    if (!entry) {
        return entry.status();
    }
    entry->keyMoment = keyMoment;
    return editTimelineEntry(entry.value());
}

Result<qint64> Workspace::publishUpdate(qint64 incidentId, StatusUpdate::Audience audience, const QString &body,
                                        const QTimeZone &zone)
{
    if (body.trimmed().isEmpty()) {
        return Status::failure(tr("There is nothing to publish."));
    }
    const auto incident = m_store.incident(incidentId);
    if (!incident) {
        return incident.status();
    }
    StatusUpdate update;
    update.incidentId = incidentId;
    update.audience = audience;
    update.body = body;
    update.publishedAt = Clock::nowUtc();
    update.nextUpdateDue = UpdateChecks::promisedNextUpdate(body, update.publishedAt, zone);
    if (!update.nextUpdateDue.isValid()) {
        const int minutes = IncidentInsights::updateIntervalMinutes(audience, incident->severity);
        if (minutes > 0 && IncidentInsights::isActive(incident.value())) {
            update.nextUpdateDue = update.publishedAt.addSecs(qint64(minutes) * 60);
        }
    }
    qint64 id = 0;
    const Status s = m_store.write([&]() -> Status {
        const auto inserted = m_store.insertStatusUpdate(update);
        if (!inserted) {
            return inserted.status();
        }
        id = inserted.value();
        QString firstLine = body.trimmed().section(u'\n', 0, 0);
        firstLine.remove(QRegularExpression(QStringLiteral("^#+\\s*")));
        TimelineEntry note = systemEntry(incidentId, TimelineEntry::Kind::Communication,
                                         audience == StatusUpdate::Audience::Customer
                                             ? tr("Customer update published: %1").arg(firstLine.left(200))
                                             : tr("Internal update published: %1").arg(firstLine.left(200)));
        note.customerVisible = audience == StatusUpdate::Audience::Customer;
        if (const auto entry = m_store.insertTimelineEntry(note); !entry) {
            return entry.status();
        }
        return m_store.deleteDraft(incidentId, audience);
    });
    if (!s) {
        return s;
    }
    return id;
}

Result<qint64> Workspace::saveTemplate(const MessageTemplate &tmpl)
{
    if (tmpl.name.trimmed().isEmpty()) {
        return Status::failure(tr("A template needs a name."));
    }
    if (tmpl.audience != u"internal" && tmpl.audience != u"customer" && tmpl.audience != u"postmortem") {
        return Status::failure(tr("A template is for internal, customer or postmortem use."));
    }
    if (const auto problems = TemplateEngine::check(tmpl.body, IncidentFactSheet::schema()); !problems.isEmpty()) {
        return Status::failure(TemplateEngine::describe(problems.first()));
    }
    const auto all = m_store.templates();
    if (!all) {
        return all.status();
    }
    std::optional<MessageTemplate> before;
    for (const MessageTemplate &t : all.value()) {
        if (t.id == tmpl.id && tmpl.id != 0) {
            before = t;
        } else if (t.name.compare(tmpl.name.trimmed(), Qt::CaseInsensitive) == 0) {
            return Status::failure(tr("There is already a template called %1.").arg(t.name));
        }
    }
    MessageTemplate saved = tmpl;
    saved.name = tmpl.name.trimmed();
    saved.builtin = before ? before->builtin : false;
    auto command = std::make_unique<SaveTemplateCommand>(m_store, onFailure(),
                                                         saved, before);
    auto *raw = command.get();
    if (const Status s = push(std::move(command)); !s) {
        return s;
    }
    return raw->templateId();
}

Status Workspace::setImpactAndEta(qint64 incidentId, const QString &impact, const QString &eta)
{
    const auto before = m_store.incident(incidentId);
    if (!before) {
        return before.status();
    }
    Incident after = before.value();
    after.impact = impact.trimmed();
    after.eta = eta.trimmed();
    if (after == before.value()) {
        return Status::success();
    }
    QStringList parts;
    if (after.impact != before->impact) {
        parts.append(tr("Impact: %1").arg(after.impact.isEmpty() ? tr("(cleared)") : after.impact));
    }
    if (after.eta != before->eta) {
        parts.append(tr("ETA: %1").arg(after.eta.isEmpty() ? tr("(cleared)") : after.eta));
    }
    const TimelineEntry note = systemEntry(incidentId, TimelineEntry::Kind::Note, parts.join(QStringLiteral(" · ")));
    return push(std::make_unique<UpdateIncidentCommand>(
        m_store, onFailure(), tr("Change impact and ETA"), before.value(), after,
        note));
}

Status Workspace::changeStage(qint64 incidentId, Stage stage)
{
    const auto before = m_store.incident(incidentId);
    if (!before) {
        return before.status();
    }
    if (before->stage == stage) {
        return Status::success();
    }
    const Lifecycle::StageChange change = Lifecycle::moveTo(before.value(), stage, Clock::nowUtc());
    TimelineEntry note = systemEntry(incidentId, TimelineEntry::Kind::Decision, change.note);
    note.keyMoment = change.keyMoment;
    return push(std::make_unique<UpdateIncidentCommand>(
        m_store, onFailure(), tr("Move to %1").arg(Stages::title(stage)),
        before.value(), change.after, note));
}

Status Workspace::recordSeverity(qint64 incidentId, Severity severity, SeverityChange::Origin origin,
                                 std::optional<Severity> suggested, const QString &reason)
{
    const auto before = m_store.incident(incidentId);
    if (!before) {
        return before.status();
    }
    Incident after = before.value();
    after.severity = severity;
    SeverityChange change;
    change.incidentId = incidentId;
    change.changedAt = Clock::nowUtc();
    change.severity = severity;
    change.origin = origin;
    change.suggested = suggested;
    change.reason = reason.trimmed();
    change.author = m_author;
    QString text;
    QString commandText;
    switch (origin) {
    case SeverityChange::Origin::SuggestionOverridden:
        text = tr("Kept %1 against the suggested %2: %3")
                   .arg(Severities::label(severity), Severities::label(suggested.value_or(severity)), change.reason);
        commandText = tr("Override suggestion");
        break;
    case SeverityChange::Origin::SuggestionAccepted:
        text = tr("Severity %1 → %2 (suggestion accepted): %3")
                   .arg(Severities::label(before->severity), Severities::label(severity), change.reason);
        commandText = tr("Accept suggested %1").arg(Severities::label(severity));
        break;
    case SeverityChange::Origin::Declared:
    case SeverityChange::Origin::Manual:
        text = tr("Severity %1 → %2: %3").arg(Severities::label(before->severity), Severities::label(severity), change.reason);
        commandText = tr("Change severity to %1").arg(Severities::label(severity));
        break;
    }
    TimelineEntry note = systemEntry(incidentId, TimelineEntry::Kind::Decision, text);
    note.keyMoment = before->severity != severity;
    return push(std::make_unique<UpdateIncidentCommand>(
        m_store, onFailure(), commandText, before.value(), after, note, change));
}

Status Workspace::changeSeverity(qint64 incidentId, Severity severity, const QString &reason)
{
    if (reason.trimmed().isEmpty()) {
        return Status::failure(tr("Give a reason for the severity change; it goes on the timeline."));
    }
    const auto incident = m_store.incident(incidentId);
    if (!incident) {
        return incident.status();
    }
    if (incident->severity == severity) {
        return Status::failure(tr("%1 is already %2.").arg(incident->reference(), Severities::label(severity)));
    }
    return recordSeverity(incidentId, severity, SeverityChange::Origin::Manual, std::nullopt, reason);
}

Status Workspace::acceptSuggestion(qint64 incidentId, const SeveritySuggestion &suggestion)
{
    const auto incident = m_store.incident(incidentId);
    if (!incident) {
        return incident.status();
    }
    if (!suggestion.level || *suggestion.level == incident->severity) {
        return Status::failure(tr("There is no different level to accept."));
    }
    return recordSeverity(incidentId, *suggestion.level, SeverityChange::Origin::SuggestionAccepted, suggestion.level,
                          suggestion.explanation);
}

Status Workspace::overrideSuggestion(qint64 incidentId, const SeveritySuggestion &suggestion, const QString &reason)
{
    if (reason.trimmed().isEmpty()) {
        return Status::failure(tr("Give a reason for keeping the level; it goes on the timeline."));
    }
    const auto incident = m_store.incident(incidentId);
    if (!incident) {
        return incident.status();
    }
    if (!suggestion.level) {
        return Status::failure(tr("There is no suggestion to override."));
    }
    return recordSeverity(incidentId, incident->severity, SeverityChange::Origin::SuggestionOverridden, suggestion.level,
                          reason);
}

Status Workspace::setSecurityIncident(qint64 incidentId, bool security)
{
    const auto before = m_store.incident(incidentId);
    if (!before) {
        return before.status();
    }
    if (before->security == security) {
        return Status::success();
    }
    Incident after = before.value();
    after.security = security;
    const TimelineEntry note = systemEntry(incidentId, TimelineEntry::Kind::Triage,
                                           security ? tr("Marked as a security incident")
                                                    : tr("No longer marked as a security incident"));
    return push(std::make_unique<UpdateIncidentCommand>(
        m_store, onFailure(),
        security ? tr("Mark as security incident") : tr("Unmark security incident"), before.value(), after, note));
}

Result<qint64> Workspace::addChecklistItem(qint64 incidentId, Stage stage, const QString &text)
{
    if (text.trimmed().isEmpty()) {
        return Status::failure(tr("A checklist item needs some text."));
    }
    const auto items = m_store.checklist(incidentId);
    if (!items) {
        return items.status();
    }
    ChecklistItem item;
    item.incidentId = incidentId;
    item.stage = stage;
    item.text = text.trimmed();
    for (const ChecklistItem &i : items.value()) {
        item.position = std::max(item.position, i.position + 1);
    }
    auto command = std::make_unique<AddChecklistItemCommand>(
        m_store, onFailure(), item);
    auto *raw = command.get();
    if (const Status s = push(std::move(command)); !s) {
        return s;
    }
    return raw->itemId();
}

Status Workspace::setChecklistItemDone(qint64 incidentId, qint64 itemId, bool done)
{
    const auto items = m_store.checklist(incidentId);
    if (!items) {
        return items.status();
    }
    const auto it = std::find_if(items->begin(), items->end(), [&](const ChecklistItem &i) { return i.id == itemId; });
    if (it == items->end()) {
        return Status::failure(tr("There is no checklist item %1 on this incident.").arg(itemId));
    }
    if (it->isDone() == done) {
        return Status::success();
    }
    ChecklistItem after = *it;
    after.doneAt = done ? Clock::nowUtc() : QDateTime();
    after.doneBy = done ? m_author : QString();
    const TimelineEntry note =
        systemEntry(incidentId, TimelineEntry::Kind::Action,
                    done ? tr("Done (%1): %2").arg(Stages::title(it->stage), it->text)
                         : tr("Not done after all (%1): %2").arg(Stages::title(it->stage), it->text));
    return push(std::make_unique<TickChecklistItemCommand>(
        m_store, onFailure(), *it, after, note));
}

Result<qint64> Workspace::addRole(const QString &name, const QString &responsibility)
{
    if (name.trimmed().isEmpty()) {
        return Status::failure(tr("A role needs a name."));
    }
    const auto roles = m_store.roles();
    if (!roles) {
        return roles.status();
    }
    for (const Role &r : roles.value()) {
        if (r.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0) {
            return Status::failure(tr("There is already a role called %1.").arg(r.name));
        }
    }
    auto command = std::make_unique<AddRoleCommand>(m_store, onFailure(),
                                                    Role{0, name.trimmed(), responsibility.trimmed(), false});
    auto *raw = command.get();
    if (const Status s = push(std::move(command)); !s) {
        return s;
    }
    return raw->roleId();
}

Result<qint64> Workspace::saveActionItem(const ActionItem &item)
{
    ActionItem after = item;
    after.title = item.title.trimmed();
    if (after.title.isEmpty()) {
        return Status::failure(tr("An action item needs a title."));
    }
    if (const auto incident = m_store.incident(item.incidentId); !incident) {
        return incident.status();
    }
    std::optional<ActionItem> before;
    if (item.id != 0) {
        const auto items = m_store.actionItems(item.incidentId);
        if (!items) {
            return items.status();
        }
        for (const ActionItem &a : items.value()) {
            if (a.id == item.id) {
                before = a;
            }
        }
        if (!before) {
            return Status::failure(tr("There is no action item %1 on INC-%2.").arg(item.id).arg(item.incidentId));
        }
        after.createdAt = before->createdAt;
        if (*before == after) {
            return item.id;
        }
    } else {
        after.createdAt = Clock::nowUtc();
    }
    auto command = std::make_unique<SaveActionItemCommand>(m_store, onFailure(), after, before);
    auto *raw = command.get();
    if (const Status s = push(std::move(command)); !s) {
        return s;
    }
    return raw->itemId();
}

Status Workspace::savePostmortem(const Postmortem &postmortem)
{
    const auto before = m_store.postmortem(postmortem.incidentId);
    if (!before) {
        return before.status();
    }
    if (const auto incident = m_store.incident(postmortem.incidentId); !incident) {
        return incident.status();
    }
    Postmortem after = postmortem;
    after.updatedAt = Clock::nowUtc();
    Postmortem unchanged = before.value();
    unchanged.updatedAt = after.updatedAt;
    if (unchanged == after) {
        return Status::success();
    }
    const QString text = after.publishedAt.isValid() && !before->publishedAt.isValid()
                             ? tr("Mark the postmortem of INC-%1 distributed").arg(after.incidentId)
                             : tr("Edit the postmortem of INC-%1").arg(after.incidentId);
    return push(std::make_unique<SavePostmortemCommand>(m_store, onFailure(), after, before.value(), text));
}

Result<qint64> Workspace::savePerson(const Person &person)
{
    if (person.name.trimmed().isEmpty()) {
        return Status::failure(tr("A person needs a name."));
    }
    const auto people = m_store.people();
    if (!people) {
        return people.status();
    }
    std::optional<Person> before;
    for (const Person &p : people.value()) {
        if (p.id == person.id && person.id != 0) {
            before = p;
        } else if (p.name.compare(person.name.trimmed(), Qt::CaseInsensitive) == 0) {
            return Status::failure(tr("%1 is already on the roster.").arg(p.name));
        }
    }
    if (person.id != 0 && !before) {
        return Status::failure(tr("There is no person %1 on the roster.").arg(person.id));
    }
    if (before && *before == person) {
        return person.id;
    }
    auto command = std::make_unique<SavePersonCommand>(m_store, onFailure(),
                                                       person, before);
    auto *raw = command.get();
    if (const Status s = push(std::move(command)); !s) {
        return s;
    }
    return raw->personId();
}

Status Workspace::assignRole(qint64 incidentId, qint64 roleId, const QString &personName)
{
    const QString name = personName.trimmed();
    if (name.isEmpty()) {
        return Status::failure(tr("Name the person who takes the role."));
    }
    const auto roles = m_store.roles();
    if (!roles) {
        return roles.status();
    }
    const auto role = std::find_if(roles->begin(), roles->end(), [&](const Role &r) { return r.id == roleId; });
    if (role == roles->end()) {
        return Status::failure(tr("There is no role %1.").arg(roleId));
    }
    const auto people = m_store.people();
    if (!people) {
        return people.status();
    }
    const auto history = m_store.assignments(incidentId);
    if (!history) {
        return history.status();
    }

    RoleAssignment assignment;
    assignment.incidentId = incidentId;
    assignment.roleId = roleId;
    assignment.assumedAt = Clock::nowUtc();
    std::optional<Person> newPerson;
    const auto known = std::find_if(people->begin(), people->end(),
                                    [&](const Person &p) { return p.name.compare(name, Qt::CaseInsensitive) == 0; });
    if (known != people->end()) {
        assignment.personId = known->id;
    } else {
        newPerson = Person{0, name, {}, {}};
    }

    qint64 previousId = 0;
    QString previousName;
    for (const RoleAssignment &a : history.value()) {
        if (a.roleId == roleId && a.isCurrent()) {
            previousId = a.id;
            previousName = a.personName;
        }
    }
    if (previousId > 0 && known != people->end() && previousName == known->name) {
        return Status::failure(tr("%1 already holds %2.").arg(known->name, role->name));
    }
    const QString who = known != people->end() ? known->name : name;
    const QString text = previousId > 0 ? tr("%1 hands %2 over to %3").arg(previousName, role->name, who)
                                        : tr("%1 takes %2").arg(who, role->name);
    const TimelineEntry note = systemEntry(incidentId, TimelineEntry::Kind::Decision, text);
    return push(std::make_unique<AssignRoleCommand>(
        m_store, onFailure(), assignment, newPerson, previousId, note));
}

Result<QList<Alert>> Workspace::alertsNotYetLinked(qint64 incidentId, const QList<Alert> &alerts) const
{
    const auto links = m_store.alertLinksByIdentity();
    if (!links) {
        return links.status();
    }
    QList<Alert> fresh;
    for (const Alert &a : alerts) {
        if (!links->value(a.identity).incidentIds.contains(incidentId)) {
            fresh.append(a);
        }
    }
    return fresh;
}

Status Workspace::linkAlerts(qint64 incidentId, const QList<Alert> &alerts)
{
    if (alerts.isEmpty()) {
        return Status::failure(tr("Select the alerts to link."));
    }
    const auto incident = m_store.incident(incidentId);
    if (!incident) {
        return incident.status();
    }
    const auto fresh = alertsNotYetLinked(incidentId, alerts);
    if (!fresh) {
        return fresh.status();
    }
    if (fresh->isEmpty()) {
        return Status::failure(alerts.size() == 1 ? tr("This alert is already linked to %1.").arg(incident->reference())
                                                  : tr("These alerts are already linked to %1.").arg(incident->reference()));
    }
    return push(std::make_unique<LinkAlertsCommand>(
        m_store, onFailure(), incidentId, fresh.value(), m_author));
}

Result<qint64> Workspace::declareIncidentFromAlerts(const QString &title, Severity severity, const QList<Alert> &alerts)
{
    if (alerts.isEmpty()) {
        return Status::failure(tr("Select the alerts to declare an incident for."));
    }
    Incident incident;
    incident.title = title.trimmed();
    incident.severity = severity;
    incident.stage = Stage::Triage;
    incident.declaredAt = Clock::nowUtc();
    if (const QString problem = incident.validationError(); !problem.isEmpty()) {
        return Status::failure(problem);
    }
    const QString evidence = alerts.size() == 1 ? tr("1 alert") : tr("%1 alerts").arg(alerts.size());
    TimelineEntry declared = systemEntry(0, TimelineEntry::Kind::Triage,
                                         tr("Declared %1 from %2: %3").arg(Severities::label(severity), evidence, incident.title));
    declared.keyMoment = true;
    const auto checklist = defaultChecklist();
    if (!checklist) {
        return checklist.status();
    }
    auto command = std::make_unique<DeclareFromAlertsCommand>(
        m_store, onFailure(),
        std::make_unique<DeclareIncidentCommand>(m_store, onFailure(), incident, declared, checklist.value()),
        std::make_unique<LinkAlertsCommand>(m_store, onFailure(), 0, alerts, m_author));
    auto *raw = command.get();
    if (const Status s = push(std::move(command)); !s) {
        return s; // one transaction: nothing was declared, nothing is on the undo stack
    }
    return raw->incidentId();
}

Status Workspace::acknowledgeAlert(const QString &identity, const QString &note)
{
    const auto acks = m_store.alertAcks();
    if (!acks) {
        return acks.status();
    }
    std::optional<AlertAck> previous;
    if (acks->contains(identity)) {
        previous = acks->value(identity);
    }
    const AlertAck ack{identity, note.trimmed(), m_author, Clock::nowUtc()};
    return push(std::make_unique<AcknowledgeAlertCommand>(
        m_store, onFailure(), ack, previous));
}
