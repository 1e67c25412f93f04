#include "LabelMatcher.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("LabelMatcher", text);
}

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}
} // namespace

bool LabelMatcher::matches(const Alert &alert) const
{
    const QString actual = alert.label(name); // a missing label reads as "", as in Alertmanager
    switch (op) {
    case Op::Equal:
        return actual == value;
    case Op::NotEqual:
        return actual != value;
    case Op::Regex:
        return regex.match(actual).hasMatch();
    case Op::NotRegex:
        return !regex.match(actual).hasMatch();
    }
    return false;
}

bool LabelMatcher::matchesAll(const QList<LabelMatcher> &matchers, const Alert &alert)
{
    return std::all_of(matchers.begin(), matchers.end(), [&](const LabelMatcher &m) { return m.matches(alert); });
}

Result<QList<LabelMatcher>> LabelMatcher::parseList(const QString &input, qsizetype columnOffset)
{
    QList<LabelMatcher> list;
    const QString text = input;
    qsizetype i = 0;
    auto fail = [&](const QString &what) {
        return Status::failure(tr("at column %1: %2").arg(columnOffset + i + 1).arg(what));
    };
    auto skipSpace = [&] {
        while (i < text.size() && text.at(i).isSpace()) {
            ++i;
        }
    };
    skipSpace();
    bool braces = false;
    if (i < text.size() && text.at(i) == u'{') {
        braces = true;
        ++i;
    }
    while (true) {
        skipSpace();
        if (i >= text.size() || (braces && text.at(i) == u'}')) {
            break;
        }
        LabelMatcher m;
        if (!isNameStart(text.at(i))) {
            return fail(tr("expected a label name"));
        }
        const qsizetype nameStart = i;
        while (i < text.size() && isNameChar(text.at(i))) {
            ++i;
        }
        m.name = text.mid(nameStart, i - nameStart);
        skipSpace();
        if (text.mid(i, 2) == QStringLiteral("=~")) {
            m.op = Op::Regex;
            i += 2;
        } else if (text.mid(i, 2) == QStringLiteral("!~")) {
            m.op = Op::NotRegex;
            i += 2;
        } else if (text.mid(i, 2) == QStringLiteral("!=")) {
            m.op = Op::NotEqual;
            i += 2;
        } else if (i < text.size() && text.at(i) == u'=') {
            m.op = Op::Equal;
            i += 1;
        } else {
            return fail(tr("expected an operator (=, !=, =~ or !~) after \"%1\"").arg(m.name));
        }
        skipSpace();
        if (i < text.size() && text.at(i) == u'"') {
            ++i;
            QString value;
            bool closed = false;
            while (i < text.size()) {
                const QChar c = text.at(i);
                if (c == u'\\' && i + 1 < text.size()) {
                    // As Alertmanager reads it: \n, \" and \\ are escapes; any other backslash stays, so a
                    // regex such as "game-\d+" means what it says.
                    const QChar next = text.at(i + 1);
                    if (next == u'n') {
                        value += QChar(u'\n');
                    } else if (next == u'"' || next == u'\\') {
                        value += next;
                    } else {
                        value += c;
                        value += next;
                    }
                    i += 2;
                    continue;
                }
                if (c == u'"') {
                    closed = true;
                    ++i;
                    break;
                }
                value += c;
                ++i;
            }
            if (!closed) {
                return fail(tr("the quoted value is not closed"));
            }
            m.value = value;
        } else {
            // Alertmanager also takes unquoted values up to the next comma or brace.
            const qsizetype start = i;
            while (i < text.size() && text.at(i) != u',' && text.at(i) != u'}') {
                ++i;
            }
            m.value = text.mid(start, i - start).trimmed();
        }
        if (m.op == Op::Regex || m.op == Op::NotRegex) {
            m.regex = QRegularExpression(QRegularExpression::anchoredPattern(m.value));
            if (!m.regex.isValid()) {
                return Status::failure(tr("the regular expression of \"%1\" is not valid: %2")
                                           .arg(m.name, m.regex.errorString()));
            }
        }
        list.append(m);
        skipSpace();
        if (i < text.size() && text.at(i) == u',') {
            ++i;
            continue;
        }
        if (i < text.size() && !(braces && text.at(i) == u'}')) {
            return fail(tr("expected a comma between matchers"));
        }
    }
    if (braces) {
        if (i >= text.size() || text.at(i) != u'}') {
            return fail(tr("expected a closing }"));
        }
        ++i;
        skipSpace();
        if (i < text.size()) {
            return fail(tr("unexpected text after }"));
        }
    }
    return list;
}
