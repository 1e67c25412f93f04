#include "TemplateEngine.h"

#include "AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStringDecoder>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QRegularExpression>
#include <QUrl>

#include <kainjow/mustache.hpp>

namespace TemplateEngine {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("TemplateEngine", text);
}

// Line and column (1-based; columns count characters, so an emoji is one) of text that ends at the place.
std::pair<int, int> placeAfter(const QString &before)
{
    const int line = int(before.count(u'\n')) + 1;
    const QString lastLine = before.mid(before.lastIndexOf(u'\n') + 1);
    return {line, int(lastLine.toUcs4().size()) + 1};
}

// The same for a byte offset into the template's UTF-8, as kainjow reports it.
std::pair<int, int> placeOf(const QByteArray &utf8, qsizetype byteOffset)
{
    return placeAfter(QString::fromUtf8(utf8.left(byteOffset)));
}

Problem fromKainjow(const QByteArray &utf8, const std::string &message)
{
    // kainjow says where as "... at N", N a byte offset.
    const QString text = QString::fromStdString(message);
    const qsizetype at = text.lastIndexOf(QStringLiteral(" at "));
    bool ok = false;
    const qsizetype offset = at >= 0 ? text.mid(at + 4).toLongLong(&ok) : 0;
    const auto [line, column] = ok ? placeOf(utf8, offset) : std::pair{1, 1};
    QString what = ok ? text.left(at) : text;
    if (what.startsWith(QStringLiteral("Unclosed section"))) {
        what = tr("the section %1 is not closed (a {{/…}} is missing)").arg(what.mid(17));
    } else if (what.startsWith(QStringLiteral("Unopened section"))) {
        what = tr("the section %1 is closed but was never opened").arg(what.mid(17));
    } else if (what == QStringLiteral("Unclosed tag")) {
        what = tr("the tag is not closed (a }} is missing)");
    } else if (what == QStringLiteral("Invalid set delimiter tag")) {
        what = tr("the delimiter change is not valid");
    }
    return {line, column, what};
}
} // namespace

QList<Problem> check(const QString &text, const Schema &schema)
{
    QList<Problem> problems;
    const QByteArray utf8 = text.toUtf8();
    kainjow::mustache::mustache parsed(utf8.toStdString());
    if (!parsed.is_valid()) {
        problems.append(fromKainjow(utf8, parsed.error_message()));
        return problems;
    }
    // Unknown names: walk the tags with the open sections in mind (a list's fields exist only inside it).
    QStringList open;
    qsizetype at = 0;
    while ((at = text.indexOf(QStringLiteral("{{"), at)) >= 0) {
        const bool triple = text.mid(at, 3) == QStringLiteral("{{{");
        const qsizetype end = text.indexOf(triple ? QStringLiteral("}}}") : QStringLiteral("}}"), at);
        if (end < 0) {
            break; // kainjow accepted it; nothing more to say
        }
        QString tag = text.mid(at + (triple ? 3 : 2), end - at - (triple ? 3 : 2)).trimmed();
        const qsizetype tagStart = at;
        at = end + (triple ? 3 : 2);
        if (tag.startsWith(u'=')) {
            break; // a delimiter change: the tags after it are not in braces, and kainjow has checked the syntax
        }
        if (tag.isEmpty() || tag.startsWith(u'!')) {
            continue; // a comment
        }
        QChar sigil;
        if (QStringLiteral("#^/&>").contains(tag.at(0))) {
            sigil = tag.at(0);
            tag = tag.mid(1).trimmed();
        }
        if (sigil == u'>') {
            const auto [line, column] = placeAfter(text.left(tagStart));
            problems.append({line, column, tr("partials ({{>%1}}) are not supported").arg(tag)});
            continue;
        }
        if (sigil == u'/') {
            if (!open.isEmpty()) {
                open.removeLast();
            }
            continue;
        }
        const bool known = tag == QStringLiteral(".") || schema.values.contains(tag) || schema.lists.contains(tag)
                           || std::any_of(open.begin(), open.end(),
                                          [&](const QString &list) { return schema.lists.value(list).contains(tag); });
        if (!known) {
            const auto [line, column] = placeAfter(text.left(tagStart));
            problems.append({line, column, tr("unknown variable \"%1\"").arg(tag)});
        }
        if (sigil == u'#' || sigil == u'^') {
            open.append(tag);
        }
    }
    return problems;
}

