// Annotations with meaning for the module (the custom-annotations appendix):
//  - `(@custom "name" (before|after section)? "bytes"*)` becomes a custom section; it may only
//    stand between module fields.
//  - `(@name "...")` is checked for placement (right after `module`/a field keyword and its id);
//    a module's @name becomes the name section's module name; other @names are not lowered.
//  - `(@metadata.code.branch_hint "..")` is checked for placement only (no section produced).
// Every other annotation is ignored. Errors use the reference interpreter's texts.

import type { Annotation, Token } from './lexer.js';
import { isValidUtf8 } from './lexer.js';
import type { Module } from '../syntax/module.js';
import { SECTION_ORDER } from '../syntax/module.js';
import { DecodeError } from '../errors.js';

const SECTION_IDS: Readonly<Record<string, number>> = {
  type: 1, import: 2, func: 3, table: 4, memory: 5, global: 6, export: 7, start: 8, elem: 9,
  code: 10, data: 11, datacount: 12, tag: 13,
};

/** Keywords after which `(@name ...)` may follow (with an optional id). */
const NAMEABLE = new Set(['module', 'func', 'tag', 'global', 'table', 'memory', 'type', 'elem', 'data', 'param', 'local', 'field', 'import', 'block', 'loop', 'if', 'try_table']);

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

/** Paren depth just before each annotation's token index (annotations come in text order). */
function depthsAt(tokens: readonly Token[], anns: readonly Annotation[]): number[] {
  const out: number[] = [];
  let d = 0;
  let j = 0;
  for (const a of anns) {
    for (; j < a.at && j < tokens.length; j++) {
      if (tokens[j].kind === '(') d++;
      else if (tokens[j].kind === ')') d--;
    }
    out.push(d);
  }
  return out;
}

/**
 * Applies the module's annotations. `start`/`end` bound the module fields in `tokens`;
 * `fieldDepth` is the paren depth of the fields (1 inside `(module ...)`, 0 for bare fields).
 */
export function applyAnnotations(m: Module, anns: readonly Annotation[], tokens: readonly Token[], fieldDepth: number): void {
  const last = lastSection(m);
  let moduleNames = 0;
  let lastHintAt = -1;
  const depths = depthsAt(tokens, anns);
  for (let ai = 0; ai < anns.length; ai++) {
    const a = anns[ai];
    const err = (msg: string, t?: Token): DecodeError => new DecodeError(msg, -1, t?.line ?? a.line, t?.col ?? a.col);
    if (a.name === 'name') {
      const prev = tokens[a.at - 1];
      const prev2 = tokens[a.at - 2];
      const kw = prev?.kind === 'id' ? prev2 : prev;
      const kwOpen = prev?.kind === 'id' ? tokens[a.at - 3] : prev2;
      if (kw?.kind !== 'atom' || !NAMEABLE.has(kw.text) || kwOpen?.kind !== '(') throw err('misplaced @name annotation');
      if (kw.text === 'module') {
        if (++moduleNames > 1) throw err('@name annotation: multiple module');
        const str = a.tokens[0];
        if (str?.kind === 'str' && isValidUtf8(str.bytes!)) {
          if (!m.names) m.names = { funcs: new Map(), locals: new Map() };
          m.names.module = new TextDecoder('utf-8', { ignoreBOM: true }).decode(str.bytes);
        }
      }
      continue;
    }
    if (a.name === 'metadata.code.branch_hint') {
      // Checked, not lowered: the branch-hint section itself is not produced.
      if (depths[ai] <= fieldDepth) throw err('@metadata.code.branch_hint annotation: not in a function');
      if (a.at === lastHintAt) throw err('@metadata.code.branch_hint annotation: duplicate annotation');
      // the hinted instruction must be a branch: `if`/`br_if`, flat or folded
      const next = tokens[a.at]?.kind === '(' ? tokens[a.at + 1] : tokens[a.at];
      if (next?.kind !== 'atom' || (next.text !== 'if' && next.text !== 'br_if')) {
        throw err('@metadata.code.branch_hint annotation: invalid target');
      }
      lastHintAt = a.at;
      continue;
    }
    if (a.name !== 'custom') continue;
    if (depths[ai] !== fieldDepth) throw err('misplaced @custom annotation');
    const ts = a.tokens;
    let k = 0;
    if (ts[k]?.kind !== 'str') throw err('@custom annotation: missing section name', ts[k]);
    if (!isValidUtf8(ts[k].bytes!)) throw err('@custom annotation: malformed UTF-8 encoding', ts[k]);
    const name = new TextDecoder('utf-8', { ignoreBOM: true }).decode(ts[k++].bytes);
    let after = last; // default: after the last section
    if (ts[k]?.kind === '(') {
      const where = ts[k + 1];
      const what = ts[k + 2];
      if (where?.kind !== 'atom' || (where.text !== 'before' && where.text !== 'after')) {
        throw err('@custom annotation: malformed placement', where);
      }
      const id = what?.kind === 'atom' ? SECTION_IDS[what.text] : undefined;
      const edge = what?.kind === 'atom' && (what.text === 'first' || what.text === 'last');
      if (id === undefined && !edge) throw err('@custom annotation: malformed section kind', what);
      if (ts[k + 3]?.kind !== ')') throw err('@custom annotation: unexpected token', ts[k + 3]);
      if (what.text === 'first') after = 0;
      else if (what.text === 'last') after = last;
      else if (where.text === 'after') after = id!;
      else {
        const pos = SECTION_ORDER.indexOf(id!);
        after = pos <= 0 ? 0 : SECTION_ORDER[pos - 1];
      }
      k += 4;
    }
    const parts: number[] = [];
    while (ts[k]?.kind === 'str') parts.push(...ts[k++].bytes!);
    if (k !== ts.length) throw err('@custom annotation: unexpected token', ts[k]);
    m.customs.push({ name, bytes: Uint8Array.from(parts), after });
  }
}
