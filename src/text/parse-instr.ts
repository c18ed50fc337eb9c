// Instructions of the text format, flat and folded, lowered straight to their binary encoding
// (the encoding InstrReader reads). Mnemonics, immediate kinds and opcodes come only from the
// opcode table; this file knows the text order of immediates and the structured forms.

import type { Cursor } from './cursor.js';
import type { IndexSpace } from './index-space.js';
import type { Token } from './lexer.js';
import type { ModuleContext } from './module-context.js';
import { isFloatLit, isInt, isNat, parseIntN } from './numbers.js';
import { parseF32, parseF64 } from './float.js';
import { heapType, refTypeOf, valType } from './parse-types.js';
import { ByteWriter } from '../decoder/byte-writer.js';
import { OPS_BY_NAME } from '../syntax/opcodes.js';
import type { OpInfo } from '../syntax/opcodes.js';
import { isKeyword } from './keywords.js';

export interface BodyContext {
  readonly mod: ModuleContext;
  /** Locals of the function; null in constant expressions. */
  readonly locals: IndexSpace | null;
  /** Label names, innermost last. */
  readonly labels: (string | null)[];
}

const BLOCK_OPS = new Set(['block', 'loop', 'if', 'try_table', 'try']);
const TERMINATORS = new Set(['end', 'else', 'catch', 'catch_all', 'delegate']);

function op(name: string, nullable = false): OpInfo {
  const rows = OPS_BY_NAME.get(name)!;
  return rows.find((r) => r.nullable === nullable) ?? rows[0];
}

export function writeOpcode(w: ByteWriter, info: OpInfo): void {
  if (info.prefix === 0) w.byte(info.code);
  else w.byte(info.prefix).u32(info.code);
}

/** Unsigned LEB128 of a bigint (u64 offsets beyond 2^53). */
function u64Big(w: ByteWriter, v: bigint): void {
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) b |= 0x80;
    w.byte(b);
  } while (v !== 0n);
}

/** Parses instructions until `)` or a block terminator keyword. */
export function instrs(c: Cursor, ctx: BodyContext, w: ByteWriter): void {
  for (;;) {
    const t = c.peek();
    if (!t || t.kind === ')') return;
    if (t.kind === '(') {
      folded(c, ctx, w);
      continue;
    }
    if (t.kind === 'atom' && TERMINATORS.has(t.text)) return;
    flat(c, ctx, w);
  }
}

function labelRef(c: Cursor, ctx: BodyContext): number {
  const t = c.peek();
  if (t?.kind === 'id') {
    c.i++;
    for (let k = ctx.labels.length - 1; k >= 0; k--) {
      if (ctx.labels[k] === t.text) return ctx.labels.length - 1 - k;
    }
    throw c.errAt(t, `unknown label $${t.text}`);
  }
  return c.nat();
}

function isIndex(c: Cursor): boolean {
  const t = c.peek();
  return t !== undefined && (t.kind === 'id' || (t.kind === 'atom' && /^(0x[0-9a-fA-F_]+|[0-9_]+)$/.test(t.text)));
}

/** Block type: empty, one result type inline, or a type index (implicit types appended). */
function blockType(c: Cursor, ctx: BodyContext, w: ByteWriter): void {
  const mod = ctx.mod;
  if (c.isField('type')) {
    const tu = mod.typeUse(c, false);
    w.s33(tu.idx);
    return;
  }
  // count params/results without consuming: a lone (result t) stays inline
  const save = c.i;
  const tu0 = { params: 0, results: 0 };
  while (c.isField('param') || c.isField('result')) {
    const isParam = c.isField('param');
    c.i += 2;
    if (c.peek()?.kind === 'id') throw c.unexpected();
    while (!c.isClose()) {
      valType(c, mod.types);
      if (isParam) tu0.params++; else tu0.results++;
    }
    c.close();
  }
  c.i = save;
  if (tu0.params === 0 && tu0.results <= 1) {
    if (tu0.results === 0) {
      w.byte(0x40);
      return;
    }
    c.i += 2;
    const t = valType(c, mod.types);
    c.close();
    w.valType(t);
    return;
  }
  const tu = mod.typeUse(c, false);
  w.s33(tu.idx);
}

/** Optional `$label` after block/loop/if/...; pushes it. */
function blockLabel(c: Cursor, ctx: BodyContext): string | null {
  const id = c.optId();
  ctx.labels.push(id);
  return id;
}

