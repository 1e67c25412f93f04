#pragma once

// How the store's tables read and bind rows that are not yet declared in Tables.cpp; shared by the table classes.
// Internal to store/.

#include "ActionItem.h"
#include "ArchivedAlert.h"
#include "Incident.h"
#include "StoredTime.h"
#include "TableSchema.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace StoreRows {

using TableSchema::text;

inline QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

inline QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

inline QJsonObject jsonObject(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

inline const char *const kActionItemColumns =
    "SELECT id, incident_id, title, owner_id, due_at, state, created_at FROM action_items ";

inline ActionItem actionItemFrom(const QSqlQuery &q)
{
    ActionItem a;
    a.id = q.value(0).toLongLong();
    a.incidentId = q.value(1).toLongLong();
    a.title = q.value(2).toString();
    a.ownerId = q.value(3).toLongLong();
    a.dueAt = StoredTime::fromSql(q.value(4));
    a.state = ActionItem::stateFromKey(q.value(5).toString()).value_or(ActionItem::State::Open);
    a.createdAt = StoredTime::fromSql(q.value(6));
    return a;
}
// Rows of SELECT id, identity, source, alert_name, labels, annotations, state, value, first_seen, last_seen,
// resolved_at FROM alert_archive, in that order.
inline QList<ArchivedAlert> archivedAlertsFrom(QSqlQuery &q)
{
    QList<ArchivedAlert> list;
    while (q.next()) {
        ArchivedAlert a;
        a.id = q.value(0).toLongLong();
        a.identity = q.value(1).toString();
        a.source = q.value(2).toString();
        a.alertName = q.value(3).toString();
        a.labels = jsonObject(q.value(4));
        a.annotations = jsonObject(q.value(5));
        a.state = q.value(6).toString();
        a.value = q.value(7).toString();
        a.firstSeen = StoredTime::fromSql(q.value(8));
        a.lastSeen = StoredTime::fromSql(q.value(9));
        a.resolvedAt = StoredTime::fromSql(q.value(10));
        list.append(a);
    }
    return list;
}
} // namespace StoreRows
