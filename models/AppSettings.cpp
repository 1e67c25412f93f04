#include "AppSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace {
const int kMaxRecentFiles = 8;
}

AppSettings::AppSettings() = default;

void AppSettings::applyIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("incident-console"));
    QCoreApplication::setApplicationName(QStringLiteral("incident-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IC_VERSION));
}

QString AppSettings::defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/incidents.sqlite");
}

QList<AlertSourceConfig> AppSettings::alertSources() const
{
    QList<AlertSourceConfig> list;
    const QStringList entries = m_settings.value(QStringLiteral("alerts/sources")).toStringList();
    for (const QString &entry : entries) {
        // "kind url", e.g. "alertmanager http://127.0.0.1:9093"
        const QString kind = entry.section(u' ', 0, 0);
        const QUrl url(entry.section(u' ', 1), QUrl::StrictMode);
        if (!url.isValid()) {
            continue;
        }
        list.append({kind == QStringLiteral("alertmanager") ? AlertSourceConfig::Kind::Alertmanager
                                                            : AlertSourceConfig::Kind::Prometheus,
                     url});
    }
    return list;
}

void AppSettings::setAlertSources(const QList<AlertSourceConfig> &sources)
{
    QStringList entries;
    for (const auto &s : sources) {
        entries.append(AlertSourceConfig::kindKey(s.kind) + u' ' + s.url.toString());
    }
    m_settings.setValue(QStringLiteral("alerts/sources"), entries);
}

int AppSettings::pollIntervalSeconds() const
{
    return std::max(1, m_settings.value(QStringLiteral("alerts/pollIntervalSeconds"), 15).toInt());
}

void AppSettings::setPollIntervalSeconds(int seconds)
{
    m_settings.setValue(QStringLiteral("alerts/pollIntervalSeconds"), std::max(1, seconds));
}

QString AppSettings::displayTimeZoneId() const
{
    return m_settings.value(QStringLiteral("display/timeZone")).toString();
}

void AppSettings::setDisplayTimeZoneId(const QString &id)
{
    m_settings.setValue(QStringLiteral("display/timeZone"), id);
}

QTimeZone AppSettings::displayTimeZone() const
{
    const QString id = displayTimeZoneId();
    if (!id.isEmpty()) {
        QTimeZone zone(id.toUtf8());
        if (zone.isValid()) {
            return zone;
        }
    }
    return QTimeZone::systemTimeZone();
}

QString AppSettings::authorName() const
{
    const QString name = m_settings.value(QStringLiteral("user/name")).toString();
    if (!name.isEmpty()) {
        return name;
    }
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
    return user.isEmpty() ? QStringLiteral("") : user;
}

void AppSettings::setAuthorName(const QString &name)
{
    m_settings.setValue(QStringLiteral("user/name"), name.trimmed());
}

QStringList AppSettings::recentFiles() const
{
    return m_settings.value(QStringLiteral("files/recent")).toStringList();
}

void AppSettings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles) {
        files.removeLast();
    }
    m_settings.setValue(QStringLiteral("files/recent"), files);
}

void AppSettings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(QFileInfo(path).absoluteFilePath());
    m_settings.setValue(QStringLiteral("files/recent"), files);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::setWindowLayout(const QByteArray &geometry, const QByteArray &state)
{
    m_settings.setValue(QStringLiteral("window/geometry"), geometry);
    m_settings.setValue(QStringLiteral("window/state"), state);
}
