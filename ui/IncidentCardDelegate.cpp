#include "IncidentCardDelegate.h"

#include "Clock.h"
#include "IncidentListModel.h"
#include "ModelRoles.h"
#include "SeverityColors.h"
#include "TimeDisplay.h"

#include <QPainter>
#include <QPainterPath>

IncidentCardDelegate::IncidentCardDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QSize IncidentCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = option.fontMetrics.height();
    return {240, line * 3 + 24};
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
    painter->setPen(QPen(selected ? option.palette.highlight().color() : QColor(0xd0, 0xd4, 0xda), selected ? 2 : 1));
    painter->drawPath(path);
    painter->fillRect(QRectF(card.left(), card.top() + 3, 5, card.height() - 6), SeverityColors::accent(severity));

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
    QString shown = heading;
    if (boldMetrics.boundingRect(headingRect, Qt::TextWordWrap, heading).height() > headingRect.height()) {
        // Trim word by word until two lines hold it with an ellipsis.
        QStringList words = heading.split(u' ');
        while (words.size() > 1) {
            words.removeLast();
            shown = words.join(u' ') + QStringLiteral("…");
            if (boldMetrics.boundingRect(headingRect, Qt::TextWordWrap, shown).height() <= headingRect.height()) {
                break;
            }
        }
    }
    painter->drawText(headingRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, shown);

    painter->setFont(option.font);
    painter->setPen(option.palette.placeholderText().color().darker(130));
    const QString age = declared.isValid() ? TimeDisplay::duration(declared.secsTo(Clock::nowUtc())) : QString();
    const QString detail = open ? tr("%1 · open for %2").arg(stage, age) : stage;
    painter->drawText(QRect(text.left(), text.top() + line * 2 + 4, text.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(detail, Qt::ElideRight, text.width()));
    painter->restore();
}
