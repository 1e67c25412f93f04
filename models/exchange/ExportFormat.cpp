#include "ExportFormat.h"

#include <QCoreApplication>

namespace ExportFormats {

QList<ExportFormat> all()
{
    return {ExportFormat::Json,        ExportFormat::Markdown,       ExportFormat::Html,  ExportFormat::Pdf,
            ExportFormat::CsvTimeline, ExportFormat::CsvActionItems, ExportFormat::Sqlite};
}

QString key(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Json:
        return QStringLiteral("json");
    case ExportFormat::Markdown:
        return QStringLiteral("markdown");
    case ExportFormat::Html:
        return QStringLiteral("html");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    case ExportFormat::CsvTimeline:
        return QStringLiteral("csv");
    case ExportFormat::CsvActionItems:
        return QStringLiteral("csv-action-items");
    case ExportFormat::Sqlite:
        return QStringLiteral("sqlite");
    }
    return {};
}

QString title(ExportFormat format)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("ExportFormats", text); };
    switch (format) {
    case ExportFormat::Json:
        return tr("JSON (complete, re-importable)");
    case ExportFormat::Markdown:
        return tr("Markdown (postmortem and timeline)");
    case ExportFormat::Html:
        return tr("HTML (postmortem and timeline)");
    case ExportFormat::Pdf:
        return tr("PDF (postmortem and timeline)");
    case ExportFormat::CsvTimeline:
        return tr("CSV: timeline");
    case ExportFormat::CsvActionItems:
        return tr("CSV: action items");
    case ExportFormat::Sqlite:
        return tr("SQLite copy");
    }
    return {};
}

QString suffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Json:
        return QStringLiteral("json");
    case ExportFormat::Markdown:
        return QStringLiteral("md");
    case ExportFormat::Html:
        return QStringLiteral("html");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    case ExportFormat::CsvTimeline:
    case ExportFormat::CsvActionItems:
        return QStringLiteral("csv");
    case ExportFormat::Sqlite:
        return QStringLiteral("sqlite");
    }
    return {};
}

std::optional<ExportFormat> fromKey(const QString &text)
{
    for (ExportFormat f : all()) {
        if (key(f) == text) {
            return f;
        }
    }
    return std::nullopt;
}

} // namespace ExportFormats
