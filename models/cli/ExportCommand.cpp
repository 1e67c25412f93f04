// incident-console-cli export: the whole record or one incident, in any export format, to a file or standard output.
#include "CliCommand.h"
#include "ExportFormat.h"
#include "IncidentExporter.h"
#include "UntrustedText.h"
#include "Workspace.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileDevice>
#include <QGuiApplication>
#include <QTimeZone>

#include <cstdio>
#include <unistd.h>

namespace {

const auto tr = cliText;

class ExportCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString usage() const override
    {
        return tr(
            "  export [--format FORMAT] [--incident ID] [--zone ZONE] [--table TABLE] [-o FILE]\n"
            "                                                  Export the file or one incident (stdout without -o).\n"
            "                                                  FORMAT: json (default; complete, re-importable),\n"
            "                                                  markdown, html or pdf (postmortem and full timeline),\n"
            "                                                  csv (TABLE: timeline or action-items), sqlite (-o "
            "only).\n"
            "                                                  ZONE: times shown in it (default UTC), e.g. "
            "Europe/Berlin.\n");
    }
    QList<QCommandLineOption> options() const override
    {
        return {valueOption("format", "FORMAT"), valueOption("incident", "ID"), valueOption("zone", "ZONE"),
                valueOption("table", "TABLE"),
                QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")}, QString(), QStringLiteral("FILE"))};
    }

    int run(CliContext &c) override
    {
        const QString fmt = c.isSet("format") ? c.value("format") : QStringLiteral("json");
        const QString table = c.isSet("table") ? c.value("table") : QStringLiteral("timeline");
        if (table != u"timeline" && table != u"action-items") {
            return c.usageError(tr("--table is \"timeline\" or \"action-items\", not \"%1\"").arg(table));
        }
        if (c.isSet("table") && fmt != u"csv") {
            return c.usageError(tr("--table goes with --format csv"));
        }
        const auto chosen = ExportFormats::fromKey(
            fmt == u"csv" && table == u"action-items" ? QStringLiteral("csv-action-items") : fmt);
        if (!chosen || fmt == u"csv-action-items") {
            return c.usageError(tr("--format is json, markdown, html, pdf, csv or sqlite, not \"%1\"").arg(fmt));
        }
        ExportRequest request;
        request.format = *chosen;
        if (c.isSet("incident")) {
            const qint64 incidentId = c.incidentId("incident");
            if (incidentId == 0) {
                return c.usageError(tr("--incident needs an incident id"));
            }
            request.incidentId = incidentId;
        }
        if (c.isSet("zone")) {
            const QTimeZone chosenZone(c.value("zone").toUtf8());
            if (!chosenZone.isValid()) {
                return c.usageError(tr("--zone \"%1\" is not a time zone this machine knows (e.g. UTC, Europe/Berlin)")
                                        .arg(c.value("zone")));
            }
            request.zone = chosenZone;
        }
        if (request.format == ExportFormat::Pdf && !qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
            return c.failure(
                tr("PDF needs the fonts of a graphical session; run through incident-console-cli itself."));
        }
        if (c.isSet("o")) {
            if (const Status s = IncidentExporter::exportToFile(*c.workspace->store(), request, c.value("o")); !s) {
                return c.failure(s.error());
            }
            return c.done();
        }
        if (request.format == ExportFormat::Sqlite) {
            return c.usageError(tr("--format sqlite writes a file: give it with -o FILE"));
        }
        c.out.flush();
        // A terminal runs the escape sequences a file's text may hold: it gets them shown, not run.
        if (isatty(fileno(stdout)) && c.out.device() && qobject_cast<QFileDevice *>(c.out.device()) &&
            qobject_cast<QFileDevice *>(c.out.device())->handle() == fileno(stdout)) {
            if (request.format == ExportFormat::Pdf) {
                return c.usageError(tr("--format pdf writes a binary file: give it with -o FILE"));
            }
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            if (const Status s = IncidentExporter::exportToDevice(*c.workspace->store(), request, buffer); !s) {
                return c.failure(s.error());
            }
            c.out << UntrustedText::forTerminal(QString::fromUtf8(bytes), false);
            c.out.flush();
            return c.done();
        }
        QFile standardOutput;
        QIODevice *device = c.out.device();
        if (!device) {
            if (!standardOutput.open(stdout, QIODevice::WriteOnly)) {
                return c.failure(tr("Could not write to standard output."));
            }
            device = &standardOutput;
        }
        if (const Status s = IncidentExporter::exportToDevice(*c.workspace->store(), request, *device); !s) {
            return c.failure(s.error());
        }
        return c.done();
    }
};

} // namespace

std::unique_ptr<CliCommand> CliCommands::exportRecord()
{
    return std::make_unique<ExportCommand>();
}
