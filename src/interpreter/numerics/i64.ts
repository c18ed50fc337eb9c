// i64 arithmetic on (lo, hi) int32 word pairs: w[x] is the low word, w[x+1] the high word.
// Everything except division runs on the halves (no BigInt: it allocates per operation).
// Every function reads all of its inputs before writing, so d may alias a or b.

import { divByZero, intOverflow, popcnt32, ctz32 } from './i32.js';

const TWO32 = 4294967296;

// ---- arithmetic ----

export function i64_add(w: Int32Array, d: number, a: number, b: number): void {
  const al = w[a], bl = w[b];
  const lo = (al + bl) | 0;
  // carry out of the low word: unsigned lo < unsigned al
  w[d + 1] = (w[a + 1] + w[b + 1] + ((lo >>> 0) < (al >>> 0) ? 1 : 0)) | 0;
  w[d] = lo;
}

export function i64_sub(w: Int32Array, d: number, a: number, b: number): void {
  const al = w[a], bl = w[b];
  const borrow = (al >>> 0) < (bl >>> 0) ? 1 : 0;
  w[d + 1] = (w[a + 1] - w[b + 1] - borrow) | 0;
  w[d] = (al - bl) | 0;
}

/** High 32 bits of the unsigned 64-bit product of two u32 (given as int32 words). */
export function mulHiU32(x: number, y: number): number {
  const xl = x & 0xffff, xh = x >>> 16, yl = y & 0xffff, yh = y >>> 16;
  const mid = xh * yl + xl * yh + ((xl * yl) >>> 16); // < 3 * 2^32: exact in a double
  return (xh * yh + Math.floor(mid / 65536)) | 0;
}

export function i64_mul(w: Int32Array, d: number, a: number, b: number): void {
  const al = w[a], ah = w[a + 1], bl = w[b], bh = w[b + 1];
  w[d + 1] = (mulHiU32(al, bl) + Math.imul(ah, bl) + Math.imul(al, bh)) | 0;
  w[d] = Math.imul(al, bl);
}

// ---- division (the only BigInt use; a 53-bit fast path avoids it for small values) ----

/** True when (lo, hi) is within ±2^53, so the number hi * 2^32 + lo is exact. */
function isSafe(hi: number): boolean {
  return hi >= -0x200000 && hi < 0x200000;
}

function toBig(lo: number, hi: number): bigint {
  return (BigInt(hi) << 32n) | BigInt(lo >>> 0);
}

