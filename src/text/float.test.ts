// Float literal parsing: exact round trips from bit patterns through hex and decimal text, and
// agreement with JS parsing where no double rounding can occur.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseF32, parseF64 } from './float.js';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

function f32Value(bits: number): number {
  u32[0] = bits;
  return f32[0];
}
function f64Value(bits: bigint): number {
  u64[0] = bits;
  return f64[0];
}
function bitsOfF64(v: number): bigint {
  f64[0] = v;
  return u64[0];
}

/** Exact hex-float text of f32 bits (NaNs as nan:0x...). */
function hexF32(bits: number): string {
  const sign = bits >>> 31 ? '-' : '';
  const exp = (bits >>> 23) & 0xff;
  const mant = bits & 0x7fffff;
  if (exp === 0xff) return mant === 0 ? `${sign}inf` : `${sign}nan:0x${mant.toString(16)}`;
  const frac = (mant << 1).toString(16).padStart(6, '0');
  if (exp === 0) return `${sign}0x0.${frac}p-126`;
  return `${sign}0x1.${frac}p${exp - 127}`;
}

function hexF64(bits: bigint): string {
  const sign = bits >> 63n ? '-' : '';
  const exp = Number((bits >> 52n) & 0x7ffn);
  const mant = bits & ((1n << 52n) - 1n);
  if (exp === 0x7ff) return mant === 0n ? `${sign}inf` : `${sign}nan:0x${mant.toString(16)}`;
  const frac = mant.toString(16).padStart(13, '0');
  if (exp === 0) return `${sign}0x0.${frac}p-1022`;
  return `${sign}0x1.${frac}p${exp - 1023}`;
}

describe('float literals', () => {
  it('hex f32 text round-trips every bit pattern', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (bits) => {
      expect(parseF32(hexF32(bits))).toBe(bits);
    }), { numRuns: 5000 });
  });

  it('hex f64 text round-trips every bit pattern', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (bits) => {
      expect(parseF64(hexF64(bits))).toBe(bits);
    }), { numRuns: 5000 });
  });

  it('shortest decimal text of a finite f32 parses back to its bits', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (bits) => {
      if (((bits >>> 23) & 0xff) === 0xff) return;
      const v = f32Value(bits);
      const text = Object.is(v, -0) ? '-0' : String(v);
      expect(parseF32(text)).toBe(bits);
    }), { numRuns: 5000 });
  });

  it('shortest decimal text of a finite f64 parses back to its bits', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (bits) => {
      if (((bits >> 52n) & 0x7ffn) === 0x7ffn) return;
      const v = f64Value(bits);
      const text = Object.is(v, -0) ? '-0' : String(v);
      expect(parseF64(text)).toBe(bits);
    }), { numRuns: 5000 });
  });

  it('decimal f32 parsing agrees with Math.fround(parseFloat) away from double-rounding cases', () => {
    const digits = fc.stringMatching(/^[1-9][0-9]{0,19}$/);
    fc.assert(fc.property(digits, fc.integer({ min: -30, max: 30 }), (ds, e) => {
      const text = `${ds}e${e}`;
      const d = parseFloat(text);
      // Double rounding can only bite when the double lands exactly on an f32 midpoint.
      const low = bitsOfF64(d) & ((1n << 29n) - 1n);
      if (low === 1n << 28n) return;
      const expected = Math.fround(d);
      if (!Number.isFinite(expected)) expect(parseF32(text)).toBeNull(); // out of range
      else expect(f32Value(parseF32(text)!)).toBe(expected);
    }), { numRuns: 5000 });
  });

  it('rounds exactly where a double would round twice', () => {
    // 1 + 2^-24 + 2^-60: rounds up in f32 (above the midpoint), but the nearest double is the
    // midpoint itself, which then rounds to even (down).
    const text = '0x1.000001000000001p0';
    expect(parseF32(text)).toBe(0x3f800001);
    expect(parseF32('1.00000005960464477550')).toBe(0x3f800001);
    expect(Math.fround(parseFloat('1.00000005960464477550'))).toBe(1);
  });

  it('handles special forms and ranges', () => {
    expect(parseF32('inf')).toBe(0x7f800000);
    expect(parseF32('-inf')).toBe(0xff800000);
    expect(parseF32('nan')).toBe(0x7fc00000);
    expect(parseF32('-nan:0x1')).toBe(0xff800001);
    expect(parseF32('nan:0x800000')).toBeNull();
    expect(parseF32('nan:0x0')).toBeNull();
    expect(parseF32('0x1p128')).toBeNull();
    expect(parseF32('0x1.fffffefffffffffffp127')).toBe(0x7f7fffff);
    expect(parseF32('0x1.ffffffp127')).toBeNull();
    expect(parseF32('1e-50')).toBe(0);
    expect(parseF32('0x1p-149')).toBe(1);
    expect(parseF32('0x1p-150')).toBe(0);
    expect(parseF32('0x1.000001p-150')).toBe(1);
    expect(parseF32('1_000.5')).toBe(0x447a2000);
    expect(parseF64('0x1p-1074')).toBe(1n);
    expect(parseF64('1e309')).toBeNull();
    expect(parseF64('nan:0xfffffffffffff')).toBe(0x7fffffffffffffffn);
    expect(parseF64('-0')).toBe(1n << 63n);
  });
});
