// Property tests: every i64 word operation (and wide arithmetic, which Node 20 cannot run
// natively) against a BigInt model of the spec's definition.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Trap } from '../../errors.js';
import { scalarOpByName, SCALAR_OPS } from './table.js';
import { OP } from '../../syntax/opcodes.js';

const s64 = (v: bigint) => BigInt.asIntN(64, v);
const u64 = (v: bigint) => BigInt.asUintN(64, v);
const b = (x: boolean) => (x ? 1n : 0n);

type Model = (x: bigint, y: bigint) => bigint | string;

// operands are given signed; results compared modulo 2^64
const BINARY: Record<string, Model> = {
  'i64.add': (x, y) => x + y,
  'i64.sub': (x, y) => x - y,
  'i64.mul': (x, y) => x * y,
  'i64.div_s': (x, y) => (y === 0n ? 'integer divide by zero' : x === -(1n << 63n) && y === -1n ? 'integer overflow' : x / y),
  'i64.div_u': (x, y) => (y === 0n ? 'integer divide by zero' : u64(x) / u64(y)),
  'i64.rem_s': (x, y) => (y === 0n ? 'integer divide by zero' : x % y),
  'i64.rem_u': (x, y) => (y === 0n ? 'integer divide by zero' : u64(x) % u64(y)),
  'i64.and': (x, y) => x & y,
  'i64.or': (x, y) => x | y,
  'i64.xor': (x, y) => x ^ y,
  'i64.shl': (x, y) => x << (u64(y) & 63n),
  'i64.shr_s': (x, y) => x >> (u64(y) & 63n),
  'i64.shr_u': (x, y) => u64(x) >> (u64(y) & 63n),
  'i64.rotl': (x, y) => { const k = u64(y) & 63n; return (u64(x) << k) | (u64(x) >> ((64n - k) & 63n)); },
  'i64.rotr': (x, y) => { const k = u64(y) & 63n; return (u64(x) >> k) | (u64(x) << ((64n - k) & 63n)); },
  'i64.eq': (x, y) => b(x === y),
  'i64.ne': (x, y) => b(x !== y),
  'i64.lt_s': (x, y) => b(x < y),
  'i64.lt_u': (x, y) => b(u64(x) < u64(y)),
  'i64.gt_s': (x, y) => b(x > y),
  'i64.gt_u': (x, y) => b(u64(x) > u64(y)),
  'i64.le_s': (x, y) => b(x <= y),
  'i64.le_u': (x, y) => b(u64(x) <= u64(y)),
  'i64.ge_s': (x, y) => b(x >= y),
  'i64.ge_u': (x, y) => b(u64(x) >= u64(y)),
};

const UNARY: Record<string, (x: bigint) => bigint> = {
  'i64.clz': (x) => { let n = 0n; for (let i = 63n; i >= 0n && !((u64(x) >> i) & 1n); i--) n++; return n; },
  'i64.ctz': (x) => { let n = 0n; for (let i = 0n; i < 64n && !((u64(x) >> i) & 1n); i++) n++; return n; },
  'i64.popcnt': (x) => { let n = 0n; for (let i = 0n; i < 64n; i++) n += (u64(x) >> i) & 1n; return n; },
  'i64.eqz': (x) => b(x === 0n),
  'i64.extend8_s': (x) => BigInt.asIntN(8, x),
  'i64.extend16_s': (x) => BigInt.asIntN(16, x),
  'i64.extend32_s': (x) => BigInt.asIntN(32, x),
  'i32.wrap_i64': (x) => BigInt.asIntN(32, x),
};

/** Results that are i32 (one word); everything else is i64. */
const I32_RESULT = /\.(eqz?|ne|[lg][te]_[su])$|wrap/;

const edges = [0n, 1n, -1n, 2n, 63n, 64n, 65n, 31n, 32n, 33n, (1n << 31n), -(1n << 31n), (1n << 32n), (1n << 32n) - 1n,
  (1n << 53n), (1n << 53n) + 1n, -(1n << 53n), (1n << 63n) - 1n, -(1n << 63n), -(1n << 63n) + 1n, 0x1234_5678_9abc_def0n];
const i64 = fc.oneof(
  fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }),
  fc.constantFrom(...edges),
  fc.bigInt({ min: -(1n << 54n), max: 1n << 54n }),
  fc.bigInt({ min: -5000n, max: 5000n }),
  fc.integer({ min: 0, max: 63 }).map((k) => s64(1n << BigInt(k))),
);

