// `parseModuleText`: the text format's modules lowered to the Module AST.
//
// Two passes over the module fields. Pass 1 binds every identifier (imports first in each index
// space, as the binary requires; an import after a definition is malformed) and parses the
// explicit type definitions. Pass 2 parses everything else in text order, so implicit types from
// inline type uses are appended after the explicit ones in order of use.

import { Cursor } from './cursor.js';
import { IndexSpace } from './index-space.js';
import { lex } from './lexer.js';
import type { Annotation, Token } from './lexer.js';
import { ModuleContext } from './module-context.js';
import { expr } from './parse-instr.js';
import type { BodyContext } from './parse-instr.js';
import { isRefTypeStart, refTypeOf, subType, valType } from './parse-types.js';
import { applyAnnotations } from './custom-annotations.js';
import { namesOf } from './names.js';
import type { Features } from '../syntax/features.js';
import type { Elem, Expr, ImportDesc, LocalDecl, Module } from '../syntax/module.js';
import type { ExternKind, GlobalType, Limits, MemType, RefType, TableType, ValType } from '../syntax/types.js';
import { refType, equalValType } from '../syntax/types.js';

const FIELD_KINDS = new Set(['type', 'rec', 'import', 'func', 'table', 'memory', 'global', 'tag', 'export', 'start', 'elem', 'data']);

const mkExpr = (bytes: Uint8Array): Expr => ({ bytes, offset: 0 });

/** Parses a module in the text format; accepts `(module $id? ...)`, `(module definition ...)` or bare fields. */
export function parseModuleText(source: string, features?: Features): Module {
  const { tokens, annotations } = lex(source);
  const c = new Cursor(tokens);
  let end = tokens.length;
  let start = 0;
  let moduleName: string | null = null;
  if (c.isField('module')) {
    c.i += 2;
    if (c.isAtom('definition')) c.i++;
    moduleName = c.optId();
    start = c.i;
    const close = c.skipParens(0);
    if (close !== tokens.length) throw c.errAt(tokens[close], 'unexpected token');
    end = close - 1;
  }
  const m = parseModuleFields(tokens, start, end, features, annotations, start > 0 ? 1 : 0, moduleName);
  return m;
}

interface FieldRef {
  readonly kw: string;
  readonly at: number; // index of `(`
  readonly end: number; // index after `)`
}

export function parseModuleFields(tokens: readonly Token[], start: number, end: number, features?: Features,
  annotations: readonly Annotation[] = [], fieldDepth = 0, moduleName: string | null = null): Module {
  const ctx = new ModuleContext(features);
  const c = new Cursor(tokens, start, end);
  const fields: FieldRef[] = [];
  while (!c.done) {
    const open = c.peek()!;
    if (open.kind !== '(') throw c.unexpected(open);
    const kw = c.peek(1);
    if (!kw || kw.kind !== 'atom' || !FIELD_KINDS.has(kw.text)) throw c.unexpected(kw);
    const at = c.i;
    const e = c.skipParens(at);
    fields.push({ kw: kw.text, at, end: e });
    c.i = e;
  }
  bindAll(ctx, tokens, fields);
  defineTypes(ctx, tokens, fields);
  for (const f of fields) {
    const fc = new Cursor(tokens, f.at + 2, f.end - 1);
    parseField(ctx, fc, f.kw, tokens[f.at + 1]);
  }
  if (ctx.dataRefs) ctx.m.dataCount = ctx.m.datas.length;
  ctx.m.names = namesOf(ctx, moduleName);
  if (annotations.length > 0) applyAnnotations(ctx.m, annotations, tokens, fieldDepth);
  return ctx.m;
}

