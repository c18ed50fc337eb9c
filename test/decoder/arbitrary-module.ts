// A fast-check arbitrary of Modules in canonical form (what the decoder produces), so that
// decode(encode(m)) can be compared with m. Structure is well formed for the binary format
// (bodies nest and end, counts agree); validity (typing, index ranges) is not attempted.

import fc from 'fast-check';
import { ByteWriter } from '../../src/decoder/byte-writer.js';
import type {
  CustomSection, Data, Elem, Export, Expr, Func, Global, Import, Memory, Module, Table, Tag,
} from '../../src/syntax/module.js';
import { SECTION_ORDER } from '../../src/syntax/module.js';
import type {
  AbsHeapType, CompType, FieldType, HeapType, Limits, MemType, RecGroup, RefType, StorageType,
  SubType, TableType, ValType,
} from '../../src/syntax/types.js';
import { refType } from '../../src/syntax/types.js';

const ABS: AbsHeapType[] = ['func', 'nofunc', 'extern', 'noextern', 'any', 'eq', 'i31', 'struct', 'array', 'none', 'exn', 'noexn'];

const idx = fc.integer({ min: 0, max: 300 });

const heapType: fc.Arbitrary<HeapType> = fc.oneof(fc.constantFrom(...ABS), idx);

const refTypeArb: fc.Arbitrary<RefType> = fc.oneof(
  fc.tuple(fc.boolean(), heapType).map(([n, h]) => refType(n, h)),
  fc.tuple(fc.boolean(), idx).map(([n, h]) => refType(n, h, true)),
);

const valType: fc.Arbitrary<ValType> = fc.oneof(
  fc.constantFrom<ValType>('i32', 'i64', 'f32', 'f64', 'v128'),
  refTypeArb,
);

const storageType: fc.Arbitrary<StorageType> = fc.oneof(valType, fc.constantFrom<StorageType>('i8', 'i16'));
const fieldType: fc.Arbitrary<FieldType> = fc.record({ type: storageType, mutable: fc.boolean() });

const compType: fc.Arbitrary<CompType> = fc.oneof(
  fc.record({ kind: fc.constant('func' as const), params: fc.array(valType, { maxLength: 4 }), results: fc.array(valType, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('struct' as const), fields: fc.array(fieldType, { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('array' as const), elem: fieldType }),
);

const subType: fc.Arbitrary<SubType> = fc.tuple(
  fc.boolean(), fc.array(idx, { maxLength: 2 }), compType,
  fc.option(idx, { nil: undefined }), fc.option(idx, { nil: undefined }),
).map(([final, supers, comp, describes, descriptor]) => ({
  final, supers, comp,
  ...(descriptor !== undefined ? { descriptor } : {}),
  ...(describes !== undefined ? { describes } : {}),
}));

// ---- instructions as encoded snippets ----------------------------------------------------

function bytesOf(f: (w: ByteWriter) => void): number[] {
  const w = new ByteWriter();
  f(w);
  return Array.from(w.finish());
}

const simpleInstr: fc.Arbitrary<number[]> = fc.oneof(
  fc.integer({ min: -0x80000000, max: 0x7fffffff }).map((v) => bytesOf((w) => w.byte(0x41).s32(v))),
  fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }).map((v) => bytesOf((w) => w.byte(0x42).s64Big(v))),
  fc.integer().map((v) => bytesOf((w) => w.byte(0x43).i32le(v))),
  fc.tuple(fc.integer(), fc.integer()).map(([a, b]) => bytesOf((w) => w.byte(0x44).i32le(a).i32le(b))),
  fc.constantFrom<number[]>([0x01], [0x00], [0x1a], [0x0f], [0x6a], [0xd1], [0xfb, 0x1c], [0xfc, 0x00]),
  heapType.map((h) => bytesOf((w) => w.byte(0xd0).heapType(h))),
  idx.map((x) => bytesOf((w) => w.byte(0xd2).u32(x))),
  idx.map((x) => bytesOf((w) => w.byte(0x23).u32(x))),
  idx.map((x) => bytesOf((w) => w.byte(0x20).u32(x))),
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 ** 40 })).map(([a, o]) => bytesOf((w) => w.byte(0x28).u32(a).u64(o))),
  fc.array(fc.integer(), { minLength: 4, maxLength: 4 }).map((ws) => bytesOf((w) => { w.byte(0xfd).u32(12); for (const x of ws) w.i32le(x); })),
  fc.array(idx, { maxLength: 4 }).map((ls) => bytesOf((w) => { w.byte(0x0e).u32(ls.length); for (const l of ls) w.u32(l); w.u32(0); })),
  fc.tuple(fc.integer({ min: 0, max: 3 }), idx, heapType, heapType).map(([f, l, a, b]) => bytesOf((w) => w.byte(0xfb).u32(0x18).byte(f).u32(l).heapType(a).heapType(b))),
);

