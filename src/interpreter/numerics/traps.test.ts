// The spec's trap messages and NaN rules on hand-picked cases (the differential tests check
// the same against a native engine on random operands).

import { describe, expect, it } from 'vitest';
import { Trap } from '../../errors.js';
import { scalarOpByName } from './table.js';

function trapOf(name: string, words: number[]): string | null {
  const w = new Int32Array(16);
  w.set(words);
  try { scalarOpByName(name)!(w, 8, 0, 2); } catch (e) { return (e as Trap).kind; }
  return null;
}

function result(name: string, words: number[]): number[] {
  const w = new Int32Array(16);
  w.set(words);
  scalarOpByName(name)!(w, 8, 0, 2);
  return [w[8] >>> 0, w[9] >>> 0];
}

describe('traps', () => {
  it('uses the spec messages', () => {
    expect(trapOf('i32.div_s', [1, 0, 0, 0])).toBe('integer divide by zero');
    expect(trapOf('i32.div_s', [-0x80000000, 0, -1, 0])).toBe('integer overflow');
    expect(trapOf('i32.rem_s', [-0x80000000, 0, -1, 0])).toBe(null);
    expect(trapOf('i64.div_s', [0, -0x80000000, -1, -1])).toBe('integer overflow');
    expect(trapOf('i64.rem_u', [5, 0, 0, 0])).toBe('integer divide by zero');
    expect(trapOf('i32.trunc_f32_s', [0x7fc00000])).toBe('invalid conversion to integer');
    expect(trapOf('i32.trunc_f32_s', [0x4f000000])).toBe('integer overflow'); // 2^31
    expect(trapOf('i32.trunc_f32_s', [0xcf000000 | 0])).toBe(null); // -2^31
    expect(trapOf('i32.trunc_f64_u', [0, 0xbff00000 | 0])).toBe('integer overflow'); // -1.0
    expect(trapOf('i32.trunc_f64_u', [0xcccccccd | 0, 0xbfeccccc | 0])).toBe(null); // -0.9
    expect(trapOf('i64.trunc_f64_s', [0, 0x43e00000])).toBe('integer overflow'); // 2^63
    expect(trapOf('i64.trunc_f64_s', [0, 0xc3e00000 | 0])).toBe(null); // -2^63
    expect(trapOf('i64.trunc_f32_u', [0x5f800000])).toBe('integer overflow'); // 2^64
  });
});

describe('NaN handling', () => {
  it('quiets signalling NaNs in arithmetic and keeps bits in sign ops', () => {
    expect(result('f32.add', [0x7fa00001, 0, 0x3f800000, 0])[0]).toBe(0x7fe00001);
    expect(result('f32.neg', [0x7fa00001])[0]).toBe(0xffa00001);
    expect(result('f32.nearest', [0x7fa00001])[0]).toBe(0x7fe00001);
    expect(result('f64.promote_f32', [0x7fc00000])).toEqual([0, 0x7ff80000]);
    expect(result('f32.demote_f64', [0, 0xfff80000 | 0])[0]).toBe(0xffc00000);
    expect(result('f32.sub', [0x7f800000, 0, 0x7f800000, 0])[0]).toBe(0x7fc00000); // inf - inf
  });

  it('orders zeros in min/max', () => {
    expect(result('f32.min', [0, 0, 0x80000000 | 0, 0])[0]).toBe(0x80000000);
    expect(result('f32.max', [0x80000000 | 0, 0, 0, 0])[0]).toBe(0);
    expect(result('f64.min', [0, 0, 0, 0x80000000 | 0])).toEqual([0, 0x80000000]);
  });

  it('rounds ties to even in nearest and keeps the sign of zero', () => {
    expect(result('f32.nearest', [0x40200000])[0]).toBe(0x40000000); // 2.5 -> 2
    expect(result('f32.nearest', [0x3fc00000])[0]).toBe(0x40000000); // 1.5 -> 2
    expect(result('f32.nearest', [0xbf000000 | 0])[0]).toBe(0x80000000); // -0.5 -> -0
    expect(result('f64.ceil', [0, 0xbfe00000 | 0])).toEqual([0, 0x80000000]); // -0.5 -> -0
  });
});