/** Kinds defined by a field, and whether it is an import (inline or `(import ...)`). */
function fieldShape(tokens: readonly Token[], f: FieldRef): { kind: ExternKind | null; id: string | null; idTok?: Token; imported: boolean; inlineSeg: boolean } {
  const c = new Cursor(tokens, f.at + 2, f.end - 1);
  if (f.kw === 'import') {
    c.name();
    c.name();
    const kk = c.fieldName();
    if (!kk || !['func', 'table', 'memory', 'global', 'tag'].includes(kk)) throw c.unexpected(c.isOpen() ? c.peek(1) : c.peek());
    c.i += 2;
    const idTok = c.peek();
    const id = c.optId();
    return { kind: kk as ExternKind, id, idTok, imported: true, inlineSeg: false };
  }
  const idTok = c.peek();
  const id = c.optId();
  while (c.isField('export')) c.i = c.skipParens();
  const imported = c.isField('import');
  let inlineSeg = false;
  if (!imported && (f.kw === 'table' || f.kw === 'memory')) {
    // `(table ... (elem ...))` / `(memory (data ...))` at depth one
    for (let j = c.i; j < c.end; j++) {
      const t = tokens[j];
      if (t.kind === '(' && tokens[j + 1]?.kind === 'atom' && tokens[j + 1].text === (f.kw === 'table' ? 'elem' : 'data')) inlineSeg = true;
      if (t.kind === '(') j = c.skipParens(j) - 1;
    }
  }
  return { kind: f.kw as ExternKind, id, idTok: id !== null ? idTok : undefined, imported, inlineSeg };
}

function spaceOf(ctx: ModuleContext, kind: ExternKind): IndexSpace {
  switch (kind) {
    case 'func': return ctx.funcs;
    case 'table': return ctx.tables;
    case 'memory': return ctx.mems;
    case 'global': return ctx.globals;
    case 'tag': return ctx.tags;
  }
}

const KIND_WORD: Record<ExternKind, string> = { func: 'function', table: 'table', memory: 'memory', global: 'global', tag: 'tag' };

function bindAll(ctx: ModuleContext, tokens: readonly Token[], fields: readonly FieldRef[]): void {
  const c = new Cursor(tokens);
  let lastDef: ExternKind | null = null;
  for (const f of fields) {
    if (f.kw === 'type') {
      const t = tokens[f.at + 2];
      const id = t?.kind === 'id' ? t.text : null;
      ctx.fieldsOf(ctx.types.bind(c, id, t));
      continue;
    }
    if (f.kw === 'rec') {
      const rc = new Cursor(tokens, f.at + 2, f.end - 1);
      while (rc.isField('type')) {
        const t = tokens[rc.i + 2];
        const id = t?.kind === 'id' ? t.text : null;
        ctx.fieldsOf(ctx.types.bind(c, id, t));
        rc.i = rc.skipParens();
      }
      continue;
    }
    if (f.kw === 'elem' || f.kw === 'data') {
      const t = tokens[f.at + 2];
      const id = t?.kind === 'id' ? t.text : null;
      (f.kw === 'elem' ? ctx.elems : ctx.datas).bind(c, id, t);
      continue;
    }
    if (f.kw === 'export' || f.kw === 'start') continue;
    const s = fieldShape(tokens, f);
    if (s.imported && lastDef) throw c.errAt(tokens[f.at], `import after ${KIND_WORD[lastDef]} definition`);
    if (!s.imported) lastDef = s.kind;
    spaceOf(ctx, s.kind!).bind(c, s.id, s.idTok);
    if (s.inlineSeg) (f.kw === 'table' ? ctx.elems : ctx.datas).bind(c, null, undefined);
  }
}

function defineTypes(ctx: ModuleContext, tokens: readonly Token[], fields: readonly FieldRef[]): void {
  const m = ctx.m;
  const one = (c: Cursor): void => {
    c.openField('type');
    c.optId();
    const idx = m.types.length;
    m.types.push(subType(c, ctx.types, ctx.fieldsOf(idx)));
    c.close();
  };
  for (const f of fields) {
    if (f.kw === 'type') {
      const c = new Cursor(tokens, f.at, f.end);
      const start = m.types.length;
      one(c);
      m.recGroups.push({ start, count: 1, explicit: false });
    } else if (f.kw === 'rec') {
      const c = new Cursor(tokens, f.at + 2, f.end - 1);
      const start = m.types.length;
      while (!c.done) one(c);
      m.recGroups.push({ start, count: m.types.length - start, explicit: true });
    }
  }
}

