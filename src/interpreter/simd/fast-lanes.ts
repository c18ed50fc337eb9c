// Monomorphic word-level versions of the hot v128 instructions. The generic builders in
// int-lanes.ts / float-lanes.ts share one closure body per family, so their typed-array
// accesses and lane callbacks go megamorphic in a busy run loop; each function here has its
// own body. Lanes are read through views over the SAME buffer as the word array `w`
// (little-endian, like the scratch views), so no operand is copied. A lanewise function
// reads lane i of every operand before writing lane i of d, so d may equal a or b.
// Table.ts prefers these over the generic ones by mnemonic (`.` -> `_`).

import type { V128Op } from './scratch.js';
import { nanOf32 } from '../numerics/f32.js';
import { f64_max, f64_min, storeNaN64 } from '../numerics/f64.js';
import { mulHiU32 } from '../numerics/i64.js';

// ---- lane views over w's buffer, rebuilt only when w changes (the machine re-allocates w
// when its stack grows, so the cache is keyed on the array itself) ----

let lastW: Int32Array | null = null;
let S8v: Int8Array = new Int8Array(0);
let U8v: Uint8Array = new Uint8Array(0);
let S16v: Int16Array = new Int16Array(0);
let U16v: Uint16Array = new Uint16Array(0);
let F32v: Float32Array = new Float32Array(0);
let F64v: Float64Array | null = null;

function views(w: Int32Array): void {
  lastW = w;
  const buf = w.buffer, off = w.byteOffset, n = w.length;
  S8v = new Int8Array(buf, off, n * 4);
  U8v = new Uint8Array(buf, off, n * 4);
  S16v = new Int16Array(buf, off, n * 2);
  U16v = new Uint16Array(buf, off, n * 2);
  F32v = new Float32Array(buf, off, n);
  F64v = (off & 7) === 0 ? new Float64Array(buf, off, n >> 1) : null;
}

const f32 = (w: Int32Array): Float32Array => { if (w !== lastW) views(w); return F32v; };
const s8 = (w: Int32Array): Int8Array => { if (w !== lastW) views(w); return S8v; };
const u8 = (w: Int32Array): Uint8Array => { if (w !== lastW) views(w); return U8v; };
const s16 = (w: Int32Array): Int16Array => { if (w !== lastW) views(w); return S16v; };
const u16 = (w: Int32Array): Uint16Array => { if (w !== lastW) views(w); return U16v; };
/** The f64 view, or null when w's words cannot be seen as aligned doubles. */
const f64 = (w: Int32Array, d: number, a: number, b: number): Float64Array | null => {
  if (w !== lastW) views(w);
  return ((d | a | b) & 1) === 0 ? F64v : null;
};

// ---- i8x16 ----

export function i8x16_add(w: Int32Array, d: number, a: number, b: number): void {
  // SWAR: add the low 7 bits of each byte, then fix the top bits with xor (no carry across)
  for (let i = 0; i < 4; i++) {
    const x = w[a + i], y = w[b + i];
    w[d + i] = ((x & 0x7f7f7f7f) + (y & 0x7f7f7f7f)) ^ ((x ^ y) & 0x80808080);
  }
}
export function i8x16_sub(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) {
    const x = w[a + i], y = w[b + i];
    w[d + i] = ((x | 0x80808080) - (y & 0x7f7f7f7f)) ^ ((x ^ ~y) & 0x80808080);
  }
}
export function i8x16_neg(w: Int32Array, d: number, a: number): void {
  for (let i = 0; i < 4; i++) {
    const y = w[a + i];
    w[d + i] = (0x80808080 - (y & 0x7f7f7f7f)) ^ (~y & 0x80808080);
  }
}
export function i8x16_abs(w: Int32Array, d: number, a: number): void {
  const v = s8(w); const o = 4 * d, p = 4 * a;
  for (let i = 0; i < 16; i++) { const x = v[p + i]; v[o + i] = x < 0 ? -x : x; }
}
export function i8x16_eq(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) {
    const t = w[a + i] ^ w[b + i];
    const nz = (((t & 0x7f7f7f7f) + 0x7f7f7f7f) | t) & 0x80808080; // top bit set where byte != 0
    w[d + i] = ~Math.imul(nz >>> 7, 0xff);
  }
}
export function i8x16_ne(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) {
    const t = w[a + i] ^ w[b + i];
    const nz = (((t & 0x7f7f7f7f) + 0x7f7f7f7f) | t) & 0x80808080;
    w[d + i] = Math.imul(nz >>> 7, 0xff);
  }
}
export function i8x16_lt_s(w: Int32Array, d: number, a: number, b: number): void {
  const v = s8(w); const o = 4 * d, p = 4 * a, q = 4 * b;
  for (let i = 0; i < 16; i++) v[o + i] = v[p + i] < v[q + i] ? -1 : 0;
}
export function i8x16_lt_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u8(w); const o = 4 * d, p = 4 * a, q = 4 * b;
  for (let i = 0; i < 16; i++) v[o + i] = v[p + i] < v[q + i] ? 255 : 0;
}
export function i8x16_gt_s(w: Int32Array, d: number, a: number, b: number): void {
  const v = s8(w); const o = 4 * d, p = 4 * a, q = 4 * b;
  for (let i = 0; i < 16; i++) v[o + i] = v[p + i] > v[q + i] ? -1 : 0;
}
export function i8x16_gt_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u8(w); const o = 4 * d, p = 4 * a, q = 4 * b;
  for (let i = 0; i < 16; i++) v[o + i] = v[p + i] > v[q + i] ? 255 : 0;
}
export function i8x16_le_s(w: Int32Array, d: number, a: number, b: number): void {
  const v = s8(w); const o = 4 * d, p = 4 * a, q = 4 * b;
  for (let i = 0; i < 16; i++) v[o + i] = v[p + i] <= v[q + i] ? -1 : 0;
}
export function i8x16_le_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u8(w); const o = 4 * d, p = 4 * a, q = 4 * b;
  for (let i = 0; i < 16; i++) v[o + i] = v[p + i] <= v[q + i] ? 255 : 0;
}
export function i8x16_ge_s(w: Int32Array, d: number, a: number, b: number): void {
  const v = s8(w); const o = 4 * d, p = 4 * a, q = 4 * b;
  for (let i = 0; i < 16; i++) v[o + i] = v[p + i] >= v[q + i] ? -1 : 0;
}
export function i8x16_ge_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u8(w); const o = 4 * d, p = 4 * a, q = 4 * b;
  for (let i = 0; i < 16; i++) v[o + i] = v[p + i] >= v[q + i] ? 255 : 0;
}
export function i8x16_min_s(w: Int32Array, d: number, a: number, b: number): void {
  const v = s8(w); const o = 4 * d, p = 4 * a, q = 4 * b;
  for (let i = 0; i < 16; i++) { const x = v[p + i], y = v[q + i]; v[o + i] = x < y ? x : y; }
}
export function i8x16_min_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u8(w); const o = 4 * d, p = 4 * a, q = 4 * b;
  for (let i = 0; i < 16; i++) { const x = v[p + i], y = v[q + i]; v[o + i] = x < y ? x : y; }
}
export function i8x16_max_s(w: Int32Array, d: number, a: number, b: number): void {
  const v = s8(w); const o = 4 * d, p = 4 * a, q = 4 * b;
  for (let i = 0; i < 16; i++) { const x = v[p + i], y = v[q + i]; v[o + i] = x > y ? x : y; }
}
export function i8x16_max_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u8(w); const o = 4 * d, p = 4 * a, q = 4 * b;
  for (let i = 0; i < 16; i++) { const x = v[p + i], y = v[q + i]; v[o + i] = x > y ? x : y; }
}
export function i8x16_avgr_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u8(w); const o = 4 * d, p = 4 * a, q = 4 * b;
  for (let i = 0; i < 16; i++) v[o + i] = (v[p + i] + v[q + i] + 1) >>> 1;
}
export function i8x16_add_sat_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u8(w); const o = 4 * d, p = 4 * a, q = 4 * b;
  for (let i = 0; i < 16; i++) { const r = v[p + i] + v[q + i]; v[o + i] = r > 255 ? 255 : r; }
}
export function i8x16_sub_sat_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u8(w); const o = 4 * d, p = 4 * a, q = 4 * b;
  for (let i = 0; i < 16; i++) { const r = v[p + i] - v[q + i]; v[o + i] = r < 0 ? 0 : r; }
}
export function i8x16_add_sat_s(w: Int32Array, d: number, a: number, b: number): void {
  const v = s8(w); const o = 4 * d, p = 4 * a, q = 4 * b;
  for (let i = 0; i < 16; i++) { const r = v[p + i] + v[q + i]; v[o + i] = r > 127 ? 127 : r < -128 ? -128 : r; }
}
export function i8x16_sub_sat_s(w: Int32Array, d: number, a: number, b: number): void {
  const v = s8(w); const o = 4 * d, p = 4 * a, q = 4 * b;
  for (let i = 0; i < 16; i++) { const r = v[p + i] - v[q + i]; v[o + i] = r > 127 ? 127 : r < -128 ? -128 : r; }
}
export function i8x16_shl(w: Int32Array, d: number, a: number, b: number): void {
  const k = w[b] & 7, mask = Math.imul((0xff << k) & 0xff, 0x01010101);
  for (let i = 0; i < 4; i++) w[d + i] = (w[a + i] << k) & mask;
}
export function i8x16_shr_u(w: Int32Array, d: number, a: number, b: number): void {
  const k = w[b] & 7, mask = Math.imul(0xff >>> k, 0x01010101);
  for (let i = 0; i < 4; i++) w[d + i] = (w[a + i] >>> k) & mask;
}
export function i8x16_shr_s(w: Int32Array, d: number, a: number, b: number): void {
  const k = w[b] & 7;
  const v = s8(w); const o = 4 * d, p = 4 * a;
  for (let i = 0; i < 16; i++) v[o + i] = v[p + i] >> k;
}
export function i8x16_all_true(w: Int32Array, d: number, a: number): void {
  let r = 1;
  for (let i = 0; i < 4; i++) {
    const t = w[a + i];
    if (((((t & 0x7f7f7f7f) + 0x7f7f7f7f) | t) & 0x80808080) !== (0x80808080 | 0)) r = 0;
  }
  w[d] = r;
}
export function i8x16_bitmask(w: Int32Array, d: number, a: number): void {
  let r = 0;
  for (let i = 0; i < 4; i++) {
    const t = (w[a + i] >>> 7) & 0x01010101; // sign bit of each byte at the byte's bit 0
    r |= (Math.imul(t, 0x01020408) >>> 24) << (4 * i); // gathers the four bits into the top byte
  }
  w[d] = r;
}
// narrowing: each source word holds two i16 lanes; four saturated bytes pack into one
// result word. All eight source words are read before d is written (d may be a or b).
const sat8s = (x: number): number => (x > 127 ? 127 : x < -128 ? 0x80 : x & 0xff);
const sat8u = (x: number): number => (x > 255 ? 255 : x < 0 ? 0 : x);
const pack8s = (x: number, y: number): number =>
  sat8s((x << 16) >> 16) | (sat8s(x >> 16) << 8) | (sat8s((y << 16) >> 16) << 16) | (sat8s(y >> 16) << 24);
