/* Shared entry point for every C workload.
 * The same source builds two ways (see ../build.sh):
 *  - no-import build: exports `run` (returns the checksum) and nothing is imported,
 *    so any engine can instantiate it with an empty import object;
 *  - WASI build (-DBENCH_WASI): `main` prints the checksum, for command-line engines
 *    such as wabt's wasm-interp --wasi.
 * `run` must be idempotent: the harness calls it many times on one instance,
 * so every workload re-initializes its own state at the start. */
#ifndef BENCH_H
#define BENCH_H
#include <stdint.h>

#ifdef BENCH_WASI
#include <stdio.h>
static uint32_t bench_run(void);
int main(void) {
  printf("%u\n", (unsigned)bench_run());
  return 0;
}
#define BENCH_RUN static uint32_t bench_run(void)
#else
#define BENCH_RUN __attribute__((export_name("run"))) uint32_t run(void)
#endif

/* Workload sizes live in globals the optimizer cannot see through, so clang
 * does not constant-fold the work away. */
#define BENCH_PARAM(name, value) static volatile int32_t name = (value)

#endif
