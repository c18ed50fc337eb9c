// glasswasm's public API. Names follow the browser's `WebAssembly` namespace where the two
// overlap (validate, compile, instantiate, Instance, Memory, Table, Global, Tag and the error
// classes); the Value-level API below it (instantiateModule, invoke, hostFunc) serves tools
// such as the spec runner that need exact bits (NaN payloads, i64 words) at the boundary.

import { CompileError } from './errors.js';
import { decodeModule } from './decoder/decode.js';
import { parseModuleText } from './text/parse-module.js';
import { DEFAULT_FEATURES } from './syntax/features.js';
import type { Features } from './syntax/features.js';
import type { Module } from './syntax/module.js';
import { ensureValidated } from './runtime/instantiate.js';
import { Instance } from './runtime/api-instance.js';
import type { ApiOptions, ImportObject } from './runtime/api-instance.js';

export {
  CompileError, DecodeError, ValidationError, LinkError, RuntimeError, Trap, WasmException,
} from './errors.js';
export type { WasmFrame } from './errors.js';
export type { Module } from './syntax/module.js';
export type { Features } from './syntax/features.js';
export { DEFAULT_FEATURES, withFeatures } from './syntax/features.js';
export { Memory, Table, Global, Tag } from './runtime/api-objects.js';
export type { MemoryDescriptor, TableDescriptor, GlobalDescriptor, ValueTypeName } from './runtime/api-objects.js';
export { Instance, callFunc, externToJS, importObjectResolver } from './runtime/api-instance.js';
export type { ApiOptions, ImportObject } from './runtime/api-instance.js';

// Value-level API.
export { instantiate as instantiateModule } from './runtime/instantiate.js';
export type { ImportResolver, InstantiateOptions, ExecOptions } from './runtime/instantiate.js';
export { invoke, Execution } from './interpreter/invoke.js';
export type { ExecState, RunResult } from './interpreter/invoke.js';
export { hostFunc } from './runtime/host-func.js';
export { FuncInstance, HostRef, ExnInstance } from './runtime/objects.js';
export type {
  Value, Ref, HostFunc, ExternValue, ModuleInstance, GlobalInstance, MemoryInstance, TableInstance,
  TagInstance,
} from './runtime/objects.js';
export { LinearMemory } from './memory/linear-memory.js';
export { Table as TableStore } from './memory/table.js';
export {
  defaultValue, fromJS, toJS, readGlobal, writeGlobal, makeGlobal, formatValue,
  f32FromNumber, f64FromNumber, f32ToNumber, f64ToNumber,
} from './runtime/values.js';

/** Bytes or WebAssembly text. */
export type Source = Uint8Array | ArrayBuffer | string;

function toModule(source: Source, features: Features): Module {
  if (typeof source === 'string') return parseModuleText(source, features);
  const bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
  return decodeModule(bytes, features);
}

/** True when the bytes (or text) are a well-formed, valid module. */
export function validate(source: Source, features: Features = DEFAULT_FEATURES): boolean {
  try {
    ensureValidated(toModule(source, features), features);
    return true;
  } catch (e) {
    if (e instanceof CompileError) return false;
    throw e;
  }
}

/** Decodes (or parses WAT) and validates; throws DecodeError / ValidationError. */
export function compile(source: Source, features: Features = DEFAULT_FEATURES): Module {
  const m = toModule(source, features);
  ensureValidated(m, features);
  return m;
}

/** Instantiates a compiled module (or compiles `source` first) with a JS import object. */
export function instantiate(module: Module | Source, importObject?: ImportObject,
  options: ApiOptions = {}): Instance {
  const features = options.features ?? DEFAULT_FEATURES;
  const m = typeof module === 'string' || module instanceof Uint8Array || module instanceof ArrayBuffer
    ? compile(module, features) : module;
  return new Instance(m, importObject, options);
}

/** Like `WebAssembly.Module.imports`: each import's module, name and kind. */
export function moduleImports(m: Module): { module: string; name: string; kind: string }[] {
  return m.imports.map((i) => ({ module: i.module, name: i.name, kind: i.desc.kind }));
}

/** Like `WebAssembly.Module.exports`: each export's name and kind. */
export function moduleExports(m: Module): { name: string; kind: string }[] {
  return m.exports.map((e) => ({ name: e.name, kind: e.kind }));
}
