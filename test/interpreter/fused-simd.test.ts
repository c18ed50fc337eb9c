// Fast-mode SIMD forms against Node's native WebAssembly (an oracle for tests only): the lane
// ops the run loop does inline (narrow with and without saturation, splats), a shuffle of one operand's half feeding an extend_low (one
// extend_low/high), shuffles that move whole words, v128.load32/64_zero with folded address
// adds (and their traps), i16x8.shr_u by a constant, a clamp (pmax then pmin) and a v128.load
// merged into the i32x4/f32x4 add or mul using it (both sides, NaN lanes, traps), and u8 -> i32
// widening by two extends (of a splat or not), and a shuffle and-ed with a constant. Operands come from memory bytes
// 0..31, results go to bytes 32..47; exact mode (no fusion) must agree bit for bit.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { watToBinary } from '../../src/text/index.js';
import { invoke } from '../../src/interpreter/invoke.js';
import { I } from '../../src/interpreter/internal-ops.js';
import { Trap } from '../../src/errors.js';
import { fastOps, fn, load } from './helpers.js';

const A = '(v128.load (i32.const 0))', B = '(v128.load (i32.const 16))';
const out = (e: string): string => `(v128.store (i32.const 32) ${e})`;
const half = (lanes: number[]): string => [...lanes, 0, 0, 0, 0, 0, 0, 0, 0].join(' ');
const seq = (from: number): number[] => [...Array(8).keys()].map((i) => from + i);

