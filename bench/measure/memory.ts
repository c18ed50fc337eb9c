/**
 * Interpreter memory per byte of code: the growth of the JS heap plus array buffers after
 * compile + instantiate + a first call (and again after calling every function, since
 * glasswasm translates lazily), minus the linear memory itself, divided by the size of the
 * code section. Needs a forced GC, enabled here through V8 flags at run time.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { glasswasmInstantiate } from '../engines/glasswasm.js';
import { codeSectionSize } from './sections.js';

export interface MemoryResult {
  codeBytes: number;
  /** After instantiate + run(first). */
  firstCallBytes?: number;
  /** After run(all): every function called at least once. */
  allCalledBytes?: number;
  note?: string;
}

let gcFn: (() => void) | undefined;

function gc(): void {
  if (!gcFn) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  gcFn();
  gcFn();
}

function used(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function linearMemoryBytes(exports: Record<string, unknown>): number {
  const mem = exports['memory'] as { buffer?: ArrayBuffer } | undefined;
  try {
    return mem?.buffer?.byteLength ?? 0;
  } catch {
    return 0;
  }
}

/** `firstArg`/`allArg`: arguments of `run` for the first call and the call-everything call. */
export async function measureMemory(
  bytes: Uint8Array,
  firstArg: number | undefined,
  allArg: number | undefined,
): Promise<MemoryResult> {
  const result: MemoryResult = { codeBytes: codeSectionSize(bytes) };
  try {
    gc();
    const before = used();
    const exports = await glasswasmInstantiate(bytes);
    const run = exports['run'] as (...a: number[]) => unknown;
    if (firstArg === undefined) run();
    else run(firstArg);
    gc();
    const linear = linearMemoryBytes(exports);
    result.firstCallBytes = used() - before - linear;
    if (allArg !== undefined) {
      run(allArg);
      gc();
      result.allCalledBytes = used() - before - linearMemoryBytes(exports);
    }
    // Keep the instance alive until after the measurements.
    if (typeof run !== 'function') result.note = 'no run export';
  } catch (e) {
    result.note = (e as Error).message.split('\n')[0];
  }
  return result;
}
