// Dev tool: prints a function's translated internal code (fast or exact mode), to see what the
// translator emits for a hot loop. Op names are read from internal-ops.ts (a const enum has
// none at run time).  node tools/dump-internal.mjs FILE.wasm FUNC_INDEX [--exact]
import { readFileSync } from 'node:fs';
import { decodeModule } from '../dist/src/decoder/decode.js';
import { instantiate } from '../dist/src/runtime/instantiate.js';
import { fastCode, exactCode } from '../dist/src/interpreter/translate.js';
import { instructionSize } from '../dist/src/interpreter/internal-ops.js';

const [file, fi, flag] = process.argv.slice(2);
if (!file || fi === undefined) {
  console.error('usage: node tools/dump-internal.mjs FILE.wasm FUNC_INDEX [--exact]');
  process.exit(2);
}
const src = readFileSync(new URL('../src/interpreter/internal-ops.ts', import.meta.url), 'utf8');
const body = src.slice(src.indexOf('export const enum I {'), src.indexOf('COUNT,'));
const names = body.split('\n').slice(1).map((l) => l.replace(/\/\/.*$/, ''))
  .join(' ').split(',').map((s) => s.trim()).filter((s) => /^[A-Z0-9_]+$/.test(s));
const m = decodeModule(new Uint8Array(readFileSync(file)));
const resolver = (mod, name) => { throw new Error(`import ${mod}.${name} not provided`); };
const inst = instantiate(m, resolver, { skipStart: true });
const f = inst.funcs[Number(fi)];
if (f === undefined || f.host !== null) {
  console.error(`no function ${fi} defined in ${file} (it has ${inst.funcs.length}, imports first)`);
  process.exit(2);
}
const c = flag === '--exact' ? exactCode(f) : fastCode(f);
const code = c.code;
for (let pc = 0; pc < code.length;) {
  const op = code[pc];
  const n = instructionSize(code, pc);
  console.log(String(pc).padStart(5), (names[op] ?? `?${op}`).padEnd(18), Array.from(code.subarray(pc + 1, pc + n)).join(' '));
  pc += n;
}
