#include "AlertFilterModel.h"

#include "LiveAlertModel.h"

#include <QFont>

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

void AlertFilterModel::setGrouped(bool grouped)
{
    m_grouped = grouped;
    invalidate();
}

bool AlertFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_grouped) {
        const QString a = left.siblingAtColumn(LiveAlertModel::ColumnGroup).data().toString();
        const QString b = right.siblingAtColumn(LiveAlertModel::ColumnGroup).data().toString();
        if (a != b) {
            // Keep groups ascending whichever way the column within them is sorted.
            return (sortOrder() == Qt::AscendingOrder) == (a < b);
        }
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

QVariant AlertFilterModel::data(const QModelIndex &index, int role) const
{
    if (m_grouped && index.column() == LiveAlertModel::ColumnGroup && (role == Qt::DisplayRole || role == Qt::FontRole)) {
        const QString value = QSortFilterProxyModel::data(index, Qt::DisplayRole).toString();
        const bool first = index.row() == 0 || this->index(index.row() - 1, index.column()).data(Qt::UserRole + 999).toString() != value;
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(true);
            return first ? QVariant(bold) : QVariant();
        }
        return first ? value : QString();
    }
    if (role == Qt::UserRole + 999) {
        return QSortFilterProxyModel::data(index, Qt::DisplayRole); // the raw group value, for the check above
    }
    return QSortFilterProxyModel::data(index, role);
}