const pack8u = (x: number, y: number): number =>
  sat8u((x << 16) >> 16) | (sat8u(x >> 16) << 8) | (sat8u((y << 16) >> 16) << 16) | (sat8u(y >> 16) << 24);
export function i8x16_narrow_i16x8_s(w: Int32Array, d: number, a: number, b: number): void {
  const a0 = w[a], a1 = w[a + 1], a2 = w[a + 2], a3 = w[a + 3], b0 = w[b], b1 = w[b + 1], b2 = w[b + 2], b3 = w[b + 3];
  w[d] = pack8s(a0, a1); w[d + 1] = pack8s(a2, a3); w[d + 2] = pack8s(b0, b1); w[d + 3] = pack8s(b2, b3);
}
export function i8x16_narrow_i16x8_u(w: Int32Array, d: number, a: number, b: number): void {
  const a0 = w[a], a1 = w[a + 1], a2 = w[a + 2], a3 = w[a + 3], b0 = w[b], b1 = w[b + 1], b2 = w[b + 2], b3 = w[b + 3];
  if (((a0 | a1 | a2 | a3 | b0 | b1 | b2 | b3) & 0xff00ff00) === 0) {
    // every lane already in 0..255 (a u8 blend's result): no saturation, just pack the low bytes
    w[d] = a0 & 0xff | (a0 >>> 8) | (a1 & 0xff) << 16 | (a1 >>> 16) << 24;
    w[d + 1] = a2 & 0xff | (a2 >>> 8) | (a3 & 0xff) << 16 | (a3 >>> 16) << 24;
    w[d + 2] = b0 & 0xff | (b0 >>> 8) | (b1 & 0xff) << 16 | (b1 >>> 16) << 24;
    w[d + 3] = b2 & 0xff | (b2 >>> 8) | (b3 & 0xff) << 16 | (b3 >>> 16) << 24;
    return;
  }
  w[d] = pack8u(a0, a1); w[d + 1] = pack8u(a2, a3); w[d + 2] = pack8u(b0, b1); w[d + 3] = pack8u(b2, b3);
}

// ---- i16x8 ----

