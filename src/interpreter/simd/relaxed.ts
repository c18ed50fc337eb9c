// Relaxed SIMD. The spec gives each relaxed operator a list of allowed results selected by a
// global parameter; the deterministic profile fixes every parameter to 0. `RELAXED` holds
// the choice for the whole engine: deterministic (the default) or "hardware-like", which
// picks, per parameter, the choice an x86 SSE lowering produces (still inside the allowed
// set; relaxed_madd stays unfused and relaxed_trunc_u saturating in both modes).

import { A, B, C, S16, S32, S8, U8, ld, st, type V128Op } from './scratch.js';
import { fmaxBits32, fminBits32, f32_add, f32_mul } from '../numerics/f32.js';
import { f64_add, f64_mul, f64_min, f64_max } from '../numerics/f64.js';
import { f32Of, f64Of } from '../numerics/scratch.js';
import { i8x16_swizzle } from './lane-moves.js';
import { v128_bitselect } from './bitwise.js';
import { INT_LANE_OPS } from './int-lanes.js';
import {
  i32x4_trunc_sat_f32x4_s, i32x4_trunc_sat_f32x4_u, i32x4_trunc_sat_f64x2_s_zero,
  i32x4_trunc_sat_f64x2_u_zero,
} from './float-lanes.js';

export const RELAXED = { deterministic: true };

/** Selects the spec's deterministic profile (true) or the hardware-like choices (false). */
export function setRelaxedDeterministic(on: boolean): void {
  RELAXED.deterministic = on;
}

export function i8x16_relaxed_swizzle(w: Int32Array, d: number, a: number, b: number): void {
  if (RELAXED.deterministic) { i8x16_swizzle(w, d, a, b); return; }
  // pshufb: a set top bit gives 0, otherwise the low four bits index
  ld(w, a, A); ld(w, b, B);
  for (let i = 0; i < 16; i++) { const k = U8[16 + i]; U8[48 + i] = k & 0x80 ? 0 : U8[k & 15]; }
  st(w, d);
}

/** cvttps2dq: NaN and out-of-range lanes become INT32_MIN (the spec's second choice). */
function truncS(sat: V128Op, read: (w: Int32Array, a: number, i: number) => number, lanes: number): V128Op {
  return (w, d, a, b, c) => {
    if (RELAXED.deterministic) { sat(w, d, a, b, c); return; }
    for (let i = 0; i < lanes; i++) {
      const x = read(w, a, i);
      S32[12 + i] = x > -2147483649 && x < 2147483648 ? Math.trunc(x) | 0 : -0x80000000;
    }
    for (let i = lanes; i < 4; i++) S32[12 + i] = 0;
    st(w, d);
  };
}
export const i32x4_relaxed_trunc_f32x4_s = truncS(i32x4_trunc_sat_f32x4_s, (w, a, i) => f32Of(w[a + i]), 4);
export const i32x4_relaxed_trunc_f64x2_s_zero = truncS(i32x4_trunc_sat_f64x2_s_zero, (w, a, i) => f64Of(w[a + 2 * i], w[a + 2 * i + 1]), 2);
export const i32x4_relaxed_trunc_f32x4_u: V128Op = i32x4_trunc_sat_f32x4_u;
export const i32x4_relaxed_trunc_f64x2_u_zero: V128Op = i32x4_trunc_sat_f64x2_u_zero;

// madd: the unfused choice (index 0): round the product, then the sum. nmadd negates a.

export function f32x4_relaxed_madd(w: Int32Array, d: number, a: number, b: number, c: number): void {
  ld(w, a, A); ld(w, b, B); ld(w, c, C);
  for (let i = 0; i < 4; i++) { f32_mul(S32, 12 + i, i, 4 + i); f32_add(S32, 12 + i, 12 + i, 8 + i); }
  st(w, d);
}
export function f32x4_relaxed_nmadd(w: Int32Array, d: number, a: number, b: number, c: number): void {
  ld(w, a, A); ld(w, b, B); ld(w, c, C);
  for (let i = 0; i < 4; i++) {
    S32[i] ^= -0x80000000;
    f32_mul(S32, 12 + i, i, 4 + i); f32_add(S32, 12 + i, 12 + i, 8 + i);
  }
  st(w, d);
}
export function f64x2_relaxed_madd(w: Int32Array, d: number, a: number, b: number, c: number): void {
  ld(w, a, A); ld(w, b, B); ld(w, c, C);
  for (let i = 0; i < 4; i += 2) { f64_mul(S32, 12 + i, i, 4 + i); f64_add(S32, 12 + i, 12 + i, 8 + i); }
  st(w, d);
}
export function f64x2_relaxed_nmadd(w: Int32Array, d: number, a: number, b: number, c: number): void {
  ld(w, a, A); ld(w, b, B); ld(w, c, C);
  for (let i = 0; i < 4; i += 2) {
    S32[i + 1] ^= -0x80000000;
    f64_mul(S32, 12 + i, i, 4 + i); f64_add(S32, 12 + i, 12 + i, 8 + i);
  }
  st(w, d);
}

