#pragma once

#include "JsonExchange.h"
#include "Result.h"

class IncidentStore;

// A whole record moved from where it is kept to another place: a file becomes a team record (File ▸ Copy This File
// to a Team Database…), a team record is taken home as a file (File ▸ Save a Local Copy…). Both go through the JSON
// exchange, so both directions are the same code and a round trip gives back the same export byte for byte.
namespace RecordCopy {
// `to`: a file path or a team database's address (with its password when it needs one). The target must hold no
// incidents yet (a new file, or an empty team database); one that does is refused and left as it was.
Result<JsonExchange::ImportSummary> copyTo(const IncidentStore &from, const QString &to);
} // namespace RecordCopy
