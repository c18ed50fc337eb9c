// Bounds checks for memory and table accesses. Addresses arrive as JS numbers: an i32 address
// as its unsigned value, an i64 address from its words (lo, hi). Offsets and sizes are numbers
// too. Sums may exceed 2^53 and lose precision, but rounding is monotonic and every length is
// an exact integer below 2^53, so `addr + offset + size > length` can never falsely pass: a sum
// above 2^53 rounds to at least 2^53, which exceeds any length. Nothing here wraps around.

import { Trap } from '../errors.js';

export const OOB_MEMORY = 'out of bounds memory access';
export const OOB_TABLE = 'out of bounds table access';

/** The unsigned value of an i64 held as two int32 words (exact below 2^53, else larger). */
export function addressFromWords(lo: number, hi: number): number {
  return (hi >>> 0) * 4294967296 + (lo >>> 0);
}

/** True when [addr + offset, addr + offset + size) lies within `length` bytes. */
export function inBounds(addr: number, offset: number, size: number, length: number): boolean {
  return addr + offset + size <= length;
}

/**
 * The effective address of a `size`-byte access at `addr + offset`, or a Trap
 * "out of bounds memory access".
 */
export function effectiveAddress(addr: number, offset: number, size: number, length: number): number {
  const ea = addr + offset;
  if (ea + size > length) throw new Trap(OOB_MEMORY);
  return ea;
}

/**
 * Checks a bulk range [start, start + count) against `length` (memory.fill/copy/init,
 * table.fill/copy/init): a zero-length range at the very end is allowed, beyond it is not.
 * Throws the Trap `message`; returns nothing, so callers keep their own numbers.
 */
export function checkRange(start: number, count: number, length: number, message: string): void {
  if (start + count > length) throw new Trap(message);
}

/** Bytes a bulk read of `count` at `start` may touch, or a Trap: memory.copy source, memory.init. */
export function bytesToRead(start: number, count: number, length: number): number {
  checkRange(start, count, length, OOB_MEMORY);
  return count;
}

/** Bytes a bulk write of `count` at `start` may touch, or a Trap: memory.fill/copy/init targets. */
export function bytesToWrite(start: number, count: number, length: number): number {
  checkRange(start, count, length, OOB_MEMORY);
  return count;
}
