#pragma once

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

class IncidentStore;
class QIODevice;

// The file's whole record, or one incident's, as JSON that holds everything and can be imported back.
// Export -> import into a new file -> export gives the same bytes.
class JsonExchange final
{
public:
    static QString formatName() { return QStringLiteral("incident-console"); }

    struct ImportSummary
    {
        QMap<QString, int> added;   // JSON table name -> rows added
        QMap<QString, int> matched; // rows that were already in the file (roles by name, people, alerts)
        QList<qint64> incidentIds;  // the imported incidents' ids in this file
        QString describe() const;
    };

    static Result<QByteArray> exportFile(const IncidentStore &store);
    static Result<QByteArray> exportIncident(const IncidentStore &store, qint64 incidentId);
    // The same, written to a device as it is read (an export of 100,000 entries is tens of megabytes).
    // progress: called as rows are written; false stops the export (a failure saying so).
    static Status exportTo(const IncidentStore &store, std::optional<qint64> incidentId, QIODevice &out,
                           const std::function<bool(qint64 done, qint64 total)> &progress = {});

    // All or nothing: on any error nothing is added, and the error names the place (line and column for
    // broken JSON, a path such as tables.timelineEntries[3].occurredAt for a bad value).
    static Result<ImportSummary> importJson(IncidentStore &store, const QByteArray &json);
    // The same, read from a device a row at a time (memory follows the largest row, not the file), each row added as
    // it is read inside one transaction. progress: called as it goes with the bytes read of totalBytes; false stops
    // the import, and nothing is imported.
    static Result<ImportSummary> importFrom(IncidentStore &store, QIODevice &in, qint64 totalBytes,
                                            const std::function<bool(qint64 done, qint64 total)> &progress = {});


    // File forms of the above. The export is written atomically: a failure leaves any old file as it was.
    static Status exportToFile(const IncidentStore &store, std::optional<qint64> incidentId, const QString &path);
    static Result<ImportSummary> importFile(IncidentStore &store, const QString &path,
                                            const std::function<bool(qint64 done, qint64 total)> &progress = {});
};
