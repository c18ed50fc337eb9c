/**
 * One workload per child process. The harness runs every workload in a fresh Node process
 * (all of that workload's engines still in one process, interleaved): V8 optimizes the
 * interpreter's run loop for the code it has seen, and in one long process each workload was
 * timed with the loop tuned by all the workloads before it. Single rows then moved by up to
 * 1.8x between runs of one build depending on order and on when V8 re-optimized (for
 * example wat-branches 21x alone, 23-39x after the others). `--in-process` keeps the old way.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Cell, Row } from './run-workloads.js';
import type { Workload } from './workloads.js';

/** The line a child prints its result on, followed by JSON. */
export const RESULT_TAG = 'BENCH-CHILD-RESULT ';

export function encodeRow(row: Row): string {
  return RESULT_TAG + JSON.stringify([...row.cells]);
}

/**
 * Runs the harness on one workload in a child process (`--child NAME` plus the options in
 * `argv`); forwards its log lines and returns its row.
 */
export function runInChild(workload: Workload, argv: readonly string[], log: (line: string) => void): Row {
  const harness = fileURLToPath(new URL('./harness.js', import.meta.url));
  const child = spawnSync(process.execPath, [harness, '--child', workload.name, ...argv], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let cells: Map<string, Cell> | undefined;
  for (const line of (child.stdout ?? '').split('\n')) {
    if (line.startsWith(RESULT_TAG)) cells = new Map(JSON.parse(line.slice(RESULT_TAG.length)) as [string, Cell][]);
    else if (line.length > 0) log(line);
  }
  if (cells === undefined) {
    const why = (child.stderr || child.error?.message || `exit ${child.status}`).trim().split('\n')[0];
    cells = new Map([['glasswasm', { samples: [], note: `child process failed: ${why}` }]]);
  }
  return { workload, cells };
}
