#include "ConsolePalette.h"

#include <cmath>

namespace ConsolePalette {

QColor severity(Severity s)
{
    switch (s) {
    case Severity::Sev1:
        return QColor(0xc6, 0x28, 0x28);
    case Severity::Sev2:
        return QColor(0xb3, 0x47, 0x00); // orange dark enough to read as words
    case Severity::Sev3:
        return QColor(0x7a, 0x60, 0x00);
    }
    return QColor(0x4f, 0x5b, 0x6a);
}

QColor severityTint(Severity s)
{
    switch (s) {
    case Severity::Sev1:
        return QColor(0xfd, 0xec, 0xec);
    case Severity::Sev2:
        return QColor(0xff, 0xf1, 0xe3);
    case Severity::Sev3:
        return QColor(0xfb, 0xf6, 0xdf);
    }
    return Qt::white;
}

QColor alarm()
{
    return QColor(0xb7, 0x1c, 0x1c);
}

QColor alarmTint()
{
    return QColor(0xff, 0xe3, 0xe3);
}

QColor caution()
{
    return QColor(0x8a, 0x4b, 0x00);
}

QColor cautionTint()
{
    return QColor(0xff, 0xf6, 0xe0);
}

QColor cautionBorder()
{
    return QColor(0xe8, 0xc6, 0x6a);
}

QColor ok()
{
    return QColor(0x2e, 0x7d, 0x32);
}

QColor quiet()
{
    return QColor(0x4f, 0x5b, 0x6a);
}

QColor faint()
{
    return QColor(0x8a, 0x8f, 0x98);
}

QColor border()
{
    return QColor(0xd0, 0xd4, 0xda);
}

QColor searchMark()
{
    return QColor(0xff, 0xe0, 0x66);
}

QColor keyMoment()
{
    return QColor(0xff, 0xf4, 0xd6);
}

QString textStyle(const QColor &color, bool bold)
{
    return bold ? QStringLiteral("color: %1; font-weight: 600;").arg(color.name())
                : QStringLiteral("color: %1;").arg(color.name());
}

double contrast(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace ConsolePalette
