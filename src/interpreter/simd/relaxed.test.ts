// Relaxed SIMD. Deterministic profile: each relaxed op must equal its fixed counterpart,
// run natively (Node 20 runs relaxed SIMD only behind a flag, so the counterparts are the
// oracle). Hardware-like mode: every lane must be one of the spec's allowed results.

import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OPS, opByName } from '../../syntax/opcodes.js';
import { i32Const, ins, oracleModule, type HostWasmApi, type OracleFunc } from '../numerics/oracle-module.js';
import { SIMD_OPS, setRelaxedDeterministic } from './table.js';

const WebAssembly = (globalThis as unknown as { WebAssembly: HostWasmApi }).WebAssembly;

const v = (k: number) => [...i32Const(16 * k), ...ins('v128.load', 0, 0)];
const body = (...parts: number[][]) => [...i32Const(64), ...parts.flat(), ...ins('v128.store', 0, 0)];

/** The deterministic profile of each relaxed op as a native body over operands a, b, c. */
const COUNTERPART: Record<string, number[]> = {
  'i8x16.relaxed_swizzle': body(v(0), v(1), ins('i8x16.swizzle')),
  'i32x4.relaxed_trunc_f32x4_s': body(v(0), ins('i32x4.trunc_sat_f32x4_s')),
  'i32x4.relaxed_trunc_f32x4_u': body(v(0), ins('i32x4.trunc_sat_f32x4_u')),
  'i32x4.relaxed_trunc_f64x2_s_zero': body(v(0), ins('i32x4.trunc_sat_f64x2_s_zero')),
  'i32x4.relaxed_trunc_f64x2_u_zero': body(v(0), ins('i32x4.trunc_sat_f64x2_u_zero')),
  'f32x4.relaxed_madd': body(v(0), v(1), ins('f32x4.mul'), v(2), ins('f32x4.add')),
  'f32x4.relaxed_nmadd': body(v(0), ins('f32x4.neg'), v(1), ins('f32x4.mul'), v(2), ins('f32x4.add')),
  'f64x2.relaxed_madd': body(v(0), v(1), ins('f64x2.mul'), v(2), ins('f64x2.add')),
  'f64x2.relaxed_nmadd': body(v(0), ins('f64x2.neg'), v(1), ins('f64x2.mul'), v(2), ins('f64x2.add')),
  'i8x16.relaxed_laneselect': body(v(0), v(1), v(2), ins('v128.bitselect')),
  'i16x8.relaxed_laneselect': body(v(0), v(1), v(2), ins('v128.bitselect')),
  'i32x4.relaxed_laneselect': body(v(0), v(1), v(2), ins('v128.bitselect')),
  'i64x2.relaxed_laneselect': body(v(0), v(1), v(2), ins('v128.bitselect')),
  'f32x4.relaxed_min': body(v(0), v(1), ins('f32x4.min')),
  'f32x4.relaxed_max': body(v(0), v(1), ins('f32x4.max')),
  'f64x2.relaxed_min': body(v(0), v(1), ins('f64x2.min')),
  'f64x2.relaxed_max': body(v(0), v(1), ins('f64x2.max')),
  'i16x8.relaxed_q15mulr_s': body(v(0), v(1), ins('i16x8.q15mulr_sat_s')),
  // signed pair products summed with saturation: extmul both halves, then add_sat pairwise
  'i16x8.relaxed_dot_i8x16_i7x16_s': body(
    v(0), v(1), ins('i16x8.extmul_low_i8x16_s'), v(0), v(1), ins('i16x8.extmul_high_i8x16_s'),
    ins('i8x16.shuffle', 0, 1, 4, 5, 8, 9, 12, 13, 16, 17, 20, 21, 24, 25, 28, 29), // even products
    v(0), v(1), ins('i16x8.extmul_low_i8x16_s'), v(0), v(1), ins('i16x8.extmul_high_i8x16_s'),
    ins('i8x16.shuffle', 2, 3, 6, 7, 10, 11, 14, 15, 18, 19, 22, 23, 26, 27, 30, 31), // odd products
    ins('i16x8.add_sat_s')),
};
COUNTERPART['i32x4.relaxed_dot_i8x16_i7x16_add_s'] = [
  ...COUNTERPART['i16x8.relaxed_dot_i8x16_i7x16_s'].slice(0, -4), // without the store (fd 0b align offset)
  ...ins('i32x4.extadd_pairwise_i16x8_s'), ...v(2), ...ins('i32x4.add'), ...ins('v128.store', 0, 0)];

const names = Object.keys(COUNTERPART);
const funcs: OracleFunc[] = names.map((n) => ({ name: n, params: [], results: [], body: COUNTERPART[n] }));
const inst = new WebAssembly.Instance(new WebAssembly.Module(oracleModule(funcs, true)));
const ex = inst.exports as Record<string, () => void> & { mem: { buffer: ArrayBuffer } };

const word = fc.integer({ min: -0x80000000, max: 0x7fffffff });
const EDGE = [0, -1, 0x7fc00000, 0x7fa00001, 0x80000000 | 0, 0x4f000000, 0xcf800000 | 0, 0x7ff80000, 0x80808080 | 0,
  0x7f7f7f7f, 0x80008000 | 0, 0x3f800000, 0x10101010, 0x0f0f0f0f];
const wordArb = fc.oneof(word, fc.constantFrom(...EDGE), fc.integer({ min: -200, max: 200 }),
  fc.double({ min: -1e10, max: 1e10 }).map((x) => new Int32Array(new Float32Array([x]).buffer)[0]));
