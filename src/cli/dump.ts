// `glasswasm dump FILE.wasm`: disassembly, one instruction per line with its byte offset,
// grouped by function (names from the name section).

import { loadWasm, parseArgs } from '../decoder/cli-common.js';
import { InstrReader } from '../decoder/instr-reader.js';
import { instrText } from '../decoder/print-instr.js';
import { typeText } from '../decoder/print-text.js';
import { importCounts } from '../syntax/module.js';
import { OP } from '../syntax/opcodes.js';

export const HELP = `usage: glasswasm dump FILE.wasm

Disassembles the code section: for each defined function a header "func[INDEX] <NAME>:" and
then one instruction per line, "OFFSET: instruction", with OFFSET the instruction's byte
offset in the file (hex) and block structure shown by indentation.

Exit status: 0 ok, 1 malformed binary (printed as FILE:OFFSET: message), 2 bad arguments.`;

export async function main(args: string[]): Promise<number> {
  const a = parseArgs(args, HELP, false);
  if (!a) return 2;
  const w = loadWasm(a.file);
  if (!w) return 1;
  const m = w.module;
  const base = importCounts(m).func;
  const out: string[] = [];
  m.funcs.forEach((f, i) => {
    const idx = base + i;
    const name = m.names?.funcs.get(idx);
    out.push(`func[${idx}]${name !== undefined ? ` <${name}>` : ''}:`);
    for (const d of f.locals) out.push(`  locals: ${d.count} x ${typeText(d.type)}`);
    const r = new InstrReader(f.body.bytes, f.body.offset);
    let depth = 1;
    while (!r.atEnd()) {
      const op = r.next();
      if (op === OP.end || op === OP.delegate) depth = Math.max(1, depth - 1);
      const indent = op === OP.else || op === OP.catch || op === OP.catch_all
        ? Math.max(1, depth - 1) : depth;
      out.push(`${r.offset.toString(16).padStart(6, '0')}:${'  '.repeat(indent)}${instrText(r)}`);
      if (op === OP.block || op === OP.loop || op === OP.if || op === OP.try_table || op === OP.try) depth++;
    }
  });
  process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
  return 0;
}
