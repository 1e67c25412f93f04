#pragma once

#include <QtGlobal>

class QTextBlock;
class QTextDocument;

// Pagination rules Qt's text layout lacks, for documents printed in pages of a fixed height (the PDF export).
namespace DocumentPages {

// The page (from 0) a block's first line starts on.
int pageOfFirstLine(const QTextDocument &doc, const QTextBlock &block, qreal pageHeight);
// A heading that would end a page with its text on the next is moved to the next page itself ("keep with next").
// Headings are few, and each move lays out only what follows it.
void keepHeadingsWithNext(QTextDocument &doc, qreal pageHeight);

} // namespace DocumentPages