function endLabel(c: Cursor, label: string | null): void {
  const t = c.peek();
  if (t?.kind === 'id') {
    c.i++;
    if (t.text !== label) throw c.errAt(t, 'mismatching label');
  }
}

function flat(c: Cursor, ctx: BodyContext, w: ByteWriter): void {
  const t = c.next();
  if (t.kind !== 'atom') throw c.unexpected(t);
  const name = t.text;
  if (BLOCK_OPS.has(name)) {
    const info = op(name);
    writeOpcode(w, info);
    const label = blockLabel(c, ctx);
    blockType(c, ctx, w);
    if (name === 'try_table') catches(c, ctx, w);
    instrs(c, ctx, w);
    if (name === 'if' && c.isAtom('else')) {
      c.i++;
      endLabel(c, label);
      elseBranch(c, ctx, w);
    }
    if (name === 'try') {
      let handlers = 0;
      while (c.isAtom('catch')) {
        handlers++;
        c.i++;
        writeOpcode(w, op('catch'));
        w.u32(ctx.mod.tags.ref(c));
        instrs(c, ctx, w);
      }
      if (c.isAtom('catch_all')) {
        handlers++;
        c.i++;
        writeOpcode(w, op('catch_all'));
        instrs(c, ctx, w);
      }
      if (handlers === 0 && c.isAtom('delegate')) {
        c.i++;
        ctx.labels.pop();
        writeOpcode(w, op('delegate'));
        w.u32(labelRef(c, ctx));
        return;
      }
    }
    c.keyword('end');
    endLabel(c, label);
    ctx.labels.pop();
    w.byte(0x0b);
    return;
  }
  plainOp(c, ctx, w, t);
}

/** `else` and its instructions; an empty else branch is not encoded (as the reference encoder does). */
function elseBranch(c: Cursor, ctx: BodyContext, w: ByteWriter): void {
  w.byte(0x05);
  const at = w.length;
  instrs(c, ctx, w);
  if (w.length === at) w.length--;
}

function folded(c: Cursor, ctx: BodyContext, w: ByteWriter): void {
  c.open();
  const t = c.next();
  if (t.kind !== 'atom') throw c.unexpected(t);
  const name = t.text;
  if (name === 'block' || name === 'loop' || name === 'try_table') {
    writeOpcode(w, op(name));
    blockLabel(c, ctx);
    blockType(c, ctx, w);
    if (name === 'try_table') catches(c, ctx, w);
    instrs(c, ctx, w);
    c.close();
    ctx.labels.pop();
    w.byte(0x0b);
    return;
  }
  if (name === 'if') {
    const head = new ByteWriter();
    writeOpcode(head, op('if'));
    blockLabel(c, ctx);
    blockType(c, ctx, head);
    // condition operands are evaluated outside the block's label scope
    const lbl = ctx.labels.pop()!;
    while (c.isOpen() && !c.isField('then')) folded(c, ctx, w);
    ctx.labels.push(lbl);
    w.bytes(head.finish());
    c.openField('then');
    instrs(c, ctx, w);
    c.close();
    if (c.isField('else')) {
      c.i += 2;
      elseBranch(c, ctx, w);
      c.close();
    }
    c.close();
    ctx.labels.pop();
    w.byte(0x0b);
    return;
  }
  if (name === 'try') {
    writeOpcode(w, op('try'));
    blockLabel(c, ctx);
    blockType(c, ctx, w);
    c.openField('do');
    instrs(c, ctx, w);
    c.close();
    let handlers = 0;
    while (c.isField('catch')) {
      handlers++;
      c.i += 2;
      writeOpcode(w, op('catch'));
      w.u32(ctx.mod.tags.ref(c));
      instrs(c, ctx, w);
      c.close();
    }
    if (c.isField('catch_all')) {
      handlers++;
      c.i += 2;
      writeOpcode(w, op('catch_all'));
      instrs(c, ctx, w);
      c.close();
    }
    if (handlers === 0 && c.isField('delegate')) {
      c.i += 2;
      ctx.labels.pop();
      writeOpcode(w, op('delegate'));
      w.u32(labelRef(c, ctx));
      c.close();
      c.close();
      return;
    }
    c.close();
    ctx.labels.pop();
    w.byte(0x0b);
    return;
  }
  const self = new ByteWriter();
  plainOp(c, ctx, self, t);
  while (c.isOpen()) folded(c, ctx, w);
  c.close();
  w.bytes(self.finish());
}

