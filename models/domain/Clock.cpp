#include "Clock.h"

namespace {
std::function<QDateTime()> &source()
{
    static std::function<QDateTime()> s;
    return s;
}
} // namespace

QDateTime Clock::nowUtc()
{
    const QDateTime now = source() ? source()() : QDateTime::currentDateTimeUtc();
    return QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch(), Qt::UTC);
}

void Clock::setSource(std::function<QDateTime()> s)
{
    source() = std::move(s);
}
