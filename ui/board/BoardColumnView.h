#pragma once

#include "Severity.h"

#include <QListView>

// One severity column of the board. Cards can be dragged out of it and dropped into another column, which asks
// for the severity change; nothing changes until the user has given a reason.
class BoardColumnView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BoardColumnView)

public:
    BoardColumnView(Severity severity, QWidget *parent);
    Severity severity() const { return m_severity; }

signals:
    void incidentsDropped(const QList<qint64> &incidentIds, Severity severity);
    // Ctrl+Left (-1, towards SEV-1) or Ctrl+Right (+1) on the current card.
    void moveRequested(int step);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) override;

private:
    bool accepts(const QMimeData *mime) const;

    Severity m_severity;
    bool m_dropTarget = false;
};
