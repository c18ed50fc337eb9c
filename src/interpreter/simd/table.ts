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
import { FAST_LANE_OPS } from './fast-lanes.js';

export type { V128Op } from './scratch.js';
export type { V128MemOp } from './memory.js';
export { i8x16_shuffle } from './fast-lanes.js';
export { v128LoadWords, v128StoreWords } from './memory.js';
export { setRelaxedDeterministic, RELAXED as RELAXED_MODE } from './relaxed.js';
export { v128AccessSize } from './memory.js';

const BY_NAME: Record<string, unknown> = { ...INT, ...FLOAT, ...BITWISE, ...MOVES, ...RELAXED };

function lookup(name: string): V128Op | undefined {
  const fast = FAST_LANE_OPS.get(name);
  if (fast) return fast;
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

/**
 * SIMD_DIRECT[op.id]: the instructions of shape v128 -> v128 or v128 v128 -> v128 with no
 * lane immediate, for a run loop to call as `fn(w, d, d, d + 4, 0)` on consecutive operand
 * slots without going through the SLOW handler.
 */
export const SIMD_DIRECT: ReadonlyArray<V128Op | undefined> = OPS.map((op) => {
  if (op.prefix !== 0xfd || isMemory(op.imms) || op.laneCount > 0 || op.imms.length > 0) return undefined;
  const p = op.params, r = op.results;
  if (!p || !r || r.length !== 1 || r[0] !== 'v128' || (p.length !== 1 && p.length !== 2)) return undefined;
  return p.every((t) => t === 'v128') ? SIMD_OPS[op.id] : undefined;
});

const idOf = (name: string): number => {
  const op = OPS.find((o) => o.name === name);
  if (!op) throw new Error(`opcode table has no ${name}`);
  return op.id;
};
/** Ids of the plain 16-byte load and store (the run loop's inline memory fast path). */
export const V128_LOAD_ID = idOf('v128.load');
export const V128_STORE_ID = idOf('v128.store');
