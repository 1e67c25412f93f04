#pragma once

#include "AlertSnapshot.h"
#include "Result.h"

#include <QByteArray>

#include <functional>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

// Turns a Prometheus /api/v1/alerts or Alertmanager /api/v2/alerts answer into the changes since the previous
// answer. Each alert's labels and content are compared as the server wrote them, and only a new or changed alert is
// read in full and converted, so a poll where little changes costs little. Not thread-safe: one per worker.
//
// Fields the console does not use (endsAt, updatedAt, fingerprint, receivers) are skipped by their brackets
// without being checked: a mistake inside one of them does not fail the answer. Everything used is checked.
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

    using Views = std::vector<std::pair<std::string_view, std::string_view>>;
    // One alert as read, before any conversion: UTF-8 texts (labels and annotations sorted by name), valid only
    // during the call that shows them.
    struct AlertView
    {
        quint64 identity;
        const Views &labels;
        const Views &annotations;
        Alert::State state;
        std::string_view activeSince; // as the server wrote it
        std::string_view value;
        std::string_view generatorUrl;
        const std::vector<std::string_view> &silencedBy;
        const std::vector<std::string_view> &inhibitedBy;

        std::string_view label(std::string_view name) const
        {
            for (const auto &[key, value] : labels) {
                if (key == name) {
                    return value;
                }
            }
            return {};
        }
    };
    // Shows every alert of an answer, converting and remembering nothing: for a reader that prints one answer
    // (the command line), which then never turns 10,000 alerts into QStrings and back. The same checks and errors
    // as decode(); an alert reported twice is shown twice.
    Status readEach(Format format, const QByteArray &body, const std::function<void(const AlertView &)> &visit);

private:
    // `body` by value: the free space after its data is read through data_ptr(), which a const array does not offer.
    Status walk(Format format, QByteArray body, const std::function<QString()> &eachAlert);
    struct Impl;
    std::unique_ptr<Impl> d;
};
