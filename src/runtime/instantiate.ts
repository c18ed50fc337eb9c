// Module instantiation (spec 3.0 "Instantiation"), in the spec's order: validate, resolve and
// match imports, allocate functions, globals (initializers in order), tables, memories and
// tags, evaluate element segments, build exports, then run active element and data segments
// in order (dropping them as they complete; a trap leaves earlier effects visible), drop
// declarative segments, and finally call the start function.

import { LinkError, RuntimeError, Trap } from '../errors.js';
import { validateModule } from '../validator/validate.js';
import type { ValidatedModule } from '../validator/validate.js';
import { callFunc } from './call.js';
import type { ExecOptions } from './call.js';
import { DEFAULT_FEATURES } from '../syntax/features.js';
import type { Features } from '../syntax/features.js';
import { importCounts } from '../syntax/module.js';
import type { Elem, Module } from '../syntax/module.js';
import type { FuncType } from '../syntax/types.js';
import { LinearMemory, MemoryLimitError } from '../memory/linear-memory.js';
import { Table, TableLimitError } from '../memory/table.js';
import { OOB_MEMORY, OOB_TABLE } from '../memory/bounds.js';
import { FuncInstance } from './objects.js';
import type { ExternValue, ModuleInstance, Ref, TagInstance, Value } from './objects.js';
import { evalConst } from './const-eval.js';
import type { ConstContext } from './const-eval.js';
import { checkImport, UNKNOWN_IMPORT } from './link.js';
import { setTypeScope } from './type-scope.js';
import { makeGlobal } from './values.js';

/** Supplies the value for one import, or undefined when there is none ("unknown import"). */
export type ImportResolver = (module: string, name: string) => ExternValue | undefined;

export type { ExecOptions };

export interface InstantiateOptions {
  /** Enabled features for validation (default: all). */
  features?: Features;
  /** Host ceiling on each memory's size in bytes. */
  maxMemoryBytes?: number;
  /** Host ceiling on each table's element count. */
  maxTableElements?: number;
  /** Execution options for the start function (fuel, call depth, ...). */
  exec?: ExecOptions;
  /** Skip the start function (tools that only want the instance). Default false. */
  skipStart?: boolean;
}

/** Modules already validated, with the features they were validated under. */
const validated = new WeakMap<Module, { features: Features; result: ValidatedModule }>();

/** Validates once per module and feature set; throws ValidationError. */
export function ensureValidated(module: Module, features: Features = DEFAULT_FEATURES): ValidatedModule {
  const known = validated.get(module);
  if (known && known.features === features) return known.result;
  const result = validateModule(module, features);
  validated.set(module, { features, result });
  return result;
}

/** The validator's result for a module that was instantiated or compiled (side info). */
export function validationOf(module: Module): ValidatedModule | undefined {
  return validated.get(module)?.result;
}

