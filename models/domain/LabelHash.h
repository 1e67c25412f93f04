#pragma once

#include <QtGlobal>

#include <string_view>

// A stable 64-bit hash (MurmurHash64A) for alert identities and change detection. Stable across runs and
// machines, unlike qHash, because identities are stored in the file and compared after an import.
namespace LabelHash {
quint64 bytes(const void *data, size_t length, quint64 seed);
inline quint64 add(quint64 seed, std::string_view text)
{
    return bytes(text.data(), text.size(), seed ^ (quint64(text.size()) * 0x9E3779B97F4A7C15ULL));
}
// Faster on long texts (four independent lanes), and not stable: only for comparing texts within one run.
quint64 fastBytes(const void *data, size_t length, quint64 seed);
inline quint64 fastAdd(quint64 seed, std::string_view text)
{
    return fastBytes(text.data(), text.size(), seed ^ (quint64(text.size()) * 0x9E3779B97F4A7C15ULL));
}
constexpr quint64 kSeed = 0x1C0DE5EEDULL;
} // namespace LabelHash
