#include "JsonExchange.h"

#include "AtomicFile.h"
#include "ByteBuffer.h"
#include "ImportTableWriter.h"
#include "IncidentStore.h"
#include "JsonStreamReader.h"
#include "StoredTime.h"
#include "Tables.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QStringList>

#include <cmath>
#include <optional>


namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JsonExchange", text);
}

using Type = ColumnType;
using Column = ColumnSpec;
using Table = TableSpec;

const QList<Table> &tables()
{
    return Tables::exchanged();
}

void appendJsonString(ByteBuffer &out, QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    qsizetype from = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        out.append(utf8.sliced(from, i - from));
        from = i + 1;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default: {
            const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            out.append(QByteArrayView(escaped, 6));
        }
        }
    }
    out.append(utf8.sliced(from));
    out.append('"');
}

void appendJsonValue(ByteBuffer &out, const Column &c, const RawRow &row, int column)
{
    if (row.isNull(column)) {
        out.append("null");
        return;
    }
    switch (c.type) {
    case Type::Id:
    case Type::Integer:
    case Type::Reference:
        out.appendNumber(row.integer(column));
        return;
    case Type::Bool:
        out.append(row.integer(column) != 0 ? "true" : "false");
        return;
    case Type::JsonObject:
        // Re-written rather than copied: a damaged value must not break the whole export's JSON.
        out.append(QJsonDocument(QJsonDocument::fromJson(row.text(column).toByteArray()).object()).toJson(QJsonDocument::Compact));
        return;
    case Type::Text:
    case Type::Time:
        appendJsonString(out, row.text(column));
        return;
    }
}

Status exportTables(const IncidentStore &store, std::optional<qint64> incidentId, QIODevice &device,
                    const std::function<bool(qint64, qint64)> &progress)
{
    if (!store.isOpen()) {
        return Status::failure(tr("No file is open."));
    }
    if (incidentId) {
        if (const auto found = store.incident(*incidentId); !found) {
            return found.status();
        }
    }
    // Written straight from SQLite's rows: building a QJsonObject per row costs ten times what the sqlite3 shell
    // takes to print the same rows, and a timeline can hold 100,000 entries.
    ByteBuffer out(1 << 20);
    QString writeError;
    auto flush = [&] {
        if (writeError.isEmpty() && device.write(out.view().data(), out.size()) != out.size()) {
            writeError = device.errorString();
        }
        out.clear();
        return writeError.isEmpty();
    };
    out.append("{\n\"format\": ");
    appendJsonString(out, JsonExchange::formatName().toUtf8());
    out.append(",\n\"formatVersion\": ");
    out.appendNumber(Tables::formatVersion());
    out.append(incidentId ? ",\n\"scope\": \"incident\"" : ",\n\"scope\": \"file\"");
    out.append(",\n\"tables\": {");
    bool firstTable = true;
    bool stopped = false;
    qint64 rows = 0;
    for (const Table &table : tables()) {
        out.append(firstTable ? "\n" : ",\n");
        firstTable = false;
        appendJsonString(out, table.exchange.toUtf8());
        out.append(": [");
        QList<QByteArray> keys;
        for (const Column &c : table.columns) {
            ByteBuffer key(64);
            appendJsonString(key, c.exchange.toUtf8());
            key.append(": ");
            keys.append(key.toByteArray());
        }
        bool firstRow = true;
        const Status s = store.forEachTableRow(table, incidentId, [&](const RawRow &row) {
            out.append(firstRow ? "\n{" : ",\n{");
            firstRow = false;
            for (int i = 0; i < table.columns.size(); ++i) {
                if (i > 0) {
                    out.append(", ");
                }
                out.append(keys.at(i));
                appendJsonValue(out, table.columns.at(i), row, i);
            }
            out.append('}');
            if (progress && (++rows & 4095) == 0 && !progress(0, 0)) {
                stopped = true;
                return false;
            }
            return out.size() < (1 << 20) || flush();
        });
        if (stopped) {
            return Status::failure(tr("The export was stopped; nothing was written."));
        }
        if (!writeError.isEmpty()) {
            break;
        }
        if (!s) {
            return Status::failure(tr("Could not read %1: %2").arg(table.sql, s.error()));
        }
        out.append(firstRow ? "]" : "\n]");
    }
    out.append("\n}\n}\n");
    flush();
    if (!writeError.isEmpty()) {
        return Status::failure(tr("Could not write the export: %1").arg(writeError));
    }
    return Status::success();
}

