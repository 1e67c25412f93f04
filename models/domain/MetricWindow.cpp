#include "MetricWindow.h"

#include "Incident.h"

#include <algorithm>

MetricWindow MetricWindow::forIncident(const Incident &incident, const QDateTime &now)
{
    QDateTime began = incident.declaredAt;
    if (incident.detectedAt.isValid() && (!began.isValid() || incident.detectedAt < began)) {
        began = incident.detectedAt;
    }
    if (!began.isValid()) {
        return {};
    }
    MetricWindow window;
    window.start = began.addSecs(-kMarginMinutes * 60);
    // Never past now: Prometheus has nothing there, and the points would be spent on empty space.
    window.end = incident.resolvedAt.isValid() ? std::min(incident.resolvedAt.addSecs(kMarginMinutes * 60), now) : now;
    return window;
}
