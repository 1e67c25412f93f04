#pragma once

#include "AlertSource.h"

#include <QList>
#include <QStringList>
#include <QTextStream>

// incident-console-cli: the same store and edits as the window, for scripts. Exit code 0 on success;
// otherwise one line on stderr saying why (1: the work failed, 2: the command line was wrong).
class CommandLineTool final
{
public:
    CommandLineTool(QTextStream &out, QTextStream &err);
    int run(const QStringList &arguments);
    // A PDF export lays text out with the machine's fonts, which needs a QGuiApplication (offscreen is enough).
    static bool needsFonts(int argc, const char *const *argv);

private:
    int runAlerts(const QList<AlertSource> &sources, bool once, bool json);

    QTextStream &m_out;
    QTextStream &m_err;
};
