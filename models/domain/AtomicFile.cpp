#include "AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AtomicFile", text);
}

} // namespace

namespace AtomicFile {

Status commit(QSaveFile &file)
{
    const QString name = QDir::toNativeSeparators(file.fileName());
    QString problem;
    if (file.error() != QFileDevice::NoError) {
        problem = file.errorString();
    } else if (!file.flush()) {
        problem = file.errorString();
    } else if (file.handle() >= 0 && ::fsync(file.handle()) != 0) {
        problem = QString::fromLocal8Bit(std::strerror(errno));
    }
    if (!problem.isEmpty()) {
        file.cancelWriting();
        return Status::failure(tr("%1 could not be written: %2. The file was left as it was.").arg(name, problem));
    }
    if (!file.commit()) {
        return Status::failure(tr("%1 could not be saved: %2. The file was left as it was.").arg(name, file.errorString()));
    }
    return Status::success();
}

Status write(const QString &path, const QByteArray &contents)
{
    const QString name = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Status::failure(tr("%1 cannot be written: %2.").arg(name, file.errorString()));
    }
    if (file.write(contents) != contents.size()) {
        const QString problem = file.errorString();
        file.cancelWriting();
        return Status::failure(tr("%1 could not be written: %2. The file was left as it was.").arg(name, problem));
    }
    return commit(file);
}

} // namespace AtomicFile
