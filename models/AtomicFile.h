#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>

// Writes a whole file or nothing: the old file stays intact until the new one is complete on disk.
namespace AtomicFile {
Status write(const QString &path, const QByteArray &contents);
}
