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

/** The AST with every Expr replaced by its bytes (offsets move when LEBs get shorter). */
function withoutOffsets(x: unknown): unknown {
  if (x instanceof Uint8Array) return Array.from(x);
  if (x instanceof Map) return new Map([...x].map(([k, v]) => [k, withoutOffsets(v)]));
  if (Array.isArray(x)) return x.map(withoutOffsets);
  if (x && typeof x === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) if (k !== 'offset' || typeof v !== 'number') o[k] = withoutOffsets(v);
    return o;
  }
  return x;
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
    const invalid = new Set<string>();
    for (const j of files(DIR, '.json')) {
      const cmds = JSON.parse(readFileSync(j, 'utf8')).commands as Array<{ type: string; filename?: string }>;
      for (const c of cmds) {
        if (c.type === 'assert_malformed' && c.filename) malformed.add(join(dirname(j), c.filename));
        if (c.type === 'assert_invalid' && c.filename) invalid.add(join(dirname(j), c.filename));
      }
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
        expect(withoutOffsets(m2)).toEqual(withoutOffsets(m));
      } catch (e) {
        // wabt leaves out the data count section of invalid modules that use data.drop
        // without any data segment; the spec's encoder would emit it.
        if (invalid.has(f) && String(e).includes('data count section required')) continue;
        failures.push(`${f}: ${String(e)}`);
      }
    }
    console.log(`corpus: ${decoded}/${total} decode, ${identical} byte-identical after re-encoding`);
    if (nonCanonical.length) console.log('not byte-identical (first 100):\n' + nonCanonical.slice(0, 100).join('\n'));
    if (failures.length) console.log(failures.slice(0, 50).join('\n'));
    expect(failures).toEqual([]);
  });
});