function catches(c: Cursor, ctx: BodyContext, w: ByteWriter): void {
  // labels of catch clauses are resolved outside the try_table's own label
  const lbl = ctx.labels.pop()!;
  const out = new ByteWriter();
  let n = 0;
  for (;;) {
    const kw = c.fieldName();
    const kind = kw === 'catch' ? 0 : kw === 'catch_ref' ? 1 : kw === 'catch_all' ? 2 : kw === 'catch_all_ref' ? 3 : -1;
    if (kind < 0) break;
    c.i += 2;
    out.byte(kind);
    if (kind < 2) out.u32(ctx.mod.tags.ref(c));
    out.u32(labelRef(c, ctx));
    c.close();
    n++;
  }
  ctx.labels.push(lbl);
  w.u32(n).bytes(out.finish());
}

function unknownOp(c: Cursor, t: Token): Error {
  if (isKeyword(t.text) || isFloatLit(t.text)) return c.errAt(t, 'unexpected token');
  return c.errAt(t, `unknown operator ${t.text}`);
}

/** A non-structured instruction: mnemonic token already consumed. */
function plainOp(c: Cursor, ctx: BodyContext, w: ByteWriter, t: Token): void {
  const name = t.text;
  if (BLOCK_OPS.has(name) || TERMINATORS.has(name)) throw c.errAt(t, 'unexpected token');
  const rows = OPS_BY_NAME.get(name);
  if (!rows) throw unknownOp(c, t);
  const mod = ctx.mod;
  let info = rows[0];
  switch (name) {
    case 'select': {
      if (c.isField('result')) {
        info = rows.find((r) => r.imms.length > 0)!;
        const ts: import('../syntax/types.js').ValType[] = [];
        while (c.isField('result')) {
          c.i += 2;
          while (!c.isClose()) ts.push(valType(c, mod.types));
          c.close();
        }
        writeOpcode(w, info);
        w.u32(ts.length);
        for (const ty of ts) w.valType(ty);
      } else {
        writeOpcode(w, rows.find((r) => r.imms.length === 0)!);
      }
      return;
    }
    case 'ref.test': case 'ref.cast': case 'ref.cast_desc_eq': {
      const rt = refTypeOf(c, mod.types);
      info = op(name, rt.nullable);
      writeOpcode(w, info);
      if (rt.exact) w.byte(0x62);
      w.heapType(rt.heap);
      return;
    }
    case 'br_on_cast': case 'br_on_cast_fail': case 'br_on_cast_desc_eq': case 'br_on_cast_desc_eq_fail': {
      writeOpcode(w, info);
      const l = labelRef(c, ctx);
      const r1 = refTypeOf(c, mod.types);
      const r2 = refTypeOf(c, mod.types);
      const flags = (r1.nullable ? 1 : 0) | (r2.nullable ? 2 : 0);
      w.byte(flags).u32(l);
      if (r1.exact) w.byte(0x62);
      w.heapType(r1.heap);
      if (r2.exact) w.byte(0x62);
      w.heapType(r2.heap);
      return;
    }
    case 'call_indirect': case 'return_call_indirect': {
      writeOpcode(w, info);
      const table = isIndex(c) ? mod.tables.ref(c) : 0;
      const tu = mod.typeUse(c, false);
      w.u32(tu.idx).u32(table);
      return;
    }
    case 'memory.init': case 'table.init': {
      writeOpcode(w, info);
      const space = name === 'memory.init' ? mod.mems : mod.tables;
      const segs = name === 'memory.init' ? mod.datas : mod.elems;
      if (name === 'memory.init') mod.dataRefs = true;
      let target = 0;
      if (isIndex(c) && isIndexAt(c, 1)) target = space.ref(c);
      w.u32(segs.ref(c)).u32(target);
      return;
    }
    case 'memory.copy': case 'table.copy': {
      writeOpcode(w, info);
      const space = name === 'memory.copy' ? mod.mems : mod.tables;
      let a = 0;
      let b = 0;
      if (isIndex(c)) {
        a = space.ref(c);
        b = space.ref(c);
      }
      w.u32(a).u32(b);
      return;
    }
  }
  writeOpcode(w, info);
  let typeIdx = -1;
  for (const kind of info.imms) {
    switch (kind) {
      case 'label': w.u32(labelRef(c, ctx)); break;
      case 'labels': {
        const ls: number[] = [labelRef(c, ctx)];
        while (isIndex(c)) ls.push(labelRef(c, ctx));
        w.u32(ls.length - 1);
        for (const l of ls) w.u32(l);
        break;
      }
      case 'func': w.u32(mod.funcs.ref(c)); break;
      case 'type': typeIdx = mod.types.ref(c); w.u32(typeIdx); break;
      case 'table': w.u32(isIndex(c) ? mod.tables.ref(c) : 0); break;
      case 'memory': w.u32(isIndex(c) ? mod.mems.ref(c) : 0); break;
      case 'global': w.u32(mod.globals.ref(c)); break;
      case 'local': {
        if (!ctx.locals) {
          const lt = c.peek();
          if (lt?.kind === 'id') throw c.errAt(lt, `unknown local $${lt.text}`);
          w.u32(c.nat());
        } else w.u32(ctx.locals.ref(c));
        break;
      }
      case 'tag': w.u32(mod.tags.ref(c)); break;
      case 'elem': w.u32(mod.elems.ref(c)); break;
      case 'data': mod.dataRefs = true; w.u32(mod.datas.ref(c)); break;
      case 'field': {
        const ft = c.peek();
        if (ft?.kind === 'id') {
          c.i++;
          const v = typeIdx >= 0 ? mod.fields[typeIdx]?.names.get(ft.text) : undefined;
          if (v === undefined) throw c.errAt(ft, `unknown field $${ft.text}`);
          w.u32(v);
        } else w.u32(c.nat());
        break;
      }
      case 'u32': w.u32(c.nat()); break;
      case 'memarg': memarg(c, ctx, w, info); break;
      case 'i32': w.s32(Number(intLit(c, 32))); break;
      case 'i64': w.s64Big(intLit(c, 64)); break;
      case 'f32': w.i32le(f32Lit(c)); break;
      case 'f64': {
        const b = f64Lit(c);
        w.i32le(Number(b & 0xffffffffn)).i32le(Number(b >> 32n));
        break;
      }
      case 'v128': w.bytes(v128Lanes(c)); break;
      case 'lane': w.byte(nat8(c)); break;
      case 'shuffle': {
        const toks: Token[] = [];
        while (c.isNumber()) toks.push(c.next());
        if (toks.length < 16 && !c.isOpen() && !c.isClose() && c.peek()) throw c.unexpected();
        if (toks.length !== 16) throw c.errAt(toks[0] ?? c.peek(), 'invalid lane length');
        for (const lt of toks) {
          if (!isInt(lt.text) || lt.text.startsWith('-') || lt.text.startsWith('+')) throw c.errAt(lt, 'i8 constant out of range');
          const v = parseIntN(lt.text, 64)!;
          if (v > 255n) throw c.errAt(lt, 'i8 constant out of range');
          w.byte(Number(v));
        }
        break;
      }
      case 'heaptype': {
        const h = heapType(c, mod.types);
        if (h.exact) w.byte(0x62);
        w.heapType(h.heap);
        break;
      }
      case 'valtypes': break;
      case 'castflags': break;
      case 'catches': break;
      case 'zero': w.byte(0); break;
      case 'blocktype': break;
    }
  }
}

