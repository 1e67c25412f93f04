#pragma once

#include <QList>
#include <QString>

#include <optional>

// The playbook's severity table. Lower number = worse.
enum class Severity { Sev1 = 1, Sev2 = 2, Sev3 = 3 };

namespace Severities {
QList<Severity> all();
QString label(Severity s);                          // "SEV-1"
std::optional<Severity> fromLabel(const QString &); // "SEV-1", "sev1", "1"
std::optional<Severity> fromNumber(int n);
QString definition(Severity s); // the playbook's "Definition" column
QString examples(Severity s);   // the playbook's "Examples" column
} // namespace Severities
