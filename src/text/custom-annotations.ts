// `(@custom "name" (before|after field)? "bytes"*)` annotations become custom sections.
// Other annotations are ignored.

import type { Annotation, Token } from './lexer.js';
import type { Module } from '../syntax/module.js';
import { DecodeError } from '../errors.js';
import { SECTION_ORDER } from '../syntax/module.js';

/** Id of the last non-empty section the module will have (custom sections default after it). */
function lastSection(m: Module): number {
  const present: Record<number, boolean> = {
    1: m.types.length > 0, 2: m.imports.length > 0, 3: m.funcs.length > 0, 4: m.tables.length > 0,
    5: m.memories.length > 0, 13: m.tags.length > 0, 6: m.globals.length > 0, 7: m.exports.length > 0,
    8: m.start !== null, 9: m.elems.length > 0, 12: m.dataCount !== null, 10: m.funcs.length > 0,
    11: m.datas.length > 0,
  };
  let last = 0;
  for (const id of SECTION_ORDER) if (present[id]) last = id;
  return last;
}

export function customSections(m: Module, anns: readonly Annotation[], _tokens: readonly Token[], _start: number, _end: number): void {
  const last = lastSection(m);
  for (const a of anns) {
    if (a.name !== 'custom') continue;
    const ts = a.tokens;
    let k = 0;
    const err = (t: Token | undefined, msg: string): DecodeError => new DecodeError(msg, -1, t?.line ?? a.line, t?.col ?? a.col);
    if (ts[k]?.kind !== 'str') throw err(ts[k], 'malformed custom annotation');
    const name = new TextDecoder('utf-8', { ignoreBOM: true }).decode(ts[k++].bytes);
    let after = last; // default: after the last section
    if (ts[k]?.kind === '(') {
      const where = ts[k + 1]?.text;
      const what = ts[k + 2]?.text;
      const ids: Record<string, number> = { type: 1, import: 2, func: 3, table: 4, memory: 5, global: 6, export: 7, start: 8, elem: 9, code: 10, data: 11, datacount: 12, tag: 13 };
      if ((where !== 'before' && where !== 'after') || what === undefined || ((ids[what] === undefined) && what !== 'first' && what !== 'last') || ts[k + 3]?.kind !== ')') {
        throw err(ts[k], 'malformed custom annotation');
      }
      if (what === 'first') after = 0;
      else if (what === 'last') after = last;
      else if (where === 'after') after = ids[what];
      else {
        const pos = SECTION_ORDER.indexOf(ids[what]);
        after = pos <= 0 ? 0 : SECTION_ORDER[pos - 1];
      }
      k += 4;
    }
    const parts: number[] = [];
    while (ts[k]?.kind === 'str') parts.push(...ts[k++].bytes!);
    if (k !== ts.length) throw err(ts[k], 'malformed custom annotation');
    m.customs.push({ name, bytes: Uint8Array.from(parts), after });
  }
}
