// Float lane operations. f32x4 lanes are single words and f64x2 lanes word pairs, exactly the
// scalar layout, so the lanewise ops reuse the scalar word functions (same NaN rules, same
// exact rounding). Shape-changing conversions go through the scratch vectors.

import { OPS } from '../../syntax/opcodes.js';
import { scalarOpByName, type WordOp } from '../numerics/table.js';
import { f32Of, f64Of } from '../numerics/scratch.js';
import * as CONV from '../numerics/convert.js';
import { A, S32, ld, st, type V128Op } from './scratch.js';

function lanes32(f: WordOp): V128Op {
  return (w, d, a, b) => { f(w, d, a, b); f(w, d + 1, a + 1, b + 1); f(w, d + 2, a + 2, b + 2); f(w, d + 3, a + 3, b + 3); };
}
function lanes64(f: WordOp): V128Op {
  return (w, d, a, b) => { f(w, d, a, b); f(w, d + 2, a + 2, b + 2); };
}

/** Scalar compare (0/1 in one word) widened to all-ones lane masks. */
function cmp32(f: WordOp): V128Op {
  return (w, d, a, b) => { for (let i = 0; i < 4; i++) { f(w, d + i, a + i, b + i); w[d + i] = -w[d + i]; } };
}
function cmp64(f: WordOp): V128Op {
  return (w, d, a, b) => {
    for (let i = 0; i < 4; i += 2) { f(w, d + i, a + i, b + i); w[d + i] = -w[d + i]; w[d + i + 1] = w[d + i]; }
  };
}

const LANEWISE = new Set(['add', 'sub', 'mul', 'div', 'min', 'max', 'abs', 'neg', 'sqrt', 'ceil', 'floor', 'trunc', 'nearest']);
const COMPARE = new Set(['eq', 'ne', 'lt', 'gt', 'le', 'ge']);

/** f32x4.* / f64x2.* lanewise ops built from the scalar op of the same name. */
export const FLOAT_LANE_OPS: ReadonlyMap<string, V128Op> = (() => {
  const m = new Map<string, V128Op>();
  for (const info of OPS) {
    if (info.prefix !== 0xfd) continue;
    const match = /^f(32x4|64x2)\.(\w+)$/.exec(info.name);
    if (!match) continue;
    const is32 = match[1] === '32x4', op = match[2];
    const scalar = scalarOpByName(`${is32 ? 'f32' : 'f64'}.${op}`);
    if (!scalar) continue;
    if (LANEWISE.has(op)) m.set(info.name, is32 ? lanes32(scalar) : lanes64(scalar));
    else if (COMPARE.has(op)) m.set(info.name, is32 ? cmp32(scalar) : cmp64(scalar));
  }
  return m;
})();

// pmin/pmax are defined by one comparison and return an operand's bits unchanged (no NaN rule)

export function f32x4_pmin(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) { const x = w[a + i], y = w[b + i]; w[d + i] = f32Of(y) < f32Of(x) ? y : x; }
}
export function f32x4_pmax(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) { const x = w[a + i], y = w[b + i]; w[d + i] = f32Of(x) < f32Of(y) ? y : x; }
}
export function f64x2_pmin(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i += 2) {
    const xl = w[a + i], xh = w[a + i + 1], yl = w[b + i], yh = w[b + i + 1];
    const takeY = f64Of(yl, yh) < f64Of(xl, xh);
    w[d + i] = takeY ? yl : xl; w[d + i + 1] = takeY ? yh : xh;
  }
}
export function f64x2_pmax(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i += 2) {
    const xl = w[a + i], xh = w[a + i + 1], yl = w[b + i], yh = w[b + i + 1];
    const takeY = f64Of(xl, xh) < f64Of(yl, yh);
    w[d + i] = takeY ? yl : xl; w[d + i + 1] = takeY ? yh : xh;
  }
}

// ---- conversions ----

export const i32x4_trunc_sat_f32x4_s = lanes32(CONV.i32_trunc_sat_f32_s);
export const i32x4_trunc_sat_f32x4_u = lanes32(CONV.i32_trunc_sat_f32_u);
export const f32x4_convert_i32x4_s = lanes32(CONV.f32_convert_i32_s);
export const f32x4_convert_i32x4_u = lanes32(CONV.f32_convert_i32_u);

/** Two f64 lanes to two i32 lanes, upper two lanes zero. */
function toZero(f: WordOp): V128Op {
  return (w, d, a) => {
    ld(w, a, A);
    f(S32, 12, 0, 0); f(S32, 13, 2, 0); S32[14] = 0; S32[15] = 0;
    st(w, d);
  };
}
export const i32x4_trunc_sat_f64x2_s_zero = toZero(CONV.i32_trunc_sat_f64_s);
export const i32x4_trunc_sat_f64x2_u_zero = toZero(CONV.i32_trunc_sat_f64_u);
export const f32x4_demote_f64x2_zero = toZero(CONV.f32_demote_f64);

/** The two low 32-bit lanes widened to two f64 lanes. */
function fromLow(f: WordOp): V128Op {
  return (w, d, a) => {
    ld(w, a, A);
    f(S32, 12, 0, 0); f(S32, 14, 1, 0);
    st(w, d);
  };
}
export const f64x2_convert_low_i32x4_s = fromLow(CONV.f64_convert_i32_s);
export const f64x2_convert_low_i32x4_u = fromLow(CONV.f64_convert_i32_u);
export const f64x2_promote_low_f32x4 = fromLow(CONV.f64_promote_f32);

