// Worker-thread entry: runs the scripts the pool sends, one at a time, streaming each command's
// outcome back as it completes. The pool can then terminate a worker stuck in a runaway command
// and still know exactly which commands finished.

import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { loadEngine, type RunMode } from './engine.js';
import { featuresFor } from './profiles.js';
import { runScript } from './run-script.js';
import type { CommandOutcome, PlannedCommand } from './run-script.js';

/** What the pool gives a worker when it starts it. */
export interface WorkerData {
  readonly mode: RunMode;
}

export type ToWorker = { readonly type: 'run'; readonly abs: string; readonly rel: string };

export type FromWorker =
  | { readonly type: 'plan'; readonly rel: string; readonly plan: readonly PlannedCommand[] }
  | { readonly type: 'outcome'; readonly rel: string; readonly outcome: CommandOutcome }
  | { readonly type: 'done'; readonly rel: string }
  | { readonly type: 'error'; readonly rel: string; readonly message: string };

const port = parentPort;
if (port) {
  port.on('message', (msg: ToWorker) => {
    void runOne(msg).catch((e: unknown) => {
      post({ type: 'error', rel: msg.rel, message: e instanceof Error ? e.stack ?? e.message : String(e) });
    });
  });
}

function post(m: FromWorker): void {
  port!.postMessage(m);
}

async function runOne(msg: ToWorker): Promise<void> {
  const engine = await loadEngine((workerData as WorkerData | null)?.mode ?? 'fast');
  const source = readFileSync(msg.abs, 'utf8');
  runScript(source, {
    engine,
    features: featuresFor(msg.rel),
    onPlan: (plan) => post({ type: 'plan', rel: msg.rel, plan }),
    onOutcome: (outcome) => post({ type: 'outcome', rel: msg.rel, outcome }),
  });
  post({ type: 'done', rel: msg.rel });
}
