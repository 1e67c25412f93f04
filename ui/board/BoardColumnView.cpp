#include "BoardColumnView.h"

#include "IncidentListModel.h"
#include "ModelRoles.h"
#include "ConsolePalette.h"

#include <QDragEnterEvent>
#include <QKeyEvent>
#include <QPainter>

BoardColumnView::BoardColumnView(Severity severity, QWidget *parent) : QListView(parent), m_severity(severity)
{
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(false);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::CopyAction); // the card is not taken out of the list: the store moves it
}

bool BoardColumnView::accepts(const QMimeData *mime) const
{
    const QList<qint64> ids = IncidentListModel::incidentIdsFromMime(mime);
    if (ids.isEmpty()) {
        return false;
    }
    // A card dropped back on its own column is no change.
    for (int row = 0; row < model()->rowCount(); ++row) {
        if (ids.contains(model()->index(row, 0).data(ModelRoles::IncidentIdRole).toLongLong())) {
            return false;
        }
    }
    return true;
}

void BoardColumnView::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() == Qt::ControlModifier && (event->key() == Qt::Key_Left || event->key() == Qt::Key_Right)) {
        emit moveRequested(event->key() == Qt::Key_Left ? -1 : +1);
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

void BoardColumnView::dragEnterEvent(QDragEnterEvent *event)
{
    if (accepts(event->mimeData())) {
        m_dropTarget = true;
        viewport()->update();
        event->acceptProposedAction();
        return;
    }
    event->ignore();
}

void BoardColumnView::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_dropTarget) {
        event->acceptProposedAction();
        return;
    }
    event->ignore();
}

void BoardColumnView::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_dropTarget = false;
    viewport()->update();
    QListView::dragLeaveEvent(event);
}

void BoardColumnView::dropEvent(QDropEvent *event)
{
    m_dropTarget = false;
    viewport()->update();
    if (!accepts(event->mimeData())) {
        event->ignore();
        return;
    }
    // The store changes only through the severity command; the drag itself moves nothing.
    event->setDropAction(Qt::CopyAction);
    event->accept();
    // The reason dialog opens once the drag has finished, not inside the platform's drag loop.
    const QList<qint64> ids = IncidentListModel::incidentIdsFromMime(event->mimeData());
    QMetaObject::invokeMethod(this, [this, ids] { emit incidentsDropped(ids, m_severity); }, Qt::QueuedConnection);
}

void BoardColumnView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    QListView::dataChanged(topLeft, bottomRight, roles);
    // A card that gains or loses its warning line changes height; the list lays out again only then.
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const QModelIndex index = model()->index(row, 0);
        QStyleOptionViewItem option;
        initViewItemOption(&option);
        if (visualRect(index).height() != itemDelegate()->sizeHint(option, index).height()) {
            scheduleDelayedItemsLayout();
            return;
        }
    }
}

void BoardColumnView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (m_dropTarget) {
        QPainter painter(viewport());
        QColor accent = ConsolePalette::severity(m_severity);
        painter.setPen(QPen(accent, 2, Qt::DashLine));
        accent.setAlpha(24);
        painter.setBrush(accent);
        painter.drawRoundedRect(viewport()->rect().adjusted(2, 2, -2, -2), 6, 6);
        painter.setPen(ConsolePalette::severity(m_severity).darker(130));
        painter.drawText(viewport()->rect().adjusted(8, 8, -8, -8), Qt::AlignHCenter | Qt::AlignBottom,
                         tr("Drop to make it %1").arg(Severities::label(m_severity)));
    }
}