QSet<QString> usedNames(const QString &text)
{
    QSet<QString> names;
    qsizetype at = 0;
    while ((at = text.indexOf(QStringLiteral("{{"), at)) >= 0) {
        const qsizetype end = text.indexOf(QStringLiteral("}}"), at);
        if (end < 0) {
            break;
        }
        QString tag = text.mid(at + 2, end - at - 2).trimmed();
        if (tag.startsWith(u'{')) {
            tag = tag.mid(1);
        }
        if (!tag.isEmpty() && QStringLiteral("#^/&").contains(tag.at(0))) {
            tag = tag.mid(1).trimmed();
        }
        names.insert(tag);
        at = end + 2;
    }
    return names;
}

QString describe(const Problem &problem)
{
    return tr("line %1, column %2: %3").arg(problem.line).arg(problem.column).arg(problem.message);
}

QString escapeMarkdown(const QString &value)
{
    QString out;
    out.reserve(value.size() + value.size() / 8);
    bool lineStart = true;
    bool leadingDigits = false; // "1." or "1)" at the start of a line makes an ordered list
    for (const QChar c : value) {
        // CommonMark lets any ASCII punctuation be escaped. These start markup or HTML anywhere; "#", "-", "+", "="
        // only at the start of a line (headings, lists, underlines), so "INC-7" stays as it is.
        const bool listNumberEnd = leadingDigits && (c == u'.' || c == u')');
        if (QStringLiteral("\\`*_{}[]<>|~&").contains(c) || (lineStart && QStringLiteral("#+-=").contains(c))
            || listNumberEnd) {
            out += u'\\';
        }
        out += c;
        if (c == u'\n') {
            lineStart = true;
            leadingDigits = false;
        } else if (lineStart && c.isDigit()) {
            lineStart = false;
            leadingDigits = true;
        } else if (c != u' ' || !lineStart) {
            leadingDigits = leadingDigits && c.isDigit();
            lineStart = false;
        }
    }
    return out;
}

QString previewMarkdown(const QString &draft)
{
    constexpr qsizetype kPreviewChars = 40'000;
    if (draft.size() <= kPreviewChars) {
        return draft;
    }
    const qsizetype cut = std::max<qsizetype>(draft.lastIndexOf(u'\n', kPreviewChars), kPreviewChars / 2);
    return draft.left(cut) + QStringLiteral("\n\n---\n\n*")
           + tr("The preview shows the first %1 of %2 characters; copying and publishing use the whole draft.")
                 .arg(cut)
                 .arg(draft.size())
           + u'*';
}

Result<QString> readTemplateFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Status::failure(tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    if (file.size() > 1024 * 1024) {
        return Status::failure(tr("%1 is larger than 1 MiB; it is not a template.").arg(QDir::toNativeSeparators(path)));
    }
    const QByteArray bytes = file.readAll();
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8(bytes);
    if (utf8.hasError() || text.contains(QChar(0))) {
        return Status::failure(tr("%1 is not UTF-8 text.").arg(QDir::toNativeSeparators(path)));
    }
    return text;
}

Status writeTemplateFile(const QString &path, const QString &text)
{
    return AtomicFile::write(path, text.toUtf8());
}

QTextDocument::MarkdownFeatures userMarkdown()
{
    return QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML);
}

QString markdownToHtml(const QString &markdown)
{
    QTextDocument doc;
    doc.setMarkdown(markdown, userMarkdown());
    keepSafeLinks(doc);
    return doc.toHtml();
}