/** name -> body computing into bytes 32..47 */
const BODIES: Record<string, string> = {
  add16: out(`(i16x8.add ${A} ${B})`),
  mul16: out(`(i16x8.mul ${A} ${B})`),
  eq8: out(`(i8x16.eq ${A} ${B})`),
  eq8self: out(`(i8x16.eq ${A} (i8x16.shuffle ${[...Array(16).keys()].map((i) => (i % 3 === 0 ? 16 + i : i)).join(' ')} ${A} ${B}))`),
  max32: out(`(i32x4.max_s ${A} ${B})`),
  pmin: out(`(f32x4.pmin ${A} ${B})`),
  pmax: out(`(f32x4.pmax ${A} ${B})`),
  ext16u: out(`(i16x8.extend_low_i8x16_u ${A})`),
  narrow: out(`(i8x16.narrow_i16x8_u ${A} ${B})`),
  // widening multiply-add as clang vectorizes u8 blends (I16X8_MUL_EXTEND, I16X8_ADD_SHR_U_IMM)
  blend: out(`(i8x16.narrow_i16x8_u
    (i16x8.shr_u (i16x8.add (i16x8.mul ${B} (i16x8.extend_low_i8x16_u ${A})) (i16x8.mul (i16x8.extend_high_i8x16_u ${B}) ${A})) (i32.const 8))
    (i16x8.shr_u (i16x8.add (i16x8.mul (i16x8.extend_high_i8x16_u ${A}) ${B}) (i16x8.mul ${A} (i16x8.extend_low_i8x16_u ${B}))) (i32.const 15)))`),
  addshr0: out(`(i16x8.shr_u (i16x8.add ${A} ${B}) (i32.const 16))`),
  narrow8: out(`(i8x16.narrow_i16x8_u (i16x8.shr_u ${A} (i32.const 8)) (i16x8.shr_u ${B} (i32.const 9)))`),
  splat32: out('(i32x4.splat (i32.load (i32.const 4)))'),
  splatf32: out('(f32x4.splat (f32.load (i32.const 12)))'),
  splat64: out('(i64x2.splat (i64.load (i32.const 8)))'),
  splatf64: out('(f64x2.splat (f64.load (i32.const 24)))'),
  ext32u: out(`(i32x4.extend_low_i16x8_u ${A})`),
  // u8 -> i32 widening: two extends (I32X4_EXTEND_U8), of a splat's scalar too (the splat dropped)
  ext8to32: out(`(i32x4.extend_low_i16x8_u (i16x8.extend_low_i8x16_u ${A}))`),
  ext8to32s: out('(i32x4.extend_low_i16x8_u (i16x8.extend_low_i8x16_u (i32x4.splat (i32.load (i32.const 5)))))'),
  ext8to32w: out('(i32x4.extend_low_i16x8_u (i16x8.extend_low_i8x16_u (i64x2.splat (i64.load (i32.const 3)))))'),
  ext8to32l: `(local v128) (local.set 0 (i32x4.splat (i32.load (i32.const 6))))
    ${out('(i32x4.extend_low_i16x8_u (i16x8.extend_low_i8x16_u (local.get 0)))')}`,
  // a shuffle and-ed with a loop constant (V128_SHUFFLE_MASKED), the constant either side
  shm1: `(loop ${out(`(v128.and (i8x16.shuffle 0 0 0 0 1 0 0 0 2 0 0 0 3 0 0 0 ${A} ${B}) (v128.const i32x4 1 1 1 1))`)})`,
  shm3: `(loop ${out(`(v128.and (i8x16.shuffle 0 9 9 9 1 0 0 0 2 4 4 4 3 0 0 0 ${A} ${B}) (v128.const i32x4 0x31 0x31 0x31 0x31))`)})`,
  shm2: `(loop ${out(`(v128.and (v128.const i32x4 0xff00ff01 0 0x80 -1) (i8x16.shuffle 31 0 17 5 1 9 0 30 2 3 16 0 3 22 7 8 ${A} ${B}))`)})`,
  // clamp: pmin(pmax(a, b), c) is one F32X4_PMAX_PMIN (c overlapping a and b, or a itself)
  clamp: `(local v128) (local.set 0 (v128.load (i32.const 8))) ${out(`(f32x4.pmin (f32x4.pmax ${A} ${B}) (local.get 0))`)}`,
  clampa: `(local v128) (local.set 0 ${A}) ${out(`(f32x4.pmin (f32x4.pmax (local.get 0) ${B}) (local.get 0))`)}`,
  // a load as the right operand (d = x: the left is a temporary too) or the left one (V128_OP_LOAD)
  ...Object.fromEntries(['f32x4.add', 'f32x4.mul', 'i32x4.add', 'i32x4.mul'].flatMap((op) => [
    [`ol_${op}`, out(`(${op} ${A} (v128.load offset=4 (i32.const 8)))`)],
    [`or_${op}`, `(local v128) (local.set 0 ${B}) ${out(`(${op} (v128.load (i32.const 0)) (local.get 0))`)}`],
  ])),
  // shuffle + extend_low: each half of each operand, each lane shape and sign
  ...Object.fromEntries(['i16x8.extend_low_i8x16', 'i32x4.extend_low_i16x8', 'i64x2.extend_low_i32x4'].flatMap((x, k) =>
    ['s', 'u'].flatMap((sg) => [0, 8, 16, 24].map((from) =>
      [`sx${k}${sg}${from}`, out(`(${x}_${sg} (i8x16.shuffle ${half(seq(from))} ${A} ${B}))`)])))),
  // look-alikes that must not fuse: not a whole half, or not in order
  sxmiss1: out(`(i16x8.extend_low_i8x16_u (i8x16.shuffle ${half([8, 9, 10, 11, 12, 13, 14, 0])} ${A} ${B}))`),
  sxmiss2: out(`(i16x8.extend_low_i8x16_u (i8x16.shuffle ${half([4, 5, 6, 7, 8, 9, 10, 11])} ${A} ${B}))`),
  // the shuffled value also used elsewhere (a local): the extend reads the right operand
  sxlocal: `(local v128) (local.set 0 ${A})
    (v128.store (i32.const 32) (i16x8.extend_low_i8x16_u (i8x16.shuffle ${half(seq(8))} (local.get 0) ${B})))
    (v128.store (i32.const 0) (local.get 0))`,
  shw1: out(`(i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 0 1 2 3 ${A} ${B})`),
  shw2: out(`(i8x16.shuffle 28 29 30 31 16 17 18 19 4 5 6 7 24 25 26 27 ${A} ${B})`),
  shb: out(`(i8x16.shuffle 0 0 0 0 1 0 0 0 2 0 0 0 3 0 0 0 ${A} ${B})`),
  shr0: out(`(i16x8.shr_u ${A} (i32.const 0))`),
  shr8: out(`(i16x8.shr_u ${A} (i32.const 8))`),
  shr15: out(`(i16x8.shr_u ${A} (i32.const 15))`),
  shr17: out(`(i16x8.shr_u ${A} (i32.const 17))`),
  shrm1: out(`(i16x8.shr_u ${A} (i32.const -1))`),
};