export function instantiate(module: Module, imports: ImportResolver,
  options: InstantiateOptions = {}): ModuleInstance {
  const { typeIds } = ensureValidated(module, options.features ?? DEFAULT_FEATURES);
  const scope = { typeIds };

  // Resolve imports first: nothing is allocated for a module that fails to link.
  const resolved: ExternValue[] = [];
  for (const imp of module.imports) {
    const ext = imports(imp.module, imp.name);
    if (ext === undefined) throw new LinkError(UNKNOWN_IMPORT, `${imp.module}.${imp.name}`);
    checkImport(imp, ext, scope);
    resolved.push(ext);
  }

  const inst: ModuleInstance = {
    module, typeIds, funcs: [], tables: [], memories: [], globals: [], tags: [], elems: [],
    datas: [], exports: new Map(),
  };
  for (const ext of resolved) {
    switch (ext.kind) {
      case 'func': inst.funcs.push(ext.value); break;
      case 'table': inst.tables.push(ext.value); break;
      case 'memory': inst.memories.push(ext.value); break;
      case 'global': inst.globals.push(ext.value); break;
      case 'tag': inst.tags.push(ext.value); break;
    }
  }

  const counts = importCounts(module);
  const funcName = exportNames(module, 'func');
  module.funcs.forEach((f, i) => {
    const index = counts.func + i;
    const type = module.types[f.typeIdx].comp as FuncType;
    const name = module.names?.funcs.get(index) ?? funcName.get(index) ?? null;
    inst.funcs.push(new FuncInstance(type, typeIds[f.typeIdx], inst, index, f, null, name));
  });

  // Constant expressions see the functions and the globals defined so far.
  const ctx: ConstContext = inst;
  for (const g of module.globals) {
    const global = makeGlobal(g.type, evalConst(g.init, ctx));
    setTypeScope(global, scope);
    inst.globals.push(global);
  }
  for (const t of module.tables) {
    const init = t.init ? evalConst(t.init, ctx) : null;
    const table = allocate(() => new Table(t.type, init && init.type === 'ref' ? init.value : null,
      { maxElements: options.maxTableElements }));
    setTypeScope(table, scope);
    inst.tables.push(table);
  }
  for (const m of module.memories) {
    inst.memories.push(allocate(() => new LinearMemory(m.type, { maxBytes: options.maxMemoryBytes })));
  }
  for (const t of module.tags) {
    const funcType = module.types[t.type.typeIdx].comp as FuncType;
    const tag: TagInstance = { type: t.type, funcType, typeId: typeIds[t.type.typeIdx] };
    inst.tags.push(tag);
  }
  for (const e of module.elems) inst.elems.push(elemRefs(e, ctx));
  for (const d of module.datas) inst.datas.push(d.bytes);

  for (const ex of module.exports) inst.exports.set(ex.name, exportValue(inst, ex.kind, ex.index));

  initSegments(inst, ctx);

  if (module.start !== null && !options.skipStart) callFunc(inst.funcs[module.start], [], options.exec);
  return inst;
}

function exportNames(module: Module, kind: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const ex of module.exports) if (ex.kind === kind && !names.has(ex.index)) names.set(ex.index, ex.name);
  return names;
}

/** Allocation beyond a host limit is a runtime resource failure, not a crash. */
function allocate<T>(make: () => T): T {
  try {
    return make();
  } catch (e) {
    if (e instanceof MemoryLimitError || e instanceof TableLimitError) {
      throw new RuntimeError(`resource limit exceeded: ${e.message}`, { cause: e });
    }
    throw e;
  }
}

function elemRefs(e: Elem, ctx: ConstContext): Ref[] {
  if (e.init.kind === 'funcs') return e.init.funcs.map((i) => ctx.funcs[i]);
  return e.init.exprs.map((x) => {
    const v = evalConst(x, ctx);
    return v.type === 'ref' ? v.value : null;
  });
}

function exportValue(inst: ModuleInstance, kind: string, index: number): ExternValue {
  switch (kind) {
    case 'func': return { kind: 'func', value: inst.funcs[index] };
    case 'table': return { kind: 'table', value: inst.tables[index] };
    case 'memory': return { kind: 'memory', value: inst.memories[index] };
    case 'global': return { kind: 'global', value: inst.globals[index] };
    default: return { kind: 'tag', value: inst.tags[index] };
  }
}

/** An offset expression's value as an unsigned number (i64 beyond 2^53 stays out of range). */
function offsetOf(v: Value): number {
  if (v.type === 'i32') return v.value >>> 0;
  if (v.type === 'i64') return Number(BigInt.asUintN(64, v.value));
  return Infinity;
}

/** Active element then data segments, in order, each dropped once applied. */
function initSegments(inst: ModuleInstance, ctx: ConstContext): void {
  const { module } = inst;
  module.elems.forEach((e, i) => {
    if (e.mode.kind === 'active') {
      const refs = inst.elems[i]!;
      const table = inst.tables[e.mode.table];
      const at = offsetOf(evalConst(e.mode.offset, ctx));
      if (at + refs.length > table.elements.length) throw new Trap(OOB_TABLE);
      for (let k = 0; k < refs.length; k++) table.elements[at + k] = refs[k];
      inst.elems[i] = null;
    } else if (e.mode.kind === 'declarative') {
      inst.elems[i] = null;
    }
  });
  module.datas.forEach((d, i) => {
    if (d.mode.kind !== 'active') return;
    const mem = inst.memories[d.mode.memory];
    const at = offsetOf(evalConst(d.mode.offset, ctx));
    if (at + d.bytes.length > mem.u8.length) throw new Trap(OOB_MEMORY);
    mem.u8.set(d.bytes, at);
    inst.datas[i] = null;
  });
}
