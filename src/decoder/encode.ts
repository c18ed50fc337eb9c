// Module AST -> binary. Writes the canonical (shortest) form: sections in the spec's order,
// empty sections omitted, the smallest element/data segment encodings, LEB128 without
// padding. Custom sections go back where `after` says they stood. Code and constant
// expressions are copied byte for byte (they are already encoded).
//
// For a binary in canonical form, encodeModule(decodeModule(b)) reproduces b exactly.

import { ByteWriter } from './byte-writer.js';
import { encodeNameSection } from './name-section.js';
import type {
  CustomSection, Data, Elem, Expr, Import, Module,
} from '../syntax/module.js';
import { SECTION_ORDER } from '../syntax/module.js';
import type {
  CompType, FieldType, GlobalType, Limits, MemType, SubType, TableType,
} from '../syntax/types.js';

const EXTERN_KIND_CODES = { func: 0, table: 1, memory: 2, global: 3, tag: 4 } as const;

export function encodeModule(m: Module): Uint8Array {
  const out = new ByteWriter();
  out.bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

  const customsAfter = (id: number): void => {
    for (const c of m.customs) if (c.after === id) writeCustom(out, c);
  };
  customsAfter(0);
  // A custom section placed after an empty vector section keeps that section (empty) so it
  // decodes back to the same place.
  const anchors = new Set(m.customs.map((c) => c.after));
  for (const id of SECTION_ORDER) {
    const body = sectionBody(m, id) ?? (anchors.has(id) && VECTOR_SECTIONS.has(id) ? emptyVector() : null);
    if (body) {
      out.byte(id);
      out.sized(body);
    }
    customsAfter(id);
  }
  // A name section the AST carries only as parsed names (text input): append it at the end.
  if (m.names && !m.customs.some((c) => c.name === 'name')) {
    writeCustom(out, { name: 'name', bytes: encodeNameSection(m.names), after: 11 });
  }
  return out.finish().slice();
}

/** Sections whose payload is a vector, so an empty one is just a zero count. */
const VECTOR_SECTIONS: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 13]);

function emptyVector(): ByteWriter {
  return new ByteWriter().u32(0);
}

function writeCustom(out: ByteWriter, c: CustomSection): void {
  const w = new ByteWriter();
  w.name(c.name);
  w.bytes(c.bytes);
  out.byte(0);
  out.sized(w);
}

/** The payload of section `id`, or null when it is omitted. */
function sectionBody(m: Module, id: number): ByteWriter | null {
  const w = new ByteWriter();
  switch (id) {
    case 1: {
      if (m.recGroups.length === 0) return null;
      w.u32(m.recGroups.length);
      for (const g of m.recGroups) {
        if (g.explicit || g.count !== 1) {
          w.byte(0x4e);
          w.u32(g.count);
        }
        for (let i = g.start; i < g.start + g.count; i++) writeSubType(w, m.types[i]);
      }
      return w;
    }
    case 2:
      if (m.imports.length === 0) return null;
      w.u32(m.imports.length);
      for (const imp of m.imports) writeImport(w, imp);
      return w;
    case 3:
      if (m.funcs.length === 0) return null;
      w.u32(m.funcs.length);
      for (const f of m.funcs) w.u32(f.typeIdx);
      return w;
    case 4:
      if (m.tables.length === 0) return null;
      w.u32(m.tables.length);
      for (const t of m.tables) {
        if (t.init) {
          w.byte(0x40).byte(0x00);
          writeTableType(w, t.type);
          writeExpr(w, t.init);
        } else {
          writeTableType(w, t.type);
        }
      }
      return w;
    case 5:
      if (m.memories.length === 0) return null;
      w.u32(m.memories.length);
      for (const mem of m.memories) writeMemType(w, mem.type);
      return w;
    case 13:
      if (m.tags.length === 0) return null;
      w.u32(m.tags.length);
      for (const t of m.tags) w.byte(0x00).u32(t.type.typeIdx);
      return w;
    case 6:
      if (m.globals.length === 0) return null;
      w.u32(m.globals.length);
      for (const g of m.globals) {
        writeGlobalType(w, g.type);
        writeExpr(w, g.init);
      }
      return w;
    case 7:
      if (m.exports.length === 0) return null;
      w.u32(m.exports.length);
      for (const e of m.exports) w.name(e.name).byte(EXTERN_KIND_CODES[e.kind]).u32(e.index);
      return w;
    case 8:
      if (m.start === null) return null;
      return w.u32(m.start);
    case 9:
      if (m.elems.length === 0) return null;
      w.u32(m.elems.length);
      for (const e of m.elems) writeElem(w, e);
      return w;
    case 12:
      if (m.dataCount === null) return null;
      return w.u32(m.dataCount);
    case 10:
      if (m.funcs.length === 0) return null;
      w.u32(m.funcs.length);
      for (const f of m.funcs) {
        const body = new ByteWriter();
        body.u32(f.locals.length);
        for (const l of f.locals) body.u32(l.count).valType(l.type);
        body.bytes(f.body.bytes);
        w.sized(body);
      }
      return w;
    case 11:
      if (m.datas.length === 0) return null;
      w.u32(m.datas.length);
      for (const d of m.datas) writeData(w, d);
      return w;
    default:
      return null;
  }
}