function body(ctx: ModuleContext, locals: IndexSpace | null): BodyContext {
  return { mod: ctx, locals, labels: [] };
}

/** Inline `(export "name")*` of a definition. */
function inlineExports(ctx: ModuleContext, c: Cursor, kind: ExternKind, index: number): void {
  while (c.isField('export')) {
    c.i += 2;
    ctx.m.exports.push({ name: c.name(), kind, index });
    c.close();
  }
}

function inlineImport(c: Cursor): { module: string; name: string } | null {
  if (!c.isField('import')) return null;
  c.i += 2;
  const module = c.name();
  const name = c.name();
  c.close();
  return { module, name };
}

/**
 * Limits are u64 literals for both address types in 3.0 (the validator checks the ranges).
 * `narrow32`: bases before memory64 (the threads proposal's profile, which also lacks
 * multi-memory) read i32 limits as u32 literals.
 */
function limits(c: Cursor, is64: boolean, narrow32 = false): Limits {
  const lim = (): bigint => {
    const t = c.peek();
    const v = c.nat64();
    if (narrow32 && !is64 && v >= 1n << 32n) throw c.errAt(t, 'i32 constant out of range');
    return v;
  };
  const min = lim();
  let max: bigint | null = null;
  if (c.isNat()) max = lim();
  return { min: limitNumber(min), max: max === null ? null : limitNumber(max), is64 };
}

/**
 * Limits are numbers in the AST (exact below 2^53). Values from 2^64-2^11 up would round to 2^64,
 * which no u64 encoding holds; they become the largest double below 2^64 instead (still far
 * beyond every valid limit, so validation rejects them the same way).
 */
function limitNumber(v: bigint): number {
  const n = Number(v);
  return n >= 2 ** 64 ? 2 ** 64 - 2 ** 11 : n;
}

function addrType(c: Cursor): boolean {
  if (c.isAtom('i64')) { c.i++; return true; }
  if (c.isAtom('i32')) { c.i++; return false; }
  return false;
}

function pageSize(c: Cursor): { log2: number; explicit: boolean } {
  if (!c.isField('pagesize')) return { log2: 16, explicit: false };
  c.i += 2;
  const t = c.peek();
  const n = c.nat64();
  c.close();
  if (n === 0n || (n & (n - 1n)) !== 0n) throw c.errAt(t, 'invalid custom page size');
  return { log2: n.toString(2).length - 1, explicit: true };
}

function memType(c: Cursor, narrow32: boolean): MemType {
  const is64 = addrType(c);
  const l = limits(c, is64, narrow32);
  let shared = false;
  if (c.isAtom('shared')) { c.i++; shared = true; } else if (c.isAtom('unshared')) c.i++;
  const ps = pageSize(c);
  return { limits: l, shared, pageSizeLog2: ps.log2, ...(ps.explicit ? { explicitPageSize: true } : {}) };
}

function tableType(ctx: ModuleContext, c: Cursor): TableType {
  const is64 = addrType(c);
  const l = limits(c, is64);
  const elem = refTypeOf(c, ctx.types);
  return { elem, limits: l };
}

function globalType(ctx: ModuleContext, c: Cursor): GlobalType {
  if (c.isField('mut')) {
    c.i += 2;
    const type = valType(c, ctx.types);
    c.close();
    return { type, mutable: true };
  }
  return { type: valType(c, ctx.types), mutable: false };
}

/** `(func ...)` typeuse in imports; `(exact typeuse)` for custom-descriptors. */
function funcImportType(ctx: ModuleContext, c: Cursor): ImportDesc {
  if (c.isField('exact')) {
    c.i += 2;
    const tu = ctx.typeUse(c, true);
    c.close();
    return { kind: 'func', typeIdx: tu.idx, exact: true };
  }
  return { kind: 'func', typeIdx: ctx.typeUse(c, true).idx };
}

