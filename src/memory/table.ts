// Tables: a JS array of references (see Ref in src/runtime/objects.ts). Growth honours the
// declared maximum, the address type's absolute limit and a host element limit; a refused
// request allocates nothing and returns -1.

import type { Ref, TableInstance } from '../runtime/objects.js';
import type { TableType } from '../syntax/types.js';

/** Default host ceiling on one table's element count. */
export const DEFAULT_MAX_TABLE_ELEMENTS = 10_000_000;

export interface TableOptions {
  /** Host ceiling in elements; growth beyond it returns -1. */
  maxElements?: number;
}

export class Table implements TableInstance {
  elements: Ref[];
  private readonly ceiling: number;

  constructor(readonly type: TableType, init: Ref = null, options: TableOptions = {}) {
    const absolute = type.limits.is64 ? 2 ** 64 : 2 ** 32 - 1;
    this.ceiling = Math.min(type.limits.max ?? Infinity, absolute,
      options.maxElements ?? DEFAULT_MAX_TABLE_ELEMENTS);
    const min = type.limits.min;
    if (min > this.ceiling) {
      throw new TableLimitError(`table of ${min} elements exceeds the limit of ${this.ceiling}`);
    }
    this.elements = new Array<Ref>(min).fill(init);
  }

  get length(): number {
    return this.elements.length;
  }

  grow(delta: number, init: Ref): number {
    const old = this.elements.length;
    if (!(delta >= 0) || !Number.isFinite(delta)) return -1;
    if (old + delta > this.ceiling) return -1;
    for (let i = 0; i < delta; i++) this.elements.push(init);
    return old;
  }
}

/** The minimum size of a table is above what the host allows. */
export class TableLimitError extends Error {
  override name = 'TableLimitError';
}
