// Conversions between integers and floats, on words. Truncations trap exactly at the spec's
// boundaries (the boundaries are powers of two, so comparing the float itself is exact);
// integer-to-float conversions round once, to nearest even.

import { Trap } from '../../errors.js';
import { f32Of, f64Of, isNaN32, isNaN64, SF32, SF64, SI32 } from './scratch.js';
import { intOverflow } from './i32.js';
import { storeInt } from './i64.js';

const TWO31 = 2147483648;
const TWO32 = 4294967296;
const TWO63 = 9223372036854775808;
const TWO64 = 18446744073709551616;

function invalidConversion(): never {
  throw new Trap('invalid conversion to integer');
}

// ---- trapping truncations (x is the float's value; NaN checked on the bits first) ----

function truncS32(x: number): number {
  if (x !== x) invalidConversion();
  const t = Math.trunc(x);
  if (t < -TWO31 || t >= TWO31) intOverflow();
  return t | 0;
}

function truncU32(x: number): number {
  if (x !== x) invalidConversion();
  const t = Math.trunc(x);
  if (t < 0 ? t !== 0 : t >= TWO32) intOverflow(); // -0.x truncates to -0: fine
  return t | 0;
}

function truncS64(w: Int32Array, d: number, x: number): void {
  if (x !== x) invalidConversion();
  const t = Math.trunc(x);
  if (t < -TWO63 || t >= TWO63) intOverflow();
  storeInt(w, d, t);
}

function truncU64(w: Int32Array, d: number, x: number): void {
  if (x !== x) invalidConversion();
  const t = Math.trunc(x);
  if (t < 0 ? t !== 0 : t >= TWO64) intOverflow();
  storeInt(w, d, t);
}

export function i32_trunc_f32_s(w: Int32Array, d: number, a: number): void { w[d] = truncS32(f32Of(w[a])); }
export function i32_trunc_f32_u(w: Int32Array, d: number, a: number): void { w[d] = truncU32(f32Of(w[a])); }
export function i32_trunc_f64_s(w: Int32Array, d: number, a: number): void { w[d] = truncS32(f64Of(w[a], w[a + 1])); }
export function i32_trunc_f64_u(w: Int32Array, d: number, a: number): void { w[d] = truncU32(f64Of(w[a], w[a + 1])); }
export function i64_trunc_f32_s(w: Int32Array, d: number, a: number): void { truncS64(w, d, f32Of(w[a])); }
export function i64_trunc_f32_u(w: Int32Array, d: number, a: number): void { truncU64(w, d, f32Of(w[a])); }
export function i64_trunc_f64_s(w: Int32Array, d: number, a: number): void { truncS64(w, d, f64Of(w[a], w[a + 1])); }
export function i64_trunc_f64_u(w: Int32Array, d: number, a: number): void { truncU64(w, d, f64Of(w[a], w[a + 1])); }

// ---- saturating truncations: NaN -> 0, out of range -> the nearest bound ----

export function truncSatS32(x: number): number {
  if (x !== x) return 0;
  if (x <= -TWO31) return -0x80000000;
  if (x >= TWO31) return 0x7fffffff;
  return Math.trunc(x) | 0;
}

export function truncSatU32(x: number): number {
  if (x !== x || x <= 0) return 0;
  if (x >= TWO32) return -1;
  return Math.trunc(x) | 0;
}

function truncSatS64(w: Int32Array, d: number, x: number): void {
  if (x !== x) { w[d] = 0; w[d + 1] = 0; }
  else if (x <= -TWO63) { w[d] = 0; w[d + 1] = -0x80000000; }
  else if (x >= TWO63) { w[d] = -1; w[d + 1] = 0x7fffffff; }
  else storeInt(w, d, Math.trunc(x));
}

function truncSatU64(w: Int32Array, d: number, x: number): void {
  if (x !== x || x <= 0) { w[d] = 0; w[d + 1] = 0; }
  else if (x >= TWO64) { w[d] = -1; w[d + 1] = -1; }
  else storeInt(w, d, Math.trunc(x));
}

