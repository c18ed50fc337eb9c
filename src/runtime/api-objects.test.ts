import { describe, expect, it } from 'vitest';
import { Global, Memory, Table, Tag } from './api-objects.js';
import { RuntimeError, Trap } from '../errors.js';
import { HostRef } from './objects.js';

describe('JS API objects', () => {
  it('Memory: buffer, grow, limits', () => {
    const m = new Memory({ initial: 1, maximum: 2 });
    expect(m.buffer.byteLength).toBe(65536);
    expect(m.grow(1)).toBe(1);
    expect(m.buffer.byteLength).toBe(131072);
    expect(() => m.grow(1)).toThrow(RuntimeError);
    expect(() => new Memory({ initial: 2, maximum: 1 })).toThrow(TypeError);
    expect(() => new Memory({ initial: 100 }, 65536)).toThrow(/^resource limit exceeded/);
    const tiny = new Memory({ initial: 3, pageSize: 1 });
    expect(tiny.buffer.byteLength).toBe(3);
    expect(tiny.raw.type.pageSizeLog2).toBe(0);
  });

  it('Table: externref values round-trip, bounds are traps', () => {
    const t = new Table({ element: 'externref', initial: 2 }, 'x');
    expect(t.length).toBe(2);
    expect(t.get(1)).toBe('x');
    const obj = { a: 1 };
    t.set(0, obj);
    expect(t.get(0)).toBe(obj);
    expect(t.raw.elements[0]).toBeInstanceOf(HostRef);
    t.set(0, null);
    expect(t.get(0)).toBe(null);
    expect(t.grow(2, 7)).toBe(2);
    expect(t.get(3)).toBe(7);
    expect(() => t.get(4)).toThrow(Trap);
    expect(() => t.set(4, 1)).toThrow(/^out of bounds table access/);
    const capped = new Table({ element: 'anyfunc', initial: 0, maximum: 1 });
    expect(() => capped.grow(2)).toThrow(RuntimeError);
    expect(() => capped.set(0, () => 1)).toThrow(); // not an exported wasm function (and out of range)
  });

  it('Global: typed values, mutability', () => {
    const g = new Global({ value: 'i64', mutable: true }, 5n);
    expect(g.value).toBe(5n);
    g.value = -1n;
    expect(g.value).toBe(-1n);
    expect(() => { g.value = 1; }).toThrow(TypeError);
    const f = new Global({ value: 'f32' }, 0.1);
    expect(f.value).toBe(Math.fround(0.1));
    expect(() => { f.value = 1; }).toThrow(TypeError);
    const e = new Global({ value: 'externref', mutable: true });
    expect(e.value).toBe(null);
    e.value = 'hi';
    expect(e.value).toBe('hi');
    expect(new Global({ value: 'i32' }, 42).valueOf()).toBe(42);
  });

  it('Tag: canonical function type of its parameters', () => {
    const a = new Tag({ parameters: ['i32', 'f64'] });
    const b = new Tag({ parameters: ['i32', 'f64'] });
    expect(a.raw.typeId).toBe(b.raw.typeId);
    expect(a.raw.funcType.results).toEqual([]);
  });
});
