// Instantiation and linking on hand-built Module ASTs: import resolution and matching, the
// order of global initialisers, segment initialisation and dropping, partial effects of a
// trapping segment, exports and the start function.
import { describe, expect, it } from 'vitest';
import { instantiate } from '../../src/runtime/instantiate.js';
import type { ImportResolver } from '../../src/runtime/instantiate.js';
import { hostFunc } from '../../src/runtime/host-func.js';
import { makeGlobal, readGlobal } from '../../src/runtime/values.js';
import { LinearMemory } from '../../src/memory/linear-memory.js';
import { Table } from '../../src/memory/table.js';
import { LinkError, Trap } from '../../src/errors.js';
import { emptyModule } from '../../src/syntax/module.js';
import type { Module } from '../../src/syntax/module.js';
import { funcref } from '../../src/syntax/types.js';
import type { ExternValue } from '../../src/runtime/objects.js';

const expr = (...bytes: number[]) => ({ bytes: Uint8Array.from([...bytes, 0x0b]), offset: 0 });
const i32c = (v: number) => expr(0x41, ...sleb(v));
function sleb(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40)) { out.push(b); return out; }
    out.push(b | 0x80);
  }
}

/** A module with one type `[] -> []` (index 0). */
function base(): Module {
  const m = emptyModule();
  m.types.push({ final: true, supers: [], comp: { kind: 'func', params: [], results: [] } });
  m.recGroups.push({ start: 0, count: 1, explicit: false });
  return m;
}

const resolverOf = (entries: Record<string, ExternValue>): ImportResolver =>
  (mod, name) => entries[`${mod}.${name}`];
const nop = { typeIdx: 0, locals: [], body: expr() };

describe('linking', () => {
  it('unknown import', () => {
    const m = base();
    m.imports.push({ module: 'env', name: 'f', desc: { kind: 'func', typeIdx: 0 } });
    expect(() => instantiate(m, () => undefined)).toThrow(LinkError);
    expect(() => instantiate(m, () => undefined)).toThrow(/^unknown import: env\.f/);
  });

  it('incompatible import type (kind and type)', () => {
    const m = base();
    m.imports.push({ module: 'env', name: 'g', desc: { kind: 'global', type: { type: 'i32', mutable: false } } });
    const f = hostFunc({ kind: 'func', params: [], results: [] }, () => []);
    expect(() => instantiate(m, resolverOf({ 'env.g': { kind: 'func', value: f } }))).toThrow(/^incompatible import type/);
    const g64 = makeGlobal({ type: 'i64', mutable: false });
    expect(() => instantiate(m, resolverOf({ 'env.g': { kind: 'global', value: g64 } }))).toThrow(/^incompatible import type/);
  });

  it('a failing later import leaves nothing allocated and reports the first problem', () => {
    const m = base();
    m.imports.push({ module: 'a', name: 'x', desc: { kind: 'func', typeIdx: 0 } });
    m.imports.push({ module: 'a', name: 'y', desc: { kind: 'func', typeIdx: 0 } });
    const calls: string[] = [];
    const r: ImportResolver = (mod, name) => { calls.push(name); return undefined; };
    expect(() => instantiate(m, r)).toThrow(/unknown import: a\.x/);
    expect(calls).toEqual(['x']);
  });
});