export function i32_trunc_sat_f32_s(w: Int32Array, d: number, a: number): void { w[d] = truncSatS32(f32Of(w[a])); }
export function i32_trunc_sat_f32_u(w: Int32Array, d: number, a: number): void { w[d] = truncSatU32(f32Of(w[a])); }
export function i32_trunc_sat_f64_s(w: Int32Array, d: number, a: number): void { w[d] = truncSatS32(f64Of(w[a], w[a + 1])); }
export function i32_trunc_sat_f64_u(w: Int32Array, d: number, a: number): void { w[d] = truncSatU32(f64Of(w[a], w[a + 1])); }
export function i64_trunc_sat_f32_s(w: Int32Array, d: number, a: number): void { truncSatS64(w, d, f32Of(w[a])); }
export function i64_trunc_sat_f32_u(w: Int32Array, d: number, a: number): void { truncSatU64(w, d, f32Of(w[a])); }
export function i64_trunc_sat_f64_s(w: Int32Array, d: number, a: number): void { truncSatS64(w, d, f64Of(w[a], w[a + 1])); }
export function i64_trunc_sat_f64_u(w: Int32Array, d: number, a: number): void { truncSatU64(w, d, f64Of(w[a], w[a + 1])); }

// ---- integer to float ----

function storeF32(w: Int32Array, d: number, x: number): void {
  SF32[0] = x;
  w[d] = SI32[0];
}

function storeF64(w: Int32Array, d: number, x: number): void {
  SF64[0] = x;
  w[d] = SI32[0];
  w[d + 1] = SI32[1];
}

/**
 * The unsigned 64-bit magnitude (hi, lo as u32) as a double that rounds to the same f32 as
 * the exact value. Below 2^53 the double is exact. Above, the low 11 bits are folded into a
 * sticky bit (round to odd at bit 11): the double is then exact, and round-to-odd to >= 26
 * bits followed by round-to-nearest to 24 bits equals a single rounding.
 */
function u64ForF32(hi: number, lo: number): number {
  if (hi >= 0x200000) lo = ((lo & ~0x7ff) | ((lo & 0x7ff) !== 0 ? 0x800 : 0)) >>> 0;
  return hi * TWO32 + lo;
}

export function f32_convert_i32_s(w: Int32Array, d: number, a: number): void { storeF32(w, d, w[a]); }
export function f32_convert_i32_u(w: Int32Array, d: number, a: number): void { storeF32(w, d, w[a] >>> 0); }

export function f32_convert_i64_s(w: Int32Array, d: number, a: number): void {
  let lo = w[a], hi = w[a + 1];
  if (hi < 0) {
    // magnitude of a negative value; rounding to nearest is symmetric
    lo = -lo | 0;
    hi = (~hi + (lo === 0 ? 1 : 0)) | 0;
    storeF32(w, d, -u64ForF32(hi >>> 0, lo >>> 0));
  } else {
    storeF32(w, d, u64ForF32(hi, lo >>> 0));
  }
}

export function f32_convert_i64_u(w: Int32Array, d: number, a: number): void {
  storeF32(w, d, u64ForF32(w[a + 1] >>> 0, w[a] >>> 0));
}

export function f64_convert_i32_s(w: Int32Array, d: number, a: number): void { storeF64(w, d, w[a]); }
export function f64_convert_i32_u(w: Int32Array, d: number, a: number): void { storeF64(w, d, w[a] >>> 0); }
// hi * 2^32 is exact, so the one addition is the one rounding.
export function f64_convert_i64_s(w: Int32Array, d: number, a: number): void {
  storeF64(w, d, w[a + 1] * TWO32 + (w[a] >>> 0));
}
export function f64_convert_i64_u(w: Int32Array, d: number, a: number): void {
  storeF64(w, d, (w[a + 1] >>> 0) * TWO32 + (w[a] >>> 0));
}

// ---- between floats ----

export function f32_demote_f64(w: Int32Array, d: number, a: number): void {
  const lo = w[a], hi = w[a + 1];
  if (isNaN64(lo, hi)) {
    // keep the sign and the top payload bits, set the quiet bit: canonical stays canonical
    w[d] = (hi & -0x80000000) | 0x7fc00000 | ((hi & 0xfffff) << 3) | (lo >>> 29);
    return;
  }
  storeF32(w, d, f64Of(lo, hi));
}

export function f64_promote_f32(w: Int32Array, d: number, a: number): void {
  const x = w[a];
  if (isNaN32(x)) {
    w[d] = x << 29;
    w[d + 1] = (x & -0x80000000) | 0x7ff80000 | ((x & 0x7fffff) >>> 3);
    return;
  }
  storeF64(w, d, f32Of(x));
}

// ---- reinterpretations: word copies ----

export function i32_reinterpret_f32(w: Int32Array, d: number, a: number): void { w[d] = w[a]; }
export function f32_reinterpret_i32(w: Int32Array, d: number, a: number): void { w[d] = w[a]; }
export function i64_reinterpret_f64(w: Int32Array, d: number, a: number): void { w[d] = w[a]; w[d + 1] = w[a + 1]; }
export function f64_reinterpret_i64(w: Int32Array, d: number, a: number): void { w[d] = w[a]; w[d + 1] = w[a + 1]; }
