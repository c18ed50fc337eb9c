import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LinearMemory, MemoryLimitError } from './linear-memory.js';
import { addressFromWords, bytesToRead, bytesToWrite, checkRange, effectiveAddress, OOB_MEMORY } from './bounds.js';
import { Trap } from '../errors.js';
import type { MemType } from '../syntax/types.js';

const mem32 = (min: number, max: number | null = null, pageSizeLog2 = 16): MemType =>
  ({ limits: { min, max, is64: false }, shared: false, pageSizeLog2 });

describe('LinearMemory', () => {
  it('allocates min pages, little-endian, zeroed', () => {
    const m = new LinearMemory(mem32(1, 2));
    expect(m.pages()).toBe(1);
    expect(m.u8.length).toBe(65536);
    m.view.setUint32(0, 0x01020304, true);
    expect(Array.from(m.u8.subarray(0, 4))).toEqual([4, 3, 2, 1]);
  });

  it('grows within the declared max, keeps contents, replaces views', () => {
    const m = new LinearMemory(mem32(1, 3));
    m.u8[10] = 42;
    const before = m.u8;
    expect(m.grow(0)).toBe(1);
    expect(m.grow(2)).toBe(1);
    expect(m.pages()).toBe(3);
    expect(m.u8[10]).toBe(42);
    expect(m.u8).not.toBe(before);
    expect(m.view.byteLength).toBe(3 * 65536);
    expect(m.grow(1)).toBe(-1);
    expect(m.pages()).toBe(3);
  });

  it('refuses growth beyond the host byte limit without allocating', () => {
    const m = new LinearMemory(mem32(1), { maxBytes: 4 * 65536 });
    expect(m.grow(3)).toBe(1);
    const buf = m.buffer;
    expect(m.grow(1)).toBe(-1);
    expect(m.buffer).toBe(buf);
    expect(m.grow(-1)).toBe(-1);
    expect(m.grow(2 ** 40)).toBe(-1);
    expect(m.grow(NaN)).toBe(-1);
  });

  it('honours the i32 absolute limit (65536 pages) even with a huge host limit', () => {
    const m = new LinearMemory(mem32(0), { maxBytes: 2 ** 40 });
    expect(m.grow(65537)).toBe(-1);
  });

  it('supports 1-byte pages (custom-page-sizes)', () => {
    const m = new LinearMemory(mem32(3, 10, 0));
    expect(m.u8.length).toBe(3);
    expect(m.grow(7)).toBe(3);
    expect(m.u8.length).toBe(10);
    expect(m.grow(1)).toBe(-1);
  });

  it('reports a minimum above the host limit as MemoryLimitError', () => {
    expect(() => new LinearMemory(mem32(100), { maxBytes: 65536 })).toThrow(MemoryLimitError);
  });
});

describe('bounds checks', () => {
  it('trap exactly when addr + offset + size > length (i32 addresses)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      fc.constantFrom(1, 2, 4, 8, 16), fc.integer({ min: 0, max: 2 ** 20 }),
      (addr, offset, size, length) => {
        const expectTrap = BigInt(addr) + BigInt(offset) + BigInt(size) > BigInt(length);
        let trapped = false;
        try {
          const ea = effectiveAddress(addr, offset, size, length);
          expect(ea + size).toBeLessThanOrEqual(length);
        } catch (e) {
          expect(e).toBeInstanceOf(Trap);
          expect((e as Trap).message).toBe(OOB_MEMORY);
          trapped = true;
        }
        expect(trapped).toBe(expectTrap);
      }), { numRuns: 2000 });
  });

  it('never wraps for memory64 addresses and offsets up to 2^64', () => {
    const near = (length: number) => fc.oneof(
      fc.integer({ min: 0, max: length + 32 }).map(BigInt),
      fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
      fc.bigInt({ min: 2n ** 53n - 64n, max: 2n ** 53n + 64n }),
    );
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 2 ** 20 }).chain((length) => fc.tuple(fc.constant(length), near(length), near(length))),
      fc.constantFrom(1, 2, 4, 8, 16),
      ([length, addr, offset], size) => {
        const a = addressFromWords(Number(BigInt.asIntN(32, addr)), Number(BigInt.asIntN(32, addr >> 32n)));
        const o = Number(offset); // memarg offsets arrive as numbers (inexact above 2^53)
        const exactOffset = BigInt(o) === offset;
        const sum = addr + (exactOffset ? offset : BigInt(o)) + BigInt(size);
        const expectTrap = sum > BigInt(length);
        let trapped = false;
        try {
          effectiveAddress(a, o, size, length);
        } catch (e) {
          expect(e).toBeInstanceOf(Trap);
          trapped = true;
        }
        expect(trapped).toBe(expectTrap);
      }), { numRuns: 3000 });
  });

  it('addressFromWords reads the unsigned value', () => {
    expect(addressFromWords(-1, 0)).toBe(2 ** 32 - 1);
    expect(addressFromWords(0, 1)).toBe(2 ** 32);
    expect(addressFromWords(-1, -1)).toBeGreaterThanOrEqual(2 ** 64 - 2 ** 12);
  });

  it('bulk ranges allow zero length at the end and nothing beyond', () => {
    expect(bytesToWrite(100, 0, 100)).toBe(0);
    expect(bytesToRead(0, 100, 100)).toBe(100);
    expect(() => bytesToWrite(101, 0, 100)).toThrow(OOB_MEMORY);
    expect(() => bytesToRead(50, 51, 100)).toThrow(OOB_MEMORY);
    expect(() => checkRange(2 ** 64, 0, 100, 'x')).toThrow('x');
    fc.assert(fc.property(fc.nat(2 ** 32), fc.nat(2 ** 32), fc.nat(4096), (s, n, len) => {
      let trapped = false;
      try { bytesToWrite(s, n, len); } catch { trapped = true; }
      expect(trapped).toBe(s + n > len);
    }));
  });
});
