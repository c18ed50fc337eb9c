// The `spectest` host module, as the reference interpreter defines it
// (WebAssembly/spec interpreter/host/spectest.ml), plus `shared_memory` from the threads
// proposal's version of that file:
//   print, print_i32, print_i64, print_f32, print_f64, print_i32_f32, print_f64_f64  (no results)
//   global_i32 = 666, global_i64 = 666, global_f32 = 666.6, global_f64 = 666.6   (immutable)
//   table   = 10..20 funcref (i32 addresses), table64 = 10..20 funcref (i64 addresses)
//   memory  = 1..2 pages, shared_memory = 1..2 pages shared
// Any other name is not provided, so importing it is an "unknown import" link error.
// A fresh instance per script, as the reference interpreter runs each script in its own process.
// The print functions print nothing: the runner's output is its report.

import { hostFunc } from '../src/runtime/host-func.js';
import { f32FromNumber, f64FromNumber, makeGlobal } from '../src/runtime/values.js';
import { LinearMemory } from '../src/memory/linear-memory.js';
import { Table } from '../src/memory/table.js';
import type { ExternValue, Value } from '../src/runtime/objects.js';
import { funcref } from '../src/syntax/types.js';
import type { MemType, NumType, TableType } from '../src/syntax/types.js';

export type HostModule = (name: string) => ExternValue | undefined;

function memType(shared: boolean): MemType {
  return { limits: { min: 1, max: 2, is64: false }, shared, pageSizeLog2: 16 };
}

function tableType(is64: boolean): TableType {
  return { elem: funcref, limits: { min: 10, max: 20, is64 } };
}

const PRINTS: Readonly<Record<string, readonly NumType[]>> = {
  print: [],
  print_i32: ['i32'],
  print_i64: ['i64'],
  print_f32: ['f32'],
  print_f64: ['f64'],
  print_i32_f32: ['i32', 'f32'],
  print_f64_f64: ['f64', 'f64'],
};

const GLOBALS: Readonly<Record<string, () => Value>> = {
  global_i32: () => ({ type: 'i32', value: 666 }),
  global_i64: () => ({ type: 'i64', value: 666n }),
  global_f32: () => f32FromNumber(666.6),
  global_f64: () => f64FromNumber(666.6),
};

/** Builds a fresh spectest module; each extern is created on first lookup and then kept. */
export function createSpectest(): HostModule {
  const made = new Map<string, ExternValue>();
  const build = (name: string): ExternValue | undefined => {
    if (Object.hasOwn(PRINTS, name)) {
      const params = PRINTS[name];
      return { kind: 'func', value: hostFunc({ kind: 'func', params, results: [] }, () => [], `spectest.${name}`) };
    }
    if (Object.hasOwn(GLOBALS, name)) {
      const v = GLOBALS[name]();
      return { kind: 'global', value: makeGlobal({ type: v.type as NumType, mutable: false }, v) };
    }
    switch (name) {
      case 'table': return { kind: 'table', value: new Table(tableType(false), null) };
      case 'table64': return { kind: 'table', value: new Table(tableType(true), null) };
      case 'memory': return { kind: 'memory', value: new LinearMemory(memType(false)) };
      case 'shared_memory': return { kind: 'memory', value: new LinearMemory(memType(true)) };
      default: return undefined;
    }
  };
  return (name) => {
    let ext = made.get(name);
    if (!ext) {
      ext = build(name);
      if (ext) made.set(name, ext);
    }
    return ext;
  };
}
