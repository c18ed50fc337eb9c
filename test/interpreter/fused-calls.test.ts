// Fast-mode call fusions against Node's native WebAssembly (an oracle for tests only): a
// call whose last one or two arguments are moves from locals runs as CALL_MOV1 / CALL_MOV2
// (the moves made by the call op). Checks the fused ops are emitted, then results, traps and
// exceptions thrown through a fused call against native.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { watToBinary } from '../../src/text/index.js';
import { invoke } from '../../src/interpreter/invoke.js';
import { I } from '../../src/interpreter/internal-ops.js';
import { Trap } from '../../src/errors.js';
import type { Value } from '../../src/runtime/objects.js';
import { fastOps, fn, load } from './helpers.js';

const wat = `(module
  (tag $e (param i32))
  (func $sub (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1)))
  (func $mix (param i64 f64 i32) (result i64)
    (i64.add (i64.mul (local.get 0) (i64.const 3))
      (i64.add (i64.trunc_sat_f64_s (local.get 1)) (i64.extend_i32_s (local.get 2)))))
  (func $div (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func $raise (param i32 i32) (if (i32.eq (local.get 0) (local.get 1)) (then (throw $e (local.get 0)))))
  (func $fib (param i32) (result i32)
    (if (result i32) (i32.lt_s (local.get 0) (i32.const 2)) (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
  ;; both arguments are locals (CALL_MOV2), swapped so each move reads a local the other wrote
  (func (export "two") (param i32 i32) (result i32)
    (i32.xor (call $sub (local.get 0) (local.get 1)) (call $sub (local.get 1) (local.get 0))))
  ;; one computed argument, then one local (CALL_MOV1)
  (func (export "one") (param i32 i32) (result i32) (call $sub (i32.add (local.get 0) (i32.const 7)) (local.get 1)))
  ;; three arguments of three types, the last two moved
  (func (export "mixed") (param i64 f64 i32) (result i64) (call $mix (local.get 0) (local.get 1) (local.get 2)))
  ;; a trap inside a fused call
  (func (export "div") (param i32 i32) (result i32) (call $div (local.get 0) (local.get 1)))
  ;; an exception thrown by a fused call is caught by the try around it (legacy try: Node 20's
  ;; native engine has no try_table)
  (func (export "caught") (param i32 i32) (result i32)
    (try (result i32) (do (call $raise (local.get 0) (local.get 1)) (i32.const -1)) (catch $e)))
  (func (export "fib") (param i32) (result i32) (call $fib (local.get 0)))
  ;; the same local twice, in a loop
  (func (export "loop") (param i32) (result i32) (local i32 i32)
    (loop $l
      (local.set 2 (i32.add (local.get 2) (call $sub (local.get 1) (local.get 1))))
      (local.set 2 (i32.add (local.get 2) (call $sub (local.get 2) (local.get 1))))
      (local.set 1 (i32.add (local.get 1) (i32.const 1)))
      (br_if $l (i32.lt_s (local.get 1) (local.get 0))))
    (local.get 2))
)`;

type Arg = number | bigint;
const toValue = (a: Arg, t: string): Value => (t === 'i64' ? { type: 'i64', value: a as bigint }
  : t === 'f64' ? { type: 'f64', bits: new BigUint64Array(new Float64Array([a as number]).buffer)[0] }
    : { type: 'i32', value: a as number });

describe('fused calls against native WebAssembly', () => {
  const native = new WebAssembly.Instance(new WebAssembly.Module(watToBinary(wat))).exports as
    Record<string, (...a: Arg[]) => unknown>;
  const inst = load(wat);
  const call = (name: string, args: Arg[], types: string[]): unknown => {
    try {
      const r = invoke(fn(inst, name), args.map((a, k) => toValue(a, types[k])));
      return (r[0] as { value: unknown }).value;
    } catch (e) { return e instanceof Trap ? `trap: ${e.message}` : e; }
  };
  const want = (name: string, args: Arg[]): unknown => {
    try { return native[name](...args); } catch (e) { return e instanceof WebAssembly.RuntimeError ? 'trap' : e; }
  };
  const same = (name: string, args: Arg[], types: string[] = args.map(() => 'i32')): void => {
    const w = want(name, args);
    const g = call(name, args, types);
    if (w === 'trap') expect(String(g)).toMatch(/^trap: integer (divide by zero|overflow)/);
    else expect({ name, args, g }).toEqual({ name, args, g: w });
  };

  it('emits CALL_MOV1 and CALL_MOV2 for calls with arguments from locals', () => {
    const ops = (name: string): number[] => fastOps(inst, name);
    expect(ops('two')).toContain(I.CALL_MOV2);
    expect(ops('one')).toContain(I.CALL_MOV1);
    expect(ops('mixed')).toContain(I.CALL_MOV2);
    expect(ops('caught')).toContain(I.CALL_MOV2);
  });

  it('agrees on results, traps and caught exceptions', () => {
    const int = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.constantFrom(0, -1, 1, -(2 ** 31)));
    fc.assert(fc.property(int, int, fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
      fc.double({ noNaN: true }), (a, b, x, y) => {
        same('two', [a, b]);
        same('one', [a, b]);
        same('div', [a, b]);
        same('div', [a, 0]);
        same('div', [-(2 ** 31), -1]);
        same('caught', [a, b]);
        same('caught', [a, a]);
        same('mixed', [x, y, a], ['i64', 'f64', 'i32']);
        same('loop', [((a >>> 0) % 200) + 1]);
      }), { numRuns: 300 });
    same('fib', [20]);
  });
});