/** Two u16 lanes added in one word (SWAR): the low 15 bits of each half added, the top bits fixed with xor. */
function add16x2(x: number, y: number): number {
  return ((x & 0x7fff7fff) + (y & 0x7fff7fff)) ^ ((x ^ y) & 0x80008000);
}
export function i16x8_add(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = add16x2(w[a + i], w[b + i]);
}
export function i16x8_sub(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) {
    const x = w[a + i], y = w[b + i];
    w[d + i] = ((x | 0x80008000) - (y & 0x7fff7fff)) ^ ((x ^ ~y) & 0x80008000);
  }
}
export function i16x8_neg(w: Int32Array, d: number, a: number): void {
  for (let i = 0; i < 4; i++) {
    const y = w[a + i];
    w[d + i] = (0x80008000 - (y & 0x7fff7fff)) ^ (~y & 0x80008000);
  }
}
export function i16x8_mul(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) {
    const x = w[a + i], y = w[b + i];
    w[d + i] = (Math.imul(x, y) & 0xffff) | (Math.imul(x >>> 16, y >>> 16) << 16);
  }
}
export function i16x8_abs(w: Int32Array, d: number, a: number): void {
  const v = s16(w); const o = 2 * d, p = 2 * a;
  for (let i = 0; i < 8; i++) { const x = v[p + i]; v[o + i] = x < 0 ? -x : x; }
}
export function i16x8_eq(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) {
    const t = w[a + i] ^ w[b + i];
    w[d + i] = ((t & 0xffff) === 0 ? 0xffff : 0) | ((t >>> 16) === 0 ? -0x10000 : 0);
  }
}
export function i16x8_ne(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) {
    const t = w[a + i] ^ w[b + i];
    w[d + i] = ((t & 0xffff) !== 0 ? 0xffff : 0) | ((t >>> 16) !== 0 ? -0x10000 : 0);
  }
}
export function i16x8_lt_s(w: Int32Array, d: number, a: number, b: number): void {
  const v = s16(w); const o = 2 * d, p = 2 * a, q = 2 * b;
  for (let i = 0; i < 8; i++) v[o + i] = v[p + i] < v[q + i] ? -1 : 0;
}
export function i16x8_lt_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u16(w); const o = 2 * d, p = 2 * a, q = 2 * b;
  for (let i = 0; i < 8; i++) v[o + i] = v[p + i] < v[q + i] ? 0xffff : 0;
}
export function i16x8_gt_s(w: Int32Array, d: number, a: number, b: number): void {
  const v = s16(w); const o = 2 * d, p = 2 * a, q = 2 * b;
  for (let i = 0; i < 8; i++) v[o + i] = v[p + i] > v[q + i] ? -1 : 0;
}
export function i16x8_gt_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u16(w); const o = 2 * d, p = 2 * a, q = 2 * b;
  for (let i = 0; i < 8; i++) v[o + i] = v[p + i] > v[q + i] ? 0xffff : 0;
}
export function i16x8_le_s(w: Int32Array, d: number, a: number, b: number): void {
  const v = s16(w); const o = 2 * d, p = 2 * a, q = 2 * b;
  for (let i = 0; i < 8; i++) v[o + i] = v[p + i] <= v[q + i] ? -1 : 0;
}
export function i16x8_le_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u16(w); const o = 2 * d, p = 2 * a, q = 2 * b;
  for (let i = 0; i < 8; i++) v[o + i] = v[p + i] <= v[q + i] ? 0xffff : 0;
}
export function i16x8_ge_s(w: Int32Array, d: number, a: number, b: number): void {
  const v = s16(w); const o = 2 * d, p = 2 * a, q = 2 * b;
  for (let i = 0; i < 8; i++) v[o + i] = v[p + i] >= v[q + i] ? -1 : 0;
}
export function i16x8_ge_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u16(w); const o = 2 * d, p = 2 * a, q = 2 * b;
  for (let i = 0; i < 8; i++) v[o + i] = v[p + i] >= v[q + i] ? 0xffff : 0;
}
export function i16x8_min_s(w: Int32Array, d: number, a: number, b: number): void {
  const v = s16(w); const o = 2 * d, p = 2 * a, q = 2 * b;
  for (let i = 0; i < 8; i++) { const x = v[p + i], y = v[q + i]; v[o + i] = x < y ? x : y; }
}
export function i16x8_min_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u16(w); const o = 2 * d, p = 2 * a, q = 2 * b;
  for (let i = 0; i < 8; i++) { const x = v[p + i], y = v[q + i]; v[o + i] = x < y ? x : y; }
}
export function i16x8_max_s(w: Int32Array, d: number, a: number, b: number): void {
  const v = s16(w); const o = 2 * d, p = 2 * a, q = 2 * b;
  for (let i = 0; i < 8; i++) { const x = v[p + i], y = v[q + i]; v[o + i] = x > y ? x : y; }
}
export function i16x8_max_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u16(w); const o = 2 * d, p = 2 * a, q = 2 * b;
  for (let i = 0; i < 8; i++) { const x = v[p + i], y = v[q + i]; v[o + i] = x > y ? x : y; }
}
export function i16x8_avgr_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u16(w); const o = 2 * d, p = 2 * a, q = 2 * b;
  for (let i = 0; i < 8; i++) v[o + i] = (v[p + i] + v[q + i] + 1) >>> 1;
}
export function i16x8_add_sat_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u16(w); const o = 2 * d, p = 2 * a, q = 2 * b;
  for (let i = 0; i < 8; i++) { const r = v[p + i] + v[q + i]; v[o + i] = r > 65535 ? 65535 : r; }
}
export function i16x8_sub_sat_u(w: Int32Array, d: number, a: number, b: number): void {
  const v = u16(w); const o = 2 * d, p = 2 * a, q = 2 * b;
  for (let i = 0; i < 8; i++) { const r = v[p + i] - v[q + i]; v[o + i] = r < 0 ? 0 : r; }
}
export function i16x8_add_sat_s(w: Int32Array, d: number, a: number, b: number): void {
  const v = s16(w); const o = 2 * d, p = 2 * a, q = 2 * b;
  for (let i = 0; i < 8; i++) { const r = v[p + i] + v[q + i]; v[o + i] = r > 32767 ? 32767 : r < -32768 ? -32768 : r; }
}
export function i16x8_sub_sat_s(w: Int32Array, d: number, a: number, b: number): void {
  const v = s16(w); const o = 2 * d, p = 2 * a, q = 2 * b;
  for (let i = 0; i < 8; i++) { const r = v[p + i] - v[q + i]; v[o + i] = r > 32767 ? 32767 : r < -32768 ? -32768 : r; }
}
export function i16x8_shl(w: Int32Array, d: number, a: number, b: number): void {
  const k = w[b] & 15, mask = Math.imul((0xffff << k) & 0xffff, 0x10001);
  for (let i = 0; i < 4; i++) w[d + i] = (w[a + i] << k) & mask;
}
export function i16x8_shr_u(w: Int32Array, d: number, a: number, b: number): void {
  i16x8_shr_u_imm(w, d, a, w[b] & 15);
}
/** i16x8.shr_u(i16x8.add(a, b), k) for a constant k (0..15): a u8 blend's rounding step. */
export function i16x8_add_shr_u_imm(w: Int32Array, d: number, a: number, b: number, k: number): void {
  const mask = Math.imul(0xffff >>> k, 0x10001);
  const a0 = w[a], a1 = w[a + 1], a2 = w[a + 2], a3 = w[a + 3];
  const b0 = w[b], b1 = w[b + 1], b2 = w[b + 2], b3 = w[b + 3];
  w[d] = (add16x2(a0, b0) >>> k) & mask; w[d + 1] = (add16x2(a1, b1) >>> k) & mask;
  w[d + 2] = (add16x2(a2, b2) >>> k) & mask; w[d + 3] = (add16x2(a3, b3) >>> k) & mask;
}

/** i16x8.shr_u by a constant count k (0..15). */
export function i16x8_shr_u_imm(w: Int32Array, d: number, a: number, k: number): void {
  const mask = Math.imul(0xffff >>> k, 0x10001);
  w[d] = (w[a] >>> k) & mask; w[d + 1] = (w[a + 1] >>> k) & mask;
  w[d + 2] = (w[a + 2] >>> k) & mask; w[d + 3] = (w[a + 3] >>> k) & mask;
}
export function i16x8_shr_s(w: Int32Array, d: number, a: number, b: number): void {
  const k = w[b] & 15;
  for (let i = 0; i < 4; i++) { const x = w[a + i]; w[d + i] = (((x << 16) >> 16 + k) & 0xffff) | ((x >> k) & -0x10000); }
}
export function i16x8_all_true(w: Int32Array, d: number, a: number): void {
  let r = 1;
  for (let i = 0; i < 4; i++) { const t = w[a + i]; if ((t & 0xffff) === 0 || (t >>> 16) === 0) r = 0; }
  w[d] = r;
}
export function i16x8_bitmask(w: Int32Array, d: number, a: number): void {
  let r = 0;
  for (let i = 0; i < 4; i++) { const t = w[a + i]; r |= (((t >>> 15) & 1) | ((t >>> 30) & 2)) << (2 * i); }
  w[d] = r;
}
export function i16x8_narrow_i32x4_s(w: Int32Array, d: number, a: number, b: number): void {
  const r0 = w[a], r1 = w[a + 1], r2 = w[a + 2], r3 = w[a + 3], r4 = w[b], r5 = w[b + 1], r6 = w[b + 2], r7 = w[b + 3];
  const c = (x: number) => (x > 32767 ? 32767 : x < -32768 ? 0x8000 : x & 0xffff);
  w[d] = c(r0) | (c(r1) << 16); w[d + 1] = c(r2) | (c(r3) << 16);
  w[d + 2] = c(r4) | (c(r5) << 16); w[d + 3] = c(r6) | (c(r7) << 16);
}
export function i16x8_narrow_i32x4_u(w: Int32Array, d: number, a: number, b: number): void {
  const r0 = w[a], r1 = w[a + 1], r2 = w[a + 2], r3 = w[a + 3], r4 = w[b], r5 = w[b + 1], r6 = w[b + 2], r7 = w[b + 3];
  const c = (x: number) => (x > 65535 ? 65535 : x < 0 ? 0 : x);
  w[d] = c(r0) | (c(r1) << 16); w[d + 1] = c(r2) | (c(r3) << 16);
  w[d + 2] = c(r4) | (c(r5) << 16); w[d + 3] = c(r6) | (c(r7) << 16);
}
export function i16x8_extend_low_i8x16_u(w: Int32Array, d: number, a: number): void {
  const x = w[a], y = w[a + 1];
  w[d] = (x & 0xff) | ((x & 0xff00) << 8); w[d + 1] = ((x >>> 16) & 0xff) | ((x >>> 8) & 0xff0000);
  w[d + 2] = (y & 0xff) | ((y & 0xff00) << 8); w[d + 3] = ((y >>> 16) & 0xff) | ((y >>> 8) & 0xff0000);
}
export function i16x8_extend_high_i8x16_u(w: Int32Array, d: number, a: number): void {
  const x = w[a + 2], y = w[a + 3];
  w[d] = (x & 0xff) | ((x & 0xff00) << 8); w[d + 1] = ((x >>> 16) & 0xff) | ((x >>> 8) & 0xff0000);
  w[d + 2] = (y & 0xff) | ((y & 0xff00) << 8); w[d + 3] = ((y >>> 16) & 0xff) | ((y >>> 8) & 0xff0000);
}
export function i16x8_extend_low_i8x16_s(w: Int32Array, d: number, a: number): void {
  const x = w[a], y = w[a + 1];
  w[d] = (((x << 24) >> 24) & 0xffff) | (((x << 16) >> 24) << 16); w[d + 1] = (((x << 8) >> 24) & 0xffff) | ((x >> 24) << 16);
  w[d + 2] = (((y << 24) >> 24) & 0xffff) | (((y << 16) >> 24) << 16); w[d + 3] = (((y << 8) >> 24) & 0xffff) | ((y >> 24) << 16);
}
export function i16x8_extend_high_i8x16_s(w: Int32Array, d: number, a: number): void {
  const x = w[a + 2], y = w[a + 3];
  w[d] = (((x << 24) >> 24) & 0xffff) | (((x << 16) >> 24) << 16); w[d + 1] = (((x << 8) >> 24) & 0xffff) | ((x >> 24) << 16);
  w[d + 2] = (((y << 24) >> 24) & 0xffff) | (((y << 16) >> 24) << 16); w[d + 3] = (((y << 8) >> 24) & 0xffff) | ((y >> 24) << 16);
}

