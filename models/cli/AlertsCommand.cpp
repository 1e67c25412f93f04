// incident-console-cli alerts: the alerts firing now, polled with the same poller, decoder and merge as the window.
#include "AlertJson.h"
#include "AlertPoller.h"
#include "AlertSource.h"
#include "AppSettings.h"
#include "ByteBuffer.h"
#include "CliCommand.h"
#include "FastIsoTime.h"
#include "LiveAlertModel.h"
#include "UntrustedText.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QUrl>

#include <algorithm>
#include <vector>

namespace {

const auto tr = cliText;

class AlertsCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("alerts"); }
    QString usage() const override
    {
        return tr(
            "  alerts --prometheus URL | --alertmanager URL [--once] [--json]\n"
            "                                                  Print the alerts firing now, in the console's "
            "normalised\n"
            "                                                  form; without --once, again whenever they change.\n"
            "                                                  Both options may be repeated; no --db needed.\n"
            "         [--source NAME] [--password-file FILE | --token-file FILE]\n"
            "                                                  --source: a source kept in the console's Settings, by\n"
            "                                                  its address, with its credentials. A password for a\n"
            "                                                  user@ address, or a bearer token, comes from the file\n"
            "                                                  (its first line) or from IC_ALERTS_PASSWORD or\n"
            "                                                  IC_ALERTS_TOKEN, so it never shows in the process "
            "list.\n");
    }
    QList<QCommandLineOption> options() const override
    {
        return {valueOption("prometheus", "URL"),
                valueOption("alertmanager", "URL"),
                flagOption("once"),
                flagOption("json"),
                valueOption("source", "NAME"),
                valueOption("password-file", "FILE"),
                valueOption("token-file", "FILE")};
    }
    File file() const override { return File::None; }
    // Freeing 10,000 merged alerts is a tenth of `alerts --once`: the poller is kept past the run.
    bool mayExitWithoutTeardown() const override { return m_poller != nullptr; }

    int run(CliContext &c) override
    {
        QList<AlertSource> sources;
        for (const auto &[option, kindOf] : {std::pair{"prometheus", AlertSource::Kind::Prometheus},
                                             std::pair{"alertmanager", AlertSource::Kind::Alertmanager}}) {
            for (const QString &value : c.values(option)) {
                const Result<AlertSource> source = AlertSource::fromAddress(kindOf, value);
                if (!source) {
                    return c.usageError(source.error());
                }
                sources.append(*source);
            }
        }
        // A secret from a file or the environment, never from the command line that `ps` shows.
        if (c.isSet("password-file") && c.isSet("token-file")) {
            return c.usageError(tr("give --password-file or --token-file, not both"));
        }
        auto secretFrom = [&](const char *option, const char *variable) -> Result<QString> {
            if (!c.isSet(option)) {
                return qEnvironmentVariable(variable);
            }
            QFile file(c.value(option));
            if (!file.open(QIODevice::ReadOnly)) {
                return Status::failure(tr("--%1 %2 cannot be read: %3")
                                           .arg(QString::fromLatin1(option), c.value(option), file.errorString()));
            }
            return QString::fromUtf8(file.readLine()).remove(u'\n').remove(u'\r');
        };
        const Result<QString> password = secretFrom("password-file", "IC_ALERTS_PASSWORD");
        const Result<QString> token = secretFrom("token-file", "IC_ALERTS_TOKEN");
        for (const Result<QString> *secret : {&password, &token}) {
            if (!*secret) {
                return c.usageError(secret->error());
            }
        }
        for (AlertSource &source : sources) {
            if (source.auth == AlertSource::Auth::Basic && source.password.isEmpty()) {
                source.password = password.value(); // user@host given, its password kept out of the command line
            } else if (source.auth == AlertSource::Auth::None && !token->isEmpty()) {
                source.auth = AlertSource::Auth::Bearer;
                source.password = token.value();
            }
        }
        // Sources kept in Settings, by the address shown there, with their own credentials.
        for (const QString &wanted : c.values("source")) {
            const QList<AlertSource> kept = AppSettings().alertSources();
            const auto found = std::find_if(kept.cbegin(), kept.cend(), [&](const AlertSource &k) {
                return k.name() == wanted ||
                       k.url.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash).toString() ==
                           QUrl(wanted).adjusted(QUrl::StripTrailingSlash).toString();
            });
            if (found == kept.cend()) {
                return c.usageError(
                    tr("--source \"%1\" is not a source in Settings").arg(AlertSource::withoutCredentials(wanted)));
            }
            sources.append(*found);
        }
        if (sources.isEmpty()) {
            return c.usageError(tr("\"alerts\" needs --prometheus URL, --alertmanager URL or --source NAME"));
        }
        return runAlerts(c, sources, c.isSet("once"), c.isSet("json"));
    }

private:
    int runAlerts(CliContext &c, const QList<AlertSource> &sources, bool once, bool json);

    std::unique_ptr<AlertPoller> m_poller;
};

