// Differential test: every non-memory SIMD instruction (and every v128 load/store form)
// against Node's native WebAssembly on random operands. Operands travel through memory:
// bytes 0..63 hold the v128 operands (0, 16, 32) and a scalar operand (48), which is exactly
// the word layout handed to our functions; the result is stored at byte 64 and compared bit
// for bit, except float lanes where the spec allows any NaN of a class.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OPS, type OpInfo } from '../../syntax/opcodes.js';
import { i32Const, ins, oracleModule, type HostWasmApi, type OracleFunc } from '../numerics/oracle-module.js';
import { SIMD_MEM_OPS, SIMD_OPS, i8x16_shuffle, v128AccessSize } from './table.js';

const WebAssembly = (globalThis as unknown as { WebAssembly: HostWasmApi }).WebAssembly;

const memarg = (offset = 0) => [0, offset];
const LOAD: Record<string, string> = { i32: 'i32.load', i64: 'i64.load', f32: 'f32.load', f64: 'f64.load', v128: 'v128.load' };
const STORE: Record<string, string> = { i32: 'i32.store', i64: 'i64.store', f32: 'f32.store', f64: 'f64.store', v128: 'v128.store' };

const SHUFFLES: number[][] = [
  [...Array(16).keys()], [...Array(16).keys()].map((i) => 31 - i), [0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23],
  [5, 5, 5, 5, 31, 0, 12, 19, 1, 2, 3, 30, 29, 28, 8, 9],
];

interface Case { op: OpInfo; name: string; lane: number; shuffle?: number[] }

const relaxed = (op: OpInfo) => op.feature === 'relaxed-simd';
const simdOps = OPS.filter((op) => op.prefix === 0xfd && !op.imms.includes('memarg') && op.name !== 'v128.const' && !relaxed(op));
const cases: Case[] = [];
for (const op of simdOps) {
  if (op.name === 'i8x16.shuffle') SHUFFLES.forEach((s, i) => cases.push({ op, name: `shuffle${i}`, lane: 0, shuffle: s }));
  else if (op.laneCount > 0) for (let l = 0; l < op.laneCount; l++) cases.push({ op, name: `${op.name}#${l}`, lane: l });
  else cases.push({ op, name: op.name, lane: 0 });
}

function oracleFunc(c: Case): OracleFunc {
  const params = c.op.params!;
  const body: number[] = [...i32Const(64)];
  let v = 0;
  for (const t of params) {
    body.push(...i32Const(t === 'v128' ? 16 * v++ : 48), ...ins(LOAD[t as string], ...memarg()));
  }
  if (c.shuffle) body.push(...ins(c.op.name, ...c.shuffle));
  else if (c.op.laneCount > 0) body.push(...ins(c.op.name, c.lane));
  else body.push(...ins(c.op.name));
  body.push(...ins(STORE[c.op.results![0] as string], ...memarg()));
  return { name: c.name, params: [], results: [], body };
}

const instance = new WebAssembly.Instance(new WebAssembly.Module(oracleModule(cases.map(oracleFunc), true)));
const exportsOf = instance.exports as Record<string, () => void> & { mem: { buffer: ArrayBuffer } };
const nativeMem = () => new Int32Array(exportsOf.mem.buffer);

// ---- inputs: words mixing random bits, float edge values and small integers ----

const word = fc.integer({ min: -0x80000000, max: 0x7fffffff });
const EDGE_WORDS = [0, -1, 1, 0x7fffffff, -0x80000000, 0x7f800000, 0xff800000 | 0, 0x7fc00000, 0xffc00000 | 0,
  0x7fa00001, 0x3f800000, 0xbf000000 | 0, 0x4f000000, 0xcf000000 | 0, 0x4f800000, 0x3fc00000, 0x40200000,
  0x7ff80000, 0x7ff00000, 0x41e00000, 0xc1e00000 | 0, 0x41f00000, 0x80808080 | 0, 0x7f7f7f7f, 0x80008000 | 0,
  0x00ff00ff, 0x01000100, 0x00010000];
const wordArb = fc.oneof(word, word, fc.constantFrom(...EDGE_WORDS), fc.integer({ min: -300, max: 300 }),
  fc.double({ min: -3e9, max: 3e9 }).map((x) => new Int32Array(new Float32Array([x]).buffer)[0]));
const operands = fc.array(wordArb, { minLength: 16, maxLength: 16 });

// ---- NaN rules for float lanes ----

const FLOAT_RESULT = /^f(32x4|64x2)\.(add|sub|mul|div|min|max|sqrt|ceil|floor|trunc|nearest|demote|promote)/;
const isNaN32 = (x: number) => (x & 0x7fffffff) > 0x7f800000;
const isNaN64 = (lo: number, hi: number) => (hi & 0x7fffffff) > 0x7ff00000 || ((hi & 0x7fffffff) === 0x7ff00000 && lo !== 0);

