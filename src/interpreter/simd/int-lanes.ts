// Integer lane operations. The regular families (lanewise binary, unary, compare, shift over
// i8x16 / i16x8 / i32x4) are built per shape from a semantics table keyed by the mnemonic's
// operation part; `INT_LANE_OPS` maps full mnemonics to them for the instructions the opcode
// table actually has. The irregular ones (narrow, extend, extmul, extadd, dot, bitmask,
// all_true, popcnt, and everything on i64x2) are written out below.

import { OPS } from '../../syntax/opcodes.js';
import {
  A, B, R, S16, S32, S8, U16, U8, ld, st, viewsFor, type IntView, type V128Op,
} from './scratch.js';
import { mulHiU32 } from '../numerics/i64.js';
import * as I64 from '../numerics/i64.js';
import { popcnt32 } from '../numerics/i32.js';

type Bin = (x: number, y: number) => number;

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

/** Lanewise binary semantics by operation name; `u` selects the unsigned view. */
function binarySemantics(op: string, bits: number): { u: boolean; f: Bin } | undefined {
  const smin = -(2 ** (bits - 1)), smax = 2 ** (bits - 1) - 1, umax = 2 ** bits - 1;
  switch (op) {
    case 'add': return { u: false, f: (x, y) => x + y };
    case 'sub': return { u: false, f: (x, y) => x - y };
    case 'mul': return { u: false, f: bits === 32 ? Math.imul : (x, y) => x * y };
    case 'min_s': case 'min_u': return { u: op.endsWith('u'), f: (x, y) => (x < y ? x : y) };
    case 'max_s': case 'max_u': return { u: op.endsWith('u'), f: (x, y) => (x > y ? x : y) };
    case 'avgr_u': return { u: true, f: (x, y) => (x + y + 1) >>> 1 };
    case 'add_sat_s': return { u: false, f: (x, y) => clamp(x + y, smin, smax) };
    case 'add_sat_u': return { u: true, f: (x, y) => clamp(x + y, 0, umax) };
    case 'sub_sat_s': return { u: false, f: (x, y) => clamp(x - y, smin, smax) };
    case 'sub_sat_u': return { u: true, f: (x, y) => clamp(x - y, 0, umax) };
    case 'q15mulr_sat_s': return { u: false, f: (x, y) => clamp((x * y + 0x4000) >> 15, smin, smax) };
    case 'eq': return { u: false, f: (x, y) => (x === y ? -1 : 0) };
    case 'ne': return { u: false, f: (x, y) => (x !== y ? -1 : 0) };
    case 'lt_s': case 'lt_u': return { u: op.endsWith('u'), f: (x, y) => (x < y ? -1 : 0) };
    case 'gt_s': case 'gt_u': return { u: op.endsWith('u'), f: (x, y) => (x > y ? -1 : 0) };
    case 'le_s': case 'le_u': return { u: op.endsWith('u'), f: (x, y) => (x <= y ? -1 : 0) };
    case 'ge_s': case 'ge_u': return { u: op.endsWith('u'), f: (x, y) => (x >= y ? -1 : 0) };
    default: return undefined;
  }
}

function binary(view: IntView, res: IntView, n: number, f: Bin): V128Op {
  return (w, d, a, b) => {
    ld(w, a, A); ld(w, b, B);
    for (let i = 0; i < n; i++) res[R * n + i] = f(view[i], view[n + i]);
    st(w, d);
  };
}

function unarySemantics(op: string): Bin | undefined {
  if (op === 'abs') return (x) => (x < 0 ? -x : x);
  if (op === 'neg') return (x) => -x;
  return undefined;
}

function unary(view: IntView, n: number, f: Bin): V128Op {
  return (w, d, a) => {
    ld(w, a, A);
    for (let i = 0; i < n; i++) view[R * n + i] = f(view[i], 0);
    st(w, d);
  };
}

/** Shifts: the count (an i32 at word b) is taken modulo the lane width. */
function shift(op: string, bits: number): V128Op | undefined {
  const { s, u, n } = viewsFor(bits);
  const mask = bits - 1;
  const f: ((x: number, k: number) => number) | undefined =
    op === 'shl' ? (x, k) => x << k : op === 'shr_s' ? (x, k) => x >> k : op === 'shr_u' ? (x, k) => x >>> k : undefined;
  if (!f) return undefined;
  const view = op === 'shr_u' ? u : s;
  return (w, d, a, b) => {
    const k = w[b] & mask;
    ld(w, a, A);
    for (let i = 0; i < n; i++) s[R * n + i] = f(view[i], k);
    st(w, d);
  };
}

function allTrue(view: IntView, n: number): V128Op {
  return (w, d, a) => {
    ld(w, a, A);
    let r = 1;
    for (let i = 0; i < n; i++) if (view[i] === 0) { r = 0; break; }
    w[d] = r;
  };
}

function bitmask(view: IntView, n: number): V128Op {
  return (w, d, a) => {
    ld(w, a, A);
    let r = 0;
    for (let i = 0; i < n; i++) if (view[i] < 0) r |= 1 << i;
    w[d] = r;
  };
}

