// The commands that read or change the incident record: list, declare, timeline add, timeline search, import.
#include "AppSettings.h"
#include "CliCommand.h"
#include "Clock.h"
#include "TimelineInput.h"
#include "JsonExchange.h"
#include "StoredTime.h"
#include "UntrustedText.h"
#include "Workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const auto tr = cliText;

class ListCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("list"); }
    QString usage() const override { return tr("  list [--json]                                   List incidents.\n"); }
    QList<QCommandLineOption> options() const override { return {flagOption("json")}; }

    int run(CliContext &c) override
    {
        const auto incidents = c.workspace->store()->incidents();
        if (!incidents) {
            return c.failure(incidents.error());
        }
        if (c.isSet("json")) {
            QJsonArray array;
            for (const Incident &i : incidents.value()) {
                array.append(json(i));
            }
            c.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        } else {
            for (const Incident &i : incidents.value()) {
                c.out << qSetFieldWidth(8) << Qt::left << i.reference() << qSetFieldWidth(7)
                      << Severities::label(i.severity) << qSetFieldWidth(24) << Stages::title(i.stage)
                      << qSetFieldWidth(26) << StoredTime::toText(i.declaredAt) << qSetFieldWidth(0)
                      << (i.drill ? tr("[drill] ") : QString()) << UntrustedText::forTerminal(i.title) << '\n';
            }
        }
        return c.done();
    }

private:
    static QJsonObject json(const Incident &i)
    {
        QJsonObject o;
        o.insert(QStringLiteral("id"), i.id);
        o.insert(QStringLiteral("reference"), i.reference());
        o.insert(QStringLiteral("title"), i.title);
        o.insert(QStringLiteral("summary"), i.summary);
        o.insert(QStringLiteral("severity"), Severities::label(i.severity));
        o.insert(QStringLiteral("stage"), Stages::key(i.stage));
        o.insert(QStringLiteral("declaredAt"), StoredTime::toText(i.declaredAt));
        o.insert(QStringLiteral("resolvedAt"),
                 i.resolvedAt.isValid() ? QJsonValue(StoredTime::toText(i.resolvedAt)) : QJsonValue());
        o.insert(QStringLiteral("drill"), i.drill);
        return o;
    }
};

class DeclareCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("declare"); }
    QString usage() const override
    {
        return tr("  declare --title T --severity SEV-N [--summary S] [--drill] [--security] [--json]\n"
                  "                                                  Declare an incident; prints its reference\n"
                  "                                                  (INC-7), or {\"id\", \"reference\"} with --json.\n");
    }
    QList<QCommandLineOption> options() const override
    {
        return {valueOption("title", "T"), valueOption("severity", "SEV-N"), valueOption("summary", "S"),
                flagOption("drill"), flagOption("security"), flagOption("json")};
    }
    File file() const override { return File::Write; }

    int run(CliContext &c) override
    {
        if (!c.isSet("title") || !c.isSet("severity")) {
            return c.usageError(tr("\"declare\" needs --title and --severity"));
        }
        const auto level = Severities::fromLabel(c.value("severity"));
        if (!level) {
            return c.usageError(tr("--severity must be SEV-1, SEV-2 or SEV-3, not \"%1\"").arg(c.value("severity")));
        }
        const auto id = c.workspace->declareIncident(
            Declaration{c.value("title"), *level, c.value("summary"), c.isSet("drill"), c.isSet("security"), {}});
        if (!id) {
            return c.failure(id.error());
        }
        Incident declared;
        declared.id = id.value();
        if (c.isSet("json")) {
            const QJsonObject o{{QStringLiteral("id"), id.value()}, {QStringLiteral("reference"), declared.reference()}};
            c.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        } else {
            c.out << declared.reference() << '\n';
        }
        return c.done();
    }
};

class TimelineAddCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("timeline add"); }
    QString usage() const override
    {
        return tr("  timeline add --incident ID --text T [--at TIME] [--kind KIND]\n"
                  "                                                  Add a timeline entry, read as the window reads a\n"
                  "                                                  typed line (\"-10m det: first 5xx\", \"TODO: ...\");\n"
                  "                                                  prints its id. ID: 7 or INC-7. TIME: 14:05, -10m\n"
                  "                                                  or ISO-8601, in the console's display zone.\n");
    }
    QList<QCommandLineOption> options() const override
    {
        return {valueOption("incident", "ID"), valueOption("text", "T"), valueOption("at", "TIME"),
                valueOption("kind", "KIND")};
    }
    File file() const override { return File::Write; }

    int run(CliContext &c) override
    {
        const qint64 incidentId = c.incidentId("incident");
        if (incidentId == 0) {
            return c.usageError(tr("\"timeline add\" needs --incident with an incident, like 7 or INC-7"));
        }
        if (!c.isSet("text")) {
            return c.usageError(tr("\"timeline add\" needs --text"));
        }
        const QTimeZone zone = AppSettings().displayTimeZone();
        QDateTime when;
        if (c.isSet("at")) {
            QString problem;
            when = StoredTime::parse(c.value("at"));
            if (!when.isValid()) {
                when = TimelineInput::parseTime(c.value("at"), Clock::nowUtc(), zone, &problem);
            }
            if (!when.isValid()) {
                return c.usageError(tr("--at \"%1\": %2").arg(c.value("at"), problem));
            }
        }
        auto kind = TimelineEntry::Kind::Note;
        if (c.isSet("kind")) {
            const auto k = TimelineInput::kindFromWord(c.value("kind"));
            if (!k) {
                return c.usageError(tr("--kind \"%1\" is not a kind of entry").arg(c.value("kind")));
            }
            kind = *k;
        }
        if (const auto found = c.workspace->store()->incident(incidentId); !found) {
            return c.failure(found.error());
        }
        const auto id = c.workspace->addTimelineLine(incidentId, c.value("text"), kind, zone, when);
        if (!id) {
            return c.failure(id.error());
        }
        c.out << id.value() << '\n';
        return c.done();
    }
};

class TimelineSearchCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("timeline search"); }
    QString usage() const override
    {
        return tr(
            "  timeline search WORDS [--incident ID] [--json]  Find entries by their words (all of them; the\n"
            "                                                  last may be the start of a word), newest first.\n");
    }
    QList<QCommandLineOption> options() const override { return {valueOption("incident", "ID"), flagOption("json")}; }
    int argumentCount() const override { return 1; }
    QString missingArguments() const override
    {
        return tr("\"timeline search\" needs the WORDS to find (quote several)");
    }

    int run(CliContext &c) override
    {
        const qint64 incidentId = c.incidentId("incident");
        if (c.isSet("incident") && incidentId == 0) {
            return c.usageError(tr("--incident needs an incident id"));
        }
        const IncidentStore &store = *c.workspace->store();
        const auto ids = store.searchTimeline(c.arguments.first(), incidentId, 1000);
        if (!ids) {
            return c.failure(ids.error());
        }
        const auto entries = store.timelineEntries(ids.value());
        if (!entries) {
            return c.failure(entries.error());
        }
        if (c.isSet("json")) {
            QJsonArray array;
            for (const TimelineEntry &e : entries.value()) {
                array.append(QJsonObject{{QStringLiteral("id"), e.id},
                                         {QStringLiteral("incidentId"), e.incidentId},
                                         {QStringLiteral("occurredAt"), StoredTime::toText(e.occurredAt)},
                                         {QStringLiteral("kind"), TimelineEntry::kindKey(e.kind)},
                                         {QStringLiteral("author"), e.author},
                                         {QStringLiteral("text"), e.text}});
            }
            c.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) << '\n';
        } else {
            for (const TimelineEntry &e : entries.value()) {
                const QString line = UntrustedText::forTerminal(QString(e.text).replace(u'\n', u' '));
                c.out
                    << QStringLiteral("INC-%1  %2  %3\n").arg(e.incidentId).arg(StoredTime::toText(e.occurredAt), line);
            }
        }
        return c.done();
    }
};

class ImportCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("import"); }
    QString usage() const override
    {
        return tr("  import FILE                                     Import an export; all or nothing.\n");
    }
    int argumentCount() const override { return 1; }
    QString missingArguments() const override { return tr("\"import\" needs the FILE to import"); }
    File file() const override { return File::Write; }

    int run(CliContext &c) override
    {
        const auto summary = JsonExchange::importFile(*c.workspace->store(), c.arguments.first());
        if (!summary) {
            return c.failure(summary.error());
        }
        c.out << summary->describe() << '\n';
        return c.done();
    }
};

} // namespace

std::unique_ptr<CliCommand> CliCommands::list()
{
    return std::make_unique<ListCommand>();
}

std::unique_ptr<CliCommand> CliCommands::declare()
{
    return std::make_unique<DeclareCommand>();
}

std::unique_ptr<CliCommand> CliCommands::timelineAdd()
{
    return std::make_unique<TimelineAddCommand>();
}

std::unique_ptr<CliCommand> CliCommands::timelineSearch()
{
    return std::make_unique<TimelineSearchCommand>();
}

std::unique_ptr<CliCommand> CliCommands::importRecord()
{
    return std::make_unique<ImportCommand>();
}
