#pragma once

#include <QList>
#include <QString>

#include <optional>

// What an export can be written as. Markdown, HTML and PDF carry the postmortem and the full timeline; the two
// CSVs are tables for a spreadsheet; JSON and the SQLite copy carry everything.
enum class ExportFormat { Json, Markdown, Html, Pdf, CsvTimeline, CsvActionItems, Sqlite };

namespace ExportFormats {
QList<ExportFormat> all();
QString key(ExportFormat format);   // "json", "markdown", "html", "pdf", "csv", "csv-action-items", "sqlite"
QString title(ExportFormat format); // "CSV: timeline", for menus and file dialogs
QString suffix(ExportFormat format); // "md", "csv" ...
std::optional<ExportFormat> fromKey(const QString &key);
} // namespace ExportFormats