// ---- i32x4 ----

export function i32x4_add(w: Int32Array, d: number, a: number, b: number): void {
  const x0 = (w[a] + w[b]) | 0, x1 = (w[a + 1] + w[b + 1]) | 0, x2 = (w[a + 2] + w[b + 2]) | 0, x3 = (w[a + 3] + w[b + 3]) | 0;
  w[d] = x0; w[d + 1] = x1; w[d + 2] = x2; w[d + 3] = x3;
}
export function i32x4_sub(w: Int32Array, d: number, a: number, b: number): void {
  const x0 = (w[a] - w[b]) | 0, x1 = (w[a + 1] - w[b + 1]) | 0, x2 = (w[a + 2] - w[b + 2]) | 0, x3 = (w[a + 3] - w[b + 3]) | 0;
  w[d] = x0; w[d + 1] = x1; w[d + 2] = x2; w[d + 3] = x3;
}
export function i32x4_mul(w: Int32Array, d: number, a: number, b: number): void {
  const x0 = Math.imul(w[a], w[b]), x1 = Math.imul(w[a + 1], w[b + 1]), x2 = Math.imul(w[a + 2], w[b + 2]), x3 = Math.imul(w[a + 3], w[b + 3]);
  w[d] = x0; w[d + 1] = x1; w[d + 2] = x2; w[d + 3] = x3;
}
export function i32x4_neg(w: Int32Array, d: number, a: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = -w[a + i] | 0;
}
export function i32x4_abs(w: Int32Array, d: number, a: number): void {
  for (let i = 0; i < 4; i++) { const x = w[a + i]; w[d + i] = x < 0 ? -x | 0 : x; }
}
export function i32x4_eq(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = w[a + i] === w[b + i] ? -1 : 0;
}
export function i32x4_ne(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = w[a + i] !== w[b + i] ? -1 : 0;
}
export function i32x4_lt_s(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = w[a + i] < w[b + i] ? -1 : 0;
}
export function i32x4_lt_u(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = (w[a + i] >>> 0) < (w[b + i] >>> 0) ? -1 : 0;
}
export function i32x4_gt_s(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = w[a + i] > w[b + i] ? -1 : 0;
}
export function i32x4_gt_u(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = (w[a + i] >>> 0) > (w[b + i] >>> 0) ? -1 : 0;
}
export function i32x4_le_s(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = w[a + i] <= w[b + i] ? -1 : 0;
}
export function i32x4_le_u(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = (w[a + i] >>> 0) <= (w[b + i] >>> 0) ? -1 : 0;
}
export function i32x4_ge_s(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = w[a + i] >= w[b + i] ? -1 : 0;
}
export function i32x4_ge_u(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = (w[a + i] >>> 0) >= (w[b + i] >>> 0) ? -1 : 0;
}
export function i32x4_min_s(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) { const x = w[a + i], y = w[b + i]; w[d + i] = x < y ? x : y; }
}
export function i32x4_min_u(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) { const x = w[a + i], y = w[b + i]; w[d + i] = (x >>> 0) < (y >>> 0) ? x : y; }
}
export function i32x4_max_s(w: Int32Array, d: number, a: number, b: number): void {
  // unrolled: a max reduction's hot op, called straight from the run loop
  const a0 = w[a], a1 = w[a + 1], a2 = w[a + 2], a3 = w[a + 3], b0 = w[b], b1 = w[b + 1], b2 = w[b + 2], b3 = w[b + 3];
  w[d] = a0 > b0 ? a0 : b0; w[d + 1] = a1 > b1 ? a1 : b1; w[d + 2] = a2 > b2 ? a2 : b2; w[d + 3] = a3 > b3 ? a3 : b3;
}
export function i32x4_max_u(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) { const x = w[a + i], y = w[b + i]; w[d + i] = (x >>> 0) > (y >>> 0) ? x : y; }
}
export function i32x4_shl(w: Int32Array, d: number, a: number, b: number): void {
  const k = w[b] & 31;
  for (let i = 0; i < 4; i++) w[d + i] = w[a + i] << k;
}
export function i32x4_shr_s(w: Int32Array, d: number, a: number, b: number): void {
  const k = w[b] & 31;
  for (let i = 0; i < 4; i++) w[d + i] = w[a + i] >> k;
}
export function i32x4_shr_u(w: Int32Array, d: number, a: number, b: number): void {
  const k = w[b] & 31;
  for (let i = 0; i < 4; i++) w[d + i] = (w[a + i] >>> k) | 0;
}
export function i32x4_all_true(w: Int32Array, d: number, a: number): void {
  w[d] = w[a] !== 0 && w[a + 1] !== 0 && w[a + 2] !== 0 && w[a + 3] !== 0 ? 1 : 0;
}
export function i32x4_bitmask(w: Int32Array, d: number, a: number): void {
  w[d] = (w[a] >>> 31) | ((w[a + 1] >>> 31) << 1) | ((w[a + 2] >>> 31) << 2) | ((w[a + 3] >>> 31) << 3);
}
export function i32x4_extend_low_i16x8_u(w: Int32Array, d: number, a: number): void {
  const x = w[a], y = w[a + 1];
  w[d] = x & 0xffff; w[d + 1] = x >>> 16; w[d + 2] = y & 0xffff; w[d + 3] = y >>> 16;
}
export function i32x4_extend_high_i16x8_u(w: Int32Array, d: number, a: number): void {
  const x = w[a + 2], y = w[a + 3];
  w[d] = x & 0xffff; w[d + 1] = x >>> 16; w[d + 2] = y & 0xffff; w[d + 3] = y >>> 16;
}
export function i32x4_extend_low_i16x8_s(w: Int32Array, d: number, a: number): void {
  const x = w[a], y = w[a + 1];
  w[d] = (x << 16) >> 16; w[d + 1] = x >> 16; w[d + 2] = (y << 16) >> 16; w[d + 3] = y >> 16;
}
export function i32x4_extend_high_i16x8_s(w: Int32Array, d: number, a: number): void {
  const x = w[a + 2], y = w[a + 3];
  w[d] = (x << 16) >> 16; w[d + 1] = x >> 16; w[d + 2] = (y << 16) >> 16; w[d + 3] = y >> 16;
}
export function i32x4_extmul_low_i16x8_s(w: Int32Array, d: number, a: number, b: number): void {
  const x = w[a], y = w[a + 1], u = w[b], v = w[b + 1];
  w[d] = Math.imul((x << 16) >> 16, (u << 16) >> 16); w[d + 1] = Math.imul(x >> 16, u >> 16);
  w[d + 2] = Math.imul((y << 16) >> 16, (v << 16) >> 16); w[d + 3] = Math.imul(y >> 16, v >> 16);
}
export function i32x4_extmul_high_i16x8_s(w: Int32Array, d: number, a: number, b: number): void {
  const x = w[a + 2], y = w[a + 3], u = w[b + 2], v = w[b + 3];
  w[d] = Math.imul((x << 16) >> 16, (u << 16) >> 16); w[d + 1] = Math.imul(x >> 16, u >> 16);
  w[d + 2] = Math.imul((y << 16) >> 16, (v << 16) >> 16); w[d + 3] = Math.imul(y >> 16, v >> 16);
}
export function i32x4_extmul_low_i16x8_u(w: Int32Array, d: number, a: number, b: number): void {
  const x = w[a], y = w[a + 1], u = w[b], v = w[b + 1];
  w[d] = Math.imul(x & 0xffff, u & 0xffff); w[d + 1] = Math.imul(x >>> 16, u >>> 16);
  w[d + 2] = Math.imul(y & 0xffff, v & 0xffff); w[d + 3] = Math.imul(y >>> 16, v >>> 16);
}
export function i32x4_extmul_high_i16x8_u(w: Int32Array, d: number, a: number, b: number): void {
  const x = w[a + 2], y = w[a + 3], u = w[b + 2], v = w[b + 3];
  w[d] = Math.imul(x & 0xffff, u & 0xffff); w[d + 1] = Math.imul(x >>> 16, u >>> 16);
  w[d + 2] = Math.imul(y & 0xffff, v & 0xffff); w[d + 3] = Math.imul(y >>> 16, v >>> 16);
}
/** Sum of the two signed 16-bit products in words x, y (2 * 2^30 wraps to i32 like the spec). */
function dotWord(x: number, y: number): number {
  return (Math.imul((x << 16) >> 16, (y << 16) >> 16) + Math.imul(x >> 16, y >> 16)) | 0;
}
export function i32x4_dot_i16x8_s(w: Int32Array, d: number, a: number, b: number): void {
  const r0 = dotWord(w[a], w[b]), r1 = dotWord(w[a + 1], w[b + 1]), r2 = dotWord(w[a + 2], w[b + 2]), r3 = dotWord(w[a + 3], w[b + 3]);
  w[d] = r0; w[d + 1] = r1; w[d + 2] = r2; w[d + 3] = r3;
}

