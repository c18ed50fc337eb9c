// Fast-mode memory fusions against Node's native WebAssembly (an oracle for tests only):
// constant addresses, `i32.add` of a constant folded into the access (with the 2^32 wrap),
// f64.load fused into f64 add/sub/mul (NaN operands keep their bits; traps still trap), and
// i64 multiply/rotate by constants and x ^ (x >>> n).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { watToBinary } from '../../src/text/index.js';
import { invoke } from '../../src/interpreter/invoke.js';
import { I } from '../../src/interpreter/internal-ops.js';
import { Trap } from '../../src/errors.js';
import type { Value } from '../../src/runtime/objects.js';
import { fastOps, fn, load } from './helpers.js';

const wat = `(module
  (memory 1)
  (func (export "st64") (param i32 i64) (i64.store (local.get 0) (local.get 1)))
  (func (export "ld_add") (param i32) (result i32) (i32.load offset=4 (i32.add (local.get 0) (i32.const 8))))
  (func (export "ld_wrap") (param i32) (result i32) (i32.load8_u (i32.add (local.get 0) (i32.const -16))))
  (func (export "ld_const") (result i32) (i32.load (i32.const 100)))
  (func (export "st_add") (param i32 i32) (result i32)
    (i32.store16 offset=2 (i32.add (local.get 0) (i32.const 6)) (local.get 1))
    (i32.load (i32.add (local.get 0) (i32.const 8))))
  (func (export "st_const") (param i32) (result i32)
    (i32.store (i32.const 200) (local.get 0)) (i32.load (i32.const 200)))
  (func (export "fadd") (param i32 i64) (result i64)
    (i64.reinterpret_f64 (f64.add (f64.reinterpret_i64 (local.get 1)) (f64.load (i32.add (local.get 0) (i32.const 8))))))
  (func (export "fsub") (param i32 i64) (result i64)
    (i64.reinterpret_f64 (f64.sub (f64.reinterpret_i64 (local.get 1)) (f64.load offset=8 (local.get 0)))))
  (func (export "fmul") (param i32 i64) (result i64)
    (i64.reinterpret_f64 (f64.mul (f64.reinterpret_i64 (local.get 1)) (f64.load offset=8 (local.get 0)))))
  ;; select on a compare just made (SELECT_<cmp>): i32 signed/unsigned, f32 and f64 (NaN: false)
  (func (export "sel") (param i32 i32 i64) (result i64)
    (local f32 f32 f64 f64)
    (local.set 3 (f32.reinterpret_i32 (local.get 0)))
    (local.set 4 (f32.reinterpret_i32 (local.get 1)))
    (local.set 5 (f64.reinterpret_i64 (local.get 2)))
    (local.set 6 (f64.reinterpret_i64 (i64.rotl (local.get 2) (i64.const 17))))
    (i64.add
      (i64.add
        (select (local.get 2) (i64.const 5) (i32.lt_s (local.get 0) (local.get 1)))
        (i64.extend_i32_u (select (local.get 0) (local.get 1) (i32.gt_u (local.get 0) (local.get 1)))))
      (i64.add
        (i64.add
          (i64.reinterpret_f64 (select (local.get 5) (local.get 6) (f64.lt (local.get 5) (local.get 6))))
          (i64.reinterpret_f64 (select (local.get 6) (local.get 5) (f64.gt (local.get 5) (local.get 6)))))
        (i64.extend_i32_u (i32.reinterpret_f32
          (select (local.get 3) (local.get 4) (f32.gt (local.get 3) (local.get 4))))))))
  (func (export "sel2") (param i32 i32) (result i32) (local f32)
    (local.set 2 (f32.reinterpret_i32 (local.get 1)))
    (i32.xor
      (i32.add (select (local.get 1) (local.get 0) (i32.gt_s (local.get 0) (local.get 1)))
        (select (local.get 1) (local.get 0) (i32.lt_u (local.get 0) (local.get 1))))
      (i32.reinterpret_f32 (select (local.get 2) (f32.const 1.5) (f32.lt (local.get 2) (f32.const 0))))))
  ;; i64.xor of a rotation by a constant (I64_XOR_ROTL_IMM), either side, counts across 32
  (func (export "xrotl") (param i64 i64) (result i64)
    (i64.xor (i64.xor (local.get 1) (i64.rotl (local.get 0) (i64.const 7)))
      (i64.xor (i64.rotr (local.get 1) (i64.const 45)) (local.get 0))))
  (func (export "xrotl2") (param i64 i64) (result i64)
    (i64.add (i64.xor (i64.rotl (local.get 0) (i64.const 0)) (local.get 1))
      (i64.add (i64.xor (local.get 0) (i64.rotl (local.get 1) (i64.const 32)))
        (i64.xor (local.get 1) (i64.rotl (local.get 0) (i64.const 63))))))
  ;; x[i] += a * b and x[i] -= (a * b) * c at one address (F64_MULADD_MEM), a and b from bits
  (func (export "memmadd") (param i32 i64 i64) (result i64)
    (f64.store offset=8 (local.get 0)
      (f64.add (f64.load offset=8 (local.get 0))
        (f64.mul (f64.reinterpret_i64 (local.get 1)) (f64.reinterpret_i64 (local.get 2)))))
    (i64.load offset=8 (local.get 0)))
  (func (export "memmsub") (param i32 i64 i64) (result i64)
    (f64.store offset=8 (local.get 0)
      (f64.sub (f64.load offset=8 (local.get 0))
        (f64.mul (f64.mul (f64.reinterpret_i64 (local.get 1)) (f64.reinterpret_i64 (local.get 2)))
          (f64.reinterpret_i64 (local.get 1)))))
    (i64.load offset=8 (local.get 0)))
  ;; i32.add of a value and a load, either side, every width (I32_ADD_LOAD*)
  (func (export "addld") (param i32 i32) (result i32) (i32.add (local.get 1) (i32.load offset=4 (local.get 0))))
  (func (export "addld8s") (param i32 i32) (result i32) (i32.add (i32.load8_s (local.get 0)) (local.get 1)))
  (func (export "addld8u") (param i32 i32) (result i32) (i32.add (local.get 1) (i32.load8_u offset=1 (local.get 0))))
  (func (export "addld16s") (param i32 i32) (result i32) (i32.add (i32.load16_s offset=2 (local.get 0)) (local.get 1)))
  (func (export "addld16u") (param i32 i32) (result i32)
    (i32.add (local.get 1) (i32.load16_u (i32.add (local.get 0) (i32.const 6)))))
  (func (export "mulld") (param i32 i32) (result i32) (i32.mul (i32.load offset=4 (local.get 0)) (local.get 1)))
  (func (export "mulld8s") (param i32 i32) (result i32) (i32.mul (local.get 1) (i32.load8_s (local.get 0))))
  (func (export "mulld8u") (param i32 i32) (result i32) (i32.mul (i32.load8_u offset=1 (local.get 0)) (local.get 1)))
  (func (export "mulld16s") (param i32 i32) (result i32) (i32.mul (local.get 1) (i32.load16_s offset=2 (local.get 0))))
  (func (export "mulld16u") (param i32 i32) (result i32) (i32.mul (i32.load16_u offset=6 (local.get 0)) (local.get 1)))
  ;; c[i] += x * b[j] (F64_MULADD_LOAD_STORE): b at a0 + 8, c at a1
  (func (export "maddst") (param i32 i32 i64) (result i64)
    (f64.store (local.get 1)
      (f64.add (f64.mul (f64.reinterpret_i64 (local.get 2)) (f64.load offset=8 (local.get 0))) (f64.load (local.get 1))))
    (i64.load (local.get 1)))
  ;; the same with x in slot 0
  (func (export "maddst0") (param i64 i32 i32) (result i64)
    (f64.store (local.get 2)
      (f64.add (f64.mul (f64.reinterpret_i64 (local.get 0)) (f64.load offset=8 (local.get 1))) (f64.load (local.get 2))))
    (i64.load (local.get 2)))
  ;; the loaded value as the left operand (F64_LOAD_*), and f32 (F32_*_LOAD, F32_LOAD_*)
  (func (export "lfadd") (param i32 i64) (result i64)
    (i64.reinterpret_f64 (f64.add (f64.load offset=8 (local.get 0)) (f64.reinterpret_i64 (local.get 1)))))
  (func (export "lfsub") (param i32 i64) (result i64)
    (i64.reinterpret_f64 (f64.sub (f64.load offset=8 (local.get 0)) (f64.reinterpret_i64 (local.get 1)))))
  (func (export "lfmul") (param i32 i64) (result i64)
    (i64.reinterpret_f64 (f64.mul (f64.load offset=8 (local.get 0)) (f64.reinterpret_i64 (local.get 1)))))
  (func (export "gadd") (param i32 i64) (result i64)
    (i64.extend_i32_u (i32.reinterpret_f32 (f32.add (f32.reinterpret_i32 (i32.wrap_i64 (local.get 1))) (f32.load offset=8 (local.get 0))))))
  (func (export "gsub") (param i32 i64) (result i64)
    (i64.extend_i32_u (i32.reinterpret_f32 (f32.sub (f32.reinterpret_i32 (i32.wrap_i64 (local.get 1))) (f32.load offset=8 (local.get 0))))))
  (func (export "gmul") (param i32 i64) (result i64)
    (i64.extend_i32_u (i32.reinterpret_f32 (f32.mul (f32.reinterpret_i32 (i32.wrap_i64 (local.get 1))) (f32.load offset=8 (local.get 0))))))
  (func (export "lgadd") (param i32 i64) (result i64) (local f32)
    (local.set 2 (f32.reinterpret_i32 (i32.wrap_i64 (local.get 1))))
    (i64.extend_i32_u (i32.reinterpret_f32 (f32.add (f32.load offset=12 (local.get 0)) (local.get 2)))))
  (func (export "lgsub") (param i32 i64) (result i64) (local f32)
    (local.set 2 (f32.reinterpret_i32 (i32.wrap_i64 (local.get 1))))
    (i64.extend_i32_u (i32.reinterpret_f32 (f32.sub (f32.load offset=12 (local.get 0)) (local.get 2)))))
  (func (export "lgmul") (param i32 i64) (result i64) (local f32)
    (local.set 2 (f32.reinterpret_i32 (i32.wrap_i64 (local.get 1))))
    (i64.extend_i32_u (i32.reinterpret_f32 (f32.mul (f32.load offset=12 (local.get 0)) (local.get 2)))))
  (func (export "fcopy") (param i32) (result i64)
    (f64.store offset=16 (local.get 0) (f64.load offset=8 (local.get 0)))
    (i64.load offset=16 (local.get 0)))
  (func (export "mulc") (param i64) (result i64) (i64.mul (local.get 0) (i64.const 0xbf58476d1ce4e5b9)))
  (func (export "rotlc") (param i64) (result i64) (i64.rotl (local.get 0) (i64.const 7)))
  (func (export "rotrc") (param i64) (result i64) (i64.rotr (local.get 0) (i64.const 45)))
  (func (export "xs30") (param i64) (result i64) (i64.xor (i64.shr_u (local.get 0) (i64.const 30)) (local.get 0)))
  (func (export "xs0") (param i64) (result i64) (i64.xor (i64.shr_u (local.get 0) (i64.const 64)) (local.get 0)))
  (func (export "xs33") (param i64) (result i64) (local i64)
    (local.set 1 (i64.add (local.get 0) (i64.const 1)))
    (i64.xor (i64.shr_u (local.get 1) (i64.const 33)) (local.get 1)))
  (func (export "mix64") (param i64) (result i64) (local i64)
    (local.set 1 (i64.mul (i64.xor (i64.shr_u (local.get 0) (i64.const 30)) (local.get 0)) (i64.const 0xbf58476d1ce4e5b9)))
    (i64.mul (i64.xor (i64.shr_u (local.get 1) (i64.const 33)) (local.get 1)) (i64.const -7)))
  (func (export "xsother") (param i64) (result i64) (i64.xor (i64.shr_u (local.get 0) (i64.const 7)) (i64.const 5)))
  ;; x[i] op= v (F64_*_LOAD_STORE) and look-alikes that must not fuse
  (func (export "fadd_st") (param i32 i64) (result i64)
    (f64.store offset=8 (local.get 0) (f64.add (f64.reinterpret_i64 (local.get 1)) (f64.load offset=8 (local.get 0))))
    (i64.load offset=8 (local.get 0)))
  (func (export "fsub_st") (param i32 i64) (result i64)
    (f64.store offset=8 (local.get 0) (f64.sub (f64.reinterpret_i64 (local.get 1)) (f64.load offset=8 (local.get 0))))
    (i64.load offset=8 (local.get 0)))
  (func (export "fmul_st") (param i32 i64) (result i64)
    (f64.store offset=8 (local.get 0) (f64.mul (f64.reinterpret_i64 (local.get 1)) (f64.load offset=8 (local.get 0))))
    (i64.load offset=8 (local.get 0)))
  (func (export "fadd_other") (param i32 i64) (result i64)
    (f64.store offset=16 (local.get 0) (f64.add (f64.reinterpret_i64 (local.get 1)) (f64.load offset=8 (local.get 0))))
    (i64.load offset=16 (local.get 0)))
  ;; runs of i32.add-constant into locals (I32_ADD_IMM2), the second reading the first
  (func (export "addimm2") (param i32) (result i32) (local i32 i32 i32)
    (local.set 1 (i32.add (local.get 0) (i32.const 5)))
    (local.set 2 (i32.add (local.get 1) (i32.const -7)))
    (local.set 3 (i32.add (local.get 2) (i32.const 0x7fffffff)))
    (local.set 0 (i32.add (local.get 0) (i32.const 1)))
    (i32.xor (i32.xor (local.get 0) (local.get 1)) (i32.xor (local.get 2) (local.get 3))))
  ;; stores of constants (I32_STORE*_IMM, I64_STORE_IMM), read back as one i64
  (func (export "st_imm") (param i32) (result i64)
    (i64.store offset=8 (local.get 0) (i64.const 0x0123456789abcdef))
    (i32.store8 offset=8 (local.get 0) (i32.const -2))
    (i32.store16 offset=9 (local.get 0) (i32.const 0x1234))
    (i64.store32 offset=12 (local.get 0) (i64.const -5))
    (i64.load offset=8 (local.get 0)))
  (func (export "st_immf") (param i32) (result i64)
    (f64.store offset=8 (local.get 0) (f64.const -0x1.8p-3))
    (f32.store offset=8 (local.get 0) (f32.const nan:0x200001))
    (i64.load offset=8 (local.get 0)))
  ;; a while loop whose step and back edge fuse (I32_ADD_IMM_BR)
  (func (export "while") (param i32) (result i32) (local i32 i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_s (local.get 1) (local.get 0)))
        (local.set 2 (i32.add (local.get 2) (local.get 1)))
        (local.set 1 (i32.add (local.get 1) (i32.const 3)))
        (br $l)))
    (local.get 2))
  ;; a countdown loop: its decrement fuses with the br_if (I32_ADD_IMM_BR_IF)
  (func (export "countdown") (param i32) (result i32) (local i32)
    (loop $l
      (local.set 1 (i32.add (local.get 1) (i32.mul (local.get 0) (i32.const 3))))
      (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
    (local.get 1))
  ;; counted loops: the step and the compare-and-branch fuse (I32_ADD_IMM_BR_IF_NE(_IMM)),
  ;; also when the compare reads another local than the step writes
  (func (export "counted") (param i32) (result i32) (local i32 i32)
    (loop $l
      (local.set 2 (i32.add (local.get 2) (i32.mul (local.get 1) (local.get 1))))
      (local.set 1 (i32.add (local.get 1) (i32.const 1)))
      (br_if $l (i32.ne (local.get 1) (local.get 0))))
    (local.set 1 (i32.const 0))
    (loop $m
      (local.set 2 (i32.add (local.get 2) (i32.const 3)))
      (local.set 1 (i32.add (local.get 1) (i32.const 2)))
      (br_if $m (i32.ne (local.get 1) (i32.const 400))))
    (local.set 1 (i32.const 0))
    (loop $o
      (local.set 1 (i32.add (local.get 1) (i32.const 5)))
      (local.set 2 (i32.xor (local.get 2) (local.get 1)))
      (local.set 0 (i32.add (local.get 0) (i32.const 1)))
      (br_if $o (i32.ne (local.get 1) (i32.const 400))))
    (i32.add (local.get 2) (local.get 0)))
  ;; xors of rotations of one value (I32_ROTL_XOR2 / XOR3 / XOR2_SHR), counts 0 and 31
  ;; included, and a look-alike over two values that must not fuse
  (func (export "sig0") (param i32) (result i32)
    (i32.xor (i32.xor (i32.rotr (local.get 0) (i32.const 7)) (i32.rotr (local.get 0) (i32.const 18)))
      (i32.shr_u (local.get 0) (i32.const 3))))
  (func (export "sig1") (param i32) (result i32)
    (i32.xor (i32.xor (i32.rotr (local.get 0) (i32.const 2)) (i32.rotr (local.get 0) (i32.const 13)))
      (i32.rotr (local.get 0) (i32.const 22))))
  (func (export "rx2") (param i32) (result i32)
    (i32.xor (i32.rotl (local.get 0) (i32.const 0)) (i32.rotl (local.get 0) (i32.const 31))))
  (func (export "rx0") (param i32) (result i32)
    (i32.xor (i32.xor (i32.rotl (local.get 0) (i32.const 32)) (i32.rotl (local.get 0) (i32.const 1)))
      (i32.shr_u (local.get 0) (i32.const 0))))
  (func (export "rxother") (param i32 i32) (result i32)
    (i32.xor (i32.rotl (local.get 0) (i32.const 3)) (i32.rotl (local.get 1) (i32.const 5))))
  ;; constants inside loops live in frame slots written at entry (loopConsts)
  (func (export "loopconst") (param i32) (result i64) (local f64 i32)
    (loop $l
      (local.set 1 (f64.add (f64.mul (local.get 1) (f64.const 0.5)) (f64.const 1.25)))
      (f32.store offset=4 (i32.const 0) (f32.const nan:0x200001))
      (v128.store offset=16 (i32.const 0) (i32x4.add (v128.load offset=16 (i32.const 0)) (v128.const i32x4 1 -2 3 -4)))
      (local.set 2 (i32.add (local.get 2) (i32.const 1)))
      (br_if $l (i32.lt_s (local.get 2) (local.get 0))))
    (i64.xor (i64.xor (i64.reinterpret_f64 (local.get 1)) (i64.load offset=16 (i32.const 0)))
      (i64.xor (i64.load offset=24 (i32.const 0)) (i64.load32_u offset=4 (i32.const 0)))))
  ;; f64.mul feeding f64.add/sub (F64_MUL_ADD, ADD_MUL, MUL_SUB, SUB_MUL), the product's
  ;; operands possibly the add's other operand or its destination
  (func (export "madd") (param i64 i64 i64) (result i64)
    (i64.reinterpret_f64 (f64.add (f64.mul (f64.reinterpret_i64 (local.get 0)) (f64.reinterpret_i64 (local.get 1))) (f64.reinterpret_i64 (local.get 2)))))
  (func (export "addm") (param i64 i64 i64) (result i64)
    (i64.reinterpret_f64 (f64.add (f64.reinterpret_i64 (local.get 2)) (f64.mul (f64.reinterpret_i64 (local.get 0)) (f64.reinterpret_i64 (local.get 1))))))
  (func (export "msub") (param i64 i64 i64) (result i64)
    (i64.reinterpret_f64 (f64.sub (f64.mul (f64.reinterpret_i64 (local.get 0)) (f64.reinterpret_i64 (local.get 1))) (f64.reinterpret_i64 (local.get 2)))))
  (func (export "subm") (param i64 i64 i64) (result i64) (local f64)
    (local.set 3 (f64.reinterpret_i64 (local.get 2)))
    (local.set 3 (f64.sub (local.get 3) (f64.mul (local.get 3) (f64.reinterpret_i64 (local.get 1)))))
    (i64.reinterpret_f64 (local.get 3)))
  ;; i64 shift counts made by extend (the extend is dropped)
  (func (export "shl_x") (param i64 i32) (result i64) (i64.shl (local.get 0) (i64.extend_i32_u (local.get 1))))
  (func (export "shr_s_x") (param i64 i32) (result i64) (i64.shr_s (local.get 0) (i64.extend_i32_s (local.get 1))))
  (func (export "shr_u_x") (param i64 i32) (result i64)
    (i64.shr_u (local.get 0) (i64.extend_i32_u (i32.and (local.get 1) (i32.const 31)))))
  (func (export "rotl_x") (param i64 i32) (result i64) (i64.rotl (local.get 0) (i64.extend_i32_u (local.get 1))))
  (func (export "rotr_x") (param i64 i32) (result i64) (i64.rotr (local.get 0) (i64.extend_i32_s (local.get 1))))
)`;

