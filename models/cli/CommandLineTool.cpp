#include "CommandLineTool.h"

#include "AlertJson.h"
#include "AlertPoller.h"
#include "AppSettings.h"
#include "ByteBuffer.h"
#include "FastIsoTime.h"
#include "LiveAlertModel.h"
#include "IncidentExporter.h"
#include "JsonExchange.h"
#include "StoredTime.h"
#include "UntrustedText.h"
#include "Workspace.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileDevice>
#include <QGuiApplication>
#include <QTimer>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <unistd.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLineTool", text);
}

enum Exit { Ok = 0, Failed = 1, Usage = 2 };

QString usageText()
{
    return tr("Usage: incident-console-cli [--db FILE] COMMAND [OPTIONS]\n"
              "\n"
              "Commands:\n"
              "  list [--json]                                   List incidents.\n"
              "  declare --title T --severity SEV-N [--summary S] [--drill]\n"
              "                                                  Declare an incident; prints its id.\n"
              "  timeline add --incident ID --text T [--at ISO-8601] [--kind KIND]\n"
              "                                                  Add a timeline entry; prints its id.\n"
              "  timeline search WORDS [--incident ID] [--json]  Find entries by their words (all of them; the\n"
              "                                                  last may be the start of a word), newest first.\n"
              "  export [--format FORMAT] [--incident ID] [--zone ZONE] [--table TABLE] [-o FILE]\n"
              "                                                  Export the file or one incident (stdout without -o).\n"
              "                                                  FORMAT: json (default; complete, re-importable),\n"
              "                                                  markdown, html or pdf (postmortem and full timeline),\n"
              "                                                  csv (TABLE: timeline or action-items), sqlite (-o only).\n"
              "                                                  ZONE: times shown in it (default UTC), e.g. Europe/Berlin.\n"
              "  import FILE                                     Import an export; all or nothing.\n"
              "  alerts --prometheus URL | --alertmanager URL [--once] [--json]\n"
              "                                                  Print the alerts firing now, in the console's normalised\n"
              "                                                  form; without --once, again whenever they change.\n"
              "                                                  Both options may be repeated; no --db needed.\n"
              "         [--source NAME] [--password-file FILE | --token-file FILE]\n"
              "                                                  --source: a source kept in the console's Settings, by\n"
              "                                                  its address, with its credentials. A password for a\n"
              "                                                  user@ address, or a bearer token, comes from the file\n"
              "                                                  (its first line) or from IC_ALERTS_PASSWORD or\n"
              "                                                  IC_ALERTS_TOKEN, so it never shows in the process list.\n"
              "\n"
              "Options:\n"
              "  --db FILE      The incident file (default: %1)\n"
              "  -h, --help     Show this help.\n"
              "  -v, --version  Show the version.\n"
              "\n"
              "KIND is one of detection, triage, action, decision, communication, note.\n"
              "Exit status: 0 on success, 1 when the work failed, 2 when the command line was wrong.\n")
        .arg(AppSettings::defaultDatabasePath());
}

QJsonObject incidentJson(const Incident &i)
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

} // namespace

CommandLineTool::CommandLineTool(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

CommandLineTool::~CommandLineTool() = default;

Status CommandLineTool::finishWriting(QTextStream &stream)
{
    stream.flush();
    QString problem;
    auto *file = qobject_cast<QFileDevice *>(stream.device());
    if (file && (!file->flush() || file->error() != QFileDevice::NoError)) { // QFile keeps a buffer of its own
        problem = file->errorString();
    } else if (stream.status() != QTextStream::Ok) {
        problem = tr("the stream failed");
    }
    FILE *standard = file && file->handle() == fileno(stderr) ? stderr : stdout;
    errno = 0;
    if (problem.isEmpty() && (std::fflush(standard) != 0 || std::ferror(standard))) {
        problem = QString::fromLocal8Bit(std::strerror(errno ? errno : EIO));
    }
    if (problem.isEmpty()) {
        return Status::success();
    }
    return Status::failure(tr("could not write to %1: %2")
                               .arg(standard == stderr ? tr("standard error") : tr("standard output"), problem));
}

bool CommandLineTool::needsFonts(int argc, const char *const *argv)
{
    // PDF and HTML lay Markdown out with QTextDocument, which reads the machine's fonts (without them Qt warns on
    // every heading).
    auto laidOut = [](QByteArrayView format) { return format == "pdf" || format == "html"; };
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        for (const char *option : {"--format", "-format"}) {
            const QByteArrayView name(option);
            if (arg == name && i + 1 < argc && laidOut(QByteArrayView(argv[i + 1]))) {
                return true;
            }
            if (arg.startsWith(name) && arg.size() > name.size() && arg[name.size()] == '='
                && laidOut(arg.sliced(name.size() + 1))) {
                return true;
            }
        }
    }
    return false;
}

