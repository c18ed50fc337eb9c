// f32 operations on words: w[x] holds the float's bits. Sign operations (abs, neg, copysign)
// are bit operations so payloads survive; arithmetic computes in doubles, which is exactly
// rounded for f32 (+ - * / sqrt: a double holds more than 2 * 24 + 2 bits, so rounding the
// double result to f32 rounds once). NaN results are made explicitly: the first NaN operand
// quieted (canonical stays canonical, anything else becomes arithmetic), or the positive
// canonical NaN when no operand was a NaN, as the spec's nans{...} rule allows.

import { CANON_NAN32, SF32, SI32, bitsOfF32, f32Of, isNaN32 } from './scratch.js';

const QUIET32 = 0x00400000;
const SIGN32 = -0x80000000;

/** The NaN result of an operation with operands x, y (bits). */
export function nanOf32(x: number, y: number): number {
  if (isNaN32(x)) return x | QUIET32;
  if (isNaN32(y)) return y | QUIET32;
  return CANON_NAN32;
}

/** Rounds r to f32 and returns its bits, or the NaN rule's bits. */
function result32(r: number, x: number, y: number): number {
  if (r !== r) return nanOf32(x, y);
  SF32[0] = r;
  return SI32[0];
}

export function f32_add(w: Int32Array, d: number, a: number, b: number): void {
  const x = w[a], y = w[b];
  w[d] = result32(f32Of(x) + f32Of(y), x, y);
}
export function f32_sub(w: Int32Array, d: number, a: number, b: number): void {
  const x = w[a], y = w[b];
  w[d] = result32(f32Of(x) - f32Of(y), x, y);
}
export function f32_mul(w: Int32Array, d: number, a: number, b: number): void {
  const x = w[a], y = w[b];
  w[d] = result32(f32Of(x) * f32Of(y), x, y);
}
export function f32_div(w: Int32Array, d: number, a: number, b: number): void {
  const x = w[a], y = w[b];
  w[d] = result32(f32Of(x) / f32Of(y), x, y);
}

export function fminBits32(x: number, y: number): number {
  if (isNaN32(x) || isNaN32(y)) return nanOf32(x, y);
  const fx = f32Of(x), fy = f32Of(y);
  if (fx < fy) return x;
  if (fy < fx) return y;
  return x | y; // equal: identical bits, or +0/-0 where min is -0
}

export function fmaxBits32(x: number, y: number): number {
  if (isNaN32(x) || isNaN32(y)) return nanOf32(x, y);
  const fx = f32Of(x), fy = f32Of(y);
  if (fx > fy) return x;
  if (fy > fx) return y;
  return x & y; // equal: identical bits, or +0/-0 where max is +0
}

export function f32_min(w: Int32Array, d: number, a: number, b: number): void { w[d] = fminBits32(w[a], w[b]); }
export function f32_max(w: Int32Array, d: number, a: number, b: number): void { w[d] = fmaxBits32(w[a], w[b]); }

export function f32_abs(w: Int32Array, d: number, a: number): void { w[d] = w[a] & 0x7fffffff; }
export function f32_neg(w: Int32Array, d: number, a: number): void { w[d] = w[a] ^ SIGN32; }
export function f32_copysign(w: Int32Array, d: number, a: number, b: number): void {
  w[d] = (w[a] & 0x7fffffff) | (w[b] & SIGN32);
}

/** Round to nearest integer, ties to even, on a non-negative finite double below 2^52. */
export function nearestMag(m: number): number {
  return m < 4503599627370496 ? (m + 4503599627370496) - 4503599627370496 : m;
}

/**
 * Rounding to an integer keeps the operand's sign (IEEE roundToIntegral), so each op rounds
 * the value and puts the sign bit back; NaNs are quieted, infinities and integers unchanged.
 */
function roundOp32(x: number, kind: 0 | 1 | 2 | 3): number {
  if (isNaN32(x)) return x | QUIET32;
  const v = f32Of(x);
  const r = kind === 0 ? Math.ceil(v) : kind === 1 ? Math.floor(v) : kind === 2 ? Math.trunc(v)
    : nearestMag(Math.abs(v));
  return bitsOfF32(r) & 0x7fffffff | (x & SIGN32);
}

export function f32_ceil(w: Int32Array, d: number, a: number): void { w[d] = roundOp32(w[a], 0); }
export function f32_floor(w: Int32Array, d: number, a: number): void { w[d] = roundOp32(w[a], 1); }
export function f32_trunc(w: Int32Array, d: number, a: number): void { w[d] = roundOp32(w[a], 2); }
export function f32_nearest(w: Int32Array, d: number, a: number): void { w[d] = roundOp32(w[a], 3); }

export function f32_sqrt(w: Int32Array, d: number, a: number): void {
  const x = w[a];
  w[d] = result32(Math.sqrt(f32Of(x)), x, x);
}

export function f32_eq(w: Int32Array, d: number, a: number, b: number): void { w[d] = f32Of(w[a]) === f32Of(w[b]) ? 1 : 0; }
export function f32_ne(w: Int32Array, d: number, a: number, b: number): void { w[d] = f32Of(w[a]) !== f32Of(w[b]) ? 1 : 0; }
export function f32_lt(w: Int32Array, d: number, a: number, b: number): void { w[d] = f32Of(w[a]) < f32Of(w[b]) ? 1 : 0; }
export function f32_gt(w: Int32Array, d: number, a: number, b: number): void { w[d] = f32Of(w[a]) > f32Of(w[b]) ? 1 : 0; }
export function f32_le(w: Int32Array, d: number, a: number, b: number): void { w[d] = f32Of(w[a]) <= f32Of(w[b]) ? 1 : 0; }
export function f32_ge(w: Int32Array, d: number, a: number, b: number): void { w[d] = f32Of(w[a]) >= f32Of(w[b]) ? 1 : 0; }
