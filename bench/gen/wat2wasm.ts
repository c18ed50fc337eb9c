/**
 * Assembles a .wat file with glasswasm's own text front end (src/text/index.ts watToBinary),
 * for workloads wabt 1.0.32 cannot assemble (final-spec GC types). Used by bench/build.sh
 * as the fallback when `wat2wasm` fails; needs `npm run build` first.
 *
 * Usage: node dist/bench/gen/wat2wasm.js input.wat output.wasm
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../paths.js';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('usage: wat2wasm.js input.wat output.wasm\n');
  process.exit(2);
}
const entry = join(ROOT, 'dist', 'src', 'text', 'index.js');
if (!existsSync(entry)) {
  process.stderr.write(`${entry} missing: run npm run build first\n`);
  process.exit(1);
}
const text = (await import(pathToFileURL(entry).href)) as { watToBinary(source: string): Uint8Array };
writeFileSync(output, text.watToBinary(readFileSync(input, 'utf8')));
