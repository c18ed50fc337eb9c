// What the validator learned about each instruction of one function body, handed to the
// interpreter's translator so it does not re-derive types from the module (block signatures,
// call signatures, global and field types, memory/table address types, GC stack effects).
//
// For instruction k (body order, unreachable code included):
//   height(k)      operand-stack entries before it (v128 counts as one entry)
//   pops(k)        entries it consumes; the validator's own accounting, so a block with
//                  parameters "pops" them and pushes them back as the block's first values,
//                  and `end` pops the block's results and pushes them for the enclosing code
//   pushCount(k), pushType(k, j)
//                  the type codes (T_*) of the entries it leaves, bottom first; which of the
//                  stack's entries hold references follows from these (T_REF)
//   arity(k)       for branches (br, br_if, br_table, br_on_*, return): the target label's
//                  arity; -1 for other instructions
//
// Storage: one Int32Array of 4 words per instruction and one byte stream of pushed types,
// both reused and grown by doubling: recording allocates nothing per instruction, and a table
// is valid until the next function is recorded into it (the translator consumes it at once).

import type { ValType } from '../syntax/types.js';

/** Value type codes, shared with the interpreter (slot kinds for moves and state()). */
export const T_I32 = 0, T_I64 = 1, T_F32 = 2, T_F64 = 3, T_V128 = 4, T_REF = 5;
/** The validator's "unknown" type of a polymorphic (unreachable) stack. */
export const T_UNKNOWN = 6;

export function typeCodeOf(t: ValType | null): number {
  switch (t) {
    case null: return T_UNKNOWN;
    case 'i32': return T_I32;
    case 'i64': return T_I64;
    case 'f32': return T_F32;
    case 'f64': return T_F64;
    case 'v128': return T_V128;
    default: return T_REF;
  }
}

export class SideTable {
  /** Instructions recorded. */
  count = 0;
  /** 4 words per instruction: height, pops, start of its pushed types, arity. */
  words = new Int32Array(1024);
  types = new Uint8Array(1024);

  height(k: number): number { return this.words[4 * k]; }
  pops(k: number): number { return this.words[4 * k + 1]; }
  pushCount(k: number): number { return this.words[4 * k + 6] - this.words[4 * k + 2]; }
  pushType(k: number, j: number): number { return this.types[this.words[4 * k + 2] + j]; }
  arity(k: number): number { return this.words[4 * k + 3]; }

  /** Makes room for instruction k (and the closing word after it) and `nTypes` types. */
  reserve(k: number, nTypes: number): void {
    if (4 * k + 7 > this.words.length) {
      const w = new Int32Array(Math.max(this.words.length * 2, 4 * k + 8));
      w.set(this.words);
      this.words = w;
    }
    if (nTypes > this.types.length) {
      const t = new Uint8Array(Math.max(this.types.length * 2, nTypes));
      t.set(this.types);
      this.types = t;
    }
  }
}
