#include "AppSettings.h"

#include "DatabaseAddress.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
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

QList<AlertSource> AppSettings::alertSources() const
{
    QList<AlertSource> list;
    auto &settings = const_cast<QSettings &>(m_settings);
    const int count = settings.beginReadArray(QStringLiteral("alertSources"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        AlertSource s;
        s.kind = settings.value(QStringLiteral("kind")).toString() == QStringLiteral("alertmanager")
                     ? AlertSource::Kind::Alertmanager
                     : AlertSource::Kind::Prometheus;
        s.url = QUrl(settings.value(QStringLiteral("url")).toString(), QUrl::StrictMode);
        s.intervalSeconds = std::max(1, settings.value(QStringLiteral("intervalSeconds"), 15).toInt());
        s.timeoutSeconds = std::max(1, settings.value(QStringLiteral("timeoutSeconds"), 10).toInt());
        const QString auth = settings.value(QStringLiteral("auth")).toString();
        s.auth = auth == QStringLiteral("basic")    ? AlertSource::Auth::Basic
                 : auth == QStringLiteral("bearer") ? AlertSource::Auth::Bearer
                                                    : AlertSource::Auth::None;
        s.username = settings.value(QStringLiteral("username")).toString();
        s.password = settings.value(QStringLiteral("secret")).toString();
        s.caFile = settings.value(QStringLiteral("caFile")).toString();
        if (s.url.isValid()) {
            list.append(s);
        }
    }
    settings.endArray();
    return list;
}

void AppSettings::keepOwnerOnly()
{
    // The file may hold passwords and tokens: only its owner may read it, from before the first secret goes in.
    // (Qt rewrites the file through a new one that keeps the old one's permissions.)
    const QString fileName = m_settings.fileName();
    if (!QFile::exists(fileName)) {
        QDir().mkpath(QFileInfo(fileName).absolutePath());
        QFile create(fileName);
        // NewOnly: never truncate one another process has just made; created owner-only from the start.
        if (create.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            create.close();
        }
    }
    QFile::setPermissions(fileName, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

// QSettings keys cannot hold an address's slashes and colons: a digest of it names its entry.
static QString teamPasswordKey(const QString &redactedAddress)
{
    return QStringLiteral("teamPasswords/") +
           QString::fromLatin1(
               QCryptographicHash::hash(redactedAddress.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

QString AppSettings::teamPassword(const QString &redactedAddress) const
{
    return m_settings.value(teamPasswordKey(redactedAddress)).toString();
}

void AppSettings::setTeamPassword(const QString &redactedAddress, const QString &password)
{
    if (password.isEmpty()) {
        m_settings.remove(teamPasswordKey(redactedAddress));
        return;
    }
    keepOwnerOnly();
    m_settings.setValue(teamPasswordKey(redactedAddress), password);
    m_settings.sync();
    QFile::setPermissions(m_settings.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void AppSettings::setAlertSources(const QList<AlertSource> &sources)
{
    keepOwnerOnly();
    const QString fileName = m_settings.fileName();
    m_settings.remove(QStringLiteral("alertSources"));
    m_settings.beginWriteArray(QStringLiteral("alertSources"), int(sources.size()));
    for (int i = 0; i < sources.size(); ++i) {
        const AlertSource &s = sources[i];
        m_settings.setArrayIndex(i);
        m_settings.setValue(QStringLiteral("kind"), AlertSource::kindKey(s.kind));
        m_settings.setValue(QStringLiteral("url"), s.url.toString());
        m_settings.setValue(QStringLiteral("intervalSeconds"), s.intervalSeconds);
        m_settings.setValue(QStringLiteral("timeoutSeconds"), s.timeoutSeconds);
        m_settings.setValue(QStringLiteral("auth"), s.auth == AlertSource::Auth::Basic    ? QStringLiteral("basic")
                                                    : s.auth == AlertSource::Auth::Bearer ? QStringLiteral("bearer")
                                                                                          : QStringLiteral("none"));
        m_settings.setValue(QStringLiteral("username"), s.username);
        m_settings.setValue(QStringLiteral("secret"), s.password);
        m_settings.setValue(QStringLiteral("caFile"), s.caFile);
    }
    m_settings.endArray();
    m_settings.sync();
    QFile::setPermissions(fileName, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QStringList AppSettings::notifySeverities() const
{
    return m_settings.value(QStringLiteral("alerts/notifySeverities"), QStringList{QStringLiteral("SEV-1"), QStringLiteral("SEV-2")})
        .toStringList();
}

void AppSettings::setNotifySeverities(const QStringList &severities)
{
    m_settings.setValue(QStringLiteral("alerts/notifySeverities"), severities);
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

QString AppSettings::thirdTimeZoneId() const
{
    return m_settings.value(QStringLiteral("display/thirdTimeZone")).toString();
}

void AppSettings::setThirdTimeZoneId(const QString &id)
{
    m_settings.setValue(QStringLiteral("display/thirdTimeZone"), id);
}

std::optional<QTimeZone> AppSettings::thirdTimeZone() const
{
    const QString id = thirdTimeZoneId();
    if (id.isEmpty()) {
        return std::nullopt;
    }
    QTimeZone zone(id.toUtf8());
    return zone.isValid() ? std::optional(zone) : std::nullopt;
}

int AppSettings::updateIntervalMinutes(StatusUpdate::Audience audience, Severity severity) const
{
    const QString key = QStringLiteral("cadence/%1/sev%2").arg(StatusUpdate::audienceKey(audience)).arg(int(severity));
    bool ok = false;
    const int minutes = m_settings.value(key).toInt(&ok);
    return ok ? std::max(0, minutes) : -1;
}

void AppSettings::setUpdateIntervalMinutes(StatusUpdate::Audience audience, Severity severity, int minutes)
{
    const QString key = QStringLiteral("cadence/%1/sev%2").arg(StatusUpdate::audienceKey(audience)).arg(int(severity));
    if (minutes < 0) {
        m_settings.remove(key);
    } else {
        m_settings.setValue(key, minutes);
    }
}

QList<MetricExpression> AppSettings::liveMetricExpressions() const
{
    auto &settings = const_cast<QSettings &>(m_settings);
    // No array yet means never edited: the defaults, so better defaults later reach everyone who kept them.
    if (!settings.contains(QStringLiteral("liveMetrics/size"))) {
        return MetricExpression::defaults();
    }
    QList<MetricExpression> list;
    const int count = settings.beginReadArray(QStringLiteral("liveMetrics"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        MetricExpression e;
        e.title = settings.value(QStringLiteral("title")).toString();
        e.expression = settings.value(QStringLiteral("expression")).toString();
        e.unit = settings.value(QStringLiteral("unit")).toString();
        bool ok = false;
        const double threshold = settings.value(QStringLiteral("threshold")).toString().toDouble(&ok);
        if (ok) {
            e.threshold = threshold;
        }
        if (!e.expression.trimmed().isEmpty()) {
            list.append(e);
        }
    }
    settings.endArray();
    return list;
}

void AppSettings::setLiveMetricExpressions(const QList<MetricExpression> &expressions)
{
    m_settings.remove(QStringLiteral("liveMetrics"));
    m_settings.beginWriteArray(QStringLiteral("liveMetrics"), int(expressions.size()));
    for (int i = 0; i < expressions.size(); ++i) {
        const MetricExpression &e = expressions[i];
        m_settings.setArrayIndex(i);
        m_settings.setValue(QStringLiteral("title"), e.title);
        m_settings.setValue(QStringLiteral("expression"), e.expression);
        m_settings.setValue(QStringLiteral("unit"), e.unit);
        // Text, not a number: an empty value is "no line", and the file stays readable.
        m_settings.setValue(QStringLiteral("threshold"), e.threshold ? QString::number(*e.threshold) : QString());
    }
    m_settings.endArray();
}

void AppSettings::restoreDefaultLiveMetricExpressions()
{
    m_settings.remove(QStringLiteral("liveMetrics"));
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

QStringList AppSettings::publicDomains() const
{
    return m_settings.value(QStringLiteral("updates/publicDomains")).toStringList();
}

void AppSettings::setPublicDomains(const QStringList &domains)
{
    QStringList clean;
    for (const QString &d : domains) {
        if (const QString t = d.trimmed().toLower(); !t.isEmpty() && !clean.contains(t)) {
            clean.append(t);
        }
    }
    m_settings.setValue(QStringLiteral("updates/publicDomains"), clean);
}

bool AppSettings::hasChosenAuthorName() const
{
    return !m_settings.value(QStringLiteral("user/name")).toString().trimmed().isEmpty();
}

void AppSettings::setAuthorName(const QString &name)
{
    m_settings.setValue(QStringLiteral("user/name"), name.trimmed());
}

QString AppSettings::lastExportFolder() const
{
    return m_settings.value(QStringLiteral("export/folder")).toString();
}

void AppSettings::setLastExportFolder(const QString &folder)
{
    m_settings.setValue(QStringLiteral("export/folder"), folder);
}

QStringList AppSettings::recentFiles() const
{
    return m_settings.value(QStringLiteral("files/recent")).toStringList();
}

// A file by its absolute path; a team database by its address as given (already without a password).
static QString recentKey(const QString &path)
{
    return DatabaseAddress::isAddress(path) ? path : QFileInfo(path).absoluteFilePath();
}

void AppSettings::addRecentFile(const QString &path)
{
    const QString key = recentKey(path);
    QStringList files = recentFiles();
    files.removeAll(key);
    files.prepend(key);
    while (files.size() > kMaxRecentFiles) {
        files.removeLast();
    }
    m_settings.setValue(QStringLiteral("files/recent"), files);
}

void AppSettings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(recentKey(path));
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
