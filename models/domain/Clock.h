#pragma once

#include <QDateTime>

#include <functional>

// All "now" in the core comes from here, so tests can move time.
class Clock final
{
public:
    // Current time in UTC, truncated to milliseconds (what the store keeps).
    static QDateTime nowUtc();

    // Replace the time source; pass an empty function to return to the system clock.
    static void setSource(std::function<QDateTime()> source);
};
