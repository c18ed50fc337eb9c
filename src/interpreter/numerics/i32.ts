// i32 operations that are more than one JS operator: division with traps, rotations and bit
// counts. Both forms are exported: number helpers for inline use, and word functions
// `(w, d, a, b)` named after the mnemonic for table dispatch.

import { Trap } from '../../errors.js';

export function divByZero(): never {
  throw new Trap('integer divide by zero');
}

export function intOverflow(): never {
  throw new Trap('integer overflow');
}

export function i32DivS(a: number, b: number): number {
  if (b === 0) divByZero();
  if (a === -0x80000000 && b === -1) intOverflow();
  return (a / b) | 0;
}

export function i32DivU(a: number, b: number): number {
  if (b === 0) divByZero();
  return ((a >>> 0) / (b >>> 0)) | 0;
}

export function i32RemS(a: number, b: number): number {
  if (b === 0) divByZero();
  if (b === -1) return 0;
  return (a % b) | 0;
}

export function i32RemU(a: number, b: number): number {
  if (b === 0) divByZero();
  return ((a >>> 0) % (b >>> 0)) | 0;
}

// JS masks shift counts to 5 bits, so `-k` is `32 - k` and k = 0 gives x | x.
export function rotl32(x: number, k: number): number {
  return (x << k) | (x >>> -k);
}

export function rotr32(x: number, k: number): number {
  return (x >>> k) | (x << -k);
}

export const clz32 = Math.clz32;

export function ctz32(x: number): number {
  return x === 0 ? 32 : 31 - Math.clz32(x & -x);
}

export function popcnt32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

// ---- word forms ----

export function i32_add(w: Int32Array, d: number, a: number, b: number): void { w[d] = (w[a] + w[b]) | 0; }
export function i32_sub(w: Int32Array, d: number, a: number, b: number): void { w[d] = (w[a] - w[b]) | 0; }
export function i32_mul(w: Int32Array, d: number, a: number, b: number): void { w[d] = Math.imul(w[a], w[b]); }
export function i32_div_s(w: Int32Array, d: number, a: number, b: number): void { w[d] = i32DivS(w[a], w[b]); }
export function i32_div_u(w: Int32Array, d: number, a: number, b: number): void { w[d] = i32DivU(w[a], w[b]); }
export function i32_rem_s(w: Int32Array, d: number, a: number, b: number): void { w[d] = i32RemS(w[a], w[b]); }
export function i32_rem_u(w: Int32Array, d: number, a: number, b: number): void { w[d] = i32RemU(w[a], w[b]); }
export function i32_and(w: Int32Array, d: number, a: number, b: number): void { w[d] = w[a] & w[b]; }
export function i32_or(w: Int32Array, d: number, a: number, b: number): void { w[d] = w[a] | w[b]; }
export function i32_xor(w: Int32Array, d: number, a: number, b: number): void { w[d] = w[a] ^ w[b]; }
export function i32_shl(w: Int32Array, d: number, a: number, b: number): void { w[d] = w[a] << w[b]; }
export function i32_shr_s(w: Int32Array, d: number, a: number, b: number): void { w[d] = w[a] >> w[b]; }
export function i32_shr_u(w: Int32Array, d: number, a: number, b: number): void { w[d] = w[a] >>> w[b]; }
export function i32_rotl(w: Int32Array, d: number, a: number, b: number): void { w[d] = rotl32(w[a], w[b]); }
export function i32_rotr(w: Int32Array, d: number, a: number, b: number): void { w[d] = rotr32(w[a], w[b]); }
export function i32_clz(w: Int32Array, d: number, a: number): void { w[d] = Math.clz32(w[a]); }
export function i32_ctz(w: Int32Array, d: number, a: number): void { w[d] = ctz32(w[a]); }
export function i32_popcnt(w: Int32Array, d: number, a: number): void { w[d] = popcnt32(w[a]); }
export function i32_eqz(w: Int32Array, d: number, a: number): void { w[d] = w[a] === 0 ? 1 : 0; }
export function i32_eq(w: Int32Array, d: number, a: number, b: number): void { w[d] = w[a] === w[b] ? 1 : 0; }
export function i32_ne(w: Int32Array, d: number, a: number, b: number): void { w[d] = w[a] !== w[b] ? 1 : 0; }
export function i32_lt_s(w: Int32Array, d: number, a: number, b: number): void { w[d] = w[a] < w[b] ? 1 : 0; }
export function i32_lt_u(w: Int32Array, d: number, a: number, b: number): void { w[d] = w[a] >>> 0 < w[b] >>> 0 ? 1 : 0; }
export function i32_gt_s(w: Int32Array, d: number, a: number, b: number): void { w[d] = w[a] > w[b] ? 1 : 0; }
export function i32_gt_u(w: Int32Array, d: number, a: number, b: number): void { w[d] = w[a] >>> 0 > w[b] >>> 0 ? 1 : 0; }
export function i32_le_s(w: Int32Array, d: number, a: number, b: number): void { w[d] = w[a] <= w[b] ? 1 : 0; }
export function i32_le_u(w: Int32Array, d: number, a: number, b: number): void { w[d] = w[a] >>> 0 <= w[b] >>> 0 ? 1 : 0; }
export function i32_ge_s(w: Int32Array, d: number, a: number, b: number): void { w[d] = w[a] >= w[b] ? 1 : 0; }
export function i32_ge_u(w: Int32Array, d: number, a: number, b: number): void { w[d] = w[a] >>> 0 >= w[b] >>> 0 ? 1 : 0; }
export function i32_extend8_s(w: Int32Array, d: number, a: number): void { w[d] = (w[a] << 24) >> 24; }
export function i32_extend16_s(w: Int32Array, d: number, a: number): void { w[d] = (w[a] << 16) >> 16; }