function lanesMatch(c: Case, input: number[], mine: number[], ref: number[]): boolean {
  if (!FLOAT_RESULT.test(c.op.name)) return mine.every((x, i) => x === ref[i]);
  const is64 = c.op.name.startsWith('f64x2');
  const step = is64 ? 2 : 1;
  for (let i = 0; i < 4; i += step) {
    const refNaN = is64 ? isNaN64(ref[i], ref[i + 1]) : isNaN32(ref[i]);
    if (!refNaN) {
      if (mine[i] !== ref[i] || (is64 && mine[i + 1] !== ref[i + 1])) return false;
      continue;
    }
    const myNaN = is64 ? isNaN64(mine[i], mine[i + 1]) : isNaN32(mine[i]);
    const quiet = is64 ? (mine[i + 1] & 0x00080000) !== 0 : (mine[i] & 0x00400000) !== 0;
    if (!myNaN || !quiet) return false;
    // lanewise ops: when every NaN input in this lane is canonical, the result must be too
    if (!/demote|promote/.test(c.op.name)) {
      const ins = [0, 4].map((v) => (is64 ? [input[v + i], input[v + i + 1]] : [input[v + i]]));
      const canon = (p: number[]) => (is64 ? p[0] === 0 && (p[1] & 0x7fffffff) === 0x7ff80000 : (p[0] & 0x7fffffff) === 0x7fc00000);
      const nan = (p: number[]) => (is64 ? isNaN64(p[0], p[1]) : isNaN32(p[0]));
      const used = c.op.params!.length === 1 ? ins.slice(0, 1) : ins;
      if (used.every((p) => !nan(p) || canon(p)) && !canon(is64 ? [mine[i], mine[i + 1]] : [mine[i]])) return false;
    }
  }
  return true;
}

function resultWords(c: Case): number {
  const t = c.op.results![0];
  return t === 'v128' ? 4 : t === 'i64' || t === 'f64' ? 2 : 1;
}

function check(c: Case, input: number[]): void {
  const mem = nativeMem();
  mem.fill(0, 0, 32);
  mem.set(input, 0);
  exportsOf[c.name]();
  const n = resultWords(c);
  const ref = [...mem.subarray(16, 16 + n)];
  for (const d of [16, 0]) {
    const w = new Int32Array(32);
    w.set(input, 0);
    const params = c.op.params!;
    const at = (k: number) => (params[k] === 'v128' ? 4 * k : 12);
    if (c.shuffle) i8x16_shuffle(w, d, 0, 4, c.shuffle);
    else {
      const third = params.length === 3 ? at(2) : c.lane;
      SIMD_OPS[c.op.id]!(w, d, at(0), params.length > 1 ? at(1) : 0, third);
    }
    const mine = [...w.subarray(d, d + n)];
    const hex = (xs: number[]) => xs.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join(' ');
    expect(lanesMatch(c, input, mine, ref), `${c.name} d=${d} in=${hex(input)}\n mine=${hex(mine)}\n  ref=${hex(ref)}`).toBe(true);
  }
}

describe('SIMD vs native WebAssembly', () => {
  it('has a function for every non-memory SIMD instruction but v128.const and shuffle', () => {
    const missing = OPS.filter((op) => op.prefix === 0xfd && !op.imms.includes('memarg') &&
      op.name !== 'v128.const' && op.name !== 'i8x16.shuffle' && SIMD_OPS[op.id] === undefined).map((op) => op.name);
    expect(missing).toEqual([]);
    const memMissing = OPS.filter((op) => op.prefix === 0xfd && op.imms.includes('memarg') && SIMD_MEM_OPS[op.id] === undefined)
      .map((op) => op.name);
    expect(memMissing).toEqual([]);
  });

  for (const c of cases) {
    it(c.name, () => {
      fc.assert(fc.property(operands, (input) => { check(c, input); }), { numRuns: c.op.laneCount > 0 ? 30 : 200 });
    });
  }
});

// ---- memory forms ----

const memOps = OPS.filter((op) => op.prefix === 0xfd && op.imms.includes('memarg'));

function memFunc(op: OpInfo, lane: number): OracleFunc {
  // vector operand at 0, result vector at 16, the access at address 64 + param
  const isStore = op.results!.length === 0;
  const laneImm = op.laneCount > 0 ? [lane] : [];
  const body: number[] = [];
  if (!isStore) body.push(...i32Const(16));
  body.push(...ins('local.get', 0));
  if (op.params!.length === 2) body.push(...i32Const(0), ...ins('v128.load', ...memarg()));
  body.push(...ins(op.name, 0, 64, ...laneImm));
  if (!isStore) body.push(...ins('v128.store', ...memarg()));
  return { name: `${op.name}#${lane}`, params: ['i32'], results: [], body };
}

const memCases = memOps.flatMap((op) => Array.from({ length: Math.max(1, op.laneCount) }, (_, l) => ({ op, lane: l })));
const memInstance = new WebAssembly.Instance(new WebAssembly.Module(oracleModule(memCases.map((c) => memFunc(c.op, c.lane)), true)));
const memExports = memInstance.exports as Record<string, (addr: number) => void> & { mem: { buffer: ArrayBuffer } };

describe('SIMD memory forms vs native WebAssembly', () => {
  for (const { op, lane } of memCases) {
    it(`${op.name}#${lane}`, () => {
      fc.assert(fc.property(fc.uint8Array({ minLength: 128, maxLength: 128 }), fc.integer({ min: 0, max: 40 }), (bytes, p) => {
        const native = new Uint8Array(memExports.mem.buffer);
        native.set(bytes);
        memExports[`${op.name}#${lane}`](p);
        const mine = bytes.slice();
        const w = new Int32Array(mine.buffer.slice(0, 32));
        SIMD_MEM_OPS[op.id]!(w, 4, 0, mine, 64 + p, lane);
        if (op.results!.length === 0) {
          expect([...mine]).toEqual([...native.subarray(0, 128)]);
        } else {
          expect([...new Uint8Array(w.buffer, 16, 16)]).toEqual([...native.subarray(16, 32)]);
        }
        expect(v128AccessSize(op.name)).toBeGreaterThan(0);
      }), { numRuns: 30 });
    });
  }
});