const operands = fc.array(wordArb, { minLength: 12, maxLength: 12 });

function mine(name: string, input: number[]): number[] {
  const w = new Int32Array(20);
  w.set(input);
  SIMD_OPS[opByName(name).id]!(w, 12, 0, 4, 8);
  return [...w.subarray(12, 16)];
}

describe('relaxed SIMD, deterministic profile = the fixed counterparts', () => {
  it('covers every relaxed-simd instruction', () => {
    expect(OPS.filter((o) => o.feature === 'relaxed-simd').map((o) => o.name).sort()).toEqual([...names].sort());
  });
  for (const name of names) {
    it(name, () => {
      setRelaxedDeterministic(true);
      fc.assert(fc.property(operands, (input) => {
        const mem = new Int32Array(ex.mem.buffer);
        mem.set(input);
        ex[name]();
        const ref = [...mem.subarray(16, 20)];
        const got = mine(name, input);
        // the madd/min/max counterparts are float ops: any NaN of the same class is fine
        if (/madd|min|max/.test(name) && !got.every((x, i) => x === ref[i])) {
          const f64 = name.startsWith('f64');
          for (let i = 0; i < 4; i += f64 ? 2 : 1) {
            const nan = (ws: number[]) => (f64 ? ((ws[i + 1] & 0x7ff00000) === 0x7ff00000 && ((ws[i + 1] & 0xfffff) | ws[i]) !== 0)
              : (ws[i] & 0x7fffffff) > 0x7f800000);
            if (nan(ref)) expect(nan(got)).toBe(true);
            else expect(got.slice(i, i + (f64 ? 2 : 1))).toEqual(ref.slice(i, i + (f64 ? 2 : 1)));
          }
          return;
        }
        expect(got).toEqual(ref);
      }), { numRuns: 300 });
    });
  }
});

// ---- hardware-like mode: each lane is the deterministic result or the spec's alternative ----

const s8 = (x: number) => (x << 24) >> 24;
const bytes = (ws: number[]) => [...new Uint8Array(new Int32Array(ws).buffer)];
const f32 = (x: number) => new Float32Array(new Int32Array([x]).buffer)[0];

/** Alternative results allowed by the spec, per lane (null: any value is allowed). */
const ALTERNATIVE: Record<string, (input: number[]) => Array<number | null>> = {
  'i8x16.relaxed_swizzle': (input) => {
    const a = bytes(input.slice(0, 4)), s = bytes(input.slice(4, 8));
    return s.map((j) => (j < 16 ? a[j] : s8(j) < 0 ? 0 : a[j % 16]));
  },
  'i32x4.relaxed_trunc_f32x4_s': (input) => input.slice(0, 4).map((x) => {
    const t = Math.trunc(f32(x));
    return t >= -2147483648 && t < 2147483648 ? t : null;
  }),
  'i8x16.relaxed_laneselect': (input) => {
    const a = bytes(input.slice(0, 4)), b = bytes(input.slice(4, 8)), m = bytes(input.slice(8, 12));
    return m.map((mk, i) => (mk & 0x80 ? a[i] : b[i]));
  },
  'f32x4.relaxed_min': (input) => input.slice(0, 4).map((x, i) => (f32(x) < f32(input[4 + i]) ? x : input[4 + i]) >>> 0),
  'f32x4.relaxed_max': (input) => input.slice(0, 4).map((x, i) => (f32(x) > f32(input[4 + i]) ? x : input[4 + i]) >>> 0),
};

function lanesOf(name: string, ws: number[]): number[] {
  return /^i8x16/.test(name) ? bytes(ws) : ws.map((x) => x >>> 0);
}

describe('relaxed SIMD, hardware-like choices stay inside the allowed set', () => {
  afterAll(() => setRelaxedDeterministic(true));
  for (const name of Object.keys(ALTERNATIVE)) {
    it(name, () => {
      fc.assert(fc.property(operands, (input) => {
        setRelaxedDeterministic(true);
        const det = lanesOf(name, mine(name, input));
        setRelaxedDeterministic(false);
        const hw = lanesOf(name, mine(name, input));
        const alt = ALTERNATIVE[name](input).map((x) => (x === null ? null : /^i8x16/.test(name) ? x : x >>> 0));
        hw.forEach((x, i) => {
          if (x !== det[i] && alt[i] !== null) expect(x, `${name} lane ${i}`).toBe(alt[i]);
        });
      }), { numRuns: 500 });
    });
  }

  it('q15mulr and dot keep their alternatives', () => {
    setRelaxedDeterministic(false);
    const q = mine('i16x8.relaxed_q15mulr_s', [0x80008000 | 0, 0, 0, 0, 0x80008000 | 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(q[0]).toBe(0x80008000 | 0); // -32768 (the spec's second choice)
    const dot = mine('i16x8.relaxed_dot_i8x16_i7x16_s', [0x8080, 0, 0, 0, 0x8181, 0, 0, 0, 0, 0, 0, 0]);
    expect((dot[0] << 16) >> 16).toBe(-32768); // -128 * 129 * 2 saturated: in the test suite's set
    setRelaxedDeterministic(true);
    const dotDet = mine('i16x8.relaxed_dot_i8x16_i7x16_s', [0x8080, 0, 0, 0, 0x8181, 0, 0, 0, 0, 0, 0, 0]);
    expect((dotDet[0] << 16) >> 16).toBe(32512);
  });
});
