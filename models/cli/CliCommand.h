#pragma once

#include "Result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <vector>

class Workspace;

// What a command of incident-console-cli works with, and how it ends: 0 done, 1 the work failed (one line on stderr),
// 2 the command line was wrong.
class CliContext final
{
public:
    enum Exit
    {
        Ok = 0,
        Failed = 1,
        Usage = 2
    };

    CliContext(const QCommandLineParser &parser, QStringList arguments, QTextStream &out, QTextStream &err)
        : parser(parser), arguments(std::move(arguments)), out(out), err(err)
    {}

    const QCommandLineParser &parser;
    QStringList arguments; // the positional words after the command's name
    QTextStream &out;
    QTextStream &err;
    Workspace *workspace = nullptr; // the open file, for a command that asked for one

    bool isSet(const char *option) const { return parser.isSet(QString::fromLatin1(option)); }
    QString value(const char *option) const { return parser.value(QString::fromLatin1(option)); }
    QStringList values(const char *option) const { return parser.values(QString::fromLatin1(option)); }
    // A positive whole number, or 0 when the option holds anything else.
    qint64 id(const char *option) const;
    qint64 incidentId(const char *option) const; // "7" or "INC-7"; 0 when it is neither

    int usageError(const QString &message) const;
    int failure(const QString &message) const;
    int done() const;
};

// One command: its name, its lines of --help, the options it takes (any other is refused, so a typo is caught rather
// than ignored), and the work.
class CliCommand
{
public:
    enum class File
    {
        None,
        Read,
        Write
    }; // reading commands share the file with a running console

    virtual ~CliCommand() = default;
    virtual QString name() const = 0; // "timeline add"
    virtual QString usage() const = 0;
    virtual QList<QCommandLineOption> options() const { return {}; }
    virtual int argumentCount() const { return 0; }         // positional words after the name
    virtual QString missingArguments() const { return {}; } // said when fewer are given
    virtual File file() const { return File::Read; }
    virtual int run(CliContext &context) = 0;
    // True after a run that opened no file: the process may end without freeing what the command holds.
    virtual bool mayExitWithoutTeardown() const { return false; }
};

// The command line's words, in its translation context.
inline QString cliText(const char *text)
{
    return QCoreApplication::translate("CommandLineTool", text);
}

inline QCommandLineOption flagOption(const char *name)
{
    return QCommandLineOption(QString::fromLatin1(name));
}

inline QCommandLineOption valueOption(const char *name, const char *valueName)
{
    return QCommandLineOption(QString::fromLatin1(name), QString(), QString::fromLatin1(valueName));
}

// The table of commands, in the order --help lists them.
namespace CliCommands {
std::vector<std::unique_ptr<CliCommand>> all();

std::unique_ptr<CliCommand> list();
std::unique_ptr<CliCommand> declare();
std::unique_ptr<CliCommand> timelineAdd();
std::unique_ptr<CliCommand> timelineSearch();
std::unique_ptr<CliCommand> exportRecord();
std::unique_ptr<CliCommand> importRecord();
std::unique_ptr<CliCommand> alerts();
} // namespace CliCommands
