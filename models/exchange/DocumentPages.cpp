#include "DocumentPages.h"

#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>

namespace DocumentPages {

int pageOfFirstLine(const QTextDocument &doc, const QTextBlock &block, qreal pageHeight)
{
    const QRectF rect = doc.documentLayout()->blockBoundingRect(block);
    const qreal lineTop = block.layout() && block.layout()->lineCount() > 0 ? block.layout()->lineAt(0).rect().top() : 0;
    return int((rect.top() + lineTop) / pageHeight);
}

void keepHeadingsWithNext(QTextDocument &doc, qreal pageHeight)
{
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        const QTextBlock next = block.next();
        if (block.blockFormat().headingLevel() == 0 || !next.isValid() ||
            block.blockFormat().pageBreakPolicy().testFlag(QTextFormat::PageBreak_AlwaysBefore)) {
            continue;
        }
        if (pageOfFirstLine(doc, next, pageHeight) > pageOfFirstLine(doc, block, pageHeight)) {
            QTextBlockFormat moved = block.blockFormat();
            moved.setPageBreakPolicy(moved.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysBefore);
            QTextCursor(block).setBlockFormat(moved);
        }
    }
}

} // namespace DocumentPages
