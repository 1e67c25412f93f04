#pragma once

#include "ExportFormat.h"
#include "Result.h"

#include <QDateTime>
#include <QTimeZone>

#include <functional>
#include <optional>

class IncidentStore;
class ByteBuffer;
class QIODevice;

// One incident or the whole file, written in any ExportFormat. Times are shown in the chosen zone (UTC by
// default). Text forms stream the timeline straight from SQLite, so 100,000 entries cost about what the sqlite3
// shell takes to print them.
struct ExportRequest
{
    ExportFormat format = ExportFormat::Json;
    std::optional<qint64> incidentId; // none: every incident in the file
    QTimeZone zone = QTimeZone::utc();
    QDateTime nowUtc;                 // invalid: the Clock's now
    qint64 postmortemTemplateId = 0;  // 0: the file's first postmortem template
};

class IncidentExporter final
{
public:
    // Called as the export goes (done of total steps: timeline rows, incidents or pages); false stops it.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    // Whole or nothing: the file appears complete, and a failure or a stop leaves any old file as it was.
    static Status exportToFile(const IncidentStore &store, const ExportRequest &request, const QString &path,
                               const Progress &progress = {});
    // To an open device such as stdout; not for the SQLite copy, which needs a file.
    static Status exportToDevice(const IncidentStore &store, const ExportRequest &request, QIODevice &out,
                                 const Progress &progress = {});

    // A CSV cell a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "@SUM") gets a leading ' so it reads
    // as text; cells are quoted when they hold a comma, quote or line break.
    static void appendCsvCell(ByteBuffer &out, QByteArrayView utf8);
    static void appendHtmlEscaped(ByteBuffer &out, QByteArrayView utf8);
    // For a Markdown table cell: Markdown punctuation is backslash-escaped, line breaks become <br>.
    static void appendMarkdownCell(ByteBuffer &out, QByteArrayView utf8);
};