function importDesc(ctx: ModuleContext, c: Cursor, kind: ExternKind): ImportDesc {
  switch (kind) {
    case 'func': return funcImportType(ctx, c);
    case 'table': return { kind: 'table', type: tableType(ctx, c) };
    case 'memory': {
      const type = memType(c, !ctx.features.multiMemory);
      ctx.mem64.push(type.limits.is64);
      return { kind: 'memory', type };
    }
    case 'global': return { kind: 'global', type: globalType(ctx, c) };
    case 'tag': return { kind: 'tag', type: { typeIdx: ctx.typeUse(c, true).idx } };
  }
}

/** Offset expression: `(offset instr*)` or one folded instruction. */
function offsetExpr(ctx: ModuleContext, c: Cursor): Expr {
  if (c.isField('offset')) {
    c.i += 2;
    const e = expr(c, body(ctx, null));
    c.close();
    return mkExpr(e);
  }
  const end = c.skipParens();
  const sub = new Cursor(c.toks, c.i, end);
  const e = expr(sub, body(ctx, null));
  if (!sub.done) throw sub.unexpected();
  c.i = end;
  return mkExpr(e);
}

/** An element expression: `(item instr*)` or one folded instruction. */
function elemItem(ctx: ModuleContext, c: Cursor): Expr {
  if (c.isField('item')) {
    c.i += 2;
    const e = expr(c, body(ctx, null));
    c.close();
    return mkExpr(e);
  }
  return offsetExpr(ctx, c);
}

/** Element list: `func x*`, `reftype item*`, or (legacy active form) bare `x*`. */
function elemList(ctx: ModuleContext, c: Cursor, allowBare: boolean): { type: RefType; init: Elem['init'] } {
  if (c.isAtom('func')) {
    c.i++;
    const funcs: number[] = [];
    while (!c.done) funcs.push(ctx.funcs.ref(c));
    return { type: refType(false, 'func'), init: { kind: 'funcs', funcs } };
  }
  if (isRefTypeStart(c)) {
    const type = refTypeOf(c, ctx.types);
    const exprs: Expr[] = [];
    while (!c.done) {
      if (!c.isOpen()) {
        // `funcref $f $g` is not allowed; report like the reference parser
        throw c.unexpected();
      }
      exprs.push(elemItem(ctx, c));
    }
    return { type, init: { kind: 'exprs', exprs } };
  }
  if (!allowBare && !c.done) throw c.unexpected();
  const funcs: number[] = [];
  while (!c.done) funcs.push(ctx.funcs.ref(c));
  return { type: refType(false, 'func'), init: { kind: 'funcs', funcs } };
}