/** A lane index: an unsigned 8-bit literal. */
function nat8(c: Cursor): number {
  const t = c.peek();
  if (t?.kind !== 'atom' || !isNat(t.text)) throw c.unexpected(t);
  c.i++;
  const v = parseIntN(t.text, 64);
  if (v === null || v > 255n || v < 0n) throw c.errAt(t, 'i8 constant out of range');
  return Number(v);
}

function isIndexAt(c: Cursor, k: number): boolean {
  const t = c.peek(k);
  return t !== undefined && (t.kind === 'id' || (t.kind === 'atom' && /^(0x[0-9a-fA-F_]+|[0-9_]+)$/.test(t.text)));
}

function memarg(c: Cursor, ctx: BodyContext, w: ByteWriter, info: OpInfo): void {
  const mod = ctx.mod;
  let mem = 0;
  const hasLane = info.imms.includes('lane');
  if (c.peek()?.kind === 'id') mem = mod.mems.ref(c);
  else if (isIndex(c) && (!hasLane || isIndexAt(c, 1) || /^(offset|align)=/.test(c.peek(1)?.text ?? ''))) {
    mem = mod.mems.ref(c);
  }
  let offset = 0n;
  let align = info.naturalAlign;
  let t = c.peek();
  if (t?.kind === 'atom' && t.text.startsWith('offset=')) {
    c.i++;
    const v = t.text.slice(7);
    if (!/^(0x[0-9a-fA-F](_?[0-9a-fA-F])*|[0-9](_?[0-9])*)$/.test(v)) throw c.errAt(t, `unknown operator ${t.text}`);
    offset = BigInt(v.replace(/_/g, ''));
    if (offset >= 1n << 64n) throw c.errAt(t, 'constant out of range');
    t = c.peek();
  }
  if (t?.kind === 'atom' && t.text.startsWith('align=')) {
    c.i++;
    const v = t.text.slice(6);
    if (!/^(0x[0-9a-fA-F](_?[0-9a-fA-F])*|[0-9](_?[0-9])*)$/.test(v)) throw c.errAt(t, `unknown operator ${t.text}`);
    const a = BigInt(v.replace(/_/g, ''));
    if (a === 0n || (a & (a - 1n)) !== 0n) throw c.errAt(t, 'alignment must be a power of two');
    align = a.toString(2).length - 1;
  }
  if (mem !== 0) w.u32(align | 0x40).u32(mem);
  else w.u32(align);
  u64Big(w, offset);
}

