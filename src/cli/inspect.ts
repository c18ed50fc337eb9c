// `glasswasm inspect FILE.wasm`: the module's layout and interface, in the manner of
// `wasm-objdump -h -x`: sections with offsets and sizes, imports, exports, entity counts and
// custom sections.

import { hex, loadWasm, parseArgs } from '../decoder/cli-common.js';
import { refText, stringLiteral, typeText } from '../decoder/print-text.js';
import type { ImportDesc, Module } from '../syntax/module.js';
import { SECTION_NAMES, importCounts } from '../syntax/module.js';
import type { Limits } from '../syntax/types.js';

export const HELP = `usage: glasswasm inspect FILE.wasm

Lists the sections (id, name, start and end offsets, size, entry count or custom name), the
imports and exports, and the counts of types, functions, tables, memories, globals, tags,
element and data segments (imported ones in parentheses).

Exit status: 0 ok, 1 malformed binary (printed as FILE:OFFSET: message), 2 bad arguments.`;

function limitsText(l: Limits): string {
  return `${l.is64 ? 'i64 ' : ''}min=${l.min}${l.max !== null ? ` max=${l.max}` : ''}`;
}

function describe(d: ImportDesc): string {
  switch (d.kind) {
    case 'func': return `func type=${d.typeIdx}${d.exact ? ' exact' : ''}`;
    case 'table': return `table ${refText(d.type.elem)} ${limitsText(d.type.limits)}`;
    case 'memory': {
      const t = d.type;
      return `memory ${limitsText(t.limits)}${t.shared ? ' shared' : ''}${t.pageSizeLog2 !== 16 ? ` pagesize=2^${t.pageSizeLog2}` : ''}`;
    }
    case 'global': return `global ${d.type.mutable ? 'mut ' : ''}${typeText(d.type.type)}`;
    case 'tag': return `tag type=${d.type.typeIdx}`;
  }
}

function sectionCount(m: Module, id: number): number | null {
  switch (id) {
    case 1: return m.recGroups.length;
    case 2: return m.imports.length;
    case 3: case 10: return m.funcs.length;
    case 4: return m.tables.length;
    case 5: return m.memories.length;
    case 6: return m.globals.length;
    case 7: return m.exports.length;
    case 9: return m.elems.length;
    case 11: return m.datas.length;
    case 13: return m.tags.length;
    default: return null;
  }
}

export async function main(args: string[]): Promise<number> {
  const a = parseArgs(args, HELP, false);
  if (!a) return 2;
  const w = loadWasm(a.file);
  if (!w) return 1;
  const m = w.module;
  const out: string[] = [`${a.file}: wasm binary, version 1, ${w.bytes.length} bytes`, '', 'Sections:'];
  for (const s of w.sections) {
    const end = s.payload + s.size;
    let extra = '';
    if (s.id === 0) extra = ` name=${stringLiteral(s.name ?? '')}`;
    else if (s.id === 8) extra = ` start=${m.start}`;
    else if (s.id === 12) extra = ` count=${m.dataCount}`;
    else {
      const n = sectionCount(m, s.id);
      if (n !== null) extra = ` count=${n}`;
    }
    out.push(`  ${String(s.id).padStart(2)} ${SECTION_NAMES[s.id].padEnd(9)} start=${hex(s.start)} end=${hex(end)} (size=${hex(s.size)})${extra}`);
  }
  if (m.imports.length) {
    out.push('', `Imports (${m.imports.length}):`);
    for (const imp of m.imports) {
      out.push(`  ${stringLiteral(imp.module)} ${stringLiteral(imp.name)}: ${describe(imp.desc)}`);
    }
  }
  if (m.exports.length) {
    out.push('', `Exports (${m.exports.length}):`);
    for (const e of m.exports) {
      const name = e.kind === 'func' ? m.names?.funcs.get(e.index) : undefined;
      out.push(`  ${stringLiteral(e.name)}: ${e.kind} ${e.index}${name !== undefined ? ` <${name}>` : ''}`);
    }
  }
  const imp = importCounts(m);
  const count = (defined: number, imported: number): string =>
    `${defined + imported}${imported ? ` (${imported} imported)` : ''}`;
  out.push('', 'Counts:');
  out.push(`  types      ${m.types.length} in ${m.recGroups.length} recursion groups`);
  out.push(`  functions  ${count(m.funcs.length, imp.func)}`);
  out.push(`  tables     ${count(m.tables.length, imp.table)}`);
  out.push(`  memories   ${count(m.memories.length, imp.memory)}`);
  out.push(`  globals    ${count(m.globals.length, imp.global)}`);
  out.push(`  tags       ${count(m.tags.length, imp.tag)}`);
  out.push(`  elements   ${m.elems.length}`);
  out.push(`  data       ${m.datas.length}`);
  if (m.start !== null) out.push(`  start      func ${m.start}`);
  if (m.customs.length) {
    out.push('', `Custom sections (${m.customs.length}):`);
    for (const c of m.customs) {
      out.push(`  ${stringLiteral(c.name)}: ${c.bytes.length} bytes at ${hex(c.offset ?? 0)}, ${c.after === 0 ? 'before all sections' : 'after ' + SECTION_NAMES[c.after]}${c.name === 'name' ? (m.names ? ' (names decoded)' : ' (malformed, ignored)') : ''}`);
    }
  }
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}
