#pragma once

#include <QtGlobal>

namespace LoopbackPort {
// A TCP port on 127.0.0.1 that was free a moment ago (bind port 0, read it, close); 0 if none could be bound.
quint16 findFree();
} // namespace LoopbackPort
