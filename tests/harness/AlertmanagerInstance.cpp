#include "AlertmanagerInstance.h"

#include <QJsonDocument>

AlertmanagerInstance::AlertmanagerInstance() = default;

AlertmanagerInstance::~AlertmanagerInstance()
{
    stop();
}

bool AlertmanagerInstance::start(QString *error)
{
    QString ignored;
    QString *why = error ? error : &ignored;
    static const QByteArray config = "route:\n"
                                     "  receiver: nobody\n"
                                     "  group_wait: 1s\n"
                                     "  group_interval: 1s\n"
                                     "  repeat_interval: 1h\n"
                                     "receivers:\n"
                                     "  - name: nobody\n";
    if (!m_server.prepare(why) || !m_server.writeFile(QStringLiteral("alertmanager.yml"), config, why)) {
        return false;
    }
    const QString configPath = m_server.filePath(QStringLiteral("alertmanager.yml"));
    const QString storagePath = m_server.filePath(QStringLiteral("data"));
    return m_server.start(
        LoopbackServerProcess::findProgram(QStringLiteral("prometheus-alertmanager")),
        [&](const QString &listen) {
            // Debian's defaults listen on 0.0.0.0:9093 and :9094 (cluster): every address is ours, cluster off.
            return QStringList{QStringLiteral("--config.file=") + configPath,
                               QStringLiteral("--storage.path=") + storagePath,
                               QStringLiteral("--web.listen-address=") + listen,
                               QStringLiteral("--cluster.listen-address=")};
        },
        why);
}

void AlertmanagerInstance::stop()
{
    m_server.stop();
}

QUrl AlertmanagerInstance::url() const
{
    return m_server.url();
}

qint64 AlertmanagerInstance::processId() const
{
    return m_server.processId();
}

bool AlertmanagerInstance::postAlerts(const QJsonArray &alerts, QString *error)
{
    QString ignored;
    return m_server.post(QStringLiteral("/api/v2/alerts"), QJsonDocument(alerts).toJson(QJsonDocument::Compact),
                         error ? error : &ignored);
}

QByteArray AlertmanagerInstance::get(const QString &path, int *httpStatus)
{
    return m_server.get(path, httpStatus);
}
