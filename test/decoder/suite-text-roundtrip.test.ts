// Opt-in (GLASSWASM_SUITE_ROUNDTRIP=1, ~15 s): every text module of the test suite (module,
// assert_invalid, assert_unlinkable, ...) goes text -> Module -> binary -> decodeModule ->
// printModule -> text parser -> binary, and must come back the same. Exercises the decoder
// and the printer on all the suite's features (GC, exceptions, SIMD, descriptors, ...).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { decodeModule } from '../../src/decoder/decode.js';
import { encodeModule } from '../../src/decoder/encode.js';
import { printModule } from '../../src/decoder/print.js';
import { parseScript } from '../../src/text/parse-script.js';
import { parseModuleText } from '../../src/text/parse-module.js';
import { DEFAULT_FEATURES } from '../../src/syntax/features.js';
import { defaultSuiteDir } from '../../spec-tests/cli.js';
const SUITE = defaultSuiteDir();
function files(dir: string): string[] { const o: string[] = []; for (const n of readdirSync(dir)) { const p = join(dir, n); if (statSync(p).isDirectory()) o.push(...files(p)); else if (n.endsWith('.wast')) o.push(p); } return o.sort(); }
function norm(x: unknown): unknown {
  if (x instanceof Uint8Array) return Array.from(x);
  if (x instanceof Map) return null;
  if (Array.isArray(x)) return x.map(norm);
  if (x && typeof x === 'object') { const o: Record<string, unknown> = {}; for (const [k, v] of Object.entries(x)) if (k !== 'offset' || typeof v !== 'number') if (k !== 'customs' && k !== 'names' && k !== 'dataCount' && v !== undefined) o[k] = k === 'locals' ? JSON.stringify(v) : norm(v); return o; }
  return x;
}
it.skipIf(!process.env.GLASSWASM_SUITE_ROUNDTRIP)('suite text modules decode and print back identically', () => {
  let n = 0, encFail = 0, decFail = 0, printFail = 0, diff = 0, scriptFail = 0;
  const msgs: string[] = [];
  for (const f of files(SUITE)) {
    let cmds;
    try { cmds = parseScript(readFileSync(f, 'utf8')); } catch (e) { scriptFail++; continue; }
    for (const c of cmds) {
      if (c.cmd !== 'module' && c.cmd !== 'assert_invalid' && c.cmd !== 'assert_unlinkable' && c.cmd !== 'assert_uninstantiable' && c.cmd !== 'assert_trap_module') continue;
      const sm = (c as { module: { kind: string; source?: string } }).module;
      if (sm.kind !== 'text') continue;
      let bytes: Uint8Array;
      try { bytes = encodeModule(parseModuleText(sm.source!)); } catch { encFail++; continue; }
      n++;
      let m;
      try { m = decodeModule(bytes, DEFAULT_FEATURES); } catch (e) { decFail++; msgs.push(`${relative(SUITE, f)}:${c.line} ${c.cmd}: ${String(e)}`); continue; }
      try {
        const m2 = decodeModule(encodeModule(parseModuleText(printModule(m))), DEFAULT_FEATURES);
        if (JSON.stringify(norm(m2)) !== JSON.stringify(norm(m))) { diff++; msgs.push(`${relative(SUITE, f)}:${c.line} print diff`); }
      } catch (e) { printFail++; msgs.push(`${relative(SUITE, f)}:${c.line} print reparse: ${String(e).slice(0, 200)}`); }
    }
  }
  console.log({ n, encFail, decFail, printFail, diff, scriptFail });
  console.log(msgs.slice(0, 60).join('\n'));
  expect(msgs).toEqual([]);
});
