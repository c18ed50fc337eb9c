/**
 * glasswasm through its public API (src/index.ts, compiled to dist/src/index.js):
 * `compile(bytes)`, `instantiate(module, imports, options)`, `instance.exports.run()`.
 *
 * The entry is imported at run time, not statically: the harness must still run (and report
 * glasswasm as n/a with the reason) while the engine is incomplete or fails to load.
 * The shape below is the contract the harness relies on; either sync or async results work.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { GLASSWASM_ENTRY } from '../paths.js';
import { toChecksum, type Engine, type RunFn } from './engine.js';

/**
 * Per-instance options the harness varies: fuel budget and translation mode. They travel as
 * the API's `exec` options (ApiOptions.exec in src/runtime/api-instance.ts), which every call
 * of an exported function receives.
 */
export interface GlasswasmOptions {
  fuel?: number;
  mode?: 'fast' | 'exact';
}

export interface GlasswasmApi {
  compile(bytes: Uint8Array): unknown;
  instantiate(module: unknown, imports: object, options?: object): unknown;
}

interface InstanceLike {
  exports: Record<string, unknown>;
}

let api: GlasswasmApi | undefined;
let failure: string | undefined;

export async function loadGlasswasm(): Promise<{ api?: GlasswasmApi; failure?: string }> {
  if (api || failure) return { api, failure };
  if (!existsSync(GLASSWASM_ENTRY)) {
    failure = 'dist/src/index.js not built (src/index.ts missing or `npm run build` not run)';
    return { failure };
  }
  try {
    const mod = (await import(pathToFileURL(GLASSWASM_ENTRY).href)) as Partial<GlasswasmApi>;
    if (typeof mod.compile !== 'function' || typeof mod.instantiate !== 'function') {
      failure = 'src/index.ts does not export compile() and instantiate() yet';
    } else {
      api = mod as GlasswasmApi;
    }
  } catch (e) {
    failure = `src/index.ts failed to load: ${(e as Error).message.split('\n')[0]}`;
  }
  return { api, failure };
}

/** compile + instantiate with no imports; resolves to the instance's exports. */
export async function glasswasmInstantiate(
  bytes: Uint8Array,
  options: GlasswasmOptions = {},
): Promise<Record<string, unknown>> {
  const { api: gw, failure: why } = await loadGlasswasm();
  if (!gw) throw new Error(why);
  const module = await gw.compile(bytes);
  const exec: GlasswasmOptions = { ...options };
  const apiOptions = Object.keys(exec).length > 0 ? { exec } : {};
  const instance = (await gw.instantiate(module, {}, apiOptions)) as InstanceLike;
  if (!instance?.exports) throw new Error('instantiate() returned no exports');
  return instance.exports;
}

/** Instantiates with the given options; resolves to the `run` export. */
export async function glasswasmRun(bytes: Uint8Array, options: GlasswasmOptions = {}): Promise<RunFn> {
  const exports = await glasswasmInstantiate(bytes, options);
  const run = exports['run'];
  if (typeof run !== 'function') throw new Error('instance.exports.run is not a function');
  return () => toChecksum((run as () => unknown)());
}

export function glasswasmEngine(name = 'glasswasm', options: GlasswasmOptions = {}): Engine {
  return {
    name,
    async unavailable() {
      return (await loadGlasswasm()).failure;
    },
    load: (bytes) => glasswasmRun(bytes, options),
  };
}
