#include "SearchHighlightDelegate.h"

#include <QApplication>
#include <QPainter>

SearchHighlightDelegate::SearchHighlightDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

void SearchHighlightDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (m_terms.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget); // background, selection, focus

    const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(2, 0, -2, 0);
    const QFontMetrics metrics(opt.font);
    const QString shown = metrics.elidedText(text, Qt::ElideRight, area.width());
    // Mark every occurrence of every term (case-insensitive), as FTS5's word matching would find it.
    QList<std::pair<qsizetype, qsizetype>> marks;
    for (const QString &term : m_terms) {
        for (qsizetype at = shown.indexOf(term, 0, Qt::CaseInsensitive); at >= 0 && !term.isEmpty();
             at = shown.indexOf(term, at + term.size(), Qt::CaseInsensitive)) {
            marks.append({at, term.size()});
        }
    }
    painter->save();
    painter->setFont(opt.font);
    const int baseline = area.top() + (area.height() - metrics.height()) / 2;
    for (const auto &[at, length] : std::as_const(marks)) {
        const int x = area.left() + metrics.horizontalAdvance(shown.left(at));
        const int w = metrics.horizontalAdvance(shown.mid(at, length));
        painter->fillRect(QRect(x, baseline, w, metrics.height()), QColor(0xff, 0xe0, 0x66));
    }
    painter->setPen(opt.state.testFlag(QStyle::State_Selected) && marks.isEmpty()
                        ? opt.palette.highlightedText().color()
                        : opt.palette.text().color());
    painter->drawText(area, Qt::AlignLeft | Qt::AlignVCenter, shown);
    painter->restore();
}
