// Runs many scripts on a pool of worker threads. Each worker runs one file at a time and
// streams its outcomes; a file that exceeds its time budget (a runaway command) or kills its
// worker (out of memory, a crash) has its worker terminated and replaced, and the commands it
// had not finished are recorded as failed ("timeout ..." / "worker crashed ..."). So the run
// always ends, and always accounts for every command of every file.

import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { loadEngine, type RunMode } from './engine.js';
import { featuresFor } from './profiles.js';
import { planScript, runScript } from './run-script.js';
import type { CommandOutcome, PlannedCommand } from './run-script.js';
import type { FromWorker, ToWorker, WorkerData } from './worker.js';

export interface SuiteFile {
  /** Absolute path. */
  readonly abs: string;
  /** Path relative to the suite root, with forward slashes (the report's name). */
  readonly rel: string;
}

export interface FileResult {
  readonly file: string;
  readonly outcomes: readonly CommandOutcome[];
  /** Wall time in milliseconds. */
  readonly ms: number;
}

export interface PoolOptions {
  /** Number of worker threads; 0 runs everything in this thread (no time budget). */
  readonly jobs: number;
  /** Per-file time budget in milliseconds. */
  readonly timeoutMs: number;
  /** The compiled worker script (worker.js). */
  readonly workerUrl: URL;
  /** Called as each file completes. */
  readonly onFile?: (r: FileResult) => void;
  /** Fast (default) or exact interpreter code for the scripts' calls. */
  readonly mode?: RunMode;
}

/** Runs every file; the results come back in the order of `files`. */
export async function runFiles(files: readonly SuiteFile[], options: PoolOptions): Promise<FileResult[]> {
  if (options.jobs <= 0) return runInProcess(files, options);
  // Largest first, so a big file does not start last and stretch the tail of the run.
  const queue = [...files].sort((a, b) => sizeOf(b) - sizeOf(a));
  const results = new Map<string, FileResult>();
  const slots = Math.min(options.jobs, queue.length);
  await Promise.all(Array.from({ length: slots }, () => drain(queue, results, options)));
  return files.map((f) => results.get(f.rel)!);
}

function sizeOf(f: SuiteFile): number {
  try {
    return readFileSync(f.abs).length;
  } catch {
    return 0;
  }
}

async function runInProcess(files: readonly SuiteFile[], options: PoolOptions): Promise<FileResult[]> {
  const engine = await loadEngine(options.mode);
  const out: FileResult[] = [];
  for (const f of files) {
    const t0 = Date.now();
    let outcomes: CommandOutcome[];
    try {
      outcomes = runScript(readFileSync(f.abs, 'utf8'), { engine, features: featuresFor(f.rel) });
    } catch (e) {
      outcomes = [{ line: 0, command: 'file', ok: false, message: `cannot run file: ${String(e)}` }];
    }
    const r: FileResult = { file: f.rel, outcomes, ms: Date.now() - t0 };
    out.push(r);
    options.onFile?.(r);
  }
  return out;
}

/** One pool slot: takes files from the queue until it is empty, replacing dead workers. */
async function drain(queue: SuiteFile[], results: Map<string, FileResult>, options: PoolOptions): Promise<void> {
  let worker: Worker | null = null;
  try {
    for (let f = queue.shift(); f; f = queue.shift()) {
      if (worker && exited.has(worker)) worker = null;
      worker ??= newWorker(options.workerUrl, options.mode ?? 'fast');
      const { result, healthy } = await runOnWorker(worker, f, options.timeoutMs);
      results.set(f.rel, result);
      options.onFile?.(result);
      if (!healthy) {
        await worker.terminate();
        worker = null;
      }
    }
  } finally {
    if (worker) await worker.terminate();
  }
}

/** Workers that have exited (between files, a dead worker is replaced before use). */
const exited = new WeakSet<Worker>();

function newWorker(url: URL, mode: RunMode): Worker {
  // Bounded heap: an engine bug that allocates without end kills this worker, not the run.
  const w = new Worker(url, {
    resourceLimits: { maxOldGenerationSizeMb: 2048, stackSizeMb: 8 },
    workerData: { mode } satisfies WorkerData,
  });
  // Between files nobody listens; an idle worker's death must not become an unhandled event.
  w.on('error', () => {});
  w.once('exit', () => exited.add(w));
  return w;
}

/**
 * Runs one file on `worker`. Resolves when the file is done, or when it fails: timed out,
 * errored or the worker died. `healthy` is false when the worker must be replaced.
 */
function runOnWorker(worker: Worker, f: SuiteFile, timeoutMs: number): Promise<{ result: FileResult; healthy: boolean }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    let plan: readonly PlannedCommand[] | null = null;
    const outcomes: CommandOutcome[] = [];
    let settled = false;

    const finish = (healthy: boolean, failRestWith: string | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (failRestWith !== null) {
        const p = plan ?? planWithoutEngine(f);
        for (let i = outcomes.length; i < p.length; i++) {
          outcomes.push({ line: p[i].line, command: p[i].command, ok: false, message: failRestWith });
        }
        if (p.length === 0) outcomes.push({ line: 0, command: 'file', ok: false, message: failRestWith });
      }
      resolve({ result: { file: f.rel, outcomes, ms: Date.now() - t0 }, healthy });
    };

    const onMessage = (m: FromWorker): void => {
      if (m.rel !== f.rel) return;
      switch (m.type) {
        case 'plan': plan = m.plan; break;
        case 'outcome': outcomes.push(m.outcome); break;
        case 'done': finish(true, null); break;
        case 'error': finish(false, `runner error: ${m.message.split('\n')[0]}`); break;
      }
    };
    const onError = (e: Error): void => finish(false, `worker crashed: ${e.message}`);
    const onExit = (code: number): void => finish(false, `worker exited with code ${code}`);
    const timer = setTimeout(() => {
      finish(false, `timeout: the file exceeded its ${Math.round(timeoutMs / 1000)} s budget`);
    }, timeoutMs);

    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ type: 'run', abs: f.abs, rel: f.rel } satisfies ToWorker);
  });
}

/**
 * The commands of a file whose worker died before announcing them: the top-level forms as
 * the fallback splitter sees them (no engine needed), so they are still counted.
 */
function planWithoutEngine(f: SuiteFile): PlannedCommand[] {
  try {
    const none = {
      parseScript: null, parseModuleText: null, decodeModule: null, validateModule: null,
      instantiate: null, invoke: null, ensureValidated: null, missing: new Map(),
    };
    return planScript(readFileSync(f.abs, 'utf8'), none).map((s) => ({ line: s.line, command: s.command }));
  } catch {
    return [];
  }
}
