#include "CommandLineTool.h"

#include "AlertSource.h"
#include "AppSettings.h"
#include "CliCommand.h"
#include "UntrustedText.h"
#include "Workspace.h"

#include <QCoreApplication>
#include <QFileDevice>
#include <QSet>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace {

const auto tr = cliText;

} // namespace

CommandLineTool::CommandLineTool(QTextStream &out, QTextStream &err)
    : m_out(out), m_err(err), m_commands(CliCommands::all())
{}

CommandLineTool::~CommandLineTool() = default;

bool CommandLineTool::mayExitWithoutTeardown() const
{
    return m_ran && m_ran->mayExitWithoutTeardown();
}

QString CommandLineTool::usageText() const
{
    QString commands;
    for (const auto &command : m_commands) {
        commands += command->usage();
    }
    return tr("Usage: incident-console-cli [--db FILE|URL] COMMAND [OPTIONS]\n"
              "\n"
              "Commands:\n"
              "%1"
              "\n"
              "Options:\n"
              "  --db FILE      The incident file (default: %2)\n"
              "  --db URL       A team database: postgresql://user@host:port/database; the password from\n"
              "                 the URL, PGPASSWORD or ~/.pgpass, never printed\n"
              "  -h, --help     Show this help.\n"
              "  -v, --version  Show the version.\n"
              "\n"
              "KIND is one of detection, triage, action, decision, communication, note.\n"
              "Exit status: 0 on success, 1 when the work failed, 2 when the command line was wrong.\n")
        .arg(commands, AppSettings::defaultDatabasePath());
}

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
            if (arg.startsWith(name) && arg.size() > name.size() && arg[name.size()] == '=' &&
                laidOut(arg.sliced(name.size() + 1))) {
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
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption version(QStringList{QStringLiteral("v"), QStringLiteral("version")});
    parser.addOptions({db, help, version});
    // Every command's options are known to the parser; each command then takes only its own.
    QSet<QString> known{QStringLiteral("db"), QStringLiteral("h"), QStringLiteral("v")};
    for (const auto &command : m_commands) {
        for (const QCommandLineOption &option : command->options()) {
            if (!known.contains(option.names().first())) {
                known.insert(option.names().first());
                parser.addOption(option);
            }
        }
    }
    CliContext usage(parser, {}, m_out, m_err);

    if (!parser.parse(arguments)) {
        return usage.usageError(parser.errorText());
    }
    if (parser.isSet(help)) {
        m_out << usageText();
        return usage.done();
    }
    if (parser.isSet(version)) {
        m_out << "incident-console-cli " << QStringLiteral(IC_VERSION) << '\n';
        return usage.done();
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        return usage.usageError(tr("no command given"));
    }
    // A command's name is one word or two ("timeline add"); the longest that matches wins.
    CliCommand *command = nullptr;
    qsizetype nameWords = 0;
    for (const auto &candidate : m_commands) {
        const QStringList words = candidate->name().split(u' ');
        if (positional.size() >= words.size() && positional.first(words.size()) == words && words.size() > nameWords) {
            command = candidate.get();
            nameWords = words.size();
        }
    }
    if (!command) {
        QStringList subcommands;
        for (const auto &candidate : m_commands) {
            if (candidate->name().startsWith(positional.first() + u' ')) {
                subcommands.append(u'"' + candidate->name().section(u' ', 1) + u'"');
            }
        }
        if (!subcommands.isEmpty()) {
            return usage.usageError(
                tr("\"%1\" takes the subcommand %2").arg(positional.first(), subcommands.join(tr(" or "))));
        }
        return usage.usageError(tr("unknown command \"%1\"").arg(positional.first()));
    }
    QSet<QString> allowed{QStringLiteral("db")};
    for (const QCommandLineOption &option : command->options()) {
        for (const QString &name : option.names()) {
            allowed.insert(name);
        }
    }
    for (const QString &name : parser.optionNames()) {
        if (!allowed.contains(name)) {
            return usage.usageError(tr("\"%1\" does not take --%2").arg(command->name(), name));
        }
    }
    const QStringList words = positional.sliced(nameWords);
    if (words.size() != command->argumentCount()) {
        if (words.size() < command->argumentCount()) {
            return usage.usageError(command->missingArguments());
        }
        return usage.usageError(
            tr("unexpected argument \"%1\"").arg(AlertSource::withoutCredentials(positional.last())));
    }

    CliContext context(parser, words, m_out, m_err);
    m_ran = command;
    if (command->file() == CliCommand::File::None) {
        return command->run(context);
    }
    const QString path = parser.isSet(db) ? parser.value(db) : AppSettings::defaultDatabasePath();
    Workspace workspace;
    workspace.setAuthor(AppSettings().authorName());
    const auto access =
        command->file() == CliCommand::File::Read ? IncidentStore::Access::ReadOnly : IncidentStore::Access::ReadWrite;
    if (const Status s = workspace.open(path, access); !s) {
        return context.failure(s.error());
    }
    context.workspace = &workspace;
    return command->run(context);
}