function intLit(c: Cursor, bits: 32 | 64): bigint {
  const t = c.peek();
  if (t?.kind !== 'atom' || !isInt(t.text)) throw c.unexpected(t);
  c.i++;
  const v = parseIntN(t.text, bits);
  if (v === null) throw c.errAt(t, 'constant out of range');
  return v;
}

function f32Lit(c: Cursor): number {
  const t = c.peek();
  if (t?.kind !== 'atom' || !isFloatLit(t.text)) throw c.unexpected(t);
  c.i++;
  return f32Tok(c, t);
}

function f32Tok(c: Cursor, t: Token): number {
  const v = parseF32(t.text);
  if (v === null) throw c.errAt(t, 'constant out of range');
  return v;
}

function f64Lit(c: Cursor): bigint {
  const t = c.peek();
  if (t?.kind !== 'atom' || !isFloatLit(t.text)) throw c.unexpected(t);
  c.i++;
  return f64Tok(c, t);
}

function f64Tok(c: Cursor, t: Token): bigint {
  const v = parseF64(t.text);
  if (v === null) throw c.errAt(t, 'constant out of range');
  return v;
}

const SHAPES: Readonly<Record<string, { n: number; bits: 8 | 16 | 32 | 64; float: boolean }>> = {
  i8x16: { n: 16, bits: 8, float: false }, i16x8: { n: 8, bits: 16, float: false },
  i32x4: { n: 4, bits: 32, float: false }, i64x2: { n: 2, bits: 64, float: false },
  f32x4: { n: 4, bits: 32, float: true }, f64x2: { n: 2, bits: 64, float: true },
};

/** Lane literals of a v128 constant as 16 little-endian bytes. */
export function v128Lanes(c: Cursor): Uint8Array {
  const st = c.peek();
  const shape = st?.kind === 'atom' ? SHAPES[st.text] : undefined;
  if (!shape) throw c.unexpected(st);
  c.i++;
  const out = new Uint8Array(16);
  const dv = new DataView(out.buffer);
  const toks: Token[] = [];
  while (c.isNumber()) toks.push(c.next());
  if (toks.length < shape.n && !c.isOpen() && !c.isClose() && c.peek()) throw c.unexpected();
  if (toks.length !== shape.n) throw c.errAt(toks[0] ?? st, 'wrong number of lane literals');
  const end = c.i;
  for (let k = 0; k < shape.n; k++) {
    const t = toks[k];
    if (shape.float) {
      if (shape.bits === 32) dv.setUint32(k * 4, f32Tok(c, t), true);
      else dv.setBigUint64(k * 8, f64Tok(c, t), true);
      continue;
    }
    if (!isInt(t.text)) throw c.errAt(t, 'constant out of range');
    const v = parseIntN(t.text, shape.bits);
    if (v === null) throw c.errAt(t, 'constant out of range');
    if (shape.bits === 8) dv.setUint8(k, Number(BigInt.asUintN(8, v)));
    else if (shape.bits === 16) dv.setUint16(k * 2, Number(BigInt.asUintN(16, v)), true);
    else if (shape.bits === 32) dv.setUint32(k * 4, Number(BigInt.asUintN(32, v)), true);
    else dv.setBigUint64(k * 8, BigInt.asUintN(64, v), true);
  }
  c.i = end;
  return out;
}


/** A constant expression or function body tail: instructions, then `end`. */
export function expr(c: Cursor, ctx: BodyContext): Uint8Array {
  const w = new ByteWriter();
  instrs(c, ctx, w);
  w.byte(0x0b);
  return w.finish().slice();
}

