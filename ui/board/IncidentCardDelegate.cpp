#include "IncidentCardDelegate.h"

#include "Clock.h"
#include "IncidentListModel.h"
#include "ModelRoles.h"
#include "ConsolePalette.h"
#include "TimeDisplay.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

IncidentCardDelegate::IncidentCardDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

namespace {
constexpr int kCardWidth = 300;      // wide enough for a warning's words and two badges
constexpr int kTextInset = 8 + 22;   // the card's margin and the severity bar, left and right

QString warningText(const QModelIndex &index)
{
    const QStringList warnings = index.data(ModelRoles::WarningsRole).toStringList();
    return warnings.isEmpty() ? QString() : QStringLiteral("⚠ ") + warnings.join(QStringLiteral(" · "));
}

// Warnings are sentences and the most important words on a card: they take a second line rather than lose their end.
int warningLines(const QStyleOptionViewItem &option, const QString &warning, int width)
{
    if (warning.isEmpty()) {
        return 0;
    }
    QFont bold = option.font;
    bold.setBold(true);
    return QFontMetrics(bold).horizontalAdvance(warning) > width ? 2 : 1;
}
} // namespace

QString IncidentCardDelegate::fittedInTwoLines(const QFontMetrics &metrics, const QRect &box, const QString &text) const
{
    // Laying out wrapped text is the costly part of a card; it only changes with the words or the width.
    const QString cacheKey = QString::number(box.width()) + u'\x1f' + text;
    QString shown = m_fitted.value(cacheKey);
    if (!shown.isEmpty()) {
        return shown;
    }
    shown = text;
    if (metrics.boundingRect(box, Qt::TextWordWrap, text).height() > box.height()) {
        // Trim word by word until two lines hold it with an ellipsis.
        QStringList words = text.split(u' ');
        while (words.size() > 1) {
            words.removeLast();
            shown = words.join(u' ') + QStringLiteral("…");
            if (metrics.boundingRect(box, Qt::TextWordWrap, shown).height() <= box.height()) {
                break;
            }
        }
    }
    if (m_fitted.size() > 4096) {
        m_fitted.clear();
    }
    m_fitted.insert(cacheKey, shown);
    return shown;
}

QSize IncidentCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int line = option.fontMetrics.height();
    const int warned = warningLines(option, warningText(index), kCardWidth - kTextInset);
    return {kCardWidth, line * (4 + warned) + 32};
}

void IncidentCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto severity = Severities::fromNumber(index.data(ModelRoles::SeverityRole).toInt()).value_or(Severity::Sev3);
    const bool open = index.data(ModelRoles::OpenRole).toBool();
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QModelIndex row = index.siblingAtColumn(0);
    const QString reference = row.siblingAtColumn(IncidentListModel::ColumnReference).data().toString();
    const QString title = row.siblingAtColumn(IncidentListModel::ColumnTitle).data().toString();
    const QString stage = row.siblingAtColumn(IncidentListModel::ColumnStage).data().toString();
    const QDateTime declared = index.data(ModelRoles::TimeRole).toDateTime();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF card = QRectF(option.rect).adjusted(4, 3, -4, -3);
    QPainterPath path;
    path.addRoundedRect(card, 6, 6);
    painter->fillPath(path, selected ? option.palette.highlight().color().lighter(185) : option.palette.base().color());
    painter->setPen(QPen(selected ? option.palette.highlight().color() : ConsolePalette::border(), selected ? 2 : 1));
    painter->drawPath(path);
    painter->fillRect(QRectF(card.left(), card.top() + 3, 5, card.height() - 6), ConsolePalette::severity(severity));

    const int line = option.fontMetrics.height();
    const QRect text = card.toRect().adjusted(14, 6, -8, -6);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(open ? option.palette.text().color() : option.palette.placeholderText().color());
    // Up to two lines of title: on a narrow board the words matter more than one-line neatness.
    const QFontMetrics boldMetrics(bold);
    const QString heading = reference + QStringLiteral("  ") + title;
    const QRect headingRect(text.left(), text.top(), text.width(), line * 2);
    const QString shown = fittedInTwoLines(boldMetrics, headingRect, heading);
    painter->drawText(headingRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, shown);

    painter->setFont(option.font);
    const QColor quiet = option.palette.placeholderText().color().darker(130);
    const QColor alarm = ConsolePalette::alarm();
    const QDateTime now = Clock::nowUtc();

    // Line 3: where it is and who runs it.
    const QString commander = index.data(ModelRoles::CommanderRole).toString();
    const bool resolved = index.data(ModelRoles::ResolvedRole).toBool();
    QString detail = stage;
    if (open && !resolved && declared.isValid()) {
        detail += tr(" · open %1").arg(TimeDisplay::duration(declared.secsTo(now)));
    }
    if (open) {
        detail += commander.isEmpty() ? tr(" · no IC") : tr(" · IC %1").arg(commander);
    }
    const QRect detailRect(text.left(), text.top() + line * 2 + 4, text.width(), line);
    painter->setPen(quiet);
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(detail, Qt::ElideRight, text.width()));

    // Line 4: what needs attention, as short badges from left to right, most urgent first.
    struct Badge
    {
        QString text;
        QColor color;
        bool strong = false;
    };
    QList<Badge> badges;
    // Warnings get a line of their own: they are sentences, and the most important thing on the card.
    int y = text.top() + line * 3 + 8;
    const QString warning = warningText(index);
    if (const int lines = warningLines(option, warning, text.width()); lines > 0) {
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(alarm);
        const QRect box(text.left(), y, text.width(), line * lines);
        painter->drawText(box, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                          fittedInTwoLines(QFontMetrics(bold), QRect(box.topLeft(), QSize(box.width(), line * 2)), warning));
        y += line * lines + 4;
    }
    if (const int suggested = index.data(ModelRoles::SuggestedSeverityRole).toInt(); suggested > 0) {
        const Severity level = Severities::fromNumber(suggested).value_or(Severity::Sev3);
        badges.append({tr("Suggests %1").arg(Severities::label(level)), ConsolePalette::severity(level), true});
    }
    const QDateTime nextUpdate = index.data(ModelRoles::NextUpdateDueRole).toDateTime();
    if (nextUpdate.isValid()) {
        const qint64 left = now.secsTo(nextUpdate);
        badges.append(left >= 0 ? Badge{tr("Update in %1").arg(TimeDisplay::duration(left)), quiet}
                                : Badge{tr("Update overdue %1").arg(TimeDisplay::duration(-left)), alarm, true});
    }
    const QDateTime postmortem = index.data(ModelRoles::PostmortemDueRole).toDateTime();
    if (open && resolved && postmortem.isValid()) {
        const qint64 left = now.secsTo(postmortem);
        badges.append(left >= 0 ? Badge{tr("Postmortem due in %1").arg(TimeDisplay::duration(left)), quiet}
                                : Badge{tr("Postmortem overdue %1").arg(TimeDisplay::duration(-left)), alarm, true});
    }
    if (const int firing = index.data(ModelRoles::FiringAlertsRole).toInt(); firing > 0) {
        badges.append({firing == 1 ? tr("1 alert firing") : tr("%1 alerts firing").arg(firing), ConsolePalette::caution()});
    }
    int x = text.left();
    QFont badgeFont = option.font;
    for (const Badge &badge : std::as_const(badges)) {
        badgeFont.setBold(badge.strong);
        const QFontMetrics metrics(badgeFont);
        const int room = text.right() - x;
        if (room < metrics.horizontalAdvance(QStringLiteral("MMM…"))) {
            break;
        }
        const QString shown = metrics.elidedText(badge.text, Qt::ElideRight, room - 10);
        const QRect box(x, y, metrics.horizontalAdvance(shown) + 10, line + 2);
        QColor fill = badge.color;
        fill.setAlpha(badge.strong ? 34 : 18);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(box, 4, 4);
        painter->setFont(badgeFont);
        painter->setPen(badge.color);
        painter->drawText(box, Qt::AlignCenter, shown);
        x = box.right() + 6;
    }
    painter->restore();
}

bool IncidentCardDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                     const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid()) {
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    }
    // The whole card in words: what the badges abbreviate.
    QStringList lines;
    const QModelIndex row = index.siblingAtColumn(0);
    const QString heading = row.siblingAtColumn(IncidentListModel::ColumnReference).data().toString()
                            + QStringLiteral("  ") + row.siblingAtColumn(IncidentListModel::ColumnTitle).data().toString();
    lines.append(QStringLiteral("<b>%1</b>").arg(heading.toHtmlEscaped()));
    for (const QString &w : index.data(ModelRoles::WarningsRole).toStringList()) {
        lines.append(QStringLiteral("<span style='color:%1'>⚠ %2</span>").arg(ConsolePalette::alarm().name(), w.toHtmlEscaped()));
    }
    if (const int suggested = index.data(ModelRoles::SuggestedSeverityRole).toInt(); suggested > 0) {
        lines.append(tr("Suggested %1: %2")
                         .arg(Severities::label(Severities::fromNumber(suggested).value_or(Severity::Sev3)),
                              index.data(ModelRoles::SuggestionTextRole).toString().toHtmlEscaped()));
    }
    const QString summary = row.siblingAtColumn(IncidentListModel::ColumnReference).data(Qt::ToolTipRole).toString();
    if (!summary.isEmpty()) {
        lines.append(summary.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")));
    }
    QToolTip::showText(event->globalPos(), lines.join(QStringLiteral("<br>")), view);
    return true;
}
