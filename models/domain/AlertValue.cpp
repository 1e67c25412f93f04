#include "AlertValue.h"

#include "Alert.h"

#include <QLocale>

#include <cmath>

namespace AlertValue {

QString unitOf(const Alert &alert)
{
    const QString annotated = alert.annotation(u"unit").trimmed().toLower();
    if (!annotated.isEmpty()) {
        return annotated;
    }
    const QString metric = alert.label(u"__name__");
    for (const auto &[suffix, unit] : {std::pair{u"_seconds", u"seconds"}, std::pair{u"_bytes", u"bytes"},
                                       std::pair{u"_ratio", u"ratio"}, std::pair{u"_total", u"per_second"}}) {
        if (metric.endsWith(QStringView(suffix))) {
            return QString::fromUtf16(unit);
        }
    }
    return {};
}

QString twoSignificant(double value)
{
    if (value == 0 || !std::isfinite(value)) {
        return value == 0 ? QStringLiteral("0") : QLocale::c().toString(value);
    }
    const int digits = int(std::floor(std::log10(std::fabs(value)))) + 1; // before the point
    const int decimals = std::max(0, 2 - digits);
    const double scale = std::pow(10.0, digits - 2);
    const double rounded = std::round(value / scale) * scale;
    return QLocale::c().toString(rounded, 'f', decimals);
}

QString readable(const QString &raw, const QString &unit)
{
    bool ok = false;
    const double v = raw.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        return raw; // "NaN", "+Inf" or words: as given
    }
    const QString u = unit.toLower();
    if (u == u"seconds" || u == u"s") {
        const double a = std::fabs(v);
        if (a > 0 && a < 1e-3) {
            return twoSignificant(v * 1e6) + QStringLiteral(" µs");
        }
        if (a < 1) {
            return twoSignificant(v * 1e3) + QStringLiteral(" ms");
        }
        if (a < 120) {
            return twoSignificant(v) + QStringLiteral(" s");
        }
        return a < 7200 ? twoSignificant(v / 60) + QStringLiteral(" min") : twoSignificant(v / 3600) + QStringLiteral(" h");
    }
    if (u == u"bytes" || u == u"b") {
        static const char16_t *units[] = {u"B", u"KiB", u"MiB", u"GiB", u"TiB"};
        double x = v;
        int i = 0;
        while (std::fabs(x) >= 1024 && i < 4) {
            x /= 1024;
            ++i;
        }
        return twoSignificant(x) + u' ' + QString::fromUtf16(units[i]);
    }
    if (u == u"ratio") {
        return twoSignificant(v * 100) + QStringLiteral(" %");
    }
    if (u == u"percent" || u == u"%") {
        return twoSignificant(v) + QStringLiteral(" %");
    }
    if (u == u"per_second" || u == u"rate" || u == u"/s") {
        return twoSignificant(v) + QStringLiteral(" /s");
    }
    return twoSignificant(v);
}

QString readable(const Alert &alert)
{
    return alert.value.isEmpty() ? QString() : readable(alert.value, unitOf(alert));
}

} // namespace AlertValue
