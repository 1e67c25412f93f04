#include "AlertFilterModel.h"

#include "LiveAlertModel.h"

AlertFilterModel::AlertFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(LiveAlertModel::SortRole);
    setDynamicSortFilter(true);
}

void AlertFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

Status AlertFilterModel::setMatchers(const QString &expression)
{
    auto parsed = LabelMatcher::parseList(expression);
    if (!parsed) {
        return parsed.status();
    }
    m_matchers = parsed.value();
    invalidateFilter();
    return Status::success();
}

bool AlertFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = static_cast<const LiveAlertModel *>(sourceModel());
    const Alert &a = model->alertAt(sourceRow);
    if (!LabelMatcher::matchesAll(m_matchers, a)) {
        return false;
    }
    if (m_text.isEmpty()) {
        return true;
    }
    if (a.annotation(u"summary").contains(m_text, Qt::CaseInsensitive)) {
        return true;
    }
    for (const auto &[k, v] : a.labels) {
        if (v.contains(m_text, Qt::CaseInsensitive) || k.contains(m_text, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}
