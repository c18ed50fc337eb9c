/**
 * Where the benchmark files are, from the compiled harness (dist/bench/...) or from the
 * sources. The .wasm files are checked in under bench/wasm, so they are found relative to the
 * repository root, never copied into dist.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest ancestor of this file that holds package.json. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = resolve(dir, '..');
  }
  throw new Error('bench: cannot find the repository root (package.json)');
}

export const ROOT = findRoot();
export const WASM_DIR = join(ROOT, 'bench', 'wasm');
/** The compiled engine entry point, loaded at run time (see engines/glasswasm.ts). */
export const GLASSWASM_ENTRY = join(ROOT, 'dist', 'src', 'index.js');
export const DECODER_ENTRY = join(ROOT, 'dist', 'src', 'decoder', 'decode.js');
export const VALIDATOR_ENTRY = join(ROOT, 'dist', 'src', 'validator', 'validate.js');
