#include "IncidentExporter.h"

#include "AtomicFile.h"
#include "ByteBuffer.h"
#include "DocumentPages.h"
#include "Clock.h"
#include "IncidentStore.h"
#include "JsonExchange.h"
#include "PostmortemDocument.h"
#include "StoredTime.h"
#include "TemplateEngine.h"
#include "UntrustedText.h"
#include "ZonedTimeWriter.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QDir>
#include <QFileDevice>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>


namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("IncidentExporter", text, nullptr, n);
}

constexpr qsizetype kChunk = 1 << 20;
constexpr qint64 kProgressEvery = 4096;

// Collects output and hands it to the device a mebibyte at a time; keeps the first write error.
class ChunkedOutput final
{
public:
    explicit ChunkedOutput(QIODevice &device) : m_device(device), m_buffer(kChunk + kChunk / 4) {}
    ByteBuffer &buffer() { return m_buffer; }
    bool flushIfFull() { return m_buffer.size() < kChunk || flush(); }
    bool flush()
    {
        if (m_error.isEmpty() && !m_buffer.isEmpty()
            && m_device.write(m_buffer.view().data(), m_buffer.size()) != m_buffer.size()) {
            m_error = m_device.errorString();
        }
        m_buffer.clear();
        return m_error.isEmpty();
    }
    Status status() const
    {
        return m_error.isEmpty() ? Status::success() : Status::failure(tr("Could not write the export: %1").arg(m_error));
    }

private:
    QIODevice &m_device;
    ByteBuffer m_buffer;
    QString m_error;
};

Status stopped()
{
    return Status::failure(tr("The export was stopped; nothing was written."));
}

using TimelineColumn = ExportReads::EntryColumn;
using RowReader = std::function<Status(const std::function<bool(const RawRow &)> &)>;

class ExportRun final
{
public:
    ExportRun(const IncidentStore &store, const ExportRequest &request, const IncidentExporter::Progress &progress)
        : m_store(store), m_request(request), m_progress(progress), m_times(request.zone),
          m_now(request.nowUtc.isValid() ? request.nowUtc : Clock::nowUtc())
    {
    }

    Status write(QIODevice &device);

private:
    Status prepare();
    bool step(qint64 count = 1);
    Status writeCsvTimeline(ChunkedOutput &out);
    Status writeCsvActionItems(ChunkedOutput &out);
    Status writeMarkdown(ChunkedOutput &out);
    Status writeHtml(ChunkedOutput &out);
    Status writePdf(QIODevice &device);
    // Streams the rows read through writeRow, handing output to the device as it fills (out may be null: the
    // PDF collects in its document) and stopping when the progress callback asks.
    Status streamRows(const RowReader &read, ChunkedOutput *out, const std::function<void(const RawRow &)> &writeRow);
    Status streamEntries(qint64 incidentId, ChunkedOutput *out, const std::function<void(const RawRow &)> &writeRow)
    {
        const Status s = streamRows(entriesOf(incidentId), out, writeRow);
        return s || s.error() == stopped().error() ? s : Status::failure(tr("INC-%1: %2").arg(incidentId).arg(s.error()));
    }
    QList<qint64> incidentsOrAll() const { return m_incidents; }
    RowReader entriesOf(std::optional<qint64> incidentId) const
    {
        return [this, incidentId](const std::function<bool(const RawRow &)> &onRow) {
            return m_store.forEachEntryToExport(incidentId, onRow);
        };
    }
    QString documentTitle() const;
    // The incident's postmortem as the chosen template writes it; a failure names the incident.
    Result<QString> postmortemOf(qint64 incidentId) const;

    const IncidentStore &m_store;
    const ExportRequest &m_request;
    const IncidentExporter::Progress &m_progress;
    ZonedTimeWriter m_times;
    QDateTime m_now;
    QList<qint64> m_incidents;
    QHash<qint64, QString> m_titles;
    QHash<qint64, qint64> m_entryCounts;
    qint64 m_total = 0;
    qint64 m_done = 0;
    qint64 m_reported = 0;
};

