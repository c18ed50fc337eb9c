// One instruction, as the text format writes it (flat form), from the InstrReader's fields
// right after next(). Driven by the opcode table's immediate kinds; the only special cases are
// where the text order of immediates differs from the binary order.

import type { InstrReader } from './instr-reader.js';
import {
  f32Text, f64Text, heapText, i64Text, pow2Text, typeText, u64Text,
} from './print-text.js';
import { OP, OPS } from '../syntax/opcodes.js';
import type { BlockType } from './instr-reader.js';

/** Optional `$names` for references (null: print the index). */
export interface InstrNames {
  func?(idx: number): string | null;
  local?(idx: number): string | null;
  global?(idx: number): string | null;
}

export function blockTypeText(bt: BlockType): string {
  if (bt === null) return '';
  if (typeof bt === 'number') return ` (type ${bt})`;
  return ` (result ${typeText(bt)})`;
}

function idx(n: number, name: ((i: number) => string | null) | undefined): string {
  return (name && name(n)) || String(n);
}

const CATCH_NAMES = ['catch', 'catch_ref', 'catch_all', 'catch_all_ref'];

/** The text of the instruction just read by `r.next()`. */
export function instrText(r: InstrReader, names: InstrNames | null = null): string {
  const id = r.op;
  const info = OPS[id];
  let s = info.name;
  // Immediates whose text order or form differs from the binary's.
  switch (id) {
    case OP.call_indirect: case OP.return_call_indirect:
      return `${s}${r.y !== 0 ? ' ' + r.y : ''} (type ${r.x})`;
    case OP.memory_init:
      return `${s}${r.y !== 0 ? ' ' + r.y : ''} ${r.x}`;
    case OP.table_init:
      return `${s} ${r.y} ${r.x}`;
    case OP.memory_size: case OP.memory_grow: case OP.memory_fill:
      return r.x !== 0 ? `${s} ${r.x}` : s;
    case OP.call: case OP.return_call: case OP.ref_func:
      return `${s} ${idx(r.x, names?.func)}`;
    case OP.local_get: case OP.local_set: case OP.local_tee:
      return `${s} ${idx(r.x, names?.local)}`;
    case OP.global_get: case OP.global_set:
      return `${s} ${idx(r.x, names?.global)}`;
    default:
      break;
  }
  let slot = 0;
  let heapSlot = 0;
  for (const kind of info.imms) {
    switch (kind) {
      case 'blocktype': s += blockTypeText(r.blockType); break;
      case 'label': case 'func': case 'type': case 'table': case 'memory': case 'global':
      case 'local': case 'tag': case 'elem': case 'data': case 'field': case 'u32':
        s += ' ' + (slot++ === 0 ? r.x : r.y);
        break;
      case 'labels':
        for (let k = 0; k < r.labelCount; k++) s += ' ' + r.labels[k];
        s += ' ' + r.x;
        break;
      case 'memarg':
        if (r.memIdx !== 0) s += ' ' + r.memIdx;
        if (r.memOffset !== 0) s += ` offset=${u64Text(r.memOffsetLo, r.memOffsetHi)}`;
        if (r.align !== info.naturalAlign) s += ` align=${pow2Text(r.align)}`;
        break;
      case 'i32': s += ' ' + r.i32; break;
      case 'i64': s += ' ' + i64Text(r.lo, r.hi); break;
      case 'f32': s += ' ' + f32Text(r.i32); break;
      case 'f64': s += ' ' + f64Text(r.lo, r.hi); break;
      case 'v128':
        s += ' i32x4';
        for (let k = 0; k < 4; k++) s += ' 0x' + (r.v128[k] >>> 0).toString(16).padStart(8, '0');
        break;
      case 'lane': s += ' ' + r.lane; break;
      case 'shuffle':
        for (let k = 0; k < 16; k++) s += ' ' + r.lanes[k];
        break;
      case 'heaptype': {
        const first = heapSlot++ === 0;
        const h = first ? r.heap : r.heap2;
        const exact = first ? r.exact : r.exact2;
        if (info.imms.includes('castflags')) {
          // br_on_cast*: flag bit 0 / bit 1 make the source / target type nullable.
          const nullable = (r.castFlags & (first ? 1 : 2)) !== 0;
          s += ` (ref${nullable ? ' null' : ''} ${heapText(h, exact)})`;
        } else if (id === OP.ref_null) {
          s += ' ' + heapText(h, exact);
        } else {
          // ref.test / ref.cast / ref.cast_desc_eq: the row's `nullable` flag.
          s += ` (ref${info.nullable ? ' null' : ''} ${heapText(h, exact)})`;
        }
        break;
      }
      case 'valtypes':
        if (r.valTypes.length) s += ` (result ${r.valTypes.map(typeText).join(' ')})`;
        else s += ' (result)';
        break;
      case 'castflags': break;
      case 'catches':
        for (const c of r.catches) {
          s += ` (${CATCH_NAMES[c.kind]}${c.kind < 2 ? ' ' + c.tag : ''} ${c.label})`;
        }
        break;
      case 'zero': break;
    }
  }
  return s;
}