const blockType: fc.Arbitrary<number[]> = fc.oneof(
  fc.constant<number[]>([0x40]),
  valType.map((t) => bytesOf((w) => w.valType(t))),
  idx.map((x) => bytesOf((w) => w.s33(x))),
);

const instrs: fc.Arbitrary<number[]> = fc.letrec<{ seq: number[]; instr: number[] }>((tie) => ({
  seq: fc.array(tie('instr'), { maxLength: 5 }).map((xs) => xs.flat()),
  instr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    simpleInstr,
    fc.tuple(fc.constantFrom(0x02, 0x03), blockType, tie('seq')).map(([op, bt, body]) => [op, ...bt, ...body, 0x0b]),
    // An empty else is left out, as text-to-binary encoders do (so printed text round-trips).
    fc.tuple(blockType, tie('seq'), tie('seq')).map(([bt, a, b]) => [0x04, ...bt, ...a, ...(b.length ? [0x05, ...b] : []), 0x0b]),
  ),
})).seq;

const body: fc.Arbitrary<Expr> = instrs.map((b) => ({ bytes: Uint8Array.from([...b, 0x0b]), offset: 0 }));
// Constant expressions are never empty (an empty table initializer has no text form).
const expr: fc.Arbitrary<Expr> = fc.tuple(simpleInstr, instrs)
  .map(([a, b]) => ({ bytes: Uint8Array.from([...a, ...b, 0x0b]), offset: 0 }));

// ---- module parts -------------------------------------------------------------------------

const bound = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const limits: fc.Arbitrary<Limits> = fc.record({ min: bound, max: fc.option(bound, { nil: null }), is64: fc.boolean() });

const tableType: fc.Arbitrary<TableType> = fc.record({ elem: refTypeArb, limits });
const memType: fc.Arbitrary<MemType> = fc.tuple(limits, fc.boolean(), fc.option(fc.integer({ min: 0, max: 63 }), { nil: undefined }))
  .map(([l, shared, page]) => (page === undefined
    ? { limits: l, shared, pageSizeLog2: 16 }
    : { limits: l, shared, pageSizeLog2: page, explicitPageSize: true }));

const name = fc.string({ maxLength: 8, unit: 'grapheme' });

const importArb: fc.Arbitrary<Import> = fc.record({
  module: name,
  name,
  desc: fc.oneof(
    idx.map((typeIdx) => ({ kind: 'func' as const, typeIdx })),
    idx.map((typeIdx) => ({ kind: 'func' as const, typeIdx, exact: true })),
    tableType.map((type) => ({ kind: 'table' as const, type })),
    memType.map((type) => ({ kind: 'memory' as const, type })),
    fc.record({ type: valType, mutable: fc.boolean() }).map((type) => ({ kind: 'global' as const, type })),
    idx.map((typeIdx) => ({ kind: 'tag' as const, type: { typeIdx } })),
  ),
});

const func: fc.Arbitrary<Func> = fc.record({
  typeIdx: idx,
  locals: fc.array(fc.record({ count: fc.integer({ min: 0, max: 1000 }), type: valType }), { maxLength: 3 }),
  body,
});

const table: fc.Arbitrary<Table> = fc.record({ type: tableType, init: fc.option(expr, { nil: null }) });
const memory: fc.Arbitrary<Memory> = memType.map((type) => ({ type }));
const global: fc.Arbitrary<Global> = fc.record({ type: fc.record({ type: valType, mutable: fc.boolean() }), init: expr });
const tag: fc.Arbitrary<Tag> = idx.map((typeIdx) => ({ type: { typeIdx } }));
const exportArb: fc.Arbitrary<Export> = fc.record({
  name, kind: fc.constantFrom('func' as const, 'table' as const, 'memory' as const, 'global' as const, 'tag' as const), index: idx,
});

