// Module -> WebAssembly text (flat instruction form, like `wasm2wat`). The output follows the
// standard text format so it parses back to the same module. Names from the name section
// become `$identifiers` where they are plain identifiers and unique; everything is also
// reachable by index, and indices are shown as `(;N;)` comments.

import { InstrReader } from './instr-reader.js';
import type { InstrNames } from './print-instr.js';
import { instrText } from './print-instr.js';
import {
  identifier, pow2Text, refText, stringLiteral, typeText,
} from './print-text.js';
import type { Expr, Module } from '../syntax/module.js';
import { importCounts } from '../syntax/module.js';
import { OP } from '../syntax/opcodes.js';
import type {
  CompType, FieldType, FuncType, GlobalType, Limits, MemType, SubType, TableType,
} from '../syntax/types.js';

export interface PrintOptions {
  /** Prefix each instruction with its byte offset as a `(;@offset;)` comment. */
  offsets?: boolean;
}

/** Unique `$ids` for one index space, from a name map. */
function idTable(names: ReadonlyMap<number, string> | undefined): Map<number, string> {
  const out = new Map<number, string>();
  if (!names) return out;
  const seen = new Set<string>();
  for (const [i, n] of names) {
    const id = identifier(n);
    if (id && !seen.has(id)) {
      seen.add(id);
      out.set(i, id);
    }
  }
  return out;
}

export function printModule(m: Module, opts: PrintOptions = {}): string {
  const chunks: string[] = [];
  new Printer(m, opts, (chunk) => chunks.push(chunk)).print();
  return chunks.join('');
}

/**
 * Streams the text to `write` in chunks of a few thousand lines, so a large module never
 * exists as one string (the CLI writes them straight to the output).
 */
export function printModuleTo(m: Module, write: (chunk: string) => void, opts: PrintOptions = {}): void {
  new Printer(m, opts, write).print();
}

/** Lines buffered before a chunk goes to the sink. */
const CHUNK_LINES = 4096;

class Printer {
  private readonly out: string[] = [];
  private readonly funcIds: Map<number, string>;
  private readonly globalIds: Map<number, string>;
  private readonly imported: ReturnType<typeof importCounts>;

  constructor(
    private readonly m: Module,
    private readonly opts: PrintOptions,
    private readonly write: (chunk: string) => void,
  ) {
    this.imported = importCounts(m);
    this.funcIds = idTable(m.names?.funcs);
    this.globalIds = idTable(m.names?.globals);
  }

  print(): void {
    const m = this.m;
    const modId = identifier(m.names?.module);
    this.out.push(modId ? `(module ${modId}` : '(module');
    this.types();
    this.imports();
    m.funcs.forEach((_, i) => this.func(i));
    m.tables.forEach((t, i) => {
      const n = this.imported.table + i;
      const init = t.init ? ' ' + this.inlineExpr(t.init) : '';
      this.line(1, `(table (;${n};) ${tableTypeText(t.type)}${init})`);
    });
    m.memories.forEach((mem, i) => {
      this.line(1, `(memory (;${this.imported.memory + i};) ${memTypeText(mem.type)})`);
    });
    m.tags.forEach((t, i) => {
      this.line(1, `(tag (;${this.imported.tag + i};) (type ${t.type.typeIdx}))`);
    });
    m.globals.forEach((g, i) => {
      const n = this.imported.global + i;
      const id = this.globalIds.get(n);
      this.line(1, `(global ${id ? id + ' ' : ''}(;${n};) ${globalTypeText(g.type)} ${this.inlineExpr(g.init)})`);
    });
    for (const e of m.exports) {
      const ref = e.kind === 'func' ? this.funcRef(e.index) : String(e.index);
      this.line(1, `(export ${stringLiteral(e.name)} (${e.kind} ${ref}))`);
    }
    if (m.start !== null) this.line(1, `(start ${this.funcRef(m.start)})`);
    m.elems.forEach((e, i) => {
      let s = `(elem (;${i};)`;
      if (e.mode.kind === 'declarative') s += ' declare';
      if (e.mode.kind === 'active') {
        s += ` (table ${e.mode.table}) (offset ${this.inlineExpr(e.mode.offset)})`;
      }
      if (e.init.kind === 'funcs') {
        s += ' func';
        for (const f of e.init.funcs) s += ' ' + this.funcRef(f);
      } else {
        s += ' ' + refText(e.type);
        for (const x of e.init.exprs) s += ` (item ${this.inlineExpr(x)})`;
      }
      this.line(1, s + ')');
    });
    m.datas.forEach((d, i) => {
      let s = `(data (;${i};)`;
      if (d.mode.kind === 'active') {
        s += ` (memory ${d.mode.memory}) (offset ${this.inlineExpr(d.mode.offset)})`;
      }
      this.line(1, `${s} ${stringLiteral(d.bytes)})`);
    });
    // Custom sections are listed, not reproduced: `(@custom ...)` annotations are optional
    // text syntax and the output must parse everywhere. The name section becomes $ids above.
    for (const c of m.customs) {
      this.line(1, `;; custom section ${stringLiteral(c.name)}, ${c.bytes.length} bytes`);
    }
    this.out.push(')');
    this.write(this.out.join('\n') + '\n');
    this.out.length = 0;
  }

