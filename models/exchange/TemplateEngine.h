#pragma once

#include "Result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QTextDocument>

// Status update templates in Mustache (logic-less) syntax, rendered to Markdown with kainjow::mustache.
// Values are inserted as text: a value holding "{{x}}" or HTML is printed, never evaluated, and is escaped for
// Markdown so that the HTML made from the draft shows it as written.
namespace TemplateEngine {

// What a template can use: plain values, and lists whose items have fields ({{#roles}}{{holder}}{{/roles}}).
struct Schema
{
    QSet<QString> values;
    QHash<QString, QSet<QString>> lists;
};

// The values a template is rendered with.
struct Data
{
    QHash<QString, QString> values;
    QHash<QString, QList<QHash<QString, QString>>> lists;
    // Values the team wrote as Markdown (a postmortem's root cause): kept as Markdown rather than escaped. They are
    // still data, never read as template syntax, and the HTML forms turn off raw HTML.
    QSet<QString> markdownValues;
};

struct Problem
{
    int line = 0;   // 1-based
    int column = 0; // 1-based, in characters
    QString message;
    bool operator==(const Problem &) const = default;
};

// Syntax errors and unknown names, each with its place; empty when the template is sound.
QList<Problem> check(const QString &text, const Schema &schema);
QString describe(const Problem &problem); // "line 3, column 5: unknown variable \"titel\""

Result<QString> render(const QString &text, const Data &data);

// The names a template uses, so the data it is rendered with need hold only those.
QSet<QString> usedNames(const QString &text);

// Backslash-escapes what Markdown would read as markup or HTML, so a value shows as written.
QString escapeMarkdown(const QString &value);

// Templates as files (".mustache", UTF-8) to share between teams. Reading refuses what is not UTF-8 text or is
// larger than 1 MiB; writing is atomic.
Result<QString> readTemplateFile(const QString &path);
Status writeTemplateFile(const QString &path, const QString &text);

// What the composer's preview lays out: the draft, or its first 40,000 characters and a note saying so. A status
// update is read in a minute; laying out many thousand lines (a template listing a whole long timeline) would stall
// typing. Copying and publishing always use the whole draft.
QString previewMarkdown(const QString &draft);

// A Markdown draft as HTML (every bit of text escaped) and as plain text, for copying.
// How Markdown that holds user words is read everywhere: GitHub's dialect, with raw HTML kept as text so user
// words never become markup.
QTextDocument::MarkdownFeatures userMarkdown();
QString markdownToHtml(const QString &markdown);
// Drops links to anything but web pages and mail (javascript:, file:) and turns images into their address as text:
// Markdown the team wrote must not run script or fetch from elsewhere when an export is opened in a browser.
void keepSafeLinks(QTextDocument &document);
QString markdownToPlainText(const QString &markdown);
// Markdown for the Markdown export, whose reader's renderer may run what the HTML and PDF exports drop: no raw HTML
// (every '<' written "&lt;"), no image, and no link other than to web pages and mail.
QString safeMarkdown(const QString &markdown);

} // namespace TemplateEngine
