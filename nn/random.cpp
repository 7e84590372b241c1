// Rng: xoshiro256** with Box-Muller normals.
#include "random.h"

#include <cmath>

namespace nn {

namespace {

uint64_t splitmix64(uint64_t &x)
{
    uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// FNV-1a: a stable hash of the key, so that keys and not call order pick the stream.
uint64_t hashKey(std::string_view key)
{
    uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : key)
        hash = (hash ^ c) * 0x100000001b3ULL;
    return hash;
}

} // namespace

Rng::Rng(uint64_t seed)
{
    for (auto &word : state_)
        word = splitmix64(seed);
}

Rng Rng::keyed(uint64_t seed, std::string_view key, uint64_t index)
{
    uint64_t mixed = seed;
    uint64_t first = splitmix64(mixed) ^ hashKey(key);
    uint64_t second = splitmix64(first) ^ index;
    return Rng(splitmix64(second));
}

Rng Rng::keyed(uint64_t seed, std::string_view key, uint64_t index, uint64_t subindex)
{
    uint64_t mixed = seed;
    uint64_t first = splitmix64(mixed) ^ hashKey(key);
    uint64_t second = splitmix64(first) ^ index;
    uint64_t third = splitmix64(second) ^ subindex;
    return Rng(splitmix64(third));
}

uint64_t Rng::next()
{
    const uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
}

float Rng::uniform()
{
    return static_cast<float>(next() >> 40) * (1.0f / 16777216.0f);  // 24 random bits
}

float Rng::uniform(float low, float high)
{
    return low + (high - low) * uniform();
}

float Rng::normal(float mean, float stddev)
{
    const double u1 = (static_cast<double>(next() >> 11) + 1.0) * (1.0 / 9007199254740993.0);  // (0, 1]
    const double u2 = static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0);
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
    return mean + stddev * static_cast<float>(z);
}

uint64_t Rng::below(uint64_t bound)
{
    // Lemire's multiply-shift; the tiny bias is irrelevant for shuffling data sets.
    __extension__ using Wide = unsigned __int128;
    return static_cast<uint64_t>((static_cast<Wide>(next()) * bound) >> 64);
}

} // namespace nn
