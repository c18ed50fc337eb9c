// Process-wide registry of canonical types (iso-recursive equivalence, spec 3.0 "Type
// Equivalence"). Two recursion groups are the same when they are structurally equal, reading
// an index inside the group as "member k of this group" and an index outside it as the
// canonical id of the type it names. Every module type index maps to a small integer id;
// equal ids mean equal types, in any module. The interpreter compares ids for call_indirect
// and casts, so ids stay small and dense.
//
// Canonical SubTypes hold canonical ids wherever the module held type indices (heap types,
// supertypes, descriptor clauses), so runtime code never needs the defining module.

import type {
  CompType, FieldType, HeapType, RecGroup, RefType, StorageType, SubType, ValType,
} from '../syntax/types.js';
import { refType } from '../syntax/types.js';
import type { Module } from '../syntax/module.js';
import { ValidationError } from '../errors.js';

export interface CanonicalGroup {
  /** Canonical id of the group's first member; members are consecutive ids. */
  readonly firstId: number;
  readonly count: number;
}

interface Entry {
  readonly type: SubType;
  readonly group: CanonicalGroup;
}

const entries: Entry[] = [];
const groupsByKey = new Map<string, CanonicalGroup>();
/** Memo of supertype chains: ancestors[id] = ids on the declared supertype chain, self first. */
const ancestors: number[][] = [];

/** A group refers to a type index past its end (a ValidationError, so it never escapes raw). */
export class UnknownTypeIndex extends ValidationError {
  constructor(readonly index: number) {
    super(`unknown type ${index}`);
  }
}

function keyHeap(h: HeapType, start: number, count: number, ids: readonly number[]): string {
  if (typeof h === 'string') return h;
  if (h >= start && h < start + count) return `r${h - start}`;
  if (h >= ids.length) throw new UnknownTypeIndex(h);
  return `c${ids[h]}`;
}

function keyStorage(t: StorageType, start: number, count: number, ids: readonly number[]): string {
  if (typeof t === 'string') return t;
  return `(${t.nullable ? 'n' : ''}${t.exact ? 'x' : ''}${keyHeap(t.heap, start, count, ids)})`;
}

function keyComp(c: CompType, s: number, n: number, ids: readonly number[]): string {
  switch (c.kind) {
    case 'func':
      return `f[${c.params.map((t) => keyStorage(t, s, n, ids)).join(',')}][${c.results.map((t) => keyStorage(t, s, n, ids)).join(',')}]`;
    case 'struct':
      return `s[${c.fields.map((f) => (f.mutable ? 'm' : '') + keyStorage(f.type, s, n, ids)).join(',')}]`;
    case 'array':
      return `a${c.elem.mutable ? 'm' : ''}${keyStorage(c.elem.type, s, n, ids)}`;
  }
}

function keySub(t: SubType, s: number, n: number, ids: readonly number[]): string {
  let k = t.final ? 'F' : 'O';
  k += '<' + t.supers.map((x) => keyHeap(x, s, n, ids)).join(',') + '>';
  if (t.descriptor !== undefined) k += 'D' + keyHeap(t.descriptor, s, n, ids);
  if (t.describes !== undefined) k += 'B' + keyHeap(t.describes, s, n, ids);
  return k + keyComp(t.comp, s, n, ids);
}

function mapStorage<T extends StorageType>(t: T, m: (h: HeapType) => HeapType): T {
  if (typeof t === 'string') return t;
  const r = t as RefType;
  return refType(r.nullable, m(r.heap), r.exact) as T;
}

function mapSub(t: SubType, m: (h: HeapType) => HeapType): SubType {
  const c = t.comp;
  let comp: CompType;
  if (c.kind === 'func') {
    comp = {
      kind: 'func',
      params: c.params.map((p) => mapStorage<ValType>(p, m)),
      results: c.results.map((p) => mapStorage<ValType>(p, m)),
    };
  } else if (c.kind === 'struct') {
    comp = { kind: 'struct', fields: c.fields.map((f): FieldType => ({ mutable: f.mutable, type: mapStorage(f.type, m) })) };
  } else {
    comp = { kind: 'array', elem: { mutable: c.elem.mutable, type: mapStorage(c.elem.type, m) } };
  }
  const out: { -readonly [K in keyof SubType]: SubType[K] } = {
    final: t.final,
    supers: t.supers.map((x) => m(x) as number),
    comp,
  };
  if (t.descriptor !== undefined) out.descriptor = m(t.descriptor) as number;
  if (t.describes !== undefined) out.describes = m(t.describes) as number;
  return out;
}

/**
 * Canonicalizes one recursion group whose members are types[start..start+count), given the
 * canonical ids of all earlier types. Returns the id of the first member.
 * Throws UnknownTypeIndex when a member names a type past the group's end.
 */
export function canonicalizeGroup(types: readonly SubType[], g: RecGroup, ids: readonly number[]): number {
  const { start, count } = g;
  let key = '';
  for (let k = 0; k < count; k++) key += keySub(types[start + k], start, count, ids) + ';';
  const found = groupsByKey.get(key);
  if (found) return found.firstId;
  const group: CanonicalGroup = { firstId: entries.length, count };
  const first = group.firstId;
  const m = (h: HeapType): HeapType =>
    typeof h === 'string' ? h : h >= start && h < start + count ? first + (h - start) : ids[h];
  for (let k = 0; k < count; k++) entries.push({ type: mapSub(types[start + k], m), group });
  groupsByKey.set(key, group);
  return first;
}

/** Module type index -> canonical id, for every type of the module (same group => same ids). */
export function canonicalTypeIds(m: Module): number[] {
  const ids: number[] = [];
  for (const g of m.recGroups) {
    const first = canonicalizeGroup(m.types, g, ids);
    for (let k = 0; k < g.count; k++) ids.push(first + k);
  }
  return ids;
}

/** The canonical SubType (type references are canonical ids) and its group. */
export function canonicalType(id: number): { type: SubType; group: CanonicalGroup } {
  const e = entries[id];
  if (!e) throw new RangeError(`no canonical type ${id}`);
  return e;
}

/** Number of canonical types registered so far. */
export function canonicalTypeCount(): number {
  return entries.length;
}

function chain(id: number): number[] {
  let c = ancestors[id];
  if (c) return c;
  c = [id];
  const seen = new Set<number>([id]);
  let cur = entries[id].type;
  while (cur.supers.length > 0) {
    const s = cur.supers[0];
    if (seen.has(s) || s >= entries.length) break;
    seen.add(s);
    c.push(s);
    cur = entries[s].type;
  }
  ancestors[id] = c;
  return c;
}

/** Declared subtyping between canonical ids: b is a or on a's supertype chain. */
export function isSubtypeId(a: number, b: number): boolean {
  if (a === b) return true;
  return chain(a).includes(b);
}
