#include "AppSettings.h"
#include "CommandLineTool.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    AppSettings::applyIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    return CommandLineTool(out, err).run(QCoreApplication::arguments());
}
