// Dispatch table from instruction id (OpInfo.id in src/syntax/opcodes.ts) to the word function
// implementing it. Built by name from the opcode table, so no opcode is listed here: a
// function named after the mnemonic (`.` -> `_`) is found; an instruction without one is
// undefined (control, memory, references, and ops the interpreter does itself).

import { OPS } from '../../syntax/opcodes.js';
import * as I32 from './i32.js';
import * as I64 from './i64.js';
import * as F32 from './f32.js';
import * as F64 from './f64.js';
import * as CONVERT from './convert.js';
import * as WIDE from './wide.js';

/**
 * A scalar numeric instruction over the word array: reads operands at word indices a (and b
 * for binary ops; unary ops ignore it) and writes the result at d. i32/f32 use one word,
 * i64/f64 two (lo, hi). Comparison results are one i32 word. May throw Trap.
 * Wide arithmetic uses consecutive slots: see wide.ts.
 */
export type WordOp = (w: Int32Array, d: number, a: number, b: number) => void;

/** Every module above, by export name; only mnemonic-named functions match instructions. */
const BY_NAME: Record<string, unknown> = { ...I32, ...I64, ...F32, ...F64, ...CONVERT, ...WIDE };

/** Looks up the function for one instruction name such as "i64.div_s". */
export function scalarOpByName(name: string): WordOp | undefined {
  const fn = BY_NAME[name.replace(/\./g, '_')];
  return typeof fn === 'function' ? (fn as WordOp) : undefined;
}

/** SCALAR_OPS[op.id]: the word function for a scalar numeric instruction, else undefined. */
export const SCALAR_OPS: ReadonlyArray<WordOp | undefined> = OPS.map((op) =>
  op.prefix === 0xfd ? undefined : scalarOpByName(op.name));
