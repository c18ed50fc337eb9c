// Encoder/decoder agreement on generated modules: decode(encode(m)) equals m, and encoding is
// a fixed point (encode(decode(encode(m))) is byte-identical).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeModule } from './decode.js';
import { encodeModule } from './encode.js';
import { comparable, moduleArb } from '../../test/decoder/arbitrary-module.js';

describe('encode/decode round trip', () => {
  it('decode(encode(m)) == m', () => {
    fc.assert(fc.property(moduleArb, (m) => {
      const bytes = encodeModule(m);
      const back = decodeModule(bytes);
      expect(comparable(back)).toEqual(comparable(m));
      expect(Array.from(encodeModule(back))).toEqual(Array.from(bytes));
    }), { numRuns: 200 });
  });
});
