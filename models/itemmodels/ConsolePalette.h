#pragma once

#include "Severity.h"

#include <QColor>
#include <QString>

// The console's colours, in one place: the severities, warnings and quiet words the board, the lists and the panels
// share. Every colour used for words reads at a contrast of 4.5:1 or more on white, so it survives a projector in
// the review meeting (tested).
namespace ConsolePalette {
QColor severity(Severity s);     // the level's colour: its name, a card's bar, a chart's line
QColor severityTint(Severity s); // a light background behind the level's name

QColor alarm();     // wrong now: warnings, errors, overdue, a stale source
QColor alarmTint(); // the background of a wrong passage
QColor caution();   // needs a look soon: firing alerts, words that may leak
QColor cautionTint();
QColor cautionBorder();
QColor ok();     // passed: a source answering, a template that fills
QColor quiet();  // secondary words: hints, definitions, the console's own entries
QColor faint();  // no longer current: deleted, released, done (not for words that must be read)
QColor border(); // a card's outline
QColor searchMark(); // behind the words being searched for
QColor keyMoment();  // behind a key moment in the timeline

// "color: #rrggbb;" (and bold) for a style sheet.
QString textStyle(const QColor &color, bool bold = false);
// Relative-luminance contrast of two colours (WCAG 2), 1 to 21.
double contrast(const QColor &a, const QColor &b);
} // namespace ConsolePalette
