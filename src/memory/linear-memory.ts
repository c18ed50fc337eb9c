// Linear memory: one ArrayBuffer plus its views, grown by copying into a new buffer. The views
// are replaced on grow, so the interpreter re-reads `u8`/`view` after anything that may grow.
// Growth honours three ceilings: the declared maximum, the spec's absolute limit for the
// address type and page size, and a host byte limit; a refused request allocates nothing.

import type { MemType } from '../syntax/types.js';
import type { MemoryInstance } from '../runtime/objects.js';

/** Default host ceiling on one memory's size in bytes (hosts raise it with an option). */
export const DEFAULT_MAX_MEMORY_BYTES = 2 ** 30;

/**
 * The spec's absolute size limit in pages: an i32 memory addresses at most 2^32 bytes, an i64
 * memory 2^64 bytes (memory64 with 64 KiB pages caps the declared page count at 2^48).
 */
export function absoluteMaxPages(type: MemType): number {
  const addrBits = type.limits.is64 ? 64 : 32;
  return 2 ** (addrBits - type.pageSizeLog2);
}

export interface LinearMemoryOptions {
  /** Host ceiling in bytes; growth beyond it returns -1. */
  maxBytes?: number;
}

export class LinearMemory implements MemoryInstance {
  buffer: ArrayBuffer;
  u8: Uint8Array;
  view: DataView;
  /** The effective ceiling in pages: min(declared max, absolute limit, host limit). */
  private readonly ceilingPages: number;
  private readonly pageBytes: number;

  /**
   * Allocates `type.limits.min` pages. Throws a RangeError-free `Error` only through
   * `create`, which callers use when the minimum itself may exceed the host limit.
   */
  constructor(readonly type: MemType, options: LinearMemoryOptions = {}) {
    this.pageBytes = 2 ** type.pageSizeLog2;
    const hostPages = Math.floor((options.maxBytes ?? DEFAULT_MAX_MEMORY_BYTES) / this.pageBytes);
    const declared = type.limits.max ?? Infinity;
    this.ceilingPages = Math.min(declared, absoluteMaxPages(type), hostPages);
    const min = type.limits.min;
    if (min > this.ceilingPages) {
      throw new MemoryLimitError(`memory of ${min} pages exceeds the limit of ${this.ceilingPages} pages`);
    }
    this.buffer = allocate(min * this.pageBytes);
    this.u8 = new Uint8Array(this.buffer);
    this.view = new DataView(this.buffer);
  }

  get shared(): boolean {
    return this.type.shared;
  }

  /** Size in bytes (always exact: below the host limit). */
  get byteLength(): number {
    return this.buffer.byteLength;
  }

  pages(): number {
    return this.buffer.byteLength / this.pageBytes;
  }

  grow(delta: number): number {
    const old = this.pages();
    if (!(delta >= 0) || !Number.isFinite(delta)) return -1;
    if (delta === 0) return old;
    const next = old + delta;
    if (next > this.ceilingPages) return -1;
    let fresh: ArrayBuffer;
    try {
      fresh = allocate(next * this.pageBytes);
    } catch {
      return -1; // the JS engine refused the allocation: a failed grow, not a crash
    }
    new Uint8Array(fresh).set(this.u8);
    this.buffer = fresh;
    this.u8 = new Uint8Array(fresh);
    this.view = new DataView(fresh);
    return old;
  }
}

/** The minimum size of a memory is above what the host allows (a link-time failure). */
export class MemoryLimitError extends Error {
  override name = 'MemoryLimitError';
}

function allocate(bytes: number): ArrayBuffer {
  try {
    return new ArrayBuffer(bytes);
  } catch (e) {
    throw new MemoryLimitError(`cannot allocate ${bytes} bytes of memory`, { cause: e });
  }
}
