#pragma once

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
    mutable QHash<QString, QString> m_headings; // "width\x1fheading" -> the heading as fitted on two lines
};
