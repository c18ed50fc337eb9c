// The decoder against the official test suite's binary modules: every `(module binary ...)`
// outside assert_malformed decodes; every assert_malformed one throws a DecodeError whose
// message starts with the expected text.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeModule } from '../../src/decoder/decode.js';
import { DecodeError } from '../../src/errors.js';
import { featuresFor } from '../../spec-tests/profiles.js';
import { extractBinaries } from './wast-binaries.js';
import { defaultSuiteDir } from '../../spec-tests/cli.js';

const SUITE = defaultSuiteDir();

function wastFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...wastFiles(p));
    else if (name.endsWith('.wast')) out.push(p);
  }
  return out.sort();
}

const suitePresent = (() => {
  try { return statSync(SUITE).isDirectory(); } catch { return false; }
})();

describe.skipIf(!suitePresent)('test suite binary modules', () => {
  const all = suitePresent ? wastFiles(SUITE).flatMap((f) => extractBinaries(relative(SUITE, f), readFileSync(f, 'utf8'))) : [];

  it('decodes the well-formed ones and rejects the malformed ones with the spec message', () => {
    const failures: string[] = [];
    let malformed = 0;
    let malformedOk = 0;
    let wellFormed = 0;
    let wellFormedOk = 0;
    for (const b of all) {
      const where = `${b.file}:${b.line}`;
      let err: unknown = null;
      try {
        decodeModule(b.bytes, featuresFor(b.file));
      } catch (e) {
        err = e;
      }
      if (b.malformed === null) {
        wellFormed++;
        if (err === null) wellFormedOk++;
        else failures.push(`${where}: expected to decode, got ${String(err)}`);
      } else {
        malformed++;
        if (err instanceof DecodeError && err.reason.startsWith(b.malformed)) malformedOk++;
        else failures.push(`${where}: expected "${b.malformed}", got ${err === null ? 'success' : String(err)}`);
      }
    }
    console.log(`suite binaries: well-formed ${wellFormedOk}/${wellFormed} decode; assert_malformed ${malformedOk}/${malformed} rejected with the expected message`);
    if (failures.length) console.log(failures.join('\n'));
    expect(malformed).toBe(930);
    expect(failures).toEqual([]);
  });
});
