import { describe, expect, it } from 'vitest';
import { compile, instantiateModule, invoke } from '../../index.js';
import type { Value } from '../../runtime/objects.js';
import { ArrayObj, StructObj } from '../../runtime/gc/objects.js';

const WAT = `(module
  (type $p (struct (field (mut f32)) (field (mut i8)) (field (mut i64)) (field (mut v128))))
  (type $n (struct (field (ref null $n)) (field f64) (field i32)))
  (type $bytes (array (mut i8)))
  ;; more reference fields than StructObj keeps inline, interleaved with numeric ones
  (type $w (struct (field (mut i31ref)) (field i32) (field (mut i31ref)) (field (mut i31ref))
    (field (mut i64)) (field (mut i31ref))))
  (global $gw (ref $w) (struct.new $w (ref.i31 (i32.const 1)) (i32.const 10) (ref.i31 (i32.const 2))
    (ref.i31 (i32.const 3)) (i64.const 20) (ref.i31 (i32.const 4))))
  (type $refs (array (mut anyref)))
  (data $d "\\01\\02\\ff")
  (global $g (ref $p) (struct.new $p (f32.const nan:0x200001) (i32.const 300) (i64.const -5)
    (v128.const i32x4 1 2 3 4)))
  (func (export "nan-bits") (result i32)
    (i32.reinterpret_f32 (struct.get $p 0 (global.get $g))))
  (func (export "set-get-nan") (param f32) (result f32)
    (local $s (ref $p))
    (local.set $s (struct.new_default $p))
    (struct.set $p 0 (local.get $s) (local.get 0))
    (struct.get $p 0 (local.get $s)))
  (func (export "packed") (result i32 i32)
    (struct.get_s $p 1 (global.get $g)) (struct.get_u $p 1 (global.get $g)))
  (func (export "i64-field") (result i64) (struct.get $p 2 (global.get $g)))
  ;; reference, f64 and i32 fields (the run loop's STRUCT_GET_REF / _W2 / _W)
  (func (export "ref-field") (result i32 i32 i64 i32)
    (local $a (ref $n))
    (local.set $a (struct.new $n (struct.new $n (ref.null $n) (f64.const 2.5) (i32.const 9))
      (f64.const -0.0) (i32.const -7)))
    (ref.is_null (struct.get $n 0 (ref.as_non_null (struct.get $n 0 (local.get $a)))))
    (struct.get $n 2 (ref.as_non_null (struct.get $n 0 (local.get $a))))
    (i64.reinterpret_f64 (struct.get $n 1 (local.get $a)))
    (struct.get $n 2 (local.get $a)))
  ;; digits: fields 0, 2, 3, 5 of a struct.new, then of the global after struct.set
  (func $digits (param $s (ref $w)) (result i32)
    (i32.add (i32.mul (i31.get_u (ref.as_non_null (struct.get $w 0 (local.get $s)))) (i32.const 1000))
      (i32.add (i32.mul (i31.get_u (ref.as_non_null (struct.get $w 2 (local.get $s)))) (i32.const 100))
        (i32.add (i32.mul (i31.get_u (ref.as_non_null (struct.get $w 3 (local.get $s)))) (i32.const 10))
          (i31.get_u (ref.as_non_null (struct.get $w 5 (local.get $s))))))))
  (func (export "wide") (result i32 i32 i32 i32)
    (call $digits (struct.new $w (ref.i31 (i32.const 9)) (i32.const 0) (ref.i31 (i32.const 8))
      (ref.i31 (i32.const 7)) (i64.const 0) (ref.i31 (i32.const 6))))
    (call $digits (global.get $gw))
    (struct.set $w 5 (global.get $gw) (ref.i31 (i32.const 5)))
    (struct.set $w 0 (global.get $gw) (ref.i31 (i32.const 6)))
    (struct.set $w 3 (global.get $gw) (ref.i31 (i32.const 7)))
    (call $digits (global.get $gw))
    (i32.add (struct.get $w 1 (global.get $gw)) (i32.wrap_i64 (struct.get $w 4 (global.get $gw)))))
  (func (export "null-ref-field") (result i32) (ref.is_null (struct.get $n 0 (ref.null $n))))
  (func (export "v128-field") (result v128) (struct.get $p 3 (global.get $g)))
  (func (export "data") (result i32 i32 i32)
    (local $a (ref $bytes))
    (local.set $a (array.new_data $bytes $d (i32.const 0) (i32.const 3)))
    (array.get_s $bytes (local.get $a) (i32.const 2))
    (array.get_u $bytes (local.get $a) (i32.const 2))
    (array.len (local.get $a)))
  (func (export "copy-overlap") (result i32)
    (local $a (ref $bytes))
    (local.set $a (array.new_fixed $bytes 4 (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)))
    (array.copy $bytes $bytes (local.get $a) (i32.const 1) (local.get $a) (i32.const 0) (i32.const 3))
    ;; 1 1 2 3 -> read back as a little number
    (i32.add (i32.mul (array.get_u $bytes (local.get $a) (i32.const 3)) (i32.const 10))
      (array.get_u $bytes (local.get $a) (i32.const 2))))
  (func (export "oob") (array.get_u $bytes (array.new_default $bytes (i32.const 2)) (i32.const 2)) (drop))
  (func (export "null-struct") (struct.get $p 2 (ref.null $p)) (drop))
  (func (export "null-i31") (result i32) (i31.get_s (ref.null i31)))
  (func (export "i31") (result i32 i32)
    (i31.get_s (ref.i31 (i32.const -1))) (i31.get_u (ref.i31 (i32.const -1))))
  (func (export "test-cast") (param anyref) (result i32 i32 i32)
    (ref.test (ref i31) (local.get 0))
    (ref.test (ref $p) (local.get 0))
    (ref.test (ref null struct) (local.get 0)))
  (func (export "cast") (param anyref) (result (ref $p)) (ref.cast (ref $p) (local.get 0)))
  (func (export "make") (result anyref) (global.get $g))
  (func (export "roundtrip") (param anyref) (result anyref)
    (any.convert_extern (extern.convert_any (local.get 0))))
  (func (export "eq") (param eqref eqref) (result i32) (ref.eq (local.get 0) (local.get 1)))
  (func (export "refs") (result i32)
    (local $a (ref $refs))
    (local.set $a (array.new $refs (ref.i31 (i32.const 7)) (i32.const 3)))
    (array.fill $refs (local.get $a) (i32.const 1) (ref.null any) (i32.const 1))
    (i32.add (ref.is_null (array.get $refs (local.get $a) (i32.const 1)))
      (i31.get_u (ref.cast i31ref (array.get $refs (local.get $a) (i32.const 2)))))))`;

