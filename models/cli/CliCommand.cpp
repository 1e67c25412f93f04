#include "CliCommand.h"

#include "UntrustedText.h"

qint64 CliContext::id(const char *option) const
{
    bool ok = false;
    const qint64 id = value(option).toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

qint64 CliContext::incidentId(const char *option) const
{
    QString text = value(option).trimmed();
    if (text.startsWith(QStringLiteral("INC-"), Qt::CaseInsensitive)) {
        text.remove(0, 4); // as people say it: INC-7
    }
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

int CliContext::usageError(const QString &message) const
{
    err << "incident-console-cli: " << UntrustedText::forTerminal(message) << " (see --help)\n";
    err.flush();
    return Usage;
}

int CliContext::failure(const QString &message) const
{
    // One line: scripts read the first line of stderr.
    err << "incident-console-cli: " << UntrustedText::forTerminal(QString(message).replace(u'\n', u' ')) << '\n';
    err.flush();
    return Failed;
}

int CliContext::done() const
{
    out.flush();
    return Ok;
}

std::vector<std::unique_ptr<CliCommand>> CliCommands::all()
{
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(list());
    commands.push_back(declare());
    commands.push_back(timelineAdd());
    commands.push_back(timelineSearch());
    commands.push_back(exportRecord());
    commands.push_back(importRecord());
    commands.push_back(alerts());
    return commands;
}
