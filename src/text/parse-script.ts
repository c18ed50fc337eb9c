// `parseScript`: WAST scripts to the command AST of script-ast.ts. Text modules keep their exact
// source (parsed later by parseModuleText); binary and quote modules keep their bytes / text.

import { Cursor } from './cursor.js';
import { decodeSourceBytes, lex } from './lexer.js';
import type { Token } from './lexer.js';
import { isFloatLit, isInt, parseIntN } from './numbers.js';
import { parseF32, parseF64 } from './float.js';
import type { Action, Command, ScriptModule, ScriptValue } from './script-ast.js';

const MODULE_FIELDS = new Set(['type', 'rec', 'import', 'func', 'table', 'memory', 'global', 'tag', 'export', 'start', 'elem', 'data']);

export function parseScript(source: string): Command[] {
  const { tokens } = lex(source);
  const c = new Cursor(tokens);
  const out: Command[] = [];
  // A script may be a bare module: its fields at top level (e.g. inline-module.wast).
  const first = c.fieldName();
  if (first !== null && MODULE_FIELDS.has(first)) {
    return [{ line: tokens[0].line, cmd: 'module', name: null, module: { kind: 'text', source, line: tokens[0].line }, definition: false }];
  }
  while (!c.done) out.push(command(c, source));
  return out;
}

function concatStrings(c: Cursor): Uint8Array {
  const parts: number[] = [];
  while (c.isString()) for (const b of c.stringBytes()) parts.push(b);
  return Uint8Array.from(parts);
}

/** `(module ...)` in any of its forms; cursor at `(`. */
function scriptModule(c: Cursor, source: string): { name: string | null; module: ScriptModule | null; definition: boolean; instance: { name: string | null; def: string | null } | null; line: number } {
  const openAt = c.i;
  const open = c.open();
  c.keyword('module');
  let definition = false;
  if (c.isAtom('instance')) {
    c.i++;
    const name = c.optId();
    const def = c.optId();
    c.close();
    return { name, module: null, definition: false, instance: { name, def }, line: open.line };
  }
  if (c.isAtom('definition')) {
    c.i++;
    definition = true;
  }
  const name = c.optId();
  if (c.isAtom('binary')) {
    c.i++;
    const bytes = concatStrings(c);
    c.close();
    return { name, module: { kind: 'binary', bytes }, definition, instance: null, line: open.line };
  }
  if (c.isAtom('quote')) {
    c.i++;
    const bytes = concatStrings(c);
    c.close();
    return { name, module: { kind: 'quote', source: decodeSourceBytes(bytes) }, definition, instance: null, line: open.line };
  }
  const end = c.skipParens(openAt);
  c.i = end;
  const close = c.toks[end - 1];
  return { name, module: { kind: 'text', source: source.slice(open.start, close.end), line: open.line }, definition, instance: null, line: open.line };
}

function action(c: Cursor): Action {
  c.open();
  const kw = c.next();
  if (kw.kind === 'atom' && kw.text === 'invoke') {
    const module = c.optId();
    const name = c.name();
    const args: ScriptValue[] = [];
    while (c.isOpen()) args.push(value(c, false));
    c.close();
    return { kind: 'invoke', module, name, args };
  }
  if (kw.kind === 'atom' && kw.text === 'get') {
    const module = c.optId();
    const name = c.name();
    c.close();
    return { kind: 'get', module, name };
  }
  throw c.unexpected(kw);
}

function isActionAhead(c: Cursor): boolean {
  const n = c.fieldName();
  return n === 'invoke' || n === 'get';
}

function i32Of(c: Cursor, t: Token, bits: 8 | 16 | 32): number {
  if (t.kind !== 'atom' || !isInt(t.text)) throw c.unexpected(t);
  const v = parseIntN(t.text, bits);
  if (v === null) throw c.errAt(t, 'constant out of range');
  return bits === 32 ? Number(v) | 0 : Number(BigInt.asUintN(bits, v));
}

function floatLane(c: Cursor, type: 'f32' | 'f64', pattern: boolean): ScriptValue {
  const t = c.next();
  if (pattern && t.kind === 'atom' && (t.text === 'nan:canonical' || t.text === 'nan:arithmetic')) {
    const nan = t.text === 'nan:canonical' ? 'canonical' : 'arithmetic';
    return type === 'f32' ? { type: 'f32', nan } : { type: 'f64', nan };
  }
  if (t.kind !== 'atom' || !isFloatLit(t.text)) throw c.unexpected(t);
  if (type === 'f32') {
    const b = parseF32(t.text);
    if (b === null) throw c.errAt(t, 'constant out of range');
    return { type, bits: b };
  }
  const b = parseF64(t.text);
  if (b === null) throw c.errAt(t, 'constant out of range');
  return { type, bits: b };
}

const LANE_COUNT: Record<string, [number, 'i8' | 'i16' | 'i32' | 'i64' | 'f32' | 'f64']> = {
  i8x16: [16, 'i8'], i16x8: [8, 'i16'], i32x4: [4, 'i32'], i64x2: [2, 'i64'], f32x4: [4, 'f32'], f64x2: [2, 'f64'],
};

function optNat(c: Cursor): number | null {
  if (c.isNat()) return c.nat();
  return null;
}

