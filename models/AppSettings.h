#pragma once

#include <QByteArray>
#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QUrl>

struct AlertSourceConfig
{
    enum class Kind { Prometheus, Alertmanager };
    Kind kind = Kind::Prometheus;
    QUrl url;

    static QString kindKey(Kind k) { return k == Kind::Prometheus ? QStringLiteral("prometheus") : QStringLiteral("alertmanager"); }
    bool operator==(const AlertSourceConfig &) const = default;
};

// The user's preferences (not the incident record): one place for every key and its default.
class AppSettings final
{
public:
    AppSettings();

    // Both executables share one identity, so they find the same settings and default file.
    static void applyIdentity();
    static QString defaultDatabasePath();

    QList<AlertSourceConfig> alertSources() const;
    void setAlertSources(const QList<AlertSourceConfig> &sources);
    int pollIntervalSeconds() const; // 15 unless set; at least 1
    void setPollIntervalSeconds(int seconds);
    // IANA id, or empty for the system's local zone.
    QString displayTimeZoneId() const;
    void setDisplayTimeZoneId(const QString &id);
    QTimeZone displayTimeZone() const;
    QString authorName() const;
    void setAuthorName(const QString &name);

    QStringList recentFiles() const;
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowLayout(const QByteArray &geometry, const QByteArray &state);

    void sync() { m_settings.sync(); }

private:
    QSettings m_settings;
};
