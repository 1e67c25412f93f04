#pragma once

#include "Alert.h"

#include <QByteArray>
#include <QJsonObject>

// The one normalised JSON form of an alert, shared by the command line and exports.
class ByteBuffer;

namespace AlertJson {
QJsonObject toJson(const Alert &alert);
QJsonObject pairsToJson(const Alert::Pairs &pairs);
// The same form written straight to compact UTF-8: ten times faster than building QJsonObjects, which matters
// when a script asks for 10,000 alerts.
void appendCompact(ByteBuffer &out, const Alert &alert);
} // namespace AlertJson
