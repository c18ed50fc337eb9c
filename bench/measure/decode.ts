/**
 * Decode and decode+validate throughput on the largest module (bench/wasm/big.wasm), in MB/s
 * (1 MB = 10^6 bytes). Native `new WebAssembly.Module` is shown for reference: V8 compiles
 * lazily, so that is mostly its own decode+validate.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { requireHostWasm } from '../engines/host-wasm.js';
import { DECODER_ENTRY, VALIDATOR_ENTRY } from '../paths.js';
import { median, timed } from '../stats.js';

export interface DecodeResult {
  bytes: number;
  /** Warm: median after two warm-up runs. */
  decodeMBs?: number;
  decodeValidateMBs?: number;
  /** Cold: the first run in this process (engine code not yet optimized by V8). */
  decodeColdMBs?: number;
  decodeValidateColdMBs?: number;
  nativeCompileMBs?: number;
  note?: string;
}

type DecodeFn = (bytes: Uint8Array) => unknown;
type ValidateFn = (module: unknown) => unknown;

async function importFn<T>(file: string, name: string): Promise<T | string> {
  if (!existsSync(file)) return `${file.replace(/.*\/dist\//, 'dist/')} not built`;
  try {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const fn = mod[name];
    return typeof fn === 'function' ? (fn as T) : `${name} is not exported yet`;
  } catch (e) {
    return `failed to load: ${(e as Error).message.split('\n')[0]}`;
  }
}

/**
 * The first run's time, then (after one more warm-up) the median of repeats until `minMs`
 * have passed (at least `minRuns`). V8 needs a few runs to optimize a decoder's hot loops.
 */
function coldAndWarm(fn: () => unknown, minRuns = 3, minMs = 1500): { cold: number; warm: number } {
  const cold = timed(fn).ms;
  fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || (performance.now() - start < minMs && times.length < 50)) {
    times.push(timed(fn).ms);
  }
  return { cold, warm: median(times) };
}

export async function measureDecode(bytes: Uint8Array): Promise<DecodeResult> {
  const result: DecodeResult = { bytes: bytes.length };
  const mb = bytes.length / 1e6;
  const perSec = (ms: number) => mb / (ms / 1000);
  result.nativeCompileMBs = perSec(coldAndWarm(() => new (requireHostWasm().Module)(bytes)).warm);

  const decode = await importFn<DecodeFn>(DECODER_ENTRY, 'decodeModule');
  if (typeof decode === 'string') {
    result.note = `decodeModule: ${decode}`;
    return result;
  }
  try {
    const t = coldAndWarm(() => decode(bytes));
    result.decodeColdMBs = perSec(t.cold);
    result.decodeMBs = perSec(t.warm);
  } catch (e) {
    result.note = `decodeModule threw: ${(e as Error).message.split('\n')[0]}`;
    return result;
  }
  const validate = await importFn<ValidateFn>(VALIDATOR_ENTRY, 'validateModule');
  if (typeof validate === 'string') {
    result.note = `validateModule: ${validate}`;
    return result;
  }
  try {
    const t = coldAndWarm(() => validate(decode(bytes)));
    result.decodeValidateColdMBs = perSec(t.cold);
    result.decodeValidateMBs = perSec(t.warm);
  } catch (e) {
    result.note = `validateModule threw: ${(e as Error).message.split('\n')[0]}`;
  }
  return result;
}
