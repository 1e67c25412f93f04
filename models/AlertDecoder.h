#pragma once

#include "AlertSnapshot.h"
#include "Result.h"

#include <QByteArray>

#include <memory>

// Turns a Prometheus /api/v1/alerts or Alertmanager /api/v2/alerts answer into alerts, and into the changes
// since the previous answer. Alerts whose content is unchanged are taken from the previous snapshot without
// being converted again, so a poll where little changes costs little. Not thread-safe: one per worker.
class AlertDecoder final
{
public:
    enum class Format { PrometheusV1, AlertmanagerV2 };

    AlertDecoder();
    ~AlertDecoder();
    AlertDecoder(const AlertDecoder &) = delete;
    AlertDecoder &operator=(const AlertDecoder &) = delete;

    struct Outcome
    {
        AlertDelta delta;
        bool unchanged = false; // the body was byte-for-byte the previous one
    };
    // Brings `state` up to date with the answer and returns the changes. On a bad answer `state` keeps what it
    // had, and the error names what is wrong and where ("not a Prometheus alerts response at byte 1234: ...").
    Result<Outcome> decode(Format format, QByteArray body, AlertSnapshot &state);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};
