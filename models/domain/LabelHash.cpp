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

quint64 fastBytes(const void *data, size_t length, quint64 seed)
{
    constexpr quint64 m = 0xc6a4a7935bd1e995ULL;
    const auto *p = static_cast<const unsigned char *>(data);
    size_t left = length;
    if (left < 32) {
        return bytes(p, left, seed);
    }
    // Four lanes, each a chain of bijections (xor with a word, multiply by an odd constant, xor-shift), so the
    // processor works on four words at once instead of waiting on one multiply after another.
    quint64 lane[4] = {seed ^ (length * m), seed + 0x9E3779B97F4A7C15ULL, ~seed, seed * m + 1};
    for (; left >= 32; p += 32, left -= 32) {
        for (int i = 0; i < 4; ++i) {
            quint64 k;
            std::memcpy(&k, p + 8 * i, 8);
            lane[i] = (lane[i] ^ k) * m;
            lane[i] ^= lane[i] >> 47;
        }
    }
    const quint64 folded = lane[0] ^ ((lane[1] << 17) | (lane[1] >> 47)) ^ ((lane[2] << 31) | (lane[2] >> 33))
                           ^ ((lane[3] << 47) | (lane[3] >> 17));
    return bytes(p, left, folded);
}

} // namespace LabelHash
