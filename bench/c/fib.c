/* Recursive Fibonacci: call/return overhead and small-frame traffic. */
#include "bench.h"

BENCH_PARAM(fib_n, 34);

__attribute__((noinline)) static uint32_t fib(int32_t n) {
  return n < 2 ? (uint32_t)n : fib(n - 1) + fib(n - 2);
}

BENCH_RUN { return fib(fib_n); }