int CommandLineTool::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption db(QStringLiteral("db"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"));
    const QCommandLineOption title(QStringLiteral("title"), QString(), QStringLiteral("T"));
    const QCommandLineOption severity(QStringLiteral("severity"), QString(), QStringLiteral("SEV-N"));
    const QCommandLineOption summary(QStringLiteral("summary"), QString(), QStringLiteral("S"));
    const QCommandLineOption drill(QStringLiteral("drill"));
    const QCommandLineOption incident(QStringLiteral("incident"), QString(), QStringLiteral("ID"));
    const QCommandLineOption text(QStringLiteral("text"), QString(), QStringLiteral("T"));
    const QCommandLineOption at(QStringLiteral("at"), QString(), QStringLiteral("ISO-8601"));
    const QCommandLineOption kind(QStringLiteral("kind"), QString(), QStringLiteral("KIND"));
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("FORMAT"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QString(), QStringLiteral("FILE"));
    const QCommandLineOption prometheus(QStringLiteral("prometheus"), QString(), QStringLiteral("URL"));
    const QCommandLineOption alertmanager(QStringLiteral("alertmanager"), QString(), QStringLiteral("URL"));
    const QCommandLineOption once(QStringLiteral("once"));
    const QCommandLineOption sourceOption(QStringLiteral("source"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption tokenFile(QStringLiteral("token-file"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption tableOption(QStringLiteral("table"), QString(), QStringLiteral("TABLE"));
    const QCommandLineOption zone(QStringLiteral("zone"), QString(), QStringLiteral("ZONE"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption version(QStringList{QStringLiteral("v"), QStringLiteral("version")});
    parser.addOptions({db, json, title, severity, summary, drill, incident, text, at, kind, format, output, prometheus,
                       alertmanager, once, tableOption, zone, help, version, sourceOption, passwordFile, tokenFile});

    auto usageError = [this](const QString &message) {
        m_err << "incident-console-cli: " << UntrustedText::forTerminal(message) << " (see --help)\n";
        m_err.flush();
        return Usage;
    };
    auto failure = [this](const QString &message) {
        // One line: scripts read the first line of stderr.
        m_err << "incident-console-cli: " << UntrustedText::forTerminal(QString(message).replace(u'\n', u' ')) << '\n';
        m_err.flush();
        return Failed;
    };

    if (!parser.parse(arguments)) {
        return usageError(parser.errorText());
    }
    if (parser.isSet(help)) {
        m_out << usageText();
        m_out.flush();
        return Ok;
    }
    if (parser.isSet(version)) {
        m_out << "incident-console-cli " << QStringLiteral(IC_VERSION) << '\n';
        m_out.flush();
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        return usageError(tr("no command given"));
    }
    QString command = positional.first();
    if (command == QStringLiteral("timeline")) {
        const QString sub = positional.value(1);
        if (sub != QStringLiteral("add") && sub != QStringLiteral("search")) {
            return usageError(tr("\"timeline\" takes the subcommand \"add\" or \"search\""));
        }
        command = QStringLiteral("timeline ") + sub;
    }

    // Each command takes only its own options, so a typo is caught rather than ignored.
    const QHash<QString, QSet<QString>> allowed{
        {QStringLiteral("list"), {QStringLiteral("json")}},
        {QStringLiteral("declare"),
         {QStringLiteral("title"), QStringLiteral("severity"), QStringLiteral("summary"), QStringLiteral("drill")}},
        {QStringLiteral("timeline add"),
         {QStringLiteral("incident"), QStringLiteral("text"), QStringLiteral("at"), QStringLiteral("kind")}},
        {QStringLiteral("timeline search"), {QStringLiteral("incident"), QStringLiteral("json")}},
        {QStringLiteral("export"), {QStringLiteral("format"), QStringLiteral("incident"), QStringLiteral("o"),
                                    QStringLiteral("table"), QStringLiteral("zone")}},
        {QStringLiteral("import"), {}},
        {QStringLiteral("alerts"),
         {QStringLiteral("prometheus"), QStringLiteral("alertmanager"), QStringLiteral("once"), QStringLiteral("json"),
          QStringLiteral("source"), QStringLiteral("password-file"), QStringLiteral("token-file")}},
    };
    if (!allowed.contains(command)) {
        return usageError(tr("unknown command \"%1\"").arg(command));
    }
    for (const QString &name : parser.optionNames()) {
        const QString canonical = name == QStringLiteral("output") ? QStringLiteral("o") : name;
        if (canonical != QStringLiteral("db") && !allowed.value(command).contains(canonical)) {
            return usageError(tr("\"%1\" does not take --%2").arg(command, name));
        }
    }
    const int expectedPositional = command == QStringLiteral("timeline search")                                  ? 3
                                   : command == QStringLiteral("timeline add") || command == QStringLiteral("import") ? 2
                                                                                                                     : 1;
    if (positional.size() != expectedPositional) {
        if (command == QStringLiteral("import") && positional.size() < 2) {
            return usageError(tr("\"import\" needs the FILE to import"));
        }
        if (command == QStringLiteral("timeline search") && positional.size() < 3) {
            return usageError(tr("\"timeline search\" needs the WORDS to find (quote several)"));
        }
        return usageError(tr("unexpected argument \"%1\"").arg(AlertSource::withoutCredentials(positional.last())));
    }

    auto parseId = [&](const QCommandLineOption &option, qint64 &id) {
        bool ok = false;
        id = parser.value(option).toLongLong(&ok);
        return ok && id > 0;
    };

    if (command == QStringLiteral("alerts")) {
        QList<AlertSource> sources;
        for (const auto &[option, kindOf] : {std::pair{&prometheus, AlertSource::Kind::Prometheus},
                                             std::pair{&alertmanager, AlertSource::Kind::Alertmanager}}) {
            for (const QString &value : parser.values(*option)) {
                const Result<AlertSource> source = AlertSource::fromAddress(kindOf, value);
                if (!source) {
                    return usageError(source.error());
                }
                sources.append(*source);
            }
        }
        // A secret from a file or the environment, never from the command line that `ps` shows.
        if (parser.isSet(passwordFile) && parser.isSet(tokenFile)) {
            return usageError(tr("give --password-file or --token-file, not both"));
        }
        auto secretFrom = [&](const QCommandLineOption &option, const char *variable) -> Result<QString> {
            if (!parser.isSet(option)) {
                return qEnvironmentVariable(variable);
            }
            QFile file(parser.value(option));
            if (!file.open(QIODevice::ReadOnly)) {
                return Status::failure(
                    tr("--%1 %2 cannot be read: %3").arg(option.names().first(), parser.value(option), file.errorString()));
            }
            return QString::fromUtf8(file.readLine()).remove(u'\n').remove(u'\r');
        };
        const Result<QString> password = secretFrom(passwordFile, "IC_ALERTS_PASSWORD");
        const Result<QString> token = secretFrom(tokenFile, "IC_ALERTS_TOKEN");
        for (const Result<QString> *secret : {&password, &token}) {
            if (!*secret) {
                return usageError(secret->error());
            }
        }
        for (AlertSource &source : sources) {
            if (source.auth == AlertSource::Auth::Basic && source.password.isEmpty()) {
                source.password = password.value(); // user@host given, its password kept out of the command line
            } else if (source.auth == AlertSource::Auth::None && !token->isEmpty()) {
                source.auth = AlertSource::Auth::Bearer;
                source.password = token.value();
            }
        }
        // Sources kept in Settings, by the address shown there, with their own credentials.
        for (const QString &wanted : parser.values(sourceOption)) {
            const QList<AlertSource> kept = AppSettings().alertSources();
            const auto found = std::find_if(kept.cbegin(), kept.cend(), [&](const AlertSource &k) {
                return k.name() == wanted || k.url.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash).toString()
                                                 == QUrl(wanted).adjusted(QUrl::StripTrailingSlash).toString();
            });
            if (found == kept.cend()) {
                return usageError(tr("--source \"%1\" is not a source in Settings").arg(AlertSource::withoutCredentials(wanted)));
            }
            sources.append(*found);
        }
        if (sources.isEmpty()) {
            return usageError(tr("\"alerts\" needs --prometheus URL, --alertmanager URL or --source NAME"));
        }
        return runAlerts(sources, parser.isSet(once), parser.isSet(json));
    }

    const QString path = parser.isSet(db) ? parser.value(db) : AppSettings::defaultDatabasePath();
    // Reading commands share the file with a running console; writing ones need it to themselves.
    const bool reads = command == QStringLiteral("list") || command == QStringLiteral("export")
                       || command == QStringLiteral("timeline search");
    Workspace workspace;
    workspace.setAuthor(AppSettings().authorName());
    if (const Status s = workspace.open(path, reads ? IncidentStore::Access::ReadOnly : IncidentStore::Access::ReadWrite);
        !s) {
        return failure(s.error());
    }
    IncidentStore &store = *workspace.store();

    if (command == QStringLiteral("list")) {
        const auto incidents = store.incidents();
        if (!incidents) {
            return failure(incidents.error());
        }
        if (parser.isSet(json)) {
            QJsonArray array;
            for (const Incident &i : incidents.value()) {
                array.append(incidentJson(i));
            }
            m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        } else {
            for (const Incident &i : incidents.value()) {
                m_out << qSetFieldWidth(8) << Qt::left << i.reference() << qSetFieldWidth(7)
                      << Severities::label(i.severity) << qSetFieldWidth(24) << Stages::title(i.stage)
                      << qSetFieldWidth(26) << StoredTime::toText(i.declaredAt) << qSetFieldWidth(0)
                      << (i.drill ? tr("[drill] ") : QString()) << UntrustedText::forTerminal(i.title) << '\n';
            }
        }
        m_out.flush();
        return Ok;
    }

    if (command == QStringLiteral("declare")) {
        if (!parser.isSet(title) || !parser.isSet(severity)) {
            return usageError(tr("\"declare\" needs --title and --severity"));
        }
        const auto level = Severities::fromLabel(parser.value(severity));
        if (!level) {
            return usageError(tr("--severity must be SEV-1, SEV-2 or SEV-3, not \"%1\"").arg(parser.value(severity)));
        }
        const auto id = workspace.declareIncident(parser.value(title), *level, parser.value(summary), parser.isSet(drill));
        if (!id) {
            return failure(id.error());
        }
        m_out << id.value() << '\n';
        m_out.flush();
        return Ok;
    }

    if (command == QStringLiteral("timeline search")) {
        qint64 incidentId = 0;
        if (parser.isSet(incident) && !parseId(incident, incidentId)) {
            return usageError(tr("--incident needs an incident id"));
        }
        const auto ids = store.searchTimeline(positional.at(2), incidentId, 1000);
        if (!ids) {
            return failure(ids.error());
        }
        const auto entries = store.timelineEntries(ids.value());
        if (!entries) {
            return failure(entries.error());
        }
        if (parser.isSet(json)) {
            QJsonArray array;
            for (const TimelineEntry &e : entries.value()) {
                array.append(QJsonObject{{QStringLiteral("id"), e.id},
                                         {QStringLiteral("incidentId"), e.incidentId},
                                         {QStringLiteral("occurredAt"), StoredTime::toText(e.occurredAt)},
                                         {QStringLiteral("kind"), TimelineEntry::kindKey(e.kind)},
                                         {QStringLiteral("author"), e.author},
                                         {QStringLiteral("text"), e.text}});
            }
            m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) << '\n';
        } else {
            for (const TimelineEntry &e : entries.value()) {
                const QString line = UntrustedText::forTerminal(QString(e.text).replace(u'\n', u' '));
                m_out << QStringLiteral("INC-%1  %2  %3\n").arg(e.incidentId).arg(StoredTime::toText(e.occurredAt), line);
            }
        }
        m_out.flush();
        return Ok;
    }

    if (command == QStringLiteral("timeline add")) {
        qint64 incidentId = 0;
        if (!parser.isSet(incident) || !parseId(incident, incidentId)) {
            return usageError(tr("\"timeline add\" needs --incident with an incident id"));
        }
        if (!parser.isSet(text)) {
            return usageError(tr("\"timeline add\" needs --text"));
        }
        QDateTime when;
        if (parser.isSet(at)) {
            when = StoredTime::parse(parser.value(at));
            if (!when.isValid()) {
                return usageError(
                    tr("--at \"%1\" is not an ISO-8601 time with a zone, like 2026-11-29T14:05:00Z").arg(parser.value(at)));
            }
        }
        auto entryKind = TimelineEntry::Kind::Note;
        if (parser.isSet(kind)) {
            const auto k = TimelineEntry::kindFromKey(parser.value(kind));
            if (!k) {
                return usageError(tr("--kind \"%1\" is not a kind of entry").arg(parser.value(kind)));
            }
            entryKind = *k;
        }
        if (const auto found = store.incident(incidentId); !found) {
            return failure(found.error());
        }
        const auto id = workspace.addTimelineEntry(incidentId, parser.value(text), entryKind, when);
        if (!id) {
            return failure(id.error());
        }
        m_out << id.value() << '\n';
        m_out.flush();
        return Ok;
    }

    if (command == QStringLiteral("export")) {
        const QString fmt = parser.isSet(format) ? parser.value(format) : QStringLiteral("json");
        const QString table = parser.isSet(tableOption) ? parser.value(tableOption) : QStringLiteral("timeline");
        if (table != u"timeline" && table != u"action-items") {
            return usageError(tr("--table is \"timeline\" or \"action-items\", not \"%1\"").arg(table));
        }
        if (parser.isSet(tableOption) && fmt != u"csv") {
            return usageError(tr("--table goes with --format csv"));
        }
        const auto chosen = ExportFormats::fromKey(fmt == u"csv" && table == u"action-items" ? QStringLiteral("csv-action-items") : fmt);
        if (!chosen || fmt == u"csv-action-items") {
            return usageError(tr("--format is json, markdown, html, pdf, csv or sqlite, not \"%1\"").arg(fmt));
        }
        ExportRequest request;
        request.format = *chosen;
        if (parser.isSet(incident)) {
            qint64 incidentId = 0;
            if (!parseId(incident, incidentId)) {
                return usageError(tr("--incident needs an incident id"));
            }
            request.incidentId = incidentId;
        }
        if (parser.isSet(zone)) {
            const QTimeZone chosenZone(parser.value(zone).toUtf8());
            if (!chosenZone.isValid()) {
                return usageError(tr("--zone \"%1\" is not a time zone this machine knows (e.g. UTC, Europe/Berlin)")
                                      .arg(parser.value(zone)));
            }
            request.zone = chosenZone;
        }
        if (request.format == ExportFormat::Pdf && !qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
            return failure(tr("PDF needs the fonts of a graphical session; run through incident-console-cli itself."));
        }
        if (parser.isSet(output)) {
            if (const Status s = IncidentExporter::exportToFile(store, request, parser.value(output)); !s) {
                return failure(s.error());
            }
            return Ok;
        }
        if (request.format == ExportFormat::Sqlite) {
            return usageError(tr("--format sqlite writes a file: give it with -o FILE"));
        }
        m_out.flush();
        // A terminal runs the escape sequences a file's text may hold: it gets them shown, not run.
        if (isatty(fileno(stdout)) && m_out.device() && qobject_cast<QFileDevice *>(m_out.device())
            && qobject_cast<QFileDevice *>(m_out.device())->handle() == fileno(stdout)) {
            if (request.format == ExportFormat::Pdf) {
                return usageError(tr("--format pdf writes a binary file: give it with -o FILE"));
            }
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            if (const Status s = IncidentExporter::exportToDevice(store, request, buffer); !s) {
                return failure(s.error());
            }
            m_out << UntrustedText::forTerminal(QString::fromUtf8(bytes), false);
            m_out.flush();
            return Ok;
        }
        QFile standardOutput;
        QIODevice *device = m_out.device();
        if (!device) {
            if (!standardOutput.open(stdout, QIODevice::WriteOnly)) {
                return failure(tr("Could not write to standard output."));
            }
            device = &standardOutput;
        }
        if (const Status s = IncidentExporter::exportToDevice(store, request, *device); !s) {
            return failure(s.error());
        }
        return Ok;
    }

    // import
    const auto summaryResult = JsonExchange::importFile(store, positional.at(1));
    if (!summaryResult) {
        return failure(summaryResult.error());
    }
    m_out << summaryResult->describe() << '\n';
    m_out.flush();
    return Ok;
}

int CommandLineTool::runAlerts(const QList<AlertSource> &sources, bool once, bool json)
{
    // The same poller, decoder and merge as the window, on this thread's event loop.
    m_poller = std::make_unique<AlertPoller>();
    AlertPoller &poller = *m_poller;
    QHash<QString, SourceStatus> statuses;
    QEventLoop loop;
    int exitCode = Ok;

    // Worst first, then oldest; keys computed once, not in every comparison. An alert's JSON is written where it
    // is read, then framed in this order.
    struct Printed
    {
        int rank;
        qint64 since;
        quint64 identity; // the hash the identity's hex digits spell: alerts often share a start time
        const Alert *alert; // none when printed straight from the answer
        qsizetype jsonBegin;
        qsizetype jsonSize;
    };
    std::vector<Printed> printed;
    ByteBuffer written(1 << 20);
    auto printSorted = [&] {
        std::sort(printed.begin(), printed.end(), [](const Printed &x, const Printed &y) {
            if (x.rank != y.rank) {
                return x.rank < y.rank;
            }
            return x.since != y.since ? x.since < y.since : x.identity < y.identity;
        });
        if (json) {
            ByteBuffer bytes(written.size() + qsizetype(printed.size()) * 2 + 16);
            bytes.append('[');
            for (size_t i = 0; i < printed.size(); ++i) {
                bytes.append(i == 0 ? "\n" : ",\n");
                bytes.append(written.view().sliced(printed[i].jsonBegin, printed[i].jsonSize));
            }
            bytes.append(printed.empty() ? "]\n" : "\n]\n");
            m_out.flush();
            if (m_out.device()) {
                m_out.device()->write(bytes.view().data(), bytes.size());
            } else {
                m_out << QString::fromUtf8(bytes.view());
            }
        } else {
            for (const Printed &p : printed) {
                const Alert &a = *p.alert;
                // What a server sent is shown, never run: a label could hold escape sequences or line breaks.
                m_out << qSetFieldWidth(11) << Qt::left << Alert::stateKey(a.state) << qSetFieldWidth(8)
                      << UntrustedText::forTerminal(a.severity()) << qSetFieldWidth(28)
                      << UntrustedText::forTerminal(a.alertName()) << qSetFieldWidth(0)
                      << UntrustedText::forTerminal(a.annotation(u"summary")) << '\n';
            }
            m_out << tr("%1 alerts").arg(printed.size()) << '\n';
        }
        m_out.flush();
    };

    // The poller already holds the merged alerts: print from them rather than keeping a second copy.
    auto print = [&] {
        const QList<const Alert *> current = poller.currentAlertsInPlace();
        printed.clear();
        printed.reserve(size_t(current.size()));
        written.clear();
        for (const Alert *a : current) {
            const qsizetype begin = written.size();
            if (json) {
                AlertJson::appendCompact(written, *a);
            }
            printed.push_back({LiveAlertModel::severityRank(a->severity()),
                               a->activeSince.isValid() ? a->activeSince.toMSecsSinceEpoch() : 0,
                               a->identity.toULongLong(nullptr, 16), a, begin, written.size() - begin});
        }
        printSorted();
    };

    // One source printed once as JSON: its answer is read straight into the output, in UTF-8 throughout, never
    // turned into QStrings and back. With more sources the merge (one alert per label set) needs the alerts.
    const bool straightFromTheAnswer = once && json && sources.size() == 1;
    if (straightFromTheAnswer) {
        poller.setAnswerReader([&](AlertDecoder &decoder, AlertDecoder::Format format, const QByteArray &body,
                                   const QString &source) -> Result<int> {
            const QStringList sourceList{source};
            QHash<quint64, size_t> at; // the same labels twice in one answer: the last copy counts, as in the window
            std::vector<std::pair<std::string, int>> ranks; // the few severity words, each ranked once
            printed.clear();
            written.clear();
            const Status read = decoder.readEach(format, body, [&](const AlertDecoder::AlertView &a) {
                const qsizetype begin = written.size();
                AlertJson::appendCompact(written, a, sourceList);
                const std::string_view severity = a.label("severity");
                auto rank = std::find_if(ranks.begin(), ranks.end(), [&](const auto &r) { return r.first == severity; });
                if (rank == ranks.end()) {
                    ranks.emplace_back(std::string(severity),
                                       LiveAlertModel::severityRank(QString::fromUtf8(severity.data(), qsizetype(severity.size()))));
                    rank = ranks.end() - 1;
                }
                qint64 since = 0;
                if (!FastIsoTime::parse(a.activeSince, since)) {
                    since = 0;
                }
                const Printed p{rank->second, since, a.identity, nullptr, begin, written.size() - begin};
                if (const auto known = at.constFind(a.identity); known != at.cend()) {
                    printed[*known] = p;
                } else {
                    at.insert(a.identity, printed.size());
                    printed.push_back(p);
                }
            });
            if (!read) {
                return read;
            }
            return int(printed.size());
        });
    }

    if (!once) {
        QObject::connect(&poller, &AlertPoller::alertsChanged, &loop, [&] { print(); });
    }
    QObject::connect(&poller, &AlertPoller::sourceStatusChanged, &loop, [&](const SourceStatus &status) {
        const bool firstAnswer = !statuses.contains(status.source);
        statuses.insert(status.source, status);
        if (status.isFailing() && (once || firstAnswer)) {
            m_err << "incident-console-cli: " << UntrustedText::forTerminal(status.source + u": " + status.lastError) << '\n';
            m_err.flush();
        }
        if (once && statuses.size() == sources.size()) {
            const bool anyFailed = std::any_of(statuses.begin(), statuses.end(), [](const SourceStatus &s) { return s.isFailing(); });
            exitCode = anyFailed ? Failed : Ok;
            if (!anyFailed) {
                if (straightFromTheAnswer) {
                    printSorted();
                } else {
                    print();
                }
            }
            loop.quit();
        }
    });
    poller.setSources(sources);
    loop.exec();
    if (!once) {
        poller.stop();
    } // --once: the tool keeps the poller for the caller to end without tearing 10,000 alerts down
    poller.setAnswerReader({}); // it refers to this function's locals
    return exitCode;
}
