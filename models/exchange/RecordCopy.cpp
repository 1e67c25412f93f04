#include "RecordCopy.h"

#include "DatabaseAddress.h"
#include "IncidentStore.h"

#include <QCoreApplication>
#include <QTemporaryFile>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("RecordCopy", text);
}
} // namespace

Result<JsonExchange::ImportSummary> RecordCopy::copyTo(const IncidentStore &from, const QString &to)
{
    const auto address = DatabaseAddress::parse(to);
    const QString shown = address ? address->redacted() : to; // never a password in a message
    if (!from.isOpen()) {
        return Status::failure(tr("There is no open record to copy."));
    }
    IncidentStore target;
    if (const Status s = target.open(to); !s) {
        return s;
    }
    const auto held = target.incidents();
    if (!held) {
        return held.status();
    }
    if (!held->isEmpty()) {
        return Status::failure(tr("%1 already holds %2 incident(s); a record is copied only into a new file or an "
                                  "empty team database. Nothing was copied.")
                                   .arg(shown)
                                   .arg(held->size()));
    }
    // Through a temporary file rather than memory: a long record exports to tens of megabytes.
    QTemporaryFile json;
    if (!json.open()) {
        return Status::failure(tr("The copy needs a temporary file: %1").arg(json.errorString()));
    }
    if (const Status s = JsonExchange::exportTo(from, std::nullopt, json); !s) {
        return s;
    }
    json.flush();
    json.seek(0);
    return JsonExchange::importFrom(target, json, json.size());
}
