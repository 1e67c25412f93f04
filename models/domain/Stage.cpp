#include "Stage.h"

#include <QCoreApplication>

namespace Stages {

QList<Stage> all()
{
    return {Stage::Detection, Stage::Triage, Stage::Containment, Stage::Recovery, Stage::Review, Stage::Closed};
}

QString key(Stage s)
{
    switch (s) {
    case Stage::Detection:
        return QStringLiteral("detection");
    case Stage::Triage:
        return QStringLiteral("triage");
    case Stage::Containment:
        return QStringLiteral("containment");
    case Stage::Recovery:
        return QStringLiteral("recovery");
    case Stage::Review:
        return QStringLiteral("review");
    case Stage::Closed:
        return QStringLiteral("closed");
    }
    return {};
}

QString title(Stage s)
{
    switch (s) {
    case Stage::Detection:
        return QCoreApplication::translate("Stage", "Detection");
    case Stage::Triage:
        return QCoreApplication::translate("Stage", "Triage");
    case Stage::Containment:
        return QCoreApplication::translate("Stage", "Containment");
    case Stage::Recovery:
        return QCoreApplication::translate("Stage", "Eradication & Recovery");
    case Stage::Review:
        return QCoreApplication::translate("Stage", "Post-Incident Review");
    case Stage::Closed:
        return QCoreApplication::translate("Stage", "Closed");
    }
    return {};
}

std::optional<Stage> fromKey(const QString &k)
{
    for (Stage s : all()) {
        if (key(s) == k) {
            return s;
        }
    }
    return std::nullopt;
}

bool isOpen(Stage s)
{
    return s != Stage::Closed;
}

} // namespace Stages
