#include "SeverityBoardWidget.h"

#include "IncidentCardDelegate.h"
#include "IncidentFilterModel.h"
#include "IncidentListModel.h"
#include "ModelRoles.h"
#include "SeverityColors.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QTimer>
#include <QVBoxLayout>

SeverityBoardWidget::SeverityBoardWidget(IncidentListModel *incidents, QWidget *parent)
    : QWidget(parent), m_incidents(incidents)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 8, 8, 8);

    auto *options = new QHBoxLayout;
    auto *showClosed = new QCheckBox(tr("Show closed"), this);
    showClosed->setObjectName(QStringLiteral("showClosedCheck"));
    auto *showDrills = new QCheckBox(tr("Show drills"), this);
    showDrills->setObjectName(QStringLiteral("showDrillsCheck"));
    showDrills->setChecked(true);
    options->addStretch();
    options->addWidget(showClosed);
    options->addWidget(showDrills);
    outer->addLayout(options);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(10);
    for (Severity severity : Severities::all()) {
        auto *column = new QVBoxLayout;
        auto *header = new QLabel(this);
        header->setTextFormat(Qt::RichText);
        header->setWordWrap(true);
        header->setText(QStringLiteral("<span style='font-size:13pt; font-weight:600; color:%1'>%2</span><br>"
                                       "<span style='color:#3c4450'>%3</span>")
                            .arg(SeverityColors::accent(severity).name(), Severities::label(severity),
                                 Severities::definition(severity).toHtmlEscaped()));
        header->setToolTip(tr("Examples: %1").arg(Severities::examples(severity)));
        header->setFixedHeight(header->fontMetrics().height() * 4 + 16); // equal headers keep the columns aligned
        header->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        header->setContentsMargins(8, 6, 8, 6);
        header->setAutoFillBackground(true);
        QPalette tinted = header->palette();
        tinted.setColor(QPalette::Window, SeverityColors::tint(severity));
        header->setPalette(tinted);

        auto *filter = new IncidentFilterModel(this);
        filter->setSourceModel(incidents);
        filter->setSeverity(severity);
        connect(showClosed, &QCheckBox::toggled, filter, &IncidentFilterModel::setShowClosed);
        connect(showDrills, &QCheckBox::toggled, filter, &IncidentFilterModel::setShowDrills);

        auto *list = new QListView(this);
        list->setObjectName(QStringLiteral("boardColumn%1").arg(int(severity)));
        list->setModel(filter);
        list->setItemDelegate(new IncidentCardDelegate(list));
        list->setSelectionMode(QAbstractItemView::SingleSelection);
        list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        list->setFrameShape(QFrame::NoFrame);
        list->setAutoFillBackground(false);
        list->viewport()->setAutoFillBackground(false);
        list->setAccessibleName(tr("%1 incidents").arg(Severities::label(severity)));
        m_columns.append(list);

        connect(list->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this, list](const QModelIndex &current) {
                    if (!current.isValid()) {
                        return;
                    }
                    for (QListView *other : std::as_const(m_columns)) {
                        if (other != list) {
                            other->clearSelection();
                        }
                    }
                    emit incidentSelected(current.data(ModelRoles::IncidentIdRole).toLongLong());
                });

        column->addWidget(header);
        column->addWidget(list, 1);
        columns->addLayout(column, 1);
    }
    outer->addLayout(columns, 1);

    // Cards show an age; repaint them now and then so it never goes stale on the wall screen.
    auto *ageTimer = new QTimer(this);
    ageTimer->setInterval(std::chrono::seconds(20));
    connect(ageTimer, &QTimer::timeout, this, [this] {
        for (QListView *list : std::as_const(m_columns)) {
            list->viewport()->update();
        }
    });
    ageTimer->start();
}

void SeverityBoardWidget::selectIncident(qint64 incidentId)
{
    const int sourceRow = m_incidents->rowOf(incidentId);
    if (sourceRow < 0) {
        return;
    }
    for (QListView *list : std::as_const(m_columns)) {
        auto *filter = static_cast<IncidentFilterModel *>(list->model());
        const QModelIndex index = filter->mapFromSource(m_incidents->index(sourceRow, 0));
        if (index.isValid()) {
            list->setCurrentIndex(index);
            list->scrollTo(index);
            return;
        }
    }
}
