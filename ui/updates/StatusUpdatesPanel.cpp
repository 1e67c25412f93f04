#include "StatusUpdatesPanel.h"

#include "ConsolePalette.h"

#include "FittingColumns.h"

#include "AppSettings.h"
#include "StatusUpdateListModel.h"
#include "TemplatesDialog.h"
#include "UpdateComposer.h"
#include "Workspace.h"

#include <QHBoxLayout>
#include <QWindow>
#include <QPushButton>

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

StatusUpdatesPanel::StatusUpdatesPanel(Workspace *workspace, StatusUpdateListModel *model, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_empty = new QLabel(this);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::quiet()));
    layout->addWidget(m_empty);
    auto *buttons = new QHBoxLayout;
    auto *templates = new QPushButton(tr("Templates…"), this);
    templates->setObjectName(QStringLiteral("templatesButton"));
    m_internal = new QPushButton(tr("Internal Update…"), this);
    m_internal->setObjectName(QStringLiteral("composeInternalButton"));
    m_customer = new QPushButton(tr("Customer Update…"), this);
    m_customer->setObjectName(QStringLiteral("composeCustomerButton"));
    buttons->addWidget(templates);
    buttons->addStretch();
    buttons->addWidget(m_internal);
    buttons->addWidget(m_customer);
    layout->addLayout(buttons);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("statusUpdatesView"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    new FittingColumns(m_view, StatusUpdateListModel::ColumnBody, 200, {});
    layout->addWidget(m_view, 1);
    connect(templates, &QPushButton::clicked, this, &StatusUpdatesPanel::editTemplates);
    connect(m_internal, &QPushButton::clicked, this, [this] { compose(StatusUpdate::Audience::Internal); });
    connect(m_customer, &QPushButton::clicked, this, [this] { compose(StatusUpdate::Audience::Customer); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &StatusUpdatesPanel::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &StatusUpdatesPanel::updateEmptyState);
    setIncident(0);
}

void StatusUpdatesPanel::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    m_model->setIncident(incidentId);
    const bool writable = incidentId > 0 && !m_workspace->store()->isReadOnly();
    m_internal->setEnabled(writable);
    m_customer->setEnabled(writable);
    updateEmptyState();
}

void StatusUpdatesPanel::updateEmptyState()
{
    if (m_incidentId == 0) {
        m_empty->setText(tr("Select an incident to see the updates sent about it."));
    } else if (m_model->rowCount() == 0) {
        m_empty->setText(tr("No status update has been published for this incident yet."));
    } else {
        const int n = m_model->rowCount();
        m_empty->setText(n == 1 ? tr("1 update published.") : tr("%1 updates published.").arg(n));
    }
}

UpdateComposer *StatusUpdatesPanel::compose(StatusUpdate::Audience audience)
{
    if (m_incidentId == 0) {
        return nullptr;
    }
    m_composers.removeAll(nullptr);
    for (const auto &open : std::as_const(m_composers)) {
        if (open->incidentId() == m_incidentId && open->audience() == audience) {
            open->raise();
            open->activateWindow();
            return open;
        }
    }
    auto *composer = new UpdateComposer(m_workspace, m_incidentId, audience, AppSettings().displayTimeZone(), window());
    m_composers.append(composer);
    // A window of the console's own: it stays in front of the main window rather than vanishing behind it.
    composer->winId();
    if (window()->windowHandle()) {
        composer->windowHandle()->setTransientParent(window()->windowHandle());
    }
    composer->show();
    composer->activateWindow(); // typing goes to the draft at once
    return composer;
}

void StatusUpdatesPanel::editTemplates()
{
    TemplatesDialog dialog(m_workspace, this);
    dialog.exec();
}
