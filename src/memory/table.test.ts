import { describe, expect, it } from 'vitest';
import { Table, TableLimitError } from './table.js';
import { funcref } from '../syntax/types.js';

const tt = (min: number, max: number | null = null, is64 = false) => ({ elem: funcref, limits: { min, max, is64 } });

describe('Table', () => {
  it('starts with min elements of init', () => {
    const marker = {};
    const t = new Table(tt(3), marker);
    expect(t.elements).toEqual([marker, marker, marker]);
  });

  it('grows up to the declared max and returns -1 beyond', () => {
    const t = new Table(tt(1, 4));
    expect(t.grow(3, null)).toBe(1);
    expect(t.length).toBe(4);
    expect(t.grow(1, null)).toBe(-1);
    expect(t.grow(0, null)).toBe(4);
  });

  it('honours the host element limit and rejects bad deltas without allocating', () => {
    const t = new Table(tt(0, null, true), null, { maxElements: 10 });
    expect(t.grow(11, null)).toBe(-1);
    expect(t.grow(2 ** 60, null)).toBe(-1);
    expect(t.grow(-1, null)).toBe(-1);
    expect(t.length).toBe(0);
    expect(t.grow(10, null)).toBe(0);
  });

  it('i32 tables cap at 2^32 - 1 elements', () => {
    const t = new Table(tt(0), null, { maxElements: Infinity });
    expect(t.grow(2 ** 32, null)).toBe(-1);
  });

  it('a minimum above the host limit is a TableLimitError', () => {
    expect(() => new Table(tt(100), null, { maxElements: 10 })).toThrow(TableLimitError);
  });
});
