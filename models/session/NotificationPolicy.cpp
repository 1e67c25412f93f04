#include "NotificationPolicy.h"

#include "IncidentListModel.h"
#include "ModelRoles.h"
#include "TimeDisplay.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("NotificationPolicy", text);
}

} // namespace

QList<Notification> NotificationPolicy::alertsChanged(const AlertDelta &delta, const QStringList &wantedSeverities)
{
    QList<const Alert *> firing;
    m_states.apply(delta, [&](const Alert &a, std::optional<Alert::State> before, bool fromFirstAnswer) {
        if (!fromFirstAnswer && a.state == Alert::State::Firing && before != Alert::State::Firing &&
            wantedSeverities.contains(a.severity(), Qt::CaseInsensitive)) {
            firing.append(&a);
        }
    });
    if (firing.isEmpty()) {
        return {};
    }
    const Alert &first = *firing.first();
    Notification n;
    n.kind = Notification::Kind::AlertFiring;
    n.title = firing.size() == 1 ? tr("%1 alert firing: %2").arg(first.severity(), first.alertName())
                                 : tr("%1 alerts started firing").arg(firing.size());
    n.body = firing.size() == 1 ? first.annotation(u"summary")
                                : tr("Including %1 (%2)").arg(first.alertName(), first.severity());
    return {n};
}

QList<Notification> NotificationPolicy::overdueUpdates(const IncidentListModel &incidents, const QDateTime &now,
                                                       const QTimeZone &zone)
{
    QList<Notification> due;
    for (int row = 0; row < incidents.rowCount(); ++row) {
        const QModelIndex index = incidents.index(row, 0);
        const QDateTime dueAt = index.data(ModelRoles::NextUpdateDueRole).toDateTime();
        if (!dueAt.isValid() || dueAt > now) {
            continue;
        }
        const Incident &incident = incidents.incidentAt(row);
        const QString key = QStringLiteral("%1/%2").arg(incident.id).arg(dueAt.toMSecsSinceEpoch());
        if (m_overdueNotified.contains(key)) {
            continue;
        }
        m_overdueNotified.insert(key);
        const bool customer = index.data(ModelRoles::NextUpdateAudienceRole).toString() == u"customer";
        Notification n;
        n.kind = Notification::Kind::UpdateOverdue;
        n.title = customer ? tr("%1: customer update overdue").arg(incident.reference())
                           : tr("%1: internal update overdue").arg(incident.reference());
        n.body = tr("Due %1 — %2").arg(TimeDisplay::clock(dueAt, zone), incident.title);
        due.append(n);
    }
    return due;
}