/** A constant (argument) or a result pattern; cursor at `(`. */
function value(c: Cursor, pattern: boolean): ScriptValue {
  c.open();
  const kw = c.next();
  if (kw.kind !== 'atom') throw c.unexpected(kw);
  let v: ScriptValue;
  switch (kw.text) {
    case 'i32.const': v = { type: 'i32', value: i32Of(c, c.next(), 32) }; break;
    case 'i64.const': {
      const t = c.next();
      if (t.kind !== 'atom' || !isInt(t.text)) throw c.unexpected(t);
      const x = parseIntN(t.text, 64);
      if (x === null) throw c.errAt(t, 'constant out of range');
      v = { type: 'i64', value: x };
      break;
    }
    case 'f32.const': v = floatLane(c, 'f32', pattern); break;
    case 'f64.const': v = floatLane(c, 'f64', pattern); break;
    case 'v128.const': {
      const st = c.next();
      const shape = st.kind === 'atom' ? LANE_COUNT[st.text] : undefined;
      if (!shape) throw c.unexpected(st);
      const lanes: ScriptValue[] = [];
      for (let k = 0; k < shape[0]; k++) {
        if (c.isClose()) throw c.errAt(c.peek(), 'wrong number of lane literals');
        const s = shape[1];
        if (s === 'f32' || s === 'f64') lanes.push(floatLane(c, s, pattern));
        else if (s === 'i64') {
          const t = c.next();
          if (t.kind !== 'atom' || !isInt(t.text)) throw c.unexpected(t);
          const x = parseIntN(t.text, 64);
          if (x === null) throw c.errAt(t, 'constant out of range');
          lanes.push({ type: 'i64', value: x });
        } else lanes.push({ type: 'i32', value: i32Of(c, c.next(), s === 'i8' ? 8 : s === 'i16' ? 16 : 32) });
      }
      v = { type: 'v128', shape: shape[1], lanes };
      break;
    }
    case 'ref.null': {
      let heap: string | null = null;
      const t = c.peek();
      if (t && t.kind !== ')') {
        if (c.isOpen()) {
          // (exact $t) or similar: keep its text
          const e = c.skipParens();
          heap = c.toks.slice(c.i, e).map((x) => x.text).join(' ');
          c.i = e;
        } else heap = c.next().text;
      }
      v = { type: 'ref.null', heap };
      break;
    }
    case 'ref.extern': v = { type: 'ref.extern', value: optNat(c) }; break;
    case 'ref.host': v = { type: 'ref.host', value: optNat(c) }; break;
    case 'ref.func': case 'ref.any': case 'ref.eq': case 'ref.i31': case 'ref.struct': case 'ref.array': case 'ref.exn': case 'ref': {
      if (!pattern && kw.text !== 'ref.func') throw c.unexpected(kw);
      let val: number | null = null;
      if (c.isNat()) val = c.nat();
      else if (c.peek()?.kind === 'id') { c.i++; }
      v = { type: kw.text as 'ref.func', value: val };
      break;
    }
    case 'either': {
      if (!pattern) throw c.unexpected(kw);
      const options: ScriptValue[] = [];
      while (c.isOpen()) options.push(value(c, true));
      v = { type: 'either', options };
      break;
    }
    default:
      throw c.unexpected(kw);
  }
  c.close();
  return v;
}

function message(c: Cursor): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(c.stringBytes());
}

function command(c: Cursor, source: string): Command {
  const open = c.peek();
  if (open?.kind !== '(') throw c.unexpected(open);
  const kwTok = c.peek(1);
  const kw = kwTok?.kind === 'atom' ? kwTok.text : '';
  const line = open.line;
  switch (kw) {
    case 'module': {
      const sm = scriptModule(c, source);
      if (sm.instance) return { line, cmd: 'module_instance', name: sm.instance.name, definition: sm.instance.def };
      return { line, cmd: 'module', name: sm.name, module: sm.module!, definition: sm.definition };
    }
    case 'register': {
      c.i += 2;
      const as = c.name();
      const name = c.optId();
      c.close();
      return { line, cmd: 'register', as, name };
    }
    case 'invoke': case 'get':
      return { line, cmd: 'action', action: action(c) };
    case 'assert_return': {
      c.i += 2;
      const a = action(c);
      const expected: ScriptValue[] = [];
      while (c.isOpen()) expected.push(value(c, true));
      c.close();
      return { line, cmd: 'assert_return', action: a, expected };
    }
    case 'assert_trap': {
      c.i += 2;
      if (isActionAhead(c)) {
        const a = action(c);
        const msg = message(c);
        c.close();
        return { line, cmd: 'assert_trap', action: a, message: msg };
      }
      const sm = scriptModule(c, source);
      const msg = message(c);
      c.close();
      return { line, cmd: 'assert_trap_module', module: sm.module!, message: msg };
    }
    case 'assert_exhaustion': {
      c.i += 2;
      const a = action(c);
      const msg = message(c);
      c.close();
      return { line, cmd: 'assert_exhaustion', action: a, message: msg };
    }
    case 'assert_exception': {
      c.i += 2;
      const a = action(c);
      c.close();
      return { line, cmd: 'assert_exception', action: a };
    }
    case 'assert_invalid': case 'assert_malformed': case 'assert_unlinkable': case 'assert_uninstantiable': {
      c.i += 2;
      const sm = scriptModule(c, source);
      const msg = message(c);
      c.close();
      if (!sm.module) throw c.errAt(kwTok, 'unexpected token');
      return { line, cmd: kw, module: sm.module, message: msg };
    }
    default: {
      // other commands (threads' thread/wait, *_custom assertions, ...): kept by name and text
      if (kw === '') throw c.unexpected(kwTok);
      const end = c.skipParens();
      const text = source.slice(open.start, c.toks[end - 1].end);
      c.i = end;
      return { line, cmd: 'other', name: kw, text };
    }
  }
}
