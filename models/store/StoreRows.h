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

inline Incident readIncident(const QSqlQuery &q)
{
    Incident i;
    i.id = q.value(0).toLongLong();
    i.title = q.value(1).toString();
    i.summary = q.value(2).toString();
    i.severity = Severities::fromNumber(q.value(3).toInt()).value_or(Severity::Sev3);
    i.stage = Stages::fromKey(q.value(4).toString()).value_or(Stage::Detection);
    i.declaredAt = StoredTime::fromSql(q.value(5));
    i.detectedAt = StoredTime::fromSql(q.value(6));
    i.mitigatedAt = StoredTime::fromSql(q.value(7));
    i.resolvedAt = StoredTime::fromSql(q.value(8));
    i.drill = q.value(9).toBool();
    i.postmortemDueAt = StoredTime::fromSql(q.value(10));
    i.security = q.value(11).toBool();
    i.impact = q.value(12).toString();
    i.eta = q.value(13).toString();
    return i;
}
inline const auto kIncidentColumns = QStringLiteral(
    "id, title, summary, severity, stage, declared_at, detected_at, mitigated_at, resolved_at, is_drill, "
    "postmortem_due_at, is_security, impact, eta");

inline void bindIncident(QSqlQuery &q, const Incident &i)
{
    q.bindValue(QStringLiteral(":title"), text(i.title));
    q.bindValue(QStringLiteral(":summary"), text(i.summary));
    q.bindValue(QStringLiteral(":severity"), int(i.severity));
    q.bindValue(QStringLiteral(":stage"), Stages::key(i.stage));
    q.bindValue(QStringLiteral(":declared"), StoredTime::toSql(i.declaredAt));
    q.bindValue(QStringLiteral(":detected"), StoredTime::toSql(i.detectedAt));
    q.bindValue(QStringLiteral(":mitigated"), StoredTime::toSql(i.mitigatedAt));
    q.bindValue(QStringLiteral(":resolved"), StoredTime::toSql(i.resolvedAt));
    q.bindValue(QStringLiteral(":drill"), i.drill ? 1 : 0);
    q.bindValue(QStringLiteral(":postmortem"), StoredTime::toSql(i.postmortemDueAt));
    q.bindValue(QStringLiteral(":security"), i.security ? 1 : 0);
    q.bindValue(QStringLiteral(":impact"), text(i.impact));
    q.bindValue(QStringLiteral(":eta"), text(i.eta));
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
