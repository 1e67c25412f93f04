#include "FittingColumns.h"

#include <QEvent>
#include <QHeaderView>
#include <QTableView>

FittingColumns::FittingColumns(QTableView *view, int stretchColumn, int stretchMinimum, const QList<int> &droppable)
    : QObject(view), m_view(view), m_stretch(stretchColumn), m_stretchMinimum(stretchMinimum), m_droppable(droppable)
{
    QHeaderView *header = view->horizontalHeader();
    for (int column : droppable) {
        m_widths.insert(column, header->sectionSize(column) > 0 ? header->sectionSize(column) : header->defaultSectionSize());
    }
    header->setStretchLastSection(false);
    header->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->viewport()->installEventFilter(this);
    connect(header, &QHeaderView::sectionResized, this, [this](int section) {
        if (section == m_stretch || m_fitting) {
            return;
        }
        if (m_widths.contains(section) && m_view->horizontalHeader()->sectionSize(section) > 0) {
            m_widths[section] = m_view->horizontalHeader()->sectionSize(section); // the width a person gave it
        }
        fit(); // a column dragged wider may push another out
    });
}

bool FittingColumns::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        fit();
    }
    return QObject::eventFilter(watched, event);
}

void FittingColumns::fit()
{
    if (m_fitting) {
        return;
    }
    m_fitting = true;
    QHeaderView *header = m_view->horizontalHeader();
    const int room = m_view->viewport()->width();
    int fixed = 0;
    for (int column = 0; column < header->count(); ++column) {
        if (column != m_stretch && !m_droppable.contains(column) && !header->isSectionHidden(column)) {
            fixed += header->sectionSize(column);
        }
    }
    // Show droppable columns in order of importance while they fit beside the stretching one's minimum.
    int used = fixed + m_stretchMinimum;
    for (int column : std::as_const(m_droppable)) {
        const int width = m_widths.value(column);
        const bool fits = used + width <= room;
        m_view->setColumnHidden(column, !fits);
        if (fits) {
            if (header->sectionSize(column) != width) {
                header->resizeSection(column, width);
            }
            used += width;
        }
    }
    m_fitting = false;
}