/** The generated regular families, by full mnemonic, for the rows in the opcode table. */
export const INT_LANE_OPS: ReadonlyMap<string, V128Op> = (() => {
  const m = new Map<string, V128Op>();
  for (const info of OPS) {
    if (info.prefix !== 0xfd) continue;
    const match = /^i(8|16|32)x\d+\.(\w+)$/.exec(info.name);
    if (!match) continue;
    const bits = Number(match[1]), op = match[2];
    const { s, u, n } = viewsFor(bits);
    const bin = binarySemantics(op, bits);
    let fn: V128Op | undefined;
    if (bin) fn = binary(bin.u ? u : s, s, n, bin.f);
    else if (unarySemantics(op)) fn = unary(s, n, unarySemantics(op)!);
    else if (op === 'all_true') fn = allTrue(s, n);
    else if (op === 'bitmask') fn = bitmask(s, n);
    else fn = shift(op, bits);
    if (fn) m.set(info.name, fn);
  }
  return m;
})();

// ---- irregular integer ops ----

export function i8x16_popcnt(w: Int32Array, d: number, a: number): void {
  ld(w, a, A);
  for (let i = 0; i < 16; i++) U8[48 + i] = popcnt32(U8[i]);
  st(w, d);
}

/** Narrow: both operands' lanes saturated to half width (signed or unsigned range). */
function narrow(from: IntView, to: IntView, n: number, lo: number, hi: number): V128Op {
  return (w, d, a, b) => {
    ld(w, a, A); ld(w, b, B);
    // source lanes: A at 0..n/2-1, B right after; result vector R holds n lanes
    for (let i = 0; i < n; i++) to[R * n + i] = clamp(from[i], lo, hi);
    st(w, d);
  };
}
export const i8x16_narrow_i16x8_s = narrow(S16, S8, 16, -128, 127);
export const i8x16_narrow_i16x8_u = narrow(S16, U8, 16, 0, 255);
export const i16x8_narrow_i32x4_s = narrow(S32, S16, 8, -32768, 32767);
export const i16x8_narrow_i32x4_u = narrow(S32, U16, 8, 0, 65535);

/** Extend the low or high half of A's lanes to double width. */
function extend(from: IntView, to: IntView, n: number, high: boolean): V128Op {
  const off = high ? n : 0;
  return (w, d, a) => {
    ld(w, a, A);
    for (let i = 0; i < n; i++) to[R * n + i] = from[off + i];
    st(w, d);
  };
}
export const i16x8_extend_low_i8x16_s = extend(S8, S16, 8, false);
export const i16x8_extend_high_i8x16_s = extend(S8, S16, 8, true);
export const i16x8_extend_low_i8x16_u = extend(U8, S16, 8, false);
export const i16x8_extend_high_i8x16_u = extend(U8, S16, 8, true);
export const i32x4_extend_low_i16x8_s = extend(S16, S32, 4, false);
export const i32x4_extend_high_i16x8_s = extend(S16, S32, 4, true);
export const i32x4_extend_low_i16x8_u = extend(U16, S32, 4, false);
export const i32x4_extend_high_i16x8_u = extend(U16, S32, 4, true);

function extend64(high: boolean, signed: boolean): V128Op {
  const off = high ? 2 : 0;
  return (w, d, a) => {
    const x = w[a + off], y = w[a + off + 1];
    w[d] = x; w[d + 1] = signed ? x >> 31 : 0;
    w[d + 2] = y; w[d + 3] = signed ? y >> 31 : 0;
  };
}
export const i64x2_extend_low_i32x4_s = extend64(false, true);
export const i64x2_extend_high_i32x4_s = extend64(true, true);
export const i64x2_extend_low_i32x4_u = extend64(false, false);
export const i64x2_extend_high_i32x4_u = extend64(true, false);

/** Extended multiply of the low or high halves (products fit the double-width lanes). */
function extmul(from: IntView, to: IntView, n: number, high: boolean): V128Op {
  const off = high ? n : 0;
  const src = 2 * n; // source lanes per vector
  return (w, d, a, b) => {
    ld(w, a, A); ld(w, b, B);
    for (let i = 0; i < n; i++) to[R * n + i] = from[off + i] * from[src + off + i];
    st(w, d);
  };
}
export const i16x8_extmul_low_i8x16_s = extmul(S8, S16, 8, false);
export const i16x8_extmul_high_i8x16_s = extmul(S8, S16, 8, true);
export const i16x8_extmul_low_i8x16_u = extmul(U8, S16, 8, false);
export const i16x8_extmul_high_i8x16_u = extmul(U8, S16, 8, true);
export const i32x4_extmul_low_i16x8_s = extmul(S16, S32, 4, false);
export const i32x4_extmul_high_i16x8_s = extmul(S16, S32, 4, true);
export const i32x4_extmul_low_i16x8_u = extmul(U16, S32, 4, false);
export const i32x4_extmul_high_i16x8_u = extmul(U16, S32, 4, true);

