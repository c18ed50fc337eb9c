import { describe, expect, it } from 'vitest';
import { checkImport } from './link.js';
import { hostFunc, canonicalFuncTypeId } from './host-func.js';
import { LinearMemory } from '../memory/linear-memory.js';
import { Table } from '../memory/table.js';
import { makeGlobal } from './values.js';
import { LinkError } from '../errors.js';
import type { Import } from '../syntax/module.js';
import { externref, funcref } from '../syntax/types.js';
import type { FuncType } from '../syntax/types.js';

const i32toi32: FuncType = { kind: 'func', params: ['i32'], results: ['i32'] };
const nothing: FuncType = { kind: 'func', params: [], results: [] };
const scope = { typeIds: [canonicalFuncTypeId(i32toi32), canonicalFuncTypeId(nothing)] };
const imp = (desc: Import['desc']): Import => ({ module: 'm', name: 'x', desc });

function linkError(f: () => void): LinkError {
  try { f(); } catch (e) { expect(e).toBeInstanceOf(LinkError); return e as LinkError; }
  throw new Error('expected a LinkError');
}

describe('import matching', () => {
  it('functions match by canonical type id', () => {
    const f = hostFunc(i32toi32, (a) => a);
    checkImport(imp({ kind: 'func', typeIdx: 0 }), { kind: 'func', value: f }, scope);
    const e = linkError(() => checkImport(imp({ kind: 'func', typeIdx: 1 }), { kind: 'func', value: f }, scope));
    expect(e.message).toMatch(/^incompatible import type: m\.x: function type mismatch/);
  });

  it('kind mismatch', () => {
    const f = hostFunc(i32toi32, (a) => a);
    const e = linkError(() => checkImport(imp({ kind: 'global', type: { type: 'i32', mutable: false } }), { kind: 'func', value: f }, scope));
    expect(e.reason).toBe('incompatible import type');
  });

  it('memories: current size against min, declared max against max, flags', () => {
    const mem = new LinearMemory({ limits: { min: 1, max: 4, is64: false }, shared: false, pageSizeLog2: 16 });
    const want = (min: number, max: number | null, extra: Partial<{ shared: boolean; is64: boolean; pageSizeLog2: number }> = {}) =>
      imp({ kind: 'memory', type: { limits: { min, max, is64: extra.is64 ?? false }, shared: extra.shared ?? false, pageSizeLog2: extra.pageSizeLog2 ?? 16 } });
    checkImport(want(1, null), { kind: 'memory', value: mem }, scope);
    checkImport(want(1, 4), { kind: 'memory', value: mem }, scope);
    linkError(() => checkImport(want(2, null), { kind: 'memory', value: mem }, scope));
    linkError(() => checkImport(want(1, 3), { kind: 'memory', value: mem }, scope));
    linkError(() => checkImport(want(1, null, { shared: true }), { kind: 'memory', value: mem }, scope));
    linkError(() => checkImport(want(1, null, { is64: true }), { kind: 'memory', value: mem }, scope));
    linkError(() => checkImport(want(1, null, { pageSizeLog2: 0 }), { kind: 'memory', value: mem }, scope));
    mem.grow(1);
    checkImport(want(2, null), { kind: 'memory', value: mem }, scope); // the size at link time counts
  });

  it('tables: element types must be equal, limits as memories', () => {
    const t = new Table({ elem: funcref, limits: { min: 2, max: null, is64: false } });
    checkImport(imp({ kind: 'table', type: { elem: funcref, limits: { min: 1, max: null, is64: false } } }), { kind: 'table', value: t }, scope);
    linkError(() => checkImport(imp({ kind: 'table', type: { elem: externref, limits: { min: 1, max: null, is64: false } } }), { kind: 'table', value: t }, scope));
    linkError(() => checkImport(imp({ kind: 'table', type: { elem: funcref, limits: { min: 1, max: 10, is64: false } } }), { kind: 'table', value: t }, scope));
  });

  it('globals: mutability must agree; immutable ones match by subtyping, mutable by equality', () => {
    const g = makeGlobal({ type: { kind: 'ref', nullable: false, exact: false, heap: 'func' }, mutable: false });
    checkImport(imp({ kind: 'global', type: { type: funcref, mutable: false } }), { kind: 'global', value: g }, scope);
    const gm = makeGlobal({ type: { kind: 'ref', nullable: false, exact: false, heap: 'func' }, mutable: true });
    linkError(() => checkImport(imp({ kind: 'global', type: { type: funcref, mutable: true } }), { kind: 'global', value: gm }, scope));
    const e = linkError(() => checkImport(imp({ kind: 'global', type: { type: 'i32', mutable: true } }), { kind: 'global', value: g }, scope));
    expect(e.message).toMatch(/mutability/);
    linkError(() => checkImport(imp({ kind: 'global', type: { type: 'i64', mutable: false } }), { kind: 'global', value: makeGlobal({ type: 'i32', mutable: false }) }, scope));
  });
});

describe('host functions', () => {
  it('call through with boundary values', () => {
    const f = hostFunc(i32toi32, ([a]) => [{ type: 'i32', value: (a as { value: number }).value * 2 }], 'double');
    expect(f.host!([{ type: 'i32', value: 21 }])).toEqual([{ type: 'i32', value: 42 }]);
    expect(f.typeId).toBe(scope.typeIds[0]);
    expect(f.index).toBe(-1);
  });

  it('JS exceptions become a Trap "host error" with the cause', async () => {
    const { Trap } = await import('../errors.js');
    const boom = new Error('boom');
    const f = hostFunc(nothing, () => { throw boom; }, 'explode');
    try {
      f.host!([]);
      throw new Error('no trap');
    } catch (e) {
      expect(e).toBeInstanceOf(Trap);
      expect((e as InstanceType<typeof Trap>).kind).toBe('host error');
      expect((e as Error).message).toBe('host error in explode: boom');
      expect((e as Error).cause).toBe(boom);
    }
  });

  it('traps and wasm exceptions pass through unchanged', async () => {
    const { Trap, WasmException } = await import('../errors.js');
    const trap = new Trap('unreachable');
    expect(() => hostFunc(nothing, () => { throw trap; }).host!([])).toThrow(trap);
    const exn = new WasmException(null, []);
    expect(() => hostFunc(nothing, () => { throw exn; }).host!([])).toThrow(exn);
  });

  it('wrong result arity or kind is a host error', () => {
    const f = hostFunc(i32toi32, () => []);
    expect(() => f.host!([{ type: 'i32', value: 1 }])).toThrow(/^host error: expected 1 result/);
    const g = hostFunc(i32toi32, () => [{ type: 'i64', value: 1n }]);
    expect(() => g.host!([{ type: 'i32', value: 1 }])).toThrow(/result 0 is not a i32/);
  });
});