Status ExportRun::prepare()
{
    using namespace ExportReads;
    const Status s = m_store.forEachIncidentToExport(m_request.incidentId, [this](const RawRow &row) {
        m_incidents.append(row.integer(IncidentId));
        m_titles.insert(row.integer(IncidentId), QString::fromUtf8(row.text(IncidentTitle)));
        m_entryCounts.insert(row.integer(IncidentId), row.integer(LiveEntryCount));
        m_total += row.integer(LiveEntryCount) + 1;
        return true;
    });
    if (!s) {
        return Status::failure(tr("Could not read the incidents: %1").arg(s.error()));
    }
    if (m_request.incidentId && m_incidents.isEmpty()) {
        return Status::failure(tr("There is no incident %1.").arg(*m_request.incidentId));
    }
    return Status::success();
}

bool ExportRun::step(qint64 count)
{
    m_done += count;
    if (!m_progress || m_done - m_reported < kProgressEvery) {
        return true;
    }
    m_reported = m_done;
    return m_progress(std::min(m_done, m_total), m_total);
}

Status ExportRun::streamRows(const RowReader &read, ChunkedOutput *out, const std::function<void(const RawRow &)> &writeRow)
{
    bool stop = false;
    const Status s = read([&](const RawRow &row) {
        writeRow(row);
        stop = (out && !out->flushIfFull()) || !step();
        return !stop;
    });
    if (stop) {
        return !out || out->status() ? stopped() : out->status();
    }
    return s ? s : Status::failure(tr("Could not read the timeline: %1").arg(s.error()));
}

Result<QString> ExportRun::postmortemOf(qint64 incidentId) const
{
    const auto text = PostmortemDocument::markdown(m_store, incidentId, m_now, m_request.zone, m_request.postmortemTemplateId);
    if (!text) {
        return Status::failure(tr("INC-%1: %2").arg(incidentId).arg(text.error()));
    }
    return UntrustedText::markingBidi(text.value());
}

QString ExportRun::documentTitle() const
{
    if (m_request.incidentId) {
        return QStringLiteral("INC-%1 %2").arg(*m_request.incidentId).arg(UntrustedText::markingBidi(m_titles.value(*m_request.incidentId)));
    }
    return tr("Incident Console export: %n incident(s)", int(m_incidents.size()));
}

Status ExportRun::write(QIODevice &device)
{
    if (m_request.format == ExportFormat::Json) {
        const Status s = JsonExchange::exportTo(m_store, m_request.incidentId, device, m_progress);
        // The rows report every 4,096; a stop asked for after the last report is heard here, before the commit.
        return s && m_progress && !m_progress(0, 0) ? stopped() : s;
    }
    if (const Status s = prepare(); !s) {
        return s;
    }
    if (m_progress && !m_progress(0, m_total)) {
        return stopped();
    }
    if (m_request.format == ExportFormat::Pdf) {
        return writePdf(device);
    }
    ChunkedOutput out(device);
    Status s = Status::success();
    switch (m_request.format) {
    case ExportFormat::CsvTimeline:
        s = writeCsvTimeline(out);
        break;
    case ExportFormat::CsvActionItems:
        s = writeCsvActionItems(out);
        break;
    case ExportFormat::Markdown:
        s = writeMarkdown(out);
        break;
    case ExportFormat::Html:
        s = writeHtml(out);
        break;
    default:
        return Status::failure(tr("This export needs a file."));
    }
    if (!s) {
        return s;
    }
    out.flush();
    if (m_progress && !m_progress(m_total, m_total)) {
        return stopped();
    }
    return out.status();
}

// ---- CSV ----

Status ExportRun::writeCsvTimeline(ChunkedOutput &out)
{
    ByteBuffer &b = out.buffer();
    b.append("incident,time,kind,source,author,text,key_moment,customer_visible\r\n");
    return streamRows(entriesOf(m_request.incidentId), &out, [&](const RawRow &row) {
        b.append("INC-");
        b.appendNumber(row.integer(TimelineColumn::EntryIncident));
        b.append(',');
        m_times.append(b, row.text(TimelineColumn::EntryOccurredAt), IncidentExporter::appendCsvCell);
        b.append(',');
        IncidentExporter::appendCsvCell(b, row.text(TimelineColumn::EntryKind));
        b.append(',');
        IncidentExporter::appendCsvCell(b, row.text(TimelineColumn::EntrySource));
        b.append(',');
        IncidentExporter::appendCsvCell(b, row.text(TimelineColumn::EntryAuthor));
        b.append(',');
        IncidentExporter::appendCsvCell(b, row.text(TimelineColumn::EntryText));
        b.append(row.integer(TimelineColumn::EntryKeyMoment) ? ",yes," : ",,");
        b.append(row.integer(TimelineColumn::EntryCustomerVisible) ? "yes\r\n" : "\r\n");
    });
}

