// libFuzzer: any bytes as an incident file someone sent, opened for reading and for writing, and read as the window
// and the exports do. A file is refused with a reason or read; nothing in it runs.
#include "IncidentExporter.h"
#include "IncidentStore.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

namespace {
QTemporaryDir *dir = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    dir = new QTemporaryDir;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = dir->filePath(QStringLiteral("sent.sqlite"));
    for (const char *suffix : {"", "-wal", "-shm", ".lock"}) {
        QFile::remove(path + QLatin1String(suffix));
    }
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size)) {
            return 0;
        }
    }
    for (const auto access : {IncidentStore::Access::ReadOnly, IncidentStore::Access::ReadWrite}) {
        IncidentStore store;
        if (!store.open(path, access).ok()) {
            continue;
        }
        const auto incidents = store.incidents();
        if (incidents && !incidents->isEmpty()) {
            (void)store.timeline(incidents->first().id, true);
            (void)store.searchTimeline(QStringLiteral("rolled back"));
            QByteArray bytes;
            QBuffer out(&bytes);
            out.open(QIODevice::WriteOnly);
            ExportRequest request;
            request.format = ExportFormat::CsvTimeline;
            (void)IncidentExporter::exportToDevice(store, request, out);
        }
    }
    return 0;
}
