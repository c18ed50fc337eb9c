// Differential test: every scalar numeric instruction in SCALAR_OPS against Node's native
// WebAssembly on random and edge-case operands, comparing result bits. Floats cross the JS
// boundary as integer bits (reinterpreted inside the module) so NaN payloads are compared too.
// Where the spec leaves a NaN's bits open, the result must still be in the allowed set.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OPS, type OpInfo } from '../../syntax/opcodes.js';
import type { ValType } from '../../syntax/types.js';
import { Trap } from '../../errors.js';
import { SCALAR_OPS } from './table.js';
import { ins, oracleModule, type HostWasmApi, type OracleFunc } from './oracle-module.js';

const WebAssembly = (globalThis as unknown as { WebAssembly: HostWasmApi }).WebAssembly;

type Num = 'i32' | 'i64' | 'f32' | 'f64';
const BITS_TYPE: Record<Num, ValType> = { i32: 'i32', f32: 'i32', i64: 'i64', f64: 'i64' };

// Node 20's engine has no wide arithmetic: i64-model.test.ts checks those against BigInt.
const ops: OpInfo[] = OPS.filter((op) => SCALAR_OPS[op.id] !== undefined && op.feature !== 'wide-arithmetic');
const ident = (op: OpInfo) => op.name.replace(/\./g, '_');

function oracleFunc(op: OpInfo): OracleFunc {
  const params = op.params as Num[];
  const results = op.results as Num[];
  const body: number[] = [];
  params.forEach((t, i) => {
    body.push(...ins('local.get', i));
    if (t === 'f32') body.push(...ins('f32.reinterpret_i32'));
    if (t === 'f64') body.push(...ins('f64.reinterpret_i64'));
  });
  body.push(...ins(op.name));
  if (results.length === 1 && results[0] === 'f32') body.push(...ins('i32.reinterpret_f32'));
  if (results.length === 1 && results[0] === 'f64') body.push(...ins('i64.reinterpret_f64'));
  return { name: ident(op), params: params.map((t) => BITS_TYPE[t]), results: results.map((t) => BITS_TYPE[t]), body };
}

const native = new WebAssembly.Instance(new WebAssembly.Module(oracleModule(ops.map(oracleFunc)))).exports as
  Record<string, (...args: unknown[]) => unknown>;

// ---- operand generators (words) ----

const F32_EDGES = [0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7fa00001, 0xff800001,
  0x7fffffff, 0x00000001, 0x80000001, 0x007fffff, 0x00800000, 0x7f7fffff, 0xff7fffff, 0x3f800000, 0xbf800000,
  0x3f000000, 0xbf000000, 0x3fc00000, 0x40200000, 0xc0200000, 0x4f000000, 0xcf000000, 0x4effffff, 0xcf000001,
  0x4f800000, 0x4f7fffff, 0x5f000000, 0xdf000000, 0x5effffff, 0xdf000001, 0x5f800000, 0x5f7fffff, 0xbf7fffff,
  0x4b000000, 0x4b7fffff, 0x4affffff, 0x3effffff, 0x3f000001, 0xbf800001, 0xbf7ffffe].map((x) => x | 0);

const F64_EDGES: Array<[number, number]> = [
  [0, 0], [0, 0x80000000], [0, 0x7ff00000], [0, 0xfff00000], [0, 0x7ff80000], [0, 0xfff80000], [1, 0x7ff00000],
  [1, 0x7ff40000], [0, 0x7ff40000], [0xffffffff, 0x7fffffff], [1, 0], [1, 0x80000000], [0xffffffff, 0x000fffff],
  [0, 0x00100000], [0xffffffff, 0x7fefffff], [0, 0x3ff00000], [0, 0xbff00000], [0, 0x3fe00000], [0, 0xbfe00000],
  [0, 0x3ff80000], [0, 0x40040000], [0, 0xc0040000], [0, 0x41e00000], [0, 0xc1e00000], [0xffc00000, 0x41dfffff],
  [0x00200000, 0xc1e00000], [0, 0x41f00000], [0xffe00000, 0x41efffff], [0, 0x43e00000], [0, 0xc3e00000],
  [0xffffffff, 0x43dfffff], [1, 0xc3e00000], [0, 0x43f00000], [0xffffffff, 0x43efffff], [0xffffffff, 0xbfefffff],
  [0, 0x43300000], [0xffffffff, 0x4330ffff], [0xffffffff, 0x3fdfffff], [1, 0x3fe00000], [0xa0000000, 0x36a00000],
  [0xe0000000, 0x47efffff], [0xf0000000, 0x47efffff], [0x10000000, 0x36a00000], [0, 0x36900000],
].map(([l, h]) => [l | 0, h | 0]);

