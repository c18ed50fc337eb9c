// Fuel and stepping: a run paused and resumed at any budgets ends exactly like an uninterrupted
// one; fast and exact code pause at the same instruction with the same state; stepping visits
// every instruction.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Execution, invoke } from '../../src/interpreter/invoke.js';
import { InstrReader } from '../../src/decoder/instr-reader.js';
import { OP } from '../../src/syntax/opcodes.js';
import { fastCode } from '../../src/interpreter/translate.js';
import { I } from '../../src/interpreter/internal-ops.js';
import { fastOps, fn, i32, load } from './helpers.js';

const MOD = `(module
  (memory 1)
  (global $g (mut i32) (i32.const 0))
  (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
  (func $rec (param i32) (result i32)
    (if (result i32) (i32.lt_s (local.get 0) (i32.const 2)) (then (local.get 0))
      (else (i32.add (call $rec (i32.sub (local.get 0) (i32.const 1)))
                     (call $rec (i32.sub (local.get 0) (i32.const 2)))))))
  (func (export "work") (param i32) (result i32 i64) (local i32 i32 i64)
    (global.set $g (i32.const 0))
    (loop $l
      (i32.store (i32.shl (i32.and (local.get 2) (i32.const 255)) (i32.const 2))
        (i32.add (call $sq (local.get 2)) (global.get $g)))
      (global.set $g (i32.xor (global.get $g) (local.get 2)))
      (block $a (block $b (block $c
        (br_table $a $b $c (i32.rem_u (local.get 2) (i32.const 3))))
        (local.set 3 (i64.add (local.get 3) (i64.const 7))) (br $a))
        (local.set 3 (i64.mul (local.get 3) (i64.const 3))))
      (local.set 3 (i64.add (local.get 3) (i64.extend_i32_u (call $rec (i32.and (local.get 2) (i32.const 7))))))
      (br_if $l (i32.lt_u (local.tee 2 (i32.add (local.get 2) (i32.const 1))) (local.get 0))))
    (i32.load (i32.const 8))
    (local.get 3))
)`;

describe('fuel', () => {
  const inst = load(MOD);
  const work = fn(inst, 'work');
  const expected = invoke(work, [i32(40)]);
  const big = 1e9;
  const full = new Execution(work, [i32(40)], { fuel: big });
  expect(full.run()).toEqual({ status: 'done', results: expected });
  const total = big - full.fuelLeft;

  it('counts the same instructions in fast and exact mode', () => {
    const ex = new Execution(work, [i32(40)], { fuel: big, mode: 'exact' });
    expect(ex.run()).toEqual({ status: 'done', results: expected });
    expect(big - ex.fuelLeft).toBe(total);
    expect(total).toBeGreaterThan(1000);
  });

  it('pausing and resuming at random budgets gives the uninterrupted result', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 30 }), (budgets) => {
      const e = new Execution(work, [i32(40)]);
      let used = 0;
      for (const b of budgets) {
        const r = e.run(b);
        if (r.status === 'done') { expect(r.results).toEqual(expected); return; }
        used += b - e.fuelLeft;
        expect(e.fuelLeft).toBe(0);
      }
      const r = e.run(Infinity);
      expect(r).toEqual({ status: 'done', results: expected });
      expect(used).toBeLessThanOrEqual(total);
    }), { numRuns: 60 });
  });

  it('fast and exact code pause at the same point with the same state', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: total - 1 }), (n) => {
      const a = new Execution(work, [i32(40)], { fuel: n });
      const b = new Execution(work, [i32(40)], { fuel: n, mode: 'exact' });
      expect(a.run().status).toBe('paused');
      expect(b.run().status).toBe('paused');
      const sa = a.state(), sb = b.state();
      expect(sa).toEqual(sb);
      expect(a.run(Infinity)).toEqual({ status: 'done', results: expected });
    }), { numRuns: 80 });
  });

  it('unlimited invoke and out-of-fuel invoke', () => {
    expect(() => invoke(work, [i32(40)], { fuel: 100 })).toThrow(/out of fuel/);
    expect(invoke(work, [i32(40)], { fuel: total })).toEqual(expected);
  });
});

const MOD2 = `(module
  (tag $e (param i32 i64))
  (table 2 funcref)
  (elem (i32.const 0) $thrower $count)
  (type $t (func (param i32) (result i32)))
  (func $thrower (type $t)
    (if (i32.and (local.get 0) (i32.const 1)) (then (throw $e (local.get 0) (i64.const 9))))
    (i32.add (local.get 0) (i32.const 100)))
  (func $count (type $t)
    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
      (else (return_call $count (i32.sub (local.get 0) (i32.const 1))))))
  (func (export "mix") (param i32) (result i32) (local i32 i32)
    (loop $l
      (block $h (result i32 i64)
        (try_table (catch $e $h)
          (local.set 2 (i32.add (local.get 2)
            (call_indirect (type $t) (local.get 1) (i32.rem_u (local.get 1) (i32.const 2))))))
        (i32.const 0) (i64.const 0))
      (drop)
      (local.set 2 (i32.add (local.get 2)))
      (local.set 2 (i32.add (local.get 2)
        (try (result i32) (do (call $thrower (local.get 1)))
          (catch $e (drop) (drop) (i32.const 1000)))))
      (br_if $l (i32.lt_u (local.tee 1 (i32.add (local.get 1) (i32.const 1))) (local.get 0))))
    (local.get 2))
)`;