Status ExportRun::writeCsvActionItems(ChunkedOutput &out)
{
    ByteBuffer &b = out.buffer();
    b.append("incident,incident_title,action_item,owner,due,state,created\r\n");
    using namespace ExportReads;
    bool stop = false;
    const Status s = m_store.forEachActionItemToExport(m_request.incidentId, [&](const RawRow &row) {
        b.append("INC-");
        b.appendNumber(row.integer(ItemIncident));
        for (int column = ItemIncidentTitle; column <= ItemCreatedAt; ++column) {
            b.append(',');
            if (column == ItemDueAt || column == ItemCreatedAt) {
                if (!row.isNull(column)) {
                    m_times.append(b, row.text(column), IncidentExporter::appendCsvCell);
                }
            } else {
                IncidentExporter::appendCsvCell(b, row.text(column));
            }
        }
        b.append("\r\n");
        stop = !out.flushIfFull() || (m_progress && !m_progress(0, m_total)); // a stop is heard here too
        return !stop;
    });
    if (stop) {
        return out.status() ? stopped() : out.status();
    }
    return s ? s : Status::failure(tr("Could not read the action items: %1").arg(s.error()));
}

// ---- Markdown and HTML ----

QByteArray zoneNote(const ZonedTimeWriter &times, qint64 entries)
{
    return tr("Times in %1; %n entries (deleted entries are left out).", int(entries))
        .arg(times.zoneName())
        .toUtf8();
}

Status ExportRun::writeMarkdown(ChunkedOutput &out)
{
    ByteBuffer &b = out.buffer();
    if (!m_request.incidentId) {
        b.append(QByteArray("# " + documentTitle().toUtf8() + "\n\n"));
    }
    for (qint64 id : m_incidents) {
        const auto postmortem = postmortemOf(id);
        if (!postmortem) {
            return postmortem.status();
        }
        if (!m_request.incidentId && id != m_incidents.first()) {
            b.append("\n---\n\n");
        }
        b.append(TemplateEngine::safeMarkdown(postmortem.value()).toUtf8());
        b.append(QByteArray("\n## " + tr("Full timeline").toUtf8() + "\n\n"));
        b.append(QByteArray(zoneNote(m_times, m_entryCounts.value(id)) + "\n\n"));
        b.append(QByteArray("| " + tr("Time").toUtf8() + " | " + tr("Kind").toUtf8() + " | " + tr("Source").toUtf8() + " | "
                 + tr("Author").toUtf8() + " | " + tr("Entry").toUtf8() + " | " + tr("Key moment").toUtf8() + " | "
                 + tr("Customer-visible").toUtf8() + " |\n|---|---|---|---|---|---|---|\n"));
        if (const Status s = streamEntries(id, &out, [&](const RawRow &row) {
            b.append("| ");
            m_times.append(b, row.text(TimelineColumn::EntryOccurredAt), IncidentExporter::appendMarkdownCell);
            b.append(" | ");
            IncidentExporter::appendMarkdownCell(b, row.text(TimelineColumn::EntryKind));
            b.append(" | ");
            IncidentExporter::appendMarkdownCell(b, row.text(TimelineColumn::EntrySource));
            b.append(" | ");
            IncidentExporter::appendMarkdownCell(b, row.text(TimelineColumn::EntryAuthor));
            b.append(" | ");
            IncidentExporter::appendMarkdownCell(b, row.text(TimelineColumn::EntryText));
            b.append(row.integer(TimelineColumn::EntryKeyMoment) ? " | yes | " : " |  | ");
            b.append(row.integer(TimelineColumn::EntryCustomerVisible) ? "yes |\n" : " |\n");
            }); !s) {
            return s;
        }
        step();
    }
    return Status::success();
}

// Qt's HTML for a Markdown document, without its <html>/<body> wrapper.
QByteArray markdownBodyHtml(const QString &markdown)
{
    const QString html = TemplateEngine::markdownToHtml(markdown);
    const qsizetype bodyTag = html.indexOf(QLatin1String("<body"));
    const qsizetype bodyStart = bodyTag < 0 ? -1 : html.indexOf(u'>', bodyTag);
    const qsizetype bodyEnd = html.lastIndexOf(QLatin1String("</body>"));
    if (bodyStart < 0 || bodyEnd < bodyStart) {
        return html.toUtf8();
    }
    return html.mid(bodyStart + 1, bodyEnd - bodyStart - 1).trimmed().toUtf8();
}