  private line(depth: number, text: string): void {
    // The last line stays buffered: closing parentheses get appended to it.
    if (this.out.length >= CHUNK_LINES) {
      const last = this.out.pop()!;
      this.write(this.out.join('\n') + '\n');
      this.out.length = 0;
      this.out.push(last);
    }
    this.out.push('  '.repeat(depth) + text);
  }

  private funcRef(i: number): string {
    return this.funcIds.get(i) ?? String(i);
  }

  private types(): void {
    const m = this.m;
    for (const g of m.recGroups) {
      const rec = g.explicit || g.count !== 1;
      if (rec) this.line(1, '(rec');
      for (let i = g.start; i < g.start + g.count; i++) {
        this.line(rec ? 2 : 1, `(type (;${i};) ${subTypeText(m.types[i])})`);
      }
      if (rec) this.out[this.out.length - 1] += ')';
    }
  }

  private imports(): void {
    const c = { func: 0, table: 0, memory: 0, global: 0, tag: 0 };
    for (const imp of this.m.imports) {
      const d = imp.desc;
      const n = c[d.kind]++;
      let desc: string;
      switch (d.kind) {
        case 'func': {
          const id = this.funcIds.get(n);
          const use = d.exact ? `(exact (type ${d.typeIdx}))` : `(type ${d.typeIdx})`;
          desc = `(func ${id ? id + ' ' : ''}(;${n};) ${use})`;
          break;
        }
        case 'table': desc = `(table (;${n};) ${tableTypeText(d.type)})`; break;
        case 'memory': desc = `(memory (;${n};) ${memTypeText(d.type)})`; break;
        case 'global': {
          const id = this.globalIds.get(n);
          desc = `(global ${id ? id + ' ' : ''}(;${n};) ${globalTypeText(d.type)})`;
          break;
        }
        case 'tag': desc = `(tag (;${n};) (type ${d.type.typeIdx}))`; break;
      }
      this.line(1, `(import ${stringLiteral(imp.module)} ${stringLiteral(imp.name)} ${desc})`);
    }
  }

  private func(i: number): void {
    const m = this.m;
    const f = m.funcs[i];
    const n = this.imported.func + i;
    const id = this.funcIds.get(n);
    const localIds = idTable(m.names?.locals.get(n));
    let head = `(func ${id ? id + ' ' : ''}(;${n};) (type ${f.typeIdx})`;
    const t = m.types[f.typeIdx]?.comp;
    let nParams = 0;
    if (t && t.kind === 'func') {
      nParams = t.params.length;
      head += paramsText(t, localIds);
    }
    this.line(1, head);
    let local = nParams;
    const decls: string[] = [];
    for (const d of f.locals) {
      // Named locals are declared one by one; runs of unnamed ones share a `(local ...)`.
      for (let k = 0; k < d.count; k++, local++) {
        const lid = localIds.get(local);
        if (lid) decls.push(`(local ${lid} ${typeText(d.type)})`);
        else decls.push(`(local ${typeText(d.type)})`);
        // Absurd counts (up to 2^32-1 decode fine) would not fit in a string: stop listing.
        if (decls.length > 100000) break;
      }
    }
    if (decls.length) this.line(2, decls.join(' '));
    const names: InstrNames = {
      func: (x) => this.funcIds.get(x) ?? null,
      local: (x) => localIds.get(x) ?? null,
      global: (x) => this.globalIds.get(x) ?? null,
    };
    this.body(f.body, 2, names);
    this.out[this.out.length - 1] += ')';
  }

