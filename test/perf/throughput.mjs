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

// Best wall time and best process CPU time (user + system, all threads) over the runs. On a
// loaded machine wall time includes waiting for a core; CPU time does not.
function best(fn) {
  fn(); // warm-up
  let wall = Infinity;
  let cpu = Infinity;
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall = Math.min(wall, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }
  return { wall, cpu };
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
const rate = (ms) => `${(mb / (ms / 1000)).toFixed(1).padStart(6)} MB/s`;
const ns = (ms) => `${(ms * 1e6 / instrs).toFixed(1)} ns/instr`;
const row = (name, t, extra = '') =>
  console.log(`${name.padEnd(17)} wall ${t.wall.toFixed(1).padStart(6)} ms ${rate(t.wall)}   cpu ${t.cpu.toFixed(1).padStart(6)} ms ${rate(t.cpu)}${extra}`);
console.log(`${file}: ${mb.toFixed(2)} MB, ${module.funcs.length} functions, ${instrs} instructions; best of ${runs}`);
row('decode', dec);
row('validate', val, `   (${ns(val.cpu)} cpu)`);
row('decode+validate', both);
row('InstrReader walk', walkT, `   (${ns(walkT.cpu)} cpu)`);
