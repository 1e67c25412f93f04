#include "PostmortemDocument.h"

#include "IncidentFactSheet.h"
#include "IncidentStore.h"
#include "TemplateEngine.h"

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
                         qint64 templateId)
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
    const auto text = TemplateEngine::render(chosen->body, facts.value());
    if (!text) {
        return Status::failure(QCoreApplication::translate("PostmortemDocument", "The template \"%1\" is broken: %2")
                                   .arg(chosen->name, text.error()));
    }
    return text;
}

} // namespace PostmortemDocument
