#include "GameServerModel.h"

#include <QDateTime>

#include <cmath>

namespace {
// Per second: 200 socket events observed, spread over the buckets by the scenario.
constexpr double kObservationsPerSecond = 200;
// A representative latency inside each bucket, for the _sum.
constexpr std::array<double, 10> kBucketMiddle{0.006, 0.018, 0.04, 0.075, 0.125, 0.2, 0.35, 0.7, 1.5, 3.0};
} // namespace

QStringList GameServerModel::scenarios()
{
    return {QStringLiteral("normal"), QStringLiteral("ddos"), QStringLiteral("auth-failure"),
            QStringLiteral("plugin-crash"), QStringLiteral("latency-regression")};
}

GameServerModel::GameServerModel(const QString &scenario)
{
    if (!setScenario(scenario)) {
        m_scenario = QStringLiteral("normal");
    }
}

bool GameServerModel::setScenario(const QString &name)
{
    if (!scenarios().contains(name)) {
        return false;
    }
    m_scenario = name;
    return true;
}

GameServerModel::Rates GameServerModel::ratesFor(const QString &s)
{
    // Normal: 98% of events within 100 ms, so P95 stays clear of the SEV-2 line. The shares add up to 1.
    Rates r{0.05, 0.02, 0.01, 0, 0.01, 0, 0.2, 20, 0.03, 1200, true,
            {0.10, 0.30, 0.38, 0.20, 0.015, 0.005, 0, 0, 0, 0}};
    if (s == QStringLiteral("ddos")) {
        r.ddosEvents = 40;
        r.ipBlocked = 6;
        r.rateLimited = 150;
        r.players = 1100;
        r.latencyShare = {0.05, 0.15, 0.30, 0.38, 0.07, 0.04, 0.01, 0, 0, 0}; // P95 about 120 ms
    } else if (s == QStringLiteral("auth-failure")) {
        r.errorsAuth = 15;
        r.authFailureShare = 0.85;
        r.bruteforce = 0.5;
        r.players = 400;
    } else if (s == QStringLiteral("plugin-crash")) {
        r.errorsPlugin = 12;
        r.chatPluginUp = false;
    } else if (s == QStringLiteral("latency-regression")) {
        r.latencyShare = {0.02, 0.05, 0.13, 0.20, 0.25, 0.22, 0.09, 0.04, 0, 0}; // P95 about 400 ms
        r.players = 1150;
    }
    return r;
}

void GameServerModel::advance(double seconds)
{
    if (seconds <= 0) {
        return;
    }
    const Rates r = ratesFor(m_scenario);
    m_errorsCore += r.errorsCore * seconds;
    m_errorsPlugin += r.errorsPlugin * seconds;
    m_errorsAuth += r.errorsAuth * seconds;
    m_ddos += r.ddosEvents * seconds;
    m_ipBlocked += r.ipBlocked * seconds;
    m_bruteforce += r.bruteforce * seconds;
    m_rateLimited += r.rateLimited * seconds;
    m_authAttempts += r.authAttempts * seconds;
    m_authFailures += r.authAttempts * r.authFailureShare * seconds;
    // Whole observations only, so bucket counts stay integers as in a real histogram.
    m_carry += kObservationsPerSecond * seconds;
    const double batch = std::floor(m_carry);
    m_carry -= batch;
    for (size_t i = 0; i < m_latencyCounts.size(); ++i) {
        const double n = std::round(batch * r.latencyShare[i]);
        m_latencyCounts[i] += n;
        m_latencySum += n * kBucketMiddle[i];
    }
    if (r.errorsPlugin > 1 || r.errorsAuth > 1) {
        const QString stamp = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        m_errors.append(r.errorsPlugin > 1 ? stamp + QStringLiteral(" ERROR plugin=chat: segmentation fault in on_message")
                                           : stamp + QStringLiteral(" ERROR auth: token service returned 503"));
        while (m_errors.size() > 50) {
            m_errors.removeFirst();
        }
    }
}

QStringList GameServerModel::recentErrors() const
{
    return m_errors;
}

QByteArray GameServerModel::exposition() const
{
    const Rates r = ratesFor(m_scenario);
    auto num = [](double v) { return QByteArray::number(std::floor(v), 'f', 0); };
    QByteArray out;
    out += "# HELP game_server_error_log_total Errors written to the server log.\n"
           "# TYPE game_server_error_log_total counter\n";
    out += "game_server_error_log_total{component=\"core\",level=\"error\"} " + num(m_errorsCore) + "\n";
    out += "game_server_error_log_total{component=\"plugin\",level=\"error\"} " + num(m_errorsPlugin) + "\n";
    out += "game_server_error_log_total{component=\"auth\",level=\"error\"} " + num(m_errorsAuth) + "\n";
    out += "# HELP game_server_security_events_total Security events seen by the server's own defences.\n"
           "# TYPE game_server_security_events_total counter\n";
    out += "game_server_security_events_total{type=\"ddos_suspected\"} " + num(m_ddos) + "\n";
    out += "game_server_security_events_total{type=\"ip_blocked\"} " + num(m_ipBlocked) + "\n";
    out += "game_server_security_events_total{type=\"auth_bruteforce\"} " + num(m_bruteforce) + "\n";
    out += "# HELP game_server_rate_limited_requests_total Requests refused by connection throttles.\n"
           "# TYPE game_server_rate_limited_requests_total counter\n";
    out += "game_server_rate_limited_requests_total " + num(m_rateLimited) + "\n";
    out += "# HELP game_server_auth_attempts_total Login attempts.\n# TYPE game_server_auth_attempts_total counter\n";
    out += "game_server_auth_attempts_total " + num(m_authAttempts) + "\n";
    out += "# HELP game_server_auth_failures_total Failed login attempts.\n# TYPE game_server_auth_failures_total counter\n";
    out += "game_server_auth_failures_total " + num(m_authFailures) + "\n";
    out += "# HELP game_server_socket_latency_seconds Socket event handling latency.\n"
           "# TYPE game_server_socket_latency_seconds histogram\n";
    double cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += m_latencyCounts[i];
        out += "game_server_socket_latency_seconds_bucket{le=\"" + QByteArray::number(kBuckets[i]) + "\"} " +
               num(cumulative) + "\n";
    }
    cumulative += m_latencyCounts.back();
    out += "game_server_socket_latency_seconds_bucket{le=\"+Inf\"} " + num(cumulative) + "\n";
    out += "game_server_socket_latency_seconds_sum " + QByteArray::number(m_latencySum, 'f', 3) + "\n";
    out += "game_server_socket_latency_seconds_count " + num(cumulative) + "\n";
    out += "# HELP game_server_connected_players Players connected now.\n# TYPE game_server_connected_players gauge\n";
    out += "game_server_connected_players " + num(r.players) + "\n";
    out += "# HELP game_server_plugin_up Whether a plugin is loaded and answering.\n# TYPE game_server_plugin_up gauge\n";
    out += QByteArray("game_server_plugin_up{plugin=\"chat\"} ") + (r.chatPluginUp ? "1" : "0") + "\n";
    out += "game_server_plugin_up{plugin=\"inventory\"} 1\n";
    return out;
}