describe('instantiation', () => {
  it('evaluates globals in order, seeing imported and earlier globals', () => {
    const m = base();
    m.imports.push({ module: 'env', name: 'g', desc: { kind: 'global', type: { type: 'i32', mutable: false } } });
    m.globals.push({ type: { type: 'i32', mutable: false }, init: expr(0x23, 0, 0x41, 1, 0x6a) }); // g + 1
    m.globals.push({ type: { type: 'i32', mutable: true }, init: expr(0x23, 1, 0x41, 10, 0x6c) }); // (g+1)*10
    m.exports.push({ name: 'out', kind: 'global', index: 2 });
    const inst = instantiate(m, resolverOf({ 'env.g': { kind: 'global', value: makeGlobal({ type: 'i32', mutable: false }, { type: 'i32', value: 4 }) } }));
    expect(inst.globals.map(readGlobal)).toEqual([4, 5, 50].map((value) => ({ type: 'i32', value })));
    const out = inst.exports.get('out');
    expect(out?.kind === 'global' && out.value).toBe(inst.globals[2]);
  });

  it('applies active segments in order and drops them; passive stay, declarative drop', () => {
    const m = base();
    m.funcs.push(nop, nop);
    m.tables.push({ type: { elem: funcref, limits: { min: 4, max: null, is64: false } }, init: null });
    m.memories.push({ type: { limits: { min: 1, max: null, is64: false }, shared: false, pageSizeLog2: 16 } });
    m.elems.push({ mode: { kind: 'active', table: 0, offset: i32c(1) }, type: funcref, init: { kind: 'funcs', funcs: [1, 0] } });
    m.elems.push({ mode: { kind: 'passive' }, type: funcref, init: { kind: 'exprs', exprs: [expr(0xd2, 0), expr(0xd0, 0x70)] } });
    m.elems.push({ mode: { kind: 'declarative' }, type: funcref, init: { kind: 'funcs', funcs: [0] } });
    m.datas.push({ mode: { kind: 'active', memory: 0, offset: i32c(100) }, bytes: Uint8Array.of(1, 2, 3) });
    m.datas.push({ mode: { kind: 'passive' }, bytes: Uint8Array.of(9) });
    m.datas.push({ mode: { kind: 'active', memory: 0, offset: i32c(101) }, bytes: Uint8Array.of(7) });
    m.exports.push({ name: 'mem', kind: 'memory', index: 0 }, { name: 'f1', kind: 'func', index: 1 });
    const inst = instantiate(m, () => undefined);
    const t = inst.tables[0];
    expect(t.elements).toEqual([null, inst.funcs[1], inst.funcs[0], null]);
    expect(Array.from(inst.memories[0].u8.subarray(99, 104))).toEqual([0, 1, 7, 3, 0]);
    expect(inst.elems[0]).toBeNull();
    expect(inst.elems[1]).toEqual([inst.funcs[0], null]);
    expect(inst.elems[2]).toBeNull();
    expect(inst.datas.map((d) => d && Array.from(d))).toEqual([null, [9], null]);
    expect(inst.funcs[1].name).toBe('f1');
    expect(inst.funcs[1].instance).toBe(inst);
    expect(inst.funcs[1].typeId).toBe(inst.typeIds[0]);
  });

  it('a trapping segment leaves earlier effects in imported memory and table', () => {
    const m = base();
    m.imports.push({ module: 'env', name: 'mem', desc: { kind: 'memory', type: { limits: { min: 1, max: null, is64: false }, shared: false, pageSizeLog2: 16 } } });
    m.imports.push({ module: 'env', name: 'tab', desc: { kind: 'table', type: { elem: funcref, limits: { min: 2, max: null, is64: false } } } });
    m.funcs.push(nop);
    m.elems.push({ mode: { kind: 'active', table: 0, offset: i32c(0) }, type: funcref, init: { kind: 'funcs', funcs: [0] } });
    m.datas.push({ mode: { kind: 'active', memory: 0, offset: i32c(0) }, bytes: Uint8Array.of(42) });
    m.datas.push({ mode: { kind: 'active', memory: 0, offset: i32c(65536) }, bytes: Uint8Array.of(1) });
    m.datas.push({ mode: { kind: 'active', memory: 0, offset: i32c(1) }, bytes: Uint8Array.of(43) });
    const mem = new LinearMemory({ limits: { min: 1, max: null, is64: false }, shared: false, pageSizeLog2: 16 });
    const tab = new Table({ elem: funcref, limits: { min: 2, max: null, is64: false } });
    const r = resolverOf({ 'env.mem': { kind: 'memory', value: mem }, 'env.tab': { kind: 'table', value: tab } });
    expect(() => instantiate(m, r)).toThrow(Trap);
    expect(() => instantiate(m, r)).toThrow(/^out of bounds memory access/);
    expect(mem.u8[0]).toBe(42);
    expect(mem.u8[1]).toBe(0);
    expect(tab.elements[0]).not.toBeNull();
  });

  it('an element segment past the table end traps "out of bounds table access"; zero length at the end is fine', () => {
    const m = base();
    m.funcs.push(nop);
    m.tables.push({ type: { elem: funcref, limits: { min: 2, max: null, is64: false } }, init: null });
    m.elems.push({ mode: { kind: 'active', table: 0, offset: i32c(2) }, type: funcref, init: { kind: 'funcs', funcs: [] } });
    expect(() => instantiate(m, () => undefined)).not.toThrow();
    m.elems.push({ mode: { kind: 'active', table: 0, offset: i32c(2) }, type: funcref, init: { kind: 'funcs', funcs: [0] } });
    expect(() => instantiate(m, () => undefined)).toThrow(/^out of bounds table access/);
    const n = base();
    n.memories.push({ type: { limits: { min: 0, max: null, is64: false }, shared: false, pageSizeLog2: 16 } });
    n.datas.push({ mode: { kind: 'active', memory: 0, offset: i32c(-1) }, bytes: new Uint8Array(0) });
    expect(() => instantiate(n, () => undefined)).toThrow(/^out of bounds memory access/);
  });

  it('table initializer expressions fill new tables', () => {
    const m = base();
    m.funcs.push(nop);
    m.tables.push({ type: { elem: { kind: 'ref', nullable: false, exact: false, heap: 'func' }, limits: { min: 3, max: null, is64: false } }, init: expr(0xd2, 0) });
    const inst = instantiate(m, () => undefined);
    expect(inst.tables[0].elements).toEqual([inst.funcs[0], inst.funcs[0], inst.funcs[0]]);
  });

  it('runs an imported start function after segments', () => {
    const m = base();
    m.imports.push({ module: 'env', name: 'start', desc: { kind: 'func', typeIdx: 0 } });
    m.memories.push({ type: { limits: { min: 1, max: null, is64: false }, shared: false, pageSizeLog2: 16 } });
    m.datas.push({ mode: { kind: 'active', memory: 0, offset: i32c(0) }, bytes: Uint8Array.of(5) });
    m.start = 0;
    let seen = -1;
    let inst: ReturnType<typeof instantiate> | null = null;
    const start = hostFunc({ kind: 'func', params: [], results: [] }, () => { seen = inst === null ? 1 : 2; return []; });
    inst = instantiate(m, resolverOf({ 'env.start': { kind: 'func', value: start } }));
    expect(seen).toBe(1);
    expect(inst.memories[0].u8[0]).toBe(5);
  });

  it('host limits: a memory minimum above the limit is a RuntimeError, not a crash', () => {
    const m = base();
    m.memories.push({ type: { limits: { min: 100, max: null, is64: false }, shared: false, pageSizeLog2: 16 } });
    expect(() => instantiate(m, () => undefined, { maxMemoryBytes: 65536 })).toThrow(/^resource limit exceeded/);
  });
});