function toBigU(lo: number, hi: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

function storeBig(w: Int32Array, d: number, v: bigint): void {
  w[d] = Number(BigInt.asIntN(32, v));
  w[d + 1] = Number(BigInt.asIntN(32, v >> 32n));
}

/** Stores an integer-valued double |x| < 2^64 as i64 words (two's complement). */
export function storeInt(w: Int32Array, d: number, x: number): void {
  const hi = Math.floor(x / TWO32);
  w[d] = (x - hi * TWO32) | 0;
  w[d + 1] = hi | 0;
}

// Unsigned 64-bit by (nonzero) 32-bit division by 16-bit limbs: every partial dividend is
// below 2^48, so each double division and its floor are exact. The common divisors (constants,
// sizes) take this path; BigInt remains for divisors of 2^32 and above.
let quoLo = 0, quoHi = 0, remLo = 0;

function divU64By32(lo: number, hi: number, b: number): void {
  const h = hi >>> 0, l = lo >>> 0;
  let r = 0;
  let cur = r * 65536 + (h >>> 16); const q3 = Math.floor(cur / b); r = cur - q3 * b;
  cur = r * 65536 + (h & 0xffff); const q2 = Math.floor(cur / b); r = cur - q2 * b;
  cur = r * 65536 + (l >>> 16); const q1 = Math.floor(cur / b); r = cur - q1 * b;
  cur = r * 65536 + (l & 0xffff); const q0 = Math.floor(cur / b); r = cur - q0 * b;
  quoHi = (q3 << 16) | q2;
  quoLo = (q1 << 16) | q0;
  remLo = r | 0;
}

/** Two's complement negation of (lo, hi) into quoLo/quoHi-style outputs. */
function negLo(lo: number): number { return -lo | 0; }
function negHi(lo: number, hi: number): number { return (~hi + (lo === 0 ? 1 : 0)) | 0; }

export function i64_div_s(w: Int32Array, d: number, a: number, b: number): void {
  const al = w[a], ah = w[a + 1], bl = w[b], bh = w[b + 1];
  if (bl === 0 && bh === 0) divByZero();
  if (isSafe(ah) && isSafe(bh)) {
    storeInt(w, d, Math.trunc((ah * TWO32 + (al >>> 0)) / (bh * TWO32 + (bl >>> 0))));
    return;
  }
  if (bl === -1 && bh === -1 && al === 0 && ah === -0x80000000) intOverflow();
  const bMag = bh < 0 ? negLo(bl) : bl, bMagHi = bh < 0 ? negHi(bl, bh) : bh;
  if (bMagHi === 0) {
    const aNeg = ah < 0;
    divU64By32(aNeg ? negLo(al) : al, aNeg ? negHi(al, ah) : ah, bMag >>> 0);
    if (aNeg !== bh < 0) { w[d + 1] = negHi(quoLo, quoHi); w[d] = negLo(quoLo); }
    else { w[d] = quoLo; w[d + 1] = quoHi; }
    return;
  }
  storeBig(w, d, toBig(al, ah) / toBig(bl, bh));
}

export function i64_div_u(w: Int32Array, d: number, a: number, b: number): void {
  const al = w[a], ah = w[a + 1], bl = w[b], bh = w[b + 1];
  if (bl === 0 && bh === 0) divByZero();
  if (ah >>> 0 < 0x200000 && bh >>> 0 < 0x200000) {
    storeInt(w, d, Math.floor(((ah >>> 0) * TWO32 + (al >>> 0)) / ((bh >>> 0) * TWO32 + (bl >>> 0))));
    return;
  }
  if (bh === 0) { divU64By32(al, ah, bl >>> 0); w[d] = quoLo; w[d + 1] = quoHi; return; }
  storeBig(w, d, toBigU(al, ah) / toBigU(bl, bh));
}

export function i64_rem_s(w: Int32Array, d: number, a: number, b: number): void {
  const al = w[a], ah = w[a + 1], bl = w[b], bh = w[b + 1];
  if (bl === 0 && bh === 0) divByZero();
  if (isSafe(ah) && isSafe(bh)) {
    // JS % on exact integers is exact and truncating, like rem_s; a result of -0 stores as 0.
    storeInt(w, d, (ah * TWO32 + (al >>> 0)) % (bh * TWO32 + (bl >>> 0)));
    return;
  }
  if (bl === -1 && bh === -1) { w[d] = 0; w[d + 1] = 0; return; }
  const bMag = bh < 0 ? negLo(bl) : bl, bMagHi = bh < 0 ? negHi(bl, bh) : bh;
  if (bMagHi === 0) {
    const aNeg = ah < 0;
    divU64By32(aNeg ? negLo(al) : al, aNeg ? negHi(al, ah) : ah, bMag >>> 0);
    // the remainder is below 2^32 and takes the dividend's sign
    const r = remLo >>> 0;
    if (aNeg && r !== 0) { w[d] = -r | 0; w[d + 1] = -1; }
    else { w[d] = r | 0; w[d + 1] = 0; }
    return;
  }
  storeBig(w, d, toBig(al, ah) % toBig(bl, bh));
}

export function i64_rem_u(w: Int32Array, d: number, a: number, b: number): void {
  const al = w[a], ah = w[a + 1], bl = w[b], bh = w[b + 1];
  if (bl === 0 && bh === 0) divByZero();
  if (ah >>> 0 < 0x200000 && bh >>> 0 < 0x200000) {
    storeInt(w, d, ((ah >>> 0) * TWO32 + (al >>> 0)) % ((bh >>> 0) * TWO32 + (bl >>> 0)));
    return;
  }
  if (bh === 0) { divU64By32(al, ah, bl >>> 0); w[d] = remLo; w[d + 1] = 0; return; }
  storeBig(w, d, toBigU(al, ah) % toBigU(bl, bh));
}

// ---- bitwise ----

export function i64_and(w: Int32Array, d: number, a: number, b: number): void {
  w[d] = w[a] & w[b]; w[d + 1] = w[a + 1] & w[b + 1];
}
export function i64_or(w: Int32Array, d: number, a: number, b: number): void {
  w[d] = w[a] | w[b]; w[d + 1] = w[a + 1] | w[b + 1];
}
export function i64_xor(w: Int32Array, d: number, a: number, b: number): void {
  w[d] = w[a] ^ w[b]; w[d + 1] = w[a + 1] ^ w[b + 1];
}

export function i64_shl(w: Int32Array, d: number, a: number, b: number): void {
  const k = w[b] & 63, lo = w[a], hi = w[a + 1];
  if (k === 0) { w[d] = lo; w[d + 1] = hi; }
  else if (k < 32) { w[d + 1] = (hi << k) | (lo >>> (32 - k)); w[d] = lo << k; }
  else { w[d + 1] = lo << (k - 32); w[d] = 0; }
}

export function i64_shr_s(w: Int32Array, d: number, a: number, b: number): void {
  const k = w[b] & 63, lo = w[a], hi = w[a + 1];
  if (k === 0) { w[d] = lo; w[d + 1] = hi; }
  else if (k < 32) { w[d] = (lo >>> k) | (hi << (32 - k)); w[d + 1] = hi >> k; }
  else { w[d] = hi >> (k - 32); w[d + 1] = hi >> 31; }
}

export function i64_shr_u(w: Int32Array, d: number, a: number, b: number): void {
  const k = w[b] & 63, lo = w[a], hi = w[a + 1];
  if (k === 0) { w[d] = lo; w[d + 1] = hi; }
  else if (k < 32) { w[d] = (lo >>> k) | (hi << (32 - k)); w[d + 1] = hi >>> k; }
  else { w[d] = hi >>> (k - 32); w[d + 1] = 0; }
}

export function i64_rotl(w: Int32Array, d: number, a: number, b: number): void {
  let k = w[b] & 63, lo = w[a], hi = w[a + 1];
  if (k >= 32) { const t = lo; lo = hi; hi = t; k -= 32; }
  if (k === 0) { w[d] = lo; w[d + 1] = hi; return; }
  w[d + 1] = (hi << k) | (lo >>> (32 - k));
  w[d] = (lo << k) | (hi >>> (32 - k));
}

export function i64_rotr(w: Int32Array, d: number, a: number, b: number): void {
  let k = w[b] & 63, lo = w[a], hi = w[a + 1];
  if (k >= 32) { const t = lo; lo = hi; hi = t; k -= 32; }
  if (k === 0) { w[d] = lo; w[d + 1] = hi; return; }
  w[d] = (lo >>> k) | (hi << (32 - k));
  w[d + 1] = (hi >>> k) | (lo << (32 - k));
}

export function i64_clz(w: Int32Array, d: number, a: number): void {
  const hi = w[a + 1];
  w[d] = hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(w[a]);
  w[d + 1] = 0;
}

export function i64_ctz(w: Int32Array, d: number, a: number): void {
  const lo = w[a];
  w[d] = lo !== 0 ? ctz32(lo) : 32 + ctz32(w[a + 1]);
  w[d + 1] = 0;
}

export function i64_popcnt(w: Int32Array, d: number, a: number): void {
  w[d] = popcnt32(w[a]) + popcnt32(w[a + 1]);
  w[d + 1] = 0;
}

// ---- comparisons (i32 result in w[d]) ----

export function i64_eqz(w: Int32Array, d: number, a: number): void {
  w[d] = (w[a] | w[a + 1]) === 0 ? 1 : 0;
}
export function i64_eq(w: Int32Array, d: number, a: number, b: number): void {
  w[d] = w[a] === w[b] && w[a + 1] === w[b + 1] ? 1 : 0;
}
export function i64_ne(w: Int32Array, d: number, a: number, b: number): void {
  w[d] = w[a] !== w[b] || w[a + 1] !== w[b + 1] ? 1 : 0;
}

/** Signed three-way compare: -1, 0, 1. */
export function cmpS(w: Int32Array, a: number, b: number): number {
  const ah = w[a + 1], bh = w[b + 1];
  if (ah !== bh) return ah < bh ? -1 : 1;
  const al = w[a] >>> 0, bl = w[b] >>> 0;
  return al === bl ? 0 : al < bl ? -1 : 1;
}

/** Unsigned three-way compare: -1, 0, 1. */
export function cmpU(w: Int32Array, a: number, b: number): number {
  const ah = w[a + 1] >>> 0, bh = w[b + 1] >>> 0;
  if (ah !== bh) return ah < bh ? -1 : 1;
  const al = w[a] >>> 0, bl = w[b] >>> 0;
  return al === bl ? 0 : al < bl ? -1 : 1;
}

export function i64_lt_s(w: Int32Array, d: number, a: number, b: number): void { w[d] = cmpS(w, a, b) < 0 ? 1 : 0; }
export function i64_lt_u(w: Int32Array, d: number, a: number, b: number): void { w[d] = cmpU(w, a, b) < 0 ? 1 : 0; }
export function i64_gt_s(w: Int32Array, d: number, a: number, b: number): void { w[d] = cmpS(w, a, b) > 0 ? 1 : 0; }
export function i64_gt_u(w: Int32Array, d: number, a: number, b: number): void { w[d] = cmpU(w, a, b) > 0 ? 1 : 0; }
export function i64_le_s(w: Int32Array, d: number, a: number, b: number): void { w[d] = cmpS(w, a, b) <= 0 ? 1 : 0; }
export function i64_le_u(w: Int32Array, d: number, a: number, b: number): void { w[d] = cmpU(w, a, b) <= 0 ? 1 : 0; }
export function i64_ge_s(w: Int32Array, d: number, a: number, b: number): void { w[d] = cmpS(w, a, b) >= 0 ? 1 : 0; }
export function i64_ge_u(w: Int32Array, d: number, a: number, b: number): void { w[d] = cmpU(w, a, b) >= 0 ? 1 : 0; }

// ---- width changes ----

export function i64_extend8_s(w: Int32Array, d: number, a: number): void {
  const lo = (w[a] << 24) >> 24; w[d] = lo; w[d + 1] = lo >> 31;
}
export function i64_extend16_s(w: Int32Array, d: number, a: number): void {
  const lo = (w[a] << 16) >> 16; w[d] = lo; w[d + 1] = lo >> 31;
}
export function i64_extend32_s(w: Int32Array, d: number, a: number): void {
  const lo = w[a]; w[d] = lo; w[d + 1] = lo >> 31;
}
export function i64_extend_i32_s(w: Int32Array, d: number, a: number): void {
  const lo = w[a]; w[d] = lo; w[d + 1] = lo >> 31;
}
export function i64_extend_i32_u(w: Int32Array, d: number, a: number): void {
  w[d] = w[a]; w[d + 1] = 0;
}
export function i32_wrap_i64(w: Int32Array, d: number, a: number): void {
  w[d] = w[a];
}