Status ExportRun::writeHtml(ChunkedOutput &out)
{
    ByteBuffer &b = out.buffer();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    IncidentExporter::appendHtmlEscaped(b, documentTitle().toUtf8());
    b.append("</title>\n<style>\n"
             "body { font-family: sans-serif; max-width: 72em; margin: 2em auto; padding: 0 1em; line-height: 1.45; "
             "color: #1d1d1d; }\n"
             "table { border-collapse: collapse; width: 100%; margin: 1em 0; }\n"
             "th, td { border: 1px solid #c8c8c8; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }\n"
             "th { background: #eeeeee; }\n"
             "tr.key td { font-weight: bold; background: #fff8dc; }\n"
             "td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }\n"
             ".note { color: #555555; }\n"
             "article + article { border-top: 2px solid #888888; margin-top: 3em; }\n"
             "</style>\n</head>\n<body>\n");
    for (qint64 id : m_incidents) {
        const auto postmortem = postmortemOf(id);
        if (!postmortem) {
            return postmortem.status();
        }
        b.append("<article>\n");
        b.append(markdownBodyHtml(postmortem.value()));
        b.append(QByteArray("\n<h2>" + tr("Full timeline").toHtmlEscaped().toUtf8() + "</h2>\n<table>\n<thead><tr>"));
        for (const char *heading : {"Time", "Kind", "Source", "Author", "Entry", "Customer-visible"}) {
            b.append("<th>");
            IncidentExporter::appendHtmlEscaped(b, tr(heading).toUtf8());
            b.append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        qint64 count = 0;
        if (const Status s = streamEntries(id, &out, [&](const RawRow &row) {
            b.append(row.integer(TimelineColumn::EntryKeyMoment) ? "<tr class=\"key\"><td class=\"time\">" : "<tr><td class=\"time\">");
            m_times.append(b, row.text(TimelineColumn::EntryOccurredAt), IncidentExporter::appendHtmlEscaped);
            b.append("</td><td>");
            IncidentExporter::appendHtmlEscaped(b, row.text(TimelineColumn::EntryKind));
            b.append("</td><td>");
            IncidentExporter::appendHtmlEscaped(b, row.text(TimelineColumn::EntrySource));
            b.append("</td><td>");
            IncidentExporter::appendHtmlEscaped(b, row.text(TimelineColumn::EntryAuthor));
            b.append("</td><td>");
            IncidentExporter::appendHtmlEscaped(b, row.text(TimelineColumn::EntryText));
            b.append(row.integer(TimelineColumn::EntryCustomerVisible) ? "</td><td>yes</td></tr>\n" : "</td><td></td></tr>\n");
            ++count;
            }); !s) {
            return s;
        }
        b.append("</tbody>\n</table>\n<p class=\"note\">");
        IncidentExporter::appendHtmlEscaped(b, zoneNote(m_times, count));
        b.append("</p>\n</article>\n");
        step();
    }
    b.append("</body>\n</html>\n");
    return Status::success();
}

// ---- PDF ----

Status ExportRun::writePdf(QIODevice &device)
{
    QTextDocument doc;
    doc.setUndoRedoEnabled(false);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(10);
    doc.setDefaultFont(font);
    QTextCursor cursor(&doc);
    const auto features = TemplateEngine::userMarkdown();
    QTextBlockFormat pageBreak;
    pageBreak.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    QTextCharFormat plain;
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    QTextCharFormat quiet;
    quiet.setForeground(QColor(0x55, 0x55, 0x55));
    QTextBlockFormat entryFormat;
    entryFormat.setTopMargin(2);
    entryFormat.setBottomMargin(2);
    for (qint64 id : m_incidents) {
        const auto postmortem = postmortemOf(id);
        if (!postmortem) {
            return postmortem.status();
        }
        if (id != m_incidents.first()) {
            cursor.insertBlock(pageBreak);
        }
        cursor.insertMarkdown(postmortem.value(), features);
        QTextCharFormat heading;
        heading.setFontWeight(QFont::Bold);
        heading.setFontPointSize(14);
        QTextBlockFormat headingBlock;
        headingBlock.setHeadingLevel(2); // kept with the entries under it, as the postmortem's own headings
        headingBlock.setTopMargin(12);
        headingBlock.setBottomMargin(6);
        cursor.insertBlock(headingBlock, heading);
        cursor.insertText(tr("Full timeline"), heading);
        qint64 count = 0;
        ByteBuffer time(64);
        if (const Status s = streamEntries(id, nullptr, [&](const RawRow &row) {
            cursor.insertBlock(entryFormat, plain);
            time.clear();
            m_times.appendReadable(time, row.text(TimelineColumn::EntryOccurredAt), [](ByteBuffer &out, QByteArrayView text) {
                out.append(text); // the PDF's text is laid out as text, never read as markup
            });
            cursor.insertText(QString::fromUtf8(time.view()) + QStringLiteral("  "), bold);
            cursor.insertText(UntrustedText::markingBidi(QString::fromUtf8(row.text(TimelineColumn::EntryKind)) + QStringLiteral(" · ")
                                  + QString::fromUtf8(row.text(TimelineColumn::EntryAuthor)) + QStringLiteral("  ")),
                              quiet);
            cursor.insertText(UntrustedText::markingBidi(QString::fromUtf8(row.text(TimelineColumn::EntryText))),
                              row.integer(TimelineColumn::EntryKeyMoment) ? bold : plain);
            ++count;
            }); !s) {
            return s;
        }
        cursor.insertBlock(entryFormat, quiet);
        cursor.insertText(QString::fromUtf8(zoneNote(m_times, count)), quiet);
        step();
    }

    TemplateEngine::keepSafeLinks(doc);
    QPdfWriter writer(&device);
    writer.setTitle(documentTitle());
    writer.setCreator(QStringLiteral("Incident Console"));
    writer.setResolution(300);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(18, 16, 18, 16), QPageLayout::Millimeter);
    QPainter painter;
    if (!painter.begin(&writer)) {
        return Status::failure(tr("Could not start the PDF: %1").arg(device.errorString()));
    }
    const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
    const qreal footer = writer.resolution() * 0.3; // a little over 7 mm for "Page 3 of 12"
    doc.documentLayout()->setPaintDevice(&writer);
    doc.setPageSize(QSizeF(page.width(), page.height() - footer));
    DocumentPages::keepHeadingsWithNext(doc, page.height() - footer);
    const int pages = doc.pageCount();
    m_total += pages; // laying out and drawing the pages is the slow half of a PDF: they count as steps too
    const qreal bodyHeight = page.height() - footer;
    QFont footerFont = font;
    footerFont.setPointSizeF(8);
    for (int p = 0; p < pages; ++p) {
        if (p > 0 && !writer.newPage()) {
            return Status::failure(tr("Could not add page %1 to the PDF.").arg(p + 1));
        }
        painter.save();
        painter.translate(0, -p * bodyHeight);
        const QRectF visible(0, p * bodyHeight, page.width(), bodyHeight);
        painter.setClipRect(visible);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = visible;
        doc.documentLayout()->draw(&painter, context);
        painter.restore();
        painter.setFont(footerFont);
        painter.setPen(QColor(0x55, 0x55, 0x55));
        const QRectF footerRect(0, page.height() - footer * 0.8, page.width(), footer * 0.8);
        painter.drawText(footerRect, Qt::AlignVCenter | Qt::AlignLeft, documentTitle());
        painter.drawText(footerRect, Qt::AlignVCenter | Qt::AlignRight, tr("Page %1 of %2").arg(p + 1).arg(pages));
        if (m_progress && !m_progress(std::min(m_done + p + 1, m_total), m_total)) {
            painter.end();
            return stopped();
        }
    }
    painter.end();
    if (auto *file = qobject_cast<QFileDevice *>(&device); file && file->error() != QFileDevice::NoError) {
        return Status::failure(tr("Could not write the PDF: %1").arg(device.errorString()));
    }
    return Status::success();
}

} // namespace