describe('fuel across calls, tail calls and exceptions', () => {
  const mix = fn(load(MOD2), 'mix');
  const expected = invoke(mix, [i32(12)]);
  const full = new Execution(mix, [i32(12)], { fuel: 1e9 });
  full.run();
  const total = 1e9 - full.fuelLeft;
  it('pauses identically in fast and exact code and resumes to the same result', () => {
    const ex = new Execution(mix, [i32(12)], { fuel: 1e9, mode: 'exact' });
    expect(ex.run()).toEqual({ status: 'done', results: expected });
    expect(1e9 - ex.fuelLeft).toBe(total);
    fc.assert(fc.property(fc.integer({ min: 0, max: total - 1 }), fc.integer({ min: 1, max: 50 }), (n, k) => {
      const a = new Execution(mix, [i32(12)], { fuel: n });
      const b = new Execution(mix, [i32(12)], { fuel: n, mode: 'exact' });
      expect(a.run().status).toBe('paused');
      expect(b.run().status).toBe('paused');
      expect(a.state()).toEqual(b.state());
      let r = a.run(k);
      while (r.status === 'paused') r = a.run(k);
      expect(r).toEqual({ status: 'done', results: expected });
    }), { numRuns: 60 });
  });
});

// while loops whose header is only a compare-with-constant exit: their back edges run the
// header's test inline (BR_LOOP, I32_ADD_IMM_LOOP), paying the header's fuel there
const MOD3 = `(module
  (func (export "whiles") (param i32) (result i32) (local i32 i32 i32)
    (block $out
      (loop $outer
        (br_if $out (i32.ge_u (local.get 1) (i32.const 37)))
        (local.set 2 (i32.const 0))
        (block $done
          (loop $inner
            (br_if $done (i32.gt_s (local.get 2) (local.get 1)))
            (local.set 3 (i32.add (local.get 3) (i32.mul (local.get 2) (local.get 0))))
            (local.set 2 (i32.add (local.get 2) (i32.const 3)))
            (br $inner)))
        (block $d2
          (loop $l2
            (br_if $d2 (i32.le_s (local.get 2) (i32.const 0)))
            (local.set 3 (i32.xor (local.get 3) (local.get 2)))
            (local.set 2 (i32.shr_s (local.get 2) (i32.const 1)))
            (br $l2)))
        (local.set 1 (i32.add (local.get 1) (i32.const 1)))
        (br $outer)))
    (local.get 3))
)`;

describe('fuel through fused loop back edges', () => {
  const f = fn(load(MOD3), 'whiles');
  const want = (n: number): number => {
    let acc = 0;
    for (let i = 0; i < 37; i++) {
      let j = 0;
      for (; j <= i; j += 3) acc = (acc + Math.imul(j, n)) | 0;
      for (; j > 0; j >>= 1) acc ^= j;
    }
    return acc;
  };
  it('computes the loops, and pauses identically in fast and exact code', () => {
    const code = Array.from(fastCode(f).code);
    expect(code).toContain(I.BR_LOOP);
    expect(code).toContain(I.I32_ADD_IMM_LOOP);
    expect(invoke(f, [i32(5)])).toEqual([i32(want(5))]);
    expect(invoke(f, [i32(-7)])).toEqual([i32(want(-7))]);
    const full = new Execution(f, [i32(5)], { fuel: 1e9 });
    full.run();
    const total = 1e9 - full.fuelLeft;
    const ex = new Execution(f, [i32(5)], { fuel: 1e9, mode: 'exact' });
    ex.run();
    expect(1e9 - ex.fuelLeft).toBe(total);
    fc.assert(fc.property(fc.integer({ min: 0, max: total - 1 }), fc.integer({ min: 1, max: 30 }), (n, k) => {
      const a = new Execution(f, [i32(5)], { fuel: n });
      const b = new Execution(f, [i32(5)], { fuel: n, mode: 'exact' });
      expect(a.run().status).toBe('paused');
      expect(b.run().status).toBe('paused');
      expect(a.state()).toEqual(b.state());
      let r = a.run(k);
      while (r.status === 'paused') r = a.run(k);
      expect(r).toEqual({ status: 'done', results: [i32(want(5))] });
    }), { numRuns: 80 });
  });
});

