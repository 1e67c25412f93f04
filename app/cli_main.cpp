#include "AppSettings.h"
#include "CommandLineTool.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (CommandLineTool::needsFonts(argc, argv)) {
        // No window is shown: the offscreen platform gives fonts without a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    AppSettings::applyIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    return CommandLineTool(out, err).run(QCoreApplication::arguments());
}
