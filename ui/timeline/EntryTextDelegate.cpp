#include "EntryTextDelegate.h"

#include "ConsolePalette.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace {
const int kSideMargin = 4;

// Lays the text out in lines of the given width, stopping after maxLines; true when text was left over.
bool layOut(QTextLayout &layout, int width, int maxLines)
{
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(wrap);
    layout.beginLayout();
    qreal y = 0;
    bool more = false;
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid()) {
            break;
        }
        if (layout.lineCount() > maxLines) {
            more = true;
            break;
        }
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout.endLayout();
    return more;
}

// Line breaks the writer typed stay line breaks.
QString withLineBreaks(QString text)
{
    return text.replace(u'\n', QChar::LineSeparator);
}
} // namespace

EntryTextDelegate::EntryTextDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

int EntryTextDelegate::rowHeight(const QString &text, const QFont &font, int width, int maxLines)
{
    const int line = QFontMetrics(font).lineSpacing();
    if (text.isEmpty() || width <= 2 * kSideMargin) {
        return line + 2 * kPadding;
    }
    QTextLayout layout(withLineBreaks(text), font);
    layOut(layout, width - 2 * kSideMargin, maxLines);
    const int lines = std::max(1, std::min(layout.lineCount(), maxLines));
    return lines * line + 2 * kPadding;
}

void EntryTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = withLineBreaks(opt.text);
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget); // background, selection, focus

    const QRect area = opt.rect.adjusted(kSideMargin, kPadding, -kSideMargin, -kPadding);
    const QFontMetrics metrics(opt.font);
    // The cell is the row less its grid line: count that pixel as the padding's, not as a lost line.
    const int maxLines = std::max(1, (area.height() + 1) / metrics.lineSpacing());
    QTextLayout layout(text, opt.font);
    const bool more = layOut(layout, area.width(), maxLines);
    const int shownLines = std::min(layout.lineCount(), maxLines);

    // Every occurrence of every term (case-insensitive), as FTS5's word matching would find it.
    QList<QTextLayout::FormatRange> marks;
    for (const QString &term : m_terms) {
        for (qsizetype at = text.indexOf(term, 0, Qt::CaseInsensitive); at >= 0 && !term.isEmpty();
             at = text.indexOf(term, at + term.size(), Qt::CaseInsensitive)) {
            QTextLayout::FormatRange mark;
            mark.start = int(at);
            mark.length = int(term.size());
            mark.format.setBackground(ConsolePalette::searchMark());
            marks.append(mark);
        }
    }
    painter->save();
    painter->setClipRect(opt.rect);
    // Marked words stay dark on their yellow, even in the selected row.
    painter->setPen(opt.state.testFlag(QStyle::State_Selected) && marks.isEmpty() ? opt.palette.highlightedText().color()
                                                                                   : opt.palette.text().color());
    painter->setFont(opt.font);
    // Fully shown lines are drawn from the layout (with the marks); a last line that cuts the text short is elided.
    const int full = more ? shownLines - 1 : shownLines;
    for (int i = 0; i < full; ++i) {
        const QTextLine line = layout.lineAt(i);
        QList<QTextLayout::FormatRange> lineMarks;
        for (const auto &mark : std::as_const(marks)) {
            if (mark.start < line.textStart() + line.textLength() && mark.start + mark.length > line.textStart()) {
                lineMarks.append(mark);
            }
        }
        for (const auto &mark : std::as_const(lineMarks)) {
            const qreal x1 = line.cursorToX(std::max(mark.start, line.textStart()));
            const qreal x2 = line.cursorToX(std::min(mark.start + mark.length, line.textStart() + line.textLength()));
            painter->fillRect(QRectF(area.left() + x1, area.top() + line.y(), x2 - x1, line.height()),
                              mark.format.background());
        }
        line.draw(painter, area.topLeft());
    }
    if (more && shownLines > 0) {
        const QTextLine last = layout.lineAt(shownLines - 1);
        const QString rest = metrics.elidedText(text.mid(last.textStart()), Qt::ElideRight, area.width());
        painter->drawText(QRect(area.left(), area.top() + int(last.y()), area.width(), metrics.lineSpacing()),
                          Qt::AlignLeft | Qt::AlignTop, rest);
    }
    painter->restore();
}
