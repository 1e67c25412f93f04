#pragma once

#include <QString>

// A status update or postmortem template kept in the file.
struct MessageTemplate
{
    qint64 id = 0;
    QString name;
    QString audience; // "internal", "customer" or "postmortem"
    QString body;
    bool builtin = false;
};
