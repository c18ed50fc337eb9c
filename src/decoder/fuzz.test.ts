// Robustness: arbitrary and mutated inputs either decode or raise a DecodeError — never
// another exception, a hang, or a huge allocation.

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeModule } from './decode.js';
import { encodeModule } from './encode.js';
import { printModule } from './print.js';
import { DecodeError } from '../errors.js';
import { moduleArb } from '../../test/decoder/arbitrary-module.js';

/** Decodes; returns the DecodeError reason or 'ok'; rethrows anything else. */
function outcome(bytes: Uint8Array): string {
  try {
    const m = decodeModule(bytes);
    printModule(m); // the printer must cope with anything the decoder accepts
    return 'ok';
  } catch (e) {
    if (e instanceof DecodeError) return e.reason;
    throw e;
  }
}

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), value: fc.constant(0) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), value: fc.constant(0) }),
);

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

function mutate(bytes: Uint8Array, ms: Array<{ kind: string; at: number; value: number }>): Uint8Array {
  const b = Array.from(bytes);
  for (const m of ms) {
    if (b.length === 0) break;
    const at = m.at % b.length;
    if (m.kind === 'set') b[at] = m.value;
    else if (m.kind === 'insert') b.splice(at, 0, m.value);
    else if (m.kind === 'delete') b.splice(at, 1);
    else b.length = at;
  }
  return Uint8Array.from(b);
}

describe('decoder robustness', () => {
  it('random bytes after a valid header', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (tail) => {
      expect(typeof outcome(Uint8Array.from([...HEADER, ...tail]))).toBe('string');
    }), { numRuns: 2000 });
  });

  it('completely random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      expect(typeof outcome(bytes)).toBe('string');
    }), { numRuns: 500 });
  });

  it('mutated generated modules', () => {
    fc.assert(fc.property(moduleArb, fc.array(mutation, { minLength: 1, maxLength: 4 }), (m, ms) => {
      expect(typeof outcome(mutate(encodeModule(m), ms))).toBe('string');
    }), { numRuns: 250 });
  });

  it('mutated real programs', () => {
    const real = new Uint8Array(readFileSync(new URL('../../bench/wasm/sha256.wasm', import.meta.url)));
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
      expect(typeof outcome(mutate(real, ms))).toBe('string');
    }), { numRuns: 300 });
  });

  it('random name sections never reject the module', () => {
    const withName = (payload: Uint8Array): Uint8Array => {
      const nameBytes = [0x04, 0x6e, 0x61, 0x6d, 0x65];
      const size = nameBytes.length + payload.length;
      return Uint8Array.from([...HEADER, 0x00, ...leb(size), ...nameBytes, ...payload]);
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (payload) => {
      expect(outcome(withName(payload))).toBe('ok');
    }), { numRuns: 1000 });
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.uint8Array({ maxLength: 12 })), { maxLength: 4 }), (subs) => {
      const payload = subs.flatMap(([id, b]) => [id, ...leb(b.length), ...b]);
      expect(outcome(withName(Uint8Array.from(payload)))).toBe('ok');
    }), { numRuns: 1000 });
  });

  it('huge declared counts fail fast without allocating', () => {
    const maxU32 = [0xff, 0xff, 0xff, 0xff, 0x0f];
    const cases: Array<[number[], string]> = [
      // type section: vector of 2^32-1 types
      [[0x01, 0x06, ...maxU32, 0x60], 'length out of bounds'],
      // code section with one body declaring 2^32-1 local groups
      [[0x03, 0x02, 0x01, 0x00, 0x0a, 0x09, 0x01, 0x07, ...maxU32, 0x7f], 'length out of bounds'],
      // two local groups of 2^31 each: more than 2^32-1 locals
      [[0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
        0x0a, 0x10, 0x01, 0x0e, 0x02, 0x80, 0x80, 0x80, 0x80, 0x08, 0x7f, 0x80, 0x80, 0x80, 0x80, 0x08, 0x7f, 0x0b], 'too many locals'],
      // data segment of 2^32-1 bytes
      [[0x0b, 0x07, 0x01, 0x01, ...maxU32], 'length out of bounds'],
      // custom section name length 2^32-1
      [[0x00, 0x05, ...maxU32], 'length out of bounds'],
    ];
    for (const [body, msg] of cases) {
      const t0 = performance.now();
      expect(outcome(Uint8Array.from([...HEADER, ...body]))).toBe(msg);
      expect(performance.now() - t0).toBeLessThan(50);
    }
  });
});
