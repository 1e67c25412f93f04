#include "AppSettings.h"
#include "CommandLineTool.h"

#include <QCoreApplication>
#include <QFileDevice>
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
    const int code = tool.run(QCoreApplication::arguments());
    if (tool.mayExitWithoutTeardown()) {
        // Everything is written and no file is open: the operating system takes the memory back faster than
        // 10,000 alerts' destructors give it (compilers end the same way).
        for (QTextStream *stream : {&out, &err}) {
            stream->flush();
            if (auto *file = qobject_cast<QFileDevice *>(stream->device())) {
                file->flush(); // QFile keeps small writes in a buffer of its own
            }
        }
        std::fflush(stdout);
        std::fflush(stderr);
        std::_Exit(code);
    }
    return code;
}