// ---- i64x2 ----

export function i64x2_add(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i += 2) {
    const al = w[a + i], ah = w[a + i + 1], bl = w[b + i], bh = w[b + i + 1];
    const lo = (al + bl) | 0;
    w[d + i] = lo; w[d + i + 1] = (ah + bh + ((lo >>> 0) < (al >>> 0) ? 1 : 0)) | 0;
  }
}
export function i64x2_sub(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i += 2) {
    const al = w[a + i], ah = w[a + i + 1], bl = w[b + i], bh = w[b + i + 1];
    w[d + i] = (al - bl) | 0; w[d + i + 1] = (ah - bh - ((al >>> 0) < (bl >>> 0) ? 1 : 0)) | 0;
  }
}
export function i64x2_mul(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i += 2) {
    const al = w[a + i], ah = w[a + i + 1], bl = w[b + i], bh = w[b + i + 1];
    w[d + i + 1] = (mulHiU32(al, bl) + Math.imul(ah, bl) + Math.imul(al, bh)) | 0;
    w[d + i] = Math.imul(al, bl);
  }
}
export function i64x2_eq(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i += 2) {
    const r = w[a + i] === w[b + i] && w[a + i + 1] === w[b + i + 1] ? -1 : 0;
    w[d + i] = r; w[d + i + 1] = r;
  }
}
export function i64x2_ne(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i += 2) {
    const r = w[a + i] !== w[b + i] || w[a + i + 1] !== w[b + i + 1] ? -1 : 0;
    w[d + i] = r; w[d + i + 1] = r;
  }
}
export function i64x2_shl(w: Int32Array, d: number, a: number, b: number): void {
  const k = w[b] & 63;
  for (let i = 0; i < 4; i += 2) {
    const lo = w[a + i], hi = w[a + i + 1];
    if (k === 0) { w[d + i] = lo; w[d + i + 1] = hi; }
    else if (k < 32) { w[d + i] = lo << k; w[d + i + 1] = (hi << k) | (lo >>> (32 - k)); }
    else { w[d + i] = 0; w[d + i + 1] = lo << (k - 32); }
  }
}
export function i64x2_shr_u(w: Int32Array, d: number, a: number, b: number): void {
  const k = w[b] & 63;
  for (let i = 0; i < 4; i += 2) {
    const lo = w[a + i], hi = w[a + i + 1];
    if (k === 0) { w[d + i] = lo; w[d + i + 1] = hi; }
    else if (k < 32) { w[d + i] = (lo >>> k) | (hi << (32 - k)); w[d + i + 1] = (hi >>> k) | 0; }
    else { w[d + i] = (hi >>> (k - 32)) | 0; w[d + i + 1] = 0; }
  }
}
export function i64x2_shr_s(w: Int32Array, d: number, a: number, b: number): void {
  const k = w[b] & 63;
  for (let i = 0; i < 4; i += 2) {
    const lo = w[a + i], hi = w[a + i + 1];
    if (k === 0) { w[d + i] = lo; w[d + i + 1] = hi; }
    else if (k < 32) { w[d + i] = (lo >>> k) | (hi << (32 - k)); w[d + i + 1] = hi >> k; }
    else { w[d + i] = hi >> (k - 32); w[d + i + 1] = hi >> 31; }
  }
}

// ---- lane moves ----

/** Byte k (0..15) of the vector whose words are x0..x3. */
function byteOf(x0: number, x1: number, x2: number, x3: number, k: number): number {
  return ((k < 8 ? (k < 4 ? x0 : x1) : (k < 12 ? x2 : x3)) >>> ((k & 3) << 3)) & 0xff;
}
function swizzleWord(x0: number, x1: number, x2: number, x3: number, s: number): number {
  const k0 = s & 0xff, k1 = (s >>> 8) & 0xff, k2 = (s >>> 16) & 0xff, k3 = s >>> 24;
  return (k0 < 16 ? byteOf(x0, x1, x2, x3, k0) : 0) | (k1 < 16 ? byteOf(x0, x1, x2, x3, k1) << 8 : 0) |
    (k2 < 16 ? byteOf(x0, x1, x2, x3, k2) << 16 : 0) | (k3 < 16 ? byteOf(x0, x1, x2, x3, k3) << 24 : 0);
}
export function i8x16_swizzle(w: Int32Array, d: number, a: number, b: number): void {
  const x0 = w[a], x1 = w[a + 1], x2 = w[a + 2], x3 = w[a + 3];
  const s0 = w[b], s1 = w[b + 1], s2 = w[b + 2], s3 = w[b + 3];
  w[d] = swizzleWord(x0, x1, x2, x3, s0); w[d + 1] = swizzleWord(x0, x1, x2, x3, s1);
  w[d + 2] = swizzleWord(x0, x1, x2, x3, s2); w[d + 3] = swizzleWord(x0, x1, x2, x3, s3);
}

/** i8x16.shuffle without a scratch copy: bytes gathered into words, written after all reads. */
// shuffle through a 32-byte scratch holding a then b: every lane index (0..31) is then a
// plain byte offset, with no branch per lane
const SHUF = new Int32Array(8);
const SHUF8 = new Uint8Array(SHUF.buffer);
export function i8x16_shuffle(w: Int32Array, d: number, a: number, b: number, l: ArrayLike<number>): void {
  SHUF[0] = w[a]; SHUF[1] = w[a + 1]; SHUF[2] = w[a + 2]; SHUF[3] = w[a + 3];
  SHUF[4] = w[b]; SHUF[5] = w[b + 1]; SHUF[6] = w[b + 2]; SHUF[7] = w[b + 3];
  const s = SHUF8;
  const r0 = s[l[0]] | (s[l[1]] << 8) | (s[l[2]] << 16) | (s[l[3]] << 24);
  const r1 = s[l[4]] | (s[l[5]] << 8) | (s[l[6]] << 16) | (s[l[7]] << 24);
  const r2 = s[l[8]] | (s[l[9]] << 8) | (s[l[10]] << 16) | (s[l[11]] << 24);
  const r3 = s[l[12]] | (s[l[13]] << 8) | (s[l[14]] << 16) | (s[l[15]] << 24);
  w[d] = r0; w[d + 1] = r1; w[d + 2] = r2; w[d + 3] = r3;
}