describe('fused while-loop headers, every compare', () => {
  // i from `start` by `step` while not (i <cmp> k): fast (BR_LOOP / I32_ADD_IMM_LOOP) and
  // exact code agree on the result and on the fuel used, from starts on both sides of k
  const cmps = ['eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u'];
  const src = cmps.map((c) => `
    (func (export "${c}") (param i32 i32) (result i32) (local i32)
      (block $out (loop $l
        (br_if $out (i32.${c} (local.get 0) (i32.const 40)))
        (local.set 2 (i32.add (i32.mul (local.get 2) (i32.const 3)) (local.get 0)))
        (local.set 1 (i32.sub (local.get 1) (i32.const 1)))
        (br_if $out (i32.eqz (local.get 1)))
        (local.set 0 (i32.add (local.get 0) (i32.const 7)))
        (br $l)))
      (local.get 2))`).join('');
  const inst = load(`(module ${src})`);
  it('agree with exact code', () => {
    for (const c of cmps) expect(fastOps(inst, c)).toContain(I.I32_ADD_IMM_LOOP);
    fc.assert(fc.property(fc.constantFrom(...cmps), fc.integer({ min: -100, max: 100 }), fc.constantFrom(-(2 ** 31), -1, 2 ** 31 - 8),
      (c, start, far) => {
        for (const x of [start, far]) {
          const args = [i32(x), i32(50)];
          const a = new Execution(fn(inst, c), args, { fuel: 1e6 });
          const b = new Execution(fn(inst, c), args, { fuel: 1e6, mode: 'exact' });
          expect(a.run()).toEqual(b.run());
          expect(a.fuelLeft).toBe(b.fuelLeft);
        }
      }), { numRuns: 200 });
  });
});

describe('step', () => {
  it('visits every instruction of straight-line code with the right operand stack', () => {
    const inst = load(`(module (func (export "f") (param i32) (result i32) (local i64)
      (local.set 1 (i64.const 5))
      (i32.add (local.get 0) (i32.const 2))
      (i32.wrap_i64 (local.get 1))
      (i32.mul)
      (nop)
      (drop (i32.const 9))))`);
    const f = fn(inst, 'f');
    const body = f.code!.body;
    const r = new InstrReader(body.bytes, body.offset);
    const offsets: number[] = [];
    while (r.pos < r.end) { r.next(); offsets.push(r.offset); }
    const e = new Execution(f, [i32(4)]);
    const seen: number[] = [];
    const heights: number[] = [];
    for (;;) {
      const s = e.state();
      if (e.done) break;
      seen.push(s.offset);
      heights.push(s.stack.length);
      if (e.step().status === 'done') break;
    }
    expect(seen).toEqual(offsets);
    // i64.const, local.set, local.get, i32.const, i32.add, local.get, i32.wrap, i32.mul, nop,
    // i32.const, drop, end
    expect(heights).toEqual([0, 1, 0, 1, 2, 1, 2, 2, 1, 1, 2, 1]);
    const s = new Execution(f, [i32(4)]);
    for (let k = 0; k < 5; k++) s.step();
    expect(s.state().stack).toEqual([i32(6)]);
    expect(s.state().locals[1]).toEqual({ type: 'i64', value: 5n });
    expect(s.run(Infinity)).toEqual({ status: 'done', results: [i32(30)] });
    void OP;
  });

  // in exact code a local.get falls through into a next local.get or constant (run.ts,
  // FUEL_MOV_THEN_FUEL_X), and a local.tee's value stays in its stack slot: each is still
  // one step with its own fuel unit, pause point and stack
  it('steps through runs of local.get, constants and local.tee one instruction at a time', () => {
    const inst = load(`(module (func (export "f") (param i32 i32) (result i32) (local i32)
      (local.get 0) (local.get 1) (i32.const 7) (local.get 0) (i32.const -1)
      (local.tee 2) (i32.add) (i32.add) (i32.add) (i32.add) (local.get 2) (i32.add)))`);
    const f = fn(inst, 'f');
    const ops = fastOps(inst, 'f', true);
    expect(ops.filter((o) => o === I.FUEL_MOV_THEN_FUEL_X).length).toBe(2);
    const stacks: number[][] = [];
    const e = new Execution(f, [i32(10), i32(20)], { mode: 'exact' });
    while (!e.done) {
      stacks.push(e.state().stack.map((v) => (v as { value: number }).value));
      e.step();
    }
    expect(stacks).toEqual([[], [10], [10, 20], [10, 20, 7], [10, 20, 7, 10], [10, 20, 7, 10, -1],
      [10, 20, 7, 10, -1], [10, 20, 7, 9], [10, 20, 16], [10, 36], [46], [46, -1], [45]]);
    // every budget pauses after exactly that many instructions, and resumes to the result
    for (let n = 0; n < 13; n++) {
      const x = new Execution(f, [i32(10), i32(20)], { fuel: n, mode: 'exact' });
      expect(x.run().status).toBe('paused');
      expect(x.state().stack.map((v) => (v as { value: number }).value)).toEqual(stacks[n]);
      expect(x.run(Infinity)).toEqual({ status: 'done', results: [i32(45)] });
    }
  });
});
