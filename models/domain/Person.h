#pragma once

#include <QString>

struct Person
{
    qint64 id = 0;
    QString name;
    QString handle;  // chat or pager handle, e.g. "@dana"
    QString contact; // phone or e-mail

    bool operator==(const Person &) const = default;
};