/** i8x16.shuffle moving whole words: word i of d is word ki of a (0..3) or of b (4..7). */
export function i8x16_shuffle_words(w: Int32Array, d: number, a: number, b: number, k0: number, k1: number, k2: number, k3: number): void {
  // every word read before d is written (d may be a or b)
  const w0 = w[k0 < 4 ? a + k0 : b + k0 - 4], w1 = w[k1 < 4 ? a + k1 : b + k1 - 4];
  const w2 = w[k2 < 4 ? a + k2 : b + k2 - 4], w3 = w[k3 < 4 ? a + k3 : b + k3 - 4];
  w[d] = w0; w[d + 1] = w1; w[d + 2] = w2; w[d + 3] = w3;
}

const MOUT = new Int32Array(4);
const MOUT8 = new Uint8Array(MOUT.buffer);
/**
 * v128.and(i8x16.shuffle(a, b, lanes), mask) for a constant mask: only the bytes the mask
 * keeps are gathered (plan: handler.ts's MASKED_SHUFFLES), the rest are zero. clang widens
 * compare results this way (shuffle each byte to a lane, and with splat(1)).
 */
export function i8x16_shuffle_masked(w: Int32Array, d: number, a: number, b: number, plan: Uint8Array): void {
  SHUF[0] = w[a]; SHUF[1] = w[a + 1]; SHUF[2] = w[a + 2]; SHUF[3] = w[a + 3];
  SHUF[4] = w[b]; SHUF[5] = w[b + 1]; SHUF[6] = w[b + 2]; SHUF[7] = w[b + 3];
  MOUT[0] = 0; MOUT[1] = 0; MOUT[2] = 0; MOUT[3] = 0;
  for (let i = 0; i < plan.length; i += 3) MOUT8[plan[i]] = SHUF8[plan[i + 1]] & plan[i + 2];
  w[d] = MOUT[0]; w[d + 1] = MOUT[1]; w[d + 2] = MOUT[2]; w[d + 3] = MOUT[3];
}

export function i8x16_replace_lane(w: Int32Array, d: number, a: number, b: number, lane: number): void {
  const j = lane >> 2, s = 8 * (lane & 3);
  const x0 = w[a], x1 = w[a + 1], x2 = w[a + 2], x3 = w[a + 3], v = w[b] & 0xff;
  w[d] = x0; w[d + 1] = x1; w[d + 2] = x2; w[d + 3] = x3;
  w[d + j] = (w[d + j] & ~(0xff << s)) | (v << s);
}
export function i16x8_replace_lane(w: Int32Array, d: number, a: number, b: number, lane: number): void {
  const j = lane >> 1, s = 16 * (lane & 1);
  const x0 = w[a], x1 = w[a + 1], x2 = w[a + 2], x3 = w[a + 3], v = w[b] & 0xffff;
  w[d] = x0; w[d + 1] = x1; w[d + 2] = x2; w[d + 3] = x3;
  w[d + j] = (w[d + j] & ~(0xffff << s)) | (v << s);
}
export function i32x4_replace_lane(w: Int32Array, d: number, a: number, b: number, lane: number): void {
  const x0 = w[a], x1 = w[a + 1], x2 = w[a + 2], x3 = w[a + 3], v = w[b];
  w[d] = x0; w[d + 1] = x1; w[d + 2] = x2; w[d + 3] = x3;
  w[d + lane] = v;
}
export function i64x2_replace_lane(w: Int32Array, d: number, a: number, b: number, lane: number): void {
  const x0 = w[a], x1 = w[a + 1], x2 = w[a + 2], x3 = w[a + 3], lo = w[b], hi = w[b + 1];
  w[d] = x0; w[d + 1] = x1; w[d + 2] = x2; w[d + 3] = x3;
  w[d + 2 * lane] = lo; w[d + 2 * lane + 1] = hi;
}
export const f32x4_replace_lane = i32x4_replace_lane;
export const f64x2_replace_lane = i64x2_replace_lane;

// ---- f32x4: arithmetic through the Float32Array view (one rounding, exact); a NaN result
// is rebuilt from the operand bits by the scalar NaN rule (nanOf32) ----

export function f32x4_add(w: Int32Array, d: number, a: number, b: number): void {
  const F = f32(w);
  const r0 = F[a] + F[b], r1 = F[a + 1] + F[b + 1], r2 = F[a + 2] + F[b + 2], r3 = F[a + 3] + F[b + 3];
  if (r0 === r0 && r1 === r1 && r2 === r2 && r3 === r3) { F[d] = r0; F[d + 1] = r1; F[d + 2] = r2; F[d + 3] = r3; return; }
  nanLanes32(w, d, a, b, r0, r1, r2, r3);
}
export function f32x4_sub(w: Int32Array, d: number, a: number, b: number): void {
  const F = f32(w);
  const r0 = F[a] - F[b], r1 = F[a + 1] - F[b + 1], r2 = F[a + 2] - F[b + 2], r3 = F[a + 3] - F[b + 3];
  if (r0 === r0 && r1 === r1 && r2 === r2 && r3 === r3) { F[d] = r0; F[d + 1] = r1; F[d + 2] = r2; F[d + 3] = r3; return; }
  nanLanes32(w, d, a, b, r0, r1, r2, r3);
}
export function f32x4_mul(w: Int32Array, d: number, a: number, b: number): void {
  const F = f32(w);
  const r0 = F[a] * F[b], r1 = F[a + 1] * F[b + 1], r2 = F[a + 2] * F[b + 2], r3 = F[a + 3] * F[b + 3];
  if (r0 === r0 && r1 === r1 && r2 === r2 && r3 === r3) { F[d] = r0; F[d + 1] = r1; F[d + 2] = r2; F[d + 3] = r3; return; }
  nanLanes32(w, d, a, b, r0, r1, r2, r3);
}
export function f32x4_div(w: Int32Array, d: number, a: number, b: number): void {
  const F = f32(w);
  const r0 = F[a] / F[b], r1 = F[a + 1] / F[b + 1], r2 = F[a + 2] / F[b + 2], r3 = F[a + 3] / F[b + 3];
  if (r0 === r0 && r1 === r1 && r2 === r2 && r3 === r3) { F[d] = r0; F[d + 1] = r1; F[d + 2] = r2; F[d + 3] = r3; return; }
  nanLanes32(w, d, a, b, r0, r1, r2, r3);
}
export function f32x4_sqrt(w: Int32Array, d: number, a: number): void {
  const F = f32(w);
  const r0 = Math.sqrt(F[a]), r1 = Math.sqrt(F[a + 1]), r2 = Math.sqrt(F[a + 2]), r3 = Math.sqrt(F[a + 3]);
  if (r0 === r0 && r1 === r1 && r2 === r2 && r3 === r3) { F[d] = r0; F[d + 1] = r1; F[d + 2] = r2; F[d + 3] = r3; return; }
  nanLanes32(w, d, a, a, r0, r1, r2, r3);
}
/** Slow path when some lane's result is NaN: those lanes take the NaN rule's bits. */
function nanLanes32(w: Int32Array, d: number, a: number, b: number, r0: number, r1: number, r2: number, r3: number): void {
  const F = F32v;
  const n0 = r0 !== r0 ? nanOf32(w[a], w[b]) : 0, n1 = r1 !== r1 ? nanOf32(w[a + 1], w[b + 1]) : 0;
  const n2 = r2 !== r2 ? nanOf32(w[a + 2], w[b + 2]) : 0, n3 = r3 !== r3 ? nanOf32(w[a + 3], w[b + 3]) : 0;
  if (r0 === r0) F[d] = r0; else w[d] = n0;
  if (r1 === r1) F[d + 1] = r1; else w[d + 1] = n1;
  if (r2 === r2) F[d + 2] = r2; else w[d + 2] = n2;
  if (r3 === r3) F[d + 3] = r3; else w[d + 3] = n3;
}
// min/max: equal values are identical bits or +0/-0, where or/and of the bits picks -0/+0
export function f32x4_min(w: Int32Array, d: number, a: number, b: number): void {
  const F = f32(w);
  for (let i = 0; i < 4; i++) {
    const x = F[a + i], y = F[b + i], p = w[a + i], q = w[b + i];
    w[d + i] = x < y ? p : y < x ? q : x === y ? p | q : nanOf32(p, q);
  }
}
export function f32x4_max(w: Int32Array, d: number, a: number, b: number): void {
  const F = f32(w);
  for (let i = 0; i < 4; i++) {
    const x = F[a + i], y = F[b + i], p = w[a + i], q = w[b + i];
    w[d + i] = x > y ? p : y > x ? q : x === y ? p & q : nanOf32(p, q);
  }
}
// pmin/pmax select one operand's bits (no NaN rule), abs/neg are sign-bit operations
export function f32x4_pmin(w: Int32Array, d: number, a: number, b: number): void {
  const F = f32(w);
  for (let i = 0; i < 4; i++) { const x = w[a + i], y = w[b + i]; w[d + i] = F[b + i] < F[a + i] ? y : x; }
}
export function f32x4_pmax(w: Int32Array, d: number, a: number, b: number): void {
  const F = f32(w);
  for (let i = 0; i < 4; i++) { const x = w[a + i], y = w[b + i]; w[d + i] = F[a + i] < F[b + i] ? y : x; }
}
export function f32x4_abs(w: Int32Array, d: number, a: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = w[a + i] & 0x7fffffff;
}
export function f32x4_neg(w: Int32Array, d: number, a: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = w[a + i] ^ -0x80000000;
}
export function f32x4_eq(w: Int32Array, d: number, a: number, b: number): void {
  const F = f32(w);
  for (let i = 0; i < 4; i++) w[d + i] = F[a + i] === F[b + i] ? -1 : 0;
}
export function f32x4_ne(w: Int32Array, d: number, a: number, b: number): void {
  const F = f32(w);
  for (let i = 0; i < 4; i++) w[d + i] = F[a + i] !== F[b + i] ? -1 : 0;
}
export function f32x4_lt(w: Int32Array, d: number, a: number, b: number): void {
  const F = f32(w);
  for (let i = 0; i < 4; i++) w[d + i] = F[a + i] < F[b + i] ? -1 : 0;
}
export function f32x4_gt(w: Int32Array, d: number, a: number, b: number): void {
  const F = f32(w);
  for (let i = 0; i < 4; i++) w[d + i] = F[a + i] > F[b + i] ? -1 : 0;
}
export function f32x4_le(w: Int32Array, d: number, a: number, b: number): void {
  const F = f32(w);
  for (let i = 0; i < 4; i++) w[d + i] = F[a + i] <= F[b + i] ? -1 : 0;
}
export function f32x4_ge(w: Int32Array, d: number, a: number, b: number): void {
  const F = f32(w);
  for (let i = 0; i < 4; i++) w[d + i] = F[a + i] >= F[b + i] ? -1 : 0;
}
export function f32x4_convert_i32x4_s(w: Int32Array, d: number, a: number): void {
  const F = f32(w);
  for (let i = 0; i < 4; i++) F[d + i] = w[a + i]; // int -> double exact, one rounding to f32
}
export function f32x4_convert_i32x4_u(w: Int32Array, d: number, a: number): void {
  const F = f32(w);
  for (let i = 0; i < 4; i++) F[d + i] = w[a + i] >>> 0;
}

