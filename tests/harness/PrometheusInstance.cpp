#include "PrometheusInstance.h"

namespace {
// A YAML flow sequence of single-quoted strings (a single quote inside is doubled).
QByteArray yamlList(const QStringList &items)
{
    QByteArray out = "[";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += ", ";
        }
        out += '\'' + items.at(i).toUtf8().replace('\'', "''") + '\'';
    }
    return out + ']';
}

QByteArray yamlString(const QString &text)
{
    return yamlList({text}).mid(1).chopped(1);
}
} // namespace

PrometheusInstance::PrometheusInstance() = default;

PrometheusInstance::~PrometheusInstance()
{
    stop();
}

bool PrometheusInstance::start(const QByteArray &rulesYaml, const QStringList &scrapeTargets,
                               const QStringList &alertmanagers, QString *error, const QString &interval)
{
    QString ignored;
    QString *why = error ? error : &ignored;
    if (!m_server.prepare(why)) {
        return false;
    }
    QByteArray config = "global:\n  scrape_interval: " + interval.toUtf8() + "\n  evaluation_interval: " +
                        interval.toUtf8() + "\n";
    if (!rulesYaml.trimmed().isEmpty()) {
        if (!m_server.writeFile(QStringLiteral("rules.yml"), rulesYaml, why)) {
            return false;
        }
        config += "rule_files:\n  - " + yamlString(m_server.filePath(QStringLiteral("rules.yml"))) + "\n";
    }
    if (!scrapeTargets.isEmpty()) {
        config += "scrape_configs:\n  - job_name: game-server\n    static_configs:\n      - targets: " +
                  yamlList(scrapeTargets) + "\n";
    }
    if (!alertmanagers.isEmpty()) {
        config += "alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: " + yamlList(alertmanagers) +
                  "\n";
    }
    if (!m_server.writeFile(QStringLiteral("prometheus.yml"), config, why)) {
        return false;
    }
    const QString configPath = m_server.filePath(QStringLiteral("prometheus.yml"));
    const QString storagePath = m_server.filePath(QStringLiteral("tsdb"));
    return m_server.start(
        LoopbackServerProcess::findProgram(QStringLiteral("prometheus")),
        [&](const QString &listen) {
            // Debian's default is 0.0.0.0:9090 and /var/lib/prometheus: every address and path is ours.
            // Without a short resend delay Prometheus waits up to a minute before re-sending a firing alert.
            return QStringList{QStringLiteral("--config.file=") + configPath,
                               QStringLiteral("--storage.tsdb.path=") + storagePath,
                               QStringLiteral("--web.listen-address=") + listen,
                               QStringLiteral("--rules.alert.resend-delay=1s")};
        },
        why);
}

void PrometheusInstance::stop()
{
    m_server.stop();
}

QUrl PrometheusInstance::url() const
{
    return m_server.url();
}

qint64 PrometheusInstance::processId() const
{
    return m_server.processId();
}

QByteArray PrometheusInstance::get(const QString &path, int *httpStatus)
{
    return m_server.get(path, httpStatus);
}
