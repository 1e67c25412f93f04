#pragma once

#include <QString>

struct Alert;

// An alert's value as people read it: "150 ms", not "1.5e-01"; "42 %", "1.2 MiB", "4100 /s"; two significant
// digits. The unit comes from the alert's "unit" annotation (seconds, bytes, ratio, percent, per_second), else
// from the suffix of a metric name it carries (__name__): _seconds, _bytes, _ratio, _total (a rate, per second).
namespace AlertValue {
QString unitOf(const Alert &alert);
QString readable(const QString &raw, const QString &unit);
QString readable(const Alert &alert); // the alert's own value, in its unit
QString twoSignificant(double value);
} // namespace AlertValue
