#include "AppSettings.h"
#include "CommandLineTool.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <cstdlib>
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
    CommandLineTool tool(out, err);
    int code = tool.run(QCoreApplication::arguments());
    // A full disk or a closed pipe is a failure, not a success: scripts go by the exit status.
    if (const Status written = CommandLineTool::finishWriting(out); !written && code == 0) {
        err << "incident-console-cli: " << written.error() << '\n';
        code = 1;
    }
    if (tool.mayExitWithoutTeardown()) {
        // Everything is written and no file is open: the operating system takes the memory back faster than
        // 10,000 alerts' destructors give it (compilers end the same way).
        CommandLineTool::finishWriting(err).ok();
        std::_Exit(code);
    }
    return code;
}
