// Subtyping ("matching", spec 3.0 valid/matching.rst) over CANONICAL types: every type index
// in a type passed here is a canonical id from canonical.ts, so the same functions serve the
// validator (which canonicalizes a module's types once) and the runtime at link time.
// `null` stands for the bottom value type of the algorithm's unreachable stacks.

import type {
  CompType, FieldType, GlobalType, HeapType, Limits, MemType, RefType, StorageType, TableType,
  ValType,
} from '../syntax/types.js';
import { refType } from '../syntax/types.js';
import { canonicalType, isSubtypeId } from './canonical.js';

/** The kind of a concrete (canonical) type: func, struct or array. */
export function kindOfId(id: number): CompType['kind'] {
  return canonicalType(id).type.comp.kind;
}

/** Top of the hierarchy a heap type belongs to: func, extern, any or exn. */
export function topHeap(h: HeapType): 'func' | 'extern' | 'any' | 'exn' {
  if (typeof h === 'number') return kindOfId(h) === 'func' ? 'func' : 'any';
  switch (h) {
    case 'func': case 'nofunc': return 'func';
    case 'extern': case 'noextern': return 'extern';
    case 'exn': case 'noexn': return 'exn';
    default: return 'any';
  }
}

export function bottomHeap(h: HeapType): 'nofunc' | 'noextern' | 'none' | 'noexn' {
  switch (topHeap(h)) {
    case 'func': return 'nofunc';
    case 'extern': return 'noextern';
    case 'exn': return 'noexn';
    default: return 'none';
  }
}

export function isBottomHeap(h: HeapType): boolean {
  return h === 'none' || h === 'nofunc' || h === 'noextern' || h === 'noexn';
}

export function heapSub(a: HeapType, b: HeapType): boolean {
  if (a === b) return true;
  if (typeof a === 'number') {
    if (typeof b === 'number') return isSubtypeId(a, b);
    const k = kindOfId(a);
    switch (b) {
      case 'any': case 'eq': return k !== 'func';
      case 'struct': return k === 'struct';
      case 'array': return k === 'array';
      case 'func': return k === 'func';
      default: return false;
    }
  }
  switch (a) {
    case 'none':
      if (typeof b === 'number') return kindOfId(b) !== 'func';
      return b === 'any' || b === 'eq' || b === 'i31' || b === 'struct' || b === 'array';
    case 'nofunc':
      return typeof b === 'number' ? kindOfId(b) === 'func' : b === 'func';
    case 'noextern': return b === 'extern';
    case 'noexn': return b === 'exn';
    case 'i31': case 'struct': case 'array': return b === 'eq' || b === 'any';
    case 'eq': return b === 'any';
    default: return false;
  }
}

export function refSub(a: RefType, b: RefType): boolean {
  if (a === b) return true;
  if (a.nullable && !b.nullable) return false;
  if (b.exact) {
    if (isBottomHeap(a.heap)) return heapSub(a.heap, b.heap);
    return a.exact && a.heap === b.heap;
  }
  return heapSub(a.heap, b.heap);
}

/** a <: b for value types; a === null is the bottom type (matches everything). */
export function valSub(a: ValType | null, b: ValType): boolean {
  if (a === b || a === null) return true;
  if (typeof a === 'string' || typeof b === 'string') return false;
  return refSub(a, b);
}

export function valTypesSub(a: readonly ValType[], b: readonly ValType[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!valSub(a[i], b[i])) return false;
  return true;
}

export function sameValType(a: StorageType, b: StorageType): boolean {
  if (a === b) return true;
  if (typeof a === 'string' || typeof b === 'string') return false;
  return a.nullable === b.nullable && a.exact === b.exact && a.heap === b.heap;
}

function storageSub(a: StorageType, b: StorageType): boolean {
  if (a === b) return true;
  if (typeof a === 'string' || typeof b === 'string') return false;
  return refSub(a, b);
}

function fieldSub(a: FieldType, b: FieldType): boolean {
  if (a.mutable !== b.mutable) return false;
  return a.mutable ? sameValType(a.type, b.type) : storageSub(a.type, b.type);
}

