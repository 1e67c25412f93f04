#include "AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace AtomicFile {

Status write(const QString &path, const QByteArray &contents)
{
    const QString name = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Status::failure(
            QCoreApplication::translate("AtomicFile", "%1 cannot be written: %2.").arg(name, file.errorString()));
    }
    if (file.write(contents) != contents.size()) {
        file.cancelWriting();
        return Status::failure(
            QCoreApplication::translate("AtomicFile", "%1 could not be written: %2.").arg(name, file.errorString()));
    }
    if (!file.commit()) {
        return Status::failure(
            QCoreApplication::translate("AtomicFile", "%1 could not be saved: %2.").arg(name, file.errorString()));
    }
    return Status::success();
}

} // namespace AtomicFile
