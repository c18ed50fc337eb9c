// Opt-in: decode every .wasm under $GLASSWASM_WASM_CORPUS (e.g. the output of
// `wast2json --enable-all` over the test suite, with its .json command files), check that
// modules other than assert_malformed ones decode, and that encode(decode(b)) round-trips:
// byte-identical when b is canonical, and always decode(encode(decode(b))) == decode(b).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeModule } from '../../src/decoder/decode.js';
import { encodeModule } from '../../src/decoder/encode.js';
import { withFeatures } from '../../src/syntax/features.js';

const DIR = process.env.GLASSWASM_WASM_CORPUS ?? '';

function files(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out.sort();
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

describe.skipIf(!DIR || !existsSync(DIR))('wasm corpus', () => {
  it('decodes and round-trips', () => {
    // Which .wasm files are assert_malformed inputs (they must not be required to decode).
    const malformed = new Set<string>();
    for (const j of files(DIR, '.json')) {
      const cmds = JSON.parse(readFileSync(j, 'utf8')).commands as Array<{ type: string; filename?: string }>;
      for (const c of cmds) if (c.type === 'assert_malformed' && c.filename) malformed.add(join(dirname(j), c.filename));
    }
    const failures: string[] = [];
    let decoded = 0;
    let identical = 0;
    let total = 0;
    const nonCanonical: string[] = [];
    const features = withFeatures({ customPageSizes: false });
    for (const f of files(DIR, '.wasm')) {
      if (malformed.has(f)) continue;
      total++;
      const bytes = new Uint8Array(readFileSync(f));
      try {
        const feats = f.includes('custom-page-sizes') ? withFeatures({}) : features;
        const m = decodeModule(bytes, feats);
        decoded++;
        const again = encodeModule(m);
        if (equalBytes(again, bytes)) identical++;
        else nonCanonical.push(basename(dirname(f)) + '/' + basename(f));
        const m2 = decodeModule(again, feats);
        const strip = (x: typeof m): unknown => ({ ...x, customs: x.customs.map((c) => ({ ...c, offset: 0 })), funcs: x.funcs.map((fn) => ({ ...fn, body: fn.body.bytes })), globals: x.globals.map((g) => ({ ...g, init: g.init.bytes })) });
        expect(strip(m2)).toEqual(strip(m));
      } catch (e) {
        failures.push(`${f}: ${String(e)}`);
      }
    }
    console.log(`corpus: ${decoded}/${total} decode, ${identical} byte-identical after re-encoding`);
    if (nonCanonical.length) console.log('not byte-identical (first 30):\n' + nonCanonical.slice(0, 30).join('\n'));
    if (failures.length) console.log(failures.slice(0, 50).join('\n'));
    expect(failures).toEqual([]);
  });
});
