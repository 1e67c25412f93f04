#pragma once

#include "Result.h"

#include <QImage>
#include <QString>

// Saving a picture (a chart) as a PNG, whole or not at all, so widgets do no file I/O of their own.
namespace PngFile {
Status write(const QImage &image, const QString &path);
}
