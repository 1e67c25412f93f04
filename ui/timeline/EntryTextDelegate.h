#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

// Draws an entry's words wrapped to the column's width, with the words being searched for marked. A row shows at most
// kFoldedLines lines (the rest elided; the model's tooltip holds the whole text); the expanded row shows all of it.
class EntryTextDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntryTextDelegate)

public:
    static constexpr int kFoldedLines = 3;
    static constexpr int kExpandedLines = 40;
    static constexpr int kPadding = 4; // above and below the text

    explicit EntryTextDelegate(QObject *parent);
    void setTerms(const QStringList &terms) { m_terms = terms; }

    // The height a row needs for this text at this width, showing at most maxLines lines.
    static int rowHeight(const QString &text, const QFont &font, int width, int maxLines);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QStringList m_terms;
};
