#include "BoardColumnView.h"

#include "IncidentListModel.h"
#include "ModelRoles.h"
#include "SeverityColors.h"

#include <QDragEnterEvent>
#include <QKeyEvent>
#include <QPainter>

BoardColumnView::BoardColumnView(Severity severity, QWidget *parent) : QListView(parent), m_severity(severity)
{
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(false);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
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
    emit incidentsDropped(IncidentListModel::incidentIdsFromMime(event->mimeData()), m_severity);
}

void BoardColumnView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (m_dropTarget) {
        QPainter painter(viewport());
        QColor accent = SeverityColors::accent(m_severity);
        painter.setPen(QPen(accent, 2, Qt::DashLine));
        accent.setAlpha(24);
        painter.setBrush(accent);
        painter.drawRoundedRect(viewport()->rect().adjusted(2, 2, -2, -2), 6, 6);
        painter.setPen(SeverityColors::accent(m_severity).darker(130));
        painter.drawText(viewport()->rect().adjusted(8, 8, -8, -8), Qt::AlignHCenter | Qt::AlignBottom,
                         tr("Drop to make it %1").arg(Severities::label(m_severity)));
    }
}