const I32_EDGES = [0, 1, -1, 2, -2, 0x7fffffff, -0x80000000, 31, 32, 33, 63, 64, 0x80, 0xff, 0x8000, 0xffff,
  0x10000, 0x1000000, -0x7fffffff];

const word = fc.integer({ min: -0x80000000, max: 0x7fffffff });
const i32Arb = fc.oneof(word, fc.constantFrom(...I32_EDGES), fc.integer({ min: -100, max: 100 }));
// values near f32/f64 halfway points, nudged by a few units: double rounding shows here
const nearHalfway =
  fc.tuple(fc.integer({ min: 20, max: 62 }), fc.integer({ min: -3, max: 3 }), fc.boolean(),
    fc.constantFrom(0n, 1n, 2n, 3n), fc.constantFrom(24, 25, 53, 54)).map(([k, e, neg, m, p]) => {
    const half = k > p ? (1n << BigInt(k - p)) * m : 0n;
    let v = (1n << BigInt(k)) + half + BigInt(e);
    if (neg) v = -v;
    return [Number(BigInt.asIntN(32, v)), Number(BigInt.asIntN(32, v >> 32n))] as [number, number];
  });
const i64Arb = fc.oneof(
  fc.tuple(word, word),
  nearHalfway, nearHalfway, nearHalfway,
  fc.tuple(fc.constantFrom(...I32_EDGES), fc.constantFrom(0, -1, 0x7fffffff, -0x80000000, 1, 0x200000, -0x200000)),
  fc.tuple(i32Arb, fc.constant(0)),
  fc.integer({ min: -1000, max: 1000 }).map((v) => [v, v < 0 ? -1 : 0] as [number, number]),
).map(([lo, hi]) => [lo, hi]);
const f32Arb = fc.oneof(word, fc.constantFrom(...F32_EDGES),
  fc.double({ min: -1e10, max: 1e10, noNaN: true }).map((x) => { const f = new Float32Array([x]); return new Int32Array(f.buffer)[0]; }),
  fc.integer({ min: -50, max: 50 }).map((n) => { const f = new Float32Array([n / 2]); return new Int32Array(f.buffer)[0]; }));
const f64Arb = fc.oneof(fc.tuple(word, word), fc.constantFrom(...F64_EDGES),
  fc.double({ noNaN: false }).map((x) => { const f = new Float64Array([x]); return [...new Int32Array(f.buffer)] as [number, number]; }),
  fc.integer({ min: -50, max: 50 }).map((n) => { const f = new Float64Array([n / 2]); return [...new Int32Array(f.buffer)] as [number, number]; }));

const ARB: Record<Num, fc.Arbitrary<number[]>> = {
  i32: i32Arb.map((x) => [x]),
  f32: f32Arb.map((x) => [x]),
  i64: i64Arb,
  f64: f64Arb.map((p) => [p[0], p[1]]),
};

// ---- NaN rules ----

const isNaN32 = (x: number) => (x & 0x7fffffff) > 0x7f800000;
const isNaN64 = (lo: number, hi: number) => (hi & 0x7fffffff) > 0x7ff00000 || ((hi & 0x7fffffff) === 0x7ff00000 && lo !== 0);
const canon32 = (x: number) => (x & 0x7fffffff) === 0x7fc00000;
const canon64 = (lo: number, hi: number) => lo === 0 && (hi & 0x7fffffff) === 0x7ff80000;

/** Ops whose NaN results are fully determined (sign and bit moves). */
const BIT_EXACT = /\.(abs|neg|copysign)$|reinterpret/;

function nanAllowed(op: OpInfo, args: number[][], res: number[]): boolean {
  const t = op.results![0] as Num;
  const params = op.params as Num[];
  const nanArgs = args.filter((a, i) => (params[i] === 'f32' ? isNaN32(a[0]) : params[i] === 'f64' ? isNaN64(a[0], a[1]) : false));
  const allCanon = nanArgs.every((a, i) => (a.length === 1 ? canon32(a[0]) : canon64(a[0], a[1])) || i < 0);
  if (t === 'f32') {
    if (!isNaN32(res[0]) || !(res[0] & 0x00400000)) return false;
    return !allCanon || canon32(res[0]);
  }
  if (!isNaN64(res[0], res[1]) || !(res[1] & 0x00080000)) return false;
  return !allCanon || canon64(res[0], res[1]);
}

// ---- running both ----

type Outcome = { trap: string } | { words: number[] };

