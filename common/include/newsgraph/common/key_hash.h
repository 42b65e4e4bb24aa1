// A fast hash for the short strings that ingest looks up once or more per token (matching keys,
// stems, words of the glue word list). std::hash<std::string_view> calls out of line to a
// general-purpose byte hash; this one is inline and reads 8 bytes at a time, which roughly
// halves the cost of the hash-table lookups that dominate the pipeline's profile.
// Not for hashing untrusted input where collisions could be forced (no seed).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace newsgraph::common {

namespace detail {
// One multiply-xorshift round (the finaliser constants of SplitMix64).
inline std::uint64_t mixKey(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  return x;
}
}  // namespace detail

// A 64-bit hash of `key`. Deterministic across runs and platforms of the same endianness.
inline std::uint64_t hashKey(std::string_view key) {
  const char* p = key.data();
  std::size_t n = key.size();
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0x94d049bb133111ebULL);
  while (n >= 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    h = detail::mixKey(h ^ chunk);
    p += 8;
    n -= 8;
  }
  if (n >= 4) {
    std::uint32_t head;
    std::uint32_t tail;
    std::memcpy(&head, p, 4);
    std::memcpy(&tail, p + n - 4, 4);
    h = detail::mixKey(h ^ ((static_cast<std::uint64_t>(head) << 32) | tail));
  } else if (n > 0) {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    h = detail::mixKey(h ^ ((static_cast<std::uint64_t>(u[0]) << 16) |
                            (static_cast<std::uint64_t>(u[n / 2]) << 8) | u[n - 1]));
  }
  h ^= h >> 31;
  return h;
}

// Transparent hasher for unordered containers of std::string keyed by matching keys: look up
// with a std::string_view (with std::equal_to<>) without building a std::string.
struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view key) const {
    return static_cast<std::size_t>(hashKey(key));
  }
};

// A one-bit-per-key Bloom filter over hashKey: mayContain(key) is true for every key added and
// false for most others, so that a token that starts no name costs a bit test instead of a
// hash-table probe. 64 Kbit (8 KB): stays in the L1/L2 cache.
class KeyFilter {
 public:
  void add(std::string_view key) {
    const std::size_t bit = slot(key);
    bits_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  }
  bool mayContain(std::string_view key) const { return mayContainHash(hashKey(key)); }
  // mayContain for a key whose hashKey the caller has already computed.
  bool mayContainHash(std::uint64_t keyHash) const {
    const auto bit = static_cast<std::size_t>(keyHash >> 48);  // top bits: the tables use the low
    return ((bits_[bit >> 6] >> (bit & 63)) & 1) != 0;
  }

 private:
  static constexpr std::size_t kBits = std::size_t{1} << 16;
  static std::size_t slot(std::string_view key) {
    return static_cast<std::size_t>(hashKey(key) >> 48);  // top bits: the tables use the low
  }
  std::vector<std::uint64_t> bits_ = std::vector<std::uint64_t>(kBits / 64);
};

}  // namespace newsgraph::common
