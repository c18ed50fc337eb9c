// The `spectest` host module the official test suite imports (see the reference
// interpreter's host/spectest.ml): print functions, four globals holding 666 / 666.6, a
// funcref table of 10 (max 20) and a memory of 1 page (max 2). `print` writes go to a sink.

import type { ExternValue, Value } from './objects.js';
import { hostFunc } from './host-func.js';
import { LinearMemory } from '../memory/linear-memory.js';
import { Table } from '../memory/table.js';
import { f32FromNumber, f64FromNumber, formatValue, makeGlobal } from './values.js';
import { funcref } from '../syntax/types.js';
import type { ValType } from '../syntax/types.js';

/** A fresh spectest module; `print` receives one line per call. */
export function spectestExports(print: (line: string) => void = () => {}): Map<string, ExternValue> {
  const m = new Map<string, ExternValue>();
  const printer = (name: string, params: ValType[]) => {
    m.set(name, {
      kind: 'func',
      value: hostFunc({ kind: 'func', params, results: [] }, (args: Value[]) => {
        print(args.map((a) => `${a.type === 'ref' ? 'ref' : a.type}:${formatValue(a)}`).join(' '));
        return [];
      }, `spectest.${name}`),
    });
  };
  printer('print', []);
  printer('print_i32', ['i32']);
  printer('print_i64', ['i64']);
  printer('print_f32', ['f32']);
  printer('print_f64', ['f64']);
  printer('print_i32_f32', ['i32', 'f32']);
  printer('print_f64_f64', ['f64', 'f64']);
  m.set('global_i32', { kind: 'global', value: makeGlobal({ type: 'i32', mutable: false }, { type: 'i32', value: 666 }) });
  m.set('global_i64', { kind: 'global', value: makeGlobal({ type: 'i64', mutable: false }, { type: 'i64', value: 666n }) });
  m.set('global_f32', { kind: 'global', value: makeGlobal({ type: 'f32', mutable: false }, f32FromNumber(666.6)) });
  m.set('global_f64', { kind: 'global', value: makeGlobal({ type: 'f64', mutable: false }, f64FromNumber(666.6)) });
  m.set('table', { kind: 'table', value: new Table({ elem: funcref, limits: { min: 10, max: 20, is64: false } }) });
  m.set('table64', { kind: 'table', value: new Table({ elem: funcref, limits: { min: 10, max: 20, is64: true } }) });
  m.set('memory', {
    kind: 'memory',
    value: new LinearMemory({ limits: { min: 1, max: 2, is64: false }, shared: false, pageSizeLog2: 16 }),
  });
  // From the threads proposal's version of the host module.
  m.set('shared_memory', {
    kind: 'memory',
    value: new LinearMemory({ limits: { min: 1, max: 2, is64: false }, shared: true, pageSizeLog2: 16 }),
  });
  return m;
}
