#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>

// A pretend game server's vital signs, advancing with time under one of the playbook's drill scenarios.
// Counters only grow, so Prometheus' rate() behaves as it would on the real thing.
class GameServerModel final
{
public:
    static QStringList scenarios(); // normal, ddos, auth-failure, plugin-crash, latency-regression

    explicit GameServerModel(const QString &scenario = QStringLiteral("normal"));

    QString scenario() const { return m_scenario; }
    bool setScenario(const QString &name); // false for an unknown name
    void advance(double seconds);
    QByteArray exposition() const;        // Prometheus text format 0.0.4
    QStringList recentErrors() const;      // what /metrics/errors shows

    static constexpr std::array<double, 9> kBuckets{0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5};

private:
    struct Rates
    {
        double errorsCore, errorsPlugin, errorsAuth;
        double ddosEvents, ipBlocked, bruteforce;
        double rateLimited;
        double authAttempts, authFailureShare;
        double players;
        bool chatPluginUp;
        std::array<double, 10> latencyShare; // of observations per bucket (last: above the top bucket)
    };
    static Rates ratesFor(const QString &scenario);

    QString m_scenario;
    double m_errorsCore = 0, m_errorsPlugin = 0, m_errorsAuth = 0;
    double m_ddos = 0, m_ipBlocked = 0, m_bruteforce = 0;
    double m_rateLimited = 0, m_authAttempts = 0, m_authFailures = 0;
    std::array<double, 10> m_latencyCounts{};
    double m_latencySum = 0;
    double m_carry = 0; // fractional seconds of latency observations not yet made
    QStringList m_errors;
};
