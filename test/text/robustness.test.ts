// Mutated suite modules: the parser either succeeds or throws a DecodeError, never a raw JS
// error or a hang.
import { expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseScript } from '../../src/text/parse-script.js';
import { parseModuleText } from '../../src/text/parse-module.js';
import { DecodeError } from '../../src/errors.js';
import { wastFiles } from './suite-files.js';

const sources: string[] = [];
for (const f of wastFiles().filter((_, k) => k % 6 === 0)) {
  for (const c of parseScript(readFileSync(f, 'utf8'))) {
    if (c.cmd === 'module' && c.module.kind === 'text' && c.module.source.length < 4000) sources.push(c.module.source);
  }
}

const PIECES = ['(', ')', '$x', '"s"', '0', '-1', '0x1p3', 'nan:0x1', 'i32', 'func', 'param', 'result',
  'end', 'else', 'then', 'block', 'offset=4', 'align=3', '(;', ';)', '(@a', ';;', '\\', '"', 'i32.const', 'ref', 'null'];

it('only DecodeErrors escape on mutated modules', () => {
  fc.assert(fc.property(
    fc.integer({ min: 0, max: sources.length - 1 }), fc.nat(), fc.nat({ max: 20 }),
    fc.constantFrom(...PIECES), (k, pos, del, piece) => {
      const s = sources[k];
      const at = pos % (s.length + 1);
      const text = s.slice(0, at) + ' ' + piece + ' ' + s.slice(at + del);
      try {
        parseModuleText(text);
      } catch (e) {
        if (!(e instanceof DecodeError)) throw new Error(`${(e as Error).stack}\n--- input:\n${text}`);
        expect(e.line).toBeGreaterThan(0);
      }
    }), { numRuns: 3000 });
});