// laneselect: bitselect (index 0), or each lane's top mask bit spread over the lane (index 1)

function laneselect(bits: number): V128Op {
  return (w, d, a, b, c) => {
    if (RELAXED.deterministic) { v128_bitselect(w, d, a, b, c); return; }
    ld(w, a, A); ld(w, b, B); ld(w, c, C);
    for (let i = 0; i < 4; i++) {
      const m = S32[8 + i];
      const mask = bits === 8 ? (m & 0x80808080) >>> 7 : bits === 16 ? (m & 0x80008000) >>> 15 : m >>> 31;
      const full = Math.imul(mask, bits === 8 ? 0xff : bits === 16 ? 0xffff : -1);
      S32[12 + i] = (S32[i] & full) | (S32[4 + i] & ~full);
    }
    st(w, d);
  };
}
export const i8x16_relaxed_laneselect = laneselect(8);
export const i16x8_relaxed_laneselect = laneselect(16);
export const i32x4_relaxed_laneselect = laneselect(32);
export function i64x2_relaxed_laneselect(w: Int32Array, d: number, a: number, b: number, c: number): void {
  if (RELAXED.deterministic) { v128_bitselect(w, d, a, b, c); return; }
  ld(w, a, A); ld(w, b, B); ld(w, c, C);
  for (let i = 0; i < 4; i += 2) {
    const full = S32[8 + i + 1] >> 31;
    S32[12 + i] = (S32[i] & full) | (S32[4 + i] & ~full);
    S32[13 + i] = (S32[i + 1] & full) | (S32[5 + i] & ~full);
  }
  st(w, d);
}

// min/max: fmin/fmax (index 0), or minps/maxps: `a < b ? a : b`, the second operand on NaN
// or equal zeros (index 2)

export function f32x4_relaxed_min(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) {
    const x = w[a + i], y = w[b + i];
    w[d + i] = RELAXED.deterministic ? fminBits32(x, y) : f32Of(x) < f32Of(y) ? x : y;
  }
}
export function f32x4_relaxed_max(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) {
    const x = w[a + i], y = w[b + i];
    w[d + i] = RELAXED.deterministic ? fmaxBits32(x, y) : f32Of(x) > f32Of(y) ? x : y;
  }
}
function relaxedMinMax64(isMax: boolean): V128Op {
  return (w, d, a, b) => {
    for (let i = 0; i < 4; i += 2) {
      if (RELAXED.deterministic) { (isMax ? f64_max : f64_min)(w, d + i, a + i, b + i); continue; }
      const xl = w[a + i], xh = w[a + i + 1], yl = w[b + i], yh = w[b + i + 1];
      const x = f64Of(xl, xh), y = f64Of(yl, yh);
      const takeX = isMax ? x > y : x < y;
      w[d + i] = takeX ? xl : yl; w[d + i + 1] = takeX ? xh : yh;
    }
  };
}
export const f64x2_relaxed_min = relaxedMinMax64(false);
export const f64x2_relaxed_max = relaxedMinMax64(true);

// q15mulr: saturating (index 0), or wrapping -32768 * -32768 to -32768 (index 1, pmulhrsw)

const q15Sat = INT_LANE_OPS.get('i16x8.q15mulr_sat_s')!;
export function i16x8_relaxed_q15mulr_s(w: Int32Array, d: number, a: number, b: number): void {
  if (RELAXED.deterministic) { q15Sat(w, d, a, b, 0); return; }
  ld(w, a, A); ld(w, b, B);
  for (let i = 0; i < 8; i++) S16[24 + i] = (S16[i] * S16[8 + i] + 0x4000) >> 15;
  st(w, d);
}

// dot: products of adjacent i8 pairs, the second operand signed (index 0) or unsigned
// (index 1), each pair summed with signed saturation to i16

function relaxedDot(): void {
  const bSigned = RELAXED.deterministic;
  for (let i = 0; i < 8; i++) {
    const y0 = bSigned ? S8[16 + 2 * i] : U8[16 + 2 * i];
    const y1 = bSigned ? S8[17 + 2 * i] : U8[17 + 2 * i];
    const s = S8[2 * i] * y0 + S8[2 * i + 1] * y1;
    S16[24 + i] = s < -32768 ? -32768 : s > 32767 ? 32767 : s;
  }
}

export function i16x8_relaxed_dot_i8x16_i7x16_s(w: Int32Array, d: number, a: number, b: number): void {
  ld(w, a, A); ld(w, b, B);
  relaxedDot();
  st(w, d);
}

export function i32x4_relaxed_dot_i8x16_i7x16_add_s(w: Int32Array, d: number, a: number, b: number, c: number): void {
  ld(w, a, A); ld(w, b, B); ld(w, c, C);
  relaxedDot();
  for (let i = 0; i < 4; i++) S32[12 + i] = (S16[24 + 2 * i] + S16[25 + 2 * i] + S32[8 + i]) | 0;
  st(w, d);
}