Result<QByteArray> exportToBytes(const IncidentStore &store, std::optional<qint64> incidentId)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (const Status s = store.readSnapshot([&] { return exportTables(store, incidentId, buffer, {}); }); !s) {
        return s;
    }
    return buffer.data();
}

// ---- import ----

QString describeType(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return tr("true/false");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::String:
        return tr("text");
    case QJsonValue::Array:
        return tr("a list");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        return tr("nothing");
    }
    return {};
}

// What a column takes, in words: "expected <this>, found text".
QString describeExpected(Type type)
{
    switch (type) {
    case Type::Id:
    case Type::Reference:
        return tr("a positive whole number");
    case Type::Integer:
        return tr("a whole number");
    case Type::Bool:
        return tr("true or false");
    case Type::Time:
        return tr("a time as text");
    case Type::Text:
        return tr("text");
    case Type::JsonObject:
        return tr("an object");
    }
    return {};
}

bool isWholeNumber(const QJsonValue &v)
{
    if (!v.isDouble()) {
        return false;
    }
    const double d = v.toDouble();
    return std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9.0e15;
}

// Checks one value and turns it into what SQLite stores; returns an error text for the user otherwise.
QString convert(const Column &c, const QJsonValue &v, QVariant &out)
{
    if (v.isNull()) {
        if (!c.nullable) {
            return tr("must not be null");
        }
        out = QVariant(QMetaType::fromType<QString>());
        return {};
    }
    auto wrongType = [&] { return tr("expected %1, found %2").arg(describeExpected(c.type), describeType(v)); };
    switch (c.type) {
    case Type::Id:
    case Type::Reference:
        if (!isWholeNumber(v) || v.toInteger() <= 0) {
            return wrongType();
        }
        out = v.toInteger();
        return {};
    case Type::Integer:
        if (!isWholeNumber(v)) {
            return wrongType();
        }
        out = v.toInteger();
        return {};
    case Type::Bool:
        if (!v.isBool()) {
            return wrongType();
        }
        out = v.toBool() ? 1 : 0;
        return {};
    case Type::Text:
        if (!v.isString()) {
            return wrongType();
        }
        if (!c.allowed.isEmpty() && !c.allowed.contains(v.toString())) {
            return tr("\"%1\" is not one of %2").arg(v.toString(), c.allowed.join(QStringLiteral(", ")));
        }
        out = v.toString();
        return {};
    case Type::Time: {
        if (!v.isString()) {
            return wrongType();
        }
        const QDateTime t = StoredTime::parse(v.toString());
        if (!t.isValid()) {
            return tr("\"%1\" is not an ISO-8601 time with a zone, like 2026-11-29T14:05:00Z").arg(v.toString());
        }
        out = StoredTime::toText(t);
        return {};
    }
    case Type::JsonObject:
        if (!v.isObject()) {
            return wrongType();
        }
        out = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        return {};
    }
    return {};
}

struct Row
{
    QString table; // "tables.timelineEntries"
    qint64 index = 0;
    QList<QVariant> values; // in column order
    // "tables.timelineEntries[3]": made only for an error, not for each of a million rows.
    QString path() const { return QStringLiteral("%1[%2]").arg(table).arg(index); }
};

} // namespace

QString JsonExchange::ImportSummary::describe() const
{
    QStringList parts;
    for (auto it = added.cbegin(); it != added.cend(); ++it) {
        if (it.value() > 0) {
            parts.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
        }
    }
    QString text = parts.isEmpty() ? tr("Nothing new was added") : tr("Added ") + parts.join(QStringLiteral(", "));
    int alreadyThere = 0;
    for (int n : matched) {
        alreadyThere += n;
    }
    if (alreadyThere > 0) {
        text += tr("; %1 rows were already in the file (roles, people, alerts or checklist defaults)").arg(alreadyThere);
    }
    return text + u'.';
}

