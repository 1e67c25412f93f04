#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Text from a server or a file, shown where its control characters would act: a terminal runs escape sequences,
// and a bidi override turns "gnp.exe" into what reads as "exe.png" in any export.
namespace UntrustedText {
// Explicit bidi embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C).
bool isBidiControl(char32_t c);
// For a terminal or a one-line message: C0 and C1 controls, DEL and bidi controls as visible escapes ("\e",
// "\x07", "\u202e"), line breaks as "\n" too when oneLine. Anything else is kept.
QString forTerminal(const QString &text, bool oneLine = true);
// Whether UTF-8 text holds a bidi control, and a copy with each replaced by a visible mark such as "[U+202E]", so
// no export shows text reordered.
bool hasBidiControl(QByteArrayView utf8);
QByteArray markingBidi(QByteArrayView utf8);
// The same for text laid out by Qt (the PDF).
QString markingBidi(const QString &text);
} // namespace UntrustedText
