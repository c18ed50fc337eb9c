/**
 * Child-process side of engines/native-flagged.ts: runs one module on this Node's own
 * WebAssembly (started with V8 flags such as --experimental-wasm-gc) and prints one JSON
 * line `{"checksum": N, "samples": [ms, ...]}`, or `{"error": "..."}` with exit code 1.
 * Timing matches the in-process engines: load untimed, `warmups` untimed runs, then timed
 * `run()` calls until `rounds` are done or `budgetMs` is spent (at least one).
 *
 * Usage: node [flags] dist/bench/engines/native-child.js FILE WARMUPS ROUNDS BUDGET_MS
 */
import { readFileSync } from 'node:fs';
import { toChecksum } from './engine.js';
import { requireHostWasm } from './host-wasm.js';

async function main(): Promise<void> {
  const [file, warmupsArg, roundsArg, budgetArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: native-child.js FILE WARMUPS ROUNDS BUDGET_MS');
  const warmups = Math.max(1, Number(warmupsArg ?? 1));
  const rounds = Math.max(1, Number(roundsArg ?? 5));
  const budgetMs = Number(budgetArg ?? 15000);
  const bytes = new Uint8Array(readFileSync(file));
  const { instance } = await requireHostWasm().instantiate(bytes, {});
  const run = instance.exports['run'];
  if (typeof run !== 'function') throw new Error('no run export');
  let checksum = 0;
  let warm = 0;
  for (let i = 0; i < warmups; i++) {
    const t0 = performance.now();
    checksum = toChecksum((run as () => unknown)());
    warm = performance.now() - t0;
  }
  // The same round cut as run-workloads.ts: about budgetMs of timed runs.
  const n = Math.max(1, Math.min(rounds, Math.floor(budgetMs / Math.max(warm, 1e-3))));
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const value = toChecksum((run as () => unknown)());
    samples.push(performance.now() - t0);
    if (value !== checksum) throw new Error(`checksum changed between runs (${checksum} then ${value})`);
  }
  process.stdout.write(JSON.stringify({ checksum, samples }) + '\n');
}

main().catch((e: unknown) => {
  const msg = e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e);
  process.stdout.write(JSON.stringify({ error: msg.split('\n')[0] }) + '\n');
  process.exitCode = 1;
});
