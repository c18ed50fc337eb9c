// The run loop's direct SIMD entry points: SIMD_DIRECT holds exactly the lane-immediate-free
// v128 -> v128 and v128 v128 -> v128 instructions (same functions as SIMD_OPS), and the
// v128.load/store word helpers move 16 little-endian bytes at unaligned addresses.

import { describe, expect, it } from 'vitest';
import { OPS } from '../../syntax/opcodes.js';
import { SIMD_DIRECT, SIMD_OPS, V128_LOAD_ID, V128_STORE_ID, v128LoadWords, v128StoreWords } from './table.js';

describe('SIMD direct dispatch exports', () => {
  it('SIMD_DIRECT covers the plain v128 shapes only', () => {
    for (const op of OPS) {
      const fn = SIMD_DIRECT[op.id];
      const plain = op.prefix === 0xfd && op.imms.length === 0 && op.results?.length === 1 && op.results[0] === 'v128' &&
        (op.params?.length === 1 || op.params?.length === 2) && op.params.every((t) => t === 'v128');
      if (plain) expect(fn, op.name).toBe(SIMD_OPS[op.id]);
      else expect(fn, op.name).toBeUndefined();
    }
    expect(SIMD_DIRECT.filter(Boolean).length).toBeGreaterThan(150);
    expect(OPS[V128_LOAD_ID].name).toBe('v128.load');
    expect(OPS[V128_STORE_ID].name).toBe('v128.store');
  });

  it('direct calls work in place (d = a, b = d + 4)', () => {
    const w = new Int32Array([1, 2, 3, 4, 10, 20, 30, 40]);
    SIMD_DIRECT[OPS.find((o) => o.name === 'i32x4.sub')!.id]!(w, 0, 0, 4, 0);
    expect([...w.subarray(0, 4)]).toEqual([-9, -18, -27, -36]);
  });

  it('v128LoadWords / v128StoreWords round-trip at unaligned addresses', () => {
    const bytes = new Uint8Array(64).map((_, i) => i * 7 + 1);
    const dv = new DataView(bytes.buffer);
    const w = new Int32Array(8);
    v128LoadWords(dv, 3, w, 4);
    expect(w[4]).toBe(bytes[3] | (bytes[4] << 8) | (bytes[5] << 16) | (bytes[6] << 24));
    v128StoreWords(dv, 37, w, 4);
    expect([...bytes.subarray(37, 53)]).toEqual([...bytes.subarray(3, 19)]);
  });
});
