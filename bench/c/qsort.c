/* Quicksort of 1M ints (our own sort, so both builds need no libc sort):
 * data-dependent branches, swaps and recursion. */
#include "bench.h"

#define COUNT 1000000
BENCH_PARAM(qsort_count, COUNT);

static int32_t data[COUNT];

static void insertion_sort(int32_t *v, int32_t n) {
  for (int32_t i = 1; i < n; i++) {
    int32_t x = v[i], j = i - 1;
    while (j >= 0 && v[j] > x) { v[j + 1] = v[j]; j--; }
    v[j + 1] = x;
  }
}

static void quicksort(int32_t *v, int32_t n) {
  while (n > 16) {
    int32_t a = v[0], b = v[n / 2], c = v[n - 1];
    int32_t pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
    int32_t i = 0, j = n - 1;
    for (;;) {
      while (v[i] < pivot) i++;
      while (v[j] > pivot) j--;
      if (i >= j) break;
      int32_t t = v[i]; v[i] = v[j]; v[j] = t;
      i++; j--;
    }
    /* Recurse into the smaller half, loop on the larger: bounded stack depth. */
    int32_t left = j + 1;
    if (left < n - left) { quicksort(v, left); v += left; n -= left; }
    else { quicksort(v + left, n - left); n = left; }
  }
  insertion_sort(v, n);
}

BENCH_RUN {
  int32_t n = qsort_count;
  uint32_t s = 2463534242u;
  for (int32_t i = 0; i < n; i++) {
    s ^= s << 13; s ^= s >> 17; s ^= s << 5;
    data[i] = (int32_t)s;
  }
  quicksort(data, n);
  uint32_t checksum = 0;
  for (int32_t i = 0; i < n; i++) {
    if (i > 0 && data[i - 1] > data[i]) return 0xdeadbeef; /* not sorted */
    checksum = checksum * 16777619u ^ (uint32_t)data[i];
  }
  return checksum;
}