const ADDR_BODIES: Record<string, string> = {
  lz32: out('(v128.load32_zero offset=3 (i32.add (local.get 0) (i32.const 5)))'),
  lz64: out('(v128.load64_zero offset=1 (local.get 0))'),
  // (integer lanes: random bytes would make infinities, and 0 * inf's NaN sign is the engine's choice)
  olm: out(`(i32x4.mul ${B} (v128.load offset=3 (i32.add (local.get 0) (i32.const 5))))`),
  oli: out(`(i32x4.add ${B} (v128.load offset=2 (local.get 0)))`),
  // a[i] += x and a[i] *= x in place (V128_OP_LOAD storing back), and a look-alike storing elsewhere
  rmwa: `(v128.store offset=6 (local.get 0) (i32x4.add ${B} (v128.load offset=6 (local.get 0))))`,
  rmwm: `(local v128) (local.set 1 ${A}) (v128.store offset=1 (local.get 0) (i32x4.mul (v128.load offset=1 (local.get 0)) (local.get 1)))`,
  rmwx: `(v128.store offset=7 (local.get 0) (i32x4.add ${B} (v128.load offset=6 (local.get 0))))`,
};

const wat = `(module (memory (export "mem") 1)
  ${Object.entries(BODIES).map(([n, b]) => `(func (export "${n}") ${b})`).join('\n  ')}
  ${Object.entries(ADDR_BODIES).map(([n, b]) => `(func (export "${n}") (param i32) ${b})`).join('\n  ')}
)`;

