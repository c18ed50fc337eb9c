// Wires the SIMD functions into the interpreter's SLOW instruction (slow-ops.ts): operands in
// consecutive slots from `base` (a v128 takes two), results written from `base`. Importing
// this module registers the handler for every v128 instruction except v128.const.
//
// Immediates expected from translate.ts (a, b, c of SLOW):
//   lane ops (extract/replace_lane)  a = lane index
//   i8x16.shuffle                    a = internShuffle(lanes) (an id for the 16 lane bytes)
//   memory ops                       a = memIdx | lane << 24 (lane only for *_lane forms),
//                                    b = offset low word, c = offset high word

import { OPS, OP } from '../../syntax/opcodes.js';
import { Trap } from '../../errors.js';
import { OOB_MEMORY } from '../../memory/bounds.js';
import type { ModuleInstance } from '../../runtime/objects.js';
import type { Machine } from '../machine.js';
import { registerSlowHandler } from '../slow-ops.js';
import { SIMD_MEM_OPS, SIMD_OPS, i8x16_shuffle, v128AccessSize } from './table.js';

/** Word offsets of each operand from the base slot's first word, per instruction. */
const OPERAND_WORDS: (number[] | undefined)[] = OPS.map((op) => {
  if (op.prefix !== 0xfd || !op.params) return undefined;
  const at: number[] = [];
  let word = 0;
  for (const p of op.params) { at.push(word); word += p === 'v128' ? 4 : 2; }
  return at;
});

const ACCESS_SIZE: number[] = OPS.map((op) =>
  (op.prefix === 0xfd && op.imms.includes('memarg') ? v128AccessSize(op.name) : 0));

/** The index of `bytes` in `table` (appended the first time), by their contents. */
function intern(table: Uint8Array[], ids: Map<string, number>, bytes: Uint8Array): number {
  const key = bytes.join(',');
  let id = ids.get(key);
  if (id === undefined) {
    id = table.length;
    table.push(bytes);
    ids.set(key, id);
  }
  return id;
}

const shuffles: Uint8Array[] = [];
const shuffleIds = new Map<string, number>();

/** A small id for a shuffle's 16 lane indices (translate.ts passes it as immediate a). */
export function internShuffle(lanes: ArrayLike<number>): number {
  return intern(shuffles, shuffleIds, Uint8Array.from({ length: 16 }, (_, i) => lanes[i]));
}

/** The lane pattern of an interned shuffle id. */
export function shuffleLanes(id: number): Uint8Array {
  const lanes = shuffles[id];
  if (lanes === undefined) throw new Trap('unsupported instruction i8x16.shuffle (lanes not interned)');
  return lanes;
}

/**
 * Plans of shuffles whose result is and-ed with a constant (translate.ts's fuseShuffleMask):
 * triples [result byte, source byte of a ++ b, mask byte] for the mask's nonzero bytes only,
 * every other result byte being zero. Indexed by the id internMaskedShuffle gives.
 */
export const MASKED_SHUFFLES: Uint8Array[] = [];
const maskedIds = new Map<string, number>();

/** An id for (shuffle lanes, 16-byte mask as four little-endian words): its plan's index. */
export function internMaskedShuffle(lanes: ArrayLike<number>, mask: ArrayLike<number>): number {
  const plan: number[] = [];
  for (let i = 0; i < 16; i++) {
    const m = (mask[i >> 2] >>> (8 * (i & 3))) & 0xff;
    if (m !== 0) plan.push(i, lanes[i], m);
  }
  return intern(MASKED_SHUFFLES, maskedIds, Uint8Array.from(plan));
}

/**
 * The SLOW immediate `a` translate.ts passes for a v128 instruction, from the instruction
 * reader's fields: shuffle -> interned lane pattern, *_lane memory ops -> memIdx | lane << 24,
 * other memory ops -> memIdx, lane ops -> lane.
 */
export function simdImmA(op: number, r: { memIdx: number; lane: number; lanes: ArrayLike<number> }): number {
  if (op === OP.i8x16_shuffle) return internShuffle(r.lanes);
  const info = OPS[op];
  if (info.imms.includes('memarg')) return info.laneCount > 0 ? r.memIdx | (r.lane << 24) : r.memIdx;
  return info.laneCount > 0 ? r.lane : 0;
}

function simdHandler(m: Machine, inst: ModuleInstance, op: number, base: number, a: number, b: number, c: number): void {
  const I = m.I;
  const w = base << 1;
  const at = OPERAND_WORDS[op]!;
  if (op === OP.i8x16_shuffle) {
    i8x16_shuffle(I, w, w, w + 4, shuffleLanes(a));
    return;
  }
  const memOp = SIMD_MEM_OPS[op];
  if (memOp !== undefined) {
    const mem = inst.memories[a & 0xffffff];
    const is64 = mem.type.limits.is64;
    const addr = is64 ? (I[w + 1] >>> 0) * 4294967296 + (I[w] >>> 0) : I[w] >>> 0;
    const ea = addr + (c >>> 0) * 4294967296 + (b >>> 0);
    if (ea + ACCESS_SIZE[op] > mem.buffer.byteLength) throw new Trap(OOB_MEMORY);
    memOp(I, w, w + (at.length > 1 ? at[1] : 0), mem.u8, ea, a >>> 24);
    return;
  }
  const fn = SIMD_OPS[op]!;
  const n = at.length;
  if (OPS[op].laneCount > 0) fn(I, w, w, n > 1 ? w + at[1] : 0, a);
  else fn(I, w, w, n > 1 ? w + at[1] : 0, n > 2 ? w + at[2] : 0);
}

const SIMD_IDS = OPS.filter((op) => op.prefix === 0xfd && op.name !== 'v128.const').map((op) => op.id);
registerSlowHandler(SIMD_IDS, simdHandler);
