// Bad input never escapes as anything but a CompileError: mutate valid binaries byte by byte,
// decode, validate.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeModule } from '../../src/decoder/decode.js';
import { parseModuleText } from '../../src/text/parse-module.js';
import { validateModule } from '../../src/validator/validate.js';
import { CompileError } from '../../src/errors.js';

const SEEDS = ['coremark', 'qsort', 'sha256', 'wat-branches', 'wat-calls'].map(
  (n) => new Uint8Array(readFileSync(new URL(`../../bench/wasm/${n}.wasm`, import.meta.url))),
);

describe('validator robustness', () => {
  it('seeds validate', () => {
    for (const s of SEEDS) validateModule(decodeModule(s));
  });
  it('mutated modules fail only with CompileError', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: SEEDS.length - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
      (si, edits) => {
        const b = SEEDS[si].slice();
        for (const [at, v] of edits) b[8 + (at % (b.length - 8))] = v;
        try {
          validateModule(decodeModule(b));
        } catch (e) {
          if (!(e instanceof CompileError)) throw e;
        }
      },
    ), { numRuns: 1500 });
  });
  it('huge counts on unreachable stacks do not spin', () => {
    const t0 = Date.now();
    const ok = parseModuleText('(module (type (array i32)) (func unreachable (array.new_fixed 0 4294967295) drop))');
    validateModule(ok);
    const bad = parseModuleText('(module (type (array i32)) (func (array.new_fixed 0 4294967295 (i32.const 1)) drop))');
    expect(() => validateModule(bad)).toThrow(/^type mismatch/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