function parseField(ctx: ModuleContext, c: Cursor, kw: string, kwTok: Token): void {
  const m = ctx.m;
  switch (kw) {
    case 'type': case 'rec': return;
    case 'import': {
      const module = c.name();
      const name = c.name();
      c.open();
      const kind = c.next().text as ExternKind;
      c.optId();
      const desc = importDesc(ctx, c, kind);
      c.close();
      if (!c.done) throw c.unexpected();
      m.imports.push({ module, name, desc });
      return;
    }
    case 'func': return funcField(ctx, c);
    case 'table': {
      c.optId();
      const index = m.tables.length + m.imports.filter((i) => i.desc.kind === 'table').length;
      inlineExports(ctx, c, 'table', index);
      const imp = inlineImport(c);
      if (imp) {
        m.imports.push({ ...imp, desc: { kind: 'table', type: tableType(ctx, c) } });
        if (!c.done) throw c.unexpected();
        return;
      }
      const is64 = addrType(c);
      if (isRefTypeStart(c)) {
        // `(table at? reftype (elem ...))`
        const elemT = refTypeOf(c, ctx.types);
        c.openField('elem');
        const inner = new Cursor(c.toks, c.i, c.skipParens(c.i - 2) - 1);
        let list: { type: RefType; init: Elem['init'] };
        if (inner.isOpen()) {
          const exprs: Expr[] = [];
          while (!inner.done) exprs.push(elemItem(ctx, inner));
          list = { type: elemT, init: { kind: 'exprs', exprs } };
        } else {
          const funcs: number[] = [];
          while (!inner.done) funcs.push(ctx.funcs.ref(inner));
          list = { type: elemT, init: { kind: 'funcs', funcs } };
        }
        c.i = inner.end;
        c.close();
        const n = list.init.kind === 'funcs' ? list.init.funcs.length : list.init.exprs.length;
        m.tables.push({ type: { elem: elemT, limits: { min: n, max: n, is64 } }, init: null });
        const off = new Uint8Array(is64 ? [0x42, 0x00, 0x0b] : [0x41, 0x00, 0x0b]);
        m.elems.push({ mode: { kind: 'active', table: index, offset: mkExpr(off) }, type: list.type, init: list.init });
        if (!c.done) throw c.unexpected();
        return;
      }
      c.i -= is64 ? 1 : 0;
      const type = tableType(ctx, c);
      let init: Expr | null = null;
      if (!c.done) init = mkExpr(expr(c, body(ctx, null)));
      if (!c.done) throw c.unexpected();
      m.tables.push({ type, init });
      return;
    }
    case 'memory': {
      c.optId();
      const index = m.memories.length + m.imports.filter((i) => i.desc.kind === 'memory').length;
      inlineExports(ctx, c, 'memory', index);
      const imp = inlineImport(c);
      if (imp) {
        const type = memType(c, !ctx.features.multiMemory);
        ctx.mem64.push(type.limits.is64);
        m.imports.push({ ...imp, desc: { kind: 'memory', type } });
        if (!c.done) throw c.unexpected();
        return;
      }
      const save = c.i;
      const is64 = addrType(c);
      const ps = pageSize(c);
      if (c.isField('data')) {
        c.i += 2;
        const parts: Uint8Array[] = [];
        while (c.isString()) parts.push(c.stringBytes());
        c.close();
        const bytes = concat(parts);
        const pageBytes = 2 ** ps.log2;
        const pages = Math.ceil(bytes.length / pageBytes);
        m.memories.push({ type: { limits: { min: pages, max: pages, is64 }, shared: false, pageSizeLog2: ps.log2, ...(ps.explicit ? { explicitPageSize: true } : {}) } });
        ctx.mem64.push(is64);
        const off = new Uint8Array(is64 ? [0x42, 0x00, 0x0b] : [0x41, 0x00, 0x0b]);
        m.datas.push({ mode: { kind: 'active', memory: index, offset: mkExpr(off) }, bytes });
        if (!c.done) throw c.unexpected();
        return;
      }
      c.i = save;
      const type = memType(c, !ctx.features.multiMemory);
      ctx.mem64.push(type.limits.is64);
      m.memories.push({ type });
      if (!c.done) throw c.unexpected();
      return;
    }
    case 'global': {
      c.optId();
      const index = m.globals.length + m.imports.filter((i) => i.desc.kind === 'global').length;
      inlineExports(ctx, c, 'global', index);
      const imp = inlineImport(c);
      const type = globalType(ctx, c);
      if (imp) {
        m.imports.push({ ...imp, desc: { kind: 'global', type } });
      } else {
        m.globals.push({ type, init: mkExpr(expr(c, body(ctx, null))) });
      }
      if (!c.done) throw c.unexpected();
      return;
    }
    case 'tag': {
      c.optId();
      const index = m.tags.length + m.imports.filter((i) => i.desc.kind === 'tag').length;
      inlineExports(ctx, c, 'tag', index);
      const imp = inlineImport(c);
      const tu = ctx.typeUse(c, true);
      if (imp) m.imports.push({ ...imp, desc: { kind: 'tag', type: { typeIdx: tu.idx } } });
      else m.tags.push({ type: { typeIdx: tu.idx } });
      if (!c.done) throw c.unexpected();
      return;
    }
    case 'export': {
      const name = c.name();
      c.open();
      const k = c.next();
      if (k.kind !== 'atom' || !['func', 'table', 'memory', 'global', 'tag'].includes(k.text)) throw c.unexpected(k);
      const kind = k.text as ExternKind;
      const index = spaceOf(ctx, kind).ref(c);
      c.close();
      if (!c.done) throw c.unexpected();
      m.exports.push({ name, kind, index });
      return;
    }
    case 'start': {
      const idx = ctx.funcs.ref(c);
      if (!c.done) throw c.unexpected();
      if (m.start !== null) throw c.errAt(kwTok, 'multiple start sections');
      m.start = idx;
      return;
    }
    case 'elem': {
      c.optId();
      if (c.isAtom('declare')) {
        c.i++;
        const l = elemList(ctx, c, false);
        m.elems.push({ mode: { kind: 'declarative' }, ...l });
        return;
      }
      let table = -1;
      if (c.isField('table')) {
        c.i += 2;
        table = ctx.tables.ref(c);
        c.close();
      }
      if (table < 0 && c.isIndex() && c.peek(1)?.kind === '(') table = ctx.tables.ref(c);
      if (c.isOpen() && !isRefTypeStart(c)) {
        const offset = offsetExpr(ctx, c);
        const l = elemList(ctx, c, true);
        m.elems.push({ mode: { kind: 'active', table: Math.max(table, 0), offset }, ...l });
        return;
      }
      if (table >= 0) throw c.unexpected();
      const l = elemList(ctx, c, false);
      m.elems.push({ mode: { kind: 'passive' }, ...l });
      return;
    }
    case 'data': {
      c.optId();
      let memory = -1;
      if (c.isField('memory')) {
        c.i += 2;
        memory = ctx.mems.ref(c);
        c.close();
      }
      if (memory < 0 && c.isIndex() && c.peek(1)?.kind === '(') memory = ctx.mems.ref(c);
      let offset: Expr | null = null;
      if (c.isOpen()) offset = offsetExpr(ctx, c);
      else if (memory >= 0) throw c.unexpected();
      const parts: Uint8Array[] = [];
      while (c.isString()) parts.push(c.stringBytes());
      if (!c.done) throw c.unexpected();
      const bytes = concat(parts);
      m.datas.push(offset ? { mode: { kind: 'active', memory: Math.max(memory, 0), offset }, bytes } : { mode: { kind: 'passive' }, bytes });
      return;
    }
  }
}

