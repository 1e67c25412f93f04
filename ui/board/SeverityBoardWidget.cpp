#include "SeverityBoardWidget.h"

#include "BoardColumnView.h"
#include "IncidentCardDelegate.h"
#include "IncidentFilterModel.h"
#include "IncidentListModel.h"
#include "ModelRoles.h"
#include "ConsolePalette.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QTimer>
#include <QVBoxLayout>

SeverityBoardWidget::SeverityBoardWidget(IncidentListModel *incidents, QWidget *parent)
    : QWidget(parent), m_incidents(incidents)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 2, 6, 4);
    outer->setSpacing(4);

    const QString moveHint = tr("Drag a card to another column, or press Ctrl+← / Ctrl+→, to change its severity.");
    // What the board shows is chosen from View ▸ On the Board: the strip keeps its height for cards.
    // Resolved incidents awaiting their postmortem stay in view by default: the review is still owed.
    auto *showInReview = new QAction(tr("Incidents &in Review"), this);
    showInReview->setObjectName(QStringLiteral("showInReviewAction"));
    showInReview->setCheckable(true);
    showInReview->setChecked(true);
    showInReview->setToolTip(tr("Resolved incidents whose postmortem is still to be done"));
    auto *showClosed = new QAction(tr("&Closed Incidents"), this);
    showClosed->setObjectName(QStringLiteral("showClosedAction"));
    showClosed->setCheckable(true);
    auto *showDrills = new QAction(tr("&Drills"), this);
    showDrills->setObjectName(QStringLiteral("showDrillsAction"));
    showDrills->setCheckable(true);
    showDrills->setChecked(true);
    m_displayActions = {showInReview, showClosed, showDrills};
    // Closed incidents are read from the file only once someone asks to see them.
    m_incidents->setIncludeClosed(false);
    connect(showClosed, &QAction::toggled, m_incidents, [this](bool show) {
        if (show) {
            m_incidents->setIncludeClosed(true);
        }
    });

    // Bracket every change of the list around the columns' own reactions to it: these run first...
    auto begin = [this] { ++m_sourceChanging; };
    connect(incidents, &QAbstractItemModel::dataChanged, this, begin);
    connect(incidents, &QAbstractItemModel::rowsAboutToBeRemoved, this, begin);
    connect(incidents, &QAbstractItemModel::rowsAboutToBeInserted, this, begin);
    connect(incidents, &QAbstractItemModel::modelAboutToBeReset, this, begin);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(10);
    for (Severity severity : Severities::all()) {
        auto *column = new QVBoxLayout;
        // One line per column: the level and its meaning, the whole definition and examples one hover away.
        auto *header = new QLabel(this);
        header->setTextFormat(Qt::RichText);
        header->setText(QStringLiteral("<span style='font-weight:600; color:%1'>%2</span>&nbsp;&nbsp;"
                                       "<span style='color:%3'>%4</span>")
                            .arg(ConsolePalette::severity(severity).name(), Severities::label(severity),
                                 ConsolePalette::quiet().name(), Severities::definition(severity).toHtmlEscaped()));
        header->setToolTip(tr("%1: %2\nExamples: %3")
                               .arg(Severities::label(severity), Severities::definition(severity),
                                    Severities::examples(severity)));
        header->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        header->setContentsMargins(8, 3, 8, 3);
        header->setAutoFillBackground(true);
        QPalette tinted = header->palette();
        tinted.setColor(QPalette::Window, ConsolePalette::severityTint(severity));
        header->setPalette(tinted);
        m_headers.append(header);

        auto *filter = new IncidentFilterModel(this);
        filter->setSourceModel(incidents);
        filter->setSeverity(severity);
        // Hiding the selected card must not select a neighbour: the filters change inside the same bracket.
        connect(showClosed, &QAction::toggled, this, [this, filter](bool show) {
            ++m_sourceChanging;
            filter->setShowClosed(show);
            if (--m_sourceChanging == 0) {
                keepSelectionAfterModelChange();
            }
        });
        connect(showInReview, &QAction::toggled, this, [this, filter](bool show) {
            ++m_sourceChanging;
            filter->setShowInReview(show);
            if (--m_sourceChanging == 0) {
                keepSelectionAfterModelChange();
            }
        });
        connect(showDrills, &QAction::toggled, this, [this, filter](bool show) {
            ++m_sourceChanging;
            filter->setShowDrills(show);
            if (--m_sourceChanging == 0) {
                keepSelectionAfterModelChange();
            }
        });

        auto *list = new BoardColumnView(severity, this);
        list->setObjectName(QStringLiteral("boardColumn%1").arg(int(severity)));
        list->setModel(filter);
        list->setItemDelegate(new IncidentCardDelegate(list));
        list->setSelectionMode(QAbstractItemView::SingleSelection);
        list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        // Cards flow side by side and wrap, so a column of a few incidents is one short row.
        list->setFlow(QListView::LeftToRight);
        list->setWrapping(true);
        list->setResizeMode(QListView::Adjust);
        list->setToolTip(moveHint);
        list->setMinimumHeight(0);
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
            connect(filter, signal, this, &SeverityBoardWidget::updatePreferredHeight);
        }
        connect(filter, &QAbstractItemModel::modelReset, this, &SeverityBoardWidget::updatePreferredHeight);
        connect(filter, &QAbstractItemModel::layoutChanged, this, &SeverityBoardWidget::updatePreferredHeight);
        connect(filter, &QAbstractItemModel::dataChanged, this, &SeverityBoardWidget::updatePreferredHeight);
        list->setFrameShape(QFrame::NoFrame);
        list->setAutoFillBackground(false);
        list->viewport()->setAutoFillBackground(false);
        list->setAccessibleName(tr("%1 incidents").arg(Severities::label(severity)));
        list->setContextMenuPolicy(Qt::CustomContextMenu);
        m_columns.append(list);
        connect(list, &BoardColumnView::moveRequested, this, &SeverityBoardWidget::moveCurrentCard);
        connect(list, &BoardColumnView::incidentsDropped, this, [this](const QList<qint64> &ids, Severity target) {
            for (qint64 id : ids) {
                emit severityChangeRequested(id, target);
            }
        });
        connect(list, &QWidget::customContextMenuRequested, this, [this, list](const QPoint &pos) {
            const QModelIndex index = list->indexAt(pos);
            if (!index.isValid()) {
                return;
            }
            list->setCurrentIndex(index);
            emit cardMenuRequested(index.data(ModelRoles::IncidentIdRole).toLongLong(), list->viewport()->mapToGlobal(pos));
        });

        connect(list->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this, list](const QModelIndex &current) {
                    if (!current.isValid() || m_sourceChanging > 0) {
                        return; // a card left this column; the neighbour that became current was not chosen
                    }
                    for (BoardColumnView *other : std::as_const(m_columns)) {
                        if (other != list) {
                            other->clearSelection();
                        }
                    }
                    const qint64 id = current.data(ModelRoles::IncidentIdRole).toLongLong();
                    if (id != m_selectedId) {
                        m_selectedId = id;
                        emit incidentSelected(id);
                    }
                });

        column->setSpacing(2);
        column->addWidget(header);
        column->addWidget(list, 1);
        columns->addLayout(column, 1);
    }
    outer->addLayout(columns, 1);
    // ...and these after them.
    auto end = [this] {
        if (--m_sourceChanging == 0) {
            keepSelectionAfterModelChange();
        }
    };
    connect(incidents, &QAbstractItemModel::dataChanged, this, end);
    connect(incidents, &QAbstractItemModel::rowsRemoved, this, end);
    connect(incidents, &QAbstractItemModel::rowsInserted, this, end);
    connect(incidents, &QAbstractItemModel::modelReset, this, end); // the selection is kept if the card is still there

    // Cards show an age; repaint them now and then so it never goes stale on the wall screen.
    auto *ageTimer = new QTimer(this);
    ageTimer->setInterval(std::chrono::seconds(20));
    connect(ageTimer, &QTimer::timeout, this, [this] {
        for (BoardColumnView *list : std::as_const(m_columns)) {
            list->viewport()->update();
        }
    });
    ageTimer->start();
}