Status IncidentExporter::exportToDevice(const IncidentStore &store, const ExportRequest &request, QIODevice &out,
                                        const Progress &progress)
{
    if (request.format == ExportFormat::Sqlite) {
        return Status::failure(tr("A SQLite copy is written to a file; give one."));
    }
    ExportRun run(store, request, progress);
    return store.readSnapshot([&] { return run.write(out); });
}

Status IncidentExporter::exportToFile(const IncidentStore &store, const ExportRequest &request, const QString &path,
                                      const Progress &progress)
{
    const QString where = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    // Renaming an export over the open incident file (or its journal) would cut the console off from its own data.
    const QString live = QFileInfo(store.path()).canonicalFilePath();
    const QString target = QFileInfo(path).exists() ? QFileInfo(path).canonicalFilePath() : QFileInfo(path).absoluteFilePath();
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        if (!live.isEmpty() && target == live + suffix) {
            return Status::failure(tr("%1 is the incident file that is open; choose another name for the export.").arg(where));
        }
    }
    if (request.format == ExportFormat::Sqlite) {
        if (request.incidentId) {
            const auto exists = store.incident(*request.incidentId);
            if (!exists) {
                return exists.status();
            }
        }
        if (progress && !progress(0, 1)) {
            return stopped();
        }
        if (!request.incidentId) {
            return store.saveCopy(path); // VACUUM INTO cannot be interrupted
        }
        return store.saveCopy(path, [&](const QString &partial) -> Status {
            const Status s = store.copyIncidentInto(*request.incidentId, partial);
            if (!s) {
                return Status::failure(tr("Could not copy INC-%1: %2").arg(*request.incidentId).arg(s.error()));
            }
            return progress && !progress(0, 1) ? stopped() : s;
        });
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Status::failure(tr("Could not write %1: %2").arg(where, file.errorString()));
    }
    const Status s = exportToDevice(store, request, file, progress);
    if (!s) {
        file.cancelWriting();
        return s;
    }
    return AtomicFile::commit(file);
}

