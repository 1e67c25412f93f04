#pragma once

#include <QFontMetrics>
#include <QHash>
#include <QStyledItemDelegate>

// Paints an incident of the board as a card: reference and title; stage, age and IC; then badges for what needs
// attention (warnings, a severity suggestion, the next update or postmortem due, firing alerts).
class IncidentCardDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentCardDelegate)

public:
    explicit IncidentCardDelegate(QObject *parent);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

private:
    // The words as they fit in two lines of a box, trimmed word by word with an ellipsis when they do not.
    QString fittedInTwoLines(const QFontMetrics &metrics, const QRect &box, const QString &text) const;

    mutable QHash<QString, QString> m_fitted; // "width\x1ftext" -> the text as fitted on two lines
};
