#pragma once

#include "Alert.h"
#include "AlertDecoder.h"

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
// The same form, byte for byte, from the decoder's UTF-8 view of an alert: the command line prints one answer this
// way without turning its texts into QStrings and back.
void appendCompact(ByteBuffer &out, const AlertDecoder::AlertView &alert, const QStringList &sources);
} // namespace AlertJson
