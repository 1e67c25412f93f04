#pragma once

#include "LabelMatcher.h"

#include <QSortFilterProxyModel>

// Narrows the live alerts by free text (name, summary, labels) and by Alertmanager-style label matchers,
// and sorts by the model's SortRole (severity rank, state order, time).
class AlertFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertFilterModel)

public:
    explicit AlertFilterModel(QObject *parent);

    void setText(const QString &text);
    // Empty string: no matchers. On a syntax error the previous matchers stay and the error is returned.
    Status setMatchers(const QString &expression);
    // Grouped: rows sort by the group column first, and only a group's first row names the group.
    void setGrouped(bool grouped);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    QList<LabelMatcher> m_matchers;
    bool m_grouped = false;
};
