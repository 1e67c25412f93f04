#pragma once

#include <QByteArrayView>

// One result row straight from the database, for readers that stream large tables without a QVariant per cell
// (exports, the timeline's index). Valid only inside the callback that receives it.
class RawRow
{
public:
    virtual QByteArrayView text(int column) const = 0; // UTF-8; empty for NULL
    virtual qint64 integer(int column) const = 0;
    virtual bool isNull(int column) const = 0;

protected:
    ~RawRow() = default;
};