function funcField(ctx: ModuleContext, c: Cursor): void {
  const m = ctx.m;
  c.optId();
  const index = m.funcs.length + m.imports.filter((i) => i.desc.kind === 'func').length;
  inlineExports(ctx, c, 'func', index);
  const imp = inlineImport(c);
  if (imp) {
    m.imports.push({ ...imp, desc: funcImportType(ctx, c) });
    if (!c.done) throw c.unexpected();
    return;
  }
  const tu = ctx.typeUse(c, true);
  const locals = new IndexSpace('local');
  for (let k = 0; k < tu.params.length; k++) locals.bind(c, tu.ids[k] ?? null, tu.idToks[k]);
  const decls: LocalDecl[] = [];
  const push = (t: ValType): void => {
    const last = decls[decls.length - 1];
    if (last && equalValType(last.type, t)) decls[decls.length - 1] = { count: last.count + 1, type: t };
    else decls.push({ count: 1, type: t });
  };
  while (c.isField('local')) {
    c.i += 2;
    const idTok = c.peek();
    const id = c.optId();
    if (id !== null) {
      locals.bind(c, id, idTok);
      push(valType(c, ctx.types));
    } else {
      while (!c.isClose()) {
        locals.bind(c, null, undefined);
        push(valType(c, ctx.types));
      }
    }
    c.close();
  }
  const bytes = expr(c, body(ctx, locals));
  if (!c.done) throw c.unexpected();
  if (locals.names.size > 0) {
    const ln = new Map<number, string>();
    for (const [name, idx] of locals.names) ln.set(idx, name);
    ctx.localNames.set(index, new Map([...ln].sort((a, b) => a[0] - b[0])));
  }
  m.funcs.push({ typeIdx: tu.idx, locals: decls, body: mkExpr(bytes) });
}

function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
