#include "Incident.h"

#include <QCoreApplication>

QString Incident::validationError() const
{
    if (title.trimmed().isEmpty()) {
        return QCoreApplication::translate("Incident", "An incident needs a title.");
    }
    if (!declaredAt.isValid()) {
        return QCoreApplication::translate("Incident", "An incident needs the time it was declared.");
    }
    if (detectedAt.isValid() && mitigatedAt.isValid() && mitigatedAt < detectedAt) {
        return QCoreApplication::translate("Incident", "It cannot be mitigated before it was detected.");
    }
    if (resolvedAt.isValid() && resolvedAt < declaredAt) {
        return QCoreApplication::translate("Incident", "It cannot be resolved before it was declared.");
    }
    if (mitigatedAt.isValid() && resolvedAt.isValid() && resolvedAt < mitigatedAt) {
        return QCoreApplication::translate("Incident", "It cannot be resolved before it was mitigated.");
    }
    return {};
}