function load(w: Int32Array, at: number, v: bigint): void {
  w[at] = Number(BigInt.asIntN(32, v));
  w[at + 1] = Number(BigInt.asIntN(32, v >> 32n));
}
const read = (w: Int32Array, at: number) => (BigInt(w[at + 1]) << 32n) | BigInt(w[at] >>> 0);

function run(name: string, d: number, args: bigint[], bAt: number): Int32Array | string {
  const w = new Int32Array(24);
  args.forEach((v, i) => load(w, 2 * i, v));
  try { scalarOpByName(name)!(w, d, 0, bAt); } catch (e) { if (e instanceof Trap) return e.kind; throw e; }
  return w;
}

describe('i64 word ops vs a BigInt model', () => {
  it('is reachable through SCALAR_OPS by op id', () => {
    expect(SCALAR_OPS[OP.i64_mul]).toBe(scalarOpByName('i64.mul'));
    expect(SCALAR_OPS[OP.i64_add128]).toBe(scalarOpByName('i64.add128'));
    expect(SCALAR_OPS[OP.i32_add]).toBeDefined();
    expect(SCALAR_OPS[OP.i32_load]).toBeUndefined();
  });

  for (const [name, model] of Object.entries(BINARY)) {
    it(name, () => {
      fc.assert(fc.property(i64, i64, fc.constantFrom(16, 0, 2), (x, y, d) => {
        const want = model(x, y);
        const got = run(name, d, [x, y], 2);
        if (typeof want === 'string') { expect(got).toBe(want); return; }
        expect(typeof got).not.toBe('string');
        const w = got as Int32Array;
        if (I32_RESULT.test(name)) expect(w[d]).toBe(Number(want));
        else expect(read(w, d)).toBe(s64(want));
      }), { numRuns: 1500 });
    });
  }

  for (const [name, model] of Object.entries(UNARY)) {
    it(name, () => {
      fc.assert(fc.property(i64, fc.constantFrom(16, 0), (x, d) => {
        const w = run(name, d, [x], 2) as Int32Array;
        if (I32_RESULT.test(name)) expect(w[d]).toBe(Number(BigInt.asIntN(32, model(x))));
        else expect(read(w, d)).toBe(s64(model(x)));
      }), { numRuns: 1000 });
    });
  }

  it('i64.extend_i32_s / extend_i32_u', () => {
    fc.assert(fc.property(fc.integer({ min: -0x80000000, max: 0x7fffffff }), (x) => {
      const w = new Int32Array(8);
      w[0] = x; w[1] = 12345;
      scalarOpByName('i64.extend_i32_s')!(w, 2, 0, 0);
      expect(read(w, 2)).toBe(BigInt(x));
      scalarOpByName('i64.extend_i32_u')!(w, 4, 0, 0);
      expect(read(w, 4)).toBe(BigInt(x >>> 0));
    }));
  });
});

describe('wide arithmetic vs a BigInt model', () => {
  const i128 = (lo: bigint, hi: bigint) => (u64(hi) << 64n) | u64(lo);
  const read128 = (w: Int32Array, d: number) => (u64(read(w, d + 2)) << 64n) | u64(read(w, d));
  const M128 = (1n << 128n) - 1n;

  it('i64.add128 and i64.sub128', () => {
    fc.assert(fc.property(i64, i64, i64, i64, fc.constantFrom(16, 0, 4), (al, ah, bl, bh, d) => {
      for (const [name, f] of [['i64.add128', (p: bigint, q: bigint) => p + q], ['i64.sub128', (p: bigint, q: bigint) => p - q]] as const) {
        const w = run(name, d, [al, ah, bl, bh], 4) as Int32Array;
        expect(read128(w, d)).toBe(f(i128(al, ah), i128(bl, bh)) & M128);
      }
    }), { numRuns: 2000 });
  });

  it('i64.mul_wide_s and i64.mul_wide_u', () => {
    fc.assert(fc.property(i64, i64, fc.constantFrom(16, 0, 2), (x, y, d) => {
      let w = run('i64.mul_wide_u', d, [x, y], 2) as Int32Array;
      expect(read128(w, d)).toBe((u64(x) * u64(y)) & M128);
      w = run('i64.mul_wide_s', d, [x, y], 2) as Int32Array;
      expect(read128(w, d)).toBe((x * y) & M128);
    }), { numRuns: 3000 });
  });
});