void keepSafeLinks(QTextDocument &document)
{
    struct Change
    {
        int position;
        int length;
        QTextCharFormat format;
        QString replacement; // non-empty: an image, written out as text
    };
    QList<Change> changes;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QTextCharFormat format = fragment.charFormat();
            if (format.isImageFormat()) {
                QTextCharFormat plain = format;
                plain.setObjectType(QTextFormat::NoObject);
                changes.append({fragment.position(), fragment.length(), plain,
                                QStringLiteral("[image: %1]").arg(format.toImageFormat().name())});
                continue;
            }
            if (format.isAnchor()) {
                const QString scheme = QUrl(format.anchorHref()).scheme().toLower();
                if (scheme != u"http" && scheme != u"https" && scheme != u"mailto") {
                    format.setAnchor(false);
                    format.setAnchorHref(QString());
                    format.setFontUnderline(false);
                    changes.append({fragment.position(), fragment.length(), format, {}});
                }
            }
        }
    }
    // From the end, so an image's longer replacement text does not move the places still to change.
    QTextCursor cursor(&document);
    for (auto it = changes.crbegin(); it != changes.crend(); ++it) {
        cursor.setPosition(it->position);
        cursor.setPosition(it->position + it->length, QTextCursor::KeepAnchor);
        if (it->replacement.isEmpty()) {
            cursor.setCharFormat(it->format);
        } else {
            cursor.insertText(it->replacement, it->format);
        }
    }
}

QString safeMarkdown(const QString &markdown)
{
    // Read as text, over the whole document at once (a link may span lines), not through QTextDocument (whose
    // Markdown writer needs a GUI application). Whatever a reader's renderer makes of the rest, it finds no raw HTML
    // (every '<' is "&lt;", in code too), no image (every "![" is escaped) and no link or reference definition that
    // goes anywhere but a web page or mail (its "](" or "]:" is escaped, which leaves the words as text). A '<' the
    // text already escapes ("\\<") is literal and stays as it is.
    static const QRegularExpression target(QStringLiteral(R"(\]\s*(\(|:)\s*<?([^\s)>]*))"));
    auto safe = [](const QString &url) {
        const QString scheme = QUrl(url.trimmed()).scheme().toLower();
        return scheme == u"http" || scheme == u"https" || scheme == u"mailto";
    };
    QString out;
    out.reserve(markdown.size() + markdown.size() / 16);
    qsizetype backslashes = 0; // just before this character: an odd count makes it a literal, "\\<" stays text
    for (const QChar c : markdown) {
        if (c == u'<' && backslashes % 2 == 0) {
            out.append(QLatin1String("&lt;"));
        } else {
            out.append(c);
        }
        backslashes = c == u'\\' ? backslashes + 1 : 0;
    }
    out.replace(QLatin1String("!["), QLatin1String("!\\["));
    // From the end, so a replacement never moves the places still to look at.
    QList<qsizetype> unsafe;
    for (auto it = target.globalMatch(out); it.hasNext();) {
        const auto m = it.next();
        if (!safe(m.captured(2))) {
            unsafe.append(m.capturedStart(1));
        }
    }
    for (auto at = unsafe.crbegin(); at != unsafe.crend(); ++at) {
        out.insert(*at, u'\\');
    }
    return out;
}

QString markdownToPlainText(const QString &markdown)
{
    QTextDocument doc;
    doc.setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    return doc.toPlainText();
}

Result<QString> render(const QString &text, const Data &values)
{
    using kainjow::mustache::data;
    using kainjow::mustache::list;
    using kainjow::mustache::object;
    kainjow::mustache::mustache tmpl(text.toUtf8().toStdString());
    if (!tmpl.is_valid()) {
        return Status::failure(describe(fromKainjow(text.toUtf8(), tmpl.error_message())));
    }
    // Values were escaped for Markdown already; Mustache's own HTML escaping would turn "&" into "&amp;".
    tmpl.set_custom_escape([](const std::string &s) { return s; });
    data root = data::type::object;
    for (auto it = values.values.cbegin(); it != values.values.cend(); ++it) {
        const QString value = values.markdownValues.contains(it.key()) ? it.value() : escapeMarkdown(it.value());
        root.set(it.key().toStdString(), value.toUtf8().toStdString());
    }
    for (auto it = values.lists.cbegin(); it != values.lists.cend(); ++it) {
        list items;
        for (const auto &item : it.value()) {
            object fields;
            for (auto f = item.cbegin(); f != item.cend(); ++f) {
                fields[f.key().toStdString()] = escapeMarkdown(f.value()).toUtf8().toStdString();
            }
            items.push_back(fields);
        }
        root.set(it.key().toStdString(), data(items));
    }
    const std::string out = tmpl.render(root);
    if (!tmpl.is_valid()) {
        return Status::failure(QString::fromStdString(tmpl.error_message()));
    }
    return QString::fromUtf8(out.data(), qsizetype(out.size()));
}

} // namespace TemplateEngine
