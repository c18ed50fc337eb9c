// Dispatch tables from instruction id (OpInfo.id, src/syntax/opcodes.ts) to the SIMD
// functions, built by mnemonic from the opcode table (`.` -> `_`), so no opcode is listed
// here. Instructions the interpreter does itself: v128.const (copy the immediate) and
// i8x16.shuffle (call `i8x16_shuffle` with the 16 lane immediates).

import { OPS } from '../../syntax/opcodes.js';
import type { V128Op } from './scratch.js';
import type { V128MemOp } from './memory.js';
import { INT_LANE_OPS } from './int-lanes.js';
import * as INT from './int-lanes.js';
import { FLOAT_LANE_OPS } from './float-lanes.js';
import * as FLOAT from './float-lanes.js';
import * as BITWISE from './bitwise.js';
import * as MOVES from './lane-moves.js';
import * as RELAXED from './relaxed.js';
import * as MEMORY from './memory.js';

export type { V128Op } from './scratch.js';
export type { V128MemOp } from './memory.js';
export { i8x16_shuffle } from './lane-moves.js';
export { setRelaxedDeterministic, RELAXED as RELAXED_MODE } from './relaxed.js';
export { v128AccessSize } from './memory.js';

const BY_NAME: Record<string, unknown> = { ...INT, ...FLOAT, ...BITWISE, ...MOVES, ...RELAXED };

function lookup(name: string): V128Op | undefined {
  const generated = INT_LANE_OPS.get(name) ?? FLOAT_LANE_OPS.get(name);
  if (generated) return generated;
  const fn = BY_NAME[name.replace(/\./g, '_')];
  return typeof fn === 'function' ? (fn as V128Op) : undefined;
}

const isMemory = (imms: readonly string[]) => imms.includes('memarg');

/**
 * SIMD_OPS[op.id]: every non-memory v128 instruction except v128.const and i8x16.shuffle,
 * as `(w, d, a, b, c)`: unary use a; binary a, b; ternary (bitselect, relaxed madd/
 * laneselect/dot_add) a, b, c; shifts take the i32 count at word b; splat the scalar at a;
 * extract_lane (w, d, a, _, lane); replace_lane (w, d, a, scalarWord, lane). Results with
 * scalar type (extract_lane, bitmask, all_true, any_true) are written at d as one word
 * (i32/f32) or two (i64/f64). d may equal any operand index.
 */
export const SIMD_OPS: ReadonlyArray<V128Op | undefined> = OPS.map((op) =>
  op.prefix === 0xfd && !isMemory(op.imms) ? lookup(op.name) : undefined);

/** SIMD_MEM_OPS[op.id]: the v128 load/store forms, `(w, d, a, mem, addr, lane)` (memory.ts). */
export const SIMD_MEM_OPS: ReadonlyArray<V128MemOp | undefined> = OPS.map((op) => {
  if (op.prefix !== 0xfd || !isMemory(op.imms)) return undefined;
  const fn = (MEMORY as Record<string, unknown>)[op.name.replace(/\./g, '_')];
  return typeof fn === 'function' ? (fn as V128MemOp) : undefined;
});
