import { describe, expect, it } from 'vitest';
import { parseModuleText } from './parse-module.js';
import { watToBinary } from './index.js';
import { DecodeError } from '../errors.js';

function reason(src: string): string {
  try {
    parseModuleText(src);
  } catch (e) {
    if (e instanceof DecodeError) return e.reason;
    throw e;
  }
  return 'ok';
}

describe('parseModuleText', () => {
  it('binds ids across index spaces and appends implicit types after explicit ones', () => {
    const m = parseModuleText(`(module
      (func $f (param $x i32) (result i32) (local.get $x))
      (type $t (func))
      (func (export "g") (type $t) (call $f (i32.const 1)) drop)
      (func (param i32) (result i32) (i32.const 0)))`);
    expect(m.types.map((t) => t.comp.kind === 'func' && [t.comp.params.length, t.comp.results.length])).toEqual([[0, 0], [1, 1]]);
    expect(m.funcs.map((f) => f.typeIdx)).toEqual([1, 0, 1]);
    expect(m.exports).toEqual([{ name: 'g', kind: 'func', index: 1 }]);
  });

  it('lowers folded and flat forms to the same bytes', () => {
    const a = watToBinary('(module (func (result i32) (i32.add (i32.const 1) (i32.const 2))))');
    const b = watToBinary('(module (func (result i32) i32.const 1 i32.const 2 i32.add))');
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('handles labels, inline imports/exports and abbreviations', () => {
    const m = parseModuleText(`(module
      (import "m" "f" (func $imp))
      (memory (export "mem") (data "abc"))
      (table $t funcref (elem $imp $imp))
      (global $g (mut i32) (i32.const 0))
      (func $h (block $out (loop $in (br_if $out (global.get $g)) (br $in)))))`);
    expect(m.imports.length).toBe(1);
    expect(m.memories[0].type.limits).toEqual({ min: 1, max: 1, is64: false });
    expect(m.tables[0].type.limits.min).toBe(2);
    expect(m.elems.length).toBe(1);
    expect(m.datas[0].bytes).toEqual(new Uint8Array([97, 98, 99]));
  });

  it('reports the reference parser messages', () => {
    expect(reason('(module (func block $a end $b))')).toBe('mismatching label');
    expect(reason('(module (func (br $x)))')).toMatch(/^unknown label/);
    expect(reason('(module (func (call $nope)))')).toMatch(/^unknown function/);
    expect(reason('(module (func $f) (func $f))')).toMatch(/^duplicate function/);
    expect(reason('(module (func (i32.const 0x100000000)))')).toBe('constant out of range');
    expect(reason('(module (func (i32.foo)))')).toMatch(/^unknown operator/);
    expect(reason('(module (func) (import "a" "b" (func)))')).toBe('import after function definition');
    expect(reason('(module (type $t (func)) (func (type $t) (param i32)))')).toMatch(/^inline function type/);
    expect(reason('(module (memory 1) (func (i32.load align=3 (i32.const 0))))')).toMatch(/^alignment/);
    expect(reason('(module (func (v128.const i32x4 1 2 3)))')).toBe('wrong number of lane literals');
  });

  it('encodes SIMD, GC and exception syntax', () => {
    const m = parseModuleText(`(module
      (rec (type $s (sub (struct (field $x (mut i32))))) (type $a (array i8)))
      (tag $e (param i32))
      (func (param $p (ref null $s)) (result v128)
        (struct.set $s $x (local.get $p) (i32.const 1))
        (try_table (catch $e 0) (throw $e (i32.const 0)))
        (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (v128.const i32x4 1 2 3 4) (v128.const f32x4 nan inf -0 0x1p-1))))`);
    expect(m.recGroups[0]).toEqual({ start: 0, count: 2, explicit: true });
    expect(m.types.length).toBe(4); // + implicit (param i32) and (param (ref null $s)) (result v128)
    expect(m.tags.length).toBe(1);
  });
});
