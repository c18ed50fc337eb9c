import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  defaultValue, f32FromNumber, f32ToNumber, f64FromNumber, f64ToNumber, formatValue, fromJS,
  makeGlobal, readGlobal, toJS, writeGlobal,
} from './values.js';
import { HostRef } from './objects.js';
import type { Value } from './objects.js';
import { externref, funcref } from '../syntax/types.js';

describe('boundary values', () => {
  it('defaults per type', () => {
    expect(defaultValue('i32')).toEqual({ type: 'i32', value: 0 });
    expect(defaultValue('i64')).toEqual({ type: 'i64', value: 0n });
    expect(defaultValue('f64')).toEqual({ type: 'f64', bits: 0n });
    expect(defaultValue(funcref)).toEqual({ type: 'ref', value: null });
    expect(Array.from((defaultValue('v128') as { words: Int32Array }).words)).toEqual([0, 0, 0, 0]);
  });

  it('JS <-> Value conversions', () => {
    expect(fromJS('i32', 2 ** 32 + 5)).toEqual({ type: 'i32', value: 5 });
    expect(fromJS('i64', -1n)).toEqual({ type: 'i64', value: -1n });
    expect(fromJS('i64', 2n ** 64n + 3n)).toEqual({ type: 'i64', value: 3n });
    expect(() => fromJS('i64', 1)).toThrow();
    expect(toJS(fromJS('f32', 1.5))).toBe(1.5);
    expect(toJS(fromJS('f64', -0))).toBe(-0);
    const h = fromJS(externref, 'hello');
    expect(h.type === 'ref' && h.value instanceof HostRef).toBe(true);
    expect(toJS(h)).toBe('hello');
    expect(toJS(fromJS(externref, null))).toBe(null);
  });

  it('float bits survive globals exactly (NaN payloads included)', () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (b32, b64) => {
      const g32 = makeGlobal({ type: 'f32', mutable: true }, { type: 'f32', bits: b32 });
      expect(readGlobal(g32)).toEqual({ type: 'f32', bits: b32 >>> 0 });
      const g64 = makeGlobal({ type: 'f64', mutable: true }, { type: 'f64', bits: b64 });
      expect(readGlobal(g64)).toEqual({ type: 'f64', bits: BigInt.asUintN(64, b64) });
      const gi = makeGlobal({ type: 'i64', mutable: true });
      writeGlobal(gi, { type: 'i64', value: b64 });
      expect(readGlobal(gi)).toEqual({ type: 'i64', value: b64 });
      expect(gi.words[0]).toBe(Number(BigInt.asIntN(32, b64)));
    }));
  });

  it('number <-> bits helpers', () => {
    expect(f32ToNumber((f32FromNumber(3.25) as { bits: number }).bits)).toBe(3.25);
    expect(f64ToNumber((f64FromNumber(Math.PI) as { bits: bigint }).bits)).toBe(Math.PI);
    expect(formatValue({ type: 'f64', bits: 0x7ff8000000000000n } as Value)).toBe('nan');
    expect(formatValue({ type: 'f32', bits: 0x7f800000 } as Value)).toBe('inf');
    expect(formatValue({ type: 'f32', bits: 0xffc00000 } as Value)).toBe('-nan');
    expect(formatValue({ type: 'f32', bits: 0x7f800001 } as Value)).toBe('nan:0x1');
    expect(formatValue({ type: 'f64', bits: 0x7ff0000000000abcn } as Value)).toBe('nan:0xabc');
    expect(formatValue({ type: 'i64', value: -5n } as Value)).toBe('-5');
  });

  it('v128 globals keep all four words', () => {
    const g = makeGlobal({ type: 'v128', mutable: false }, { type: 'v128', words: Int32Array.of(1, -2, 3, -4) });
    const v = readGlobal(g);
    expect(v.type === 'v128' && Array.from(v.words)).toEqual([1, -2, 3, -4]);
  });
});
