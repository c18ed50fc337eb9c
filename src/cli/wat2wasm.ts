// `glasswasm wat2wasm FILE.wat [-o FILE.wasm]`: parse a text module and write its binary.
// Errors print `file:line:col: message` and exit 1; bad arguments exit 2.

import { readFile, writeFile } from 'node:fs/promises';
import { DecodeError } from '../errors.js';
import { watToBinary } from '../text/index.js';

export const HELP = `usage: glasswasm wat2wasm FILE.wat [-o FILE.wasm]

Parses a module in the WebAssembly text format and writes its binary encoding to
FILE.wasm (default: the input name with .wasm instead of .wat). The module is not
validated. Errors print "FILE:LINE:COL: message" and exit 1; bad arguments exit 2.`;

export async function main(args: string[]): Promise<number> {
  let input: string | null = null;
  let output: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') {
      if (i + 1 >= args.length || output !== null) return usage();
      output = args[++i];
    } else if (a.startsWith('-') || input !== null) {
      return usage();
    } else input = a;
  }
  if (input === null) return usage();
  if (output === null) output = input.replace(/\.wat$/, '') + '.wasm';
  let source: string;
  try {
    source = await readFile(input, 'utf8');
  } catch (e) {
    process.stderr.write(`${input}: cannot read: ${(e as Error).message}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = watToBinary(source);
  } catch (e) {
    if (e instanceof DecodeError) {
      process.stderr.write(`${input}:${e.line}:${e.column}: ${e.reason}\n`);
      return 1;
    }
    throw e;
  }
  await writeFile(output, bytes);
  return 0;
}

function usage(): number {
  process.stderr.write(HELP + '\n');
  return 2;
}
