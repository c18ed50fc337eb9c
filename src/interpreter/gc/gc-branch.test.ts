import { describe, expect, it } from 'vitest';
import { compile, instantiateModule, invoke } from '../../index.js';
import type { Value } from '../../runtime/objects.js';

// br_on_cast* need the translator's branch support; both execution modes must agree.
const WAT = `(module
  (type $a (sub (struct (field i32))))
  (type $b (sub $a (struct (field i32) (field i32))))
  (rec (type $d (descriptor $e) (struct)) (type $e (describes $d) (struct)))
  (global $e1 (ref (exact $e)) (struct.new $e))
  (global $e2 (ref (exact $e)) (struct.new $e))
  (func $classify (export "classify") (param anyref) (result i32)
    (block $null
      (block $i31 (result (ref i31))
        (block $b (result (ref $b))
          (block $a (result (ref $a))
            (br_on_null $null (local.get 0))
            (br_on_cast $i31 (ref any) (ref i31))
            (br_on_cast $b (ref any) (ref $b))
            (br_on_cast $a (ref any) (ref $a))
            (drop) (return (i32.const 4)))
          (return (i32.add (struct.get $a 0) (i32.const 10))))
        (return (i32.add (struct.get $b 1) (i32.const 20))))
      (return (i32.add (i31.get_s) (i32.const 30))))
    (i32.const 0))
  (func (export "fail") (param anyref) (result i32)
    (block $f (result anyref)
      (drop (br_on_cast_fail $f anyref (ref struct) (local.get 0)))
      (return (i32.const 1)))
    (drop) (i32.const 2))
  (func (export "desc") (param i32) (result i32)
    (local $v (ref null $d))
    (local.set $v (struct.new_desc $d (global.get $e1)))
    (block $hit (result (ref null $d))
      (br_on_cast_desc_eq $hit (ref null $d) (ref null $d)
        (local.get $v) (select (result (ref null (exact $e))) (global.get $e1) (global.get $e2) (local.get 0)))
      (return (i32.const 0)))
    (drop) (i32.const 1))
  (func (export "run") (result i32)
    (i32.add (i32.add (i32.add (i32.add (i32.add
      (call $classify (ref.null any))
      (i32.mul (i32.const 100) (call $classify (struct.new $a (i32.const 1)))))
      (i32.mul (i32.const 1000) (call $classify (struct.new $b (i32.const 1) (i32.const 2)))))
      (i32.mul (i32.const 10000) (call $classify (ref.i31 (i32.const 5)))))
      (i32.mul (i32.const 100000) (call $classify (array.new_fixed $arr 0))))
      (i32.const 0)))
  (type $arr (array i8)))`;

const inst = instantiateModule(compile(WAT), () => undefined);
const fn = (name: string) => {
  const e = inst.exports.get(name);
  if (e?.kind !== 'func') throw new Error(name);
  return e.value;
};
const i32 = (value: number): Value => ({ type: 'i32', value });

for (const mode of ['fast', 'exact'] as const) {
  describe(`br_on_cast family (${mode} mode)`, () => {
    it('br_on_cast picks the first matching label', () => {
      // null 0, $a 11, $b 22, i31 35, other array 4
      expect(invoke(fn('run'), [], { mode })).toEqual([i32(0 + 1100 + 22000 + 350000 + 400000)]);
    });
    it('br_on_cast_fail branches when the cast fails', () => {
      expect(invoke(fn('fail'), [{ type: 'ref', value: 3 }], { mode })).toEqual([i32(2)]);
      expect(invoke(fn('fail'), [{ type: 'ref', value: null }], { mode })).toEqual([i32(2)]);
    });
    it('br_on_cast_desc_eq compares descriptors by identity', () => {
      expect(invoke(fn('desc'), [i32(1)], { mode })).toEqual([i32(1)]);
      expect(invoke(fn('desc'), [i32(0)], { mode })).toEqual([i32(0)]);
    });
  });
}