void SeverityBoardWidget::keepSelectionAfterModelChange()
{
    if (m_selectedId == 0) {
        for (BoardColumnView *list : std::as_const(m_columns)) {
            list->clearSelection();
        }
        return;
    }
    const int sourceRow = m_incidents->rowOf(m_selectedId);
    if (sourceRow < 0) { // the incident itself is gone (undone, another file): nothing is selected now
        m_selectedId = 0;
        for (BoardColumnView *list : std::as_const(m_columns)) {
            list->clearSelection();
        }
        emit incidentSelected(0);
        return;
    }
    for (BoardColumnView *list : std::as_const(m_columns)) {
        auto *filter = static_cast<IncidentFilterModel *>(list->model());
        const QModelIndex index = sourceRow >= 0 ? filter->mapFromSource(m_incidents->index(sourceRow, 0)) : QModelIndex();
        if (index.isValid()) {
            if (list->currentIndex() != index || !list->selectionModel()->isSelected(index)) {
                list->setCurrentIndex(index); // same id: no new selection is announced
            }
        } else {
            list->clearSelection();
        }
    }
}

void SeverityBoardWidget::selectIncident(qint64 incidentId)
{
    const int sourceRow = m_incidents->rowOf(incidentId);
    if (sourceRow < 0) {
        return;
    }
    m_selectedId = incidentId;
    keepSelectionAfterModelChange();
    for (BoardColumnView *list : std::as_const(m_columns)) {
        if (list->selectionModel()->hasSelection()) {
            list->scrollTo(list->currentIndex());
        }
    }
}

