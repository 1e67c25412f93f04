#include "LoopbackPort.h"

#include <QHostAddress>
#include <QTcpServer>

namespace LoopbackPort {

quint16 findFree()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace LoopbackPort
