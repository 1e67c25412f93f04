#include "Presence.h"

#include <QCoreApplication>

QString Presence::describe(const QStringList &namesHere, const QList<RoleAssignment> &assignments,
                           const QList<Role> &roles)
{
    if (namesHere.isEmpty()) {
        return QCoreApplication::translate("Presence", "No one else is here");
    }
    QStringList people;
    for (const QString &name : namesHere) {
        QStringList held;
        for (const RoleAssignment &a : assignments) {
            if (!a.isCurrent() || a.personName.compare(name, Qt::CaseInsensitive) != 0) {
                continue;
            }
            for (const Role &r : roles) {
                if (r.id == a.roleId && !held.contains(r.name)) {
                    held.append(r.name);
                }
            }
        }
        people.append(held.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, held.join(QStringLiteral(", "))));
    }
    return QCoreApplication::translate("Presence", "Here: %1").arg(people.join(QStringLiteral(", ")));
}