// ---- f64x2 (the Float64Array view needs even word indices; otherwise the scalar path) ----

function nanOrStore64(w: Int32Array, F: Float64Array, d: number, a: number, b: number, r: number): void {
  if (r === r) F[d >> 1] = r;
  else storeNaN64(w, d, w[a], w[a + 1], w[b], w[b + 1]);
}

export function f64x2_add(w: Int32Array, d: number, a: number, b: number): void {
  const F = f64(w, d, a, b);
  if (F === null) { slow64(w, d, a, b, 0); return; }
  const r0 = F[a >> 1] + F[b >> 1], r1 = F[(a >> 1) + 1] + F[(b >> 1) + 1];
  if (r0 === r0 && r1 === r1) { F[d >> 1] = r0; F[(d >> 1) + 1] = r1; return; }
  const c = [w[a], w[a + 1], w[a + 2], w[a + 3], w[b], w[b + 1], w[b + 2], w[b + 3]];
  nan64(w, F, d, c, r0, r1);
}
export function f64x2_sub(w: Int32Array, d: number, a: number, b: number): void {
  const F = f64(w, d, a, b);
  if (F === null) { slow64(w, d, a, b, 1); return; }
  const r0 = F[a >> 1] - F[b >> 1], r1 = F[(a >> 1) + 1] - F[(b >> 1) + 1];
  if (r0 === r0 && r1 === r1) { F[d >> 1] = r0; F[(d >> 1) + 1] = r1; return; }
  const c = [w[a], w[a + 1], w[a + 2], w[a + 3], w[b], w[b + 1], w[b + 2], w[b + 3]];
  nan64(w, F, d, c, r0, r1);
}
export function f64x2_mul(w: Int32Array, d: number, a: number, b: number): void {
  const F = f64(w, d, a, b);
  if (F === null) { slow64(w, d, a, b, 2); return; }
  const r0 = F[a >> 1] * F[b >> 1], r1 = F[(a >> 1) + 1] * F[(b >> 1) + 1];
  if (r0 === r0 && r1 === r1) { F[d >> 1] = r0; F[(d >> 1) + 1] = r1; return; }
  const c = [w[a], w[a + 1], w[a + 2], w[a + 3], w[b], w[b + 1], w[b + 2], w[b + 3]];
  nan64(w, F, d, c, r0, r1);
}
export function f64x2_div(w: Int32Array, d: number, a: number, b: number): void {
  const F = f64(w, d, a, b);
  if (F === null) { slow64(w, d, a, b, 3); return; }
  const r0 = F[a >> 1] / F[b >> 1], r1 = F[(a >> 1) + 1] / F[(b >> 1) + 1];
  if (r0 === r0 && r1 === r1) { F[d >> 1] = r0; F[(d >> 1) + 1] = r1; return; }
  const c = [w[a], w[a + 1], w[a + 2], w[a + 3], w[b], w[b + 1], w[b + 2], w[b + 3]];
  nan64(w, F, d, c, r0, r1);
}
export function f64x2_sqrt(w: Int32Array, d: number, a: number): void {
  const F = f64(w, d, a, a);
  if (F === null) { slow64(w, d, a, a, 4); return; }
  const r0 = Math.sqrt(F[a >> 1]), r1 = Math.sqrt(F[(a >> 1) + 1]);
  if (r0 === r0 && r1 === r1) { F[d >> 1] = r0; F[(d >> 1) + 1] = r1; return; }
  const c = [w[a], w[a + 1], w[a + 2], w[a + 3], w[a], w[a + 1], w[a + 2], w[a + 3]];
  nan64(w, F, d, c, r0, r1);
}
/** Lanes with a NaN result take the NaN rule over the operand words c (a then b). */
function nan64(w: Int32Array, F: Float64Array, d: number, c: number[], r0: number, r1: number): void {
  if (r0 === r0) F[d >> 1] = r0; else storeNaN64(w, d, c[0], c[1], c[4], c[5]);
  if (r1 === r1) F[(d >> 1) + 1] = r1; else storeNaN64(w, d + 2, c[2], c[3], c[6], c[7]);
}
/** Odd word indices (never from the run loop, whose slots are word pairs): word by word. */
function slow64(w: Int32Array, d: number, a: number, b: number, kind: number): void {
  const t = new Int32Array(12);
  t.set(w.subarray(a, a + 4), 0); t.set(w.subarray(b, b + 4), 4);
  const F = new Float64Array(t.buffer);
  const x0 = F[0], x1 = F[1], y0 = F[2], y1 = F[3];
  const op = (x: number, y: number) => (kind === 0 ? x + y : kind === 1 ? x - y : kind === 2 ? x * y : kind === 3 ? x / y : Math.sqrt(x));
  nanOrStore64(t, F, 8, 0, 4, op(x0, y0));
  nanOrStore64(t, F, 10, 2, 6, op(x1, y1));
  w.set(t.subarray(8, 12), d);
}
export function f64x2_min(w: Int32Array, d: number, a: number, b: number): void {
  f64_min(w, d, a, b); f64_min(w, d + 2, a + 2, b + 2);
}
export function f64x2_max(w: Int32Array, d: number, a: number, b: number): void {
  f64_max(w, d, a, b); f64_max(w, d + 2, a + 2, b + 2);
}
export function f64x2_abs(w: Int32Array, d: number, a: number): void {
  w[d] = w[a]; w[d + 1] = w[a + 1] & 0x7fffffff; w[d + 2] = w[a + 2]; w[d + 3] = w[a + 3] & 0x7fffffff;
}
export function f64x2_neg(w: Int32Array, d: number, a: number): void {
  w[d] = w[a]; w[d + 1] = w[a + 1] ^ -0x80000000; w[d + 2] = w[a + 2]; w[d + 3] = w[a + 3] ^ -0x80000000;
}

