/* 64-bit integer hashing loop: i64 multiply, xor, shifts and rotates. */
#include "bench.h"

BENCH_PARAM(hash_iterations, 16000000);

static uint64_t mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

BENCH_RUN {
  uint64_t state = 0x9e3779b97f4a7c15ull, acc = 0;
  for (int32_t i = 0; i < hash_iterations; i++) {
    state += 0x9e3779b97f4a7c15ull;
    uint64_t h = mix(state);
    acc = ((acc << 7) | (acc >> 57)) ^ h;
    acc += h >> (i & 31);
  }
  return (uint32_t)acc ^ (uint32_t)(acc >> 32);
}
