/**
 * Time to first instruction: from the module's bytes to the first export call returning
 * (compile + instantiate + one call doing almost nothing). On big.wasm that call is `run(0)`;
 * glasswasm translates lazily, so this should not grow with the number of functions.
 * `first` is the first time in this process (engine code still cold); `warm` a median of repeats.
 */
import { requireHostWasm } from '../engines/host-wasm.js';
import { glasswasmInstantiate } from '../engines/glasswasm.js';
import { median } from '../stats.js';

export interface StartupResult {
  engine: string;
  firstMs?: number;
  warmMs?: number;
  note?: string;
}

type Instantiate = (bytes: Uint8Array) => Promise<Record<string, unknown>>;

const nativeInstantiate: Instantiate = async (bytes) =>
  (await requireHostWasm().instantiate(bytes, {})).instance.exports;

const glasswasm: Instantiate = (bytes) => glasswasmInstantiate(bytes);

async function once(inst: Instantiate, bytes: Uint8Array, arg: number | undefined): Promise<number> {
  const t0 = performance.now();
  const exports = await inst(bytes);
  const run = exports['run'] as (...a: number[]) => unknown;
  if (arg === undefined) run();
  else run(arg);
  return performance.now() - t0;
}

export async function measureStartup(
  bytes: Uint8Array,
  arg: number | undefined,
  repeats = 3,
): Promise<StartupResult[]> {
  const results: StartupResult[] = [];
  for (const [engine, inst] of [
    ['native', nativeInstantiate],
    ['glasswasm', glasswasm],
  ] as const) {
    const r: StartupResult = { engine };
    try {
      r.firstMs = await once(inst, bytes, arg);
      const times: number[] = [];
      for (let i = 0; i < repeats; i++) times.push(await once(inst, bytes, arg));
      r.warmMs = median(times);
    } catch (e) {
      r.note = (e as Error).message.split('\n')[0];
    }
    results.push(r);
  }
  return results;
}
