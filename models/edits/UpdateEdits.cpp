#include "UpdateEdits.h"

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

Result<qint64> UpdateEdits::publishUpdate(qint64 incidentId, StatusUpdate::Audience audience, const QString &body,
                                          const QTimeZone &zone)
{
    if (body.trimmed().isEmpty()) {
        return Status::failure(tr("There is nothing to publish."));
    }
    const auto incident = m_workspace.m_store.incident(incidentId);
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
    const Status s = m_workspace.m_store.write([&]() -> Status {
        const auto inserted = m_workspace.m_store.insertStatusUpdate(update);
        if (!inserted) {
            return inserted.status();
        }
        id = inserted.value();
        QString firstLine = body.trimmed().section(u'\n', 0, 0);
        firstLine.remove(QRegularExpression(QStringLiteral("^#+\\s*")));
        TimelineEntry note =
            m_workspace.systemEntry(incidentId, TimelineEntry::Kind::Communication,
                                    audience == StatusUpdate::Audience::Customer
                                        ? tr("Customer update published: %1").arg(firstLine.left(200))
                                        : tr("Internal update published: %1").arg(firstLine.left(200)));
        note.customerVisible = audience == StatusUpdate::Audience::Customer;
        if (const auto entry = m_workspace.m_store.insertTimelineEntry(note); !entry) {
            return entry.status();
        }
        return m_workspace.m_store.deleteDraft(incidentId, audience);
    });
    if (!s) {
        return s;
    }
    return id;
}

Result<qint64> UpdateEdits::saveTemplate(const MessageTemplate &tmpl)
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
    const auto all = m_workspace.m_store.templates();
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
    auto command = std::make_unique<SaveTemplateCommand>(m_workspace.m_store, m_workspace.onFailure(), saved, before);
    auto *raw = command.get();
    if (const Status s = m_workspace.push(std::move(command)); !s) {
        return s;
    }
    return raw->templateId();
}

Result<qint64> UpdateEdits::saveActionItem(const ActionItem &item)
{
    ActionItem after = item;
    after.title = item.title.trimmed();
    if (after.title.isEmpty()) {
        return Status::failure(tr("An action item needs a title."));
    }
    if (const auto incident = m_workspace.m_store.incident(item.incidentId); !incident) {
        return incident.status();
    }
    std::optional<ActionItem> before;
    if (item.id != 0) {
        const auto items = m_workspace.m_store.actionItems(item.incidentId);
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
    auto command = std::make_unique<SaveActionItemCommand>(m_workspace.m_store, m_workspace.onFailure(), after, before);
    auto *raw = command.get();
    if (const Status s = m_workspace.push(std::move(command)); !s) {
        return s;
    }
    return raw->itemId();
}

Status UpdateEdits::savePostmortem(const Postmortem &postmortem)
{
    const auto before = m_workspace.m_store.postmortem(postmortem.incidentId);
    if (!before) {
        return before.status();
    }
    if (const auto incident = m_workspace.m_store.incident(postmortem.incidentId); !incident) {
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
    return m_workspace.push(std::make_unique<SavePostmortemCommand>(m_workspace.m_store, m_workspace.onFailure(), after,
                                                                    before.value(), text));
}
