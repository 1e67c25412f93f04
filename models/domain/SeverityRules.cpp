#include "SeverityRules.h"

#include "AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QMap>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("SeverityRules", text);
}
} // namespace

Result<SeverityRules> SeverityRules::parse(const QString &text)
{
    SeverityRules rules;
    const QStringList lines = text.split(u'\n');
    for (int n = 0; n < lines.size(); ++n) {
        const QString line = lines.at(n);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#')) {
            continue;
        }
        auto fail = [&](qsizetype column, const QString &what) {
            return Status::failure(tr("line %1, column %2: %3").arg(n + 1).arg(column + 1).arg(what));
        };
        const qsizetype levelStart = line.indexOf(trimmed.at(0));
        qsizetype i = levelStart;
        while (i < line.size() && !line.at(i).isSpace() && line.at(i) != u'{') {
            ++i;
        }
        const QString levelText = line.mid(levelStart, i - levelStart);
        const auto level = Severities::fromLabel(levelText);
        if (!level) {
            return fail(levelStart, tr("expected a level (SEV-1, SEV-2 or SEV-3), found \"%1\"").arg(levelText));
        }
        while (i < line.size() && line.at(i).isSpace()) {
            ++i;
        }
        if (i >= line.size() || line.at(i) != u'{') {
            return fail(i, tr("expected label matchers in braces, such as {severity=\"SEV-2\"}"));
        }
        // The matchers end at the first } outside a quoted value.
        qsizetype close = i + 1;
        bool quoted = false;
        for (; close < line.size(); ++close) {
            const QChar c = line.at(close);
            if (quoted && c == u'\\') {
                ++close;
            } else if (c == u'"') {
                quoted = !quoted;
            } else if (!quoted && c == u'}') {
                break;
            }
        }
        if (close >= line.size()) {
            return fail(line.size(), tr("expected a closing }"));
        }
        const auto matchers = LabelMatcher::parseList(line.mid(i, close - i + 1), i);
        if (!matchers) {
            return Status::failure(tr("line %1, %2").arg(n + 1).arg(matchers.error()));
        }
        if (matchers->isEmpty()) {
            return fail(i, tr("a rule needs at least one matcher, or it would match every alert"));
        }
        const QString explanation = line.mid(close + 1).trimmed();
        if (explanation.isEmpty()) {
            return fail(close + 1, tr("expected an explanation after the matchers, such as \"labelled SEV-2\""));
        }
        rules.m_rules.append({*level, matchers.value(), explanation, n + 1});
    }
    return rules;
}

QString SeverityRules::builtinText()
{
    QFile file(QStringLiteral(":/rules/severity-suggestions.txt"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

const SeverityRules &SeverityRules::builtin()
{
    static const SeverityRules rules = [] {
        const auto parsed = parse(builtinText());
        return parsed ? parsed.value() : SeverityRules(); // the shipped file is tested to parse
    }();
    return rules;
}

QString SeverityRules::userFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/severity-rules.txt");
}

QString SeverityRules::userText()
{
    QFile file(userFilePath());
    if (!file.open(QIODevice::ReadOnly)) {
        return builtinText();
    }
    return QString::fromUtf8(file.readAll());
}

SeverityRules SeverityRules::loadUserRules(QString *problem)
{
    if (!QFile::exists(userFilePath())) {
        return builtin();
    }
    const auto parsed = parse(userText());
    if (!parsed) {
        if (problem) {
            *problem = tr("%1, %2; the built-in rules are used instead.")
                           .arg(QDir::toNativeSeparators(userFilePath()), parsed.error());
        }
        return builtin();
    }
    return parsed.value();
}

Status SeverityRules::saveUserText(const QString &text)
{
    if (const auto parsed = parse(text); !parsed) {
        return Status::failure(tr("Not saved: %1").arg(parsed.error()));
    }
    QDir().mkpath(QFileInfo(userFilePath()).absolutePath());
    return AtomicFile::write(userFilePath(), text.toUtf8());
}

SeveritySuggestion SeverityRules::suggest(const QList<Alert::Pairs> &firingAlertLabels) const
{
    // Each alert counts once, for the highest level a rule gives it, under that rule's explanation.
    struct Evidence
    {
        QStringList alertNames;
    };
    QMap<std::pair<int, QString>, Evidence> byLevel; // (level, explanation) -> alerts, worst level first
    for (const Alert::Pairs &labels : firingAlertLabels) {
        Alert alert;
        alert.labels = labels;
        const Rule *best = nullptr;
        for (const Rule &rule : m_rules) {
            if ((!best || int(rule.level) < int(best->level)) && LabelMatcher::matchesAll(rule.matchers, alert)) {
                best = &rule;
            }
        }
        if (best) {
            const QString name = alert.alertName().isEmpty() ? tr("(unnamed)") : alert.alertName();
            byLevel[{int(best->level), best->explanation}].alertNames.append(name);
        }
    }
    SeveritySuggestion suggestion;
    if (byLevel.isEmpty()) {
        return suggestion;
    }
    suggestion.level = Severities::fromNumber(byLevel.firstKey().first);
    QStringList parts;
    QList<int> levels;
    for (auto it = byLevel.begin(); it != byLevel.end(); ++it) {
        if (!levels.contains(it.key().first)) {
            levels.append(it.key().first);
        }
        const int count = int(it->alertNames.size());
        QStringList names = it->alertNames;
        names.removeDuplicates();
        const QString head = count == 1 ? tr("1 firing alert") : tr("%1 firing alerts").arg(count);
        // One pass, so a "%1" inside an alert name stays as it is.
        parts.append(QStringLiteral("%1 %2: %3").arg(head, it.key().second, names.join(QStringLiteral(", "))));
    }
    suggestion.ambiguous = levels.size() > 1;
    suggestion.explanation = parts.join(QStringLiteral("; "));
    if (suggestion.ambiguous) {
        suggestion.explanation =
            tr("The alerts disagree, so the higher level is suggested. %1").arg(suggestion.explanation);
    }
    return suggestion;
}
