#pragma once

#include "Alert.h"

#include <QJsonObject>

// The one normalised JSON form of an alert, shared by the command line and exports.
namespace AlertJson {
QJsonObject toJson(const Alert &alert);
QJsonObject pairsToJson(const Alert::Pairs &pairs);
} // namespace AlertJson
