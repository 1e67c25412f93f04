#pragma once

#include "Result.h"

#include <QList>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <vector>

class CliCommand;

// incident-console-cli: the same store and edits as the window, for scripts. It parses the command line, finds the
// command in the table (CliCommand.h), checks its options and opens the file it needs. Exit code 0 on success;
// otherwise one line on stderr saying why (1: the work failed, 2: the command line was wrong).
class CommandLineTool final
{
public:
    CommandLineTool(QTextStream &out, QTextStream &err);
    ~CommandLineTool();
    int run(const QStringList &arguments);
    // A PDF or HTML export lays text out with the machine's fonts, which needs a QGuiApplication (offscreen is enough).
    static bool needsFonts(int argc, const char *const *argv);
    // Flushes a stream on standard output or error down to the file descriptor, saying what failed ("No space left
    // on device") when any of it could not be written.
    static Status finishWriting(QTextStream &stream);
    // True after a command that opened no file (alerts): the process may end without freeing what it holds.
    bool mayExitWithoutTeardown() const;
    // --help: the tool's options around each command's own lines, in the table's order.
    QString usageText() const;

private:
    QTextStream &m_out;
    QTextStream &m_err;
    std::vector<std::unique_ptr<CliCommand>> m_commands; // the table of commands (CliCommands::all())
    CliCommand *m_ran = nullptr;
};
