#pragma once

#include <QList>
#include <QString>

#include <algorithm>

// How the benchmarks report a set of timings: the median (typical) and the maximum (the worst a user would see).
inline double median(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return ms.isEmpty() ? 0 : ms.at(ms.size() / 2);
}

inline QString stats(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return QStringLiteral("median %1 ms, max %2 ms over %3 runs")
        .arg(ms.at(ms.size() / 2), 0, 'f', 2)
        .arg(ms.last(), 0, 'f', 2)
        .arg(ms.size());
}
