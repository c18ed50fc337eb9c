// Fallthrough pairs (src/interpreter/pairs.ts): the rewrite itself on synthetic code, and
// functions whose fast code holds every pair, run against exact mode (no pairs) and Node's
// native WebAssembly: same memory, same results, same traps at the same wasm offsets.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { watToBinary } from '../../src/text/index.js';
import { invoke } from '../../src/interpreter/invoke.js';
import { I, THEN_PAIRS } from '../../src/interpreter/internal-ops.js';
import { pairUp } from '../../src/interpreter/pairs.js';
import { Trap } from '../../src/errors.js';
import type { Value } from '../../src/runtime/objects.js';
import { fastOps, fn, load } from './helpers.js';
import { caseBody, pairCases } from '../../tools/pair-cases.mjs';

describe('pairUp', () => {
  it("each pair's case in run.ts is its first instruction's case, to the letter", () => {
    // the copies are deliberate (a pair must fall through into its second's case, so it
    // cannot call or share the first's code); tools/pair-cases.mjs derives what each must
    // read, this test keeps them the same, and `node tools/sync-pairs.mjs` rewrites them
    const src = readFileSync(new URL('../../src/interpreter/run.ts', import.meta.url), 'utf8');
    const ops = readFileSync(new URL('../../src/interpreter/internal-ops.ts', import.meta.url), 'utf8');
    const cases = pairCases(src, ops);
    expect(cases.length).toBeGreaterThan(0);
    const fold = (t: string): string => t.replace(/\s+/g, ' ').trim();
    for (const { start, end, text, firsts } of cases) {
      for (const a of firsts) expect(caseBody(src, a).includes('code[pc]'), `${a} reads its opcode`).toBe(false);
      expect(fold(src.slice(start, end)), text.slice(0, 40)).toBe(fold(text));
    }
  });

  it('rewrites the first of each listed pair, never a B that another pair falls into', () => {
    const mv = (d: number): number[] => [I.MOV, d, 0];
    const code = [...mv(1), ...mv(2), ...mv(3), I.I32_SUB, 4, 3, 1, I.NOP, ...mv(6), ...mv(7)];
    pairUp(code);
    expect(code[0]).toBe(I.MOV_THEN_MOV);
    expect(code[3]).toBe(I.MOV); // B of the first pair
    expect(code[6]).toBe(I.MOV); // no pair of a move and a sub
    expect(code[9]).toBe(I.I32_SUB);
    expect(code[13]).toBe(I.NOP);
    expect(code[14]).toBe(I.MOV_THEN_MOV);
    expect(code[17]).toBe(I.MOV); // last instruction: nothing follows
  });

  it('lists each pair once, one first instruction per pair opcode', () => {
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
  ;; scalar pairs: i32 arithmetic, compares, stores, loop back edges, i64 shifts, f64 products
  (func (export "s1") (param $a i32) (param $b i32) (param $c i32) (result i32) (local $i i32) (local $x i32) (local $y i32)
    (loop $l
      (local.set $x (local.get $a))
      (local.set $y (local.get $b))
      (local.set $a (i32.mul (i32.add (local.get $y) (local.get $c)) (i32.const 7)))
      (local.set $b (i32.add (i32.add (local.get $x) (local.get $b)) (local.get $c)))
      (i32.store offset=8 (local.get $i) (i32.mul (local.get $b) (i32.const 3)))
      (local.set $c (i32.gt_u (i32.add (local.get $a) (local.get $b)) (i32.const 1000)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (local.get $c))) (i32.const 40))))
    (i32.add (local.get $a) (local.get $b)))
  (func (export "s2") (param $p i32) (param $n i32) (result i32) (local $s i32) (local $q i32)
    (block $done
      (loop $l
        (local.set $q (i32.add (local.get $q) (i32.const 4)))
        (local.set $s (i32.xor (i32.load (local.get $p)) (local.get $s)))
        (br_if $done (i32.lt_s (local.get $n) (i32.load offset=4 (local.get $p))))
        (if (i32.and (local.get $s) (i32.const 4)) (then (local.set $s (i32.xor (local.get $s) (i32.const 1)))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br_if $l (local.get $n))))
    (i32.add (local.get $s) (local.get $q)))
  (func (export "s3") (param $x i64) (param $y i64) (param $k i32) (result i64)
    (local.set $x (i64.add (i64.add (local.get $x) (local.get $y)) (i64.const 0x123456789)))
    (local.set $y (i64.shr_u (local.get $x) (i64.extend_i32_u (i32.and (local.get $k) (i32.const 63)))))
    (local.set $x (i64.xor (i64.shr_u (local.get $y) (i64.const 13)) (local.get $x)))
    (local.set $y (i64.xor (i64.shr_u (local.get $y) (i64.const 29)) (local.get $y)))
    (local.set $x (i64.xor (local.get $x) (i64.rotl (local.get $y) (i64.const 17))))
    (i64.xor (local.get $x) (i64.xor (local.get $y) (i64.rotl (local.get $y) (i64.const 17)))))
  (func (export "s4") (param $p i32) (param $a f64) (param $b f64) (result f64)
    (local.set $a (f64.mul (f64.mul (local.get $a) (local.get $b)) (local.get $b)))
    (f64.store (local.get $p) (f64.add (local.tee $b (f64.mul (local.get $a) (local.get $b))) (f64.load (local.get $p))))
    (f64.store offset=8 (local.get $p) (f64.add (f64.load offset=8 (local.get $p)) (f64.mul (local.get $a) (local.get $b))))
    (f64.sub (f64.mul (local.get $a) (local.get $a)) (f64.load offset=16 (local.get $p))))
  (func (export "s5") (param $n i32) (result i32) (local $i i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (i32.const 300)))
        (i32.store offset=64 (i32.and (local.get $i) (i32.const 1023)) (i32.mul (i32.add (local.get $i) (local.get $n)) (i32.const 5)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (i32.load offset=64 (i32.const 0)))
  ;; chains and the remaining pairs
  (global $g (mut i32) (i32.const 100))
  (func (export "t1") (param $n i32) (param $j i32) (result i32)
    (local.set $n (i32.or (i32.and (local.get $n) (i32.const 15)) (i32.const 1)))
    (local.set $j (i32.and (local.get $j) (i32.const 255)))
    (loop $l
      (i32.store8 offset=100 (local.get $j) (i32.const 1))
      (br_if $l (i32.lt_u (local.tee $j (i32.add (local.get $j) (local.get $n))) (i32.const 200))))
    (local.get $j))
  (func (export "t2") (param $a i32) (param $b i32) (result i32) (local $z i64) (local $acc i64)
    (local.set $z (i64.extend_i32_u (local.get $a)))
    (local.set $acc (i64.extend_i32_s (local.get $b)))
    (local.set $z (i64.mul (i64.xor (i64.shr_u (local.get $z) (i64.const 30)) (local.get $z)) (i64.const 0xbf58476d1ce4e5b9)))
    (local.set $z (i64.mul (i64.xor (i64.shr_u (local.get $z) (i64.const 27)) (local.get $z)) (i64.const 0x94d049bb133111eb)))
    (local.set $z (i64.xor (i64.shr_u (local.get $z) (i64.const 31)) (local.get $z)))
    (local.set $acc (i64.xor (i64.rotl (local.get $acc) (i64.const 7)) (local.get $z)))
    (local.set $acc (i64.xor (i64.shr_u (local.tee $z (i64.xor (local.get $acc) (local.get $z))) (i64.const 5)) (local.get $acc)))
    (if (i64.lt_u (i64.add (local.get $acc) (local.get $z)) (local.get $z)) (then (local.set $a (i32.add (local.get $a) (i32.const 1)))))
    (i32.xor (local.get $a) (i32.wrap_i64 (i64.xor (local.get $acc) (i64.shr_u (local.get $acc) (i64.const 32))))))
  (func (export "t3") (param $a i32) (param $b i32) (result i32) (local $i i32) (local $k i32) (local $x i32) (local $y i32) (local $f f64)
    (local.set $f (f64.convert_i32_s (local.get $a)))
    (local.set $a (i32.and (local.get $a) (i32.const 255)))
    (local.set $b (i32.and (local.get $b) (i32.const 255)))
    (loop $l
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (local.set $y (i32.xor (local.get $y) (local.get $k)))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (local.set $f (f64.mul (f64.mul (local.get $f) (f64.const 0.75)) (f64.const 1.25)))
      (local.set $x (i32.add (local.get $x) (i32.const 3)))
      (local.set $y (i32.add (local.get $y) (i32.const 5)))
      (br_if $l (i32.ne (local.get $k) (i32.const 20))))
    (local.set $i (i32.const 0))
    (block $b
      (loop $m
        (local.set $x (local.get $y))
        (br_if $b (i32.gt_s (local.get $a) (local.get $b)))
        (local.set $k (i32.and (local.get $a) (i32.const 1020)))
        (local.set $a (i32.add (local.get $a) (i32.const 7)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br_if $b (i32.lt_s (local.get $b) (i32.load offset=4 (local.get $k))))
        (local.set $b (i32.add (local.get $b) (i32.const 3)))
        (local.set $x (local.get $a))
        (br_if $m (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 64)))))
    (i32.add (i32.add (local.get $x) (local.get $y)) (i32.add (local.get $i) (i32.trunc_f64_s (f64.min (local.get $f) (f64.const 1e6))))))
  (func (export "t4") (param $a i32) (param $b i32) (result i32) (local $w i32) (local $x i32) (local $y i32)
    (local.set $a (i32.xor (i32.shl (local.get $a) (i32.const 3)) (local.get $b)))
    (block $z (block $o (block $t
      (br_table $z $o $t (i32.and (local.get $a) (i32.const 3))))
      (local.set $b (i32.add (local.get $b) (i32.const 9))))
      (local.set $b (i32.mul (local.get $b) (i32.const 3))))
    (local.set $a (i32.shr_u (local.get $a) (i32.const 1)))
    (loop $l
      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $a) (global.get $g))))
    (block $done (loop $l2
      (br_if $done (i32.ge_u (local.get $b) (global.get $g)))
      (local.set $b (i32.add (local.get $b) (i32.const 13)))
      (br $l2)))
    (i32.store8 (i32.const 300) (i32.shr_u (local.get $a) (i32.const 8)))
    (local.set $w (i32.load (i32.and (local.get $b) (i32.const 1020))))
    (local.set $w (i32.xor (i32.xor (i32.rotr (local.get $w) (i32.const 7)) (i32.rotr (local.get $w) (i32.const 18))) (i32.shr_u (local.get $w) (i32.const 3))))
    (local.set $x (i32.add (local.get $a) (local.get $w)))
    (local.set $y (local.get $x))
    (local.set $w (local.get $a))
    (i32.add (i32.add (i32.shr_u (i32.add (local.get $a) (local.get $b)) (i32.const 3)) (local.get $x))
      (i32.add (local.get $y) (local.get $w))))
  (func (export "t5") (param $p i32) (param $q i32) (local $v v128)
    (local.set $p (i32.and (local.get $p) (i32.const 1008)))
    (local.set $v (v128.load (i32.const 16)))
    (local.set $q (i32.add (local.get $p) (i32.const 32)))
    (v128.store (i32.const 96) (f32x4.add (v128.load (local.get $q)) (local.get $v)))
    (v128.store (i32.const 32) (f32x4.pmin (local.get $v) (v128.load (local.get $p))))
    (v128.store (i32.const 48) (f32x4.pmax (local.get $v) (v128.load offset=4 (local.get $p))))
    (local.set $q (i32.add (local.get $p) (i32.const 16)))
    (v128.store (i32.const 64) (f32x4.mul (v128.load (local.get $q)) (local.get $v)))
    (v128.store (i32.const 80) (i8x16.shuffle 0 0 0 0 1 0 0 0 2 0 0 0 3 0 0 0 (i8x16.eq (local.get $v) (v128.load (local.get $p))) (local.get $v)))
    ;; an address into a local right before a v128.load from another (simd's blend loop)
    (local.set $q (i32.add (local.get $p) (i32.const 8)))
    (v128.store (local.get $q) (v128.load offset=16 (local.get $p))))
  ;; a call of a counter plus one, a partition-style scan, f64 loads in a row and a sum stored
  (func $sq (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))
  (func (export "t6") (param $p i32) (param $q i32) (result i32) (local $i i32) (local $j i32) (local $a f64) (local $b f64)
    (local.set $p (i32.and (local.get $p) (i32.const 1008)))
    (local.set $a (f64.load (local.get $p)))
    (local.set $b (f64.load offset=8 (local.get $p)))
    (f64.store offset=16 (local.get $p) (f64.add (local.get $a) (local.get $b)))
    (local.set $q (i32.and (local.get $q) (i32.const 15)))
    (block $out
      (loop $l
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (local.set $j (local.get $q))
        (br_if $out (i32.gt_s (local.get $i) (local.get $j)))
        (br $l)))
    (local.set $i (call $sq (i32.add (local.get $i) (i32.const 7))))
    (i32.add (local.get $i) (local.get $j)))
  ;; pairs that share their second's case: a shift before an add, an add before a loop's
  ;; FUEL, an and before a br_if, ref.is_null before an if, i += 1 then a load for the bound,
  ;; pairs of load8_u, and an i64 load whose low half an xor takes
  (func (export "t7") (param $p i32) (param $q i32) (result i32) (local $i i32) (local $s i32) (local $f funcref)
    (local.set $p (i32.and (local.get $p) (i32.const 1008)))
    (i32.store offset=8 (local.get $p) (i32.and (local.get $q) (i32.const 31)))
    (local.set $s (i32.add (local.get $s) (local.get $q)))
    (loop $l
      (local.set $s (i32.add (local.get $s) (i32.add (i32.shl (local.get $i) (i32.const 2)) (local.get $p))))
      (br_if $l (i32.lt_s (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.load offset=8 (local.get $p)))))
    (loop $m
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $m (i32.and (local.get $i) (i32.const 3))))
    (if (ref.is_null (local.get $f)) (then (local.set $s (i32.xor (local.get $s) (i32.const 5)))))
    ;; a byte count (load8_u, eq, add) and a byte test (load8_u, br_if)
    (local.set $s (i32.add (local.get $s) (i32.eq (i32.load8_u offset=3 (local.get $p)) (local.get $q))))
    (block $z (br_if $z (i32.load8_u offset=9 (local.get $p))) (local.set $s (i32.add (local.get $s) (i32.const 9))))
    (local.set $s (i32.xor (local.get $s) (i32.wrap_i64 (i64.load offset=5 (local.get $p)))))
    (local.get $s))
  ;; register moves before and, xor, xor by a constant and a three-rotation xor (sha256 rounds)
  (func (export "t8") (param $p i32) (param $q i32) (result i32) (local $x i32) (local $y i32)
    (local.set $x (local.get $p))
    (local.set $y (i32.and (local.get $x) (local.get $q)))
    (local.set $x (local.get $y))
    (local.set $y (i32.xor (local.get $x) (local.get $p)))
    (local.set $x (local.get $q))
    (local.set $y (i32.add (local.get $y) (i32.xor (local.get $x) (i32.const 0x5a5a))))
    (local.set $x (local.get $y))
    (i32.xor (i32.xor (i32.rotr (local.get $x) (i32.const 2)) (i32.rotr (local.get $x) (i32.const 13))) (i32.rotr (local.get $x) (i32.const 22))))
  ;; simd-scalar's shapes: add then store, xor then store8, sub then add, an address kept
  ;; in a local before a load8_u, a move before a count-down back edge
  (func (export "t9") (param $p i32) (param $q i32) (result i32) (local $x i32) (local $y i32) (local $t i32) (local $k i32)
    (local.set $p (i32.and (local.get $p) (i32.const 1008)))
    (local.set $k (i32.const 3))
    (loop $l
      (local.set $t (i32.add (local.get $p) (i32.const 3)))
      (local.set $y (i32.load8_u (local.get $t)))
      (i32.store offset=4 (local.get $p) (i32.add (local.get $x) (local.get $y)))
      (i32.store8 offset=7 (local.get $t) (i32.xor (local.get $x) (local.get $q)))
      (local.set $x (i32.add (local.get $x) (i32.sub (local.get $y) (local.get $q))))
      (local.set $q (local.get $x))
      (br_if $l (local.tee $k (i32.add (local.get $k) (i32.const -1)))))
    (i32.add (local.get $x) (local.get $q)))
)`;

describe('fallthrough pairs against exact mode and native WebAssembly', () => {
  const native = new WebAssembly.Instance(new WebAssembly.Module(watToBinary(wat))).exports as
    Record<string, (...a: number[]) => unknown> & { mem: WebAssembly.Memory };
  const inst = load(wat);
  const ours = (): Uint8Array => inst.memories[0].u8;
  const theirs = (): Uint8Array => new Uint8Array(native.mem.buffer);
  const result = (v: Value | undefined): unknown => (v === undefined ? undefined : 'value' in v ? v.value : 'bits' in v ? v.bits : v);
  const run = (f: string, mode: 'fast' | 'exact', args: Value[]): string => {
    try {
      const r = invoke(fn(inst, f), args, { mode });
      // results compared too, except f64 ones (bits here, a number from native: memory covers them)
      return `${f === 's4' ? '' : String(result(r[0]))} ${Buffer.from(ours()).toString('base64')}`;
    } catch (e) {
      if (!(e instanceof Trap)) throw e;
      return `trap ${e.message} at ${e.wasmStack[0]?.offset}`;
    }
  };

  it('holds every pair in the fast code of these functions', () => {
    const all = new Set<number>();
    for (const f of ['mm', 'vf', 'vi', 's1', 's2', 's3', 's4', 's5', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']) {
      for (const op of fastOps(inst, f)) all.add(op);
    }
    for (const [, , then] of THEN_PAIRS) expect(all.has(then), `pair op ${then}`).toBe(true);
  });

  // bytes up to 0x3f: every f32/f64 read is finite and small, so no NaN appears (whose bits
  // engines may choose differently); NaN propagation has its own tests (fused-memory)
  const bytes = fc.uint8Array({ minLength: 256, maxLength: 256, max: 0x3f });
  const addr = fc.oneof(fc.integer({ min: 0, max: 65536 }), fc.constantFrom(65520, 65521, 65532, 65536, -4));

  const f64 = (x: number): Value => ({ type: 'f64', bits: new BigUint64Array(new Float64Array([x]).buffer)[0] });

  it('agree on i64 pairs', () => {
    const i64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    fc.assert(fc.property(i64, i64, fc.integer(), (x, y, k) => {
      const args: Value[] = [{ type: 'i64', value: x }, { type: 'i64', value: y }, { type: 'i32', value: k }];
      const want = (native.s3 as unknown as (...a: unknown[]) => bigint)(x, y, k);
      expect(result(invoke(fn(inst, 's3'), args, { mode: 'fast' })[0])).toBe(want);
      expect(result(invoke(fn(inst, 's3'), args, { mode: 'exact' })[0])).toBe(want);
    }), { numRuns: 300 });
  });

  it('agree on memory and traps', () => {
    fc.assert(fc.property(bytes, addr, addr, fc.integer({ min: 1, max: 20 }), fc.double({ noNaN: true, min: -4, max: 4 }), (data, p, q, k, x) => {
      const calls: [string, number[], Value[]][] = [
        ['mm', [p, q, 2 * k, x], [{ type: 'i32', value: p }, { type: 'i32', value: q }, { type: 'i32', value: 2 * k },
          f64(x)]],
        ['vf', [p, q], [{ type: 'i32', value: p }, { type: 'i32', value: q }]],
        ['vi', [p, q], [{ type: 'i32', value: p }, { type: 'i32', value: q }]],
        ['s1', [p, q, k], [{ type: 'i32', value: p }, { type: 'i32', value: q }, { type: 'i32', value: k }]],
        ['s2', [p, k], [{ type: 'i32', value: p }, { type: 'i32', value: k }]],
        ['s4', [p, x, -x], [{ type: 'i32', value: p }, f64(x), f64(-x)]],
        ['s5', [k], [{ type: 'i32', value: k }]],
        ...['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'].map((t): [string, number[], Value[]] =>
          [t, [p, q], [{ type: 'i32', value: p }, { type: 'i32', value: q }]]),
      ];
      for (const [f, nargs, args] of calls) {
        const reset = (): void => {
          for (const m of [ours(), theirs()]) { m.fill(0); m.set(data, 0); m.set(data, 65536 - 256); m.set(data, Math.min(Math.max(p, 0), 65280)); }
        };
        reset();
        let want: string;
        try {
          const r = native[f](...nargs) as unknown;
          want = `${f === 's4' ? '' : String(r)} ${Buffer.from(theirs()).toString('base64')}`;
        } catch { want = 'trap'; }
        reset();
        const exact = run(f, 'exact', args);
        reset();
        const fast = run(f, 'fast', args);
        if (want === 'trap') expect(exact.startsWith('trap out of bounds')).toBe(true);
        else expect(exact === want, `${f} exact vs native`).toBe(true);
        expect(fast === exact, `${f} fast vs exact: ${fast.slice(0, 60)} / ${exact.slice(0, 60)}`).toBe(true);
      }
    }), { numRuns: 60 });
  });
});
