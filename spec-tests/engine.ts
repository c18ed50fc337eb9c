// The engine stages the runner drives, loaded one by one at run time. Each stage is written by
// a different engineer and may be missing or broken while the engine grows: a stage that fails
// to load is recorded with the reason, and every command that needs it fails with that reason
// ("not executed: ...") instead of the whole runner failing to start. Nothing is skipped.

import type { Features } from '../src/syntax/features.js';
import type { Module } from '../src/syntax/module.js';
import type { Command } from '../src/text/script-ast.js';
import type { ExternValue, FuncInstance, ModuleInstance, Value } from '../src/runtime/objects.js';

export type ImportResolver = (module: string, name: string) => ExternValue | undefined;

export interface InstantiateOptions {
  features?: Features;
}

/** The signatures the runner relies on (the contracts in the team brief). */
export interface EngineStages {
  parseScript: ((source: string) => Command[]) | null;
  parseModuleText: ((source: string, features?: Features) => Module) | null;
  decodeModule: ((bytes: Uint8Array, features?: Features) => Module) | null;
  validateModule: ((m: Module, features?: Features) => unknown) | null;
  instantiate: ((m: Module, imports: ImportResolver, options?: InstantiateOptions) => ModuleInstance) | null;
  invoke: ((func: FuncInstance, args: Value[], options?: unknown) => Value[]) | null;
  /**
   * The runtime's validation with its per-(module, features) cache, when it exports one, so a
   * module the runner validated is not validated again by instantiate. Optional.
   */
  ensureValidated: ((m: Module, features?: Features) => void) | null;
  /** Why each missing stage is missing: "<stage>: <load error>". */
  readonly missing: Map<StageName, string>;
}

type StageName = keyof Omit<EngineStages, 'missing' | 'ensureValidated'>;

/** Where each stage lives (relative to this file, compiled or not) and its export name. */
const STAGES: readonly [StageName, string][] = [
  ['parseScript', '../src/text/parse-script.js'],
  ['parseModuleText', '../src/text/parse-module.js'],
  ['decodeModule', '../src/decoder/decode.js'],
  ['validateModule', '../src/validator/validate.js'],
  ['instantiate', '../src/runtime/instantiate.js'],
  ['invoke', '../src/interpreter/invoke.js'],
];

/** The interpreter's mode for the script's calls: fast code, or exact code (one step per instruction). */
export type RunMode = 'fast' | 'exact';

const loaded = new Map<RunMode, Promise<EngineStages>>();

/** Loads every stage once per process (or worker) and mode. */
export function loadEngine(mode: RunMode = 'fast'): Promise<EngineStages> {
  let p = loaded.get(mode);
  if (p === undefined) loaded.set(mode, p = loadStages(mode));
  return p;
}

async function loadStages(mode: RunMode): Promise<EngineStages> {
  const engine: EngineStages = {
    parseScript: null, parseModuleText: null, decodeModule: null, validateModule: null,
    instantiate: null, invoke: null, ensureValidated: null, missing: new Map(),
  };
  for (const [name, path] of STAGES) {
    try {
      // A computed specifier: the type checker must not require files that may not exist yet.
      const mod = await importStage(path);
      const fn = mod[name];
      if (typeof fn !== 'function') throw new Error(`${path} does not export ${name}`);
      (engine as unknown as Record<string, unknown>)[name] = fn;
      if (name === 'invoke' && mode === 'exact') {
        // every call the script makes runs exact code, and so do the wasm calls it makes
        // (start functions run at instantiation, in fast code)
        const inv = fn as NonNullable<EngineStages['invoke']>;
        engine.invoke = (f, args) => inv(f, args, { mode: 'exact' });
      }
      if (name === 'instantiate' && typeof mod.ensureValidated === 'function') {
        engine.ensureValidated = mod.ensureValidated as EngineStages['ensureValidated'];
      }
    } catch (e) {
      engine.missing.set(name, `${name}: ${firstLine(e)}`);
    }
  }
  return engine;
}

/**
 * Imports a stage. Compiled, `path` names a .js file beside ours; under vitest this file is the
 * TypeScript source, so the .ts twin is tried when the .js one does not exist.
 */
async function importStage(path: string): Promise<Record<string, unknown>> {
  const url = new URL(path, import.meta.url);
  try {
    return (await import(url.href)) as Record<string, unknown>;
  } catch (e) {
    if (!import.meta.url.endsWith('.ts')) throw e;
    return (await import(url.href.replace(/\.js$/, '.ts'))) as Record<string, unknown>;
  }
}

function firstLine(e: unknown): string {
  const s = e instanceof Error ? e.message : String(e);
  return s.split('\n')[0];
}
