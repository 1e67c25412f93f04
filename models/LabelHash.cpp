#include "LabelHash.h"

#include <cstring>

namespace LabelHash {

quint64 bytes(const void *data, size_t length, quint64 seed)
{
    constexpr quint64 m = 0xc6a4a7935bd1e995ULL;
    constexpr int r = 47;
    quint64 h = seed ^ (length * m);
    const auto *p = static_cast<const unsigned char *>(data);
    const unsigned char *end = p + (length / 8) * 8;
    for (; p != end; p += 8) {
        quint64 k;
        std::memcpy(&k, p, 8);
        k *= m;
        k ^= k >> r;
        k *= m;
        h ^= k;
        h *= m;
    }
    switch (length & 7) {
    case 7:
        h ^= quint64(p[6]) << 48;
        [[fallthrough]];
    case 6:
        h ^= quint64(p[5]) << 40;
        [[fallthrough]];
    case 5:
        h ^= quint64(p[4]) << 32;
        [[fallthrough]];
    case 4:
        h ^= quint64(p[3]) << 24;
        [[fallthrough]];
    case 3:
        h ^= quint64(p[2]) << 16;
        [[fallthrough]];
    case 2:
        h ^= quint64(p[1]) << 8;
        [[fallthrough]];
    case 1:
        h ^= quint64(p[0]);
        h *= m;
    }
    h ^= h >> r;
    h *= m;
    h ^= h >> r;
    return h;
}

} // namespace LabelHash
