// The module context C of the spec's validation rules, in canonical form: every value type
// here has canonical ids for its type indices (see canonical.ts), so the code validator can
// compare types with match.ts directly.

import type { Features } from '../syntax/features.js';
import type { Module } from '../syntax/module.js';
import type { FuncType, GlobalType, MemType, RefType, SubType, TableType } from '../syntax/types.js';
import { ValidationError } from '../errors.js';

export interface ModuleContext {
  readonly module: Module;
  readonly features: Features;
  /** Module type index -> canonical id. */
  readonly ids: readonly number[];
  /** Module type index -> canonical SubType (references are canonical ids). */
  readonly types: readonly SubType[];
  /** Function index -> module type index. */
  readonly funcTypeIdx: number[];
  readonly tables: TableType[];
  readonly memories: MemType[];
  readonly globals: GlobalType[];
  /** Tag index -> module type index of its function type. */
  readonly tags: number[];
  readonly elemTypes: RefType[];
  readonly dataCount: number;
  readonly hasDataCount: boolean;
  /** 1 when ref.func of the function has an exact type (defined, or imported as exact). */
  readonly funcExact: Uint8Array;
  /** Functions that may be named by ref.func in code (the spec's C.refs). */
  readonly declaredFuncs: Uint8Array;
}

export function fail(reason: string, funcIndex = -1, offset = -1): never {
  throw new ValidationError(reason, funcIndex, offset);
}

/** The function type at a module type index, or the spec's error. */
export function funcTypeAt(c: ModuleContext, idx: number, fi = -1, off = -1): FuncType {
  if (idx >= c.types.length) fail(`unknown type ${idx}`, fi, off);
  const comp = c.types[idx].comp;
  if (comp.kind !== 'func') fail(`non-function type ${idx}`, fi, off);
  return comp;
}