type Arg = number | bigint;
const toValue = (a: Arg): Value => (typeof a === 'bigint' ? { type: 'i64', value: a } : { type: 'i32', value: a });

describe('fused memory and constant forms against native WebAssembly', () => {
  const native = new WebAssembly.Instance(new WebAssembly.Module(watToBinary(wat))).exports as
    Record<string, (...a: Arg[]) => unknown>;
  const inst = load(wat);
  const call = (name: string, args: Arg[]): unknown => {
    try {
      const r = invoke(fn(inst, name), args.map(toValue));
      return r.length === 0 ? undefined : (r[0] as { value: unknown }).value;
    } catch (e) { return e instanceof Trap ? `trap: ${e.message}` : e; }
  };
  const want = (name: string, args: Arg[]): unknown => {
    try { return native[name](...args); } catch (e) { return e instanceof WebAssembly.RuntimeError ? 'trap' : e; }
  };
  /** The first result in fast or exact mode, or the trap with its wasm offset. */
  const run = (f: string, mode: 'fast' | 'exact', args: Value[]): unknown => {
    try {
      return (invoke(fn(inst, f), args, { mode })[0] as { value: bigint }).value;
    } catch (e) {
      if (!(e instanceof Trap)) throw e;
      return `trap ${e.message} at ${e.wasmStack[0]?.offset}`;
    }
  };
  const same = (name: string, args: Arg[]): void => {
    const w = want(name, args);
    const g = call(name, args);
    if (w === 'trap') expect(String(g)).toMatch(/^trap: out of bounds memory access/);
    else expect({ name, args, g }).toEqual({ name, args, g: w });
  };
  const addr = fc.oneof(fc.integer({ min: 0, max: 65540 }), fc.constantFrom(-1, -8, -16, 16, 15, 65528, 65535, 65536, 0x7fffffff));
  const bits = fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    fc.constantFrom(0x7ff4000000000001n, 0x7fc00001ffa00001n, 0x7f800000ff800000n, 0x7ff8000000000000n, -0x7ff0000000000n, 0x7ff0000000000000n, 1n, 0n));

  it('agrees on loads and stores with folded addresses', () => {
    fc.assert(fc.property(addr, bits, (a, v) => {
      const p = Math.max(0, Math.min(a, 65520)) & ~7;
      same('st64', [p + 8, v]);
      native.st64(p + 8, v);
      for (const f of ['ld_add', 'ld_wrap']) same(f, [a]);
      same('st_add', [a, Number(BigInt.asIntN(32, v))]);
      same('st_const', [Number(BigInt.asIntN(32, v))]);
      same('ld_const', []);
    }), { numRuns: 300 });
  });

  it('agrees on f64 loads fused into arithmetic, NaN bits included when both are NaN', () => {
    const isNaN64 = (x: bigint): boolean => (x & 0x7fffffffffffffffn) > 0x7ff0000000000000n;
    fc.assert(fc.property(addr, bits, bits, (a, x, y) => {
      const p = Math.max(0, Math.min(a, 65520)) & ~7;
      same('st64', [p + 8, y]);
      native.st64(p + 8, y);
      const isNaN32 = (v: bigint): boolean => (v & 0x7fffffffn) > 0x7f800000n;
      for (const f of ['fadd', 'fsub', 'fmul', 'lfadd', 'lfsub', 'lfmul', 'gadd', 'gsub', 'gmul', 'lgadd', 'lgsub', 'lgmul']) {
        const w = want(f, [a, x]);
        const g = call(f, [a, x]);
        const nan = f.startsWith('g') || f.startsWith('lg') ? isNaN32 : isNaN64;
        if (w === 'trap') expect(String(g)).toMatch(/^trap: out of bounds memory access/);
        else if (!(nan(w as bigint) && nan(g as bigint))) expect({ f, a, x, y, g }).toEqual({ f, a, x, y, g: w });
        // NaN bits as the unfused instructions pick them (exact mode runs them one by one)
        if (w !== 'trap') {
          const e = invoke(fn(inst, f), [toValue(a), toValue(x)], { mode: 'exact' })[0] as { value: bigint };
          expect({ f, a, x, y, g }).toEqual({ f, a, x, y, g: e.value });
        }
      }
      same('fcopy', [a]);
    }), { numRuns: 300 });
  });

  it('agrees on f64 load-op-store back to the same address', () => {
    const isNaN64 = (x: bigint): boolean => (x & 0x7fffffffffffffffn) > 0x7ff0000000000000n;
    fc.assert(fc.property(addr, bits, bits, (a, x, y) => {
      const p = Math.max(0, Math.min(a, 65520)) & ~7;
      for (const f of ['fadd_st', 'fsub_st', 'fmul_st', 'fadd_other']) {
        // every byte the call may read is reset: an earlier NaN result may legitimately
        // differ between engines (sign, payload) and must not leak into this comparison
        for (const at of [p, p + 8, p + 16, p + 24].filter((q) => q + 8 <= 65536)) {
          same('st64', [at, y]);
          native.st64(at, y);
        }
        const w = want(f, [a, x]);
        const g = call(f, [a, x]);
        if (w === 'trap') expect(String(g)).toMatch(/^trap: out of bounds memory access/);
        else if (!(isNaN64(w as bigint) && isNaN64(g as bigint))) expect({ f, a, x, y, g }).toEqual({ f, a, x, y, g: w });
      }
    }), { numRuns: 300 });
  });

  it('agrees on f64 multiply-add fusions, NaN bits included unless both are NaN', () => {
    const isNaN64 = (x: bigint): boolean => (x & 0x7fffffffffffffffn) > 0x7ff0000000000000n;
    fc.assert(fc.property(bits, bits, bits, (x, y, z) => {
      for (const f of ['madd', 'addm', 'msub', 'subm']) {
        const w = want(f, [x, y, z]) as bigint;
        const g = call(f, [x, y, z]) as bigint;
        if (!(isNaN64(w) && isNaN64(g))) expect({ f, x, y, z, g }).toEqual({ f, x, y, z, g: w });
        // NaN bits as the unfused instructions pick them: exact mode runs them one by one
        const args = [x, y, z].map(toValue);
        const e = (invoke(fn(inst, f), args, { mode: 'exact' })[0] as { value: bigint }).value;
        expect({ f, x, y, z, g }).toEqual({ f, x, y, z, g: e });
      }
    }), { numRuns: 500 });
  });

  it('fuses counted-loop steps with their compare-and-branch', () => {
    const code = fastOps(inst, 'counted');
    expect(code).toContain(I.I32_ADD_IMM_BR_IF_NE);
    expect(code).toContain(I.I32_ADD_IMM_BR_IF_NE_IMM);
  });

  it('fuses f32 and f64 loads on either side of add/sub/mul', () => {
    const ops = (f: string): number[] => fastOps(inst, f);
    expect(ops('lfsub')).toContain(I.F64_LOAD_SUB);
    expect(ops('gsub')).toContain(I.F32_SUB_LOAD);
    expect(ops('lgsub')).toContain(I.F32_LOAD_SUB);
  });

  it('fuses xors of rotations of one value', () => {
    const ops = (f: string): number[] => fastOps(inst, f);
    expect(ops('sig0')).toContain(I.I32_ROTL_XOR2_SHR);
    expect(ops('sig1')).toContain(I.I32_ROTL_XOR3);
    expect(ops('rx2')).toContain(I.I32_ROTL_XOR2);
    expect(ops('rxother')).not.toContain(I.I32_ROTL_XOR2);
  });

  it('agrees on c[i] += x * b[j] fused, NaN bits and trap offsets as unfused', () => {
    expect(fastOps(inst, 'maddst')).toContain(I.F64_MULADD_LOAD_STORE);
    expect(fastOps(inst, 'maddst0')).toContain(I.F64_MULADD_LOAD_STORE);
    const isNaN64 = (x: bigint): boolean => (x & 0x7fffffffffffffffn) > 0x7ff0000000000000n;
    fc.assert(fc.property(addr, addr, bits, bits, bits, (a, b, x, yb, yc) => {
      const set = (at: number, v: bigint): void => {
        if (at < 0 || at + 8 > 65536) return;
        native.st64(at, v);
        invoke(fn(inst, 'st64'), [toValue(at), toValue(v)]);
      };
      // maddst (b at a + 8, c at b, x) and maddst0 (x first: x in slot 0)
      for (const [f, args] of [['maddst', [a, b, x]], ['maddst0', [x, a, b]]] as [string, Arg[]][]) {
        set(a + 8, yb);
        set(b, yc);
        const w = want(f, args);
        const vals = args.map(toValue);
        const g = run(f, 'fast', vals);
        set(b, yc); // the fast run stored to c: the exact run starts from the same memory
        const e = run(f, 'exact', vals);
        expect({ f, args, g }).toEqual({ f, args, g: e });
        if (w === 'trap') expect(String(g)).toMatch(/^trap out of bounds memory access at \d+/);
        else if (!(isNaN64(w as bigint) && isNaN64(g as bigint))) expect({ f, args, g }).toEqual({ f, args, g: w });
      }
    }), { numRuns: 400 });
  });

  it('agrees on i32.add and i32.mul of a load, every width, traps included', () => {
    const ops = (f: string): number[] => fastOps(inst, f);
    expect(ops('addld')).toContain(I.I32_ADD_LOAD);
    expect(ops('addld8s')).toContain(I.I32_ADD_LOAD8_S);
    expect(ops('addld16u')).toContain(I.I32_ADD_LOAD16_U);
    expect(ops('mulld16s')).toContain(I.I32_MUL_LOAD16_S);
    expect(ops('mulld8u')).toContain(I.I32_MUL_LOAD8_U);
    expect(ops('xrotl')).toContain(I.I64_XOR_ROTL_IMM);
    for (const k of [I.SELECT_LT_S, I.SELECT_GT_U, I.SELECT_F64_LT, I.SELECT_F64_GT, I.SELECT_F32_GT]) {
      expect(ops('sel')).toContain(k);
    }
    expect(ops('sel2')).toContain(I.SELECT_GT_S);
    fc.assert(fc.property(addr, bits, fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (a, v, n) => {
      // every byte the loads may read is reset in both (earlier tests may leave NaN bits
      // that legitimately differ between engines)
      const p = Math.max(0, Math.min(a, 65528)) & ~7;
      for (const at of [p, p + 8].filter((q) => q + 8 <= 65536)) {
        same('st64', [at, v]);
        native.st64(at, v);
      }
      for (const f of ['addld', 'addld8s', 'addld8u', 'addld16s', 'addld16u', 'mulld', 'mulld8s', 'mulld8u',
        'mulld16s', 'mulld16u']) same(f, [a, n]);
    }), { numRuns: 300 });
  });

  it('agrees on x[i] +-= a * b at one address, NaN bits and traps as unfused', () => {
    const ops = (f: string): number[] => fastOps(inst, f);
    expect(ops('memmadd')).toContain(I.F64_MULADD_MEM);
    expect(ops('memmsub')).toContain(I.F64_MULADD_MEM);
    const isNaN64 = (x: bigint): boolean => (x & 0x7fffffffffffffffn) > 0x7ff0000000000000n;
    fc.assert(fc.property(addr, bits, bits, bits, (a, x, y, z) => {
      for (const f of ['memmadd', 'memmsub']) {
        const set = (): void => {
          if (a < 0 || a + 16 > 65536) return;
          native.st64(a + 8, z);
          invoke(fn(inst, 'st64'), [toValue(a + 8), toValue(z)]);
        };
        set();
        const w = want(f, [a, x, y]);
        const vals = [toValue(a), toValue(x), toValue(y)];
        const g = run(f, 'fast', vals);
        set();
        const e = run(f, 'exact', vals);
        expect({ f, a, x, y, z, g }).toEqual({ f, a, x, y, z, g: e });
        if (w === 'trap') expect(String(g)).toMatch(/^trap out of bounds memory access at \d+/);
        else if (!(isNaN64(w as bigint) && isNaN64(g as bigint))) expect({ f, a, x, y, z, g }).toEqual({ f, a, x, y, z, g: w });
      }
    }), { numRuns: 400 });
  });

  it('agrees on stores of constants', () => {
    fc.assert(fc.property(addr, (a) => {
      same('st_imm', [a]);
      same('st_immf', [a]);
    }), { numRuns: 300 });
  });

  it('agrees on paired add-constants and on i64 shift counts made by extend', () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), bits, (n, x) => {
      same('addimm2', [n]);
      same('while', [n % 5000]);
      same('countdown', [((n >>> 0) % 3000) + 1]);
      same('counted', [((n >>> 0) % 3000) + 1]);
      for (const f of ['sig0', 'sig1', 'rx2', 'rx0']) same(f, [n]);
      same('rxother', [n, Number(BigInt.asIntN(32, x))]);
      native.st64(16, 0n); native.st64(24, 0n);
      invoke(fn(inst, 'st64'), [{ type: 'i32', value: 16 }, { type: 'i64', value: 0n }]);
      invoke(fn(inst, 'st64'), [{ type: 'i32', value: 24 }, { type: 'i64', value: 0n }]);
      same('loopconst', [n % 100]);
      for (const f of ['shl_x', 'shr_s_x', 'shr_u_x', 'rotl_x', 'rotr_x']) same(f, [x, n]);
      for (const f of ['xrotl', 'xrotl2']) same(f, [x, BigInt.asIntN(64, x * 0x9e3779b97f4a7c15n + BigInt(n))]);
      const m = Number(BigInt.asIntN(32, x));
      same('sel', [n, m, x]);
      same('sel', [n, n, x]);
      same('sel2', [n, m]);
    }), { numRuns: 300 });
  });

  it('agrees on i64 multiply and rotates by constants', () => {
    fc.assert(fc.property(bits, (x) => {
      for (const f of ['mulc', 'rotlc', 'rotrc', 'xs30', 'xs0', 'xs33', 'xsother', 'mix64']) same(f, [x]);
    }), { numRuns: 300 });
  });
});