function writeSubType(w: ByteWriter, t: SubType): void {
  if (!t.final || t.supers.length > 0) {
    w.byte(t.final ? 0x4f : 0x50);
    w.u32(t.supers.length);
    for (const s of t.supers) w.u32(s);
  }
  // custom-descriptors: `describes` (0x4c) precedes `descriptor` (0x4d).
  if (t.describes !== undefined) w.byte(0x4c).u32(t.describes);
  if (t.descriptor !== undefined) w.byte(0x4d).u32(t.descriptor);
  writeCompType(w, t.comp);
}

function writeCompType(w: ByteWriter, c: CompType): void {
  switch (c.kind) {
    case 'func':
      w.byte(0x60);
      w.u32(c.params.length);
      for (const t of c.params) w.valType(t);
      w.u32(c.results.length);
      for (const t of c.results) w.valType(t);
      return;
    case 'struct':
      w.byte(0x5f);
      w.u32(c.fields.length);
      for (const f of c.fields) writeFieldType(w, f);
      return;
    case 'array':
      w.byte(0x5e);
      writeFieldType(w, c.elem);
      return;
  }
}

function writeFieldType(w: ByteWriter, f: FieldType): void {
  w.storageType(f.type);
  w.byte(f.mutable ? 1 : 0);
}

function writeImport(w: ByteWriter, imp: Import): void {
  w.name(imp.module).name(imp.name);
  const d = imp.desc;
  switch (d.kind) {
    case 'func': w.byte(d.exact ? 0x20 : 0x00).u32(d.typeIdx); return;
    case 'table': w.byte(0x01); writeTableType(w, d.type); return;
    case 'memory': w.byte(0x02); writeMemType(w, d.type); return;
    case 'global': w.byte(0x03); writeGlobalType(w, d.type); return;
    case 'tag': w.byte(0x04).byte(0x00).u32(d.type.typeIdx); return;
  }
}

function writeLimits(w: ByteWriter, l: Limits, extraFlags: number): void {
  let flags = extraFlags;
  if (l.max !== null) flags |= 1;
  if (l.is64) flags |= 4;
  w.byte(flags);
  w.u64(l.min);
  if (l.max !== null) w.u64(l.max);
}

function writeTableType(w: ByteWriter, t: TableType): void {
  w.refType(t.elem);
  writeLimits(w, t.limits, 0);
}

function writeMemType(w: ByteWriter, t: MemType): void {
  const custom = t.explicitPageSize === true || t.pageSizeLog2 !== 16;
  writeLimits(w, t.limits, (t.shared ? 2 : 0) | (custom ? 8 : 0));
  if (custom) w.u32(t.pageSizeLog2);
}

function writeGlobalType(w: ByteWriter, t: GlobalType): void {
  w.valType(t.type);
  w.byte(t.mutable ? 1 : 0);
}

function writeExpr(w: ByteWriter, e: Expr): void {
  w.bytes(e.bytes);
}

/** `ref.func x; end` as an expression, for segments whose type forbids the index form. */
function refFuncExpr(x: number): Uint8Array {
  return new ByteWriter().byte(0xd2).u32(x).byte(0x0b).finish().slice();
}

function writeElem(w: ByteWriter, e: Elem): void {
  const t = e.type;
  const mode = e.mode;
  // Index form (flags 0-3) implies type `(ref func)`; use it only when that is the type.
  const isRefFunc = !t.nullable && !t.exact && t.heap === 'func';
  const isFuncref = t.nullable && !t.exact && t.heap === 'func';
  if (e.init.kind === 'funcs' && isRefFunc) {
    const funcs = e.init.funcs;
    if (mode.kind === 'active' && mode.table === 0) {
      w.u32(0);
      writeExpr(w, mode.offset);
    } else if (mode.kind === 'active') {
      w.u32(2).u32(mode.table);
      writeExpr(w, mode.offset);
      w.byte(0x00);
    } else {
      w.u32(mode.kind === 'passive' ? 1 : 3).byte(0x00);
    }
    w.u32(funcs.length);
    for (const f of funcs) w.u32(f);
    return;
  }
  const exprs = e.init.kind === 'exprs' ? e.init.exprs.map((x) => x.bytes)
    : e.init.funcs.map(refFuncExpr);
  if (mode.kind === 'active' && mode.table === 0 && isFuncref) {
    w.u32(4);
    writeExpr(w, mode.offset);
  } else if (mode.kind === 'active') {
    w.u32(6).u32(mode.table);
    writeExpr(w, mode.offset);
    w.refType(t);
  } else {
    w.u32(mode.kind === 'passive' ? 5 : 7);
    w.refType(t);
  }
  w.u32(exprs.length);
  for (const x of exprs) w.bytes(x);
}

function writeData(w: ByteWriter, d: Data): void {
  const mode = d.mode;
  if (mode.kind === 'passive') {
    w.u32(1);
  } else if (mode.memory === 0) {
    w.u32(0);
    writeExpr(w, mode.offset);
  } else {
    w.u32(2).u32(mode.memory);
    writeExpr(w, mode.offset);
  }
  w.u32(d.bytes.length);
  w.bytes(d.bytes);
}
