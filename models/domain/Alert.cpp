#include "Alert.h"

#include "LabelHash.h"

namespace {
// An alert has a handful of labels: a straight scan that compares lengths first beats a binary search whose every
// step is a full string comparison (the command line looks up alertname and severity 20,000 times).
QString find(const Alert::Pairs &pairs, QStringView name)
{
    for (const auto &[key, value] : pairs) {
        if (key.size() == name.size() && QStringView(key) == name) {
            return value;
        }
    }
    return QString();
}
} // namespace

QString Alert::label(QStringView name) const
{
    return find(labels, name);
}

QString Alert::annotation(QStringView name) const
{
    return find(annotations, name);
}

const char *Alert::stateWord(State s)
{
    switch (s) {
    case State::Firing:
        return "firing";
    case State::Pending:
        return "pending";
    case State::Suppressed:
        return "suppressed";
    }
    return "";
}

QString Alert::stateKey(State s)
{
    return QLatin1String(stateWord(s));
}

QString Alert::identityOf(const Pairs &labels)
{
    quint64 h = LabelHash::kSeed;
    for (const auto &[name, value] : labels) {
        const QByteArray n = name.toUtf8();
        const QByteArray v = value.toUtf8();
        h = LabelHash::add(h, std::string_view(n.constData(), size_t(n.size())));
        h = LabelHash::add(h, std::string_view(v.constData(), size_t(v.size())));
    }
    return identityText(h);
}

void Alert::writeIdentity(quint64 hash, char out[16])
{
    for (int i = 15; i >= 0; --i) {
        out[i] = "0123456789abcdef"[hash & 0xf];
        hash >>= 4;
    }
}

QString Alert::identityText(quint64 hash)
{
    // Written directly, not through QString::number: this runs for every new alert of a 10,000-alert answer.
    char digits[16];
    writeIdentity(hash, digits);
    return QString::fromLatin1(digits, 16);
}