/** 32x32 -> 64 products: low word by imul, high by the unsigned high part, sign-corrected. */
function extmul64(high: boolean, signed: boolean): V128Op {
  const off = high ? 2 : 0;
  return (w, d, a, b) => {
    const x0 = w[a + off], x1 = w[a + off + 1], y0 = w[b + off], y1 = w[b + off + 1];
    const h0 = mulHiU32(x0, y0) - (signed ? (x0 < 0 ? y0 : 0) + (y0 < 0 ? x0 : 0) : 0);
    const h1 = mulHiU32(x1, y1) - (signed ? (x1 < 0 ? y1 : 0) + (y1 < 0 ? x1 : 0) : 0);
    w[d] = Math.imul(x0, y0); w[d + 1] = h0 | 0;
    w[d + 2] = Math.imul(x1, y1); w[d + 3] = h1 | 0;
  };
}
export const i64x2_extmul_low_i32x4_s = extmul64(false, true);
export const i64x2_extmul_high_i32x4_s = extmul64(true, true);
export const i64x2_extmul_low_i32x4_u = extmul64(false, false);
export const i64x2_extmul_high_i32x4_u = extmul64(true, false);

function extaddPairwise(from: IntView, to: IntView, n: number): V128Op {
  return (w, d, a) => {
    ld(w, a, A);
    for (let i = 0; i < n; i++) to[R * n + i] = from[2 * i] + from[2 * i + 1];
    st(w, d);
  };
}
export const i16x8_extadd_pairwise_i8x16_s = extaddPairwise(S8, S16, 8);
export const i16x8_extadd_pairwise_i8x16_u = extaddPairwise(U8, S16, 8);
export const i32x4_extadd_pairwise_i16x8_s = extaddPairwise(S16, S32, 4);
export const i32x4_extadd_pairwise_i16x8_u = extaddPairwise(U16, S32, 4);

export function i32x4_dot_i16x8_s(w: Int32Array, d: number, a: number, b: number): void {
  ld(w, a, A); ld(w, b, B);
  for (let i = 0; i < 4; i++) S32[12 + i] = S16[2 * i] * S16[8 + 2 * i] + S16[2 * i + 1] * S16[8 + 2 * i + 1];
  st(w, d);
}

// ---- i64x2: each lane is a word pair, so the scalar i64 word functions apply per lane ----

function perLane64(f: (w: Int32Array, d: number, a: number, b: number) => void): V128Op {
  return (w, d, a, b) => { f(w, d, a, b); f(w, d + 2, a + 2, b + 2); };
}
export const i64x2_add = perLane64(I64.i64_add);
export const i64x2_sub = perLane64(I64.i64_sub);
export const i64x2_mul = perLane64(I64.i64_mul);

function cmp64(f: (w: Int32Array, d: number, a: number, b: number) => void): V128Op {
  // the scalar compare leaves 0/1 in the lane's low word; widen it to a lane mask
  return (w, d, a, b) => {
    f(w, d, a, b); w[d] = -w[d]; w[d + 1] = w[d];
    f(w, d + 2, a + 2, b + 2); w[d + 2] = -w[d + 2]; w[d + 3] = w[d + 2];
  };
}
export const i64x2_eq = cmp64(I64.i64_eq);
export const i64x2_ne = cmp64(I64.i64_ne);
export const i64x2_lt_s = cmp64(I64.i64_lt_s);
export const i64x2_gt_s = cmp64(I64.i64_gt_s);
export const i64x2_le_s = cmp64(I64.i64_le_s);
export const i64x2_ge_s = cmp64(I64.i64_ge_s);

function shift64(f: (w: Int32Array, d: number, a: number, b: number) => void): V128Op {
  // the count word is read before either lane is written (it may sit inside d)
  return (w, d, a, b) => {
    const k = w[b];
    S32[0] = k;
    ld(w, a, B);
    f(S32, 12, 4, 0); f(S32, 14, 6, 0);
    st(w, d);
  };
}
export const i64x2_shl = shift64(I64.i64_shl);
export const i64x2_shr_s = shift64(I64.i64_shr_s);
export const i64x2_shr_u = shift64(I64.i64_shr_u);

export function i64x2_neg(w: Int32Array, d: number, a: number): void {
  for (let i = 0; i < 4; i += 2) {
    const lo = w[a + i], hi = w[a + i + 1];
    w[d + i] = -lo | 0;
    w[d + i + 1] = (~hi + (lo === 0 ? 1 : 0)) | 0;
  }
}

export function i64x2_abs(w: Int32Array, d: number, a: number): void {
  for (let i = 0; i < 4; i += 2) {
    const lo = w[a + i], hi = w[a + i + 1];
    if (hi < 0) { w[d + i] = -lo | 0; w[d + i + 1] = (~hi + (lo === 0 ? 1 : 0)) | 0; }
    else { w[d + i] = lo; w[d + i + 1] = hi; }
  }
}

export function i64x2_all_true(w: Int32Array, d: number, a: number): void {
  w[d] = (w[a] | w[a + 1]) !== 0 && (w[a + 2] | w[a + 3]) !== 0 ? 1 : 0;
}

export function i64x2_bitmask(w: Int32Array, d: number, a: number): void {
  w[d] = (w[a + 1] >>> 31) | ((w[a + 3] >>> 31) << 1);
}
