#pragma once

#include "AlertSource.h"
#include "MetricExpression.h"
#include "Severity.h"
#include "StatusUpdate.h"

#include <QByteArray>
#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QUrl>

#include <optional>


// The user's preferences (not the incident record): one place for every key and its default.
class AppSettings final
{
public:
    AppSettings();

    // Both executables share one identity, so they find the same settings and default file.
    static void applyIdentity();
    static QString defaultDatabasePath();

    // Credentials are kept here (the user's own settings file, made private to the user), never in the incident file.
    QList<AlertSource> alertSources() const;
    QString fileName() const { return m_settings.fileName(); }
    void setAlertSources(const QList<AlertSource> &sources);
    int pollIntervalSeconds() const; // default for new sources: 15 unless set; at least 1
    void setPollIntervalSeconds(int seconds);
    // Severity label values that raise a desktop notification when a new alert starts firing.
    QStringList notifySeverities() const;
    void setNotifySeverities(const QStringList &severities);
    // IANA id, or empty for the system's local zone.
    QString displayTimeZoneId() const;
    void setDisplayTimeZoneId(const QString &id);
    QTimeZone displayTimeZone() const;
    // A third zone shown beside local time and UTC on the timeline (a team abroad); none when empty or unknown.
    QString thirdTimeZoneId() const;
    void setThirdTimeZoneId(const QString &id);
    std::optional<QTimeZone> thirdTimeZone() const;
    // Minutes between updates per audience and level; -1: the playbook's default, 0: none expected.
    int updateIntervalMinutes(StatusUpdate::Audience audience, Severity severity) const;
    void setUpdateIntervalMinutes(StatusUpdate::Audience audience, Severity severity, int minutes);

    // The live metrics panel's charts, in order; the playbook's defaults until the user edits the list.
    QList<MetricExpression> liveMetricExpressions() const;
    void setLiveMetricExpressions(const QList<MetricExpression> &expressions);
    void restoreDefaultLiveMetricExpressions();

    QString authorName() const;
    void setAuthorName(const QString &name);
    // Domains customers may see in an update (the status page's, the company's); every other URL or host name in a
    // customer draft is flagged as internal.
    QStringList publicDomains() const;
    void setPublicDomains(const QStringList &domains);
    // A name was given (not the login name standing in for one): a first run asks for it.
    bool hasChosenAuthorName() const;

    // Where the last export went: the export dialog starts there.
    QString lastExportFolder() const;
    void setLastExportFolder(const QString &folder);
    // A team database's password remembered on this computer, by the address without it; kept, as alert sources'
    // secrets are, in a settings file only its owner may read. Empty: none remembered.
    QString teamPassword(const QString &redactedAddress) const;
    void setTeamPassword(const QString &redactedAddress, const QString &password); // empty: forget it
    QStringList recentFiles() const;
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowLayout(const QByteArray &geometry, const QByteArray &state);

    void sync() { m_settings.sync(); }

private:
    // Before a secret goes in: the file exists and only its owner may read it.
    void keepOwnerOnly();

    QSettings m_settings;
};