int AlertsCommand::runAlerts(CliContext &c, const QList<AlertSource> &sources, bool once, bool json)
{
    // The same poller, decoder and merge as the window, on this thread's event loop.
    m_poller = std::make_unique<AlertPoller>();
    AlertPoller &poller = *m_poller;
    QHash<QString, SourceStatus> statuses;
    QEventLoop loop;
    int exitCode = CliContext::Ok;

    // Worst first, then oldest; keys computed once, not in every comparison. An alert's JSON is written where it
    // is read, then framed in this order.
    struct Printed
    {
        int rank;
        qint64 since;
        quint64 identity;   // the hash the identity's hex digits spell: alerts often share a start time
        const Alert *alert; // none when printed straight from the answer
        qsizetype jsonBegin;
        qsizetype jsonSize;
    };
    std::vector<Printed> printed;
    ByteBuffer written(1 << 20);
    auto printSorted = [&] {
        std::sort(printed.begin(), printed.end(), [](const Printed &x, const Printed &y) {
            if (x.rank != y.rank) {
                return x.rank < y.rank;
            }
            return x.since != y.since ? x.since < y.since : x.identity < y.identity;
        });
        if (json) {
            ByteBuffer bytes(written.size() + qsizetype(printed.size()) * 2 + 16);
            bytes.append('[');
            for (size_t i = 0; i < printed.size(); ++i) {
                bytes.append(i == 0 ? "\n" : ",\n");
                bytes.append(written.view().sliced(printed[i].jsonBegin, printed[i].jsonSize));
            }
            bytes.append(printed.empty() ? "]\n" : "\n]\n");
            c.out.flush();
            if (c.out.device()) {
                c.out.device()->write(bytes.view().data(), bytes.size());
            } else {
                c.out << QString::fromUtf8(bytes.view());
            }
        } else {
            for (const Printed &p : printed) {
                const Alert &a = *p.alert;
                // What a server sent is shown, never run: a label could hold escape sequences or line breaks.
                c.out << qSetFieldWidth(11) << Qt::left << Alert::stateKey(a.state) << qSetFieldWidth(8)
                      << UntrustedText::forTerminal(a.severity()) << qSetFieldWidth(28)
                      << UntrustedText::forTerminal(a.alertName()) << qSetFieldWidth(0)
                      << UntrustedText::forTerminal(a.annotation(u"summary")) << '\n';
            }
            c.out << tr("%1 alerts").arg(printed.size()) << '\n';
        }
        c.out.flush();
    };

    // The poller already holds the merged alerts: print from them rather than keeping a second copy.
    auto print = [&] {
        const QList<const Alert *> current = poller.currentAlertsInPlace();
        printed.clear();
        printed.reserve(size_t(current.size()));
        written.clear();
        for (const Alert *a : current) {
            const qsizetype begin = written.size();
            if (json) {
                AlertJson::appendCompact(written, *a);
            }
            printed.push_back({LiveAlertModel::severityRank(a->severity()),
                               a->activeSince.isValid() ? a->activeSince.toMSecsSinceEpoch() : 0,
                               a->identity.toULongLong(nullptr, 16), a, begin, written.size() - begin});
        }
        printSorted();
    };

    // One source printed once as JSON: its answer is read straight into the output, in UTF-8 throughout, never
    // turned into QStrings and back. With more sources the merge (one alert per label set) needs the alerts.
    const bool straightFromTheAnswer = once && json && sources.size() == 1;
    if (straightFromTheAnswer) {
        poller.setAnswerReader([&](AlertDecoder &decoder, AlertDecoder::Format format, const QByteArray &body,
                                   const QString &source) -> Result<int> {
            const QStringList sourceList{source};
            QHash<quint64, size_t> at; // the same labels twice in one answer: the last copy counts, as in the window
            std::vector<std::pair<std::string, int>> ranks; // the few severity words, each ranked once
            printed.clear();
            written.clear();
            const Status read = decoder.readEach(format, body, [&](const AlertDecoder::AlertView &a) {
                const qsizetype begin = written.size();
                AlertJson::appendCompact(written, a, sourceList);
                const std::string_view severity = a.label("severity");
                auto rank =
                    std::find_if(ranks.begin(), ranks.end(), [&](const auto &r) { return r.first == severity; });
                if (rank == ranks.end()) {
                    ranks.emplace_back(std::string(severity), LiveAlertModel::severityRank(QString::fromUtf8(
                                                                  severity.data(), qsizetype(severity.size()))));
                    rank = ranks.end() - 1;
                }
                qint64 since = 0;
                if (!FastIsoTime::parse(a.activeSince, since)) {
                    since = 0;
                }
                const Printed p{rank->second, since, a.identity, nullptr, begin, written.size() - begin};
                if (const auto known = at.constFind(a.identity); known != at.cend()) {
                    printed[*known] = p;
                } else {
                    at.insert(a.identity, printed.size());
                    printed.push_back(p);
                }
            });
            if (!read) {
                return read;
            }
            return int(printed.size());
        });
    }

    if (!once) {
        QObject::connect(&poller, &AlertPoller::alertsChanged, &loop, [&] { print(); });
    }
    QObject::connect(&poller, &AlertPoller::sourceStatusChanged, &loop, [&](const SourceStatus &status) {
        const bool firstAnswer = !statuses.contains(status.source);
        statuses.insert(status.source, status);
        if (status.isFailing() && (once || firstAnswer)) {
            c.err << "incident-console-cli: " << UntrustedText::forTerminal(status.source + u": " + status.lastError)
                  << '\n';
            c.err.flush();
        }
        if (once && statuses.size() == sources.size()) {
            const bool anyFailed =
                std::any_of(statuses.begin(), statuses.end(), [](const SourceStatus &s) { return s.isFailing(); });
            exitCode = anyFailed ? CliContext::Failed : CliContext::Ok;
            if (!anyFailed) {
                if (straightFromTheAnswer) {
                    printSorted();
                } else {
                    print();
                }
            }
            loop.quit();
        }
    });
    poller.setSources(sources);
    loop.exec();
    if (!once) {
        poller.stop();
    } // --once: the tool keeps the poller for the caller to end without tearing 10,000 alerts down
    poller.setAnswerReader({}); // it refers to this function's locals
    return exitCode;
}

} // namespace

std::unique_ptr<CliCommand> CliCommands::alerts()
{
    return std::make_unique<AlertsCommand>();
}
