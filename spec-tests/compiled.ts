// The spec runner needs compiled JavaScript: its workers are plain Node worker threads, which
// cannot load TypeScript. Under vitest (which runs the TypeScript sources) this finds a build
// of the tree that is at least as new as the sources: `dist/` when `npm run build` is fresh,
// else an incremental `tsc` build into node_modules/.cache (emitted even when some other file
// of the tree has type errors, so a half-written module elsewhere does not stop the suite).

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestSource(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function mtime(p: string): number {
  return existsSync(p) ? statSync(p).mtimeMs : 0;
}

const builds = new Map<string, Promise<string>>();

/**
 * A directory holding the compiled tree (spec-tests/cli.js, spec-tests/worker.js, src/...):
 * dist/ when fresh, else the cache build; built at most once per process.
 */
export function compiledTree(root: string): Promise<string> {
  let b = builds.get(root);
  if (!b) {
    b = build(root);
    builds.set(root, b);
  }
  return b;
}

async function build(root: string): Promise<string> {
  const sources = Math.max(newestSource(join(root, 'src')), newestSource(join(root, 'spec-tests')));
  const dist = join(root, 'dist');
  if (mtime(join(dist, 'spec-tests', 'worker.js')) >= sources && mtime(join(dist, 'spec-tests', 'cli.js')) >= sources) {
    return dist;
  }
  const out = join(root, 'node_modules', '.cache', 'glasswasm-spec');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    // Asynchronous, so the test process stays responsive to its runner meanwhile.
    await promisify(execFile)(process.execPath, [tsc, '-p', join(root, 'tsconfig.json'), '--outDir', out,
      '--incremental', '--tsBuildInfoFile', join(out, '.tsbuildinfo')], { maxBuffer: 64 << 20 });
  } catch {
    // Type errors still emit JavaScript; a missing output below is the real failure.
  }
  if (!existsSync(join(out, 'spec-tests', 'worker.js'))) throw new Error(`tsc did not produce ${out}/spec-tests/worker.js`);
  return out;
}
