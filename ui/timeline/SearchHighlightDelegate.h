#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

// Draws a cell's text with the words being searched for marked, so a match is seen at a glance.
class SearchHighlightDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchHighlightDelegate)

public:
    explicit SearchHighlightDelegate(QObject *parent);
    void setTerms(const QStringList &terms) { m_terms = terms; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QStringList m_terms;
};
