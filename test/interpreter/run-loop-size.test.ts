// The run loop (`execute` in src/interpreter/run.ts) must stay small enough for V8 to
// optimize it: TurboFan skips any function whose bytecode is longer than
// --max-optimized-bytecode-size (61,440 bytes in Node 20 and 22), and an execute left to the
// baseline tiers runs every workload about 17 times slower. Inline cases and fallthrough pairs
// (pairs.ts) each add bytecode, so this measures it on a build, in a child process.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledTree } from '../../spec-tests/compiled.js';

const root = join(import.meta.dirname, '..', '..');
const LIMIT = 61_440;

describe('run loop size', () => {
  it(`execute's bytecode stays under V8's optimization limit (${LIMIT} bytes)`, async () => {
    const build = await compiledTree(root);
    const index = pathToFileURL(join(build, 'src', 'index.js')).href;
    // the smallest module with an exported function: execute is compiled on its first call
    const script = `const E = await import(${JSON.stringify(index)});
      const bytes = new Uint8Array([0,97,115,109,1,0,0,0,1,4,1,96,0,0,3,2,1,0,7,5,1,1,102,0,0,10,4,1,2,0,11]);
      E.instantiate(E.compile(bytes), {}).exports.f();`;
    const out = execFileSync(process.execPath, ['--print-bytecode', '--print-bytecode-filter=execute',
      '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const m = /Bytecode length: (\d+)/.exec(out);
    expect(m, 'no bytecode listing for execute').not.toBeNull();
    expect(Number(m![1])).toBeLessThan(LIMIT);
  }, 60_000);
});
