// Decode and validate throughput on a multi-megabyte module (default bench/wasm/big.wasm).
// Plain JS over the compiled tree, so it measures what users run, not vitest's transform:
//   npx tsc -p . && node test/perf/throughput.mjs [file.wasm] [runs]
// GLASSWASM_DIST=/other/dist selects another build. Reports best-of-N wall times (after a
// warm-up) for: decoding, validating the decoded module, decode + validate, and a bare walk of
// every function body with InstrReader.next() (the floor every code consumer pays).
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = resolve(process.env.GLASSWASM_DIST ?? resolve(root, 'dist'));
const load = (p) => import(pathToFileURL(resolve(dist, p)).href);
const { decodeModule } = await load('src/decoder/decode.js');
const { validateModule } = await load('src/validator/validate.js');
const { InstrReader } = await load('src/decoder/instr-reader.js');

const file = process.argv[2] ?? resolve(root, 'bench/wasm/big.wasm');
const runs = Number(process.argv[3] ?? 15);
const bytes = new Uint8Array(readFileSync(file));
const mb = bytes.length / 1e6;

function best(fn) {
  fn(); // warm-up
  let t = Infinity;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    t = Math.min(t, performance.now() - t0);
  }
  return t;
}

const module = decodeModule(bytes);
let instrs = 0;
function walk() {
  let n = 0;
  for (const f of module.funcs) {
    const b = f.body;
    const r = new InstrReader(b.bytes, b.offset);
    while (r.pos < r.end) { r.next(); n++; }
  }
  instrs = n;
}

const dec = best(() => decodeModule(bytes));
const val = best(() => validateModule(module));
const both = best(() => validateModule(decodeModule(bytes)));
const walkT = best(walk);
const rate = (ms) => `${(mb / (ms / 1000)).toFixed(1)} MB/s`;
console.log(`${file}: ${mb.toFixed(2)} MB, ${module.funcs.length} functions, ${instrs} instructions; best of ${runs}`);
console.log(`decode            ${dec.toFixed(1).padStart(7)} ms  ${rate(dec)}`);
console.log(`validate          ${val.toFixed(1).padStart(7)} ms  ${rate(val)}  (${(val * 1e6 / instrs).toFixed(1)} ns/instr)`);
console.log(`decode+validate   ${both.toFixed(1).padStart(7)} ms  ${rate(both)}`);
console.log(`InstrReader walk  ${walkT.toFixed(1).padStart(7)} ms  ${rate(walkT)}  (${(walkT * 1e6 / instrs).toFixed(1)} ns/instr)`);
