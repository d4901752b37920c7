// FNV-1a, the 64-bit hash of a byte string: stream names into seeds (random_streams), logged values into a
// run's digest (Lab::metrics_digest). Chain calls by passing the previous hash.
#pragma once
#include <cstddef>
#include <cstdint>

namespace pl {

constexpr uint64_t kFnv1aStart = 0xcbf29ce484222325ULL;  // the offset basis

inline uint64_t fnv1a(const void* bytes, size_t size, uint64_t hash = kFnv1aStart) {
    const unsigned char* byte = static_cast<const unsigned char*>(bytes);
    for (size_t i = 0; i < size; ++i) hash = (hash ^ byte[i]) * 0x100000001b3ULL;  // h = (h xor b) * prime
    return hash;
}

}  // namespace pl
