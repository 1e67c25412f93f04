// libFuzzer: any bytes as a Prometheus or Alertmanager answer, decoded as the poller and the command line do.
#include "AlertDecoder.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static AlertDecoder decoder;
    static AlertSnapshot prometheus;
    static AlertSnapshot alertmanager;
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    // Against what the previous input left, as a running console's polls are.
    (void)decoder.decode(AlertDecoder::Format::PrometheusV1, body, prometheus);
    (void)decoder.decode(AlertDecoder::Format::AlertmanagerV2, body, alertmanager);
    for (const auto format : {AlertDecoder::Format::PrometheusV1, AlertDecoder::Format::AlertmanagerV2}) {
        (void)decoder.readEach(format, body, [](const AlertDecoder::AlertView &a) { (void)a.label("severity"); });
    }
    return 0;
}