function runMine(op: OpInfo, args: number[][], alias: boolean): Outcome {
  const w = new Int32Array(32);
  args.forEach((a, i) => { w[2 * i] = a[0]; if (a.length > 1) w[2 * i + 1] = a[1]; });
  const d = alias ? 0 : 16;
  try {
    SCALAR_OPS[op.id]!(w, d, 0, op.params!.length === 4 ? 4 : 2);
  } catch (e) {
    if (e instanceof Trap) return { trap: e.kind };
    throw e;
  }
  const words: number[] = [];
  op.results!.forEach((t, i) => {
    words.push(w[d + 2 * i]);
    if (t === 'i64' || t === 'f64') words.push(w[d + 2 * i + 1]);
  });
  return { words };
}

function toBig(lo: number, hi: number): bigint {
  return (BigInt(hi) << 32n) | BigInt(lo >>> 0);
}

function runNative(op: OpInfo, args: number[][]): Outcome {
  const params = op.params as Num[];
  const jsArgs = args.map((a, i) => (BITS_TYPE[params[i]] === 'i64' ? toBig(a[0], a[1]) : a[0]));
  let r: unknown;
  try {
    r = native[ident(op)](...jsArgs);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) return { trap: (e as Error).message };
    throw e;
  }
  const list = op.results!.length === 1 ? [r] : (r as unknown[]);
  const words: number[] = [];
  list.forEach((v) => {
    if (typeof v === 'bigint') words.push(Number(BigInt.asIntN(32, v)), Number(BigInt.asIntN(32, v >> 32n)));
    else words.push((v as number) | 0);
  });
  return { words };
}

/** V8's trap messages, by the spec's. */
function trapMatches(mine: string, v8: string): boolean {
  if (mine === 'integer divide by zero') return /by zero/.test(v8);
  if (mine === 'integer overflow') return /unrepresentable/.test(v8);
  if (mine === 'invalid conversion to integer') return /float unrepresentable/.test(v8);
  return false;
}

function check(op: OpInfo, args: number[][]): void {
  for (const alias of [false, true]) {
    const mine = runMine(op, args, alias);
    const ref = runNative(op, args);
    const ctx = `${op.name}(${JSON.stringify(args.map((a) => a.map((x) => (x >>> 0).toString(16))))}) alias=${alias}`;
    if ('trap' in ref || 'trap' in mine) {
      expect('trap' in mine && 'trap' in ref && trapMatches(mine.trap, ref.trap), `${ctx}: ${JSON.stringify(mine)} vs ${JSON.stringify(ref)}`).toBe(true);
      if ('trap' in mine && mine.trap === 'invalid conversion to integer') {
        const a = args[0];
        expect(a.length === 1 ? isNaN32(a[0]) : isNaN64(a[0], a[1]), ctx).toBe(true);
      }
      continue;
    }
    const m = (mine as { words: number[] }).words, r = (ref as { words: number[] }).words;
    const t = op.results![0];
    const refNaN = op.results!.length === 1 && (t === 'f32' ? isNaN32(r[0]) : t === 'f64' ? isNaN64(r[0], r[1]) : false);
    if (refNaN && !BIT_EXACT.test(op.name)) {
      expect(nanAllowed(op, args, m), `${ctx}: NaN result ${m.map((x) => (x >>> 0).toString(16))} not allowed`).toBe(true);
    } else {
      expect(m.map((x) => (x >>> 0).toString(16)), ctx).toEqual(r.map((x) => (x >>> 0).toString(16)));
    }
  }
}

describe('scalar numerics vs native WebAssembly', () => {
  it('covers every fixed-signature scalar numeric instruction', () => {
    const names = ops.map((o) => o.name);
    for (const n of ['i64.mul', 'i64.div_s', 'f32.nearest', 'f64.promote_f32', 'f32.convert_i64_u', 'i64.trunc_sat_f64_u', 'i32.rotl'])
      expect(names).toContain(n);
    const missing = OPS.filter((o) => o.prefix !== 0xfd && o.params && o.results && o.results.length > 0 &&
      [...o.params, ...o.results].every((t) => t === 'i32' || t === 'i64' || t === 'f32' || t === 'f64') &&
      !/load|const|atomic|memory|^ref|^i31|^array/.test(o.name) && SCALAR_OPS[o.id] === undefined).map((o) => o.name);
    expect(missing).toEqual([]);
  });

  for (const op of ops) {
    it(op.name, () => {
      const argArb = fc.tuple(...(op.params as Num[]).map((t) => ARB[t]));
      fc.assert(fc.property(argArb, (args) => { check(op, args); }), { numRuns: 400 });
    });
  }
});
