#pragma once

#include <QObject>

class QTableView;
class QTimer;

// Gives the rows on screen the height of their wrapped text, and only those: a 100,000-entry timeline is never
// measured whole, so it opens and scrolls as fast as with fixed rows. Rows not yet seen keep the default height
// until they scroll into view. The current row is the expanded one: it shows all its text.
class VisibleRowSizer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VisibleRowSizer)

public:
    VisibleRowSizer(QTableView *view, int textColumn);

    // Sizes the rows on screen now (it also runs by itself, once per burst of changes).
    void sizeVisibleRows();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void schedule();

    QTableView *m_view;
    int m_column;
    QTimer *m_pending;
    bool m_sizing = false;
    bool m_followBottom = true; // the view shows the newest entries and keeps showing them
};
