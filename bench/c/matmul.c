/* Dense f64 matrix multiply: floating-point loads, multiply-add, nested loops. */
#include "bench.h"

#define N 400
BENCH_PARAM(matmul_n, N);

static double a[N * N], b[N * N], c[N * N];

BENCH_RUN {
  int32_t n = matmul_n;
  for (int32_t i = 0; i < n * n; i++) {
    a[i] = (double)(i % 97) * 0.5 - 12.0;
    b[i] = (double)(i % 89) * 0.25 + 1.0;
  }
  for (int32_t i = 0; i < n; i++) {
    for (int32_t j = 0; j < n; j++) c[i * n + j] = 0.0;
    for (int32_t k = 0; k < n; k++) {
      double aik = a[i * n + k];
      for (int32_t j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
    }
  }
  double sum = 0.0;
  for (int32_t i = 0; i < n * n; i++) sum += c[i] * (double)((i & 7) + 1);
  return (uint32_t)(int64_t)sum;
}