describe('fused and inline SIMD forms against native WebAssembly', () => {
  const nativeInst = new WebAssembly.Instance(new WebAssembly.Module(watToBinary(wat)));
  const native = nativeInst.exports as Record<string, (...a: number[]) => void> & { mem: WebAssembly.Memory };
  const inst = load(wat);
  const ours = () => inst.memories[0].u8;
  const theirs = () => new Uint8Array(native.mem.buffer);
  const setInputs = (bytes: number[]): void => { ours().set(bytes); theirs().set(bytes); };
  const result = (u8: Uint8Array): number[] => [...u8.subarray(0, 48)];
  const run = (f: string, mode: 'fast' | 'exact', args: number[]): string | number[] => {
    try {
      invoke(fn(inst, f), args.map((value) => ({ type: 'i32', value })), { mode });
      return result(ours());
    } catch (e) {
      if (!(e instanceof Trap)) throw e;
      return `trap ${e.message} at ${e.wasmStack[0]?.offset}`;
    }
  };

  // bytes biased to the values lane ops treat specially: 0, -1, 0x80, 0x7f, and float NaNs
  const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0, 0xff, 0x80, 0x7f, 0xc0, 0x7f));
  const floatWord = fc.constantFrom([0, 0, 0xc0, 0x7f], [1, 0, 0xa0, 0xff], [0, 0, 0, 0x80], [0, 0, 0, 0], [0, 0, 0x80, 0x3f]);
  const inputs = fc.oneof(fc.array(byte, { minLength: 32, maxLength: 32 }),
    fc.array(floatWord, { minLength: 8, maxLength: 8 }).map((ws) => ws.flat()));

  it('agree on every lane op, fused or inline, with exact mode too', () => {
    fc.assert(fc.property(inputs, (bytes) => {
      for (const f of Object.keys(BODIES)) {
        setInputs(bytes);
        native[f]();
        const want = result(theirs());
        setInputs(bytes);
        expect({ f, bytes, got: run(f, 'fast', []) }).toEqual({ f, bytes, got: want });
        setInputs(bytes);
        expect({ f, bytes, got: run(f, 'exact', []) }).toEqual({ f, bytes, got: want });
      }
    }), { numRuns: 200 });
  });

  it('agree on load32_zero / load64_zero, traps at the instruction offset', () => {
    const addr = fc.oneof(fc.integer({ min: 0, max: 65536 }), fc.constantFrom(65524, 65527, 65528, 65535, -5, -8, -1));
    fc.assert(fc.property(fc.array(byte, { minLength: 64, maxLength: 64 }), addr, (bytes, a) => {
      for (const f of Object.keys(ADDR_BODIES)) {
        const at = Math.max(0, Math.min(a, 65536 - 64));
        // each run from the same memory (the loaded bytes may overlap the result's)
        const prep = (m: Uint8Array): void => { m.fill(0, 0, 128); m.set(bytes, at); };
        prep(theirs());
        let want: string | number[];
        try { native[f](a); want = result(theirs()); } catch { want = 'trap'; }
        prep(ours());
        const fast = run(f, 'fast', [a]);
        prep(ours());
        const exact = run(f, 'exact', [a]);
        if (want === 'trap') {
          expect(fast).toMatch(/^trap out of bounds memory access at \d+/);
          expect(fast).toBe(exact);
        } else {
          expect({ f, a, fast }).toEqual({ f, a, fast: want });
          expect({ f, a, exact }).toEqual({ f, a, exact: want });
        }
      }
    }), { numRuns: 200 });
  });

  it('emits the fused forms (so the tests above exercise them)', () => {
    const ops = (name: string): number[] => fastOps(inst, name);
    expect(ops('sx0u8')).toContain(I.I16X8_EXTEND_HIGH_I8X16_U);
    expect(ops('sx0u8')).not.toContain(I.V128_SHUFFLE);
    expect(ops('sx1s24')).toContain(I.V128_UN);
    expect(ops('sx1s24')).not.toContain(I.V128_SHUFFLE);
    expect(ops('sxmiss1')).toContain(I.V128_SHUFFLE);
    expect(ops('shw2')).toContain(I.V128_SHUFFLE_W);
    expect(ops('shb')).toContain(I.V128_SHUFFLE);
    expect(ops('shr8')).toContain(I.I16X8_SHR_U_IMM);
    expect(ops('lz32')).toContain(I.V128_LOAD32_ZERO);
    expect(ops('lz64')).toContain(I.V128_LOAD64_ZERO);
    expect(ops('splatf32')).toContain(I.I32X4_SPLAT);
    expect(ops('blend')).toContain(I.I16X8_MUL_EXTEND);
    expect(ops('blend')).toContain(I.I16X8_ADD_SHR_U_IMM);
    expect(ops('blend')).not.toContain(I.I16X8_EXTEND_LOW_I8X16_U);
    expect(ops('splatf64')).toContain(I.I64X2_SPLAT);
    for (const f of ['ext8to32', 'ext8to32s', 'ext8to32w', 'ext8to32l']) {
      expect(ops(f), f).toContain(I.I32X4_EXTEND_U8);
      expect(ops(f), f).not.toContain(I.I16X8_EXTEND_LOW_I8X16_U);
    }
    expect(ops('ext8to32s')).not.toContain(I.I32X4_SPLAT);
    expect(ops('ext8to32w')).not.toContain(I.I64X2_SPLAT);
    expect(ops('ext8to32l')).toContain(I.I32X4_SPLAT); // into a local: kept
    expect(ops('shm1')).toContain(I.I32X4_EXTEND_U8);
    expect(ops('shm2')).toContain(I.V128_SHUFFLE_MASKED);
    expect(ops('shm3')).toContain(I.I32X4_EXTEND_U8);
    for (const f of ['shm1', 'shm2', 'shm3']) expect(ops(f), f).not.toContain(I.V128_SHUFFLE);
    expect(ops('clamp')).toContain(I.F32X4_PMAX_PMIN);
    expect(ops('clamp')).not.toContain(I.F32X4_PMIN);
    expect(ops('clampa')).toContain(I.F32X4_PMAX_PMIN);
    for (const op of ['f32x4.add', 'f32x4.mul', 'i32x4.add', 'i32x4.mul']) {
      for (const side of ['ol', 'or']) {
        expect(ops(`${side}_${op}`), `${side}_${op}`).toContain(I.V128_OP_LOAD);
      }
    }
    expect(ops('olm')).toContain(I.V128_OP_LOAD);
    expect(ops('oli')).toContain(I.V128_OP_LOAD);
    for (const f of ['rmwa', 'rmwm']) {
      expect(ops(f), f).toContain(I.V128_OP_LOAD);
      expect(ops(f), f).not.toContain(I.V128_STORE);
    }
    expect(ops('rmwx')).toContain(I.V128_STORE);
  });
});
