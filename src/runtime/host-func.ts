// Host functions: a JS callback seen by wasm as a function of a given type. The callback's
// JS exceptions become a Trap "host error" (with the exception as `cause`) so nothing but the
// engine's error kinds reaches the caller; wasm traps and wasm exceptions pass through.

import { Trap, WasmException } from '../errors.js';
import { canonicalTypeIds } from '../validator/canonical.js';
import { emptyModule } from '../syntax/module.js';
import type { FuncType } from '../syntax/types.js';
import { FuncInstance } from './objects.js';
import type { HostFunc, Value } from './objects.js';
import { valueKind } from './values.js';

export const HOST_ERROR = 'host error';

/** The canonical id of a function type given on its own (abstract reference types only). */
export function canonicalFuncTypeId(type: FuncType): number {
  const m = emptyModule();
  m.types.push({ final: true, supers: [], comp: type });
  m.recGroups.push({ start: 0, count: 1, explicit: false });
  return canonicalTypeIds(m)[0];
}

/** A Trap "host error: ..." wrapping what a host callback threw. */
export function hostErrorTrap(name: string | null, err: unknown): Trap {
  const what = err instanceof Error ? err.message : String(err);
  const t = new Trap(HOST_ERROR, [], err);
  t.message = `${HOST_ERROR}${name ? ` in ${name}` : ''}: ${what}`;
  return t;
}

/**
 * Makes a FuncInstance for `fn`. `typeId` defaults to the canonical id of `type` on its own;
 * pass the importing module's id when the type mentions concrete type indices.
 */
export function hostFunc(type: FuncType, fn: HostFunc, name: string | null = null,
  typeId: number = canonicalFuncTypeId(type)): FuncInstance {
  const guarded: HostFunc = (args: Value[]) => {
    let results: Value[];
    try {
      results = fn(args);
    } catch (e) {
      if (e instanceof Trap || e instanceof WasmException) throw e;
      throw hostErrorTrap(name, e);
    }
    checkResults(type, results, name);
    return results;
  };
  return new FuncInstance(type, typeId, null, -1, null, guarded, name);
}

function checkResults(type: FuncType, results: unknown, name: string | null): void {
  if (!Array.isArray(results) || results.length !== type.results.length) {
    throw hostErrorTrap(name, new Error(
      `expected ${type.results.length} result(s), got ${Array.isArray(results) ? results.length : typeof results}`));
  }
  for (let i = 0; i < results.length; i++) {
    const v = results[i] as Value | undefined;
    if (!v || v.type !== valueKind(type.results[i])) {
      throw hostErrorTrap(name, new Error(`result ${i} is not a ${valueKind(type.results[i])}`));
    }
  }
}
