#include "PostmortemDocument.h"

#include "IncidentFactSheet.h"
#include "IncidentStore.h"
#include "TemplateEngine.h"
#include "TimeDisplay.h"

#include <QCoreApplication>

namespace PostmortemDocument {

Result<MessageTemplate> chooseTemplate(const IncidentStore &store, qint64 templateId)
{
    const auto templates = store.templates();
    if (!templates) {
        return templates.status();
    }
    for (const MessageTemplate &t : templates.value()) {
        if (t.audience == u"postmortem" && (templateId == 0 || t.id == templateId)) {
            return t;
        }
    }
    return Status::failure(templateId == 0
                               ? QCoreApplication::translate("PostmortemDocument", "The file has no postmortem template.")
                               : QCoreApplication::translate("PostmortemDocument", "There is no postmortem template %1.")
                                     .arg(templateId));
}

Result<QString> markdown(const IncidentStore &store, qint64 incidentId, const QDateTime &nowUtc, const QTimeZone &zone,
                         qint64 templateId, const Postmortem *unsaved)
{
    const auto chosen = chooseTemplate(store, templateId);
    if (!chosen) {
        return chosen.status();
    }
    const auto facts = IncidentFactSheet::build(store, incidentId, nowUtc, zone, TemplateEngine::usedNames(chosen->body),
                                                StatusUpdate::Audience::Internal);
    if (!facts) {
        return facts.status();
    }
    TemplateEngine::Data data = facts.value();
    if (unsaved) {
        IncidentFactSheet::setPostmortemSections(data, *unsaved);
    }
    const auto text = TemplateEngine::render(chosen->body, data);
    if (!text) {
        return Status::failure(QCoreApplication::translate("PostmortemDocument", "The template \"%1\" is broken: %2")
                                   .arg(chosen->name, text.error()));
    }
    return text;
}

DueState dueState(const QDateTime &dueAt, const Postmortem &postmortem, const QDateTime &nowUtc, const QTimeZone &zone)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("PostmortemDocument", text); };
    if (postmortem.publishedAt.isValid()) {
        const bool late = dueAt.isValid() && postmortem.publishedAt > dueAt;
        const QString when = TimeDisplay::dateTime(postmortem.publishedAt, zone);
        return {late ? tr("Distributed %1, %2 late").arg(when, TimeDisplay::duration(dueAt.secsTo(postmortem.publishedAt)))
                     : tr("Distributed %1, on time").arg(when),
                false};
    }
    if (!dueAt.isValid()) {
        return {};
    }
    const qint64 left = nowUtc.secsTo(dueAt);
    if (left < 0) {
        return {tr("Overdue by %1 (was due %2)").arg(TimeDisplay::duration(-left), TimeDisplay::dateTime(dueAt, zone)), true};
    }
    return {tr("Due in %1 (%2)").arg(TimeDisplay::duration(left), TimeDisplay::dateTime(dueAt, zone)), false};
}

} // namespace PostmortemDocument