  /** Instructions one per line; block structure indents. */
  private body(e: Expr, depth: number, names: InstrNames): void {
    const r = new InstrReader(e.bytes, e.offset);
    let d = depth;
    while (!r.atEnd()) {
      const op = r.next();
      const prefix = this.opts.offsets ? `(;@${r.offset.toString(16)};) ` : '';
      if (op === OP.end) {
        if (d === depth) break; // the expression's own end
        d--;
        this.line(d, prefix + 'end');
        continue;
      }
      if (op === OP.else || op === OP.catch || op === OP.catch_all) {
        this.line(d - 1, prefix + instrText(r, names));
        continue;
      }
      if (op === OP.delegate) {
        d--;
        this.line(d, prefix + instrText(r, names));
        continue;
      }
      this.line(d, prefix + instrText(r, names));
      if (op === OP.block || op === OP.loop || op === OP.if || op === OP.try_table || op === OP.try) d++;
    }
  }

  /** A constant expression on one line (its final `end` dropped). */
  private inlineExpr(e: Expr): string {
    const r = new InstrReader(e.bytes, e.offset);
    const parts: string[] = [];
    let depth = 0;
    const names: InstrNames = {
      func: (x) => this.funcIds.get(x) ?? null,
      global: (x) => this.globalIds.get(x) ?? null,
    };
    while (!r.atEnd()) {
      const op = r.next();
      if (op === OP.end) {
        if (depth === 0) break;
        depth--;
      }
      if (op === OP.block || op === OP.loop || op === OP.if || op === OP.try_table || op === OP.try) depth++;
      parts.push(instrText(r, names));
    }
    return parts.join(' ');
  }
}

function paramsText(t: FuncType, localIds: Map<number, string>): string {
  let s = '';
  t.params.forEach((p, k) => {
    const id = localIds.get(k);
    s += id ? ` (param ${id} ${typeText(p)})` : ` (param ${typeText(p)})`;
  });
  if (t.results.length) s += ` (result ${t.results.map(typeText).join(' ')})`;
  return s;
}

function fieldText(f: FieldType): string {
  const t = typeText(f.type);
  return f.mutable ? `(mut ${t})` : t;
}

function compTypeText(c: CompType): string {
  switch (c.kind) {
    case 'func': {
      let s = '(func';
      if (c.params.length) s += ` (param ${c.params.map(typeText).join(' ')})`;
      if (c.results.length) s += ` (result ${c.results.map(typeText).join(' ')})`;
      return s + ')';
    }
    case 'struct':
      return '(struct' + c.fields.map((f) => ` (field ${fieldText(f)})`).join('') + ')';
    case 'array':
      return `(array ${fieldText(c.elem)})`;
  }
}

function subTypeText(t: SubType): string {
  let desc = '';
  if (t.describes !== undefined) desc += `(describes ${t.describes}) `;
  if (t.descriptor !== undefined) desc += `(descriptor ${t.descriptor}) `;
  const comp = compTypeText(t.comp);
  if (t.final && t.supers.length === 0) return desc + comp;
  const supers = t.supers.map((s) => ' ' + s).join('');
  return `(sub${t.final ? ' final' : ''}${supers} ${desc}${comp})`;
}

function limitsText(l: Limits): string {
  return `${l.is64 ? 'i64 ' : ''}${l.min}${l.max !== null ? ' ' + l.max : ''}`;
}

function tableTypeText(t: TableType): string {
  return `${limitsText(t.limits)} ${refText(t.elem)}`;
}

function memTypeText(t: MemType): string {
  let s = limitsText(t.limits);
  if (t.shared) s += ' shared';
  if (t.explicitPageSize || t.pageSizeLog2 !== 16) s += ` (pagesize ${pow2Text(t.pageSizeLog2)})`;
  return s;
}

function globalTypeText(t: GlobalType): string {
  return t.mutable ? `(mut ${typeText(t.type)})` : typeText(t.type);
}