const elemMode = fc.oneof(
  fc.constant({ kind: 'passive' as const }),
  fc.constant({ kind: 'declarative' as const }),
  fc.record({ kind: fc.constant('active' as const), table: fc.oneof(fc.constant(0), idx), offset: expr }),
);

const elem: fc.Arbitrary<Elem> = fc.oneof(
  fc.record({
    mode: elemMode,
    type: fc.constant(refType(false, 'func')),
    init: fc.array(idx, { maxLength: 4 }).map((funcs) => ({ kind: 'funcs' as const, funcs })),
  }),
  fc.record({
    mode: elemMode,
    type: refTypeArb,
    init: fc.array(expr, { maxLength: 3 }).map((exprs) => ({ kind: 'exprs' as const, exprs })),
  }),
);

const data: fc.Arbitrary<Data> = fc.record({
  mode: fc.oneof(
    fc.constant({ kind: 'passive' as const }),
    fc.record({ kind: fc.constant('active' as const), memory: fc.oneof(fc.constant(0), idx), offset: expr }),
  ),
  bytes: fc.uint8Array({ maxLength: 16 }),
});

const recGroupSizes = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.boolean()), { maxLength: 4 });

export const moduleArb: fc.Arbitrary<Module> = fc.record({
  groups: recGroupSizes,
  subTypes: fc.array(subType, { minLength: 12, maxLength: 12 }),
  imports: fc.array(importArb, { maxLength: 4 }),
  funcs: fc.array(func, { maxLength: 3 }),
  tables: fc.array(table, { maxLength: 2 }),
  memories: fc.array(memory, { maxLength: 2 }),
  globals: fc.array(global, { maxLength: 2 }),
  tags: fc.array(tag, { maxLength: 2 }),
  exports: fc.array(exportArb, { maxLength: 3 }),
  start: fc.option(idx, { nil: null }),
  elems: fc.array(elem, { maxLength: 3 }),
  datas: fc.array(data, { maxLength: 3 }),
  withDataCount: fc.boolean(),
  customs: fc.array(fc.record({
    name: name.filter((n) => n !== 'name'),
    bytes: fc.uint8Array({ maxLength: 8 }),
    anchor: fc.integer({ min: 0, max: 13 }),
  }), { maxLength: 3 }),
}).map((g) => {
  const types: SubType[] = [];
  const recGroups: RecGroup[] = [];
  for (const [count, explicit] of g.groups) {
    recGroups.push({ start: types.length, count, explicit: explicit || count !== 1 });
    types.push(...g.subTypes.slice(0, count));
  }
  const dataCount = g.withDataCount ? g.datas.length : null;
  // A custom section can only be anchored after a section that will be written.
  const anchorOk = (id: number): boolean => id !== 8 && id !== 12 ? true
    : id === 8 ? g.start !== null : dataCount !== null;
  const order = (id: number): number => (id === 0 ? -1 : SECTION_ORDER.indexOf(id));
  const customs: CustomSection[] = g.customs
    .map((c) => ({ name: c.name, bytes: c.bytes, after: anchorOk(c.anchor) ? c.anchor : 0 }))
    .sort((a, b) => order(a.after) - order(b.after));
  const m: Module = {
    types, recGroups, imports: g.imports, funcs: g.funcs, tables: g.tables, memories: g.memories,
    globals: g.globals, tags: g.tags, exports: g.exports, start: g.start, elems: g.elems,
    datas: g.datas, dataCount, customs, names: null,
  };
  return m;
});

/** The AST with expression/custom offsets dropped and bytes as arrays, for deep comparison. */
export function comparable(x: unknown): unknown {
  if (x instanceof Uint8Array) return Array.from(x);
  if (x instanceof Map) return new Map([...x].map(([k, v]) => [k, comparable(v)]));
  if (Array.isArray(x)) return x.map(comparable);
  if (x && typeof x === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      if (k === 'offset' && typeof v === 'number') continue;
      if (v === undefined) continue;
      o[k] = comparable(v);
    }
    return o;
  }
  return x;
}
