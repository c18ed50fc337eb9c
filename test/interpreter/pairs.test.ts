// Fallthrough pairs (src/interpreter/pairs.ts): the rewrite itself on synthetic code, and
// functions whose fast code holds every pair, run against exact mode (no pairs) and Node's
// native WebAssembly: same memory, same results, same traps at the same wasm offsets.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { watToBinary } from '../../src/text/index.js';
import { invoke } from '../../src/interpreter/invoke.js';
import { fastCode } from '../../src/interpreter/translate.js';
import { I, THEN_PAIRS } from '../../src/interpreter/internal-ops.js';
import { pairUp } from '../../src/interpreter/pairs.js';
import { Trap } from '../../src/errors.js';
import type { Value } from '../../src/runtime/objects.js';
import { fn, load } from './helpers.js';

describe('pairUp', () => {
  it('rewrites the first of each listed pair, never a B that another pair falls into', () => {
    const ld = (d: number): number[] => [I.V128_LOAD, d, 0, 0, 16 * d];
    const code = [...ld(1), ...ld(2), ...ld(3), I.F32X4_MUL, 4, 3, 1, I.MOV, 5, 4, ...ld(6), ...ld(7)];
    pairUp(code);
    expect(code[0]).toBe(I.V128_LOAD_THEN_V128_LOAD);
    expect(code[5]).toBe(I.V128_LOAD); // B of the first pair
    expect(code[10]).toBe(I.V128_LOAD_THEN_F32X4);
    expect(code[15]).toBe(I.F32X4_MUL);
    expect(code[19]).toBe(I.MOV);
    expect(code[22]).toBe(I.V128_LOAD_THEN_V128_LOAD);
    expect(code[27]).toBe(I.V128_LOAD); // last instruction: nothing follows
  });

  it('lists each pair once, with a dedicated opcode per first instruction', () => {
    const seen = new Set<string>();
    for (const [a, b, then] of THEN_PAIRS) {
      expect(seen.has(`${a} ${b}`)).toBe(false);
      seen.add(`${a} ${b}`);
      for (const [a2, , then2] of THEN_PAIRS) if (then2 === then) expect(a2).toBe(a);
    }
  });
});

const wat = `(module (memory (export "mem") 1)
  ;; c[j] += x * b[j], unrolled twice the way clang does it (the second address in a local)
  (func (export "mm") (param $b i32) (param $c i32) (param $n i32) (param $x f64) (local $j i32) (local $t i32)
    (loop $l
      (f64.store (local.get $c) (f64.add (f64.mul (local.get $x) (f64.load (local.get $b))) (f64.load (local.get $c))))
      (local.set $t (i32.add (local.get $c) (i32.const 8)))
      (f64.store (local.get $t) (f64.add (f64.mul (local.get $x) (f64.load offset=8 (local.get $b))) (f64.load (local.get $t))))
      (local.set $c (i32.add (local.get $c) (i32.const 16)))
      (local.set $b (i32.add (local.get $b) (i32.const 16)))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 2))) (local.get $n)))))
  ;; v128.load then a lane op on it, and two loads in a row
  (func (export "vf") (param $p i32) (param $q i32) (local $v v128)
    (local.set $v (v128.load (i32.const 48)))
    (v128.store (i32.const 0) (f32x4.mul (v128.load (local.get $p)) (v128.load offset=4 (local.get $q))))
    (v128.store (i32.const 16) (f32x4.sub (local.get $v) (v128.load (local.get $q))))
    (v128.store (i32.const 32) (f32x4.add (local.get $v) (v128.load offset=3 (local.get $p)))))
  (func (export "vi") (param $p i32) (param $q i32) (local $v v128)
    (local.set $v (v128.load (i32.const 48)))
    (v128.store (i32.const 0) (i32x4.mul (v128.load (local.get $p)) (v128.load offset=4 (local.get $q))))
    (v128.store (i32.const 16) (v128.xor (local.get $v) (v128.load (local.get $q))))
    (v128.store (i32.const 32) (i32x4.add (local.get $v) (v128.load offset=3 (local.get $p))))
    (v128.store (i32.const 48) (i32x4.sub (local.get $v) (v128.load offset=5 (local.get $p))))
    (v128.store (i32.const 64) (v128.and (local.get $v) (v128.load offset=7 (local.get $p))))
    (v128.store (i32.const 80) (v128.or (local.get $v) (v128.load offset=9 (local.get $q)))))
)`;

