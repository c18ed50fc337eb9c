/**
 * The timing loop: every engine runs each workload in the same process, interleaved
 * round by round (so machine noise hits all engines alike), after interleaved warm-up rounds, and each
 * engine's checksum is checked against native's on every run.
 */
import { basename } from 'node:path';
import type { Engine, RunFn } from './engines/engine.js';
import { runNativeFlagged } from './engines/native-flagged.js';
import { wasmInterpRun } from './engines/wasm-interp.js';
import { median, timed } from './stats.js';
import { readBytes, type Workload } from './workloads.js';

export interface Cell {
  /** Median of the timed rounds; undefined when the engine could not run the workload. */
  ms?: number;
  samples: number[];
  checksum?: number;
  /** Why there is no time, or a warning (wrong checksum). */
  note?: string;
  /** How the time was taken when not in this process with the shared bytes. */
  via?: string;
}

export interface Row {
  workload: Workload;
  cells: Map<string, Cell>;
}

export interface RunOptions {
  rounds: number;
  warmups: number;
  /** Per engine and workload, the timed rounds are cut so they take about this long. */
  budgetMs: number;
  /** Timed runs of wasm-interp (a subprocess: slow, so usually 1); 0 to skip. */
  interpRounds: number;
  log: (line: string) => void;
}

function shortError(e: unknown): string {
  const msg = e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e);
  return msg.split('\n')[0]!.slice(0, 120);
}

export async function runWorkload(
  workload: Workload,
  engines: readonly Engine[],
  unavailable: ReadonlyMap<string, string>,
  opts: RunOptions,
): Promise<Row> {
  const bytes = readBytes(workload.file);
  const cells = new Map<string, Cell>();
  const runners = new Map<string, { run: RunFn; rounds: number }>();

  const loaded: [string, RunFn][] = [];
  for (const engine of engines) {
    const cell: Cell = { samples: [] };
    cells.set(engine.name, cell);
    const why = unavailable.get(engine.name);
    if (why) {
      cell.note = why;
      continue;
    }
    try {
      loaded.push([engine.name, await engine.load(bytes)]);
    } catch (e) {
      cell.note = shortError(e);
    }
  }

  // Warm-up rounds, interleaved like the timed ones: V8 tunes the interpreter's run loop to
  // what it has seen, so the first exact-mode run deoptimizes the loop that fast mode had
  // warmed, and the next fast run pays for reoptimizing. Warming engine by engine left those
  // episodes inside the first timed rounds (the first sample of a row was up to 1.9x the rest).
  const warm = new Map<string, number>();
  for (let i = 0; i < Math.max(1, opts.warmups); i++) {
    for (const [name, run] of loaded) {
      const cell = cells.get(name)!;
      if (cell.note) continue;
      try {
        const { ms, value } = timed(run);
        if (i > 0 && value !== cell.checksum) cell.note = `checksum changed between runs (${cell.checksum} then ${value})`;
        warm.set(name, ms);
        cell.checksum = value;
      } catch (e) {
        cell.note = shortError(e);
      }
    }
  }
  for (const [name, run] of loaded) {
    if (cells.get(name)!.note) continue;
    const ms = warm.get(name)!;
    const rounds = Math.max(1, Math.min(opts.rounds, Math.floor(opts.budgetMs / Math.max(ms, 1e-3))));
    runners.set(name, { run, rounds });
  }

  const maxRounds = Math.max(0, ...[...runners.values()].map((r) => r.rounds));
  const order = [...runners];
  for (let round = 0; round < maxRounds; round++) {
    // Rotate which engine goes first, so no engine always runs right after the same one.
    const rotated = [...order.slice(round % order.length), ...order.slice(0, round % order.length)];
    for (const [name, { run, rounds }] of rotated) {
      if (round >= rounds) continue;
      const cell = cells.get(name)!;
      if (cell.note) continue;
      try {
        const { ms, value } = timed(run);
        if (value !== cell.checksum) cell.note = `checksum changed between runs (${cell.checksum} then ${value})`;
        cell.samples.push(ms);
      } catch (e) {
        cell.note = shortError(e);
      }
    }
  }

  for (const cell of cells.values()) {
    if (!cell.note && cell.samples.length > 0) cell.ms = median(cell.samples);
  }

  // Native could not load the module here (GC on Node 20): retry its V8-flagged encoding in
  // a child process, so the workload still gets a native time and ratios.
  const nativeCell = cells.get('native');
  const flagged = workload.nativeFlagged;
  if (nativeCell?.note && flagged && !unavailable.has('native')) {
    try {
      const r = runNativeFlagged(flagged.file, flagged.flags, opts);
      cells.set('native', {
        samples: r.samples,
        checksum: r.checksum,
        ms: median(r.samples),
        via: `child process: node ${flagged.flags.join(' ')} on ${basename(flagged.file)} (binaryen), not interleaved`,
      });
    } catch (e) {
      nativeCell.note = `${nativeCell.note}; with ${flagged.flags.join(' ')}: ${shortError(e)}`;
    }
  }

  if (opts.interpRounds > 0) {
    const cell: Cell = { samples: [] };
    cells.set('wasm-interp', cell);
    const why = unavailable.get('wasm-interp');
    if (why) cell.note = why;
    else {
      try {
        for (let i = 0; i < opts.interpRounds; i++) {
          const { ms, checksum } = wasmInterpRun(workload.file);
          cell.samples.push(ms);
          cell.checksum = checksum;
        }
        cell.ms = median(cell.samples);
      } catch (e) {
        cell.note = shortError(e);
      }
    }
  }

  // Every engine must agree with native (or with the workload's known checksum when native
  // cannot run it); a wrong answer is reported, never timed.
  const expected = workload.expected ?? cells.get('native')?.checksum;
  if (expected !== undefined) {
    for (const [name, cell] of cells) {
      if (cell.checksum === undefined || cell.note) continue;
      if (name === 'native' && workload.expected === undefined) continue;
      if (cell.checksum !== expected) {
        cell.note = `WRONG checksum ${cell.checksum}, expected ${expected}`;
        cell.ms = undefined;
      }
    }
  }

  const summary = [...cells]
    .map(([name, c]) => `${name} ${c.ms !== undefined ? c.ms.toFixed(1) + 'ms' : 'n/a'}`)
    .join(', ');
  opts.log(`  ${workload.name}: ${summary}`);
  return { workload, cells };
}