Result<QByteArray> JsonExchange::exportFile(const IncidentStore &store)
{
    return exportToBytes(store, std::nullopt);
}

Result<QByteArray> JsonExchange::exportIncident(const IncidentStore &store, qint64 incidentId)
{
    return exportToBytes(store, incidentId);
}

Status JsonExchange::exportTo(const IncidentStore &store, std::optional<qint64> incidentId, QIODevice &out,
                              const std::function<bool(qint64, qint64)> &progress)
{
    return store.readSnapshot([&] { return exportTables(store, incidentId, out, progress); });
}

Result<JsonExchange::ImportSummary> JsonExchange::importJson(IncidentStore &store, const QByteArray &json)
{
    QBuffer buffer;
    buffer.setData(json);
    buffer.open(QIODevice::ReadOnly);
    return importFrom(store, buffer, json.size());
}

Result<JsonExchange::ImportSummary> JsonExchange::importFrom(IncidentStore &store, QIODevice &in, qint64 totalBytes,
                                                               const std::function<bool(qint64, qint64)> &progress)
{
    // One pass over the text, a row at a time, each row checked and added as it is read, all in one transaction:
    // memory follows the largest row, not the file, and any error rolls everything back.
    JsonStreamReader reader(in);
    using Token = JsonStreamReader::Token;
    ImportSummary summary;
    QHash<QString, QHash<qint64, qint64>> idMaps; // SQL table -> id in the JSON -> id in this file
    QList<qint64> newEntries;
    qint64 version = 0;
    bool sawFormat = false;
    bool stopped = false;
    qint64 rowsRead = 0;
    const QString notOurs = tr("Not an Incident Console export: \"format\" is not \"%1\".").arg(formatName());
    auto invalid = [&] { return Status::failure(tr("Not valid JSON at %1: %2.").arg(reader.place(), reader.error())); };

    // A row's failure names its place first.
    auto atRow = [](const Row &row, const QString &what, const Status &s) { return Status::failure(row.path() + what + s.error()); };
    auto addRow = [&](const Table &table, ImportTableWriter &writer, Row row) -> Status {
        auto &idMap = idMaps[table.sql];
        const qint64 jsonId = row.values[0].toLongLong();
        if (idMap.contains(jsonId)) {
            return Status::failure(tr("%1.id: the id %2 appears twice.").arg(row.path()).arg(jsonId));
        }
        for (int i = 1; i < table.columns.size(); ++i) {
            const Column &c = table.columns[i];
            if (c.type != Type::Reference || row.values[i].isNull()) {
                continue;
            }
            const qint64 target = row.values[i].toLongLong();
            const auto &refMap = idMaps.value(c.refTable);
            if (!refMap.contains(target)) {
                return Status::failure(
                    tr("%1.%2: refers to %3 %4, which is not in the export.").arg(row.path(), c.exchange, c.refTable).arg(target));
            }
            row.values[i] = refMap.value(target);
        }
        const auto existing = writer.findByNaturalKey(row.values);
        if (!existing) {
            return atRow(row, QString(), existing.status());
        }
        if (existing.value()) {
            idMap.insert(jsonId, *existing.value());
            summary.matched[table.exchange] += 1;
            return Status::success();
        }
        // Keep the exported id where it is free, so a file round-trips to the same JSON.
        const auto taken = writer.isIdTaken(jsonId);
        if (!taken) {
            return atRow(row, QString(), taken.status());
        }
        if (taken.value()) {
            row.values[0] = QVariant(QMetaType::fromType<qint64>());
        }
        const auto added = writer.insert(row.values);
        if (!added) {
            return atRow(row, tr(": cannot be added"), added.status());
        }
        const qint64 newId = added.value();
        idMap.insert(jsonId, newId);
        summary.added[table.exchange] += 1;
        if (table.sql == QStringLiteral("incidents")) {
            summary.incidentIds.append(newId);
        } else if (table.sql == QStringLiteral("timeline_entries")) {
            newEntries.append(newId);
        }
        return Status::success();
    };

    // One row object, its fields in any order, checked against the table's columns.
    auto readRow = [&](const Table &table, const QString &tablePath, qint64 index, Token first, Row &row) -> Status {
        row = Row{tablePath, index, QList<QVariant>(table.columns.size())};
        if (first != Token::BeginObject) {
            return first == Token::Error ? invalid()
                                         : Status::failure(tr("%1: expected an object, found %2.")
                                                               .arg(row.path(), JsonStreamReader::describe(first)));
        }
        QList<bool> present(table.columns.size(), false);
        for (Token t = reader.next(); t != Token::EndObject; t = reader.next()) {
            if (t != Token::Key) {
                return invalid();
            }
            const QString key = reader.text();
            const auto column = std::find_if(table.columns.cbegin(), table.columns.cend(),
                                             [&](const Column &c) { return c.exchange == key; });
            if (column == table.columns.cend()) {
                return Status::failure(tr("%1.%2: not a field of %3.").arg(row.path(), key, table.exchange));
            }
            const Token valueToken = reader.next();
            if (valueToken == Token::Error) {
                return invalid();
            }
            // Only labels, annotations and snapshots are objects; anything else nested is refused unread.
            if ((valueToken == Token::BeginObject || valueToken == Token::BeginArray) && column->type != Type::JsonObject) {
                return Status::failure(QStringLiteral("%1.%2: %3.").arg(row.path(), key,
                    tr("expected %1, found %2").arg(describeExpected(column->type), JsonStreamReader::describe(valueToken))));
            }
            const QJsonValue v = reader.readValue(valueToken);
            if (v.isUndefined()) {
                return invalid();
            }
            const auto index = column - table.columns.cbegin();
            QVariant value;
            if (const QString problem = convert(*column, v, value); !problem.isEmpty()) {
                return Status::failure(QStringLiteral("%1.%2: %3.").arg(row.path(), key, problem));
            }
            row.values[index] = value;
            present[index] = true;
        }
        for (qsizetype i = 0; i < table.columns.size(); ++i) {
            const Column &c = table.columns[i];
            if (present[i]) {
                continue;
            }
            if (version < c.since) { // written before the column existed
                row.values[i] = c.nullable ? QVariant() : QVariant(0);
                continue;
            }
            return Status::failure(tr("%1: the field \"%2\" is missing.").arg(row.path(), c.exchange));
        }
        return Status::success();
    };

    auto readTables = [&]() -> Status {
        const Token open = reader.next();
        if (open != Token::BeginObject) {
            return open == Token::Error ? invalid()
                                        : Status::failure(tr("tables: expected an object of tables, found %1.")
                                                              .arg(JsonStreamReader::describe(open)));
        }
        qsizetype lastTable = -1;
        for (Token t = reader.next(); t != Token::EndObject; t = reader.next()) {
            if (t != Token::Key) {
                return invalid();
            }
            const QString name = reader.text();
            const auto found = std::find_if(tables().cbegin(), tables().cend(), [&](const Table &tb) { return tb.exchange == name; });
            if (found == tables().cend()) {
                return Status::failure(tr("tables.%1: not a table of an Incident Console export.").arg(name));
            }
            const qsizetype index = found - tables().cbegin();
            if (index < lastTable) {
                return Status::failure(tr("tables.%1: comes after tables.%2, whose rows may refer to it; an export lists "
                                          "each table before the tables that refer to it.")
                                           .arg(name, tables().at(lastTable).exchange));
            }
            lastTable = index;
            const QString tablePath = QStringLiteral("tables.") + name;
            const Token list = reader.next();
            if (list != Token::BeginArray) {
                return list == Token::Error ? invalid()
                                            : Status::failure(tr("%1: expected a list of rows, found %2.")
                                                                  .arg(tablePath, JsonStreamReader::describe(list)));
            }
            ImportTableWriter writer(store, *found);
            qint64 i = 0;
            for (Token r = reader.next(); r != Token::EndArray; r = reader.next(), ++i) {
                Row row;
                if (const Status s = readRow(*found, tablePath, i, r, row); !s) {
                    return s;
                }
                if (const Status s = addRow(*found, writer, std::move(row)); !s) {
                    return s;
                }
                if (progress && (++rowsRead & 1023) == 0 && !progress(reader.bytesRead(), totalBytes)) {
                    stopped = true;
                    return Status::failure(tr("The import was stopped."));
                }
            }
        }
        return Status::success();
    };

    auto readDocument = [&]() -> Status {
        const Token root = reader.next();
        if (root == Token::Error) {
            return invalid();
        }
        if (root != Token::BeginObject) {
            return Status::failure(tr("Not an Incident Console export: the top level is not an object."));
        }
        bool sawTables = false;
        for (Token t = reader.next(); t != Token::EndObject; t = reader.next()) {
            if (t != Token::Key) {
                return invalid();
            }
            const QString key = reader.text();
            if (key == u"tables") {
                if (!sawFormat || version == 0) {
                    return Status::failure(sawFormat ? tr("\"formatVersion\" must come before \"tables\".") : notOurs);
                }
                if (const Status s = readTables(); !s) {
                    return s;
                }
                sawTables = true;
                continue;
            }
            const Token valueToken = reader.next();
            if (valueToken == Token::BeginObject || valueToken == Token::BeginArray) { // refused unread
                return Status::failure(!sawFormat || key == u"format"
                                           ? notOurs
                                           : tr("%1: not a field of an Incident Console export, or not of this kind "
                                                "(found %2).").arg(key, JsonStreamReader::describe(valueToken)));
            }
            const QJsonValue v = reader.readValue(valueToken);
            if (v.isUndefined()) {
                return invalid();
            }
            if (key == u"format") {
                if (v.toString() != formatName()) {
                    return Status::failure(notOurs);
                }
                sawFormat = true;
            } else if (key == u"formatVersion") {
                if (!isWholeNumber(v) || v.toInteger() < 1) {
                    return Status::failure(tr("formatVersion: expected a whole number from 1."));
                }
                if (v.toInteger() > Tables::formatVersion()) {
                    return Status::failure(tr("This export was made by a newer Incident Console (format version %1; "
                                              "this version reads up to %2). Nothing was imported.")
                                               .arg(v.toInteger())
                                               .arg(Tables::formatVersion()));
                }
                version = v.toInteger();
            } else if (key != u"scope") {
                return Status::failure(sawFormat ? tr("%1: not a field of an Incident Console export.").arg(key) : notOurs);
            }
        }
        if (reader.next() != Token::End) {
            return invalid();
        }
        if (!sawFormat) {
            return Status::failure(notOurs);
        }
        if (version == 0) {
            return Status::failure(tr("formatVersion: expected a whole number from 1."));
        }
        if (!sawTables) {
            return Status::failure(tr("tables: expected an object of tables, found nothing."));
        }
        if (const Status s = store.addToSearchIndex(newEntries); !s) {
            return s;
        }
        // Exports from before the severity history (format 1) start it at the declared level, as the upgrade does.
        if (version < 2) {
            if (const Status s = store.startSeverityHistories(summary.incidentIds); !s) {
                return s;
            }
        }
        store.announceReset();
        return Status::success();
    };

    const Status written = store.write(readDocument);
    if (!written) {
        if (stopped) {
            return Status::failure(tr("The import was stopped; nothing was imported."));
        }
        return Status::failure(written.error() + tr(" Nothing was imported."));
    }
    return summary;
}

Status JsonExchange::exportToFile(const IncidentStore &store, std::optional<qint64> incidentId, const QString &path)
{
    const auto json = incidentId ? exportIncident(store, *incidentId) : exportFile(store);
    if (!json) {
        return json.status();
    }
    return AtomicFile::write(path, json.value());
}

Result<JsonExchange::ImportSummary> JsonExchange::importFile(IncidentStore &store, const QString &path,
                                                               const std::function<bool(qint64, qint64)> &progress)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Status::failure(tr("%1 cannot be read: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    auto summary = importFrom(store, file, file.size(), progress);
    if (!summary) {
        return Status::failure(QDir::toNativeSeparators(path) + QStringLiteral(": ") + summary.error());
    }
    return summary;
}
