#include "ReviewSession.h"

#include "ActionItem.h"
#include "Clock.h"
#include "IncidentStore.h"
#include "TimelineInput.h"
#include "Workspace.h"

#include <QUndoStack>

#include <algorithm>

ReviewSession::ReviewSession(IncidentStore *store, qint64 incidentId, QObject *parent)
    : QObject(parent), m_store(store), m_incidentId(incidentId)
{
    // The store signals only after a commit, so reading again right away sees the edit.
    connect(store, &IncidentStore::timelineEntryInserted, this, [this](qint64 id, qint64) { reloadIfMine(id); });
    connect(store, &IncidentStore::timelineEntryChanged, this, [this](qint64 id, qint64) { reloadIfMine(id); });
    connect(store, &IncidentStore::timelineEntryRemoved, this, [this](qint64 id, qint64) { reloadIfMine(id); });
    connect(store, &IncidentStore::timelineReset, this, &ReviewSession::reloadIfMine);
    connect(store, &IncidentStore::severityHistoryChanged, this, &ReviewSession::reloadIfMine);
    connect(store, &IncidentStore::assignmentsChanged, this, &ReviewSession::reloadIfMine);
    connect(store, &IncidentStore::alertLinksChanged, this, &ReviewSession::reloadIfMine);
    connect(store, &IncidentStore::incidentChanged, this, &ReviewSession::reloadIfMine);
    connect(store, &IncidentStore::incidentRemoved, this, &ReviewSession::reloadIfMine);
    // A resolution time arriving in the archive changes which alerts were firing when.
    connect(store, &IncidentStore::alertArchiveChanged, this, &ReviewSession::reload);
    connect(store, &IncidentStore::rosterChanged, this, &ReviewSession::reload);
    connect(store, &IncidentStore::storeReset, this, &ReviewSession::reload);
    reload();
}

void ReviewSession::reloadIfMine(qint64 incidentId)
{
    if (incidentId == m_incidentId) {
        reload();
    }
}

void ReviewSession::reload()
{
    const ReviewMoment shown = current();
    m_loadError.clear();
    m_moments.clear();
    m_severity.clear();
    m_assignments.clear();
    m_roles.clear();
    m_alerts.clear();

    auto incident = m_store->incident(m_incidentId);
    auto moments = incident ? m_store->keyMomentsAndActions(m_incidentId, false) : Result<QList<TimelineEntry>>(incident.status());
    auto severity = m_store->severityChanges(m_incidentId);
    auto assignments = m_store->assignments(m_incidentId);
    auto roles = m_store->roles();
    auto alerts = m_store->linkedArchivedAlerts(m_incidentId);
    for (const Status &s : {moments.status(), severity.status(), assignments.status(), roles.status(), alerts.status()}) {
        if (!s && m_loadError.isEmpty()) {
            m_loadError = s.error();
        }
    }
    if (m_loadError.isEmpty()) {
        m_incident = incident.value();
        m_moments = moments.value();
        m_severity = severity.value();
        m_assignments = assignments.value();
        m_roles = roles.value();
        m_alerts = alerts.value();
    } else {
        m_incident = Incident();
    }

    // Keep the moment being discussed; when it went away (unmarked, deleted, undone), show the next one in time.
    m_current = m_moments.isEmpty() ? -1 : 0;
    if (shown.isValid() && !m_moments.isEmpty()) {
        const auto byId = std::find_if(m_moments.cbegin(), m_moments.cend(),
                                       [&](const TimelineEntry &e) { return e.id == shown.entry.id; });
        if (byId != m_moments.cend()) {
            m_current = int(byId - m_moments.cbegin());
        } else {
            const auto byTime = std::find_if(m_moments.cbegin(), m_moments.cend(), [&](const TimelineEntry &e) {
                return e.occurredAt >= shown.entry.occurredAt;
            });
            m_current = byTime == m_moments.cend() ? int(m_moments.size()) - 1 : int(byTime - m_moments.cbegin());
        }
    }
    emit currentChanged();
}

ReviewMoment ReviewSession::momentAt(int index) const
{
    ReviewMoment m;
    m.count = count();
    if (index < 0 || index >= count()) {
        return m;
    }
    m.index = index;
    m.entry = m_moments.at(index);
    m.severity = severityAt(m.entry.occurredAt);
    m.roles = rolesAt(m.entry.occurredAt);
    m.firingAlerts = firingAlertsAt(m.entry.occurredAt);
    return m;
}