/** The comparisons and pmin/pmax read doubles from the words (exact, NaN payload irrelevant). */
function d64(w: Int32Array, lo: number): number {
  const F = F64v;
  if (F !== null && (lo & 1) === 0) return F[lo >> 1];
  const t = new Int32Array([w[lo], w[lo + 1]]);
  return new Float64Array(t.buffer)[0];
}
export function f64x2_eq(w: Int32Array, d: number, a: number, b: number): void {
  f32(w);
  const r0 = d64(w, a) === d64(w, b) ? -1 : 0, r1 = d64(w, a + 2) === d64(w, b + 2) ? -1 : 0;
  w[d] = r0; w[d + 1] = r0; w[d + 2] = r1; w[d + 3] = r1;
}
export function f64x2_ne(w: Int32Array, d: number, a: number, b: number): void {
  f32(w);
  const r0 = d64(w, a) !== d64(w, b) ? -1 : 0, r1 = d64(w, a + 2) !== d64(w, b + 2) ? -1 : 0;
  w[d] = r0; w[d + 1] = r0; w[d + 2] = r1; w[d + 3] = r1;
}
export function f64x2_lt(w: Int32Array, d: number, a: number, b: number): void {
  f32(w);
  const r0 = d64(w, a) < d64(w, b) ? -1 : 0, r1 = d64(w, a + 2) < d64(w, b + 2) ? -1 : 0;
  w[d] = r0; w[d + 1] = r0; w[d + 2] = r1; w[d + 3] = r1;
}
export function f64x2_gt(w: Int32Array, d: number, a: number, b: number): void {
  f32(w);
  const r0 = d64(w, a) > d64(w, b) ? -1 : 0, r1 = d64(w, a + 2) > d64(w, b + 2) ? -1 : 0;
  w[d] = r0; w[d + 1] = r0; w[d + 2] = r1; w[d + 3] = r1;
}
export function f64x2_le(w: Int32Array, d: number, a: number, b: number): void {
  f32(w);
  const r0 = d64(w, a) <= d64(w, b) ? -1 : 0, r1 = d64(w, a + 2) <= d64(w, b + 2) ? -1 : 0;
  w[d] = r0; w[d + 1] = r0; w[d + 2] = r1; w[d + 3] = r1;
}
export function f64x2_ge(w: Int32Array, d: number, a: number, b: number): void {
  f32(w);
  const r0 = d64(w, a) >= d64(w, b) ? -1 : 0, r1 = d64(w, a + 2) >= d64(w, b + 2) ? -1 : 0;
  w[d] = r0; w[d + 1] = r0; w[d + 2] = r1; w[d + 3] = r1;
}
export function f64x2_pmin(w: Int32Array, d: number, a: number, b: number): void {
  f32(w);
  const t0 = d64(w, b) < d64(w, a), t1 = d64(w, b + 2) < d64(w, a + 2);
  const x0 = t0 ? w[b] : w[a], x1 = t0 ? w[b + 1] : w[a + 1], x2 = t1 ? w[b + 2] : w[a + 2], x3 = t1 ? w[b + 3] : w[a + 3];
  w[d] = x0; w[d + 1] = x1; w[d + 2] = x2; w[d + 3] = x3;
}
export function f64x2_pmax(w: Int32Array, d: number, a: number, b: number): void {
  f32(w);
  const t0 = d64(w, a) < d64(w, b), t1 = d64(w, a + 2) < d64(w, b + 2);
  const x0 = t0 ? w[b] : w[a], x1 = t0 ? w[b + 1] : w[a + 1], x2 = t1 ? w[b + 2] : w[a + 2], x3 = t1 ? w[b + 3] : w[a + 3];
  w[d] = x0; w[d + 1] = x1; w[d + 2] = x2; w[d + 3] = x3;
}

/** Every function above, by full mnemonic, for table.ts. */
export const FAST_LANE_OPS: ReadonlyMap<string, V128Op> = (() => {
  const m = new Map<string, V128Op>();
  const all = {
    i8x16_add, i8x16_sub, i8x16_neg, i8x16_abs, i8x16_eq, i8x16_ne, i8x16_lt_s, i8x16_lt_u, i8x16_gt_s, i8x16_gt_u,
    i8x16_le_s, i8x16_le_u, i8x16_ge_s, i8x16_ge_u, i8x16_min_s, i8x16_min_u, i8x16_max_s, i8x16_max_u, i8x16_avgr_u,
    i8x16_add_sat_u, i8x16_sub_sat_u, i8x16_add_sat_s, i8x16_sub_sat_s, i8x16_shl, i8x16_shr_u, i8x16_shr_s,
    i8x16_all_true, i8x16_bitmask, i8x16_narrow_i16x8_s, i8x16_narrow_i16x8_u,
    i16x8_add, i16x8_sub, i16x8_neg, i16x8_mul, i16x8_abs, i16x8_eq, i16x8_ne, i16x8_lt_s, i16x8_lt_u, i16x8_gt_s,
    i16x8_gt_u, i16x8_le_s, i16x8_le_u, i16x8_ge_s, i16x8_ge_u, i16x8_min_s, i16x8_min_u, i16x8_max_s, i16x8_max_u,
    i16x8_avgr_u, i16x8_add_sat_u, i16x8_sub_sat_u, i16x8_add_sat_s, i16x8_sub_sat_s, i16x8_shl, i16x8_shr_u,
    i16x8_shr_s, i16x8_all_true, i16x8_bitmask, i16x8_narrow_i32x4_s, i16x8_narrow_i32x4_u,
    i16x8_extend_low_i8x16_u, i16x8_extend_high_i8x16_u, i16x8_extend_low_i8x16_s, i16x8_extend_high_i8x16_s,
    i32x4_add, i32x4_sub, i32x4_mul, i32x4_neg, i32x4_abs, i32x4_eq, i32x4_ne, i32x4_lt_s, i32x4_lt_u, i32x4_gt_s,
    i32x4_gt_u, i32x4_le_s, i32x4_le_u, i32x4_ge_s, i32x4_ge_u, i32x4_min_s, i32x4_min_u, i32x4_max_s, i32x4_max_u,
    i32x4_shl, i32x4_shr_s, i32x4_shr_u, i32x4_all_true, i32x4_bitmask, i32x4_extend_low_i16x8_u,
    i32x4_extend_high_i16x8_u, i32x4_extend_low_i16x8_s, i32x4_extend_high_i16x8_s, i32x4_extmul_low_i16x8_s,
    i32x4_extmul_high_i16x8_s, i32x4_extmul_low_i16x8_u, i32x4_extmul_high_i16x8_u, i32x4_dot_i16x8_s,
    i64x2_add, i64x2_sub, i64x2_mul, i64x2_eq, i64x2_ne, i64x2_shl, i64x2_shr_u, i64x2_shr_s,
    i8x16_swizzle, i8x16_replace_lane, i16x8_replace_lane, i32x4_replace_lane, i64x2_replace_lane,
    f32x4_replace_lane, f64x2_replace_lane,
    f32x4_add, f32x4_sub, f32x4_mul, f32x4_div, f32x4_sqrt, f32x4_min, f32x4_max, f32x4_pmin, f32x4_pmax,
    f32x4_abs, f32x4_neg, f32x4_eq, f32x4_ne, f32x4_lt, f32x4_gt, f32x4_le, f32x4_ge,
    f32x4_convert_i32x4_s, f32x4_convert_i32x4_u,
    f64x2_add, f64x2_sub, f64x2_mul, f64x2_div, f64x2_sqrt, f64x2_min, f64x2_max, f64x2_abs, f64x2_neg,
    f64x2_eq, f64x2_ne, f64x2_lt, f64x2_gt, f64x2_le, f64x2_ge, f64x2_pmin, f64x2_pmax,
  } as Record<string, V128Op>;
  for (const [k, f] of Object.entries(all)) m.set(k.replace(/_/, '.'), f);
  return m;
})();
