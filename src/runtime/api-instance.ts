// The JS-API instance: turns an import object ({module: {name: value}}) into extern values
// for the runtime, and an instance's exports into JS values (callable functions, Memory,
// Table, Global and Tag wrappers). Wrappers are cached so the same runtime object always
// shows up as the same JS object.

import { LinkError } from '../errors.js';
import { callFunc } from './call.js';
import type { Module } from '../syntax/module.js';
import type { FuncType } from '../syntax/types.js';
import { canonicalTypeIds } from '../validator/canonical.js';
import type { ExternValue, FuncInstance, ModuleInstance, Value } from './objects.js';
import { hostFunc } from './host-func.js';
import { instantiate as instantiateModule } from './instantiate.js';
import type { ExecOptions, ImportResolver, InstantiateOptions } from './instantiate.js';
export { callFunc };
import {
  funcOfWrapper, Global, Memory, setWrapperFactory, Table, Tag, valueFromJS, valueToJS, wrapFunc,
} from './api-objects.js';
import { makeGlobal } from './values.js';

export type ImportObject = Record<string, Record<string, unknown> | undefined>;

/** Options of the JS-level API. */
export interface ApiOptions {
  features?: InstantiateOptions['features'];
  limits?: {
    /** Each memory's maximum size in bytes. */
    memoryBytes?: number;
    /** Each table's maximum element count. */
    tableElements?: number;
    /** Maximum depth of nested wasm calls ("call stack exhausted" beyond it). */
    callDepth?: number;
  };
  /** Budget in wasm instructions for each call from JS (and the start function): "out of fuel" trap. */
  fuel?: number;
  /** Further execution options (mode, ...); `fuel` and `limits.callDepth` override its fields. */
  exec?: ExecOptions;
}

function execOptions(o: ApiOptions): ExecOptions | undefined {
  if (o.exec === undefined && o.fuel === undefined && o.limits?.callDepth === undefined) return undefined;
  const e: ExecOptions = { ...o.exec };
  if (o.fuel !== undefined) e.fuel = o.fuel;
  if (o.limits?.callDepth !== undefined) e.maxCallDepth = o.limits.callDepth;
  return e;
}

/** Options per exported-function wrapper (set once per instance). */
const execOf = new WeakMap<FuncInstance, ExecOptions>();


setWrapperFactory((f: FuncInstance) => {
  const type = f.type;
  const wrapper = function (...jsArgs: unknown[]): unknown {
    const args = type.params.map((t, i) => valueFromJS(t, jsArgs[i]));
    const results = callFunc(f, args, execOf.get(f));
    if (results.length === 0) return undefined;
    if (results.length === 1) return valueToJS(results[0]);
    return results.map(valueToJS);
  };
  Object.defineProperty(wrapper, 'name', { value: String(f.index >= 0 ? f.index : (f.name ?? 'host')) });
  Object.defineProperty(wrapper, 'length', { value: type.params.length });
  return wrapper;
});

const memoryWrappers = new WeakMap<object, Memory>();
const tableWrappers = new WeakMap<object, Table>();
const globalWrappers = new WeakMap<object, Global>();
const tagWrappers = new WeakMap<object, Tag>();

function cached<K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/** The JS value of an extern value (what `instance.exports.x` holds). */
export function externToJS(ext: ExternValue): unknown {
  switch (ext.kind) {
    case 'func': return wrapFunc(ext.value);
    case 'memory': return cached(memoryWrappers, ext.value, () => new Memory({ raw: ext.value }));
    case 'table': return cached(tableWrappers, ext.value, () => new Table({ raw: ext.value }));
    case 'global': return cached(globalWrappers, ext.value, () => new Global({ raw: ext.value }));
    case 'tag': return cached(tagWrappers, ext.value, () => new Tag({ raw: ext.value }));
  }
}

/**
 * A resolver over a JS import object. JS functions become host functions of the importing
 * declaration's type; numbers/BigInts become immutable globals. The runtime asks in import
 * order, so repeated (module, name) pairs are served per declaration.
 */
export function importObjectResolver(module: Module, importObject: ImportObject = {}): ImportResolver {
  const typeIds = canonicalTypeIds(module);
  const pending = new Map<string, number[]>();
  module.imports.forEach((imp, i) => {
    const key = `${imp.module}\u0000${imp.name}`;
    const list = pending.get(key);
    if (list) list.push(i); else pending.set(key, [i]);
  });
  return (modName: string, name: string): ExternValue | undefined => {
    const idx = pending.get(`${modName}\u0000${name}`)?.shift();
    const ns = importObject[modName];
    if (idx === undefined || ns === undefined || ns === null || typeof ns !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(ns, name) && !(name in ns)) return undefined;
    const v = ns[name];
    const desc = module.imports[idx].desc;
    const where = `${modName}.${name}`;
    const bad = (): never => { throw new LinkError('incompatible import type', `${where}: unsupported JS value`); };
    switch (desc.kind) {
      case 'func': {
        if (typeof v !== 'function') return bad();
        const f = funcOfWrapper(v);
        if (f) return { kind: 'func', value: f };
        const type = module.types[desc.typeIdx].comp as FuncType;
        const fn = v as (...a: unknown[]) => unknown;
        return {
          kind: 'func',
          value: hostFunc(type, (args) => {
            const r = fn(...args.map(valueToJS));
            if (type.results.length === 0) return [];
            if (type.results.length === 1) return [valueFromJS(type.results[0], r)];
            const list = Array.from(r as Iterable<unknown>);
            return type.results.map((t, k) => valueFromJS(t, list[k]));
          }, where, typeIds[desc.typeIdx]),
        };
      }
      case 'memory': return v instanceof Memory ? { kind: 'memory', value: v.raw } : bad();
      case 'table': return v instanceof Table ? { kind: 'table', value: v.raw } : bad();
      case 'tag': return v instanceof Tag ? { kind: 'tag', value: v.raw } : bad();
      case 'global': {
        if (v instanceof Global) return { kind: 'global', value: v.raw };
        if (desc.type.mutable) return bad();
        if (typeof v === 'number' || typeof v === 'bigint' || typeof desc.type.type === 'object') {
          return { kind: 'global', value: makeGlobal(desc.type, convertGlobal(desc.type.type, v, where)) };
        }
        return bad();
      }
    }
  };
}

function convertGlobal(t: Parameters<typeof valueFromJS>[0], v: unknown, where: string): Value {
  try {
    return valueFromJS(t, v);
  } catch (e) {
    throw new LinkError('incompatible import type', `${where}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A module instance seen from JS. */
export class Instance {
  readonly exports: Record<string, unknown>;
  /** The runtime instance (for the Value-level API and tools). */
  readonly raw: ModuleInstance;

  constructor(module: Module, importObject?: ImportObject, options: ApiOptions = {}) {
    const opts: InstantiateOptions = {
      features: options.features,
      maxMemoryBytes: options.limits?.memoryBytes,
      maxTableElements: options.limits?.tableElements,
      exec: execOptions(options),
    };
    this.raw = instantiateModule(module, importObjectResolver(module, importObject), opts);
    const exports: Record<string, unknown> = Object.create(null);
    for (const [name, ext] of this.raw.exports) {
      if (ext.kind === 'func' && opts.exec !== undefined && !execOf.has(ext.value)) execOf.set(ext.value, opts.exec);
      exports[name] = externToJS(ext);
    }
    this.exports = Object.freeze(exports);
  }
}
