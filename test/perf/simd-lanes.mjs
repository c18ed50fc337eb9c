// Micro-benchmark of the SIMD lane functions (ns per call), run after `npx tsc -p .`:
//   node test/perf/simd-lanes.mjs [distDir ...]
// Each dist directory (default: dist) is timed on the same operands, so an older build can be
// compared with the current one: node test/perf/simd-lanes.mjs /tmp/old-dist dist
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const OPS_TIMED = [
  'i8x16.add', 'i8x16.eq', 'i8x16.min_u', 'i8x16.shuffle', 'i8x16.swizzle', 'i16x8.add', 'i16x8.mul',
  'i16x8.shr_u', 'i16x8.extend_low_i8x16_u', 'i16x8.narrow_i32x4_s', 'i32x4.add', 'i32x4.mul', 'i32x4.max_s',
  'i32x4.lt_s', 'i32x4.shl', 'i32x4.extend_low_i16x8_u', 'i32x4.dot_i16x8_s', 'i64x2.add', 'i64x2.mul',
  'v128.and', 'v128.bitselect', 'i32x4.splat', 'i32x4.extract_lane', 'i32x4.replace_lane', 'i8x16.bitmask',
  'f32x4.add', 'f32x4.mul', 'f32x4.div', 'f32x4.min', 'f32x4.pmin', 'f32x4.lt', 'f32x4.convert_i32x4_s',
  'f64x2.add', 'f64x2.mul', 'f64x2.sqrt', 'f64x2.lt', 'v128.load', 'v128.store',
];
const N = 2_000_000;

async function load(dir) {
  const root = pathToFileURL(resolve(dir) + '/').href;
  const t = await import(`${root}src/interpreter/simd/table.js`);
  const { OPS } = await import(`${root}src/syntax/opcodes.js`);
  return { t, OPS };
}

function timeOne({ t, OPS }, name) {
  const op = OPS.find((o) => o.name === name);
  const w = new Int32Array(64);
  for (let i = 0; i < 64; i++) w[i] = (Math.imul(i + 1, 0x9e3779b1) >>> 3) & 0x3f7fffff; // finite floats
  const mem = new Uint8Array(65536);
  const lanes = [0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23];
  let run;
  if (name === 'i8x16.shuffle') run = (i) => t.i8x16_shuffle(w, 8, 8, 12, lanes);
  else if (t.SIMD_MEM_OPS[op.id]) { const f = t.SIMD_MEM_OPS[op.id]; run = (i) => f(w, 8, 8, mem, (i & 1023) << 4, 0); }
  else { const f = t.SIMD_OPS[op.id]; const third = op.laneCount > 0 ? 1 : 16; run = () => f(w, 8, 8, 12, third); }
  for (let i = 0; i < 20000; i++) run(i); // warm up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) run(i);
  return Number(process.hrtime.bigint() - t0) / N;
}

const dirs = process.argv.length > 2 ? process.argv.slice(2) : ['dist'];
const builds = [];
for (const d of dirs) builds.push(await load(d));
console.log(['op'.padEnd(28), ...dirs.map((d) => d.slice(-18).padStart(18))].join(' '));
for (const name of OPS_TIMED) {
  // every build's function is timed in the same process; megamorphic sharing across ops is
  // part of what is measured (the run loop calls them all from one site)
  const cols = builds.map((b) => timeOne(b, name).toFixed(1).padStart(18));
  console.log([name.padEnd(28), ...cols].join(' '));
}
