// Symbolic identifiers of one index space (types, funcs, locals, ...): binding with the
// reference parser's "duplicate ..." error and lookup with its "unknown ..." error.

import type { Cursor } from './cursor.js';
import type { Token } from './lexer.js';
import { isNat } from './numbers.js';

export class IndexSpace {
  readonly names = new Map<string, number>();
  count = 0;

  /** `what` is the reference parser's category word ("function", "data segment", ...). */
  constructor(readonly what: string) {}

  /** Allocates the next index, binding `id` when present. */
  bind(c: Cursor, id: string | null, tok: Token | undefined): number {
    const idx = this.count++;
    if (id !== null) {
      if (this.names.has(id)) throw c.errAt(tok, `duplicate ${this.what} $${id}`);
      this.names.set(id, idx);
    }
    return idx;
  }

  /** Reads `$id` or a nat and returns the index (numeric indices are not range-checked here). */
  ref(c: Cursor): number {
    const t = c.peek();
    if (t?.kind === 'id') {
      c.i++;
      const v = this.names.get(t.text);
      if (v === undefined) throw c.errAt(t, `unknown ${this.what} $${t.text}`);
      return v;
    }
    return c.nat();
  }

  isRef(c: Cursor): boolean {
    const t = c.peek();
    return t !== undefined && (t.kind === 'id' || (t.kind === 'atom' && isNat(t.text)));
  }
}
