/* Sieve of Eratosthenes, repeated: byte loads/stores in a strided loop. */
#include "bench.h"

#define LIMIT 2000000
BENCH_PARAM(sieve_rounds, 4);

static uint8_t composite[LIMIT + 1];

BENCH_RUN {
  uint32_t checksum = 0;
  for (int32_t r = 0; r < sieve_rounds; r++) {
    for (int32_t i = 0; i <= LIMIT; i++) composite[i] = 0;
    uint32_t count = 0;
    for (int32_t i = 2; i <= LIMIT; i++) {
      if (composite[i]) continue;
      count++;
      for (int32_t j = i + i; j <= LIMIT; j += i) composite[j] = 1;
    }
    checksum = checksum * 31 + count;
  }
  return checksum;
}