describe('fallthrough pairs against exact mode and native WebAssembly', () => {
  const native = new WebAssembly.Instance(new WebAssembly.Module(watToBinary(wat))).exports as
    Record<string, (...a: number[]) => void> & { mem: WebAssembly.Memory };
  const inst = load(wat);
  const ours = (): Uint8Array => inst.memories[0].u8;
  const theirs = (): Uint8Array => new Uint8Array(native.mem.buffer);
  const run = (f: string, mode: 'fast' | 'exact', args: Value[]): string | number[] => {
    try {
      invoke(fn(inst, f), args, { mode });
      return [...ours()];
    } catch (e) {
      if (!(e instanceof Trap)) throw e;
      return `trap ${e.message} at ${e.wasmStack[0]?.offset}`;
    }
  };

  it('holds every pair in the fast code of these functions', () => {
    const all = new Set<number>();
    for (const f of ['mm', 'vf', 'vi']) for (const w of fastCode(fn(inst, f)).code) all.add(w);
    for (const [, , then] of THEN_PAIRS) expect(all.has(then), `pair op ${then}`).toBe(true);
  });

  // bytes up to 0x3f: every f32/f64 read is finite and small, so no NaN appears (whose bits
  // engines may choose differently); NaN propagation has its own tests (fused-memory)
  const bytes = fc.uint8Array({ minLength: 256, maxLength: 256, max: 0x3f });
  const addr = fc.oneof(fc.integer({ min: 0, max: 65536 }), fc.constantFrom(65520, 65521, 65532, 65536, -4));

  it('agree on memory and traps', () => {
    fc.assert(fc.property(bytes, addr, addr, fc.integer({ min: 1, max: 20 }), fc.double({ noNaN: true, min: -4, max: 4 }), (data, p, q, k, x) => {
      const calls: [string, number[], Value[]][] = [
        ['mm', [p, q, 2 * k, x], [{ type: 'i32', value: p }, { type: 'i32', value: q }, { type: 'i32', value: 2 * k },
          { type: 'f64', bits: new BigUint64Array(new Float64Array([x]).buffer)[0] }]],
        ['vf', [p, q], [{ type: 'i32', value: p }, { type: 'i32', value: q }]],
        ['vi', [p, q], [{ type: 'i32', value: p }, { type: 'i32', value: q }]],
      ];
      for (const [f, nargs, args] of calls) {
        const reset = (): void => {
          for (const m of [ours(), theirs()]) { m.fill(0); m.set(data, 0); m.set(data, 65536 - 256); m.set(data, Math.min(Math.max(p, 0), 65280)); }
        };
        reset();
        let want: string | number[];
        try { native[f](...nargs); want = [...theirs()]; } catch { want = 'trap'; }
        reset();
        const exact = run(f, 'exact', args);
        reset();
        const fast = run(f, 'fast', args);
        if (want === 'trap') expect(typeof exact === 'string' && exact.startsWith('trap out of bounds')).toBe(true);
        else expect(exact, `${f} exact vs native`).toEqual(want);
        expect(fast === exact || (Array.isArray(fast) && Array.isArray(exact) && fast.every((b, i) => b === exact[i])),
          `${f} fast vs exact: ${String(fast).slice(0, 80)} / ${String(exact).slice(0, 80)}`).toBe(true);
      }
    }), { numRuns: 60 });
  });
});
