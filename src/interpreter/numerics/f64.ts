// f64 operations on (lo, hi) word pairs. Same rules as f32.ts: sign operations are bit
// operations, NaN results are built explicitly (first NaN operand quieted, else the positive
// canonical NaN), rounding to an integer keeps the operand's sign bit.

import { CANON_NAN64_HI, SF64, SI32, f64Of, isNaN64 } from './scratch.js';
import { nearestMag } from './f32.js';

const QUIET64_HI = 0x00080000;
const SIGN32 = -0x80000000;

/** Writes the NaN result of an operation with operands at a and b. */
export function storeNaN64(w: Int32Array, d: number, al: number, ah: number, bl: number, bh: number): void {
  if (isNaN64(al, ah)) { w[d] = al; w[d + 1] = ah | QUIET64_HI; }
  else if (isNaN64(bl, bh)) { w[d] = bl; w[d + 1] = bh | QUIET64_HI; }
  else { w[d] = 0; w[d + 1] = CANON_NAN64_HI; }
}

function store64(w: Int32Array, d: number, r: number, al: number, ah: number, bl: number, bh: number): void {
  if (r !== r) { storeNaN64(w, d, al, ah, bl, bh); return; }
  SF64[0] = r;
  w[d] = SI32[0];
  w[d + 1] = SI32[1];
}

export function f64_add(w: Int32Array, d: number, a: number, b: number): void {
  const al = w[a], ah = w[a + 1], bl = w[b], bh = w[b + 1];
  store64(w, d, f64Of(al, ah) + f64Of(bl, bh), al, ah, bl, bh);
}
export function f64_sub(w: Int32Array, d: number, a: number, b: number): void {
  const al = w[a], ah = w[a + 1], bl = w[b], bh = w[b + 1];
  store64(w, d, f64Of(al, ah) - f64Of(bl, bh), al, ah, bl, bh);
}
export function f64_mul(w: Int32Array, d: number, a: number, b: number): void {
  const al = w[a], ah = w[a + 1], bl = w[b], bh = w[b + 1];
  store64(w, d, f64Of(al, ah) * f64Of(bl, bh), al, ah, bl, bh);
}
export function f64_div(w: Int32Array, d: number, a: number, b: number): void {
  const al = w[a], ah = w[a + 1], bl = w[b], bh = w[b + 1];
  store64(w, d, f64Of(al, ah) / f64Of(bl, bh), al, ah, bl, bh);
}

function minMax64(w: Int32Array, d: number, a: number, b: number, isMax: boolean): void {
  const al = w[a], ah = w[a + 1], bl = w[b], bh = w[b + 1];
  if (isNaN64(al, ah) || isNaN64(bl, bh)) { storeNaN64(w, d, al, ah, bl, bh); return; }
  const x = f64Of(al, ah), y = f64Of(bl, bh);
  if (isMax ? x > y : x < y) { w[d] = al; w[d + 1] = ah; }
  else if (isMax ? y > x : y < x) { w[d] = bl; w[d + 1] = bh; }
  else { w[d] = al; w[d + 1] = isMax ? ah & bh : ah | bh; } // equal: same bits, or ±0
}

export function f64_min(w: Int32Array, d: number, a: number, b: number): void { minMax64(w, d, a, b, false); }
export function f64_max(w: Int32Array, d: number, a: number, b: number): void { minMax64(w, d, a, b, true); }

export function f64_abs(w: Int32Array, d: number, a: number): void {
  w[d] = w[a]; w[d + 1] = w[a + 1] & 0x7fffffff;
}
export function f64_neg(w: Int32Array, d: number, a: number): void {
  w[d] = w[a]; w[d + 1] = w[a + 1] ^ SIGN32;
}
export function f64_copysign(w: Int32Array, d: number, a: number, b: number): void {
  const sign = w[b + 1] & SIGN32;
  w[d] = w[a]; w[d + 1] = (w[a + 1] & 0x7fffffff) | sign;
}

function roundOp64(w: Int32Array, d: number, a: number, kind: 0 | 1 | 2 | 3): void {
  const lo = w[a], hi = w[a + 1];
  if (isNaN64(lo, hi)) { w[d] = lo; w[d + 1] = hi | QUIET64_HI; return; }
  const v = f64Of(lo, hi);
  SF64[0] = kind === 0 ? Math.ceil(v) : kind === 1 ? Math.floor(v) : kind === 2 ? Math.trunc(v)
    : nearestMag(Math.abs(v));
  w[d] = SI32[0];
  w[d + 1] = (SI32[1] & 0x7fffffff) | (hi & SIGN32);
}

export function f64_ceil(w: Int32Array, d: number, a: number): void { roundOp64(w, d, a, 0); }
export function f64_floor(w: Int32Array, d: number, a: number): void { roundOp64(w, d, a, 1); }
export function f64_trunc(w: Int32Array, d: number, a: number): void { roundOp64(w, d, a, 2); }
export function f64_nearest(w: Int32Array, d: number, a: number): void { roundOp64(w, d, a, 3); }

export function f64_sqrt(w: Int32Array, d: number, a: number): void {
  const lo = w[a], hi = w[a + 1];
  store64(w, d, Math.sqrt(f64Of(lo, hi)), lo, hi, lo, hi);
}

export function f64_eq(w: Int32Array, d: number, a: number, b: number): void { w[d] = f64Of(w[a], w[a + 1]) === f64Of(w[b], w[b + 1]) ? 1 : 0; }
export function f64_ne(w: Int32Array, d: number, a: number, b: number): void { w[d] = f64Of(w[a], w[a + 1]) !== f64Of(w[b], w[b + 1]) ? 1 : 0; }
export function f64_lt(w: Int32Array, d: number, a: number, b: number): void { w[d] = f64Of(w[a], w[a + 1]) < f64Of(w[b], w[b + 1]) ? 1 : 0; }
export function f64_gt(w: Int32Array, d: number, a: number, b: number): void { w[d] = f64Of(w[a], w[a + 1]) > f64Of(w[b], w[b + 1]) ? 1 : 0; }
export function f64_le(w: Int32Array, d: number, a: number, b: number): void { w[d] = f64Of(w[a], w[a + 1]) <= f64Of(w[b], w[b + 1]) ? 1 : 0; }
export function f64_ge(w: Int32Array, d: number, a: number, b: number): void { w[d] = f64Of(w[a], w[a + 1]) >= f64Of(w[b], w[b + 1]) ? 1 : 0; }
