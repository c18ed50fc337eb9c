// Canonicalization and subtyping beyond the spec suite: hand-built groups and fast-check
// properties (reflexivity, transitivity, cross-module stability of canonical ids).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyModule } from '../../src/syntax/module.js';
import type { Module } from '../../src/syntax/module.js';
import type { HeapType, RefType, SubType, ValType } from '../../src/syntax/types.js';
import { refType } from '../../src/syntax/types.js';
import { canonicalType, canonicalTypeIds, isSubtypeId } from '../../src/validator/canonical.js';
import { heapSub, refSub, valSub, matchExternType } from '../../src/validator/match.js';

function moduleOf(groups: SubType[][]): Module {
  const m = emptyModule();
  for (const g of groups) {
    m.recGroups.push({ start: m.types.length, count: g.length, explicit: g.length > 1 });
    m.types.push(...g);
  }
  return m;
}
const struct = (fields: ValType[], supers: number[] = [], final = false): SubType => ({
  final, supers, comp: { kind: 'struct', fields: fields.map((type) => ({ type, mutable: false })) },
});
const func = (params: ValType[], results: ValType[], supers: number[] = [], final = true): SubType => ({
  final, supers, comp: { kind: 'func', params, results },
});

describe('canonical ids', () => {
  it('equal groups in two modules get equal ids; different groups differ', () => {
    const a = canonicalTypeIds(moduleOf([[func(['i32'], [])], [struct(['i64'])]]));
    const b = canonicalTypeIds(moduleOf([[struct(['i64'])], [func(['i32'], [])]]));
    expect(a[0]).toBe(b[1]);
    expect(a[1]).toBe(b[0]);
    expect(a[0]).not.toBe(a[1]);
  });
  it('recursive groups compare with group-relative indices', () => {
    const self = (i: number): ValType => refType(true, i);
    const a = canonicalTypeIds(moduleOf([[struct([self(0)])]]));
    const b = canonicalTypeIds(moduleOf([[func([], [])], [struct([self(1)])]]));
    expect(a[0]).toBe(b[1]);
    // The same shape in a different group size is a different type.
    const c = canonicalTypeIds(moduleOf([[struct([self(0)]), struct([])]]));
    expect(c[0]).not.toBe(a[0]);
  });
  it('canonical types hold canonical ids', () => {
    const ids = canonicalTypeIds(moduleOf([[struct([])], [struct([refType(false, 0)], [], false)]]));
    const t = canonicalType(ids[1]).type;
    expect(t.comp.kind === 'struct' && (t.comp.fields[0].type as RefType).heap).toBe(ids[0]);
  });
  it('declared supertype chains', () => {
    const ids = canonicalTypeIds(moduleOf([[struct([], [], false)], [struct(['i32'], [0], false)], [struct(['i32', 'i32'], [1])]]));
    expect(isSubtypeId(ids[2], ids[0])).toBe(true);
    expect(isSubtypeId(ids[0], ids[2])).toBe(false);
    expect(heapSub(ids[2], 'struct')).toBe(true);
    expect(heapSub(ids[2], 'func')).toBe(false);
    expect(heapSub('none', ids[2])).toBe(true);
    expect(heapSub('nofunc', ids[2])).toBe(false);
  });
});

const ABS: HeapType[] = ['func', 'nofunc', 'extern', 'noextern', 'any', 'eq', 'i31', 'struct', 'array', 'none', 'exn', 'noexn'];
// A small fixed hierarchy of concrete types to draw from.
const hier = canonicalTypeIds(moduleOf([
  [struct([], [], false)], [struct(['i32'], [0], false)], [struct(['i32', 'f32'], [1], false)],
  [{ final: false, supers: [], comp: { kind: 'array', elem: { type: 'i8', mutable: true } } }],
  [func([], [], [], false)], [func([], [], [4], false)],
]));
const heapArb = fc.oneof(fc.constantFrom(...ABS), fc.constantFrom(...hier));
const refArb = fc.record({ nullable: fc.boolean(), heap: heapArb }).map((r) => refType(r.nullable, r.heap));
const valArb: fc.Arbitrary<ValType> = fc.oneof(fc.constantFrom<ValType>('i32', 'i64', 'f32', 'f64', 'v128'), refArb);

describe('subtyping properties', () => {
  it('is reflexive', () => {
    fc.assert(fc.property(valArb, (t) => valSub(t, t)));
  });
  it('is transitive', () => {
    fc.assert(fc.property(refArb, refArb, refArb, (a, b, c) => !(refSub(a, b) && refSub(b, c)) || refSub(a, c)), { numRuns: 5000 });
  });
  it('is antisymmetric up to equality', () => {
    fc.assert(fc.property(refArb, refArb, (a, b) => !(refSub(a, b) && refSub(b, a)) || (a.heap === b.heap && a.nullable === b.nullable)));
  });
  it('canonicalization is stable: re-canonicalizing a module gives the same ids', () => {
    const st = fc.array(fc.tuple(fc.boolean(), fc.array(fc.constantFrom<ValType>('i32', 'i64', 'f32'), { maxLength: 3 })), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(st, (spec) => {
      const groups = spec.map(([f, fields]) => [f ? func(fields, []) : struct(fields)]);
      const a = canonicalTypeIds(moduleOf(groups));
      const b = canonicalTypeIds(moduleOf(groups.map((g) => g.map((t) => ({ ...t })))));
      expect(b).toEqual(a);
      for (let i = 0; i < groups.length; i++) for (let j = 0; j < groups.length; j++) {
        expect(a[i] === a[j]).toBe(JSON.stringify(groups[i]) === JSON.stringify(groups[j]));
      }
    }));
  });
});

describe('extern type matching', () => {
  it('limits and mutability', () => {
    const mem = (min: number, max: number | null) => ({ kind: 'memory' as const, type: { limits: { min, max, is64: false }, shared: false, pageSizeLog2: 16 } });
    expect(matchExternType(mem(2, 3), mem(1, 4))).toBe(true);
    expect(matchExternType(mem(1, null), mem(1, 4))).not.toBe(true);
    const g = (type: ValType, mutable: boolean) => ({ kind: 'global' as const, type: { type, mutable } });
    expect(matchExternType(g(refType(false, 'func'), false), g(refType(true, 'func'), false))).toBe(true);
    expect(matchExternType(g(refType(false, 'func'), true), g(refType(true, 'func'), true))).not.toBe(true);
    expect(matchExternType({ kind: 'func', typeId: hier[5] }, { kind: 'func', typeId: hier[4] })).toBe(true);
    expect(matchExternType({ kind: 'func', typeId: hier[4] }, { kind: 'func', typeId: hier[5] })).not.toBe(true);
  });
});
