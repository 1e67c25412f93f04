#include "PngFile.h"

#include "AtomicFile.h"

#include <QBuffer>
#include <QCoreApplication>

namespace PngFile {

Status write(const QImage &image, const QString &path)
{
    if (image.isNull()) {
        return Status::failure(QCoreApplication::translate("PngFile", "There is no picture to save."));
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) {
        return Status::failure(QCoreApplication::translate("PngFile", "Could not encode the picture as PNG."));
    }
    return AtomicFile::write(path, bytes);
}

} // namespace PngFile
