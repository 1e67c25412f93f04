#pragma once

#include "Person.h"

#include <QList>
#include <QString>

// Who a typed name means, as a person picking from the roster expects, ignoring case: the one whose whole name (or
// handle) it is; else those with a name word that is it ("sam" → Sam Whitfield, not Samira Haddad); else everyone
// whose name or one of its words begins with it ("whit" → Sam Whitfield). Several matches mean "type more"; none means a new person, which is only ever created on purpose.
namespace PersonMatch {
QList<Person> matching(const QList<Person> &roster, const QString &typed);
} // namespace PersonMatch
