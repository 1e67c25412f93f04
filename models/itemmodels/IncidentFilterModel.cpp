#include "IncidentFilterModel.h"

#include "ModelRoles.h"

IncidentFilterModel::IncidentFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void IncidentFilterModel::setSeverity(std::optional<Severity> severity)
{
    m_severity = severity;
    invalidateFilter();
}

void IncidentFilterModel::setShowClosed(bool show)
{
    m_showClosed = show;
    invalidateFilter();
}

void IncidentFilterModel::setShowInReview(bool show)
{
    m_showInReview = show;
    invalidateFilter();
}

void IncidentFilterModel::setShowDrills(bool show)
{
    m_showDrills = show;
    invalidateFilter();
}

bool IncidentFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_severity && index.data(ModelRoles::SeverityRole).toInt() != int(*m_severity)) {
        return false;
    }
    if (!m_showClosed && !index.data(ModelRoles::OpenRole).toBool()) {
        return false;
    }
    if (!m_showInReview && index.data(ModelRoles::OpenRole).toBool() && index.data(ModelRoles::ResolvedRole).toBool()) {
        return false;
    }
    if (!m_showDrills && index.data(ModelRoles::DrillRole).toBool()) {
        return false;
    }
    return true;
}