Severity ReviewSession::severityAt(const QDateTime &t) const
{
    if (m_severity.isEmpty()) {
        return m_incident.severity;
    }
    // A moment before the first step (typed in with an earlier time) reads the declared level.
    Severity level = m_severity.first().severity;
    for (const SeverityChange &c : m_severity) {
        if (c.changedAt > t) {
            break;
        }
        level = c.severity;
    }
    return level;
}

QList<ReviewMoment::RoleHolder> ReviewSession::rolesAt(const QDateTime &t) const
{
    QList<ReviewMoment::RoleHolder> holders;
    for (const Role &role : m_roles) {
        for (const RoleAssignment &a : m_assignments) {
            const bool held = a.roleId == role.id && a.assumedAt <= t && (!a.releasedAt.isValid() || a.releasedAt > t);
            if (held) {
                holders.append({role.name, a.personName});
            }
        }
    }
    return holders;
}

QList<ReviewMoment::FiringAlert> ReviewSession::firingAlertsAt(const QDateTime &t) const
{
    // Only the incident's linked alerts: the archive keeps everything the console saw, and a slide full of other
    // services' noise would mislead the meeting. An alert linked late still counts from when it first fired.
    QList<ReviewMoment::FiringAlert> firing;
    for (const ArchivedAlert &a : m_alerts) {
        if (a.firstSeen.isValid() && a.firstSeen <= t && (!a.resolvedAt.isValid() || a.resolvedAt > t)) {
            const QString name = a.alertName.isEmpty() ? a.identity : a.alertName;
            firing.append({name, a.labels.value(QStringLiteral("severity")).toString(), a.firstSeen});
        }
    }
    return firing;
}

bool ReviewSession::moveTo(int index)
{
    if (index < 0 || index >= count() || index == m_current) {
        return false;
    }
    m_current = index;
    emit currentChanged();
    return true;
}

bool ReviewSession::next() { return moveTo(m_current + 1); }
bool ReviewSession::previous() { return moveTo(m_current - 1); }
bool ReviewSession::first() { return moveTo(0); }
bool ReviewSession::last() { return moveTo(count() - 1); }
bool ReviewSession::setCurrentIndex(int index) { return moveTo(index); }

bool ReviewSession::setCurrentEntry(qint64 entryId)
{
    for (int i = 0; i < count(); ++i) {
        if (m_moments.at(i).id == entryId) {
            return moveTo(i);
        }
    }
    return false;
}

Result<qint64> ReviewSession::addKeyMoment(Workspace &workspace, const QString &line, const QTimeZone &zone)
{
    // Checked first so a typing slip leaves nothing on the undo stack.
    const TimelineInput::Line parsed = TimelineInput::parseLine(line, Clock::nowUtc(), zone);
    if (!parsed.error.isEmpty()) {
        return Status::failure(parsed.error);
    }
    QString placed = line;
    const ReviewMoment shown = current();
    if (!parsed.occurredAt.isValid() && shown.isValid()) {
        // The meeting talks about the moment on screen, not about the meeting's own "now"; same time sorts after it.
        placed = shown.entry.occurredAt.toUTC().toString(Qt::ISODateWithMs) + QLatin1Char(' ') + line;
    }
    QUndoStack *stack = workspace.undoStack();
    stack->beginMacro(tr("Add key moment"));
    const Result<qint64> added = workspace.addTimelineLine(m_incidentId, placed, TimelineEntry::Kind::Note, zone);
    const Status marked = added ? workspace.setKeyMoment(added.value(), true) : added.status();
    stack->endMacro();
    if (!marked) {
        stack->undo(); // all or nothing: no unmarked entry left behind
        return marked;
    }
    setCurrentEntry(added.value());
    return added.value();
}

Result<qint64> ReviewSession::addActionItem(Workspace &workspace, const QString &title, qint64 ownerId)
{
    ActionItem item;
    item.incidentId = m_incidentId;
    item.title = title;
    item.ownerId = ownerId;
    return workspace.saveActionItem(item);
}