const inst = instantiateModule(compile(WAT), () => undefined);
const call = (name: string, ...args: Value[]): Value[] => {
  const e = inst.exports.get(name);
  if (e?.kind !== 'func') throw new Error(name);
  return invoke(e.value, args);
};
const i32 = (value: number): Value => ({ type: 'i32', value });
const ref = (value: Value & { type: 'ref' }): Value => value;

describe('GC execution', () => {
  it('float fields keep NaN payloads (constant expression and struct.set)', () => {
    expect(call('nan-bits')).toEqual([i32(0x7fa00001)]);
    expect(call('set-get-nan', { type: 'f32', bits: 0xffc00abc })).toEqual([{ type: 'f32', bits: 0xffc00abc }]);
  });
  it('packed, i64 and v128 fields', () => {
    expect(call('packed')).toEqual([i32(44), i32(44)]);
    expect(call('i64-field')).toEqual([{ type: 'i64', value: -5n }]);
    expect(call('ref-field')).toEqual([i32(1), i32(9), { type: 'i64', value: -(2n ** 63n) }, i32(-7)]);
    const v = call('v128-field')[0] as { words: Int32Array };
    expect(Array.from(v.words)).toEqual([1, 2, 3, 4]);
  });
  it('reference fields beyond the inline ones, between numeric fields', () => {
    expect(call('wide')).toEqual([i32(9876), i32(1234), i32(6275), i32(30)]);
  });
  it('arrays: new_data, get_s/get_u, len, overlapping copy, fill', () => {
    expect(call('data')).toEqual([i32(-1), i32(255), i32(3)]);
    expect(call('copy-overlap')).toEqual([i32(32)]);
    expect(call('refs')).toEqual([i32(8)]);
  });
  it('traps carry the spec messages', () => {
    expect(() => call('oob')).toThrow(/^out of bounds array access/);
    expect(() => call('null-struct')).toThrow(/^null structure reference/);
    expect(() => call('null-ref-field')).toThrow(/^null structure reference/);
    expect(() => call('null-i31')).toThrow(/^null i31 reference/);
    expect(() => call('cast', ref({ type: 'ref', value: 5 }))).toThrow(/^cast failure/);
  });
  it('i31, tests and casts', () => {
    expect(call('i31')).toEqual([i32(-1), i32(0x7fffffff)]);
    const s = call('make')[0];
    expect((s as { value: unknown }).value).toBeInstanceOf(StructObj);
    expect(call('test-cast', s)).toEqual([i32(0), i32(1), i32(1)]);
    expect(call('test-cast', ref({ type: 'ref', value: 3 }))).toEqual([i32(1), i32(0), i32(0)]);
    expect(call('test-cast', ref({ type: 'ref', value: null }))).toEqual([i32(0), i32(0), i32(1)]);
    expect(call('cast', s)).toEqual([s]);
  });
  it('references keep their identity through the host and extern conversions', () => {
    const s = call('make')[0];
    expect(call('roundtrip', s)[0]).toEqual(s);
    expect((call('roundtrip', s)[0] as { value: unknown }).value).toBe((s as { value: unknown }).value);
    expect(call('eq', s, s)).toEqual([i32(1)]);
    expect(call('eq', ref({ type: 'ref', value: 4 }), ref({ type: 'ref', value: 4 }))).toEqual([i32(1)]);
    expect(call('eq', s, ref({ type: 'ref', value: 4 }))).toEqual([i32(0)]);
    void ArrayObj;
  });
});
