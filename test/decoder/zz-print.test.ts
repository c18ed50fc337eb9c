import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { it } from 'vitest';
import { decodeModule } from '../../src/decoder/decode.js';
import { printModule } from '../../src/decoder/print.js';
import { withFeatures } from '../../src/syntax/features.js';
function files(dir: string): string[] { const o: string[] = []; for (const n of readdirSync(dir)) { const p = join(dir, n); if (statSync(p).isDirectory()) o.push(...files(p)); else if (n.endsWith('.wasm')) o.push(p); } return o.sort(); }
function norm(x: unknown): unknown {
  if (x instanceof Uint8Array) return Array.from(x);
  if (x instanceof Map) return null;
  if (Array.isArray(x)) return x.map(norm);
  if (x && typeof x === 'object') { const o: Record<string, unknown> = {}; for (const [k, v] of Object.entries(x)) if (k !== 'offset' || typeof v !== 'number') if (k !== 'customs' && k !== 'names') o[k] = norm(v); return o; }
  return x;
}
it('print roundtrip via wabt', () => {
  mkdirSync('/tmp/pw', { recursive: true });
  const feats = withFeatures({ customPageSizes: false });
  let ok = 0, wabtFail = 0, diff = 0, total = 0;
  const diffs: string[] = []; const wf: string[] = [];
  for (const f of files('/tmp/wj')) {
    let m; try { m = decodeModule(new Uint8Array(readFileSync(f)), feats); } catch { continue; }
    total++;
    const wat = printModule(m);
    writeFileSync('/tmp/pw/x.wat', wat);
    try { execFileSync('wat2wasm', ['--enable-all', '--no-check', '/tmp/pw/x.wat', '-o', '/tmp/pw/x.wasm'], { stdio: 'pipe' }); } catch (e) { wabtFail++; wf.push(f + ': ' + String((e as {stderr: Buffer}).stderr).split('\n')[0]); continue; }
    const m2 = decodeModule(new Uint8Array(readFileSync('/tmp/pw/x.wasm')), feats);
    if (JSON.stringify(norm(m2)) === JSON.stringify(norm(m))) ok++; else { diff++; diffs.push(f); }
  }
  console.log({ total, ok, wabtFail, diff });
  console.log(diffs.slice(0, 20).join('\n'));
  console.log(wf.slice(0, 30).join('\n'));
});
