#include "SeverityChange.h"

QList<SeverityChange::Origin> SeverityChange::origins()
{
    return {Origin::Declared, Origin::Manual, Origin::SuggestionAccepted, Origin::SuggestionOverridden};
}

QString SeverityChange::originKey(Origin o)
{
    switch (o) {
    case Origin::Declared:
        return QStringLiteral("declared");
    case Origin::Manual:
        return QStringLiteral("manual");
    case Origin::SuggestionAccepted:
        return QStringLiteral("suggestion_accepted");
    case Origin::SuggestionOverridden:
        return QStringLiteral("suggestion_overridden");
    }
    return {};
}

std::optional<SeverityChange::Origin> SeverityChange::originFromKey(const QString &key)
{
    for (Origin o : origins()) {
        if (originKey(o) == key) {
            return o;
        }
    }
    return std::nullopt;
}
