#pragma once

#include "Severity.h"

#include <QSortFilterProxyModel>

#include <optional>

// Narrows the incident list to one severity column of the board, and hides resolved incidents
// (in review, closed) and drills on request.
class IncidentFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentFilterModel)

public:
    explicit IncidentFilterModel(QObject *parent);

    void setSeverity(std::optional<Severity> severity);
    void setShowClosed(bool show);
    void setShowInReview(bool show); // resolved, postmortem still to come
    void setShowDrills(bool show);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<Severity> m_severity;
    bool m_showClosed = false;
    bool m_showInReview = true;
    bool m_showDrills = true;
};
