#include "DatabaseAddress.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DatabaseAddress", text);
}

// The parameters libpq takes in a URI that a console has a use for; an unknown one is refused rather than ignored,
// as libpq itself does, so a typo in "sslmode" never silently connects without TLS.
const QStringList &knownParameters()
{
    static const QStringList known{QStringLiteral("sslmode"),
                                   QStringLiteral("sslrootcert"),
                                   QStringLiteral("sslcert"),
                                   QStringLiteral("sslkey"),
                                   QStringLiteral("target_session_attrs"),
                                   QStringLiteral("connect_timeout"),
                                   QStringLiteral("application_name"),
                                   QStringLiteral("password"),
                                   QStringLiteral("user"),
                                   QStringLiteral("dbname")};
    return known;
}

QString decoded(const QString &part)
{
    return QUrl::fromPercentEncoding(part.toUtf8());
}

Result<DatabaseAddress::Host> hostFrom(const QString &text)
{
    DatabaseAddress::Host host;
    QString portText;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0) {
            return Status::failure(tr("the address %1 has no closing \"]\"").arg(text));
        }
        host.name = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(u':')) {
                return Status::failure(tr("\"%1\" after the address %2 is not a port").arg(rest, text.left(close + 1)));
            }
            portText = rest.mid(1);
        }
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        host.name = colon < 0 ? text : text.left(colon);
        portText = colon < 0 ? QString() : text.mid(colon + 1);
    }
    host.name = decoded(host.name);
    if (host.name.isEmpty()) {
        return Status::failure(tr("a host name is missing"));
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!ok || port < 1 || port > 65535) {
            return Status::failure(tr("\"%1\" is not a port number").arg(portText));
        }
        host.port = port;
    }
    return host;
}

} // namespace

bool DatabaseAddress::isAddress(const QString &text)
{
    // "postgresql:" however it goes on is a mistyped address, not a folder to create.
    static const QRegularExpression scheme(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*://|postgres(ql)?:)"),
                                           QRegularExpression::CaseInsensitiveOption);
    return scheme.match(text.trimmed()).hasMatch();
}

Result<DatabaseAddress> DatabaseAddress::parse(const QString &input)
{
    const QString text = input.trimmed();
    const qsizetype schemeEnd = text.indexOf(QStringLiteral("://"));
    const QString scheme = schemeEnd < 0 ? QString() : text.left(schemeEnd).toLower();
    if (schemeEnd < 0) {
        return Status::failure(tr("\"%1\" is neither a file nor a team database address: a team database is written "
                                  "postgresql://user@host:port/database.")
                                   .arg(text.section(u'@', -1).left(60)));
    }
    if (scheme != QStringLiteral("postgresql") && scheme != QStringLiteral("postgres")) {
        return Status::failure(tr("A team database is a PostgreSQL address (postgresql://user@host:port/database); "
                                  "\"%1://\" is not one.")
                                   .arg(scheme));
    }
    DatabaseAddress address;
    QString rest = text.mid(schemeEnd + 3);
    QString query;
    if (const qsizetype q = rest.indexOf(u'?'); q >= 0) {
        query = rest.mid(q + 1);
        rest = rest.left(q);
    }
    // The authority ends at the first "/" after the last "@" (a password must have its "/" percent-encoded anyway).
    const qsizetype at = rest.lastIndexOf(u'@');
    const qsizetype slash = rest.indexOf(u'/', at < 0 ? 0 : at);
    const QString authority = slash < 0 ? rest : rest.left(slash);
    address.m_database = slash < 0 ? QString() : decoded(rest.mid(slash + 1));
    QString hosts = authority;
    const qsizetype userEnd = authority.lastIndexOf(u'@');
    if (userEnd >= 0) {
        const QString userInfo = authority.left(userEnd);
        hosts = authority.mid(userEnd + 1);
        const qsizetype colon = userInfo.indexOf(u':');
        address.m_user = decoded(colon < 0 ? userInfo : userInfo.left(colon));
        address.m_password = colon < 0 ? QString() : decoded(userInfo.mid(colon + 1));
    }
    if (hosts.isEmpty()) {
        return Status::failure(
            tr("The team database address has no host: write postgresql://user@host:port/database."));
    }
    for (const QString &part : hosts.split(u',')) {
        auto host = hostFrom(part);
        if (!host) {
            return Status::failure(tr("The team database address cannot be read: %1.").arg(host.error()));
        }
        address.m_hosts.append(host.value());
    }
    if (!query.isEmpty()) {
        for (const QString &pair : query.split(u'&', Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.indexOf(u'=');
            const QString name = decoded(eq < 0 ? pair : pair.left(eq));
            const QString value = eq < 0 ? QString() : decoded(pair.mid(eq + 1));
            if (!knownParameters().contains(name)) {
                return Status::failure(tr("The team database address has a parameter Incident Console does not know: "
                                          "\"%1\" (it knows %2).")
                                           .arg(name, knownParameters().join(QStringLiteral(", "))));
            }
            if (name == QStringLiteral("password")) {
                address.m_password = value;
            } else if (name == QStringLiteral("user")) {
                address.m_user = value;
            } else if (name == QStringLiteral("dbname")) {
                address.m_database = value;
            } else {
                address.m_parameters.insert(name, value);
            }
        }
    }
    if (address.m_database.isEmpty()) {
        return Status::failure(
            tr("The team database address names no database: end it with /database, e.g. %1/incidents.")
                .arg(address.redacted()));
    }
    return address;
}

QString DatabaseAddress::withPassword(const QString &text, const QString &password)
{
    const auto address = parse(text);
    if (!address || !address->password().isEmpty() || password.isEmpty()) {
        return text;
    }
    return text + (text.contains(u'?') ? u'&' : u'?') + QStringLiteral("password=") +
           QString::fromUtf8(QUrl::toPercentEncoding(password));
}

QString DatabaseAddress::redacted() const
{
    QStringList hosts;
    for (const Host &h : m_hosts) {
        const QString name = h.name.contains(u':') ? QStringLiteral("[%1]").arg(h.name) : h.name;
        hosts.append(QStringLiteral("%1:%2").arg(name).arg(h.port));
    }
    QString text = QStringLiteral("postgresql://");
    if (!m_user.isEmpty()) {
        text += QString::fromUtf8(QUrl::toPercentEncoding(m_user)) + u'@';
    }
    text += hosts.join(u',');
    if (!m_database.isEmpty()) {
        text += u'/' + QString::fromUtf8(QUrl::toPercentEncoding(m_database));
    }
    QStringList parameters;
    for (auto it = m_parameters.cbegin(); it != m_parameters.cend(); ++it) {
        parameters.append(it.key() + u'=' + QString::fromUtf8(QUrl::toPercentEncoding(it.value(), "/")));
    }
    if (!parameters.isEmpty()) {
        text += u'?' + parameters.join(u'&');
    }
    return text;
}