describe('spectest host module', () => {
  it('links the suite\'s usual imports', async () => {
    const { spectestExports } = await import('../../src/runtime/spectest.js');
    const host = spectestExports();
    const m = base();
    m.types.push({ final: true, supers: [], comp: { kind: 'func', params: ['i32'], results: [] } });
    m.recGroups.push({ start: 1, count: 1, explicit: false });
    m.imports.push({ module: 'spectest', name: 'print_i32', desc: { kind: 'func', typeIdx: 1 } });
    m.imports.push({ module: 'spectest', name: 'global_i32', desc: { kind: 'global', type: { type: 'i32', mutable: false } } });
    m.imports.push({ module: 'spectest', name: 'table', desc: { kind: 'table', type: { elem: funcref, limits: { min: 10, max: 20, is64: false } } } });
    m.imports.push({ module: 'spectest', name: 'memory', desc: { kind: 'memory', type: { limits: { min: 1, max: 2, is64: false }, shared: false, pageSizeLog2: 16 } } });
    const inst = instantiate(m, (mod, name) => (mod === 'spectest' ? host.get(name) : undefined));
    expect(readGlobal(inst.globals[0])).toEqual({ type: 'i32', value: 666 });
    m.imports.push({ module: 'spectest', name: 'print_i32', desc: { kind: 'func', typeIdx: 0 } });
    expect(() => instantiate(m, (mod, name) => (mod === 'spectest' ? host.get(name) : undefined))).toThrow(/^incompatible import type/);
  });
});
