// libFuzzer: any bytes imported as a JSON export into a real incident file; all or nothing, never a crash.
#include "IncidentStore.h"
#include "JsonExchange.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {
IncidentStore *store = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    static QTemporaryDir dir;
    store = new IncidentStore;
    if (!dir.isValid() || !store->open(dir.filePath(QStringLiteral("fuzz.sqlite"))).ok()) {
        std::abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)JsonExchange::importJson(*store, QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
