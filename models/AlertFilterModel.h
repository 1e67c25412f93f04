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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QList<LabelMatcher> m_matchers;
};
