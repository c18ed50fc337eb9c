// The `name` custom section: debug names for the module, functions and locals, plus the
// extended-name-section subsections (labels, types, fields, tables, memories, globals, elems,
// datas, tags). Names are advisory: a malformed section decodes to null and the module stays
// valid.

import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { DecodeError } from '../errors.js';
import type { NameSection } from '../syntax/module.js';

/** Subsection ids of the name section. */
const SUB = {
  module: 0, funcs: 1, locals: 2, labels: 3, types: 4, tables: 5, memories: 6, globals: 7,
  elems: 8, datas: 9, fields: 10, tags: 11,
} as const;

type FlatKey = 'types' | 'tables' | 'memories' | 'globals' | 'elems' | 'datas' | 'tags';
type NestedKey = 'labels' | 'fields';

const FLAT: ReadonlyArray<[number, FlatKey]> = [
  [SUB.types, 'types'], [SUB.tables, 'tables'], [SUB.memories, 'memories'],
  [SUB.globals, 'globals'], [SUB.elems, 'elems'], [SUB.datas, 'datas'], [SUB.tags, 'tags'],
];
const NESTED: ReadonlyArray<[number, NestedKey]> = [[SUB.labels, 'labels'], [SUB.fields, 'fields']];

/** Parses the payload of a `name` custom section; null when it is malformed. */
export function decodeNameSection(bytes: Uint8Array): NameSection | null {
  try {
    return readNames(new ByteReader(bytes));
  } catch (e) {
    if (e instanceof DecodeError) return null;
    throw e;
  }
}

function readNameMap(r: ByteReader): Map<number, string> {
  const map = new Map<number, string>();
  const n = r.len32();
  for (let i = 0; i < n; i++) {
    const idx = r.u32();
    map.set(idx, r.name());
  }
  return map;
}

function readIndirectMap(r: ByteReader): Map<number, Map<number, string>> {
  const map = new Map<number, Map<number, string>>();
  const n = r.len32();
  for (let i = 0; i < n; i++) {
    const idx = r.u32();
    map.set(idx, readNameMap(r));
  }
  return map;
}

function readNames(r: ByteReader): NameSection {
  const names: {
    module?: string;
    funcs: Map<number, string>;
    locals: Map<number, Map<number, string>>;
    [key: string]: unknown;
  } = { funcs: new Map(), locals: new Map() };
  let lastId = -1;
  while (!r.atEnd()) {
    const id = r.u8();
    // Subsections appear at most once, in increasing id order.
    if (id <= lastId) throw r.error('malformed name section');
    lastId = id;
    const size = r.len32();
    const end = r.pos + size;
    if (end > r.end) throw r.eof();
    const sub = new ByteReader(r.bytes, r.base, r.pos, end);
    switch (id) {
      case SUB.module: names.module = sub.name(); break;
      case SUB.funcs: names.funcs = readNameMap(sub); break;
      case SUB.locals: names.locals = readIndirectMap(sub); break;
      default: {
        const flat = FLAT.find(([k]) => k === id);
        const nested = NESTED.find(([k]) => k === id);
        if (flat) names[flat[1]] = readNameMap(sub);
        else if (nested) names[nested[1]] = readIndirectMap(sub);
        else sub.pos = end; // unknown subsection: skip
      }
    }
    if (sub.pos !== end) throw r.error('malformed name section');
    r.pos = end;
  }
  return names as NameSection;
}

function writeNameMap(w: ByteWriter, map: ReadonlyMap<number, string>): void {
  const entries = [...map.entries()].sort((a, b) => a[0] - b[0]);
  w.u32(entries.length);
  for (const [idx, name] of entries) w.u32(idx).name(name);
}

function writeIndirectMap(w: ByteWriter, map: ReadonlyMap<number, ReadonlyMap<number, string>>): void {
  const entries = [...map.entries()].sort((a, b) => a[0] - b[0]);
  w.u32(entries.length);
  for (const [idx, inner] of entries) {
    w.u32(idx);
    writeNameMap(w, inner);
  }
}

/** Encodes names as a `name` section payload (subsections in id order; empty ones omitted). */
export function encodeNameSection(names: NameSection): Uint8Array {
  const out = new ByteWriter();
  const sub = (id: number, fill: (w: ByteWriter) => void): void => {
    const w = new ByteWriter();
    fill(w);
    out.byte(id);
    out.sized(w);
  };
  if (names.module !== undefined) sub(SUB.module, (w) => w.name(names.module!));
  if (names.funcs.size > 0) sub(SUB.funcs, (w) => writeNameMap(w, names.funcs));
  if (names.locals.size > 0) sub(SUB.locals, (w) => writeIndirectMap(w, names.locals));
  const all: Array<[number, FlatKey | NestedKey]> = [...FLAT, ...NESTED];
  all.sort((a, b) => a[0] - b[0]);
  for (const [id, key] of all) {
    if (key === 'labels' || key === 'fields') {
      const map = names[key];
      if (map && map.size > 0) sub(id, (w) => writeIndirectMap(w, map));
    } else {
      const map = names[key];
      if (map && map.size > 0) sub(id, (w) => writeNameMap(w, map));
    }
  }
  return out.finish().slice();
}
