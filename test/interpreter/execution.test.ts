// The interpreter end to end: calls, traps with the spec's messages, deep recursion, tail
// calls, host calls, exceptions.
import { describe, expect, it } from 'vitest';
import { invoke } from '../../src/interpreter/invoke.js';
import { Trap, WasmException } from '../../src/errors.js';
import { hostFunc } from '../../src/runtime/host-func.js';
import type { Value } from '../../src/runtime/objects.js';
import { fn, i32, i64, load } from './helpers.js';

const MOD = `(module
  (memory 1)
  (table 4 funcref)
  (type $ii (func (param i32) (result i32)))
  (elem (i32.const 0) $fac $id)
  (func $fac (export "fac") (type $ii)
    (if (result i32) (i32.le_s (local.get 0) (i32.const 1)) (then (i32.const 1))
      (else (i32.mul (local.get 0) (call $fac (i32.sub (local.get 0) (i32.const 1)))))))
  (func $id (param i64) (result i64) (local.get 0))
  (func (export "deep") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
      (else (i32.add (i32.const 1) (call 2 (i32.sub (local.get 0) (i32.const 1)))))))
  (func $even (export "even") (param i64) (result i32)
    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 1))
      (else (return_call $odd (i64.sub (local.get 0) (i64.const 1))))))
  (func $odd (param i64) (result i32)
    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 0))
      (else (return_call $even (i64.sub (local.get 0) (i64.const 1))))))
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "indirect") (param i32 i32) (result i32)
    (call_indirect (type $ii) (local.get 1) (local.get 0)))
  (func (export "swap") (param i64 f64) (result f64 i64) (local.get 1) (local.get 0))
  (func (export "sum") (param i32) (result i64) (local i64)
    (block $done (loop $l
      (br_if $done (i32.eqz (local.get 0)))
      (local.set 1 (i64.add (local.get 1) (i64.extend_i32_u (local.get 0))))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br $l)))
    (local.get 1))
  (func (export "table") (param i32) (result i32)
    (block $a (block $b (block $c (br_table $a $b $c (local.get 0)))
      (return (i32.const 30))) (return (i32.const 20))) (i32.const 10))
)`;

function trapOf(f: () => unknown): Trap {
  try { f(); } catch (e) { if (e instanceof Trap) return e; throw e; }
  throw new Error('no trap');
}

describe('interpreter execution', () => {
  const inst = load(MOD);
  it('computes recursive calls, loops, br_table, multi-value', () => {
    expect(invoke(fn(inst, 'fac'), [i32(10)])).toEqual([i32(3628800)]);
    expect(invoke(fn(inst, 'sum'), [i32(20000)])).toEqual([i64(200010000n)]);
    expect([0, 1, 2, 3, 9].map((k) => (invoke(fn(inst, 'table'), [i32(k)])[0] as { value: number }).value))
      .toEqual([10, 20, 30, 30, 30]);
    const r = invoke(fn(inst, 'swap'), [i64(-5n), { type: 'f64', bits: 0x7ff4000000000001n }]);
    expect(r).toEqual([{ type: 'f64', bits: 0x7ff4000000000001n }, i64(-5n)]);
  });
  it('traps with the spec messages and a wasm stack', () => {
    expect(trapOf(() => invoke(fn(inst, 'div'), [i32(1), i32(0)])).kind).toBe('integer divide by zero');
    expect(trapOf(() => invoke(fn(inst, 'div'), [i32(-0x80000000), i32(-1)])).kind).toBe('integer overflow');
    const oob = trapOf(() => invoke(fn(inst, 'load'), [i32(65534)]));
    expect(oob.kind).toBe('out of bounds memory access');
    expect(oob.wasmStack.length).toBe(1);
    expect(oob.wasmStack[0].offset).toBeGreaterThan(0);
    expect(trapOf(() => invoke(fn(inst, 'indirect'), [i32(1), i32(0)])).kind).toBe('indirect call type mismatch');
    expect(trapOf(() => invoke(fn(inst, 'indirect'), [i32(2), i32(0)])).kind).toMatch(/^uninitialized element/);
    expect(trapOf(() => invoke(fn(inst, 'indirect'), [i32(9), i32(0)])).kind).toBe('undefined element');
    expect(invoke(fn(inst, 'indirect'), [i32(0), i32(5)])).toEqual([i32(120)]);
  });
  it('100,000-deep recursion traps "call stack exhausted" and the engine survives', () => {
    const t = trapOf(() => invoke(fn(inst, 'deep'), [i32(100000)]));
    expect(t.kind).toBe('call stack exhausted');
    expect(invoke(fn(inst, 'deep'), [i32(5000)])).toEqual([i32(5000)]);
    expect(invoke(fn(inst, 'deep'), [i32(100000)], { maxCallDepth: 200000 })).toEqual([i32(100000)]);
  });
  it('runs deep tail-call loops in constant frames', () => {
    expect(invoke(fn(inst, 'even'), [i64(100000n)])).toEqual([i32(1)]);
    expect(invoke(fn(inst, 'even'), [i64(100001n)])).toEqual([i32(0)]);
  });
  it('calls host functions with boundary values', () => {
    const seen: Value[][] = [];
    const host = hostFunc({ kind: 'func', params: ['i32', 'i64'], results: ['f32'] },
      (args) => { seen.push(args); return [{ type: 'f32', bits: 0x7fa00001 }]; });
    const hi = load(`(module (import "h" "f" (func $f (param i32 i64) (result f32)))
      (func (export "go") (result i32) (i32.reinterpret_f32 (call $f (i32.const 7) (i64.const -2)))))`,
    { 'h.f': { kind: 'func', value: host } });
    expect(invoke(fn(hi, 'go'), [])).toEqual([i32(0x7fa00001)]);
    expect(seen).toEqual([[i32(7), i64(-2n)]]);
  });
  it('throws, catches and rethrows wasm exceptions', () => {
    const ex = load(`(module
      (tag $e (param i32))
      (func $thrower (param i32) (throw $e (local.get 0)))
      (func (export "catch") (param i32) (result i32)
        (block $h (result i32)
          (try_table (catch $e $h) (call $thrower (local.get 0)))
          (i32.const -1)))
      (func (export "legacy") (param i32) (result i32)
        (try (result i32) (do (call $thrower (local.get 0)) (i32.const -1))
          (catch $e (i32.add (i32.const 1)))))
      (func (export "uncaught") (call $thrower (i32.const 3))))`);
    expect(invoke(fn(ex, 'catch'), [i32(42)])).toEqual([i32(42)]);
    expect(invoke(fn(ex, 'legacy'), [i32(41)])).toEqual([i32(42)]);
    expect(() => invoke(fn(ex, 'uncaught'), [])).toThrow(WasmException);
  });
});
