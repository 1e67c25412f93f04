#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>

class QSaveFile;

// Writes a whole file or nothing: the old file stays intact until the new one is complete on disk.
namespace AtomicFile {
Status write(const QString &path, const QByteArray &contents);
// Finishes a QSaveFile that was written to: its last buffer flushed and synced to disk, each step checked (QSaveFile
// does not check the flush it makes itself), then moved over the old file. On any failure the new file is dropped,
// the old one is left as it was, and the error says why ("No space left on device").
Status commit(QSaveFile &file);
} // namespace AtomicFile
