#include "FileHolder.h"

#include <QFile>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace {

// The process whose lock would conflict with a write lock on [start, start + length), or 0.
qint64 holderOfRange(int fd, off_t start, off_t length)
{
    struct flock probe = {};
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    probe.l_start = start;
    probe.l_len = length;
    if (fcntl(fd, F_GETLK, &probe) != 0) {
        return -1;
    }
    return probe.l_type == F_UNLCK ? 0 : qint64(probe.l_pid);
}

qint64 holderOf(const QString &path, off_t start, off_t length)
{
    const int fd = open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return errno == ENOENT ? 0 : -1;
    }
    const qint64 holder = holderOfRange(fd, start, length);
    close(fd);
    return holder;
}

} // namespace

namespace FileHolder {

qint64 sqliteHolder(const QString &databasePath)
{
    // SQLite's unix locking (documented with its file formats): the database's pending, reserved and shared bytes
    // start at 1 GiB; a WAL connection holds byte 128 of the -shm file (the "DMS" lock) while it is open.
    constexpr off_t kPendingByte = 0x40000000;
    constexpr off_t kLockBytes = 2 + 510;
    constexpr off_t kShmDmsByte = 128;
    const qint64 onFile = holderOf(databasePath, kPendingByte, kLockBytes);
    if (onFile != 0) {
        return onFile;
    }
    return holderOf(databasePath + QStringLiteral("-shm"), kShmDmsByte, 1);
}

int claimLockFile(const QString &lockPath)
{
    const int fd = open(QFile::encodeName(lockPath).constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0 || holderOfRange(fd, 0, 0) != 0) { // fcntl locks, which some Qt builds take
        close(fd);
        return -1;
    }
    return fd;
}

} // namespace FileHolder
