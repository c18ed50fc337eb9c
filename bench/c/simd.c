/* SIMD workload: a mix of loops clang vectorizes for wasm's 128-bit SIMD.
 * bench/build.sh builds this one file twice: `simd.wasm` with -msimd128 (clang's loop and
 * SLP vectorizers emit v128 code for the kernels below) and `simd-scalar.wasm` without (the
 * same loops as plain scalar code). The two must return the same checksum, so every kernel
 * is written so that vectorizing it cannot change the result:
 *  - f32 kernels are element-wise (saxpy, clamp), or reduce into four explicit lane
 *    accumulators (dot), so no floating-point addition is reordered (no -ffast-math needed);
 *  - integer reductions (byte count, i32 multiply-sum, max) are exact in any order.
 * Kernels: f32 saxpy, f32 dot product, f32 clamp, u8 alpha blend (widen, multiply, narrow),
 * a memchr-like byte count, i32 multiply-accumulate and a max reduction. */
#include "bench.h"

#define N 4096 /* elements per array: 16 KiB of f32, fits in cache like a real kernel */
BENCH_PARAM(simd_rounds, 1000);

static float x[N], y[N];
static int32_t ia[N], ib[N];
static uint8_t pa[N], pb[N], pc[N];

static void init(void) {
  uint32_t s = 12345;
  for (int32_t i = 0; i < N; i++) {
    s = s * 1103515245u + 12345u; /* LCG: deterministic, cheap */
    x[i] = (float)((s >> 16) & 1023) * (1.0f / 256.0f) - 2.0f;
    y[i] = (float)((s >> 8) & 255) * (1.0f / 64.0f);
    ia[i] = (int32_t)(s >> 12) - (1 << 19);
    ib[i] = (int32_t)((s >> 3) & 0xffff);
    pa[i] = (uint8_t)(s >> 24);
    pb[i] = (uint8_t)(s >> 5);
  }
}

/* y = a*x + b*y: element-wise, so the vector code computes exactly the scalar values. */
static void saxpy(float a, float b) {
  for (int32_t i = 0; i < N; i++) y[i] = a * x[i] + b * y[i];
}

/* Four lane accumulators, each summing every fourth product: the scalar build does the same
 * additions in the same order, so the result is bit-identical with or without SIMD. */
static float dot(void) {
  float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (int32_t i = 0; i < N; i += 4) {
    s0 += x[i] * y[i];
    s1 += x[i + 1] * y[i + 1];
    s2 += x[i + 2] * y[i + 2];
    s3 += x[i + 3] * y[i + 3];
  }
  return (s0 + s1) + (s2 + s3);
}

/* Keeps y bounded across rounds (f32x4.min / max). */
static void clamp(float lo, float hi) {
  for (int32_t i = 0; i < N; i++) {
    float v = y[i];
    v = v < lo ? lo : v;
    y[i] = v > hi ? hi : v;
  }
}

/* pc = (pa*alpha + pb*(256-alpha)) >> 8, per byte: widen to 16 bits, multiply, narrow. */
static void blend(uint32_t alpha) {
  uint16_t al = (uint16_t)alpha, be = (uint16_t)(256 - alpha);
  for (int32_t i = 0; i < N; i++) pc[i] = (uint8_t)((uint16_t)(pa[i] * al + pb[i] * be) >> 8);
}

/* memchr-like scan: how many bytes equal c (i8x16.eq and widening adds). */
static uint32_t count_byte(const uint8_t *p, uint8_t c) {
  uint32_t n = 0;
  for (int32_t i = 0; i < N; i++) n += p[i] == c;
  return n;
}

/* i32 multiply-accumulate, wrapping: exact in any order. */
static uint32_t mac(void) {
  uint32_t s = 0;
  for (int32_t i = 0; i < N; i++) s += (uint32_t)ia[i] * (uint32_t)ib[i];
  return s;
}

static int32_t max_i32(void) {
  int32_t m = ia[0];
  for (int32_t i = 1; i < N; i++) m = ia[i] > m ? ia[i] : m;
  return m;
}

/* Feeds the blended bytes back into pa and nudges ia, so every round sees new data. */
static void feedback(uint32_t r) {
  for (int32_t i = 0; i < N; i++) {
    pa[i] = pc[i] ^ pb[i];
    ia[i] += (int32_t)pc[i] - (int32_t)r;
  }
}

BENCH_RUN {
  init();
  uint32_t h = 0;
  int32_t rounds = simd_rounds;
  for (int32_t r = 0; r < rounds; r++) {
    saxpy(0.75f, 0.5f);
    clamp(-4.0f, 4.0f);
    float d = dot();
    blend((uint32_t)(r & 255));
    uint32_t n = count_byte(pc, (uint8_t)r);
    uint32_t m = mac();
    int32_t mx = max_i32();
    feedback((uint32_t)r);
    uint32_t dbits;
    __builtin_memcpy(&dbits, &d, 4);
    h = (h * 31u) ^ dbits;
    h = h * 31u + n;
    h = h * 31u + m;
    h = h * 31u + (uint32_t)mx;
  }
  return h;
}
