#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

// One alert in the console's normalised form, whichever server it came from.
struct Alert
{
    enum class State { Firing, Pending, Suppressed };
    using Pairs = QList<std::pair<QString, QString>>; // sorted by name

    // Hash of the sorted label set: the same on every server that holds this alert, so an HA pair of
    // Alertmanagers (or Prometheus and its Alertmanager) show it once.
    QString identity;
    Pairs labels;
    Pairs annotations;
    State state = State::Firing;
    QDateTime activeSince;
    QString value;       // Prometheus only; a string, may be "NaN" or "+Inf"
    QString generatorUrl;
    QStringList silencedBy; // Alertmanager silence ids
    QStringList inhibitedBy;
    QStringList sources; // names of the sources reporting it now

    QString label(QStringView name) const;
    QString annotation(QStringView name) const;
    QString alertName() const { return label(u"alertname"); }
    QString severity() const { return label(u"severity"); }

    static QString stateKey(State s);
    static const char *stateWord(State s); // the same word, for writers of UTF-8
    // Identity of a label set; labels must be sorted by name.
    static QString identityOf(const Pairs &labels);
    static QString identityText(quint64 hash);
    // The same sixteen hex digits into `out`, for writers of UTF-8.
    static void writeIdentity(quint64 hash, char out[16]);

    bool operator==(const Alert &) const = default;
};
