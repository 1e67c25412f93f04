#pragma once

#include <QWidget>

#include "Severity.h"

class BoardColumnView;
class QAction;
class QLabel;
class IncidentListModel;

// The board: one column per severity, each open incident a card. Selecting a card makes it the current incident.
// Dragging a card to another column, or Ctrl+Left / Ctrl+Right, asks for a severity change.
class SeverityBoardWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeverityBoardWidget)

public:
    SeverityBoardWidget(IncidentListModel *incidents, QWidget *parent);

    void selectIncident(qint64 incidentId);
    // The height that shows every open card without scrolling (one row of cards when few are open).
    int preferredHeight() const;
    // Which incidents the board shows (in review, closed, drills): checkable, for the View menu.
    QList<QAction *> displayActions() const { return m_displayActions; }

signals:
    void incidentSelected(qint64 incidentId); // 0 when nothing is selected
    void severityChangeRequested(qint64 incidentId, Severity severity);
    void cardMenuRequested(qint64 incidentId, const QPoint &globalPos);
    void preferredHeightChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void moveCurrentCard(int step); // -1: one column left (worse), +1: one column right
    // A card that changes column (severity edit, undo) stays the selected one; a neighbour never takes over.
    void keepSelectionAfterModelChange();
    void updatePreferredHeight();

    QList<BoardColumnView *> m_columns;
    QList<QLabel *> m_headers;
    QList<QAction *> m_displayActions;
    int m_lastPreferredHeight = 0;
    IncidentListModel *m_incidents;
    qint64 m_selectedId = 0;
    int m_sourceChanging = 0; // > 0 while the incident list is being changed under the columns
};