void IncidentExporter::appendCsvCell(ByteBuffer &out, QByteArrayView cell)
{
    if (UntrustedText::hasBidiControl(cell)) {
        appendCsvCell(out, UntrustedText::markingBidi(cell));
        return;
    }
    const bool formula = !cell.isEmpty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@'
                                             || cell[0] == '\t' || cell[0] == '\r');
    bool quote = false;
    for (char c : cell) {
        // ';' and tab too: a spreadsheet in a locale that splits on them would otherwise start a new cell there.
        if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == ';' || c == '\t') {
            quote = true;
            break;
        }
    }
    if (!quote && !formula) {
        out.append(cell);
        return;
    }
    out.append('"');
    if (formula) {
        out.append('\'');
    }
    qsizetype from = 0;
    for (qsizetype i = 0; i < cell.size(); ++i) {
        if (cell[i] == '"') {
            out.append(cell.sliced(from, i - from + 1));
            out.append('"');
            from = i + 1;
        }
    }
    out.append(cell.sliced(from));
    out.append('"');
}

void IncidentExporter::appendHtmlEscaped(ByteBuffer &out, QByteArrayView text)
{
    if (UntrustedText::hasBidiControl(text)) {
        appendHtmlEscaped(out, UntrustedText::markingBidi(text));
        return;
    }
    qsizetype from = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char *entity = nullptr;
        switch (text[i]) {
        case '&':
            entity = "&amp;";
            break;
        case '<':
            entity = "&lt;";
            break;
        case '>':
            entity = "&gt;";
            break;
        case '"':
            entity = "&quot;";
            break;
        case '\'':
            entity = "&#39;";
            break;
        default:
            continue;
        }
        out.append(text.sliced(from, i - from));
        out.append(entity);
        from = i + 1;
    }
    out.append(text.sliced(from));
}

void IncidentExporter::appendMarkdownCell(ByteBuffer &out, QByteArrayView text)
{
    if (UntrustedText::hasBidiControl(text)) {
        appendMarkdownCell(out, UntrustedText::markingBidi(text));
        return;
    }
    qsizetype from = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
        case '\\': case '|': case '*': case '_': case '`': case '[': case ']': case '<': case '>': case '&': case '~':
        case '#': case '!':
            out.append(text.sliced(from, i - from));
            out.append('\\');
            out.append(c);
            from = i + 1;
            break;
        case '\n':
            out.append(text.sliced(from, i - from));
            out.append("<br>");
            from = i + 1;
            break;
        case '\r':
            out.append(text.sliced(from, i - from));
            from = i + 1;
            break;
        default:
            break;
        }
    }
    out.append(text.sliced(from));
}
