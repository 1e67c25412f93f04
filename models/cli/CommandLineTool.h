#pragma once

#include "AlertPoller.h"
#include "AlertSource.h"

#include <QList>
#include <QStringList>
#include <QTextStream>

#include <memory>

// incident-console-cli: the same store and edits as the window, for scripts. Exit code 0 on success;
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
    bool mayExitWithoutTeardown() const { return m_poller != nullptr; }

private:
    int runAlerts(const QList<AlertSource> &sources, bool once, bool json);

    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<AlertPoller> m_poller; // kept past run(): freeing 10,000 merged alerts is a tenth of `alerts --once`
};
