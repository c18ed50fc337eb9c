// LEB128 properties: ByteWriter -> ByteReader round trips at every width, and the spec's
// rejections of overlong encodings ("integer representation too long") and of values that
// do not fit ("integer too large").

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { DecodeError } from '../errors.js';

const reader = (bytes: number[] | Uint8Array): ByteReader => new ByteReader(Uint8Array.from(bytes));

function reason(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof DecodeError) return e.reason;
    throw e;
  }
  return 'ok';
}

/** Reference encoders over BigInt, with optional padding to `len` bytes. */
function uleb(v: bigint, pad = 0): number[] {
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n || out.length + 1 < pad) b |= 0x80;
    out.push(b);
  } while (v !== 0n || out.length < pad);
  return out;
}

function sleb(v: bigint, pad = 0): number[] {
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    const done = (v === 0n && !(b & 0x40)) || (v === -1n && (b & 0x40) !== 0);
    if (done && out.length + 1 >= pad) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

describe('unsigned LEB128', () => {
  it('u32 round-trips through ByteWriter, shortest form', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (v) => {
      const bytes = new ByteWriter().u32(v).finish();
      expect(Array.from(bytes)).toEqual(uleb(BigInt(v)));
      const r = reader(bytes);
      expect(r.u32()).toBe(v);
      expect(r.atEnd()).toBe(true);
    }));
  });

  it('u32 accepts padding up to 5 bytes, rejects 6', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 5 }), (v, pad) => {
      expect(reader(uleb(BigInt(v), pad)).u32()).toBe(v);
    }));
    expect(reason(() => reader([0x80, 0x80, 0x80, 0x80, 0x80, 0x00]).u32())).toBe('integer representation too long');
  });

  it('u32 rejects values of 2^32 and more', () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n << 32n, max: (1n << 35n) - 1n }), (v) => {
      expect(reason(() => reader(uleb(v)).u32())).toBe('integer too large');
    }));
  });

  it('u64 round-trips (as words) and rejects overlong / too large', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.integer({ min: 0, max: 10 }), (v, pad) => {
      const r = reader(uleb(v, pad));
      r.u64Words();
      expect((BigInt(r.hi >>> 0) << 32n) | BigInt(r.lo >>> 0)).toBe(v);
    }));
    expect(reason(() => reader([...Array(10).fill(0x80), 0x00]).u64Words())).toBe('integer representation too long');
    expect(reason(() => reader(uleb(1n << 64n)).u64Words())).toBe('integer too large');
  });

  it('u64 as a number is exact below 2^53 and matches ByteWriter', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (v) => {
      const bytes = new ByteWriter().u64(v).finish();
      expect(Array.from(bytes)).toEqual(uleb(BigInt(v)));
      expect(reader(bytes).u64()).toBe(v);
    }));
  });
});

describe('signed LEB128', () => {
  it('s32 round-trips, shortest form', () => {
    fc.assert(fc.property(fc.integer({ min: -0x80000000, max: 0x7fffffff }), fc.integer({ min: 0, max: 5 }), (v, pad) => {
      const bytes = new ByteWriter().s32(v).finish();
      expect(Array.from(bytes)).toEqual(sleb(BigInt(v)));
      expect(reader(sleb(BigInt(v), pad)).s32()).toBe(v);
    }));
  });

  it('s32 rejects out-of-range values and overlong encodings', () => {
    fc.assert(fc.property(fc.oneof(
      fc.bigInt({ min: 1n << 31n, max: 1n << 34n }),
      fc.bigInt({ min: -(1n << 34n), max: -(1n << 31n) - 1n }),
    ), (v) => {
      expect(reason(() => reader(sleb(v)).s32())).toBe('integer too large');
    }));
    expect(reason(() => reader([0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]).s32())).toBe('integer representation too long');
  });

  it('s33 round-trips (block types) and rejects 2^32 and beyond', () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 32), max: 2 ** 32 - 1 }), (v) => {
      const bytes = new ByteWriter().s33(v).finish();
      expect(reader(bytes).s33()).toBe(v);
    }));
    expect(reason(() => reader(sleb(1n << 32n)).s33())).toBe('integer too large');
  });

  it('s64 round-trips through words, and ByteWriter.s64 writes the shortest form', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }), fc.integer({ min: 0, max: 10 }), (v, pad) => {
      const lo = Number(BigInt.asIntN(32, v));
      const hi = Number(BigInt.asIntN(32, v >> 32n));
      expect(Array.from(new ByteWriter().s64(lo, hi).finish())).toEqual(sleb(v));
      const r = reader(sleb(v, pad));
      r.s64();
      expect(r.lo).toBe(lo);
      expect(r.hi).toBe(hi);
    }));
    expect(reason(() => reader(sleb(1n << 63n)).s64())).toBe('integer too large');
    expect(reason(() => reader([...Array(10).fill(0xff), 0x7f]).s64())).toBe('integer representation too long');
  });

  it('truncated integers are unexpected ends', () => {
    expect(reason(() => reader([0x80, 0x80]).u32())).toBe('unexpected end of section or function');
    expect(reason(() => reader([0xff]).s64())).toBe('unexpected end of section or function');
  });
});
