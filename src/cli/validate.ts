// `glasswasm validate FILE`: decode (or parse) and validate one module.
// Prints `ok` (exit 0), or `FILE: message` (exit 1); bad arguments exit 2.

import { readFile } from 'node:fs/promises';
import type { Module } from '../syntax/module.js';
import { CompileError } from '../errors.js';
import { decodeModule } from '../decoder/decode.js';
import { parseModuleText } from '../text/parse-module.js';
import { validateModule } from '../validator/validate.js';

export const HELP = `usage: glasswasm validate FILE.wasm|FILE.wat

Decodes (or parses) the module and validates it against the WebAssembly 3.0 rules.
Prints "ok" and exits 0 when valid; prints "FILE: message" and exits 1 otherwise
(malformed or invalid). Exits 2 on bad arguments or an unreadable file.`;

function load(file: string, bytes: Uint8Array): Module {
  const isText = file.endsWith('.wat') || file.endsWith('.wast')
    || !(bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d);
  return isText ? parseModuleText(new TextDecoder().decode(bytes)) : decodeModule(bytes);
}

export async function main(args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith('-'));
  if (files.length !== 1 || files.length !== args.length) {
    process.stderr.write(HELP + '\n');
    return 2;
  }
  const file = files[0];
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    process.stderr.write(`${file}: cannot read: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    validateModule(load(file, bytes));
  } catch (e) {
    if (e instanceof CompileError) {
      process.stdout.write(`${file}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  process.stdout.write('ok\n');
  return 0;
}
