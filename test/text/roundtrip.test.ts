// Integration: every text module the suite instantiates (`module` commands) lowers to bytes that
// the decoder reads back and the validator accepts, under the directory's feature profile.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScript } from '../../src/text/parse-script.js';
import { watToBinary } from '../../src/text/index.js';
import { decodeModule } from '../../src/decoder/decode.js';
import { validateModule } from '../../src/validator/validate.js';
import { featuresFor } from '../../spec-tests/profiles.js';
import { wastFiles, SUITE } from './suite-files.js';

it('suite text modules encode, decode and validate', () => {
  let ok = 0;
  const bad: string[] = [];
  for (const f of wastFiles()) {
    const rel = f.slice(SUITE.length + 1);
    const features = featuresFor(rel);
    for (const c of parseScript(readFileSync(f, 'utf8'))) {
      if (c.cmd !== 'module' || c.module.kind !== 'text') continue;
      try {
        validateModule(decodeModule(watToBinary(c.module.source, features), features), features);
        ok++;
      } catch (e) {
        bad.push(`${rel}:${c.line}: ${(e as Error).message}`);
      }
    }
  }
  console.log(`text modules encoded, decoded and validated: ${ok}/${ok + bad.length}`);
  expect(bad).toEqual([]);
});
