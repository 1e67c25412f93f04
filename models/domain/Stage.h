#pragma once

#include <QList>
#include <QString>

#include <optional>

// The playbook's response workflow, in order.
enum class Stage { Detection, Triage, Containment, Recovery, Review, Closed };

namespace Stages {
QList<Stage> all();
QString key(Stage s);   // stored form: "detection", "recovery", ...
QString title(Stage s); // shown form: "Detection", "Eradication & Recovery", ...
std::optional<Stage> fromKey(const QString &key);
bool isOpen(Stage s);
} // namespace Stages
