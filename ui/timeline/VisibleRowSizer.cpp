#include "VisibleRowSizer.h"

#include "EntryTextDelegate.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

VisibleRowSizer::VisibleRowSizer(QTableView *view, int textColumn)
    : QObject(view), m_view(view), m_column(textColumn), m_pending(new QTimer(this))
{
    m_pending->setSingleShot(true);
    m_pending->setInterval(0);
    connect(m_pending, &QTimer::timeout, this, &VisibleRowSizer::sizeVisibleRows);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->verticalHeader()->setMinimumSectionSize(view->fontMetrics().lineSpacing() + 2 * EntryTextDelegate::kPadding);
    view->viewport()->installEventFilter(this);
    QScrollBar *bar = view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
        if (!m_sizing) {
            m_followBottom = value == bar->maximum();
        }
        schedule();
    });
    // A shorter view (the window shrinks, a panel grows) lengthens the scroll range under a view that was at the
    // newest entry: it stays there.
    connect(bar, &QScrollBar::rangeChanged, this, [this] {
        if (m_followBottom) {
            schedule();
        }
    });
    connect(view->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int section) {
        if (section == m_column) {
            schedule();
        }
    });
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::rowsInserted, this, &VisibleRowSizer::schedule);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &VisibleRowSizer::schedule);
    connect(model, &QAbstractItemModel::modelReset, this, &VisibleRowSizer::schedule);
    connect(model, &QAbstractItemModel::layoutChanged, this, &VisibleRowSizer::schedule);
    connect(model, &QAbstractItemModel::dataChanged, this, &VisibleRowSizer::schedule);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &VisibleRowSizer::schedule);
}

bool VisibleRowSizer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        schedule();
    }
    return QObject::eventFilter(watched, event);
}

void VisibleRowSizer::schedule()
{
    if (!m_sizing) {
        m_pending->start();
    }
}

void VisibleRowSizer::sizeVisibleRows()
{
    m_pending->stop();
    QAbstractItemModel *model = m_view->model();
    const int rows = model->rowCount();
    if (rows == 0 || m_view->isColumnHidden(m_column)) {
        return;
    }
    m_sizing = true;
    const int width = m_view->columnWidth(m_column);
    const int current = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
    const int viewport = m_view->viewport()->height();
    auto size = [&](int row) {
        const QModelIndex index = model->index(row, m_column);
        const QVariant font = index.data(Qt::FontRole);
        const int lines = row == current ? EntryTextDelegate::kExpandedLines : EntryTextDelegate::kFoldedLines;
        const int height = EntryTextDelegate::rowHeight(index.data(Qt::DisplayRole).toString(),
                                                        font.isValid() ? font.value<QFont>() : m_view->font(), width,
                                                        lines);
        if (m_view->rowHeight(row) != height) {
            m_view->setRowHeight(row, height);
        }
        return height;
    };
    QScrollBar *bar = m_view->verticalScrollBar();
    if (m_followBottom || bar->value() == bar->maximum()) {
        // At the newest entries (where a timeline opens and follows): size upwards from the last row, then stay at
        // the bottom once the view has taken in the new heights.
        int filled = 0;
        for (int row = rows - 1; row >= 0 && filled < viewport; --row) {
            filled += size(row);
        }
        // The view takes in new heights on its next turn of the event loop; it is asked to now, so the newest entry
        // ends up at the bottom of the screen rather than under it.
        QMetaObject::invokeMethod(m_view, "updateGeometries");
        m_view->scrollToBottom();
    } else {
        // Walk down from the first row on screen until the screen is full with the new heights.
        const int first = std::max(0, m_view->rowAt(0));
        int filled = m_view->rowViewportPosition(first);
        for (int row = first; row < rows && filled < viewport; ++row) {
            filled += size(row);
        }
    }
    m_sizing = false;
}
