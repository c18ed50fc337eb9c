/**
 * wabt's `wasm-interp` (a C++ stack-machine interpreter), as a subprocess.
 *
 * Debian's wabt is built without WASI, so it runs the no-import build with
 * `--run-all-exports` (the modules export only `run` and `memory`) and we parse
 * "run() => i32:N". The time therefore includes process start and wabt's own decode and
 * validation; `processStartMs()` measures that fixed cost on an empty module so the reader
 * can subtract it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from '../stats.js';

let available: boolean | undefined;

export function wasmInterpUnavailable(): string | undefined {
  if (available === undefined) {
    const probe = spawnSync('wasm-interp', ['--version'], { encoding: 'utf8' });
    available = probe.status === 0;
  }
  return available ? undefined : 'wasm-interp not installed';
}

/** Runs `file` once; returns the wall time and the checksum it printed. */
export function wasmInterpRun(file: string): { ms: number; checksum: number } {
  const t0 = performance.now();
  const out = execFileSync('wasm-interp', ['--run-all-exports', file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    // its complaints (e.g. on GC types) belong in the table's note, not on the terminal
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ms = performance.now() - t0;
  const m = /run\(\) => i32:(-?\d+)/.exec(out);
  if (!m) throw new Error(`unexpected wasm-interp output: ${out.slice(0, 200)}`);
  return { ms, checksum: Number(BigInt.asUintN(32, BigInt(m[1]!))) };
}

/** Median wall time of wasm-interp on the empty module: its process start + setup cost. */
export function processStartMs(samples = 5): number {
  const dir = mkdtempSync(join(tmpdir(), 'glasswasm-bench-'));
  try {
    const file = join(dir, 'empty.wasm');
    writeFileSync(file, Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0));
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      execFileSync('wasm-interp', ['--run-all-exports', file]);
      times.push(performance.now() - t0);
    }
    return median(times);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
