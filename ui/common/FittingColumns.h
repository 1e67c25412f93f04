#pragma once

#include <QHash>
#include <QList>
#include <QObject>

class QTableView;

// Keeps a table's columns within its width: one column stretches to take what is left, and when even its minimum
// does not fit, the columns that matter least are hidden (the last listed first) and come back when there is room.
// So a laptop never needs a sideways scroll to see what matters, and a wide screen shows everything.
class FittingColumns final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FittingColumns)

public:
    FittingColumns(QTableView *view, int stretchColumn, int stretchMinimum, const QList<int> &droppable);

    void fit(); // again, after a column was shown or hidden for its own reasons

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTableView *m_view;
    int m_stretch;
    int m_stretchMinimum;
    QList<int> m_droppable;
    QHash<int, int> m_widths; // a droppable column's width while it is hidden
    bool m_fitting = false;
};