void SeverityBoardWidget::moveCurrentCard(int step)
{
    const int row = m_incidents->rowOf(m_selectedId);
    if (row < 0 || !m_incidents->incidentAt(row).isOpen()) {
        return;
    }
    const int target = int(m_incidents->incidentAt(row).severity) - 1 + step;
    if (target >= 0 && target < m_columns.size()) {
        emit severityChangeRequested(m_selectedId, m_columns.at(target)->severity());
    }
}

int SeverityBoardWidget::preferredHeight() const
{
    // Room for the headers and as many rows of cards as the fullest column needs. This runs on every change to the
    // incident list, and a file may hold thousands: only the cards a capped strip could show are measured (a card's
    // size depends only on whether it carries a warning line).
    const int measured = 64;
    int rows = 1;
    int card = 0;
    for (BoardColumnView *list : m_columns) {
        QStyleOptionViewItem option;
        option.initFrom(list);
        const int count = list->model()->rowCount();
        int cardWidth = 0;
        for (int row = 0; row < std::min(count, measured); ++row) {
            const QSize hint = list->itemDelegate()->sizeHint(option, list->model()->index(row, 0));
            card = std::max(card, hint.height());
            cardWidth = std::max(cardWidth, hint.width());
        }
        const int perRow = cardWidth > 0 ? std::max(1, list->viewport()->width() / cardWidth) : 1;
        rows = std::max(rows, (count + perRow - 1) / perRow);
    }
    if (card == 0) {
        card = fontMetrics().height() * 4 + 32;
    }
    const QMargins margins = layout()->contentsMargins();
    const int header = m_headers.isEmpty() ? 0 : m_headers.first()->sizeHint().height();
    return margins.top() + margins.bottom() + header + rows * card + 8;
}

void SeverityBoardWidget::updatePreferredHeight()
{
    const int height = preferredHeight();
    if (height != m_lastPreferredHeight) {
        m_lastPreferredHeight = height;
        emit preferredHeightChanged();
    }
}

void SeverityBoardWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updatePreferredHeight(); // a narrower board fits fewer cards per row
}
