#pragma once

#include "Severity.h"

#include <QColor>

// One colour per severity, used on the board and in lists: strong enough to see, calm enough to read beside.
namespace SeverityColors {
QColor accent(Severity s);
QColor tint(Severity s); // a light background for headers
QColor quietText();       // secondary words: hints, definitions
} // namespace SeverityColors
