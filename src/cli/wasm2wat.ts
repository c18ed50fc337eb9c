// `glasswasm wasm2wat FILE.wasm [-o OUT]`: binary -> WebAssembly text.

import { closeSync, openSync, writeSync } from 'node:fs';
import { loadWasm, parseArgs } from '../decoder/cli-common.js';
import { printModuleTo } from '../decoder/print.js';

export const HELP = `usage: glasswasm wasm2wat FILE.wasm [-o OUT.wat] [--offsets]

Decodes FILE.wasm and prints it in the WebAssembly text format (flat instructions, names from
the name section), to OUT.wat or standard output. The output parses back to the same module.

  -o, --output OUT   write the text to OUT instead of standard output
  --offsets          prefix each instruction with its byte offset as a (;@hex;) comment

Exit status: 0 ok, 1 malformed binary (printed as FILE:OFFSET: message), 2 bad arguments.`;

export async function main(args: string[]): Promise<number> {
  const a = parseArgs(args, HELP, true, ['--offsets']);
  if (!a) return 2;
  const w = loadWasm(a.file);
  if (!w) return 1;
  const opts = { offsets: a.flags.has('--offsets') };
  if (a.out) {
    const fd = openSync(a.out, 'w');
    try {
      printModuleTo(w.module, (chunk) => writeSync(fd, chunk), opts);
    } finally {
      closeSync(fd);
    }
  } else {
    printModuleTo(w.module, (chunk) => process.stdout.write(chunk), opts);
  }
  return 0;
}