/** Structural subtyping of composite types (declared `sub` clauses must satisfy it). */
export function compSub(a: CompType, b: CompType): boolean {
  if (a.kind === 'func' && b.kind === 'func') {
    if (a.params.length !== b.params.length || a.results.length !== b.results.length) return false;
    for (let i = 0; i < a.params.length; i++) if (!valSub(b.params[i], a.params[i])) return false;
    for (let i = 0; i < a.results.length; i++) if (!valSub(a.results[i], b.results[i])) return false;
    return true;
  }
  if (a.kind === 'struct' && b.kind === 'struct') {
    if (a.fields.length < b.fields.length) return false;
    for (let i = 0; i < b.fields.length; i++) if (!fieldSub(a.fields[i], b.fields[i])) return false;
    return true;
  }
  if (a.kind === 'array' && b.kind === 'array') return fieldSub(a.elem, b.elem);
  return false;
}

export function limitsMatch(a: Limits, b: Limits): boolean {
  if (a.min < b.min) return false;
  if (b.max === null) return true;
  return a.max !== null && a.max <= b.max;
}

/** An external type with canonical ids: what an import expects or an export provides. */
export type CanonExternType =
  | { readonly kind: 'func'; readonly typeId: number; readonly exact?: boolean }
  | { readonly kind: 'table'; readonly type: TableType }
  | { readonly kind: 'memory'; readonly type: MemType }
  | { readonly kind: 'global'; readonly type: GlobalType }
  | { readonly kind: 'tag'; readonly typeId: number };

/**
 * Import matching (spec "Import Subtyping"): `true`, or a short reason the link error can
 * append to "incompatible import type".
 */
export function matchExternType(actual: CanonExternType, expected: CanonExternType): true | string {
  if (actual.kind !== expected.kind) return `expected ${expected.kind}, got ${actual.kind}`;
  switch (expected.kind) {
    case 'func': {
      const a = actual as typeof expected;
      if (expected.exact) return a.typeId === expected.typeId ? true : 'function type is not exact';
      return isSubtypeId(a.typeId, expected.typeId) ? true : 'function type mismatch';
    }
    case 'tag': {
      const a = actual as typeof expected;
      return a.typeId === expected.typeId ? true : 'tag type mismatch';
    }
    case 'table': {
      const a = (actual as typeof expected).type;
      const e = expected.type;
      if (a.limits.is64 !== e.limits.is64) return 'address type mismatch';
      if (!sameValType(a.elem, e.elem)) return 'element type mismatch';
      return limitsMatch(a.limits, e.limits) ? true : 'limits mismatch';
    }
    case 'memory': {
      const a = (actual as typeof expected).type;
      const e = expected.type;
      if (a.limits.is64 !== e.limits.is64) return 'address type mismatch';
      if (a.shared !== e.shared) return 'shared flag mismatch';
      if (a.pageSizeLog2 !== e.pageSizeLog2) return 'page size mismatch';
      return limitsMatch(a.limits, e.limits) ? true : 'limits mismatch';
    }
    case 'global': {
      const a = (actual as typeof expected).type;
      const e = expected.type;
      if (a.mutable !== e.mutable) return 'mutability mismatch';
      const ok = e.mutable ? sameValType(a.type, e.type) : valSub(a.type, e.type);
      return ok ? true : 'value type mismatch';
    }
  }
}

// ---- canonical forms of module-relative types ------------------------------------------

const internedAbs = new Map<string, RefType>();
/** Concrete heaps by numeric key (id * 4 + nullable * 2 + exact): no allocation per lookup. */
const internedIds: RefType[] = [];

/** An interned RefType (canonical heap), so stacks can hold shared objects. */
export function internRef(nullable: boolean, heap: HeapType, exact: boolean): RefType {
  if (typeof heap === 'number') {
    const key = heap * 4 + (nullable ? 2 : 0) + (exact ? 1 : 0);
    let r = internedIds[key];
    if (r === undefined) internedIds[key] = r = refType(nullable, heap, exact);
    return r;
  }
  if (!exact && nullable) return refType(true, heap);
  const key = `${nullable ? 1 : 0}${exact ? 1 : 0}${heap}`;
  let r = internedAbs.get(key);
  if (!r) internedAbs.set(key, (r = refType(nullable, heap, exact)));
  return r;
}

/** Module-relative value type -> canonical (type indices replaced through `ids`). */
export function canonValType<T extends StorageType>(t: T, ids: readonly number[]): T {
  if (typeof t === 'string') return t;
  const r = t as RefType;
  const heap = typeof r.heap === 'number' ? ids[r.heap] : r.heap;
  return internRef(r.nullable, heap, r.exact) as T;
}
