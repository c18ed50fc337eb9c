/**
 * The benchmark workloads: each is a checked-in module exporting `run(): i32` (a checksum)
 * with no imports. C workloads also have a WASI build (`<name>.wasi.wasm`) whose `main`
 * prints the same checksum. Sources: bench/c/*.c and bench/wat/*.wat; bench/build.sh rebuilds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WASM_DIR } from './paths.js';

export interface Workload {
  name: string;
  /** What the workload stresses, for the table's legend. */
  about: string;
  /** The no-import build: exports `run` (and `memory`). */
  file: string;
  /** The WASI build, for command-line engines; absent for WAT micro-workloads. */
  wasiFile?: string;
  /**
   * The known checksum, for workloads native WebAssembly cannot run here (Node 20's V8 only
   * has a pre-standard GC encoding), so the other engines are still checked.
   */
  expected?: number;
  /**
   * A second encoding of the same program for native WebAssembly only, used when the host
   * cannot load `file`: binaryen's `wasm-as` output of the GC .wat, which Node 20's V8 runs
   * behind --experimental-wasm-gc in a child process (engines/native-flagged.ts).
   */
  nativeFlagged?: { file: string; flags: string[] };
}

const C_WORKLOADS: Array<[string, string]> = [
  ['fib', 'recursive calls'],
  ['sieve', 'byte loads/stores'],
  ['matmul', 'f64 multiply-add'],
  ['sha256', '32-bit rotates, adds'],
  ['qsort', 'sort 1M ints'],
  ['hash64', 'i64 multiply/shift'],
  ['nbody', 'f64 + sqrt'],
  ['coremark', 'lists, matrix, state machine'],
  // One source (c/simd.c), two builds: clang-vectorized with -msimd128, and scalar.
  ['simd', 'v128 kernels (-msimd128)'],
  ['simd-scalar', 'simd.c without -msimd128'],
];

/**
 * [name, about, expected checksum, GC]: GC workloads also get a binaryen-assembled copy
 * (`wat-<name>.v8-gc.wasm`, see build.sh) that native runs behind --experimental-wasm-gc.
 */
const WAT_WORKLOADS: Array<[string, string, number?, boolean?]> = [
  ['calls', 'direct + indirect calls'],
  ['branches', 'if / br_if / br_table'],
  ['memory', 'mixed-width loads'],
  ['i64', 'i64 arithmetic'],
  // Sum of node counts: 2^16-1 (stretch) + sum over d=4,6..14 of 2^(18-d) * (2^(d+1)-1) + 2^15-1.
  ['binary-trees', 'GC struct allocation', 3222190, true],
];

export const WORKLOADS: readonly Workload[] = [
  ...C_WORKLOADS.map(([name, about]) => ({
    name,
    about,
    file: join(WASM_DIR, `${name}.wasm`),
    wasiFile: join(WASM_DIR, `${name}.wasi.wasm`),
  })),
  ...WAT_WORKLOADS.map(([name, about, expected, gc]) => ({
    name: `wat-${name}`,
    about,
    file: join(WASM_DIR, `wat-${name}.wasm`),
    ...(expected !== undefined ? { expected } : {}),
    ...(gc
      ? { nativeFlagged: { file: join(WASM_DIR, `wat-${name}.v8-gc.wasm`), flags: ['--experimental-wasm-gc'] } }
      : {}),
  })),
];

/** The multi-megabyte module for decode throughput (bench/gen/big-module.ts). */
export const BIG_MODULE = join(WASM_DIR, 'big.wasm');

export function selectWorkloads(filter: string | undefined): Workload[] {
  const chosen = filter
    ? WORKLOADS.filter((w) => filter.split(',').some((part) => w.name.includes(part)))
    : [...WORKLOADS];
  return chosen.filter((w) => existsSync(w.file));
}

export function readBytes(file: string): Uint8Array {
  const buf = readFileSync(file);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
