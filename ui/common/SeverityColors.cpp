#include "SeverityColors.h"

namespace SeverityColors {

QColor accent(Severity s)
{
    switch (s) {
    case Severity::Sev1:
        return QColor(0xc6, 0x28, 0x28);
    case Severity::Sev2:
        return QColor(0xe6, 0x5c, 0x00);
    case Severity::Sev3:
        return QColor(0x9e, 0x7c, 0x00);
    }
    return Qt::gray;
}

QColor tint(Severity s)
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

QColor quietText()
{
    return QColor(0x4f, 0x5b, 0x6a);
}

} // namespace SeverityColors
