#include "TimelineEdits.h"

#include "AlertCommands.h"
#include "Clock.h"
#include "IncidentCommands.h"
#include "IncidentFactSheet.h"
#include "IncidentInsights.h"
#include "Lifecycle.h"
#include "TemplateEngine.h"
#include "UpdateChecks.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

Result<qint64> TimelineEdits::addTimelineEntry(qint64 incidentId, const QString &text, TimelineEntry::Kind kind,
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
    entry.author = m_workspace.m_author;
    entry.text = text; // kept byte for byte, as typed
    entry.source = TimelineEntry::Source::Manual;
    auto command = std::make_unique<AddTimelineEntryCommand>(m_workspace.m_store, m_workspace.onFailure(), entry);
    auto *raw = command.get();
    if (const Status s = m_workspace.push(std::move(command)); !s) {
        return keepWhileAway(entry, false, s);
    }
    return raw->entryId();
}

Result<qint64> TimelineEdits::keepWhileAway(const TimelineEntry &entry, bool withActionItem, const Status &refused)
{
    IncidentStore &store = m_workspace.m_store;
    if (!store.isTeamRecord() || store.isTeamOnline()) {
        return refused; // not the server's absence: said as it is
    }
    if (withActionItem) {
        return Status::failure(tr("The team database is unreachable. A line with an action item (TODO:) waits in the "
                                  "box until it is back; a plain entry would be kept and sent then."));
    }
    if (const Status kept = store.keepForSending(entry); !kept) {
        return Status::failure(tr("%1 %2").arg(refused.error(), kept.error()));
    }
    return qint64(0);
}

Result<qint64> TimelineEdits::addTimelineLine(qint64 incidentId, const QString &input, TimelineEntry::Kind defaultKind,
                                              const QTimeZone &zone, const QDateTime &occurredAt)
{
    const QDateTime now = Clock::nowUtc();
    const TimelineInput::Line line = TimelineInput::parseLine(input, now, zone);
    if (!line.error.isEmpty()) {
        return Status::failure(line.error);
    }
    TimelineEntry entry;
    entry.incidentId = incidentId;
    entry.recordedAt = now;
    entry.occurredAt = occurredAt.isValid() ? occurredAt : line.occurredAt.isValid() ? line.occurredAt : now;
    entry.kind = line.kind.value_or(defaultKind);
    entry.author = m_workspace.m_author;
    entry.text = line.text;
    entry.source = TimelineEntry::Source::Manual;
    std::optional<ActionItem> item;
    if (line.actionItem) {
        item = ActionItem();
        item->incidentId = incidentId;
        item->title = *line.actionItem;
        item->createdAt = now;
    }
    auto command = std::make_unique<AddTimelineEntryCommand>(m_workspace.m_store, m_workspace.onFailure(), entry, item);
    auto *raw = command.get();
    if (const Status s = m_workspace.push(std::move(command)); !s) {
        return keepWhileAway(entry, item.has_value(), s);
    }
    return raw->entryId();
}

Result<int> TimelineEdits::addTimelineEntries(qint64 incidentId, const QList<TimelineInput::LogEntry> &entries,
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
        entry.author = e.author.isEmpty() ? m_workspace.m_author : e.author;
        entry.text = e.text;
        entry.source = TimelineEntry::Source::Manual;
        list.append(entry);
    }
    if (const Status s = m_workspace.push(std::make_unique<AddTimelineEntriesCommand>(
            m_workspace.m_store, m_workspace.onFailure(), incidentId, list));
        !s) {
        return s;
    }
    return int(list.size());
}

Status TimelineEdits::editTimelineEntry(const TimelineEntry &changed, const QString &reason)
{
    const auto before = m_workspace.m_store.timelineEntry(changed.id);
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
    const auto revision = TimelineRevision::of(before.value(), TimelineRevision::Action::Edit, m_workspace.m_author,
                                               Clock::nowUtc(), reason);
    QString what = tr("Edit timeline entry");
    if (!wordsChanged && !timeChanged && after.keyMoment != before->keyMoment) {
        what = after.keyMoment ? tr("Pin key moment") : tr("Unpin key moment");
    } else if (timeChanged && !wordsChanged) {
        what = tr("Move timeline entry");
    }
    return m_workspace.push(std::make_unique<EditTimelineEntryCommand>(m_workspace.m_store, m_workspace.onFailure(),
                                                                       what, before.value(), after, revision));
}

Status TimelineEdits::deleteTimelineEntry(qint64 entryId, const QString &reason)
{
    const auto before = m_workspace.m_store.timelineEntry(entryId);
    if (!before) {
        return before.status();
    }
    if (before->isDeleted()) {
        return Status::success();
    }
    TimelineEntry after = before.value();
    after.deletedAt = Clock::nowUtc();
    const auto revision = TimelineRevision::of(before.value(), TimelineRevision::Action::Delete, m_workspace.m_author,
                                               after.deletedAt, reason);
    return m_workspace.push(std::make_unique<EditTimelineEntryCommand>(
        m_workspace.m_store, m_workspace.onFailure(), tr("Delete timeline entry"), before.value(), after, revision));
}

Status TimelineEdits::setKeyMoment(qint64 entryId, bool keyMoment)
{
    auto entry = m_workspace.m_store.timelineEntry(entryId);
    if (!entry) {
        return entry.status();
    }
    entry->keyMoment = keyMoment;
    return editTimelineEntry(entry.value(), {});
}
